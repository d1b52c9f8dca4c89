import Foundation
import GatewayConfig
import PaymentRouting
import Testing

/// A bad artifact is a typed error naming what is wrong, never a crash.
@Suite struct LoadingTests {
    static func goodBytes() throws -> Data { try CanonicalJSON.encode(try RoutingFixture.artifact()) }

    @Test func emptyAndInvalidJSON() throws {
        #expect(throws: ArtifactError.empty) { try RouterLoader.load(data: Data()) }
        #expect { try RouterLoader.load(data: Data("{not json".utf8)) } throws: { error in
            guard case ArtifactError.invalidJSON = error else { return false }
            return true
        }
    }

    @Test(arguments: Array(stride(from: 1, to: 10, by: 1)))
    func truncatedArtifactsAreRefused(tenths: Int) throws {
        let bytes = try Self.goodBytes()
        let truncated = bytes.prefix(bytes.count * tenths / 10)
        #expect(throws: ArtifactError.self) { try RouterLoader.load(data: Data(truncated)) }
    }

    @Test func futureFormatVersionIsNamed() throws {
        var artifact = try RoutingFixture.artifact()
        artifact.formatVersion = 5
        #expect(throws: ArtifactError.unsupportedFormatVersion(found: 5, supported: 4)) {
            try RouterLoader.load(data: try CanonicalJSON.encode(artifact))
        }
    }

    /// Version 1 artifacts carry no calendars, version 2 no failover, version 3 no schedules: a
    /// runtime refuses them by name rather than settling without calendars, routing without
    /// fallbacks or keeping a pilot at its first step (and an older runtime refuses a newer
    /// version the same way).
    @Test(arguments: [1, 2, 3]) func olderFormatVersionsAreRefused(version: Int) throws {
        var artifact = try RoutingFixture.artifact()
        artifact.formatVersion = version
        #expect(throws: ArtifactError.unsupportedFormatVersion(found: version, supported: 4)) {
            try RouterLoader.load(data: try CanonicalJSON.encode(artifact))
        }
        let named = [1: "before banking calendars", 2: "before failover", 3: "before scheduled changes"][version] ?? ""
        #expect(ArtifactError.unsupportedFormatVersion(found: version, supported: 4).description.contains(named))
    }

    static func breaking(_ edit: (inout GatewayArtifact) throws -> Void) throws -> ArtifactError? {
        var artifact = try RoutingFixture.artifact()
        try edit(&artifact)
        let bytes = try CanonicalJSON.encode(artifact)
        do {
            _ = try RouterLoader.load(data: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func brokenInvariantsAreNamed() throws {
        let unknownAcquirer = try Self.breaking { artifact in
            artifact.catalog.acquirers["antom-us"] = nil
        }
        #expect(unknownAcquirer?.description.contains("antom-us") == true, "\(String(describing: unknownAcquirer))")
        let badPercent = try Self.breaking { artifact in
            var hk = try #require(artifact.regions["HK"])
            hk.availability.rollout?.percent = 150
            artifact.regions["HK"] = hk
        }
        #expect(badPercent?.code == "INVARIANT_BROKEN" && badPercent?.description.contains("150") == true)
        let badZone = try Self.breaking { artifact in
            var hk = try #require(artifact.regions["HK"])
            hk.timezone = "Mars/Olympus"
            artifact.regions["HK"] = hk
        }
        #expect(badZone?.description.contains("Mars/Olympus") == true)
        let rekeyed = try Self.breaking { artifact in
            artifact.regions["XX"] = artifact.regions["HK"]
        }
        #expect(rekeyed?.code == "INVARIANT_BROKEN")
    }

    /// Hardening finding 8: every guarantee the README claims is checked where the artifact is
    /// read. Each edit below loaded (and routed) before; each is now refused, naming the field.
    struct InvariantCase: CustomStringConvertible, Sendable {
        let description: String
        let named: String
        let edit: @Sendable (inout RegionArtifact) -> Void
    }

    static let invariantCases: [InvariantCase] = [
        InvariantCase(description: "settlement currency the route's acquirer cannot settle", named: "cannot settle") {
            $0.currencies.settlement = CurrencyCode("USD")!
            $0.settlement.minimumPayout = nil
        },
        InvariantCase(description: "negative min", named: "negative HKD min") { $0.limits?.perPayment[0].min = -5 },
        InvariantCase(description: "min above max", named: "is not below its max") { $0.limits?.perPayment[0].min = 9_000_000 },
        InvariantCase(description: "min equal to max (RC0409 refuses it too)", named: "min 5000000 is not below its max 5000000") {
            let max = $0.limits?.perPayment[0].max
            $0.limits?.perPayment[0].min = max
        },
        InvariantCase(description: "rollout on a live region", named: "only a pilot") { $0.availability.status = .live },
        InvariantCase(description: "inverted blackout", named: "not before its until") {
            let blackout = $0.availability.blackouts![0]
            $0.availability.blackouts![0] = BlackoutArtifact(from: blackout.until, until: blackout.from, reason: nil)
        },
        InvariantCase(description: "overlapping blackouts", named: "overlap") {
            let first = $0.availability.blackouts![0]
            $0.availability.blackouts![1] = BlackoutArtifact(from: first.from, until: first.until, reason: "again")
        },
        InvariantCase(description: "duplicate weekend day", named: "weekend day sat is listed twice") { $0.weekend = [.sat, .sat] },
        InvariantCase(description: "empty match.methods", named: "empty match.methods") { $0.routes[0].match?.methods = [] },
        InvariantCase(description: "empty match.currencies", named: "empty match.currencies") { $0.routes[0].match?.currencies = [] },
        InvariantCase(description: "schedule and business_days disagree", named: "disagrees with business_days") {
            $0.settlement.businessDays = 5
        },
        InvariantCase(description: "shadowed route", named: "unreachable") { $0.routes.swapAt(0, 2) },
        InvariantCase(description: "unrouted pair", named: "no route takes") { $0.routes.removeLast() },
        InvariantCase(description: "method wider than region", named: "wider than the region's") {
            $0.paymentMethods[1].limits = LimitsArtifact(perPayment: [RangeArtifact(currency: CurrencyCode("HKD")!, min: 0, max: 99_000_000)])
        },
        InvariantCase(description: "method before its region", named: "available before its region") {
            $0.paymentMethods[1].availability?.from = Instant("2026-01-01T00:00:00Z")
        },
        InvariantCase(description: "allow and deny overlap", named: "both allowed and denied") { $0.availability.rollout?.deny.append("hk_vip") },
        InvariantCase(description: "duplicate presentment currency", named: "listed twice") {
            $0.currencies.presentment.append(CurrencyCode("HKD")!)
        },
        // Scheduled phases (format 4): what `ScheduleCheck` refuses, refused where the artifact is read.
        InvariantCase(description: "a step at `from`", named: "availability.schedule[0] at 2026-11-30T16:00:00Z is not after") {
            $0.availability.schedule = [AvailabilityStepArtifact(at: $0.availability.from!, status: .pilot, rollout: $0.availability.rollout)]
        },
        InvariantCase(description: "steps out of order", named: "availability.schedule[1]") {
            let rollout = $0.availability.rollout
            $0.availability.schedule = [AvailabilityStepArtifact(at: Instant("2027-02-01T00:00:00Z")!, status: .pilot, rollout: rollout),
                                        AvailabilityStepArtifact(at: Instant("2027-01-01T00:00:00Z")!, status: .pilot, rollout: rollout)]
        },
        InvariantCase(description: "a step at `until`", named: "not before until") {
            $0.availability.schedule = [AvailabilityStepArtifact(at: $0.availability.until!, status: .pilot, rollout: $0.availability.rollout)]
        },
        InvariantCase(description: "a live phase keeping the pilot's percent", named: "availability.schedule[0]: a rollout percent or allow list on status live") {
            $0.availability.schedule = [AvailabilityStepArtifact(at: Instant("2027-03-01T02:00:00Z")!, status: .live, rollout: $0.availability.rollout)]
        },
        InvariantCase(description: "a step inside a change freeze", named: "inside the change freeze") {
            $0.availability.schedule = [AvailabilityStepArtifact(at: Instant("2027-02-07T02:00:00Z")!, status: .pilot, rollout: $0.availability.rollout)]
            $0.changeFreezes = [ChangeFreezeArtifact(from: Instant("2027-02-05T00:00:00Z")!, until: Instant("2027-02-12T00:00:00Z")!,
                                                     reason: "Lunar New Year", source: "hk.yaml")]
        },
        InvariantCase(description: "an inverted change freeze", named: "change freeze from") {
            $0.changeFreezes = [ChangeFreezeArtifact(from: Instant("2027-02-12T00:00:00Z")!, until: Instant("2027-02-05T00:00:00Z")!,
                                                     reason: nil, source: "hk.yaml")]
        },
        InvariantCase(description: "a method step wider than its region then", named: "ALIPAY_HK is live in a pilot region from 2027-03-01T00:00:00Z") {
            $0.paymentMethods[1].availability?.schedule = [MethodStepArtifact(at: Instant("2027-03-01T00:00:00Z")!, status: .live)]
        },
    ]

    @Test(arguments: invariantCases)
    func everyClaimedInvariantIsChecked(_ testCase: InvariantCase) throws {
        let error = try Self.breaking { artifact in
            var hk = try #require(artifact.regions["HK"])
            testCase.edit(&hk)
            artifact.regions["HK"] = hk
        }
        #expect(error?.code == "INVARIANT_BROKEN", "\(String(describing: error))")
        #expect(error?.description.contains("region HK") == true && error?.description.contains(testCase.named) == true,
                "\(String(describing: error))")
        // The same artifact, built in memory, is refused by the router too.
        var artifact = try RoutingFixture.artifact()
        var hk = try #require(artifact.regions["HK"])
        testCase.edit(&hk)
        artifact.regions["HK"] = hk
        #expect(throws: ArtifactError.self) { try CheckoutRouter(artifact: artifact) }
    }

    @Test func theFixtureAndShippedArtifactsHoldEveryInvariant() throws {
        _ = try ArtifactInvariants.check(try RoutingFixture.artifact())
    }

    @Test func aKeyTheTypesDoNotReadIsRefusedByName() throws {
        // `"Methods"` instead of `"methods"` would otherwise drop the match and make a catch-all.
        let text = String(decoding: try Self.goodBytes(), as: UTF8.self)
        let range = try #require(text.range(of: "\"match\":{\"methods\""))
        let edited = text.replacingCharacters(in: range, with: "\"match\":{\"Methods\"")
        #expect { try RouterLoader.load(data: Data(edited.utf8)) } throws: { error in
            guard case ArtifactError.invalidJSON(let detail) = error else { return false }
            return detail.contains("unexpected key") && detail.contains(".match.Methods")
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect { try RouterLoader.load(path: "/nonexistent/gateway-config.json") } throws: { error in
            guard case ArtifactError.unreadable = error else { return false }
            return true
        }
    }

    /// Every (region, method, currency) of an artifact, for two merchants at two instants: the
    /// decisions a byte flip must either leave alone or make the loader refuse.
    static func decisionTable(_ router: CheckoutRouter, _ artifact: GatewayArtifact) -> [String] {
        var lines: [String] = []
        for region in artifact.regions.values.sorted(by: { $0.region < $1.region }) {
            for method in region.paymentMethods {
                for currency in method.currencies {
                    for merchant in ["flip_check_1", "flip_check_2"] {
                        for seconds in [1_790_000_000, 1_800_000_000] as [Int64] {
                            let request = RouteRequest(region: region.region.rawValue, merchant: merchant, method: method.method,
                                                       amount: Money(minorUnits: 10_000, currency: currency),
                                                       at: Instant(secondsSinceEpoch: seconds))
                            // Case-insensitive: a flip of 0x20 may change a name's case and nothing else.
                            lines.append("\(request.region) \(merchant) \(method.method) \(currency) \(seconds): "
                                         + "\(router.route(request))".lowercased())
                        }
                    }
                }
            }
        }
        return lines
    }

    @Test func everyByteFlipIsRefusedOrRoutesTheTableAlike() throws {
        // Flipping one byte (toggling 0x20) must never crash the loader, and an artifact it still
        // accepts must decide the table as before: the flip hit a name or a digest, not a rule.
        // Flips inside a rollout's allow/deny ids really change who is in, so they are left out.
        let bytes = try Self.goodBytes()
        let original = try RoutingFixture.artifact()
        let expected = Self.decisionTable(try RouterLoader.load(data: bytes), original)
        var refused = 0, accepted = 0
        for index in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 600)) {
            var edited = bytes
            edited[index] ^= 0x20
            let router: CheckoutRouter
            do {
                router = try RouterLoader.load(data: edited)
            } catch {
                refused += 1
                continue
            }
            let flipped = try RouterLoader.decode(edited)
            let rolloutsEqual = original.regions.allSatisfy { key, region in
                flipped.regions[key]?.availability.rollout == region.availability.rollout
            }
            guard rolloutsEqual else { continue }
            accepted += 1
            #expect(Self.decisionTable(router, flipped) == expected, "flip at byte \(index) changed decisions")
        }
        #expect(refused > accepted, "most single-byte flips break the JSON or an invariant (refused \(refused), accepted \(accepted))")
    }
}
