import ArgumentParser
import Foundation
import GatewayConfig

/// An RFC 3339 instant given on the command line (`diff --as-of`, `timeline --from`), or now.
enum InstantOption {
    /// The instant `text` names; a text that is not one is a usage error naming the option.
    static func parse(_ text: String?, option: String) throws -> Instant? {
        guard let text else { return nil }
        switch Instant.parse(text) {
        case .success(let instant): return instant
        case .failure(let error):
            throw ValidationError("\(option) `\(text)` is not an RFC 3339 instant with an offset (\(reason(error))); "
                + "write e.g. 2027-02-08T09:00:00+08:00 or 2027-02-08T01:00:00Z")
        }
    }

    static func now() -> Instant { Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) }

    static func reason(_ error: Instant.ParseError) -> String {
        switch error {
        case .malformed: "not YYYY-MM-DDTHH:MM:SS"
        case .missingOffset: "no UTC offset"
        case .fractionalSeconds: "fractions of a second"
        case .invalidDate: "no such date"
        case .invalidTime: "no such time"
        case .beforeFirstDate: "before 0001-01-01T00:00:00Z"
        case .afterLastDate: "after 9999-12-31T23:59:59Z"
        }
    }
}
