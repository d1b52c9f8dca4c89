import GatewayConfig

/// The banking calendars a region's payouts follow, for `regionc effective`: as YAML comments after
/// the descriptor, each with the file and line of its horizon.
package enum EffectiveCalendars {
    package static func render(_ region: RegionDescriptor, resolution: CalendarResolution) -> String {
        guard let code = region.region?.value else { return "" }
        let markets = resolution.markets[code] ?? []
        var lines: [String] = []
        if let written = region.settlementCalendars {
            let origin = written.first.map { "\($0.location.file.split(separator: "/").last ?? ""):\($0.location.line)" } ?? ""
            lines.append("# settlement.calendars: [\(markets.map(\.rawValue).joined(separator: ", "))]  # \(origin)")
        } else {
            let currency = region.settlementCurrency.map { " and \($0.value)'s home market" } ?? ""
            lines.append("# settlement.calendars: [\(markets.map(\.rawValue).joined(separator: ", "))]  # default: the region's market\(currency)")
        }
        for market in markets {
            guard let calendar = resolution.calendars[market] else { continue }
            let at = "\(calendar.horizonLocation.file):\(calendar.horizonLocation.line)"
            let span = [calendar.from.map { "from \($0)" }, calendar.through.map { "through \($0)" }].compactMap { $0 }
                .joined(separator: " ")
            lines.append("#   \(market): \(calendar.name); weekend [\(calendar.weekend.map(\.rawValue).joined(separator: ", "))]; "
                + "\(calendar.holidays.count) holidays, \(calendar.halfDays.count) half days\(span.isEmpty ? "" : "; \(span)")"
                + "\(calendar.unsourced ? " (unsourced)" : "")  # \(at)")
        }
        if resolution.ownListsAreALayer(region) {
            lines.append("#   plus the region's own weekend and holidays")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
