import Foundation

/// Places in this checkout the tests read from.
public enum Repository {
    /// The package root (this file is `Tests/TestSupport/Repository.swift`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shipped region descriptors.
    public static let regions = root.appendingPathComponent("regions")
    /// The banking calendars beside the regions.
    public static let calendars = root.appendingPathComponent("calendars")
    /// The runtime's purpose-built fixture regions, whose decisions `DecisionTableTests` pins.
    public static let fixtureRegions = root.appendingPathComponent("Tests/PaymentRoutingTests/Fixtures/regions")
}
