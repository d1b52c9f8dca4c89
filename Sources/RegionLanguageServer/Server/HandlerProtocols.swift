/// A request the server answers (`textDocument/hover`, ...). One type per method, in `Handlers/`;
/// list it in `HandlerRegistry.standard`. The handler runs in its own task, concurrently with
/// later messages, on the workspace as it was when the request arrived (`context.snapshot`); a
/// `$/cancelRequest` cancels that task, and the client is answered RequestCancelled.
package protocol RequestHandler: Sendable {
    associatedtype Params: Decodable & Sendable
    associatedtype Result: Encodable & Sendable
    /// The LSP method, e.g. `textDocument/hover`.
    static var method: String { get }
    /// The answer; a thrown `ResponseError` is sent as is, `CancellationError` as RequestCancelled,
    /// anything else as InternalError.
    func handle(_ params: Params, context: RequestContext) async throws -> Result
    /// Sets what `initialize` announces for this method (`hoverProvider = true`, ...).
    func announce(in capabilities: inout ServerCapabilities)
}

extension RequestHandler {
    package func announce(in capabilities: inout ServerCapabilities) {}
}

/// A notification the server acts on (`textDocument/didChange`, ...). Notifications run one at a
/// time, in the order they arrive, before any later message is read: a request sent after a change
/// sees it.
package protocol NotificationHandler: Sendable {
    associatedtype Params: Decodable & Sendable
    static var method: String { get }
    func handle(_ params: Params, context: ServerContext) async
}
