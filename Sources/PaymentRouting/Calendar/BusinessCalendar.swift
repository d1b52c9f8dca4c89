import GatewayConfig

/// A region's settlement calendar: its time zone and the join of every calendar its payouts
/// follow (a business day is one in all of them), precomputed at load into one weekend mask and
/// one holiday bitmap, with the half days that move the cutoff and the span the data vouches for.
package struct BusinessCalendar: Sendable {
    package let timeZone: String
    let offsets: UTCOffsetTable
    /// Bit `isoNumber - 1` set for each weekend day of any layer.
    let weekendMask: UInt8
    /// Holidays of every layer as a bitmap of days since `firstHoliday`: a lookup is a shift and a mask.
    let firstHoliday: Int
    let holidayBits: [UInt64]
    /// Half days, ascending by day, with their cutoff second: searched only for the capture day.
    let halfDayDays: [Int]
    let halfDayCutoffs: [Int]
    /// The days every layer vouches for: a settlement walk outside them is an estimate.
    let vouchedFrom: Int
    let vouchedThrough: Int
    /// The calendars joined, for explaining.
    package let layers: [CalendarLayer]

    /// One calendar: a weekend and holidays, nothing past them estimated.
    package init?(timeZone: String, weekend: [Weekday], holidays: [CalendarDate]) {
        guard let offsets = UTCOffsetTable(identifier: timeZone) else { return nil }
        self.init(offsets: offsets, timeZone: timeZone,
                  layers: [CalendarLayer(label: "calendar", weekend: weekend, holidays: holidays.map { ($0, "holiday") })])
    }

    /// The join of `layers`; `halfDayLayers` (indexes into `layers`) are those whose half days move the cutoff.
    package init?(timeZone: String, layers: [CalendarLayer], halfDayLayers: Set<Int> = []) {
        guard let offsets = UTCOffsetTable(identifier: timeZone) else { return nil }
        self.init(offsets: offsets, timeZone: timeZone, layers: layers, halfDayLayers: halfDayLayers)
    }

    init?(offsets: UTCOffsetTable, timeZone: String, layers: [CalendarLayer], halfDayLayers: Set<Int> = []) {
        // A calendar without business days would never settle: refuse it.
        guard let weekend = JoinedWeekend(joining: layers.map(\.weekend)), !layers.isEmpty else { return nil }
        self.init(offsets: offsets, timeZone: timeZone, layers: layers, weekend: weekend, halfDayLayers: halfDayLayers)
    }

    /// The join of `layers`, whose weekends together are `weekend` (a checked region's, which
    /// `ArtifactInvariants` proved leaves a business day).
    init(offsets: UTCOffsetTable, timeZone: String, layers: [CalendarLayer], weekend: JoinedWeekend, halfDayLayers: Set<Int>) {
        self.timeZone = timeZone
        self.offsets = offsets
        self.weekendMask = weekend.mask
        let days = layers.flatMap(\.holidays.keys)
        let first = days.min() ?? 0
        var bits = [UInt64](repeating: 0, count: days.isEmpty ? 0 : ((days.max() ?? first) - first) / 64 + 1)
        for day in days { bits[(day - first) / 64] |= 1 << UInt64((day - first) % 64) }
        self.firstHoliday = first
        self.holidayBits = bits
        var cutoffs: [Int: Int] = [:]
        for index in halfDayLayers.sorted() where layers.indices.contains(index) {
            for (day, half) in layers[index].halfDays { cutoffs[day] = min(cutoffs[day] ?? .max, half.cutoffSecond) }
        }
        let sortedHalfDays = cutoffs.sorted { $0.key < $1.key }
        self.halfDayDays = sortedHalfDays.map(\.key)
        self.halfDayCutoffs = sortedHalfDays.map(\.value)
        self.vouchedFrom = layers.compactMap { $0.from?.daysSinceEpoch }.max() ?? .min
        self.vouchedThrough = layers.compactMap { $0.through?.daysSinceEpoch }.min() ?? .max
        self.layers = layers
    }

    /// Local day number and second of day of an instant in this calendar's zone.
    func localDay(of instant: Instant) -> (day: Int, second: Int) {
        let local = instant.secondsSinceEpoch &+ offsets.offset(at: instant.secondsSinceEpoch)
        var day = local / 86_400
        if local % 86_400 < 0 { day -= 1 }
        return (Int(day), Int(local - day * 86_400))
    }

    package func localDate(of instant: Instant) -> CalendarDate {
        CalendarDate(clampingDaysSinceEpoch: localDay(of: instant).day)
    }

    package func isBusinessDay(_ day: Int) -> Bool {
        // 1970-01-01 was a Thursday (ISO weekday 4, index 3).
        let weekdayIndex = ((day % 7) + 7 + 3) % 7
        return weekendMask & (1 << UInt8(weekdayIndex)) == 0 && !isHoliday(day)
    }

    func isHoliday(_ day: Int) -> Bool {
        let offset = day - firstHoliday
        guard offset >= 0, offset / 64 < holidayBits.count else { return false }
        return holidayBits[offset / 64] & (1 << UInt64(offset % 64)) != 0
    }

    package func isBusinessDay(_ date: CalendarDate) -> Bool { isBusinessDay(date.daysSinceEpoch) }

    /// The cutoff second on `day`: the regular one, or a half day's when earlier.
    func effectiveCutoff(on day: Int, regular: Int) -> Int {
        var low = 0
        var high = halfDayDays.count
        while low < high {
            let middle = (low + high) / 2
            if halfDayDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        guard low < halfDayDays.count, halfDayDays[low] == day else { return regular }
        return min(regular, halfDayCutoffs[low])
    }

    func nextBusinessDay(after day: Int) -> Int {
        var candidate = day + 1
        while !isBusinessDay(candidate) { candidate += 1 }
        return candidate
    }

    /// The settlement date of a capture: its local date, moved to the next business day when the
    /// capture is at or after the cutoff (a half day's, when earlier) or on a non-business day,
    /// plus `businessDays` business days.
    package func settlementDate(capturedAt instant: Instant, cutoff: LocalTime, businessDays: Int) -> CalendarDate {
        CalendarDate(clampingDaysSinceEpoch: settlement(capturedAt: instant, cutoffSecond: cutoff.secondsSinceMidnight,
                                                businessDays: businessDays).day)
    }

    /// The settlement day, and whether the walk to it left the days every calendar vouches for.
    func settlement(capturedAt instant: Instant, cutoffSecond: Int, businessDays: Int) -> (day: Int, estimated: Bool) {
        let (capturedDay, second) = localDay(of: instant)
        var day = capturedDay
        if !isBusinessDay(day) || second >= effectiveCutoff(on: day, regular: cutoffSecond) { day = nextBusinessDay(after: day) }
        for _ in 0..<max(0, businessDays) { day = nextBusinessDay(after: day) }
        return (day, capturedDay < vouchedFrom || day > vouchedThrough)
    }

    // MARK: Explaining (never on the decision hot path)

    /// Why `day` is not a business day: each calendar's reason, or empty for a business day.
    package func closures(on day: CalendarDate) -> [String] {
        let weekday = day.weekday
        // A weekend every calendar shares is said once; one only some calendars keep is named by calendar.
        let sharedWeekend = layers.allSatisfy { $0.weekend.contains(weekday) }
        var reasons = sharedWeekend ? ["weekend (\(weekday.rawValue))"] : []
        for layer in layers {
            if layer.weekend.contains(weekday) {
                if !sharedWeekend { reasons.append("\(layer.label) weekend (\(weekday.rawValue))") }
            } else if let name = layer.holidays[day.daysSinceEpoch] {
                reasons.append("\(layer.label) \(name)")
            }
        }
        return reasons
    }

    /// The half day's cutoff and name on `day`, when it moves the regular cutoff.
    package func halfDay(on day: CalendarDate, regular: LocalTime) -> (cutoff: LocalTime, name: String)? {
        let second = effectiveCutoff(on: day.daysSinceEpoch, regular: regular.secondsSinceMidnight)
        guard second < regular.secondsSinceMidnight, let time = LocalTime(hour: second / 3600, minute: second / 60 % 60) else {
            return nil
        }
        let name = layers.lazy.compactMap { $0.halfDays[day.daysSinceEpoch]?.name }.first ?? "half day"
        return (time, name)
    }

    /// The calendars whose vouched span `day` lies outside of.
    package func layersBeyondHorizon(on day: CalendarDate) -> [CalendarLayer] {
        layers.filter { $0.isBeyondHorizon(day.daysSinceEpoch) }
    }
}
