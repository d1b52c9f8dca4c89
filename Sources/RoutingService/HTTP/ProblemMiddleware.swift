import Hummingbird

/// Turns what the router could not match into problems: an unknown path is 404, a known path with
/// another method 405 (with `Allow`), and any `Problem` a handler throws becomes its answer. Also
/// counts every answer in `regiond_http_requests_total{path,status}` (`499`: the client went away
/// before its request was read).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = problem.response(instance: path)
        } catch let error as HTTPError where error.status == .notFound {
            if let endpoint = Endpoint(path: path) {
                response = Problem.methodNotAllowed(request.method, endpoint: endpoint).response(instance: path)
            } else {
                response = Problem.notFound(path: path).response(instance: path)
            }
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = Problem.tooLarge(limit: RequestLimits.maximumBodyBytes).response(instance: path)
        } catch let aborted as ClientAborted {
            // The client went away mid-request: nobody reads an answer; counted as nginx does, not as a 5xx.
            // A request the connection guard answered itself was counted there.
            if !(aborted.underlying is AnsweredByConnectionGuard) {
                metrics.served(path: Endpoint.metricsLabel(forPath: path), status: 499)
            }
            throw aborted.underlying
        } catch {
            metrics.served(path: Endpoint.metricsLabel(forPath: path), status: 500)
            throw error
        }
        metrics.served(path: Endpoint.metricsLabel(forPath: path), status: Int(response.status.code))
        return response
    }
}
