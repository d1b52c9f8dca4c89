import GatewayConfig

/// Reads a banking calendar file into a `CalendarDescriptor`, reporting structure and value
/// errors; the rules within one file (dates inside their year, no repeats, the horizon inside
/// contiguous years) are checked here too, since they need nothing beyond the file.
package struct CalendarDecoder {
    package static let rootKeys = ["market", "name", "timezone", "weekend", "through", "years"]
    package static let yearKeys = ["source", "holidays", "half_days"]
    package static let holidayKeys = ["date", "name", "estimated", "source"]
    package static let halfDayKeys = ["date", "cutoff", "name", "estimated", "source"]
    /// Years a calendar may list: anything else is a typo.
    static let yearRange = 2000...2199

    let reader: FieldReader

    func decode(_ root: YAMLNode, file: SourceFile) -> CalendarDescriptor {
        var calendar = CalendarDescriptor(file: file, rootLocation: reader.rootLocation)
        guard let fields = reader.mapping(root, path: "", introducedAt: root.location, known: Self.rootKeys,
                                          required: Self.rootKeys) else { return calendar }
        calendar.market = fields["market"].flatMap { reader.regionCode($0, path: "market") }
        calendar.name = fields["name"].flatMap { reader.text($0, path: "name") }
        calendar.timezone = fields["timezone"].flatMap { reader.timeZone($0, path: "timezone") }
        if let node = fields["weekend"],
           let days = reader.list(node, path: "weekend", item: { reader.weekday($0, path: "weekend") }) {
            calendar.weekend = Located(days.map(\.value), at: node.location)
        }
        calendar.through = fields["through"].flatMap { reader.date($0, path: "through") }
        if let node = fields["years"] {
            calendar.years = decodeYears(node, keyLocation: fields.keyLocation("years") ?? node.location)
        }
        checkDates(calendar)
        checkHorizon(calendar, yearsKey: fields.keyLocation("years"))
        return calendar
    }

    private func decodeYears(_ node: YAMLNode, keyLocation: SourceLocation) -> [CalendarDescriptor.Year] {
        guard case .mapping(let pairs) = node.kind else {
            reader.wrongType(node, expected: "a mapping of years", path: "years",
                             hint: "write `years:` then `  2027:` with its `source` and `holidays`")
            return []
        }
        if pairs.isEmpty {
            reader.error(.missingField, "`years` is empty", at: node.location, hint: "list at least one year with its source and holidays")
        }
        var years: [CalendarDescriptor.Year] = []
        for pair in pairs {
            let text = pair.keyText
            guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), Self.yearRange.contains(year) else {
                reader.error(.calendarInvalidYear, "`\(text)` under `years` is not a year", at: pair.key.location,
                             hint: "key each year by its four digits, e.g. `2027:`")
                continue
            }
            let path = "years.\(text)"
            guard let inner = reader.mapping(pair.value, path: path, introducedAt: pair.key.location, known: Self.yearKeys,
                                             required: ["source", "holidays"]) else { continue }
            var entry = CalendarDescriptor.Year(year: Located(year, at: pair.key.location))
            entry.source = inner["source"].flatMap { reader.text($0, path: "\(path).source") }
            if let list = inner["holidays"], let items = reader.sequence(list, path: "\(path).holidays") {
                entry.holidays = items.compactMap { decodeHoliday($0, path: "\(path).holidays[]") }
            }
            if let list = inner["half_days"], let items = reader.sequence(list, path: "\(path).half_days") {
                entry.halfDays = items.compactMap { decodeHalfDay($0, path: "\(path).half_days[]") }
            }
            years.append(entry)
        }
        return years
    }

    private func decodeHoliday(_ node: YAMLNode, path: String) -> CalendarDescriptor.Holiday? {
        guard let fields = reader.mapping(node, path: path, introducedAt: node.location, known: Self.holidayKeys,
                                          required: ["date", "name"]) else { return nil }
        let date = fields["date"].flatMap { reader.date($0, path: "date") }
        let name = fields["name"].flatMap { reader.text($0, path: "name") }
        let estimated = fields["estimated"].flatMap { reader.boolean($0, path: "estimated") }
        let source = fields["source"].flatMap { reader.text($0, path: "source") }
        guard let date, let name else { return nil }
        return CalendarDescriptor.Holiday(date: date, name: name.value, estimated: estimated?.value ?? false, source: source?.value)
    }

    private func decodeHalfDay(_ node: YAMLNode, path: String) -> CalendarDescriptor.HalfDay? {
        guard let fields = reader.mapping(node, path: path, introducedAt: node.location, known: Self.halfDayKeys,
                                          required: ["date", "cutoff", "name"]) else { return nil }
        let date = fields["date"].flatMap { reader.date($0, path: "date") }
        let cutoff = fields["cutoff"].flatMap { reader.localTime($0, path: "cutoff") }
        let name = fields["name"].flatMap { reader.text($0, path: "name") }
        let estimated = fields["estimated"].flatMap { reader.boolean($0, path: "estimated") }
        _ = fields["source"].flatMap { reader.text($0, path: "source") }
        guard let date, let cutoff, let name else { return nil }
        return CalendarDescriptor.HalfDay(date: date, cutoff: cutoff, name: name.value, estimated: estimated?.value ?? false)
    }

    /// Each date sits under its own year, and no date is listed twice (as holiday or half day).
    private func checkDates(_ calendar: CalendarDescriptor) {
        var seen: [CalendarDate: SourceLocation] = [:]
        for year in calendar.years {
            let dates = year.holidays.map(\.date) + year.halfDays.map(\.date)
            for date in dates {
                if date.value.year != year.year.value {
                    reader.error(.calendarDateOutsideYear, "\(date.value) is listed under \(year.year.value)", at: date.location,
                                 hint: "move it under `\(date.value.year):`, or correct the year")
                }
                if let first = seen[date.value] {
                    reader.error(.calendarDuplicateDate, "\(date.value) is listed twice", at: date.location,
                                 hint: "keep one entry per date; a day that is a holiday is not also a half day",
                                 related: [RelatedNote(location: first, message: "first listed here")])
                } else {
                    seen[date.value] = date.location
                }
            }
        }
        if let weekend = calendar.weekend, JoinedWeekend(joining: [weekend.value]) == nil {
            reader.error(.noBusinessDays, "`weekend` covers all seven days, so no payment could ever settle",
                         at: weekend.location, hint: "list only the days banks are closed, e.g. [sat, sun]")
        }
    }

    /// `through` lies inside the listed years, and every year up to it is listed.
    private func checkHorizon(_ calendar: CalendarDescriptor, yearsKey: SourceLocation?) {
        guard let through = calendar.through, let span = calendar.yearSpan else { return }
        guard span.contains(through.value.year) else {
            let hint = through.value.year > span.upperBound
                ? "list \(through.value.year) with its source and holidays, or set `through` to \(span.upperBound)-12-31 at most"
                : "set `through` inside the listed years (\(span.lowerBound) to \(span.upperBound))"
            reader.error(.calendarHorizonOutsideYears,
                         "`through: \(through.value)` is outside the listed years \(span.lowerBound) to \(span.upperBound)",
                         at: through.location, hint: hint)
            return
        }
        let listed = Set(calendar.years.map(\.year.value))
        let missing = (span.lowerBound...through.value.year).filter { !listed.contains($0) }
        if !missing.isEmpty {
            let names = missing.map(String.init).joined(separator: ", ")
            reader.error(.calendarYearsNotContiguous,
                         "`years` skips \(names) on the way to `through: \(through.value)`",
                         at: yearsKey ?? through.location,
                         hint: "list every year up to the horizon: a missing year would settle on its holidays")
        }
    }
}
