import Foundation
@testable import PaymentRouting
import Testing

/// Inputs the `batch-line` fuzz target (Fuzz/Sources/FuzzBatchLine) found, replayed with that
/// target's own property, `RequestLineProperties.violation`: one copy, shared, so it cannot drift.
@Suite struct BatchLineFindingsTests {
    static let fixtures = FuzzFixtures.names(target: "batch-line")

    @Test(arguments: fixtures)
    func propertyHolds(_ name: String) throws {
        let bytes = try FuzzFixtures.bytes(target: "batch-line", name: name)
        #expect(RequestLineProperties.violation(bytes) == nil)
    }
}
