import GatewayConfig

/// What reading any bytes as outcome lines (`POST /v1/outcomes` as JSON Lines) must satisfy,
/// whatever they are. The `outcome-line` fuzz target checks it on every input and
/// `OutcomeReaderTests` on a few: one copy of the property, so the two cannot drift apart.
package enum OutcomeLineProperties {
    /// What is wrong with how `bytes` are read, or nil. Crashing is the other way to fail.
    package static func violation(_ bytes: [UInt8]) -> String? {
        // Cut with a small cap (so the fuzzer reaches overlong lines), whole and byte by byte: the same answer.
        let whole = read(bytes, buffer: bytes.count)
        let byByte = read(bytes, buffer: 1)
        guard whole == byByte else { return "read \(whole) whole, \(byByte) byte by byte" }
        switch whole {
        case .failure(let refusal):
            guard !refusal.error.description.isEmpty else { return "an error without a message" }
            let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard (1...lines).contains(refusal.line) else { return "line \(refusal.line) of \(lines) lines refused" }
            return nil
        case .success(let reports):
            for report in reports {
                for escapingAll in [false, true] {
                    let again = encoded(report, escapingAll: escapingAll)
                    guard case .success(let reread) = OutcomeReader.report(json: again[...]), reread == report else {
                        return "\(report) written as \(String(decoding: again, as: UTF8.self).debugDescription) reads as "
                            + "\(OutcomeReader.report(json: again[...]))"
                    }
                }
            }
            return nil
        }
    }

    static func read(_ bytes: [UInt8], buffer: Int) -> Result<[OutcomeReport], OutcomeLineError> {
        var splitter = RequestLineSplitter(maximumLine: 64)
        var taken: [RequestLines] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, buffer))
            splitter.append(bytes[start..<end])
            if let lines = splitter.take() { taken.append(lines) }
            start = end
        }
        if let lines = splitter.finish() { taken.append(lines) }
        var reports: [OutcomeReport] = []
        for lines in taken {
            switch OutcomeReader.lines(lines) {
            case .success(let more): reports += more
            case .failure(let refusal): return .failure(refusal)
            }
        }
        return .success(reports)
    }

    static func encoded(_ report: OutcomeReport, escapingAll: Bool) -> [UInt8] {
        var fields = [(key: "acquirer", value: report.acquirer), (key: "outcome", value: report.outcome.rawValue)]
        if let region = report.region { fields.append((key: "region", value: region)) }
        if let at = report.at { fields.append((key: "at", value: at.description)) }
        return RequestLineProperties.encodedObject(fields, escapingAll: escapingAll)
    }
}
