import SystemPackage

/// Paths are input (`regionc validate r`, `-o out/`, `..`): they are joined and split lexically
/// with swift-system's `FilePath`, never with Foundation's `NSString` path API, which traps on
/// some of them (a one-letter directory name). The one home of path joining and splitting.
package enum FilePaths {
    /// `directory/name`, separators coalesced. `name` always lands below `directory`, even when
    /// it starts with `/`: a file name never replaces the directory it is joined to. An empty
    /// `directory` leaves `name` relative.
    package static func join(_ directory: String, _ name: String) -> String {
        FilePath(directory).appending(FilePath(name).components).string
    }

    /// The directory a path names its last component in, and that component:
    /// `a/b` -> (`a`, `b`), `a/b/` -> (`a`, `b`), `b` -> (`.`, `b`), `/b` -> (`/`, `b`).
    /// A root or an empty path has no last component: (`/`, ``) and (`.`, ``).
    package static func split(_ path: String) -> (directory: String, name: String) {
        let filePath = FilePath(path)
        guard let last = filePath.lastComponent else { return (filePath.isEmpty ? "." : filePath.string, "") }
        let parent = filePath.removingLastComponent()
        return (parent.isEmpty ? "." : parent.string, last.string)
    }

    /// The last component (`b` for `a/b/`); empty for a root or an empty path.
    package static func lastComponent(_ path: String) -> String {
        FilePath(path).lastComponent?.string ?? ""
    }

    /// Whether the path, as written, ends in a separator (`out/`): it names a directory.
    package static func namesDirectory(_ path: String) -> Bool {
        path.utf8.last == UInt8(ascii: "/")
    }

    /// The entry `name` beside the last component of `path`: `a/regions` -> `a/calendars`,
    /// `regions/` -> `calendars`. Beside `.`, `..`, a root or an empty path it is one level up
    /// (`.` -> `../calendars`, `a/..` -> `a/../../calendars`): lexical, so a symbolic link on the
    /// way is followed by the system, not guessed at.
    package static func sibling(_ name: String, of path: String) -> String {
        let filePath = FilePath(path)
        switch filePath.lastComponent?.kind {
        case .regular?:
            return join(filePath.removingLastComponent().string, name)
        case .currentDirectory? where filePath.components.count == 1, nil where filePath.root == nil:
            return join("..", name)
        case .currentDirectory?, .parentDirectory?, nil:
            return join(join(filePath.string, ".."), name)
        }
    }
}
