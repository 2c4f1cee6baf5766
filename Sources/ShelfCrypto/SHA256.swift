/// SHA-256 as FIPS 180-4 defines it, fed in pieces.
///
/// Shelf hashes short values (a session cookie, the input of a form token), and linking
/// OpenSSL's libcrypto for them cost every CGI request more than a millisecond: the library's
/// load-time relocations alone outweigh all the hashing a request does. A hash allocates
/// nothing: the state, the partial block and the message schedule live on the stack, since at
/// these sizes allocating the arrays cost more than the arithmetic.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update("form:")
/// hasher.update(sessionHash)
/// let digest = hasher.finish().bytes
/// ```
struct SHA256 {
    private var state: State
    /// The bytes of an unfinished block, `buffered` of them.
    private var block: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0
    /// All bytes folded in so far, the prefix a continued state stands for included.
    private var length: UInt64

    /// A hash of `prefixLength` bytes already folded into `start` (whole blocks), as an HMAC
    /// key keeps its padded key; by default, a fresh hash.
    init(continuing start: State = .initial, after prefixLength: Int = 0) {
        precondition(prefixLength % 64 == 0, "a SHA-256 state stands for whole blocks")
        state = start
        length = UInt64(prefixLength)
    }

    /// The digest of `message`, 32 bytes.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(message)
        return hasher.finish().bytes
    }

    /// The state after folding `block` (64 bytes) into the initial state: what an HMAC key keeps
    /// of its padded key, so that each message pays for its own blocks only.
    static func state(afterBlock block: [UInt8]) -> State {
        precondition(block.count == 64, "SHA-256 folds blocks of 64 bytes")
        var hasher = SHA256()
        hasher.update(block)
        return hasher.state
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Folds in the UTF-8 of `text`, read in place when the string is stored contiguously.
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        var state = self.state
        var block = self.block
        var buffered = self.buffered
        defer {
            self.state = state
            self.block = block
            self.buffered = buffered
        }
        if buffered > 0 {
            let taken = min(64 - buffered, remaining)
            let at = buffered
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.advanced(by: at).copyMemory(from: next, byteCount: taken) }
            buffered += taken
            next += taken
            remaining -= taken
            guard buffered == 64 else { return }
            withUnsafeBytes(of: block) { Self.compress(&state, $0.baseAddress!) }
            buffered = 0
        }
        while remaining >= 64 {
            Self.compress(&state, next)
            next += 64
            remaining -= 64
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: next, byteCount: count) }
            buffered = remaining
        }
    }

    /// The state after the padding: a 1 bit, zeros up to 8 bytes short of a block, and the
    /// length in bits.
    consuming func finish() -> State {
        let bits = length &* 8
        let used = buffered
        var state = self.state
        var block = self.block
        withUnsafeMutableBytes(of: &block) { block in
            let base = block.baseAddress!
            block[used] = 0x80
            if used >= 56 {
                (base + used + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 63 - used)
                Self.compress(&state, UnsafeRawPointer(base))
                base.initializeMemory(as: UInt8.self, repeating: 0, count: 56)
            } else {
                (base + used + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 55 - used)
            }
            block.storeBytes(of: bits.bigEndian, toByteOffset: 56, as: UInt64.self)
            Self.compress(&state, UnsafeRawPointer(base))
        }
        return state
    }

    /// 64 bytes, as words so that they are aligned for loading.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
}
