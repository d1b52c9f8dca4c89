/// What a store serves, read once per request: the router that decides and the release reported
/// beside its decisions always belong together.
public struct ServingSnapshot: Sendable {
    public let router: Router
    public let release: ActiveRelease
}
