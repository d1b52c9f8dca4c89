import Foundation
import Testing

/// `--down ACQUIRER` through the built `regionc`, on the routing fixture's regions (no fallbacks:
/// antom-hk carries HK's HKD payments alone), single, batch and diff.
@Suite struct DownCLITests {
    static let fixture = "Tests/PaymentRoutingTests/Fixtures/regions"
    static let traffic = "Tests/PaymentRoutingTests/Fixtures/traffic/checkouts.jsonl"

    static func compiled() throws -> (directory: URL, artifact: String) {
        let directory = try CLI.temporaryDirectory()
        let artifact = directory.appendingPathComponent("gateway-config.json").path
        let compile = try CLI.run(["compile", fixture, "-o", artifact])
        #expect(compile.status == 0, "\(compile.stderr)")
        return (directory, artifact)
    }

    static let hkVip = ["--region", "HK", "--merchant", "hk_vip", "--method", "ALIPAY_CN", "--amount", "100.00 HKD",
                        "--at", "2026-12-02T02:00:00Z", "--format", "json"]

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let down: [String]
        let expected: String
    }

    static let cases: [Case] = [
        Case(description: "nothing down", down: [], expected: #""acquirer":"antom-hk""#),
        Case(description: "another acquirer down", down: ["antom-sg"], expected: #""acquirer":"antom-hk""#),
        Case(description: "its only acquirer down", down: ["antom-hk"], expected: #""reason":"ACQUIRER_UNAVAILABLE""#),
        Case(description: "repeated", down: ["antom-sg", "antom-hk"], expected: #""reason":"ACQUIRER_UNAVAILABLE""#),
    ]

    @Test(arguments: cases)
    func routeDecidesAsIfDown(_ testCase: Case) throws {
        let (directory, artifact) = try Self.compiled()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["route", "--config", artifact] + Self.hkVip + testCase.down.flatMap { ["--down", $0] })
        #expect(run.status == 0 && run.stdout.contains(testCase.expected), "\(run.stdout)\(run.stderr)")
    }

    @Test func batchDecidesEveryLineAsIfDown() throws {
        let (directory, artifact) = try Self.compiled()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["route", "--config", artifact, "--batch", Self.traffic, "--down", "antom-hk"])
        // Lines 8, 11 and 18 route via antom-hk without an outage (OutageReplayTests).
        #expect(run.stdout.components(separatedBy: "ACQUIRER_UNAVAILABLE").count - 1 == 3, "\(run.stdout)")
        #expect(!run.stdout.contains(#""acquirer":"antom-hk""#))
    }

    @Test func anUnknownAcquirerIsAUsageErrorWithASuggestion() throws {
        let (directory, artifact) = try Self.compiled()
        defer { try? FileManager.default.removeItem(at: directory) }
        let route = try CLI.run(["route", "--config", artifact] + Self.hkVip + ["--down", "antom-hx"])
        #expect(route.status == 2 && route.stderr.contains("--down antom-hx: no such acquirer in the catalog; did you mean `antom-hk`?"),
                "\(route.stderr)")
        let diff = try CLI.run(["diff", artifact, artifact, "--traffic", Self.traffic, "--down", "antom-hx"])
        #expect(diff.status == 2 && diff.stderr.contains("did you mean `antom-hk`?"), "\(diff.stderr)")
        let withoutTraffic = try CLI.run(["diff", artifact, artifact, "--down", "antom-hk"])
        #expect(withoutTraffic.status == 2 && withoutTraffic.stderr.contains("--down replays an outage on --traffic"), "\(withoutTraffic.stderr)")
    }

    @Test func diffNamesTheOutageOnBothSides() throws {
        let (directory, artifact) = try Self.compiled()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["diff", artifact, Self.fixture, "--traffic", Self.traffic, "--down", "antom-hk", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let outage = try #require(json?["outage"] as? [String: Any])
        #expect(outage["down"] as? [String] == ["antom-hk"])
        for side in ["old", "new"] {
            let declined = (outage[side] as? [String: Any])?["declined"] as? [String: Any]
            #expect(declined?["count"] as? Int == 3 && (declined?["amount"] as? [String: String]) == ["HKD": "500.00 HKD"], "\(side)")
        }
    }
}
