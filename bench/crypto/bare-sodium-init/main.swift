// The bare CGI program linked with libsodium and calling sodium_init, as any process that
// hashed with libsodium would before its first hash.
import BareAnswer
import CSodium

guard sodium_init() >= 0 else { fatalError("sodium_init failed") }
answerFixed303()
