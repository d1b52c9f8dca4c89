import ArgumentParser
import ArtifactTrust
import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler

/// `regionc diff OLD NEW --traffic FILE`: replay checkouts through both configs.
extension Diff {
    static let trafficDiscussion = """

        With --traffic FILE, each line of FILE (a route --batch request, or a line of regiond's decision log) \
        is decided by OLD and by NEW and the changed decisions are reported in groups of region, method, currency, \
        before and after, breaking ones (routed, now declined) first. Malformed and blank lines are counted and \
        reported by line number, never fatal. A decision-log line's logged decision is also compared with OLD's: \
        a difference is drift between what runs and OLD. Exit status: 0 no decision changes, 3 decisions change, \
        4 a checkout routed by OLD is declined by NEW; 1 a side has errors, 2 usage or I/O.

        --at INSTANT decides every checkout at that instant. --shift DAYS moves each checkout's local date in its \
        region's zone by DAYS and keeps its local time of day, across daylight-saving changes too: a time that does \
        not exist on the new date (a spring-forward gap) moves later by the gap, one that exists twice (fall-back) \
        takes the earlier instant. A checkout moved to an instant the runtime refuses (from 9999-01-01T00:00:00Z on, \
        or before the year 1) is reported with the malformed lines, never decided.

        --as-of INSTANT with --traffic adds the freeze check of a diff without it: a region the configs change while \
        a change freeze of OLD or NEW holds it at INSTANT is breaking (exit 4), named after the replay. Without --as-of \
        the replay's status is the decisions' alone; each checkout is still decided at its own instant.

        --down ACQUIRER (repeatable) decides both sides as if that acquirer were ejected: the report names the outage and \
        says, for OLD and for NEW, how many checkouts (and how much money) it declines as ACQUIRER_UNAVAILABLE and how \
        many fail over to a fallback.
        """

    func runTraffic(_ path: String) throws {
        let retiming = try trafficRetiming()
        let health = down.tracker()
        let (oldRouter, oldDigest) = try router(old, health: health)
        let (newRouter, _) = try router(new, health: health)
        try down.checkKnown(in: [oldRouter.artifact.catalog.acquirers.keys, newRouter.artifact.catalog.acquirers.keys])
        // The same throwing POSIX reader as `route --batch`: a directory, a FIFO or a closed stdin
        // is exit 2 with its reason, never a trap.
        let input: ReadableFile
        if path == "-" {
            input = ReadableFile(descriptor: STDIN_FILENO, name: "standard input")
        } else {
            input = try Terminal.usageOnFailure { try ReadableFile(path: path) }
        }
        let replay = TrafficReplay(old: oldRouter, new: newRouter, retiming: retiming, oldDigest: oldDigest, down: down.acquirers)
        let report = try replay.replay { () throws -> [UInt8]? in
            let chunk = try Terminal.usageOnFailure { try input.read(upTo: TrafficReplay.chunkSize) }
            return chunk.isEmpty ? nil : chunk
        }
        let source = path == "-" ? "standard input" : path
        // With --as-of, a region the configs change while a freeze holds it breaks, as without --traffic.
        let frozen = try InstantOption.parse(asOf, option: "--as-of").map {
            ConfigDiff.compare(old: oldRouter.artifact, new: newRouter.artifact, asOf: $0)
        }
        let status = max(report.exitStatus, frozen.map { $0.frozenChanges.isEmpty ? 0 : 4 } ?? 0)
        let frozenChanges = frozen.map(\.frozenChanges) ?? []
        switch format {
        case .text:
            let freezes = frozen.map { "\n" + DiffRenderer.frozenText($0).joined(separator: "\n") } ?? ""
            try StandardOutput.write(TrafficRenderer.text(report, source: source) + "\n" + (frozenChanges.isEmpty ? "" : freezes))
        case .markdown:
            let freezes = frozen.map { "\n" + DiffRenderer.frozenMarkdown($0).joined(separator: "\n") } ?? ""
            try StandardOutput.write(TrafficRenderer.markdown(report, source: source) + "\n" + (frozenChanges.isEmpty ? "" : freezes))
        case .json:
            try StandardOutput.write(try Self.json(TrafficRenderer.json(report, source: source), frozen: frozen, status: status) + "\n")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The replay's JSON with `as_of`, `frozen` and the exit status they make, when judged `--as-of`.
    static func json(_ replay: String, frozen: ConfigDiff?, status: Int32) throws -> String {
        guard let frozen else { return replay }
        guard var object = try JSONSerialization.jsonObject(with: Data(replay.utf8)) as? [String: Any] else { return replay }
        object["as_of"] = frozen.asOf.description
        object["frozen"] = DiffRenderer.frozenObjects(frozen)
        object["exit_status"] = Int(status)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    func validate() throws {
        if traffic == nil, at != nil || shift != nil { throw ValidationError("--at and --shift retime --traffic; give --traffic FILE") }
        if traffic == nil, !down.acquirers.isEmpty { throw ValidationError("--down replays an outage on --traffic; give --traffic FILE") }
        _ = try InstantOption.parse(asOf, option: "--as-of")
        _ = try trafficRetiming()
    }

    func trafficRetiming() throws -> Retiming {
        switch (at, shift) {
        case (nil, nil): return .asLogged
        case (.some, .some): throw ValidationError("give --at or --shift, not both")
        case (.some(let text), nil):
            switch Retiming.at(parsing: text) {
            case .success(let retiming): return retiming
            case .failure(let error): throw ValidationError("--at \(error.description)")
            }
        case (nil, .some(let days)):
            guard days.magnitude <= Retiming.maximumShiftDays.magnitude else {
                throw ValidationError("--shift \(days) is more than \(Retiming.maximumShiftDays) days")
            }
            return .shift(days: days)
        }
    }

    /// The side's router and the SHA-256 of its artifact bytes (a directory's as `compile` would
    /// write them), the digest `regiond`'s decision log names. Each side is checked once: a file by
    /// `RouterLoader` as the runtime reads it, a compiled directory by `CheckoutRouter(artifact:)`.
    func router(_ path: String, health: HealthTracker?) throws -> (CheckoutRouter, String?) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let artifact = try load(path).artifact
            do {
                return (try CheckoutRouter(artifact: artifact, health: health), (try? CanonicalJSON.encodeArtifact(artifact)).map(Digest.sha256Hex))
            } catch {
                Terminal.printError("regionc: \(path): \(error)")
                throw ExitCode(ExitStatus.usage)
            }
        }
        let bytes = try Terminal.usageOnFailure { Data(try FileReader.read(path: path, limit: ArtifactLoader.maximumBytes)) }
        do {
            return (try RouterLoader.load(data: bytes, health: health), Digest.sha256Hex(bytes))
        } catch {
            // A format the runtime does not route is usage, as for a directory; any other fault is a side with errors.
            if case .unsupportedFormatVersion = error {
                Terminal.printError("regionc: \(path): \(error)")
                throw ExitCode(ExitStatus.usage)
            }
            Terminal.printError("regionc: \(path) is not a gateway config artifact: \(error)")
            throw ExitCode(ExitStatus.inputErrors)
        }
    }
}
