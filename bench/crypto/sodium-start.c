// Linked into the bench-only variant of the cart (bench/crypto/run relinks the cart's objects
// with this file and -lsodium): libsodium becomes a NEEDED library of the cart and sodium_init
// runs before main, as it would once per process if the cart hashed with libsodium.
#include <sodium.h>
#include <stdlib.h>

__attribute__((constructor)) static void start_sodium(void) {
    if (sodium_init() < 0) abort();
}
