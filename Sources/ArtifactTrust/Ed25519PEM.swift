import Crypto
import Foundation

/// Ed25519 keys in standard PEM: `PUBLIC KEY` (SubjectPublicKeyInfo, RFC 8410) and
/// `PRIVATE KEY` (PKCS #8, RFC 8410), the forms `openssl pkey` reads and writes.
/// swift-crypto 3 has no PEM for Curve25519, and the encodings are fixed prefixes plus 32 bytes.
package enum Ed25519PEM {
    static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    static let privatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70,
                                         0x04, 0x22, 0x04, 0x20]

    package enum PEMError: Error, Equatable, CustomStringConvertible {
        case notPEM(expected: String)
        case notEd25519

        package var description: String {
            switch self {
            case .notPEM(let label): "not a PEM `\(label)` block"
            case .notEd25519: "not an Ed25519 key"
            }
        }
    }

    package static func encode(_ key: Curve25519.Signing.PublicKey) -> String {
        pem(label: "PUBLIC KEY", der: publicPrefix + Array(key.rawRepresentation))
    }

    package static func encode(_ key: Curve25519.Signing.PrivateKey) -> String {
        pem(label: "PRIVATE KEY", der: privatePrefix + Array(key.rawRepresentation))
    }

    package static func publicKey(from text: String) throws(PEMError) -> Curve25519.Signing.PublicKey {
        let der = try decode(text, label: "PUBLIC KEY")
        guard der.count == publicPrefix.count + 32, der.starts(with: publicPrefix),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: der.suffix(32)) else { throw .notEd25519 }
        return key
    }

    package static func privateKey(from text: String) throws(PEMError) -> Curve25519.Signing.PrivateKey {
        let der = try decode(text, label: "PRIVATE KEY")
        guard der.count == privatePrefix.count + 32, der.starts(with: privatePrefix),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32)) else { throw .notEd25519 }
        return key
    }

    static func pem(label: String, der: [UInt8]) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    static func decode(_ text: String, label: String) throws(PEMError) -> [UInt8] {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { throw .notPEM(expected: label) }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else { throw .notPEM(expected: label) }
        return Array(data)
    }
}
