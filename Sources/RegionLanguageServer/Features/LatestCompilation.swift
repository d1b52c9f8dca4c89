import GatewayConfig
import RegionCompiler

/// The compilation a feature reads the catalog, the regions and their calendars from: the one the
/// diagnostics were last published from (at most a debounce behind the buffers, which is what the
/// editor shows), or, before the first, one made now from the request's snapshot.
enum LatestCompilation {
    static func of(_ context: RequestContext) async -> Compilation {
        if let latest = await context.diagnostics.latest { return latest.compilation }
        let inputs = context.snapshot.compileInputs()
        let directory = context.snapshot.root.regions
        return await BlockingWork.run {
            var cache = CompileCache()
            return DescriptorCompiler.compile(inputs.files, calendarFiles: inputs.calendarFiles, directory: directory,
                                              asOf: nil, extraDiagnostics: inputs.listingDiagnostics, cache: &cache)
        }
    }
}
