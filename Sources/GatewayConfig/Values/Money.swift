/// An amount in integer minor units of one currency. Never a floating-point number.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    package enum ParseError: Error, Equatable, Sendable {
        /// Not `<decimal> <CODE>`.
        case malformed
        case unknownCurrency(String)
        /// More decimals than the currency's minor units.
        case tooManyDecimals(currency: String, found: Int, allowed: Int)
        /// Does not fit in a signed 64-bit count of minor units.
        case overflow
    }

    /// Parses `"<decimal> <ISO 4217 code>"`, e.g. `120.50 HKD`, `1000 KRW`, `-3.5 USD`.
    package static func parse(_ text: String) -> Result<Money, ParseError> {
        parse(utf8: Array(text.utf8)[...])
    }

    /// The same, over UTF-8 bytes, scanned in one pass: this runs for every batch request.
    package static func parse(utf8: ArraySlice<UInt8>) -> Result<Money, ParseError> {
        guard let space = utf8.firstIndex(of: 0x20) else { return .failure(.malformed) }
        var number = utf8[utf8.startIndex..<space]
        let code = utf8[utf8.index(after: space)...]
        guard code.count == 3, code.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return .failure(.malformed) }
        let negative = number.first == 0x2D
        if negative { number = number.dropFirst() }
        let dot = number.firstIndex(of: 0x2E)
        let whole = dot.map { number[number.startIndex..<$0] } ?? number
        let fraction = dot.map { number[number.index(after: $0)...] } ?? number[number.endIndex...]
        guard !whole.isEmpty, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit),
              dot == nil || !fraction.isEmpty else { return .failure(.malformed) }
        let codeText = String(decoding: code, as: UTF8.self)
        guard let currency = CurrencyCode(codeText) else { return .failure(.unknownCurrency(codeText)) }
        guard fraction.count <= currency.minorUnits else {
            return .failure(.tooManyDecimals(currency: codeText, found: fraction.count, allowed: currency.minorUnits))
        }
        // The magnitude, unsigned: a negative amount may reach 2^63 minor units (Int64.min), one more
        // than a positive one, so every Money prints to text that parses back.
        var magnitude: UInt64 = 0
        func push(_ digit: UInt64) -> Bool {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            magnitude = sum
            return !o1 && !o2
        }
        for byte in whole where !push(UInt64(byte - 0x30)) { return .failure(.overflow) }
        for byte in fraction where !push(UInt64(byte - 0x30)) { return .failure(.overflow) }
        for _ in fraction.count..<currency.minorUnits where !push(0) { return .failure(.overflow) }
        guard magnitude <= (negative ? Int64.min.magnitude : UInt64(Int64.max)) else { return .failure(.overflow) }
        let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        return .success(Money(minorUnits: value, currency: currency))
    }

    /// `120.50 HKD`: the descriptor's own notation, with exactly the currency's minor units.
    public var description: String { text(writtenBy: write(into:)) }

    /// Appends the `description` without building a string: this runs for every batch decision.
    package func write(into output: inout [UInt8]) {
        var scale: UInt64 = 1
        for _ in 0..<currency.minorUnits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        if minorUnits < 0 { output.append(UInt8(ascii: "-")) }
        appendDecimal(magnitude / scale, into: &output)
        if scale > 1 {
            output.append(UInt8(ascii: "."))
            // Exactly `minorUnits` digits, leading zeros kept.
            let fraction = magnitude % scale
            var place = scale / 10
            while place > 0 {
                output.append(UInt8(truncatingIfNeeded: 0x30 + fraction / place % 10))
                place /= 10
            }
        }
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: currency.rawValue.utf8)
    }
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
