/// What every handler can reach.
package struct ServerContext: Sendable {
    /// The open buffers over the files on disk (notifications change it).
    package let workspace: Workspace
    /// Re-checks and publishes; holds the latest compilation.
    package let diagnostics: DiagnosticsEngine
    /// The writer to the client, for notifications and `window/logMessage`.
    package let client: ClientConnection
}

/// What a request handler works on: the context, and the workspace as the request found it.
package struct RequestContext: Sendable {
    package let server: ServerContext
    package let snapshot: WorkspaceSnapshot

    package var workspace: Workspace { server.workspace }
    package var diagnostics: DiagnosticsEngine { server.diagnostics }
    package var client: ClientConnection { server.client }
}
