/// A day of the week, written `mon` .. `sun` in descriptors and the artifact. Monday first (ISO 8601).
public enum Weekday: String, Sendable, CaseIterable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    public var isoNumber: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
