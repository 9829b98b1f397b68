import Foundation

/// The one loop around read/write/pread/pwrite: whole buffers, retried on EINTR (checking
/// Ctrl-C each time, so an interrupted blocking call ends the run with `.interrupted`), with
/// the caller naming the error (`failure` receives the system's message).
enum FileDescriptorIO {
    /// Writes all `count` bytes (at `offset` with pwrite, else at the current position).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, at offset: Int64? = nil,
                         failure: (String) -> Error) throws {
        let done = try whole(count, failure: failure) { done in
            offset.map { pwrite(fd, bytes + done, count - done, off_t($0) + off_t(done)) }
                ?? Foundation.write(fd, bytes + done, count - done)
        }
        if done < count { throw failure("short write (\(done) of \(count) bytes)") }
    }

    /// One read(2) of at most `count` bytes (what a pipe has now, or the next part of a file);
    /// 0 at the end.
    static func readSome(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int, failure: (String) -> Error) throws -> Int {
        try retrying(failure: failure) { Foundation.read(fd, bytes, count) }
    }

    /// Reads up to `count` bytes (at `offset` with pread, else from the current position),
    /// stopping early only at the end of the file; returns the bytes read.
    static func readFully(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int, at offset: Int64? = nil,
                          failure: (String) -> Error) throws -> Int {
        try whole(count, failure: failure) { done in
            offset.map { pread(fd, bytes + done, count - done, off_t($0) + off_t(done)) }
                ?? Foundation.read(fd, bytes + done, count - done)
        }
    }

    /// Repeats `call(bytesDone)` until `count` bytes are done or a call moves none (the end of
    /// a file); returns the bytes done.
    private static func whole(_ count: Int, failure: (String) -> Error, _ call: (Int) -> Int) throws -> Int {
        var done = 0
        while done < count {
            let n = try retrying(failure: failure) { call(done) }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// One system call, made again while it is interrupted by a signal (EINTR).
    private static func retrying(failure: (String) -> Error, _ call: () -> Int) throws -> Int {
        while true {
            let n = call()
            if n >= 0 { return n }
            if errno == EINTR { try Interrupt.check(); continue }
            throw failure(systemError())
        }
    }
}
