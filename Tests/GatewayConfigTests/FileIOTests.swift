import Foundation
import GatewayConfig
import Testing

/// Outputs never replace a device, directory or input, and failures name their reason
/// (hardening findings 3, 4, 9 and 11).
@Suite struct AtomicFileWriterTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [
        ("/dev/null", "not a regular file"), ("/dev/full", "not a regular file"), ("/dev/zero", "not a regular file"),
    ])
    func deviceNodesAreRefusedAndSurvive(_ path: String, _ reason: String) throws {
        #expect(throws: FileWriteError(path: path, reason: "it is not a regular file (a device, pipe or socket); give a file path")) {
            try AtomicFileWriter.write(Array("{}".utf8), to: path)
        }
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "\(path) is no longer a device")
    }

    @Test func aDirectoryIsRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: FileWriteError(path: directory.path, reason: "it is a directory")) {
            try AtomicFileWriter.write(Array("{}".utf8), to: directory.path)
        }
    }

    @Test func anInputIsRefusedEvenThroughAnotherSpelling() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("hk.yaml")
        try Data("region: HK\n".utf8).write(to: input)
        let realInput = try #require(realpath(input.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        let spelling = directory.path + "/./sub/../hk.yaml"
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write(Array("{}".utf8), to: spelling, refusingInputs: [realInput]) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "region: HK\n")
    }

    @Test func aStaleTemporaryFromAKilledRunIsRemoved() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // No process has pid 2^22 + 1 (the kernel's maximum is 2^22).
        let stale = directory.appendingPathComponent(".out.json.regionc-tmp-4194305")
        try Data("half".utf8).write(to: stale)
        try AtomicFileWriter.write(Array("{}".utf8), to: directory.appendingPathComponent("out.json").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.json"])
    }

    /// A directory mode 0555 stops only non-root users, so as root (CI) this is reported as skipped;
    /// `aDirectoryNobodyMayWriteIsReportedAsSuch` checks the same message as root.
    @Test(.enabled(if: getuid() != 0, "root writes into a 0555 directory")) func aReadOnlyDirectoryIsReportedAsSuch() throws {
        let directory = try Self.scratch()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        chmod(directory.path, 0o555)
        #expect(throws: FileWriteError(path: directory.path + "/out.json", reason: "permission denied")) {
            try AtomicFileWriter.write(Array("{}".utf8), to: directory.path + "/out.json")
        }
    }
}

extension AtomicFileWriterTests {
    /// sysfs refuses new files to everyone, root included: the refusal is named the same way.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel"), "needs Linux sysfs"))
    func aDirectoryNobodyMayWriteIsReportedAsSuch() {
        #expect(throws: FileWriteError(path: "/sys/out.json", reason: "permission denied")) {
            try AtomicFileWriter.write(Array("{}".utf8), to: "/sys/out.json")
        }
    }
}

@Suite struct FileReaderTests {
    @Test func aDirectoryIsNamedAsOne() {
        #expect(throws: FileReadError(path: "/tmp", reason: "it is a directory")) { try FileReader.read(path: "/tmp") }
    }

    @Test func aMissingFileIsNamedAsOne() {
        #expect(throws: FileReadError(path: "/nonexistent/x", reason: "no such file")) { try FileReader.read(path: "/nonexistent/x") }
    }

    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o644) == 0)
        defer { unlink(path) }
        #expect(throws: FileReadError(path: path, reason: "it is not a regular file (a device, pipe or socket)")) {
            try FileReader.read(path: path)
        }
    }

    @Test func aRegularFileIsReadWhole() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("file-\(UUID().uuidString)").path
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        #expect(try FileReader.read(path: path) == bytes)
    }
}

/// Hardening finding 12: every element's result comes back, in order, whatever the scheduling.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 3, 1_000, 20_011])
    func everyResultInInputOrder(_ count: Int) {
        let input = Array(0..<count)
        let output = ParallelMap.map(input) { value -> Int? in
            // Uneven work, and nil results, which a compactMap over a dictionary would drop.
            var sum = 0
            for step in 0..<(value % 97) { sum &+= step }
            return value % 5 == 0 ? nil : value &+ sum &- sum
        }
        #expect(output.count == count)
        #expect(output == input.map { $0 % 5 == 0 ? nil : $0 })
    }
}
