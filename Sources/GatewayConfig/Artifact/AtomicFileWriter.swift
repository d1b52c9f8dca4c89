#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see the old bytes or the new ones, never a half-written file:
/// the data goes to a temporary file in the same directory, is flushed, then renamed over the target.
///
/// The target must be a regular file or a new path: a directory, a device node (`/dev/null`,
/// `/dev/full`), a FIFO or a socket is refused before anything is written, so a rename can never
/// replace one. A path that is one of the run's inputs is refused too. Temporary files are named
/// `.<name>.regionc-tmp-<pid>`; one left by a killed run is removed by the next write to the same
/// target.
package enum AtomicFileWriter {
    package static func write(_ bytes: [UInt8], to path: String, refusingInputs inputs: [String] = []) throws(FileWriteError) {
        try prepare(bytes, to: path, refusingInputs: inputs).commit()
    }

    package static func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to path: String,
                                                     refusingInputs inputs: [String] = []) throws(FileWriteError) {
        try write(Array(bytes), to: path, refusingInputs: inputs)
    }

    /// Writes and flushes the temporary file without renaming it: commit several prepared files in
    /// the order that keeps them consistent (an artifact, then its signature), or discard them.
    package static func prepare(_ bytes: [UInt8], to path: String, refusingInputs inputs: [String] = [])
        throws(FileWriteError) -> PreparedFile {
        try checkTarget(path, refusingInputs: inputs)
        let (directory, name) = FilePaths.split(path)
        try makeDirectories(directory, for: path)
        removeStaleTemporaries(of: name, in: directory)
        let temporary = FilePaths.join(directory, ".\(name).\(temporaryMarker)\(getpid())")
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: reason(errno)) }
        var failure = DescriptorWriter.writeAll(bytes, to: descriptor)
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason(failure))
        }
        return PreparedFile(temporary: temporary, target: path)
    }

    /// A written, flushed temporary file waiting to be renamed over its target.
    package struct PreparedFile: Sendable {
        package let temporary: String
        package let target: String

        /// Renames the temporary file over the target.
        package func commit() throws(FileWriteError) {
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw FileWriteError(path: target, reason: AtomicFileWriter.reason(code))
            }
        }

        /// Removes the temporary file; the target keeps its old bytes.
        package func discard() { unlink(temporary) }
    }

    static let temporaryMarker = "regionc-tmp-"

    /// Refuses a target that is not a regular file (following links) or that is one of the inputs.
    package static func checkTarget(_ path: String, refusingInputs inputs: [String]) throws(FileWriteError) {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "the path is empty") }
        // `out/` names a directory: splitting it would write a file `out` beside it.
        guard !FilePaths.namesDirectory(path), !FilePaths.lastComponent(path).isEmpty else {
            throw FileWriteError(path: path, reason: "it names a directory; give a file path")
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileWriteError(path: path, reason: "it is a directory")
            default: throw FileWriteError(path: path, reason: "it is not a regular file (a device, pipe or socket); give a file path")
            }
        } else if errno != ENOENT {
            throw FileWriteError(path: path, reason: reason(errno))
        }
        guard !inputs.isEmpty, let target = resolvedTarget(path) else { return }
        if inputs.contains(target) {
            throw FileWriteError(path: path, reason: "it is one of the inputs; write the output somewhere else")
        }
    }

    /// The real path the target names: the file's own (links resolved) when it exists, else its
    /// directory's real path joined with its name.
    static func resolvedTarget(_ path: String) -> String? {
        if let resolved = realPath(path) { return resolved }
        let (directory, name) = FilePaths.split(path)
        return realPath(directory).map { FilePaths.join($0, name) }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Temporary files of this target whose writer is gone (killed mid-write).
    static func removeStaleTemporaries(of name: String, in directory: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let prefix = ".\(name).\(temporaryMarker)"
        while let entry = readdir(handle) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), let pid = Int32(entryName.dropFirst(prefix.count)) else { continue }
            if pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH {
                unlink(FilePaths.join(directory, entryName))
            }
        }
    }

    static func makeDirectories(_ directory: String, for path: String) throws(FileWriteError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileWriteError(path: path, reason: "\(directory) is not a directory")
            }
            return
        }
        let (parent, _) = FilePaths.split(directory)
        if parent != directory { try makeDirectories(parent, for: path) }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw FileWriteError(path: path, reason: "cannot create directory \(directory): \(reason(errno))")
        }
    }

    /// Writing, a missing path means a missing directory; the rest is `SystemError`'s table.
    static func reason(_ code: Int32) -> String {
        code == ENOENT ? "a directory on the path does not exist" : SystemError.reason(errno: code)
    }
}
