/// Where a region or method stands in its lifecycle.
package enum AvailabilityStatus: String, Sendable, CaseIterable, Codable {
    case planned, pilot, live, paused, retired

    /// How many merchants a status can reach: nothing < pilot (some) < live (all).
    /// A method's status may never reach further than its region's.
    package var reach: Int {
        switch self {
        case .planned, .paused, .retired: 0
        case .pilot: 1
        case .live: 2
        }
    }
}
