import Foundation
@testable import RegionLanguageServer
import Testing

/// The server in-process, driven as a client drives it: lifecycle, errors, cancellation.
@Suite("regionc lsp: lifecycle and JSON-RPC", .timeLimit(.minutes(1)))
struct LifecycleTests {
    @Test("initialize announces UTF-16 positions and incremental sync; shutdown then exit ends with 0")
    func lifecycle() async throws {
        let harness = try ServerHarness()
        let response = try await harness.start()
        let result = try response.result(InitializeResultShape.self)
        #expect(result.capabilities.positionEncoding == "utf-16")
        #expect(result.capabilities.textDocumentSync.change == 2)
        #expect(result.capabilities.textDocumentSync.openClose)
        #expect(result.serverInfo.name == "regionc")
        let shutdown = try harness.request("shutdown", EmptyObject())
        let answer = try await harness.response(to: shutdown)
        #expect(answer.error == nil)
        #expect(answer.isNullResult)
        // After shutdown, requests are refused.
        let late = try harness.request("textDocument/hover", EmptyObject())
        #expect(try await harness.response(to: late).error?.code == ResponseError.invalidRequestCode)
        try harness.notify("exit", EmptyObject())
        #expect(await harness.finished.value == 0)
    }

    @Test("exit without shutdown ends with 1; so does the client going away")
    func exitWithoutShutdown() async throws {
        let harness = try ServerHarness()
        try await harness.start()
        try harness.notify("exit", EmptyObject())
        #expect(await harness.finished.value == 1)

        let gone = try ServerHarness()
        try await gone.start()
        gone.endInput()
        #expect(await gone.finished.value == 1)
    }

    @Test("a request before initialize is ServerNotInitialized; a second initialize is InvalidRequest")
    func beforeInitialize() async throws {
        let harness = try ServerHarness()
        let early = try harness.request("textDocument/hover", EmptyObject())
        #expect(try await harness.response(to: early).error?.code == ResponseError.serverNotInitializedCode)
        try await harness.start()
        let again = try harness.request("initialize", InitializeRequest(rootUri: "file:///"))
        #expect(try await harness.response(to: again).error?.code == ResponseError.invalidRequestCode)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let code: Int
        var testDescription: String { name }
    }

    static func framed(_ body: String) -> [UInt8] { Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }

    static let badInputs: [BadInput] = [
        BadInput(name: "not JSON", bytes: framed("{\"jsonrpc\": \"2.0\", \"id\": 7, "), code: ResponseError.parseErrorCode),
        BadInput(name: "a JSON array (a batch)", bytes: framed("[]"), code: ResponseError.invalidRequestCode),
        BadInput(name: "a method that is a number", bytes: framed(#"{"jsonrpc":"2.0","id":3,"method":5}"#),
                 code: ResponseError.invalidRequestCode),
        BadInput(name: "neither method nor id", bytes: framed(#"{"jsonrpc":"2.0"}"#), code: ResponseError.invalidRequestCode),
        BadInput(name: "a header without Content-Length", bytes: Array("Content-Type: x\r\n\r\n".utf8), code: ResponseError.parseErrorCode),
        BadInput(name: "a message over the cap", bytes: framed(String(repeating: " ", count: 3_000)), code: ResponseError.invalidRequestCode),
        BadInput(name: "an unknown method", bytes: framed(#"{"jsonrpc":"2.0","id":"a","method":"textDocument/nothing"}"#),
                 code: ResponseError.methodNotFoundCode),
        BadInput(name: "params of the wrong shape", bytes: framed(#"{"jsonrpc":"2.0","id":4,"method":"test/echo","params":{"text":5}}"#),
                 code: ResponseError.invalidParamsCode),
    ]

    @Test("bad input is answered with a JSON-RPC error and logged, and the server keeps serving", arguments: badInputs)
    func badInput(_ example: BadInput) async throws {
        let harness = try ServerHarness { configuration in
            configuration.maximumMessageBytes = 2_048
            configuration.registry.register(EchoHandler())
        }
        try await harness.start()
        harness.sendRaw(example.bytes)
        let error = try await harness.next { $0.error != nil }
        #expect(error.error?.code == example.code)
        // Still serving: a good request is answered.
        let echo = try harness.request("test/echo", Echo(text: "still here"))
        #expect(try await harness.response(to: echo).result(Echo.self) == Echo(text: "still here"))
    }

    @Test("an unknown notification is ignored, not answered")
    func unknownNotification() async throws {
        let harness = try ServerHarness { $0.registry.register(EchoHandler()) }
        try await harness.start()
        try harness.notify("$/setTrace", EmptyObject())
        try harness.notify("custom/unknown", EmptyObject())
        let echo = try harness.request("test/echo", Echo(text: "x"))
        let next = try await harness.next { $0.method != "window/logMessage" && $0.method != "textDocument/publishDiagnostics" }
        #expect(next.id == echo)
        #expect(next.error == nil)
    }

    @Test("a cancelled request is answered RequestCancelled, and requests run concurrently with later messages")
    func cancellation() async throws {
        let gate = Gate()
        let harness = try ServerHarness { configuration in
            configuration.registry.register(GatedHandler(gate: gate))
            configuration.registry.register(EchoHandler())
        }
        try await harness.start()
        let slow = try harness.request("test/gated", EmptyObject())
        await gate.waitUntilEntered()
        // The gated request holds; a later request is answered meanwhile.
        let echo = try harness.request("test/echo", Echo(text: "meanwhile"))
        #expect(try await harness.response(to: echo).error == nil)
        try harness.notify("$/cancelRequest", CancelRequest(id: slow))
        let answer = try await harness.response(to: slow)
        #expect(answer.error?.code == ResponseError.requestCancelledCode)
    }
}

struct CancelRequest: Encodable { var id: RequestID }

struct InitializeResultShape: Decodable {
    struct Capabilities: Decodable {
        struct Sync: Decodable {
            var openClose: Bool
            var change: Int
        }
        var positionEncoding: String
        var textDocumentSync: Sync
    }
    struct Info: Decodable { var name: String }
    var capabilities: Capabilities
    var serverInfo: Info
}

struct Echo: Codable, Sendable, Equatable { var text: String }

/// Answers its params back: a request handler registered the way real ones are.
struct EchoHandler: RequestHandler {
    static let method = "test/echo"
    func handle(_ params: Echo, context: RequestContext) async throws -> Echo { params }
}

/// Waits until cancelled: proves cancellation reaches the handler's task.
struct GatedHandler: RequestHandler {
    static let method = "test/gated"
    let gate: Gate

    func handle(_ params: IgnoredParams, context: RequestContext) async throws -> NullResult {
        await gate.enter()
        try await gate.waitForCancellation()
        return NullResult()
    }
}

/// Lets a test know a handler started, and holds the handler until its task is cancelled.
actor Gate {
    private var entered = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []

    func enter() {
        entered = true
        for waiter in enteredWaiters { waiter.resume() }
        enteredWaiters = []
    }

    func waitUntilEntered() async {
        if entered { return }
        await withCheckedContinuation { enteredWaiters.append($0) }
    }

    nonisolated func waitForCancellation() async throws {
        let stream = AsyncStream<Never> { _ in }
        for await _ in stream {}
        try Task.checkCancellation()
    }
}
