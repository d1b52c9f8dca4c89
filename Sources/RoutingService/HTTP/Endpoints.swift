import HTTPTypes

/// The service's paths and the methods each answers: the one table the router is built from and
/// that tells a wrong method (405, with `Allow`) from an unknown path (404).
enum Endpoint: String, CaseIterable, Sendable {
    case route = "/v1/route"
    case batch = "/v1/route/batch"
    case config = "/v1/config"
    case healthz = "/healthz"
    case readyz = "/readyz"
    case metrics = "/metrics"
    case openAPI = "/openapi.json"

    var method: HTTPRequest.Method {
        switch self {
        case .route, .batch: .post
        case .config, .healthz, .readyz, .metrics, .openAPI: .get
        }
    }

    /// The endpoint at `path` (a trailing slash aside), if any.
    init?(path: some StringProtocol) {
        var path = Substring(path)
        if path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let endpoint = Endpoint(rawValue: String(path)) else { return nil }
        self = endpoint
    }

    /// The label `regiond_http_requests_total` uses: the endpoint, or `other` for any unknown path
    /// (so a scan of random paths cannot grow the metrics without bound).
    static func metricsLabel(forPath path: some StringProtocol) -> String {
        Endpoint(path: path)?.rawValue ?? "other"
    }
}
