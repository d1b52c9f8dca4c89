// Target: one batch line, differentially. The byte scanner (`RequestLineScanner` plus
// `BatchReplay.fastRequest`, the fast path) and the general parser (`FlatJSONObject` plus
// `RequestParser`) must agree on every line: when the fast path builds a request, the general
// parser builds the same one; when the fast path finds five plain ASCII fields but refuses them,
// the general parser refuses too. And the whole reader (`RequestLine.read`) answers a line with
// no "request" member exactly as the general parser does.
import FuzzSupport
@testable import GatewayConfig
@testable import PaymentRouting

func fuzzBatchLine(_ bytes: [UInt8]) {
    let line = bytes[...]
    let general = BatchReplay.parseGeneral(line)
    let generalRequest: RouteRequest? = if case .success(let request) = general { request } else { nil }

    if let fields = RequestLineScanner.scan(line) {
        let plainASCII = [fields.region, fields.merchant, fields.method, fields.amount, fields.at]
            .allSatisfy { range in line[range].allSatisfy { $0 < 0x80 } }
        if plainASCII {
            let object: [String: String]? = if case .success(let read) = FlatJSONObject.read(line) { read } else { nil }
            require(object != nil, "the scanner reads a line the general parser calls not a flat object: \(show(line))")
            for (name, range) in [("region", fields.region), ("merchant", fields.merchant), ("method", fields.method),
                                  ("amount", fields.amount), ("at", fields.at)] {
                let scanned = String(decoding: line[range], as: UTF8.self)
                require(object?[name] == scanned,
                        "\(name): scanner \(scanned.debugDescription), general \(String(describing: object?[name])): \(show(line))")
            }
        }
        let fast = BatchReplay.fastRequest(line, fields)
        if let fast {
            require(generalRequest == fast, "fast path \(fast), general \(general): \(show(line))")
        } else if plainASCII {
            require(generalRequest == nil, "the fast path refuses what the general parser reads as \(String(describing: generalRequest)): \(show(line))")
        }
    }

    let hasRequestMember = JSONMembers.scan(line).flatMap { JSONMembers.value("request", in: $0, of: line) } != nil
    if !hasRequestMember {
        let read: RouteRequest? = if case .success(let read) = RequestLine.read(line) { read.request } else { nil }
        require(read == generalRequest, "RequestLine.read \(String(describing: read)), general \(general): \(show(line))")
    }
}

func show(_ line: ArraySlice<UInt8>) -> String { String(decoding: line, as: UTF8.self).debugDescription }

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzBatchLine(FuzzMain.bytes(data, size))
    return 0
}

FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
