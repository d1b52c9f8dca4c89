import ArgumentParser
import RegionLanguageServer

/// `regionc lsp`: a thin door to the language server library.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol (3.17) on standard input and output, for editors.",
        discussion: """
            Checks the tree it is started in (the folder holding `regions/`), or the workspace root the \
            editor names, with the same checks as `validate`, as you type. Exit status: 0 after `shutdown` \
            then `exit`, 1 on `exit` without `shutdown` or when the editor goes away.
            """
    )

    @Flag(help: "Talk over standard input and output (the only transport; accepted because editors pass it).")
    var stdio = false

    @Option(help: ArgumentHelp("Quiet time after a burst of changes before the tree is re-checked, in milliseconds.",
                               visibility: .hidden))
    var debounceMilliseconds = 50

    func validate() throws {
        guard (0...10_000).contains(debounceMilliseconds) else {
            throw ValidationError("--debounce-milliseconds \(debounceMilliseconds) is not between 0 and 10000")
        }
    }

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.debounce = .milliseconds(debounceMilliseconds)
        let status = LanguageServerMain.runOnStandardStreams(configuration: configuration)
        if status != 0 { throw ExitCode(status) }
    }
}
