import Foundation
import GatewayConfig

/// Replays checkouts through two configs and tallies what would change: `regionc diff OLD NEW
/// --traffic FILE`. Lines are cut and read as `route --batch` reads them (`RequestLineSplitter`,
/// `RequestReader`, the same runs per core), so each side decides exactly what `route --batch`
/// decides; a `regiond` decision-log line gives its request, and its logged decision is checked
/// against OLD (a difference is config drift: what runs is not OLD).
package struct TrafficReplay: Sendable {
    package let old: CheckoutRouter
    package let new: CheckoutRouter
    package let retiming: Retiming
    /// SHA-256 (hex) of OLD's artifact, if the caller knows it: the report says which logged
    /// lines name it.
    package let oldDigest: String?
    /// The acquirers both routers were built to see as down (`--down`), for the report to name.
    package let down: [String]
    /// Zone shifts by region slot (as `CheckoutRouter.slot`), for `.shift`; OLD's zone, else NEW's.
    let zones: [ZoneShift?]

    /// Bytes read from a source at a time.
    package static let chunkSize = 8 << 20

    package init(old: CheckoutRouter, new: CheckoutRouter, retiming: Retiming = .asLogged, oldDigest: String? = nil,
                 down: [String] = []) {
        self.down = down.sorted()
        self.old = old
        self.new = new
        self.retiming = retiming
        self.oldDigest = oldDigest
        var zones = [ZoneShift?](repeating: nil, count: 26 * 26)
        if case .shift = retiming {
            var tables: [String: UTCOffsetTable] = [:]
            for artifact in [new.artifact, old.artifact] {    // OLD last: its zone wins
                for (code, region) in artifact.regions {
                    guard let slot = CheckoutRouter.slot(code) else { continue }
                    if tables[region.timezone] == nil { tables[region.timezone] = UTCOffsetTable(identifier: region.timezone) }
                    zones[slot] = tables[region.timezone].map(ZoneShift.init)
                }
            }
        }
        self.zones = zones
    }

    /// Replays everything `read` returns (nil or empty at the end), chunk by chunk, cut into lines
    /// by the one splitter `route --batch` and the service use: the same cap, the same message.
    package func replay<Chunk: Collection<UInt8>>(reading read: () throws -> Chunk?) rethrows -> TrafficReport {
        var tally = TrafficTally()
        var splitter = RequestLineSplitter()
        while let chunk = try read(), !chunk.isEmpty {
            splitter.append(chunk)
            if let lines = splitter.take() { tally.merge(self.tally(lines)) }
        }
        if let lines = splitter.finish() { tally.merge(self.tally(lines)) }
        return TrafficReport(tally, retiming: retiming, oldDigest: oldDigest, down: down)
    }

    /// Replays bytes held in memory.
    package func replay(_ bytes: [UInt8]) -> TrafficReport {
        var remaining: [UInt8]? = bytes
        return replay { defer { remaining = nil }; return remaining }
    }

    /// Tallies lines, one run per core, merged in input order.
    func tally(_ lines: RequestLines) -> TrafficTally {
        let parts = ParallelMap.map(lines.parts(cores: ProcessInfo.processInfo.activeProcessorCount)) { part in
            tally(lines, part: part)
        }
        var total = TrafficTally()
        for part in parts { total.merge(part) }
        return total
    }

    func tally(_ lines: RequestLines, part: Range<Int>) -> TrafficTally {
        var sink = TallySink()
        for index in part {
            sink.number = lines.firstLine + index
            sink.tally.lines += 1
            switch lines.lines[index] {
            case .overlong: sink.malformed(RequestLineSplitter.overlongLine)
            case .text(let range): decide(lines.bytes[range], into: &sink)
            }
        }
        return sink.tally
    }

    /// What becomes of one line. The tally takes it in place: returning the decisions as one
    /// value copied about 400 bytes several times a line, a fifth of the replay's time.
    protocol LineSink {
        mutating func blank()
        mutating func malformed(_ error: RequestError)
        /// `request` as decided (retimed); `logged` is nil when the line logs no decision.
        mutating func decided(_ request: RouteRequest, old: RouteDecision, new: RouteDecision, logged: LoggedCheck?)
    }

    struct TallySink: LineSink {
        var tally = TrafficTally()
        var number = 0

        mutating func blank() { tally.recordBlank(line: number) }
        mutating func malformed(_ error: RequestError) { tally.recordMalformed(line: number, message: error.description) }
        mutating func decided(_ request: RouteRequest, old: RouteDecision, new: RouteDecision, logged: LoggedCheck?) {
            if let logged { tally.recordLogged(line: number, agrees: logged.agrees, configDigest: logged.configDigest) }
            tally.record(line: number, request: request, old: old, new: new)
        }
    }

    /// A logged decision compared with OLD's.
    struct LoggedCheck {
        var agrees: Bool
        var configDigest: String?
    }

    /// One line through both configs, told to `sink`.
    func decide<Sink: LineSink>(_ line: ArraySlice<UInt8>, into sink: inout Sink) {
        if RequestReader.isBlank(line) { return sink.blank() }
        let read: RequestReader.Read
        switch RequestReader.line(line) {
        case .success(let value): read = value
        case .failure(let error): return sink.malformed(error)
        }
        var request = read.request
        // The log is checked against OLD at the logged instant, whatever the retiming.
        let asLogged = read.logged != nil && retiming != .asLogged ? old.route(request) : nil
        request.at = retimed(request)
        if let refusal = Self.refusal(retimed: request.at) { return sink.malformed(refusal) }
        let before = old.route(request)
        let after = new.route(request)
        let logged = read.logged.map { LoggedCheck(agrees: $0.agrees(with: asLogged ?? before), configDigest: $0.configDigest) }
        sink.decided(request, old: before, new: after, logged: logged)
    }

    /// One line's outcome as a value, for tests: the same `decide` the tally uses.
    enum Line {
        case blank
        case malformed(RequestError)
        case decided(request: RouteRequest, old: RouteDecision, new: RouteDecision, logged: LoggedCheck?)
    }

    func decide(_ line: ArraySlice<UInt8>) -> Line {
        struct Capture: LineSink {
            var line = Line.blank
            mutating func blank() { line = .blank }
            mutating func malformed(_ error: RequestError) { line = .malformed(error) }
            mutating func decided(_ request: RouteRequest, old: RouteDecision, new: RouteDecision, logged: LoggedCheck?) {
                line = .decided(request: request, old: old, new: new, logged: logged)
            }
        }
        var capture = Capture()
        decide(line, into: &capture)
        return capture.line
    }

    /// A retimed capture the runtime would refuse (`--shift 36500` from 9950): reported as the
    /// runtime words it, never decided.
    static func refusal(retimed instant: Instant) -> RequestError? {
        guard !(Instant.earliest..<RequestParser.latestCapture).contains(instant) else { return nil }
        let text = instant.description
        if Instant(text) == instant, case .failure(let error) = RequestParser.captureInstant(utf8: Array(text.utf8)[...]) {
            return RequestError("retimed, \(error.description)", field: "at")
        }
        let side = instant < Instant.earliest ? "before 0001-01-01T00:00:00Z" : "after 9999-12-31T23:59:59Z"
        return RequestError("retimed to \(side), too \(instant < Instant.earliest ? "early" : "late") to be routed", field: "at")
    }

    func retimed(_ request: RouteRequest) -> Instant {
        switch retiming {
        case .asLogged: return request.at
        case .at(let instant): return instant
        case .shift(let days):
            if let slot = CheckoutRouter.slot(request.region), let zone = zones[slot] { return zone.shift(request.at, days: days) }
            return Instant(secondsSinceEpoch: request.at.secondsSinceEpoch + Int64(days) * 86_400)
        }
    }
}
