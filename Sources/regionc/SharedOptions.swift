import ArgumentParser

// Options several subcommands take, each declared once: the same name, default, help and meaning
// wherever it appears.

/// `DIR`: the regions directory (`validate`, `compile`, `effective`).
struct RegionsDirectory: ParsableArguments {
    @Argument(help: "The regions directory.")
    var directory = "regions"
}

/// `--calendars DIR`: the banking calendars (`validate`, `compile`, `effective`, `calendar`).
struct CalendarsDirectory: ParsableArguments {
    @Option(name: .customLong("calendars"),
            help: ArgumentHelp("The banking calendars directory (default: `calendars` beside DIR).", valueName: "calendars"))
    var path: String?
}
