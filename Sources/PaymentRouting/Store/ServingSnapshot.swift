/// What a store serves, read once per request: the router that decides and the release reported
/// beside its decisions always belong together. A class, made once per swap, so taking it on every
/// request is one retain, not a copy of the release's fields.
package final class ServingSnapshot: Sendable {
    package let router: CheckoutRouter
    package let release: ActiveRelease

    init(router: CheckoutRouter, release: ActiveRelease) {
        self.router = router
        self.release = release
    }
}
