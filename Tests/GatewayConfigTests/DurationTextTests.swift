import GatewayConfig
import Testing

/// `<integer>s|m|h`, the health policy's durations: what reads, and why the rest does not.
@Suite struct DurationTextTests {
    static let readable: [(String, Int64)] = [
        ("30s", 30), ("5m", 300), ("1h", 3600), ("0s", 0), ("168h", 604_800), ("90s", 90),
        ("999999999999999999s", 999_999_999_999_999_999),
    ]

    @Test(arguments: readable)
    func reads(_ text: String, _ seconds: Int64) {
        #expect(DurationText.seconds(text) == .success(seconds))
    }

    static let refused: [(String, DurationText.Failure)] = [
        ("5 minutes", .malformed), ("-1m", .malformed), ("+1m", .malformed), ("1.5h", .malformed), ("60", .malformed),
        ("", .malformed), ("m", .malformed), (" 5m", .malformed), ("5m ", .malformed), ("٣s", .malformed),
        ("1d", .unknownUnit("d")), ("500ms", .unknownUnit("ms")), ("5M", .unknownUnit("M")), ("2w", .unknownUnit("w")),
        ("05m", .leadingZero), ("00s", .leadingZero),
        ("99999999999999999999h", .overflow), ("9223372036854775807h", .overflow), ("3000000000000000h", .overflow),
    ]

    @Test(arguments: refused)
    func refuses(_ text: String, _ failure: DurationText.Failure) {
        #expect(DurationText.seconds(text) == .failure(failure))
    }

    @Test func writesTheLargestUnitThatDividesAndReadsItBack() {
        for (seconds, text) in [(Int64(0), "0s"), (45, "45s"), (60, "1m"), (90, "90s"), (300, "5m"), (3600, "1h"), (5400, "90m"),
                                (604_800, "168h")] {
            #expect(DurationText.text(seconds: seconds) == text)
            #expect(DurationText.seconds(text) == .success(seconds))
        }
    }
}
