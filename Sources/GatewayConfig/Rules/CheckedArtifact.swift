import Foundation

/// An artifact of the current format whose every invariant `ArtifactInvariants` has checked, with
/// what the checks found, typed: a router is built from one without checking anything again.
/// Only `ArtifactInvariants.check` makes one (the memberwise initializers are internal to
/// GatewayConfig), so holding one is the proof.
package struct CheckedArtifact: Sendable {
    package let artifact: GatewayArtifact
    /// Sorted by region code.
    package let regions: [CheckedRegion]
}

/// One region of a checked artifact.
package struct CheckedRegion: Sendable {
    /// Keyed in the artifact by its own code.
    package let region: RegionArtifact
    /// `region.timezone`, an IANA name (`TimeZoneCatalog`).
    package let timeZone: TimeZone
    /// The region's methods in descriptor order, each with its catalog entry.
    package let methods: [CheckedMethod]
    /// The calendars its payouts follow, in the order `settlement.calendars` names them; at least one.
    package let calendars: [CalendarArtifact]
    /// Whether the region's own weekend and holidays join `calendars` as a layer of their own
    /// (`SettlementCalendarRule.ownListsAreALayer`).
    package let ownListsAreALayer: Bool
    /// The weekend of `calendars` and, when they are a layer, the region's own lists: never every day.
    package let weekend: JoinedWeekend
}

/// A region's payment method with the catalog entry it names.
package struct CheckedMethod: Sendable {
    package let method: MethodArtifact
    package let catalogEntry: PaymentMethodEntry
}
