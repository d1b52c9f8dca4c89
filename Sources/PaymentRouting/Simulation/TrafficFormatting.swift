import GatewayConfig

/// Numbers and amounts as the traffic report shows them.
enum TrafficFormatting {
    /// `1,234,567`.
    static func grouped<Number: BinaryInteger>(_ value: Number) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A sum of minor units as money: `1234.50 HKD`, or `1,234.50 HKD` with `grouping`.
    static func money(_ minorUnits: Int128, _ currency: CurrencyCode, grouping: Bool) -> String {
        var scale: UInt128 = 1
        for _ in 0..<currency.minorUnits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        let whole = grouping ? grouped(magnitude / scale) : String(magnitude / scale)
        var fraction = ""
        if scale > 1 {
            let digits = String(magnitude % scale)
            fraction = "." + String(repeating: "0", count: currency.minorUnits - digits.count) + digits
        }
        return (minorUnits < 0 ? "-" : "") + whole + fraction + " " + currency.rawValue
    }

    /// `6.25%`, two decimals, `<0.01%` for a sliver.
    static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        if hundredths == 0, share > 0 { return "<0.01%" }
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// Text from the input (a method id) made safe to show in a terminal: control and
    /// bidirectional characters as `?`, at most `limit` characters.
    static func shown(_ text: String, limit: Int = 64) -> String {
        cut(String(String.UnicodeScalarView(text.unicodeScalars.map { ControlCharacters.needsCare($0) ? "?" : $0 })), limit: limit)
    }

    /// At most `limit` characters, `…` after a cut.
    static func cut(_ text: String, limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// `3, 17, 99`, with `, …` when there were more than shown.
    static func lineList(_ lines: [Int], total: Int, limit: Int = 10) -> String {
        let shown = lines.prefix(limit).map(String.init).joined(separator: ", ")
        return total > min(lines.count, limit) ? shown + ", …" : shown
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? singular : (plural ?? singular + "s"))"
    }
}
