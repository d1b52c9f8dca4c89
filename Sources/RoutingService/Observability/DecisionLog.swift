import Foundation
import GatewayConfig
import PaymentRouting
import Synchronization

/// The audit trail: one JSON line per sampled decision, keys sorted,
/// `{"config_digest":…,"decision":{…},"logged_at":…,"request":{"amount":…,"at":…,"merchant":…,"method":…,"region":…}}`,
/// where `decision` is the object `regionc route --format json` prints and `config_digest` the
/// SHA-256 of the artifact that decided. `regionc diff --traffic` replays these lines.
final class DecisionLog: Sendable {
    /// Where lines go: a file opened for appending, or standard output for `-`.
    private let handle: Mutex<FileHandle>
    /// Fraction of decisions written, 0...1.
    let sampleRate: Double

    init(path: String, sampleRate: Double) throws(ServiceSetupError) {
        self.sampleRate = min(1, max(0, sampleRate))
        if path == "-" {
            handle = Mutex(FileHandle.standardOutput)
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ServiceSetupError("cannot create the decision log \(path)")
            }
        }
        guard let file = FileHandle(forWritingAtPath: path) else {
            throw ServiceSetupError("cannot open the decision log \(path) for writing")
        }
        file.seekToEndOfFile()
        handle = Mutex(file)
    }

    /// Whether this decision is one of the sampled.
    func sampled() -> Bool { sampleRate >= 1 || (sampleRate > 0 && Double.random(in: 0..<1) < sampleRate) }

    func record(configDigest: String, request: RouteRequest, decision: RouteDecision, at date: Date) {
        let line = Self.line(configDigest: configDigest, request: request, decision: decision, loggedAt: date)
        // One write per line under the lock: lines from concurrent requests never interleave.
        handle.withLock { try? $0.write(contentsOf: line) }
    }

    static func line(configDigest: String, request: RouteRequest, decision: RouteDecision, loggedAt: Date) -> [UInt8] {
        var output: [UInt8] = []
        output += Array("{\"config_digest\":".utf8)
        JSONText.writeString(configDigest, into: &output)
        output += Array(",\"decision\":".utf8)
        DecisionReport.write(request: request, decision: decision, into: &output)
        output += Array(",\"logged_at\":\"\(RFC3339.seconds(loggedAt))\",\"request\":{\"amount\":\"".utf8)
        request.amount.write(into: &output)
        output += Array("\",\"at\":\"".utf8)
        request.at.write(into: &output)
        output += Array("\",\"merchant\":".utf8)
        JSONText.writeString(request.merchant, into: &output)
        output += Array(",\"method\":".utf8)
        JSONText.writeString(request.method, into: &output)
        output += Array(",\"region\":".utf8)
        JSONText.writeString(request.region, into: &output)
        output += Array("}}\n".utf8)
        return output
    }
}

/// A flag or file the service cannot start with: regiond prints it and exits 2.
public struct ServiceSetupError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
