import GatewayConfig

/// What reading any bytes as request lines must satisfy, whatever they are. The `batch-line` fuzz
/// target checks it on every input and `BatchLineFindingsTests` replays it on the inputs the
/// target found: one copy of the property, so the two cannot drift apart.
package enum RequestLineProperties {
    /// What is wrong with how `bytes` are read, or nil. Crashing is the other way to fail.
    package static func violation(_ bytes: [UInt8]) -> String? {
        // The splitter cuts the same lines however the bytes arrive (a small cap, so the fuzzer reaches it).
        let whole = lines(bytes, buffer: bytes.count)
        let byByte = lines(bytes, buffer: 1)
        guard whole == byByte else { return "the splitter cut \(whole) whole, \(byByte) byte by byte" }

        var splitter = RequestLineSplitter()
        splitter.append(bytes)
        guard let taken = splitter.finish() else { return nil }
        for case .text(let range) in taken.lines {
            if let violation = violation(line: taken.bytes[range]) { return violation }
        }
        return nil
    }

    /// A line is decided or refused with a message; a decided line's request, written plainly and
    /// with every character escaped, reads back as the same request.
    static func violation(line: ArraySlice<UInt8>) -> String? {
        switch RequestReader.line(line) {
        case .failure(let error):
            return error.description.isEmpty ? "an error without a message" : nil
        case .success(let read):
            for escapingAll in [false, true] {
                let again = encoded(read.request, escapingAll: escapingAll)
                guard case .success(let reread) = RequestReader.line(again[...]), reread.request == read.request else {
                    return "\(read.request) written as \(String(decoding: again, as: UTF8.self).debugDescription) reads as "
                        + "\(RequestReader.line(again[...]))"
                }
            }
            return nil
        }
    }

    /// The lines as the splitter (cap 64) cuts them, `nil` for an overlong one, fed `buffer` bytes at a time.
    static func lines(_ bytes: [UInt8], buffer: Int) -> [[UInt8]?] {
        var splitter = RequestLineSplitter(maximumLine: 64)
        var lines: [[UInt8]?] = []
        func record(_ taken: RequestLines?) {
            for line in taken?.lines ?? [] {
                switch line {
                case .text(let range): lines.append(Array(taken?.bytes[range] ?? []))
                case .overlong: lines.append(nil)
                }
            }
        }
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(1, buffer))
            splitter.append(bytes[start..<end])
            record(splitter.take())
            start = end
        }
        record(splitter.finish())
        return lines
    }

    static func encoded(_ request: RouteRequest, escapingAll: Bool) -> [UInt8] {
        encodedObject([("region", request.region), ("merchant", request.merchant), ("method", request.method),
                       ("amount", request.amount.description), ("at", request.at.description)], escapingAll: escapingAll)
    }

    /// A JSON object of string members, in order; with `escapingAll`, every code unit of every
    /// value written as `\uXXXX` (what a reader must decode to the same value).
    static func encodedObject(_ fields: [(key: String, value: String)], escapingAll: Bool) -> [UInt8] {
        var output = Array("{".utf8)
        for (offset, (key, value)) in fields.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            JSONText.writeString(key, into: &output)
            output.append(UInt8(ascii: ":"))
            if escapingAll {
                output.append(UInt8(ascii: "\""))
                for unit in value.utf16 {
                    let hex = String(unit, radix: 16)
                    output += Array(("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
                }
                output.append(UInt8(ascii: "\""))
            } else {
                JSONText.writeString(value, into: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
        return output
    }
}
