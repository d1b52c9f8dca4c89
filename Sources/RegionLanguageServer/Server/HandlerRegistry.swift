import Foundation
import GatewayConfig

/// The methods the server answers beyond its lifecycle (`initialize`, `shutdown`, `exit`,
/// `$/cancelRequest` are the server's own), each by its handler's type-erased runner.
package struct HandlerRegistry: Sendable {
    typealias RequestRunner = @Sendable (_ message: Data, _ context: RequestContext) async throws -> any Encodable & Sendable
    typealias NotificationRunner = @Sendable (_ message: Data, _ context: ServerContext) async throws -> Void

    private(set) var requests: [String: RequestRunner] = [:]
    private(set) var notifications: [String: NotificationRunner] = [:]
    private var announcements: [@Sendable (inout ServerCapabilities) -> Void] = []

    package init() {}

    /// Every handler `regionc lsp` serves. Add a new one here (its file in `Handlers/`).
    package static var standard: HandlerRegistry {
        var registry = HandlerRegistry()
        registry.register(DidOpenHandler())
        registry.register(DidChangeHandler())
        registry.register(DidCloseHandler())
        registry.register(DidSaveHandler())
        registry.register(DidChangeWatchedFilesHandler())
        registry.register(HoverHandler())
        registry.register(DefinitionHandler())
        registry.register(CodeActionHandler())
        registry.register(CompletionHandler())
        registry.register(DocumentSymbolHandler())
        registry.register(ReferencesHandler())
        return registry
    }

    package mutating func register<Handler: RequestHandler>(_ handler: Handler) {
        requests[Handler.method] = { message, context in
            let params = try Self.decodeParams(Handler.Params.self, of: Handler.method, from: message)
            return try await handler.handle(params, context: context)
        }
        announcements.append { handler.announce(in: &$0) }
    }

    package mutating func register<Handler: NotificationHandler>(_ handler: Handler) {
        notifications[Handler.method] = { message, context in
            let params = try Self.decodeParams(Handler.Params.self, of: Handler.method, from: message)
            await handler.handle(params, context: context)
        }
    }

    /// What `initialize` answers: document sync always, and what each request handler announces.
    package var capabilities: ServerCapabilities {
        var capabilities = ServerCapabilities()
        for announce in announcements { announce(&capabilities) }
        return capabilities
    }

    static func decodeParams<Params: Decodable>(_ type: Params.Type, of method: String, from message: Data) throws(ResponseError) -> Params {
        do {
            return try JSONDecoder().decode(IncomingParams<Params>.self, from: message).params
        } catch {
            throw ResponseError.invalidParams("the params of `\(method)` do not read: \(DecodingErrorText.describe(error))")
        }
    }
}
