import GatewayConfig

/// A region's settlement calendar: its time zone, weekend and holidays, and the rule that
/// turns a capture instant into a settlement date.
public struct BusinessCalendar: Sendable {
    public let timeZone: String
    let offsets: UTCOffsetTable
    /// Bit `isoNumber - 1` set for each weekend day.
    let weekendMask: UInt8
    /// Holidays as a bitmap of days since `firstHoliday`: a lookup is a shift and a mask, no hashing.
    let firstHoliday: Int
    let holidayBits: [UInt64]

    public init?(timeZone: String, weekend: [Weekday], holidays: [CalendarDate]) {
        guard let offsets = UTCOffsetTable(identifier: timeZone) else { return nil }
        self.init(offsets: offsets, timeZone: timeZone, weekend: weekend, holidays: holidays)
    }

    init?(offsets: UTCOffsetTable, timeZone: String, weekend: [Weekday], holidays: [CalendarDate]) {
        let mask = weekend.reduce(UInt8(0)) { $0 | (1 << UInt8($1.isoNumber - 1)) }
        // A calendar without business days would never settle: refuse it.
        guard mask != 0x7F else { return nil }
        self.timeZone = timeZone
        self.offsets = offsets
        self.weekendMask = mask
        let days = holidays.map(\.daysSinceEpoch)
        let first = days.min() ?? 0
        var bits = [UInt64](repeating: 0, count: ((days.max() ?? first) - first) / 64 + 1)
        for day in days { bits[(day - first) / 64] |= 1 << UInt64((day - first) % 64) }
        self.firstHoliday = first
        self.holidayBits = days.isEmpty ? [] : bits
    }

    /// Local day number and second of day of an instant in this calendar's zone.

    func localDay(of instant: Instant) -> (day: Int, second: Int) {
        let local = instant.secondsSinceEpoch &+ offsets.offset(at: instant.secondsSinceEpoch)
        var day = local / 86_400
        if local % 86_400 < 0 { day -= 1 }
        return (Int(day), Int(local - day * 86_400))
    }

    public func localDate(of instant: Instant) -> CalendarDate {
        CalendarDate(daysSinceEpoch: localDay(of: instant).day)
    }

    public func isBusinessDay(_ day: Int) -> Bool {
        // 1970-01-01 was a Thursday (ISO weekday 4, index 3).
        let weekdayIndex = ((day % 7) + 7 + 3) % 7
        return weekendMask & (1 << UInt8(weekdayIndex)) == 0 && !isHoliday(day)
    }

    func isHoliday(_ day: Int) -> Bool {
        let offset = day - firstHoliday
        guard offset >= 0, offset / 64 < holidayBits.count else { return false }
        return holidayBits[offset / 64] & (1 << UInt64(offset % 64)) != 0
    }

    public func isBusinessDay(_ date: CalendarDate) -> Bool { isBusinessDay(date.daysSinceEpoch) }

    func nextBusinessDay(after day: Int) -> Int {
        var candidate = day + 1
        while !isBusinessDay(candidate) { candidate += 1 }
        return candidate
    }

    /// The settlement date of a capture: its local date, moved to the next business day when the
    /// capture is at or after the cutoff or on a non-business day, plus `businessDays` business days.
    public func settlementDate(capturedAt instant: Instant, cutoff: LocalTime, businessDays: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: settlementDay(capturedAt: instant, cutoffSecond: cutoff.secondsSinceMidnight,
                                                   businessDays: businessDays))
    }

    func settlementDay(capturedAt instant: Instant, cutoffSecond: Int, businessDays: Int) -> Int {
        let (capturedDay, second) = localDay(of: instant)
        var day = capturedDay
        if !isBusinessDay(day) || second >= cutoffSecond { day = nextBusinessDay(after: day) }
        for _ in 0..<max(0, businessDays) { day = nextBusinessDay(after: day) }
        return day
    }
}
