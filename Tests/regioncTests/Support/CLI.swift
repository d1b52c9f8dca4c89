import Foundation
import TestSupport

/// The built `regionc`, run as CI and people run it (colour off), through the one `ProcessRunner`.
enum CLI {
    static let root = Repository.root

    static var executable: URL { BuiltExecutable.url("regionc") }

    static let environment = ["NO_COLOR": "1"]

    static func run(_ arguments: [String], in directory: URL = root, stdin: Data? = nil,
                    timeout: Duration = .seconds(300)) throws -> ProcessRun {
        try ProcessRunner.run(executable, arguments, in: directory, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs `script` under `sh -c` with `$1` the path of `regionc` and `arguments` after it, for what an
    /// argument list cannot express: redirections, a closed standard input, a umask.
    static func shell(_ script: String, _ arguments: [String] = [], in directory: URL = root) throws -> ProcessRun {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh", executable.path] + arguments, in: directory,
                              environment: environment)
    }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("regionc-cli") }

    /// A copy of the shipped regions to break on purpose.
    static func copyOfRegions() throws -> URL {
        let directory = try temporaryDirectory().appendingPathComponent("regions")
        try FileManager.default.copyItem(at: root.appendingPathComponent("regions"), to: directory)
        return directory
    }
}
