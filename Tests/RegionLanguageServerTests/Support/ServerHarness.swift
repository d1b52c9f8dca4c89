import Foundation
import GatewayConfig
@testable import RegionLanguageServer
import TestSupport

/// Output captured in memory: each write is one framed message.
struct MemoryChannel: OutputChannel {
    let continuation: AsyncStream<[UInt8]>.Continuation

    func write(_ bytes: [UInt8]) -> Bool {
        continuation.yield(bytes)
        return true
    }
}

/// One message the server sent, its body decoded as far as every message goes.
struct SentMessage: Decodable {
    var id: RequestID?
    var method: String?
    var error: ResponseError?
    /// The whole body, to decode `result` or `params` as the test expects.
    var body = Data()

    enum CodingKeys: String, CodingKey { case id, method, error }

    func params<Params: Decodable>(_ type: Params.Type) throws -> Params {
        try JSONDecoder().decode(IncomingParams<Params>.self, from: body).params
    }

    func result<Result: Decodable>(_ type: Result.Type) throws -> Result {
        try JSONDecoder().decode(ResultEnvelope<Result>.self, from: body).result
    }

    var isNullResult: Bool {
        (try? JSONSerialization.jsonObject(with: body) as? [String: Any]).flatMap { $0?["result"] } is NSNull
    }
}

struct ResultEnvelope<Result: Decodable>: Decodable {
    var result: Result
}

/// A sleeper that never waits on the clock: time stands still (every change after the first is
/// part of one burst) and each sleep returns at once, unless the task was cancelled first (a newer
/// change restarted the debounce).
struct ImmediateSleeper: Sleeper {
    func now() -> Duration { .zero }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        await Task.yield()
        try Task.checkCancellation()
    }
}

/// A server run in-process on a copy of a tree, driven by messages as a client sends them.
final class ServerHarness {
    let server: LanguageServer
    let root: URL
    private let input: AsyncStream<[UInt8]>.Continuation
    private var output: AsyncStream<[UInt8]>.Iterator
    let finished: Task<Int32, Never>
    private var nextID = 1

    /// A copy of the shipped regions and calendars (or of nothing), served with `configure`'s changes.
    init(copyShippedTree: Bool = true, directoryPrefix: String = "lsp-tree",
         configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        root = try TemporaryDirectory.make(directoryPrefix)
        if copyShippedTree {
            try FileManager.default.copyItem(at: Repository.regions, to: root.appendingPathComponent("regions"))
            try FileManager.default.copyItem(at: Repository.calendars, to: root.appendingPathComponent("calendars"))
        }
        var configuration = ServerConfiguration(currentDirectory: "/nonexistent")
        configuration.sleeper = ImmediateSleeper()
        // Calendar horizons judged on a fixed day, so a test's outcome does not depend on the date.
        configuration.today = { CalendarDate(year: 2026, month: 12, day: 1) ?? CalendarDate(clampingDaysSinceEpoch: 0) }
        configure(&configuration)
        let (outputStream, outputContinuation) = AsyncStream<[UInt8]>.makeStream()
        let (inputStream, inputContinuation) = AsyncStream<[UInt8]>.makeStream()
        server = LanguageServer(configuration: configuration, channel: MemoryChannel(continuation: outputContinuation))
        input = inputContinuation
        output = outputStream.makeAsyncIterator()
        finished = Task { [server] in await server.run(inputStream) }
    }

    deinit {
        input.finish()
        finished.cancel()
        TemporaryDirectory.remove(root)
    }

    var regions: URL { root.appendingPathComponent("regions") }
    func uri(_ relativePath: String) -> String { DocumentURI.uri(ofPath: root.appendingPathComponent(relativePath).path) }
    func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    // MARK: Sending

    func sendRaw(_ bytes: [UInt8]) { input.yield(bytes) }

