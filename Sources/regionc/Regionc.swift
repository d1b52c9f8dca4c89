import ArgumentParser
import Foundation
import RegionCompiler

/// `regionc`: the command line over the RegionCompiler and PaymentRouting libraries.
/// Exit codes: 0 fine, 1 the input has errors, 2 usage or I/O.
@main
struct Regionc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regionc",
        abstract: "Validate and compile Alipay gateway region descriptors.",
        version: CompilerVersion.current,
        subcommands: [Validate.self, Compile.self, Route.self, Diff.self, CalendarCommand.self, Timeline.self, Report.self, Effective.self, Keygen.self, Verify.self, LanguageServerCommand.self, GenerateCorpus.self]
    )

    /// Argument errors exit 2 (the spec's "usage"), not ArgumentParser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardOutput.flush()
        } catch {
            // An output that could not be written outranks the command's own status.
            StandardOutput.flush()
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

enum ExitStatus {
    static let ok: Int32 = 0
    static let inputErrors: Int32 = 1
    static let usage: Int32 = 2
}

enum Terminal {
    /// Colour only for a person at a terminal, and never when NO_COLOR is set.
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Runs `body`; a thrown error is a usage or I/O problem (a missing directory, an unreadable
    /// artifact or key): it is printed and the command exits 2.
    static func usageOnFailure<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            printError("regionc: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
