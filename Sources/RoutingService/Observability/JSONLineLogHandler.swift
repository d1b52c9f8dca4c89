import Foundation
import GatewayConfig
import Logging
import Synchronization

/// Writes one JSON object per log event on one line: `{"time":…,"level":…,"msg":…,<metadata, sorted>}`.
/// `msg` comes third so a person reading the stream, or `grep 'listening on'`, finds it at once.
package struct JSONLineLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    let sink: LogSink

    package init(label: String, level: Logger.Level = .info, sink: LogSink = .standardError) {
        logLevel = level
        self.sink = sink
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        sink.write(Self.line(time: Date(), level: event.level, message: "\(event.message)", metadata: merged))
    }

    static func line(time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> [UInt8] {
        var output: [UInt8] = []
        output += Array("{\"time\":\"\(RFC3339.milliseconds(time))\",\"level\":\"\(level.rawValue)\",\"msg\":".utf8)
        JSONText.writeString(message, into: &output)
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            output.append(UInt8(ascii: ","))
            JSONText.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            JSONText.writeString(value.description, into: &output)
        }
        output += Array("}\n".utf8)
        return output
    }
}

/// Where log lines go: standard error by default (standard output may carry the decision log),
/// or a buffer a test reads.
package final class LogSink: Sendable {
    private let capturing: Bool
    private let lines = Mutex<[String]>([])

    private init(capturing: Bool) { self.capturing = capturing }

    package static let standardError = LogSink(capturing: false)
    /// Keeps lines in memory, for tests.
    package static func capturing() -> LogSink { LogSink(capturing: true) }

    package var captured: [String] { lines.withLock { $0 } }

    func write(_ line: [UInt8]) {
        if capturing {
            lines.withLock { $0.append(String(decoding: line.dropLast(), as: UTF8.self)) }
        } else {
            FileHandle.standardError.write(Data(line))
        }
    }
}
