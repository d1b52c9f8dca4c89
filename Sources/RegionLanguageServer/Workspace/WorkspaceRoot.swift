import Foundation
import GatewayConfig
import RegionCompiler

/// The tree the server checks: the regions directory and the calendars beside it, as absolute
/// paths (diagnostics then name absolute paths, which become `file:` URIs as they are).
package struct WorkspaceRoot: Sendable, Hashable {
    package var regions: String
    package var calendars: String

    package init(regions: String, calendars: String) {
        self.regions = regions
        self.calendars = calendars
    }

    /// The root the client names (`workspaceFolders`' first, else `rootUri`, else `rootPath`), or
    /// the current directory. The folder holding `regions/` is the usual root; a root that is
    /// itself a regions directory (it holds `catalog.yaml`) is taken as one.
    package static func resolve(_ params: InitializeParams, currentDirectory: String) -> WorkspaceRoot {
        let named = params.workspaceFolders?.first.flatMap { DocumentURI.path(of: $0.uri) }
            ?? params.rootUri.flatMap(DocumentURI.path(of:))
            ?? params.rootPath
        return at(named ?? currentDirectory)
    }

    package static func at(_ folder: String) -> WorkspaceRoot {
        let regions = FilePaths.join(folder, "regions")
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: regions), fileManager.fileExists(atPath: FilePaths.join(folder, "catalog.yaml")) {
            return WorkspaceRoot(regions: folder, calendars: CalendarCompiler.defaultDirectory(besideRegions: folder))
        }
        return WorkspaceRoot(regions: regions, calendars: FilePaths.join(folder, "calendars"))
    }

    /// Which input a path is: a region-directory file (its name), a calendar (`calendars/<name>`),
    /// or neither (nil). Only `.yaml`/`.yml` files directly inside the two directories count.
    package func inputName(ofPath path: String) -> (name: String, isCalendar: Bool)? {
        let (directory, name) = FilePaths.split(path)
        guard InputLoader.extensions.contains(where: { name.hasSuffix($0) }), !name.hasPrefix(".") else { return nil }
        if directory == FilePaths.join(regions, "") || directory == regions { return (name, false) }
        if directory == FilePaths.join(calendars, "") || directory == calendars { return (name, true) }
        return nil
    }
}
