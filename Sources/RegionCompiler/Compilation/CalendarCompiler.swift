import Foundation
import GatewayConfig

/// Reads the banking calendar files (`calendars/*.yaml`): parse, decode, and check each on its own,
/// then that no market is described twice.
package enum CalendarCompiler {
    /// The name calendar files go by in the artifact and the source digest, beside the region files.
    static let namePrefix = "calendars/"

    static func compile(_ files: [SourceFile]) -> (calendars: [CalendarDescriptor], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var calendars: [CalendarDescriptor] = []
        for file in files {
            let composed = YAMLComposer.compose(file)
            diagnostics += composed.diagnostics + checkFileName(file)
            guard let root = composed.root else { continue }
            let reader = FieldReader(primaryFile: file.displayPath, rootLocation: DescriptorCompiler.rootLocation(of: root, in: file))
            let calendar = CalendarDecoder(reader: reader).decode(root, file: file)
            diagnostics += reader.diagnostics
            diagnostics += checkMarketMatchesFile(calendar)
            // A calendar with errors is not used: its regions are judged on it only once it is right.
            if !reader.diagnostics.contains(where: { $0.severity == .error }) { calendars.append(calendar) }
        }
        diagnostics += Diagnostic.repeats(in: calendars, key: \.market, code: .duplicateCalendar,
                                          { "market `\($0)` has two calendar files" },
                                          hint: "keep one file per market", firstNote: "first described here")
        return (calendars, diagnostics)
    }

    /// `hk.yaml` -> HK, whatever directory prefix the name carries.
    static func expectedMarket(of file: SourceFile) -> String? {
        let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
        return DescriptorCompiler.expectedCode(of: SourceFile(name: base, displayPath: file.displayPath, bytes: []))
    }

    static func checkFileName(_ file: SourceFile) -> [Diagnostic] {
        guard expectedMarket(of: file) == nil else { return [] }
        return [.error(.badFileName, "`\(file.name)` is not named after a market code", at: file.location(line: 1, column: 1),
                       hint: "name calendar files by the market's lower-case ISO 3166 code, e.g. `calendars/hk.yaml`")]
    }

    static func checkMarketMatchesFile(_ calendar: CalendarDescriptor) -> [Diagnostic] {
        guard let market = calendar.market, let expected = expectedMarket(of: calendar.file),
              market.value.rawValue != expected else { return [] }
        return [.error(.calendarMarketMismatch, "market `\(market.value)` is in file `\(calendar.file.name)`", at: market.location,
                       hint: "rename the file to `\(market.value.rawValue.lowercased()).yaml`, or set `market: \(expected)`")]
    }

    /// The calendars directory beside a regions directory: `regions` -> `calendars`, `a/regions` -> `a/calendars`,
    /// `.` -> `../calendars`.
    package static func defaultDirectory(besideRegions directory: String) -> String {
        FilePaths.sibling("calendars", of: directory)
    }

    /// Reads a calendars directory with the loader the regions use. A missing default directory is
    /// no calendars (a tree from before calendars); a missing directory someone named is an error.
    package static func load(directory: String, required: Bool) throws(InputError) -> InputListing {
        var isDirectory: ObjCBool = false
        if !required, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) { return InputListing(files: []) }
        var listing = try InputLoader.load(directory: directory)
        listing.files = listing.files.map {
            SourceFile(name: namePrefix + $0.name, displayPath: $0.displayPath, bytes: $0.bytes, realPath: $0.realPath)
        }
        return listing
    }
}
