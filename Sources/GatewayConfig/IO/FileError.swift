/// Why a file could not be read or written, in words a person can act on: `cannot read PATH: REASON`.
/// One shape for both; the action is in the type, so a read failure is never caught as a write one.
package struct FileError<Action: FileAction>: Error, Sendable, Equatable, CustomStringConvertible {
    package let path: String
    package let reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "cannot \(Action.verb) \(path): \(reason)" }
}

/// What was being done to the file when it failed.
package protocol FileAction: Sendable {
    static var verb: String { get }
}

package enum FileReading: FileAction {
    package static var verb: String { "read" }
}

package enum FileWriting: FileAction {
    package static var verb: String { "write" }
}

package typealias FileReadError = FileError<FileReading>
package typealias FileWriteError = FileError<FileWriting>
