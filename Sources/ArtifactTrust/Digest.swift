import Crypto
import Foundation

/// SHA-256 digests written as lower-case hex: the package's one digest type and one hex helper.
package enum Digest {
    /// Lower-case hex SHA-256 of `data` (an artifact's `artifact_sha256`).
    package static func sha256Hex(_ data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// Lower-case hex of `bytes`, two digits each.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
