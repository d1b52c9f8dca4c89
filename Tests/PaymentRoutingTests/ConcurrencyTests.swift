import PaymentRouting
import Testing

/// Many tasks routing on one shared `CheckoutRouter` give the same answers as one task.
@Suite struct ConcurrencyTests {
    @Test func concurrentDecisionsMatchSerialOnes() async throws {
        let router = try RoutingFixture.router()
        let requests = try DecisionTableTests.cases.map {
            try RoutingFixture.request($0.region, $0.merchant, $0.method, $0.amount, $0.at)
        }
        let serial = requests.map(router.route)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<200 {
                        for (request, expected) in zip(requests, serial) where router.route(request) != expected { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
