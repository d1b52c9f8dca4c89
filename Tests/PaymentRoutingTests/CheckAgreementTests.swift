import Foundation
import GatewayConfig
import PaymentRouting
import RegionCompiler
import Testing

/// The compiler refuses a descriptor exactly when the artifact reader would refuse the artifact
/// it describes, for each rule both ask (`AmountRangeRule`, `BlackoutRule`, `JoinedWeekend`), and
/// both join a region's own lists into its calendars alike (`SettlementCalendarRule`). Each case
/// puts the same value through both: the descriptor in the routing fixture's `hk.yaml`, edited,
/// and the artifact compiled from the unedited fixture, edited the same way.
@Suite struct CheckAgreementTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The routing fixture's files with `hk.yaml`'s `original` text replaced by `replacement`.
    static func compileEdited(_ original: String, _ replacement: String) throws -> Compilation {
        let directory = fixtures.appendingPathComponent("regions")
        var files: [SourceFile] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            if name == "hk.yaml" {
                #expect(text.contains(original), "hk.yaml no longer holds `\(original)`")
                text = text.replacingOccurrences(of: original, with: replacement)
            }
            files.append(SourceFile(name: name, displayPath: name, bytes: Array(text.utf8)))
        }
        return DescriptorCompiler.compile(files)
    }

    /// Whether the artifact reader refuses the fixture artifact with HK edited.
    static func readerRefuses(_ edit: (inout RegionArtifact) -> Void) throws -> Bool {
        var artifact = try RoutingFixture.artifact()
        var hk = try #require(artifact.regions["HK"])
        edit(&hk)
        artifact.regions["HK"] = hk
        do {
            _ = try ArtifactInvariants.check(artifact)
            return false
        } catch {
            return true
        }
    }

    struct RangeCase: CustomStringConvertible, Sendable {
        let min: Int64
        let max: Int64
        /// PRODUCT.md: "min below max".
        let refused: Bool
        var description: String { "min \(min) max \(max)" }
    }

    static let rangeCases = [
        RangeCase(min: 100, max: 5_000_000, refused: false),
        RangeCase(min: 4_999_999, max: 5_000_000, refused: false),
        RangeCase(min: 5_000_000, max: 5_000_000, refused: true),
        RangeCase(min: 5_000_001, max: 5_000_000, refused: true),
    ]

    @Test(arguments: rangeCases)
    func compilerAndReaderAgreeOnARange(_ testCase: RangeCase) throws {
        func hkd(_ minor: Int64) -> String { "\(minor / 100).\(minor % 100 < 10 ? "0" : "")\(minor % 100) HKD" }
        let compilation = try Self.compileEdited("- { min: 1.00 HKD, max: 50000.00 HKD }",
                                                 "- { min: \(hkd(testCase.min)), max: \(hkd(testCase.max)) }")
        let compilerRefuses = compilation.diagnostics.contains { $0.code == .minNotBelowMax }
        let readerRefuses = try Self.readerRefuses { hk in
            hk.limits?.perPayment[0] = RangeArtifact(currency: CurrencyCode("HKD")!, min: testCase.min, max: testCase.max)
        }
        #expect(compilerRefuses == testCase.refused, "\(compilation.diagnostics.map(\.message))")
        #expect(readerRefuses == testCase.refused)
    }

    struct BlackoutCase: CustomStringConvertible, Sendable {
        let seconds: Int64
        let refused: Bool
        var description: String { "\(seconds) s" }
    }

    static let day: Int64 = 86_400
    static let blackoutCases = [
        BlackoutCase(seconds: 2 * 3600, refused: false),
        BlackoutCase(seconds: 14 * day - 1, refused: false),
        BlackoutCase(seconds: 14 * day, refused: false),
        BlackoutCase(seconds: 14 * day + 1, refused: true),
        BlackoutCase(seconds: 15 * day, refused: true),
    ]

    @Test(arguments: blackoutCases)
    func compilerAndReaderAgreeOnABlackoutsLength(_ testCase: BlackoutCase) throws {
        let from = try #require(Instant("2027-02-10T01:00:00+08:00"))
        let until = Instant(secondsSinceEpoch: from.secondsSinceEpoch + testCase.seconds)
        let compilation = try Self.compileEdited("until: 2027-02-10T03:00:00+08:00", "until: \(until)")
        let compilerRefuses = compilation.diagnostics.contains { $0.code == .blackoutTooLong }
        let readerRefuses = try Self.readerRefuses { hk in
            hk.availability.blackouts?[1] = BlackoutArtifact(from: from, until: until, reason: "acquirer upgrade")
        }
        #expect(compilerRefuses == testCase.refused, "\(compilation.diagnostics.map(\.message))")
        #expect(readerRefuses == testCase.refused)
    }

    struct WeekendCase: CustomStringConvertible, Sendable {
        let weekend: [Weekday]
        let refused: Bool
        var description: String { "[\(weekend.map(\.rawValue).joined(separator: ", "))]" }
    }

    /// The banking fixture's HK follows the HK and US calendars: `calendars/hk.yaml` gets the
    /// case's weekend, US keeps [sat, sun]; only together can they cover the week.
    static let weekendCases = [
        WeekendCase(weekend: [.sat, .sun], refused: false),
        WeekendCase(weekend: [.mon, .tue, .wed, .thu], refused: false),
        WeekendCase(weekend: [.mon, .tue, .wed, .thu, .fri], refused: true),
    ]

    @Test(arguments: weekendCases)
    func compilerAndReaderAgreeOnAJoinedWeekend(_ testCase: WeekendCase) throws {
        let fixture = Self.fixtures.appendingPathComponent("banking/regions").path
        let compilation = try DescriptorCompiler.compile(directory: fixture)
        var artifact = try #require(compilation.artifact)
        // The banking fixture's HK follows HK and US, both [sat, sun]: give the HK calendar the case's weekend.
        var hk = try #require(artifact.calendars["HK"])
        hk.weekend = testCase.weekend
        artifact.calendars["HK"] = hk
        let readerRefuses = (try? ArtifactInvariants.check(artifact)) == nil

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("joined-weekend-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("banking"), to: directory)
        let calendarFile = directory.appendingPathComponent("calendars/hk.yaml")
        let text = try String(contentsOf: calendarFile, encoding: .utf8)
        #expect(text.contains("weekend: [sat, sun]"))
        try text.replacingOccurrences(of: "weekend: [sat, sun]", with: "weekend: \(testCase)")
            .write(to: calendarFile, atomically: true, encoding: .utf8)
        let edited = try DescriptorCompiler.compile(directory: directory.appendingPathComponent("regions").path)
        let compilerRefuses = edited.diagnostics.contains { $0.code == .noBusinessDays }

        #expect(compilerRefuses == testCase.refused, "\(edited.diagnostics.map(\.message))")
        #expect(readerRefuses == testCase.refused)
    }

    /// `regionc effective` says "plus the region's own weekend and holidays" exactly when the router
    /// joins them as a layer of their own, in every fixture tree: lists lent as their market's
    /// calendar (routing fixture), beside a calendar file (banking), and lent to another region
    /// while the lender's payouts follow a different market (own-lists).
    @Test(arguments: ["regions", "banking/regions", "own-lists/regions"])
    func effectiveAndRouterAgreeOnTheRegionsOwnLists(_ tree: String) throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.fixtures.appendingPathComponent(tree).path)
        let artifact = try #require(compilation.artifact, "\(compilation.diagnostics.map(\.message))")
        let router = try CheckoutRouter(artifact: artifact)
        for region in compilation.regions {
            let code = try #require(region.region?.value.rawValue)
            let says = EffectiveCalendars.render(region, resolution: compilation.calendars)
                .contains("plus the region's own weekend and holidays")
            let joins = try #require(router.calendar(region: code)).layers.contains { $0.label == region.file.name }
            #expect(says == joins, "\(tree) \(code): effective says \(says), the router joins \(joins)")
        }
    }

    @Test func aRegionWhoseListsAreLentStillAddsThemToItsOwnCalendars() throws {
        let compilation = try DescriptorCompiler.compile(directory: Self.fixtures.appendingPathComponent("own-lists/regions").path)
        let router = try CheckoutRouter(artifact: try #require(compilation.artifact))
        let hk = try #require(router.calendar(region: "HK"))
        #expect(hk.layers.map(\.label) == ["US", "hk.yaml"])
        // 2027-02-08 is HK's own holiday: a payout day neither in the US calendar nor skipped before.
        #expect(!hk.isBusinessDay(try #require(CalendarDate("2027-02-08"))))
        let sg = try #require(router.calendar(region: "SG"))
        #expect(sg.layers.map(\.label) == ["SG", "HK"])
    }
}
