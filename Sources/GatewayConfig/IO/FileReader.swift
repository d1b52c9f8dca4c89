#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileError where Action == FileReading {
    static func tooLarge(path: String, size: Int, limit: Int) -> FileReadError {
        FileReadError(path: path, reason: "it is \(size) bytes, over the limit of \(limit)")
    }
}

/// Reads input files with POSIX calls, so every failure has a reason (a directory, a symbolic
/// link loop, a permission) and nothing traps. Only regular files are read whole: a FIFO or a
/// device is refused before anything waits on it.
package enum FileReader {
    /// The whole of a regular file; with `limit`, a larger file is refused (by its size before
    /// reading, and again while reading, should it grow), so no file makes the reader hold more.
    package static func read(path: String, limit: Int? = nil) throws(FileReadError) -> [UInt8] {
        let file = try ReadableFile(path: path)
        if let limit, file.size > limit { throw FileReadError.tooLarge(path: path, size: file.size, limit: limit) }
        var bytes: [UInt8] = []
        while true {
            let chunk = try file.read(upTo: 1 << 20)
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if let limit, bytes.count > limit { throw FileReadError.tooLarge(path: path, size: bytes.count, limit: limit) }
        }
    }

    /// A reason for `errno` after open/read/stat.
    package static func reason(errno code: Int32) -> String { SystemError.reason(errno: code) }
}

/// An open file read in chunks: a regular file by path, or a descriptor (standard input) as given.
package final class ReadableFile {
    let descriptor: Int32
    let path: String
    let owned: Bool
    /// The size when opened (0 for a descriptor given as is).
    let size: Int

    /// Opens a regular file; a directory, device, FIFO or socket is refused with the reason.
    package init(path: String) throws(FileReadError) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw FileReadError(path: path, reason: FileReader.reason(errno: errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw FileReadError(path: path, reason: FileReader.reason(errno: code))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw FileReadError(path: path, reason: kind == S_IFDIR ? "it is a directory"
                                : "it is not a regular file (a device, pipe or socket)")
        }
        self.descriptor = descriptor
        self.path = path
        self.owned = true
        size = Int(info.st_size)
    }

    /// Standard input (or another descriptor the process was given), read as it is.
    package init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.path = name
        self.owned = false
        size = 0
    }

    deinit { if owned { close(descriptor) } }

    /// Up to `count` bytes; empty at the end of the file.
    package func read(upTo count: Int) throws(FileReadError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, count) }
            if got >= 0 {
                buffer.removeSubrange(got...)
                return buffer
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN {
                // Standard input left non-blocking by whoever started us: wait until it is readable.
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&poller, 1, -1)
                continue
            }
            throw FileReadError(path: path, reason: FileReader.reason(errno: code))
        }
    }
}

/// The C `read`, named apart from `ReadableFile.read(upTo:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
