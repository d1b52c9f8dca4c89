import Foundation
import GatewayConfig

/// How a server is set up: `regionc lsp` takes the defaults; tests inject a sleeper they control,
/// a fixed date, their own handlers and smaller caps.
package struct ServerConfiguration: Sendable {
    /// The root when the client names none.
    package var currentDirectory: String
    /// Quiet time after a change before the tree is re-checked.
    package var debounce: Duration = .milliseconds(50)
    package var sleeper: any Sleeper = ClockSleeper()
    /// The date calendar horizons are judged on, as `regionc validate` judges them (today, UTC).
    package var today: @Sendable () -> CalendarDate = {
        CalendarDate(clampingDaysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
    package var registry = HandlerRegistry.standard
    package var maximumHeaderBytes = MessageFramer.maximumHeaderBytes
    package var maximumMessageBytes = MessageFramer.maximumMessageBytes

    package init(currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.currentDirectory = currentDirectory
    }
}
