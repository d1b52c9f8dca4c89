import Foundation
import GatewayConfig
import RegionCompiler

/// The server's one mutable view of the tree: open buffers (changed by the document
/// notifications, in the order they arrive) over the files on disk (listed at `initialize`, and
/// again when the client says files changed or were saved).
package actor Workspace {
    private var root: WorkspaceRoot
    private var documents: [String: TextDocument] = [:]
    private var regionListing = InputListing(files: [])
    private var calendarListing = InputListing(files: [])
    private var listingProblem: String?

    package init(root: WorkspaceRoot) {
        self.root = root
    }

    package func setRoot(_ newRoot: WorkspaceRoot) {
        root = newRoot
        reloadFromDisk()
    }

    /// Lists and reads both directories again (a file saved, created or deleted outside the buffers).
    package func reloadFromDisk() {
        do {
            regionListing = try InputLoader.load(directory: root.regions)
            listingProblem = nil
        } catch {
            regionListing = InputListing(files: [])
            listingProblem = error.description
        }
        do {
            calendarListing = try CalendarCompiler.load(directory: root.calendars, required: false)
        } catch {
            calendarListing = InputListing(files: [])
        }
    }

    /// Opens a buffer; false when the URI is not a file (it is then not tracked).
    @discardableResult
    package func open(_ item: TextDocumentItem) -> Bool {
        guard let path = DocumentURI.path(of: item.uri) else { return false }
        documents[path] = TextDocument(uri: item.uri, version: item.version, text: item.text)
        return true
    }

    /// Applies a change to an open buffer; false when the buffer is not open.
    @discardableResult
    package func change(_ params: DidChangeTextDocumentParams) -> Bool {
        guard let path = DocumentURI.path(of: params.textDocument.uri), documents[path] != nil else { return false }
        documents[path]?.apply(params.contentChanges, version: params.textDocument.version)
        return true
    }

    /// Closes a buffer: the file on disk counts again.
    package func close(_ uri: String) {
        guard let path = DocumentURI.path(of: uri) else { return }
        documents[path] = nil
    }

    package func snapshot() -> WorkspaceSnapshot {
        WorkspaceSnapshot(root: root, documents: documents, regionListing: regionListing, calendarListing: calendarListing,
                          listingProblem: listingProblem)
    }
}
