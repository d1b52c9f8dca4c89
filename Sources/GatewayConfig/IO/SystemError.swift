#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one table from `errno` to words a person can act on, for every read and write of a file,
/// a state directory or an output stream.
package enum SystemError {
    package static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "a loop of symbolic links"
        case EISDIR: "it is a directory"
        case ENOTDIR: "a part of the path is not a directory"
        case EBADF: "it is not open for that"
        case ENAMETOOLONG: "the path is too long"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "the disk quota is exhausted"
        case EROFS: "the file system is read-only"
        case EPIPE: "the reader went away (broken pipe)"
        case ENXIO: "no process is reading it (a FIFO without a reader)"
        case EFBIG: "the file is too large"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
