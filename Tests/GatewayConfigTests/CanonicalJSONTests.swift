import Foundation
import Testing
@testable import GatewayConfig

@Suite struct CanonicalJSONTests {
    @Test func preencodedBytesArePlacedAsTheyAre() throws {
        let value = ["b": CanonicalJSON.Preencoded(bytes: Array("[1,2]".utf8)), "a": CanonicalJSON.Preencoded(bytes: Array("{}".utf8))]
        #expect(String(decoding: try CanonicalJSON.encode(value), as: UTF8.self) == #"{"a":{},"b":[1,2]}"#)
    }

    @Test func preencodedBytesAreRefusedByOtherEncoders() {
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(["x": CanonicalJSON.Preencoded(bytes: Array("1".utf8))]) }
    }

    @Test func floatingPointIsRefused() {
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(["x": 1.5]) }
    }
}
