// OpenSSL's libcrypto (Debian: libssl-dev), imported only by ShelfCrypto.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
