import Foundation
import GatewayConfig
import RegionCompiler

/// The tree as of one moment: the files on disk as last listed, with the open buffers' unsaved
/// text over them. A value: a request works on the snapshot taken when it arrived, whatever
/// changes after.
package struct WorkspaceSnapshot: Sendable {
    package var root: WorkspaceRoot
    /// Open buffers by file path.
    package var documents: [String: TextDocument]
    package var regionListing: InputListing
    package var calendarListing: InputListing
    /// Why the regions directory could not be listed, when it could not.
    package var listingProblem: String?

    /// The open buffer at `uri`, if any.
    package func document(at uri: String) -> TextDocument? {
        DocumentURI.path(of: uri).flatMap { documents[$0] }
    }

    /// The text a request about `uri` works on: the open buffer's, else the file's as listed.
    package func text(at uri: String) -> String? {
        guard let path = DocumentURI.path(of: uri) else { return nil }
        if let document = documents[path] { return document.text }
        let file = regionListing.files.first { $0.displayPath == path } ?? calendarListing.files.first { $0.displayPath == path }
        return file.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// What to compile: the listed files, an open buffer's text in place of a file's bytes, and
    /// open buffers of new files (not saved yet) in the two directories.
    package func compileInputs() -> (files: [SourceFile], calendarFiles: [SourceFile], listingDiagnostics: [Diagnostic]) {
        var unlisted = documents
        let files = regionListing.files.map { overlaid($0, unlisted: &unlisted) }
        let calendarFiles = calendarListing.files.map { overlaid($0, unlisted: &unlisted) }
        var newFiles: [SourceFile] = []
        var newCalendars: [SourceFile] = []
        for (path, document) in unlisted {
            guard let input = root.inputName(ofPath: path) else { continue }
            let bytes = Array(document.text.utf8)
            if input.isCalendar {
                newCalendars.append(SourceFile(name: "calendars/" + input.name, displayPath: path, bytes: bytes))
            } else {
                newFiles.append(SourceFile(name: input.name, displayPath: path, bytes: bytes))
            }
        }
        return (files + newFiles, calendarFiles + newCalendars, regionListing.diagnostics + calendarListing.diagnostics)
    }

    private func overlaid(_ file: SourceFile, unlisted: inout [String: TextDocument]) -> SourceFile {
        guard let document = unlisted.removeValue(forKey: file.displayPath) else { return file }
        return SourceFile(name: file.name, displayPath: file.displayPath, bytes: Array(document.text.utf8), realPath: file.realPath)
    }

    /// The URI to publish a compiler path under: the client's own URI for an open buffer.
    package func uri(ofDisplayPath path: String) -> String {
        documents[path]?.uri ?? DocumentURI.uri(ofPath: path)
    }
}
