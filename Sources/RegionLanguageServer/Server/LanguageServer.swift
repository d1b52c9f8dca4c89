import Foundation
import RegionCompiler

/// `regionc lsp`: reads framed JSON-RPC messages, runs notifications in order and requests
/// concurrently, and answers through the one `ClientConnection`. Its lifecycle is LSP's: nothing
/// but `initialize` before `initialize`; nothing but `exit` after `shutdown`; `exit` ends `run` with
/// 0 after `shutdown` and 1 without. Bad input (a header that does not read, an oversize or
/// malformed message, params of the wrong shape) is answered with a JSON-RPC error and logged
/// through `window/logMessage`; the server keeps serving.
package actor LanguageServer {
    private enum Phase { case uninitialized, running, shutDown }

    private let configuration: ServerConfiguration
    private let context: ServerContext
    private var phase = Phase.uninitialized
    private var inFlight: [RequestID: Task<Void, Never>] = [:]

    package init(configuration: ServerConfiguration, channel: any OutputChannel) {
        self.configuration = configuration
        let client = ClientConnection(channel: channel)
        let workspace = Workspace(root: WorkspaceRoot.at(configuration.currentDirectory))
        context = ServerContext(
            workspace: workspace,
            diagnostics: DiagnosticsEngine(workspace: workspace, client: client, debounce: configuration.debounce,
                                           sleeper: configuration.sleeper, today: configuration.today),
            client: client)
    }

    /// The server's parts, for tests that look inside (compile counts, the workspace).
    package nonisolated var serverContext: ServerContext { context }

    /// Serves until `exit` or the end of input; returns the process's exit status.
    package func run(_ input: AsyncStream<[UInt8]>) async -> Int32 {
        var framer = MessageFramer(maximumHeader: configuration.maximumHeaderBytes,
                                   maximumMessage: configuration.maximumMessageBytes)
        for await chunk in input {
            framer.append(chunk)
            while let event = framer.next() {
                switch event {
                case .message(let bytes):
                    if let status = await handle(Data(bytes)) { return status }
                case .malformedHeader(let reason):
                    await refuse(.parseError("a message was skipped: \(reason)"))
                case .oversize(let length):
                    await refuse(.invalidRequest("a message of \(length) bytes was skipped: the limit is \(configuration.maximumMessageBytes)"))
                }
            }
        }
        // The client went away: like `exit`, a clean end only after `shutdown`.
        return phase == .shutDown ? 0 : 1
    }

    /// Answers an error that belongs to no request it could read (id null), and logs it.
    private func refuse(_ error: ResponseError, id: RequestID? = nil) async {
        await context.client.log(MessageType.error, "regionc lsp: \(error.message)")
        await context.client.respond(to: id, error: error)
    }

    /// One message; the exit status when it was `exit`.
    private func handle(_ message: Data) async -> Int32? {
        switch IncomingMessage.read(message) {
        case .failure(let refusal):
            await refuse(refusal.error, id: refusal.id)
            return nil
        case .success(.request(let id, let method)):
            await request(method, id: id, message: message)
            return nil
        case .success(.notification(let method)):
            return await notification(method, message: message)
        case .success(.response):
            return nil
        }
    }

    private func request(_ method: String, id: RequestID, message: Data) async {
        switch (phase, method) {
        case (.uninitialized, "initialize"):
            await initialize(id: id, message: message)
        case (.uninitialized, _):
            await context.client.respond(to: id, error: .serverNotInitialized)
        case (.running, "initialize"):
            await context.client.respond(to: id, error: .invalidRequest("`initialize` was already sent"))
        case (.running, "shutdown"):
            phase = .shutDown
            for task in inFlight.values { task.cancel() }
            await context.client.respond(to: id, result: NullResult())
        case (.shutDown, _):
            await context.client.respond(to: id, error: .invalidRequest("the server is shut down: only `exit` is accepted"))
        case (.running, _):
            guard let runner = configuration.registry.requests[method] else {
                await context.client.respond(to: id, error: .methodNotFound(method))
                return
            }
            let requestContext = RequestContext(server: context, snapshot: await context.workspace.snapshot())
            inFlight[id] = Task {
                let outcome: Result<any Encodable & Sendable, ResponseError>
                do {
                    let result = try await runner(message, requestContext)
                    outcome = Task.isCancelled ? .failure(.requestCancelled) : .success(result)
                } catch let error as ResponseError {
                    outcome = .failure(error)
                } catch is CancellationError {
                    outcome = .failure(.requestCancelled)
                } catch {
                    outcome = .failure(ResponseError(code: ResponseError.internalErrorCode, message: "`\(method)` failed: \(error)"))
                }
                await self.finish(id, outcome)
            }
        }
    }

    private func finish(_ id: RequestID, _ outcome: Result<any Encodable & Sendable, ResponseError>) async {
        inFlight[id] = nil
        switch outcome {
        case .success(let result): await context.client.respond(to: id, result: result)
        case .failure(let error): await context.client.respond(to: id, error: error)
        }
    }

    private func initialize(id: RequestID, message: Data) async {
        let params: InitializeParams
        do {
            params = try HandlerRegistry.decodeParams(InitializeParams.self, of: "initialize", from: message)
        } catch {
            await context.client.respond(to: id, error: error)
            return
        }
        let root = WorkspaceRoot.resolve(params, currentDirectory: configuration.currentDirectory)
        await context.workspace.setRoot(root)
        phase = .running
        await context.client.respond(to: id, result: InitializeResult(
            capabilities: configuration.registry.capabilities,
            serverInfo: ServerInfo(name: "regionc", version: CompilerVersion.current)))
        await context.client.log(MessageType.info, "regionc lsp: checking \(root.regions) and \(root.calendars)")
    }

    private func notification(_ method: String, message: Data) async -> Int32? {
        switch (phase, method) {
        case (_, "exit"):
            for task in inFlight.values { task.cancel() }
            return phase == .shutDown ? 0 : 1
        case (.uninitialized, _), (.shutDown, _):
            return nil
        case (.running, "initialized"):
            // The whole tree's diagnostics, before any buffer is opened.
            await context.diagnostics.schedule()
        case (.running, "$/cancelRequest"):
            if let params = try? HandlerRegistry.decodeParams(CancelParams.self, of: method, from: message) {
                inFlight[params.id]?.cancel()
            }
        case (.running, _):
            // Unknown notifications (`$/setTrace`, ...) are ignored, as LSP asks.
            guard let runner = configuration.registry.notifications[method] else { return nil }
            do {
                try await runner(message, context)
            } catch {
                let reason = (error as? ResponseError)?.message ?? "\(error)"
                await context.client.log(MessageType.error, "regionc lsp: `\(method)` was ignored: \(reason)")
            }
        }
        return nil
    }
}
