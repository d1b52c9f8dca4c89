@testable import RoutingService
import Testing

/// A release's signature is at its URL with `.sig` appended to the path; a query or a fragment stays
/// after it, so a versioned or presigned URL fetches the signature of the same object.
@Suite struct SignatureURLTests {
    static let cases: [(artifact: String, signature: String)] = [
        ("https://releases.example/gateway-config.json", "https://releases.example/gateway-config.json.sig"),
        ("https://releases.example/gateway-config.json?v=1", "https://releases.example/gateway-config.json.sig?v=1"),
        ("https://releases.example/gateway-config.json?v=1&token=a%2Fb", "https://releases.example/gateway-config.json.sig?v=1&token=a%2Fb"),
        ("https://releases.example/gateway-config.json#latest", "https://releases.example/gateway-config.json.sig#latest"),
        ("https://releases.example/gateway-config.json?v=2#x", "https://releases.example/gateway-config.json.sig?v=2#x"),
        ("http://127.0.0.1:8000/a%20b/gateway-config.json?v=1", "http://127.0.0.1:8000/a%20b/gateway-config.json.sig?v=1"),
    ]

    @Test(arguments: cases.map(\.artifact)) func theSignatureIsBesideTheArtifactsPathWithItsQueryKept(_ artifact: String) throws {
        let expected = try #require(Self.cases.first { $0.artifact == artifact }).signature
        #expect(URLReleaseFetcher.signatureURL(of: artifact) == expected)
    }
}
