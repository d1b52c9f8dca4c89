import Foundation

/// `regionc lsp` in a child process, spoken to over its standard input and output as an editor
/// does: `Content-Length` framed JSON-RPC. Blocking reads; one thread drives it.
final class LanguageServerProcess {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var received: [UInt8] = []
    private var nextID = 1
    /// Open buffers: their version and the UTF-16 length of their first line.
    private var documents: [String: (version: Int, firstLineLength: Int)] = [:]

    /// Starts the server on `root` (the folder holding `regions/`, or a regions directory) and initializes it.
    init(regionc: URL, root: URL) throws {
        let stdin = Pipe()
        let stdout = Pipe()
        process.executableURL = regionc
        process.arguments = ["lsp"]
        process.currentDirectoryURL = root
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.standardError
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        try process.run()
        _ = try request("initialize", ["processId": Int(getpid()), "rootUri": root.absoluteURL.absoluteString, "capabilities": [String: Any]()])
        try notify("initialized", [String: Any]())
    }

    func notify(_ method: String, _ params: Any) throws {
        try send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and reads until its response; returns its result.
    @discardableResult
    func request(_ method: String, _ params: Any) throws -> Any? {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        while true {
            let message = try nextMessage()
            guard message["method"] == nil, message["id"] as? Int == id else { continue }
            if let error = message["error"] { throw BenchmarkError("`\(method)` was refused: \(error)") }
            return message["result"]
        }
    }

    /// Opens the file as a buffer with its text on disk; returns its URI.
    func open(_ path: URL) throws -> String {
        let uri = path.absoluteURL.absoluteString
        let text = try String(contentsOf: path, encoding: .utf8)
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        documents[uri] = (1, firstLine.utf16.count)
        try notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]])
        return uri
    }

    /// One incremental change, as an editor sends it: the buffer's first line becomes `line`.
    func replaceFirstLine(of uri: String, with line: String) throws {
        guard let document = documents[uri] else { throw BenchmarkError("\(uri) is not open") }
        documents[uri] = (document.version + 1, line.utf16.count)
        try notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": document.version + 1],
            "contentChanges": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": document.firstLineLength]],
                                "text": line]],
        ])
    }

    /// Reads until the server publishes diagnostics for `uri` that `accept` takes.
    func waitForDiagnostics(of uri: String, _ accept: ([[String: Any]]) -> Bool) throws {
        while true {
            let message = try nextMessage()
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                  let params = message["params"] as? [String: Any], params["uri"] as? String == uri,
                  let diagnostics = params["diagnostics"] as? [[String: Any]] else { continue }
            if accept(diagnostics) { return }
        }
    }

    /// The server's resident set in KiB (Linux: VmRSS in /proc/PID/status).
    func residentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    /// `shutdown`, then `exit`; the server must end with status 0.
    func shutDown() throws {
        try request("shutdown", NSNull())
        try notify("exit", NSNull())
        try input.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkError("regionc lsp exited with \(process.terminationStatus)") }
    }

    private func send(_ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        try input.write(contentsOf: Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// The next message from the server, as a JSON object.
    private func nextMessage() throws -> [String: Any] {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var scanned = 0
        var headerEnd: Int?
        while headerEnd == nil {
            while scanned + 4 <= received.count, headerEnd == nil {
                if received[scanned] == 0x0D, received[scanned + 1] == 0x0A, received[scanned + 2] == 0x0D, received[scanned + 3] == 0x0A {
                    headerEnd = scanned
                }
                scanned += 1
            }
            if headerEnd == nil { try readMore() }
        }
        guard let headerEnd else { throw BenchmarkError("no header") }
        let header = String(decoding: received[..<headerEnd], as: UTF8.self)
        guard let lengthField = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(lengthField.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else {
            throw BenchmarkError("a message without Content-Length: \(header)")
        }
        let bodyStart = headerEnd + terminator.count
        while received.count < bodyStart + length { try readMore() }
        let body = Data(received[bodyStart..<(bodyStart + length)])
        received.removeFirst(bodyStart + length)
        guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw BenchmarkError("a message that is not a JSON object")
        }
        return message
    }

    /// Whatever the server has written, at least one byte (FileHandle's `read(upToCount:)` would
    /// wait for the whole count).
    private func readMore() throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { throw BenchmarkError("regionc lsp closed its output") }
        received.append(contentsOf: chunk.prefix(count))
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
