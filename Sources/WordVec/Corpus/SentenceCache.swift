import Foundation

/// Replays a corpus as word ids: the first pass reads (tokenizes, hashes) the corpus and records
/// the ids in a temporary file; later passes stream that file instead, which spares trainers
/// the tokenizing and hashing on every epoch after the first. Memory stays constant (a 1 MB
/// buffer); the file (4 bytes a word) is removed when the cache goes away. If the file cannot
/// be written, every pass reads the corpus again.
package final class SentenceCache: SentenceSource {
    private static let sentenceEnd: Int32 = -1
    private let makeReader: () throws -> SentenceReader
    private var reader: SentenceReader?
    private var fd: Int32 = -1
    private var recording = true       // first pass: reading the corpus and writing the file
    private var usable = true          // the file holds a complete pass
    private let capacity = 1 << 18     // ids per buffer
    private let buffer: UnsafeMutablePointer<Int32>
    private var count = 0, position = 0

    package init(_ makeReader: @escaping () throws -> SentenceReader) throws {
        self.makeReader = makeReader
        buffer = .allocate(capacity: capacity)
        if let file = try? ScratchDirectory.temporaryFile("ids") {
            fd = file.descriptor
            unlink(file.path)   // unlinked at once: nothing to clean up later
        } else {
            usable = false
        }
        reader = try makeReader()
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
    }

    /// Starts the next pass (from the cache when the first pass recorded it completely).
    package func restart() throws {
        if recording {
            recording = false
            if usable && !flush() { abandonFile() }
        }
        if usable {
            reader = nil
            lseek(fd, 0, SEEK_SET)
            count = 0
            position = 0
        } else {
            reader = try makeReader()
        }
    }

    package func next(into ids: inout [Int32]) throws -> Bool {
        if let reader {
            guard try reader.next(into: &ids) else { return false }
            if recording && usable {
                if count + ids.count + 1 > capacity && !flush() { abandonFile() }
                if ids.count + 1 > capacity { abandonFile() }
                if usable {
                    for w in ids { buffer[count] = w; count += 1 }
                    buffer[count] = SentenceCache.sentenceEnd
                    count += 1
                }
            }
            return true
        }
        ids.removeAll(keepingCapacity: true)
        while true {
            if position == count {
                guard try refill() else { return !ids.isEmpty }
            }
            let w = buffer[position]
            position += 1
            if w == SentenceCache.sentenceEnd { return true }
            ids.append(w)
        }
    }

    /// Gives the cache up (disk full, say): frees its disk space; later passes read the corpus.
    private func abandonFile() {
        usable = false
        count = 0
        if fd >= 0 {
            ftruncate(fd, 0)
            close(fd)
            fd = -1
        }
    }

    private func flush() -> Bool {
        // A failed write (disk full) makes the caller give the cache up; Ctrl-C is seen by the trainer's next check.
        guard (try? FileDescriptorIO.writeAll(fd, UnsafeRawPointer(buffer), count * 4) { WordVecError.unwritable("the word-id cache", $0) }) != nil
        else { return false }
        count = 0
        return true
    }

    private func refill() throws -> Bool {
        let got = try FileDescriptorIO.readFully(fd, UnsafeMutableRawPointer(buffer), capacity * 4) {
            WordVecError.unreadable("the temporary word-id cache", $0)
        }
        count = got / 4
        position = 0
        return count > 0
    }
}
