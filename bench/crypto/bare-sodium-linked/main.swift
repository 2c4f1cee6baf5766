// The bare CGI program linked with libsodium (one call keeps the library a NEEDED entry): the
// dynamic loader maps and relocates libsodium in every process, sodium_init is not called.
import BareAnswer
import CSodium

if sodium_library_version_major() < 0 { print("libsodium") }
answerFixed303()
