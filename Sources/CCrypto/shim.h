// OpenSSL's libcrypto (Debian: libssl-dev), imported only by ShelfCrypto.
//
// SHA-256 and HMAC-SHA256 go through the SHA256_* functions, which OpenSSL 3 marks deprecated
// in favour of EVP but still ships: the first EVP digest of a process loads openssl.cnf and
// fetches the default provider's algorithm table, some 6 million instructions, and a CGI
// process pays that on every request to hash one session cookie. The functions below are the
// whole of what ShelfCrypto needs from them.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <string.h>

/// The SHA-256 of `count` bytes at `data`, into `digest` (32 bytes).
static inline void shelf_crypto_sha256(const void *data, size_t count, unsigned char *digest) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, data, count);
    SHA256_Final(digest, &context);
    OPENSSL_cleanse(&context, sizeof context);
}

/// The HMAC-SHA256 (RFC 2104) of `count` bytes at `message` under `key`, into `mac` (32 bytes).
static inline void shelf_crypto_hmac_sha256(
    const void *key, size_t keyCount, const void *message, size_t count, unsigned char *mac
) {
    unsigned char block[SHA256_CBLOCK] = {0};
    unsigned char pad[SHA256_CBLOCK];
    unsigned char inner[SHA256_DIGEST_LENGTH];
    if (keyCount > SHA256_CBLOCK) {
        shelf_crypto_sha256(key, keyCount, block);
    } else if (keyCount > 0) {
        memcpy(block, key, keyCount);
    }
    SHA256_CTX context;
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x36;
    SHA256_Init(&context);
    SHA256_Update(&context, pad, sizeof pad);
    SHA256_Update(&context, message, count);
    SHA256_Final(inner, &context);
    for (size_t i = 0; i < SHA256_CBLOCK; i++) pad[i] = block[i] ^ 0x5c;
    SHA256_Init(&context);
    SHA256_Update(&context, pad, sizeof pad);
    SHA256_Update(&context, inner, sizeof inner);
    SHA256_Final(mac, &context);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(inner, sizeof inner);
    OPENSSL_cleanse(&context, sizeof context);
}
