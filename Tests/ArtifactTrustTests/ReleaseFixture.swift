import Foundation
import TestSupport
import Testing

/// What only the trust tests need beyond `TestSupport`: other real bytes to sign, and openssl as a peer.
enum ReleaseFixture {
    /// Other bytes of the same size class: the shipped artifact with its regions' order of appearance untouched
    /// but one field value changed.
    static func other() throws -> Data {
        let text = String(decoding: try RegionArtifacts.shipped(), as: UTF8.self)
        let changed = text.replacingOccurrences(of: "\"antom-us\"", with: "\"antom-sg\"")
        try #require(changed != text)
        return Data(changed.utf8)
    }
}

/// `/usr/bin/openssl`, which reads our keys and makes signatures we verify.
enum OpenSSL {
    static let path = "/usr/bin/openssl"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs openssl and returns its standard output; fails the test on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Data {
        let run = try ProcessRunner.run(URL(fileURLWithPath: path), arguments)
        try #require(run.status == 0, "openssl \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        return run.output
    }
}
