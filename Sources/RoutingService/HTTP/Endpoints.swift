import HTTPTypes

/// The service's paths and the methods each answers: the one table the router is built from and
/// that tells a wrong method (405, with `Allow`) from an unknown path (404).
enum Endpoint: String, CaseIterable, Sendable {
    case route = "/v1/route"
    case batch = "/v1/route/batch"
    case outcomes = "/v1/outcomes"
    case acquirers = "/v1/acquirers"
    case config = "/v1/config"
    case healthz = "/healthz"
    case readyz = "/readyz"
    case metrics = "/metrics"
    case openAPI = "/openapi.json"

    var method: HTTPRequest.Method {
        switch self {
        case .route, .batch, .outcomes: .post
        case .config, .acquirers, .healthz, .readyz, .metrics, .openAPI: .get
        }
    }

    /// The endpoint at `path`, read as the router reads it (empty segments, such as a doubled or a
    /// trailing slash, do not count), so the path a request is counted under is the one it was decided at.
    init?(path: some StringProtocol) {
        if let exact = Endpoint(rawValue: String(path)) {
            self = exact
            return
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard let endpoint = Endpoint(rawValue: "/" + segments.joined(separator: "/")) else { return nil }
        self = endpoint
    }

    /// The label `regiond_http_requests_total` uses: the endpoint, or `other` for any unknown path
    /// (so a scan of random paths cannot grow the metrics without bound).
    static func metricsLabel(forPath path: some StringProtocol) -> String {
        Endpoint(path: path)?.rawValue ?? "other"
    }
}
