/// A day of the week, written `mon` .. `sun` in descriptors and the artifact. Monday first (ISO 8601).
package enum Weekday: String, Sendable, CaseIterable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    package var isoNumber: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }

    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
