import Foundation

/// A large zero-filled allocation straight from the kernel (mmap), asked to use huge pages:
/// co-occurrence cells and model rows are touched at random, so 4 KiB pages would cost a TLB
/// miss on most accesses. Pages that are never written never become resident, which keeps a
/// sparse dense block cheap.
package final class LargeBuffer<Element>: @unchecked Sendable {
    package let count: Int
    package let base: UnsafeMutablePointer<Element>
    private let byteCount: Int

    package init(count: Int) throws {
        self.count = count
        byteCount = max(count * MemoryLayout<Element>.stride, 1)
        let p = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else {
            throw WordVecError.invalidInput("out of memory: cannot allocate \(byteCount >> 20) MiB (\(systemError()))")
        }
        if byteCount >= 4 << 20 { _ = madvise(p, byteCount, 14 /* MADV_HUGEPAGE */) }
        base = p.bindMemory(to: Element.self, capacity: max(count, 1))
    }

    deinit { munmap(UnsafeMutableRawPointer(base), byteCount) }

    @inline(__always) package subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }
}
