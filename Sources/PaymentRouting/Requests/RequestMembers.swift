/// The member names the request, decision-log and outcome readers look for. A plain key is matched on its
/// bytes, an escaped one (`"\u0061mount"`) on its text, so both name the same member.
enum MemberName: Int {
    case region, merchant, method, amount, at, request, decision, configDigest, reason, route, acquirer, settlementDate, outcome

    var spelling: StaticString {
        switch self {
        case .region: "region"
        case .merchant: "merchant"
        case .method: "method"
        case .amount: "amount"
        case .at: "at"
        case .request: "request"
        case .decision: "decision"
        case .configDigest: "config_digest"
        case .reason: "reason"
        case .route: "route"
        case .acquirer: "acquirer"
        case .settlementDate: "settlement_date"
        case .outcome: "outcome"
        }
    }

    var text: String { spelling.description }

    init?(_ key: JSONString, in bytes: ArraySlice<UInt8>) {
        let text = key.isPlain ? nil : key.text(in: bytes)
        var candidate = 0
        while let name = MemberName(rawValue: candidate) {
            let matches = if let text { name.text == text } else {
                name.spelling.withUTF8Buffer { $0.count == key.content.count && $0.elementsEqual(bytes[key.content]) }
            }
            if matches {
                self = name
                return
            }
            candidate += 1
        }
        return nil
    }
}

/// The keys of one object so far, to find the first given twice. Known names take a bit each;
/// other keys (rare) are kept as text.
struct KeyRecord {
    private var seen: UInt32 = 0
    private var others: Set<String> = []
    private(set) var duplicate: String?

    mutating func note(_ key: JSONString, name: MemberName?, in bytes: ArraySlice<UInt8>) {
        guard duplicate == nil else { return }
        if let name {
            let bit: UInt32 = 1 << UInt32(name.rawValue)
            if seen & bit != 0 { duplicate = name.text }
            seen |= bit
        } else {
            let text = key.text(in: bytes)
            if !others.insert(text).inserted { duplicate = text }
        }
    }
}