    func sendBody(_ body: String) {
        let bytes = Array(body.utf8)
        sendRaw(Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes)
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: some Encodable) throws -> RequestID {
        let id = RequestID.number(nextID)
        nextID += 1
        sendBody(try Self.json(["jsonrpc": "2.0", "id": id, "method": method, "params": AnyEncodable(params)] as [String: any Encodable]))
        return id
    }

    func notify(_ method: String, _ params: some Encodable) throws {
        sendBody(try Self.json(["jsonrpc": "2.0", "method": method, "params": AnyEncodable(params)] as [String: any Encodable]))
    }

    func endInput() { input.finish() }

    static func json(_ members: [String: any Encodable]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(members.mapValues(AnyEncodable.init)), as: UTF8.self)
    }

    // MARK: Receiving

    /// The next message the server sends; nil when it stopped writing.
    func next() async throws -> SentMessage? {
        guard let framed = await output.next() else { return nil }
        let separator = Array("\r\n\r\n".utf8)
        guard let headerEnd = (0...(framed.count - separator.count)).first(where: { Array(framed[$0..<($0 + 4)]) == separator }) else {
            throw HarnessError("a message without a header: \(String(decoding: framed, as: UTF8.self))")
        }
        let header = String(decoding: framed[..<headerEnd], as: UTF8.self)
        let body = Data(framed[(headerEnd + 4)...])
        guard header == "Content-Length: \(body.count)" else { throw HarnessError("header `\(header)` for \(body.count) bytes") }
        var message = try JSONDecoder().decode(SentMessage.self, from: body)
        message.body = body
        return message
    }

    /// Messages until one satisfies `match` (the others are dropped), which it returns.
    func next(where match: (SentMessage) throws -> Bool) async throws -> SentMessage {
        while let message = try await next() {
            if try match(message) { return message }
        }
        throw HarnessError("the server stopped before the message looked for")
    }

    func response(to id: RequestID) async throws -> SentMessage {
        try await next { $0.id == id && $0.method == nil }
    }

    /// The next diagnostics published for `uri`.
    func diagnostics(for uri: String) async throws -> [LSPDiagnostic] {
        let message = try await next { message in
            guard message.method == "textDocument/publishDiagnostics" else { return false }
            return try message.params(PublishDiagnosticsParams.self).uri == uri
        }
        return try message.params(PublishDiagnosticsParams.self).diagnostics
    }

    /// `initialize` (rooted at the copied tree) and `initialized`; returns the initialize result's body.
    @discardableResult
    func start(rootUri: String? = nil) async throws -> SentMessage {
        let id = try request("initialize", InitializeRequest(rootUri: rootUri ?? DocumentURI.uri(ofPath: root.path)))
        let response = try await response(to: id)
        try notify("initialized", EmptyObject())
        return response
    }

    func open(_ relativePath: String, text: String) throws {
        try open(uri: uri(relativePath), text: text)
    }

    func open(uri: String, text: String) throws {
        try notify("textDocument/didOpen", DidOpen(textDocument: .init(uri: uri, languageId: "yaml", version: 1, text: text)))
    }

    func close(_ relativePath: String) throws {
        try notify("textDocument/didClose", CloseParams(textDocument: .init(uri: uri(relativePath))))
    }

    func change(_ relativePath: String, version: Int, _ changes: [TextDocumentContentChangeEvent]) throws {
        try notify("textDocument/didChange", DidChange(textDocument: .init(uri: uri(relativePath), version: version),
                                                       contentChanges: changes))
    }

    /// A request no handler answers: its MethodNotFound reply proves every message before it was handled.
    func barrier() async throws {
        let id = try request("test/barrier", EmptyObject())
        _ = try await response(to: id)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct EmptyObject: Codable {}

struct InitializeRequest: Encodable {
    var processId: Int? = nil
    var rootUri: String
    var capabilities = EmptyObject()
}

struct DidOpen: Encodable { var textDocument: TextDocumentItem }
struct DidChange: Encodable {
    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [TextDocumentContentChangeEvent]
}

struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
