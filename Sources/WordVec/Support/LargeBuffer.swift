import Foundation

/// The one way wordvec allocates a large matrix that is read at random rows: zero-filled memory
/// straight from the kernel (mmap), aligned to 2 MiB and advised as transparent huge pages
/// (`madvise(MADV_HUGEPAGE)`, as numpy does for large arrays). With 4 KiB pages nearly every
/// random row access of a vocabulary-sized matrix (word2vec's W and C, GloVe's rows,
/// co-occurrence cells) would also miss the TLB. Pages never written never become resident,
/// which keeps a sparse dense block cheap. Throws `.outOfMemory`-style `.invalidInput` naming
/// the size when the kernel refuses.
package final class LargeBuffer<Element>: @unchecked Sendable {
    package let count: Int
    package let base: UnsafeMutablePointer<Element>
    private let mapping: UnsafeMutableRawPointer
    private let mappedBytes: Int

    /// From this size on the block is 2 MiB aligned and advised as huge pages.
    static var hugePageBytes: Int { 2 << 20 }

    package init(count: Int) throws {
        self.count = count
        let bytes = max(count * MemoryLayout<Element>.stride, 1)
        let huge = bytes >= LargeBuffer.hugePageBytes
        // Over-allocate by one huge page so the start can be moved to a 2 MiB boundary.
        mappedBytes = huge ? bytes + LargeBuffer.hugePageBytes : bytes
        let p = mmap(nil, mappedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else {
            throw WordVecError.invalidInput("out of memory: cannot allocate \(bytes >> 20) MiB (\(systemError()))")
        }
        mapping = p
        var start = p
        if huge {
            let misalignment = Int(bitPattern: p) % LargeBuffer.hugePageBytes
            if misalignment > 0 { start = p + (LargeBuffer.hugePageBytes - misalignment) }
            _ = madvise(start, bytes, 14 /* MADV_HUGEPAGE */)
        }
        base = start.bindMemory(to: Element.self, capacity: max(count, 1))
    }

    deinit { munmap(mapping, mappedBytes) }

    @inline(__always) package subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }
}
