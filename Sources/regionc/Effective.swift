import ArgumentParser
import Foundation
import GatewayConfig
import RegionCompiler

struct Effective: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a region's descriptor with defaults applied, each value with the file and line it came from."
    )

    @Argument(help: "Region code, e.g. HK.") var region: String
    @Option(help: ArgumentHelp("Show the availability in effect at this instant (RFC 3339 with offset): the scheduled steps up to it applied.",
                               valueName: "instant"))
    var at: String?
    @OptionGroup var regions: RegionsDirectory
    @OptionGroup var calendars: CalendarsDirectory
    var directory: String { regions.directory }

    func run() throws {
        let files: [SourceFile]
        do {
            files = try InputLoader.load(directory: directory).files
        } catch {
            Terminal.printError("regionc: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let wanted = region.lowercased()
        guard let file = files.first(where: { $0.name == "\(wanted).yaml" || $0.name == "\(wanted).yml" }) else {
            Terminal.printError("regionc: no descriptor for region \(region) in \(directory)")
            throw ExitCode(ExitStatus.usage)
        }
        let instant = try InstantOption.parse(at, option: "--at")
        guard let text = EffectiveDescriptor.render(regionFile: file, defaults: files.first { DescriptorCompiler.role(of: $0) == .defaults },
                                                    at: instant)
        else {
            Terminal.printError("regionc: \(file.displayPath) does not parse as a mapping of fields; run `regionc validate \(directory)`")
            throw ExitCode(ExitStatus.inputErrors)
        }
        try StandardOutput.write(text)
        // The calendars its payouts follow, resolved as the compiler resolves them.
        let compilation = try Terminal.usageOnFailure { try DescriptorCompiler.compile(directory: directory, calendars: calendars.path) }
        if let descriptor = compilation.regions.first(where: { $0.file.name == file.name }) {
            try StandardOutput.write(EffectiveCalendars.render(descriptor, resolution: compilation.calendars))
            try StandardOutput.write(EffectiveAcquirers.render(descriptor, catalog: compilation.catalog))
        }
    }
}
