// Target: bytes as a signature envelope (`gateway-config.json.sig`) for a fixed artifact, checked
// against a trust store holding one fuzz key; and the same bytes as PEM public and private keys.
// A typed SignatureError or PEMError, never a crash; a decoded envelope survives its own encoding.
import Foundation
@testable import ArtifactTrust
import FuzzSupport

/// A key made for fuzzing only (`openssl genpkey -algorithm ed25519`); nothing real trusts it.
let fuzzKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MC4CAQAwBQYDK2VwBCIEIMrrv7mR/TH8xAwGu/4ERDnNXLPPBH8fLZIjL1Q3h72I
    -----END PRIVATE KEY-----
    """
let artifact = Data(Repository.bytes("Fuzz/Inputs/gateway-config.json"))

let (signingKey, trust): (SigningKey, TrustStore) = {
    do {
        let key = SigningKey(id: "fuzz-release", key: try Ed25519PEM.privateKey(from: fuzzKeyPEM))
        var trust = TrustStore()
        trust.trust(try key.publicKey(), id: key.id)
        return (key, trust)
    } catch {
        fatalError("fuzz setup: the fuzz key does not load: \(error)")
    }
}()

func fuzzSignature(_ bytes: [UInt8]) {
    let data = Data(bytes)
    switch SignatureVerifier.verify(artifact: artifact, signature: data, trust: trust) {
    case .success(let verified):
        require(verified.keyId == signingKey.id, "verified a signature by `\(verified.keyId)`, which is not trusted")
    case .failure(let error):
        require(!error.code.isEmpty && !error.description.isEmpty, "a SignatureError without code or description")
    }
    if let envelope = try? JSONDecoder().decode(SignatureEnvelope.self, from: data) {
        let again = try? JSONDecoder().decode(SignatureEnvelope.self, from: envelope.encoded())
        require(again == envelope, "an envelope does not survive its own canonical encoding")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? Ed25519PEM.publicKey(from: text)
    _ = try? Ed25519PEM.privateKey(from: text)
}

/// `FUZZ_WRITE_SEEDS=DIR`: writes envelopes the fuzz key made (formats 1 and 2) and its public key
/// into DIR, for the committed corpus, and exits.
func writeSeeds(into directory: String) throws {
    let publicPEM = Ed25519PEM.encode(try signingKey.publicKey())
    try Data(publicPEM.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("fuzz-release.pub"))
    for (name, serial) in [("format1.sig", nil), ("format2.sig", UInt64(7)) as (String, UInt64?)] {
        let envelope = try signingKey.sign(artifact: artifact, releaseSerial: serial)
        require(SignatureVerifier.verify(artifact: artifact, signature: envelope.encoded(), trust: trust).isSuccess,
                "the fuzz key's own signature does not verify")
        try envelope.encoded().write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzSignature(FuzzMain.bytes(data, size))
    return 0
}

if let directory = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] {
    do { try writeSeeds(into: directory) } catch { fatalError("cannot write seeds: \(error)") }
    exit(0)
}
FuzzMain.start { data, size in fuzzerTestOneInput(data, size) }
