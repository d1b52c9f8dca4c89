/// Editors validate and complete a descriptor from the schema its first comment names.
/// A missing or wrong line is only a warning: the compiler checks the file either way.
enum SchemaLineCheck {
    static let marker = "# yaml-language-server: $schema="

    static func expectedSchema(for file: SourceFile) -> String {
        if file.name.hasPrefix(CalendarCompiler.namePrefix) { return "../schemas/calendar.schema.json" }
        return switch DescriptorCompiler.role(of: file) {
        case .catalog: "../schemas/catalog.schema.json"
        case .defaults: "../schemas/defaults.schema.json"
        case .region: "../schemas/region.schema.json"
        }
    }

    static func run(_ file: SourceFile) -> [Diagnostic] {
        let expected = expectedSchema(for: file)
        var number = 1
        // The line may sit anywhere among the comments that open the file.
        while let line = file.line(number), line.hasPrefix("#") || line.isEmpty {
            if line.hasPrefix(marker) {
                let named = line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
                guard named != expected else { return [] }
                return [.warning(.schemaLine, "the schema line names `\(named)`", at: file.location(line: number, column: marker.count + 1, length: named.count),
                                 hint: "this file's schema is `\(expected)`")]
            }
            number += 1
        }
        return [.warning(.schemaLine, "no `# yaml-language-server: $schema=` line", at: file.location(line: 1, column: 1),
                         hint: "add `\(marker)\(expected)` as the first line, for editor checking and completion")]
    }
}
