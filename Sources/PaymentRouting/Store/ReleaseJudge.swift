import ArtifactTrust
import Foundation

/// A release that passed every check, built and ready to swap in.
struct Candidate {
    var router: CheckoutRouter
    var release: ReleaseBytes
    var signature: VerifiedSignature?

    func active(origin: ActiveRelease.Origin) -> ActiveRelease {
        let artifact = router.artifact
        return ActiveRelease(artifactDigest: release.digest, sourceDigest: artifact.sourceDigest,
                             formatVersion: artifact.formatVersion, compilerVersion: artifact.compilerVersion,
                             regions: artifact.regions.keys.sorted(), releaseSerial: signature?.releaseSerial,
                             keyId: signature?.keyId, loadedAt: Date(), origin: origin)
    }
}

/// Judges one release against the policy and the release served: signature, then serial, then the
/// artifact itself (the cheap refusals before the expensive build). The router is built with the
/// store's health tracker, so every release it serves skips the same ejected acquirers.
enum ReleaseJudge {
    static func judge(_ release: ReleaseBytes, policy: SignaturePolicy, health: HealthTracker?,
                      serving: ActiveRelease?) -> Result<Candidate, ReloadFailure> {
        func refuse(_ kind: ReloadFailure.Kind) -> Result<Candidate, ReloadFailure> {
            .failure(ReloadFailure(kind, rejectedDigest: release.digest))
        }
        var signature: VerifiedSignature?
        if case .required(let trust) = policy {
            switch SignatureVerifier.verify(artifact: release.artifact, digest: release.digest, signature: release.signature,
                                            trust: trust) {
            case .success(let verified): signature = verified
            case .failure(let error): return refuse(.signature(error))
            }
            if let refusal = serialRefusal(offered: signature?.releaseSerial, digest: release.digest, serving: serving) {
                return refuse(refusal)
            }
        }
        do {
            return .success(Candidate(router: try RouterLoader.load(data: release.artifact, health: health), release: release,
                                      signature: signature))
        } catch {
            return refuse(.artifact(error))
        }
    }

    /// Rollback protection: once a serial is served, a release must carry one at least as high, and the
    /// same serial only for the same artifact bytes (re-signed by another key, say). Nothing served, or
    /// served without a serial: any release may follow.
    static func serialRefusal(offered: UInt64?, digest: String, serving: ActiveRelease?) -> ReloadFailure.Kind? {
        guard let serving, let served = serving.releaseSerial else { return nil }
        guard let offered, offered >= served else { return .rollback(offered: offered, served: served) }
        if offered == served, digest != serving.artifactDigest { return .serialReused(served) }
        return nil
    }
}
