import CXXHash

/// XXH64 (Yann Collet's xxHash, 64-bit variant) from libxxhash: a fast non-cryptographic
/// checksum, used to detect corrupt checkpoints. Any one changed word changes the sum; random
/// damage goes undetected with probability about 2⁻⁶⁴.
package enum Checksum {
    /// The XXH64 sum of `count` bytes at `bytes`.
    package static func xxh64(_ bytes: UnsafeRawPointer, count: Int, seed: UInt64 = 0) -> UInt64 {
        XXH64(bytes, count, seed)
    }

    /// The XXH64 sum of a byte array.
    package static func xxh64(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { xxh64($0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: $0.count, seed: seed) }
    }
}
