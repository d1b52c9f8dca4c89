import Foundation
import GatewayConfig
@testable import PaymentRouting
import Testing

/// Lines the `batch-line` fuzz target (Fuzz/Sources/FuzzBatchLine) found the byte scanner's fast
/// path and the general parser disagreeing on, replayed with that target's property: a request the
/// fast path builds is the one the general parser builds, and five plain ASCII fields the scanner
/// finds are the five strings the general parser reads.
@Suite struct BatchLineFindingsTests {
    static let fixtures = FuzzFixtures.names(target: "batch-line")

    @Test(arguments: fixtures)
    func pathsAgree(_ name: String) throws {
        let line = try FuzzFixtures.bytes(target: "batch-line", name: name)[...]
        let general: RouteRequest? = if case .success(let request) = BatchReplay.parseGeneral(line) { request } else { nil }
        guard let fields = RequestLineScanner.scan(line) else { return }
        let ranges = [("region", fields.region), ("merchant", fields.merchant), ("method", fields.method),
                      ("amount", fields.amount), ("at", fields.at)]
        if ranges.allSatisfy({ line[$0.1].allSatisfy { $0 < 0x80 } }) {
            let object: [String: String]? = if case .success(let read) = FlatJSONObject.read(line) { read } else { nil }
            #expect(object != nil, "the scanner reads a line the general parser calls not a flat object")
            for (name, range) in ranges { #expect(object?[name] == String(decoding: line[range], as: UTF8.self), "\(name)") }
        }
        if let fast = BatchReplay.fastRequest(line, fields) { #expect(general == fast) }
    }
}
