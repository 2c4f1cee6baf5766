// The bare CGI program: the floor the two libsodium variants are measured against.
import BareAnswer

answerFixed303()
