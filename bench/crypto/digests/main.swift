// Shelf's Swift SHA-256, HMAC-SHA256, random bytes and constant-time comparison (ShelfCrypto,
// the shipped sources) against libsodium's, on the sizes the functions hash: a session token
// (32 bytes of text and more), a form token's input (about 64), a link or code (up to 200), and
// a 4 KB webhook body. Each case runs in batches of at least 50 ms; the figure is the median
// batch's nanoseconds per call. One JSON object per case on stdout.
//
// `digests --count swift|libsodium N` times nothing: it does N times what one cart request
// hashes (the SHA-256 of a 43-byte session token, the HMAC-SHA256 of a 69-byte form-token input,
// one comparison of two 43-byte tokens) with one implementation, for bench/crypto/run to count
// the instructions under callgrind (N = 1000 minus N = 0).
import CSodium
import Glibc
import ShelfCrypto

func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Hides `value` from the optimiser, so a call on loop-invariant input is not hoisted out of the loop.
@_optimize(none)
func opaque<T>(_ value: T) -> T { value }

/// The median nanoseconds per call of `work` over `batches` batches of at least 50 ms each.
func measure(batches: Int = 7, _ work: () -> UInt8) -> (ns: Double, calls: Int) {
    var sink: UInt8 = 0
    var calls = 16
    while true {
        let start = nanoseconds()
        for _ in 0..<calls { sink &+= work() }
        if nanoseconds() - start >= 50_000_000 { break }
        calls *= 2
    }
    var perCall: [Double] = []
    for _ in 0..<batches {
        let start = nanoseconds()
        for _ in 0..<calls { sink &+= work() }
        perCall.append(Double(nanoseconds() - start) / Double(calls))
    }
    if sink == 1 && calls == 0 { print("") }  // keeps the results observable
    return (perCall.sorted()[batches / 2], calls)
}

func sodiumSHA256(_ message: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
    _ = crypto_hash_sha256(&out, message, UInt64(message.count))
    return out
}

func sodiumHMACSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
    var state = crypto_auth_hmacsha256_state()
    var out = [UInt8](repeating: 0, count: Int(crypto_auth_hmacsha256_BYTES))
    _ = crypto_auth_hmacsha256_init(&state, key, key.count)
    _ = crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
    _ = crypto_auth_hmacsha256_final(&state, &out)
    return out
}

func sodiumRandom(_ count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    randombytes_buf(&out, count)
    return out
}

func sodiumEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.count == b.count && sodium_memcmp(a, b, a.count) == 0
}

guard sodium_init() >= 0 else { fatalError("sodium_init failed") }

// The two sides must agree before either is timed.
let key = (0..<32).map { UInt8($0 &* 7 &+ 3) }
for size in [0, 32, 55, 56, 64, 200, 4096] {
    let message = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 1) }
    precondition(Digest.sha256(message) == sodiumSHA256(message), "SHA-256 differs at \(size) bytes")
    precondition(
        Digest.hmacSHA256(key: key, message: message) == sodiumHMACSHA256(key: key, message: message), "HMAC differs at \(size) bytes")
}

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "--count", let count = Int(arguments[3]) {
    let sessionToken = Array(String(repeating: "s", count: 43).utf8)
    let formInput = Array(("form:" + String(repeating: "f", count: 64)).utf8)
    let sent = Array(String(repeating: "t", count: 43).utf8)
    var sink: UInt8 = 0
    for _ in 0..<count {
        if arguments[2] == "swift" {
            sink &+= Digest.sha256(opaque(sessionToken))[0]
            sink &+= Digest.hmacSHA256(key: key, message: opaque(formInput))[0]
            sink &+= Digest.constantTimeEquals(opaque(sent), sessionToken) ? 1 : 0
        } else {
            sink &+= sodiumSHA256(opaque(sessionToken))[0]
            sink &+= sodiumHMACSHA256(key: key, message: opaque(formInput))[0]
            sink &+= sodiumEquals(opaque(sent), sessionToken) ? 1 : 0
        }
    }
    print(sink)
    exit(0)
}
guard arguments.count == 1 else { fatalError("usage: digests [--count swift|libsodium N]") }

func report(_ operation: String, _ bytes: Int, _ implementation: String, _ result: (ns: Double, calls: Int)) {
    print(
        "{\"operation\": \"\(operation)\", \"bytes\": \(bytes), \"implementation\": \"\(implementation)\", \"ns_per_call\": \((result.ns * 10).rounded() / 10), \"calls_per_batch\": \(result.calls)}"
    )
}

for size in [32, 64, 200, 4096] {
    let message = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 1) }
    report("sha256", size, "swift", measure { Digest.sha256(opaque(message))[0] })
    report("sha256", size, "libsodium", measure { sodiumSHA256(opaque(message))[0] })
    report("hmac_sha256", size, "swift", measure { Digest.hmacSHA256(key: key, message: opaque(message))[0] })
    report("hmac_sha256", size, "libsodium", measure { sodiumHMACSHA256(key: key, message: opaque(message))[0] })
}
let random = SystemRandom()
report("random_bytes", 32, "swift", measure { random.bytes(opaque(32))[0] })
report("random_bytes", 32, "libsodium", measure { sodiumRandom(opaque(32))[0] })
let token = Array(String(repeating: "A", count: 43).utf8)
let other = Array(String(repeating: "A", count: 42).utf8) + [66]
report("constant_time_equals", 43, "swift", measure { Digest.constantTimeEquals(opaque(token), other) ? 1 : 0 })
report("constant_time_equals", 43, "libsodium", measure { sodiumEquals(opaque(token), other) ? 1 : 0 })
