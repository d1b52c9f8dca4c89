// libyaml's event API, through Yams's package: Yams's own composer throws at the first
// duplicate key (reporting the first occurrence, not the duplicate) and expands aliases.
// Composing from events ourselves lets us report every duplicate at its own line and
// reject anchors and aliases before anything is expanded, so a "billion laughs" file
// costs nothing.
import CYaml

/// Turns one file's bytes into a `YAMLNode` tree, with every problem as a diagnostic.
package enum YAMLComposer {
    /// Deeper nesting than any descriptor needs; bounds the recursion on hostile input.
    static let maximumDepth = 64

    package struct Result: Sendable {
        package var root: YAMLNode?
        package var diagnostics: [Diagnostic]
    }

    package static func compose(_ file: SourceFile) -> Result {
        let checked = ByteChecks.check(file)
        guard let bytes = checked.parseable else { return Result(root: nil, diagnostics: checked.diagnostics) }
        var session = EventSession(file: file)
        let root = bytes.withUnsafeBufferPointer { buffer -> YAMLNode? in
            session.start(buffer)
            defer { session.finish() }
            return session.composeStream()
        }
        var diagnostics = checked.diagnostics + session.diagnostics
        if root == nil || root?.isNull == true, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error(.emptyFile, "the file holds no YAML content, only comments or blank lines",
                                      at: file.location(line: 1, column: 1),
                                      hint: "a region descriptor needs at least `region`, `name`, `payment_methods` and `routes`"))
            return Result(root: nil, diagnostics: diagnostics)
        }
        return Result(root: root, diagnostics: diagnostics)
    }
}

/// libyaml's parser at a stable address: libyaml keeps pointers into the parser inside itself
/// (`read_handler_data` points at the parser), so it must never move, as a Swift struct value may.
/// Allocated once, initialized, and deleted and freed with its owner.
private final class LibYAMLParser {
    let pointer: UnsafeMutablePointer<yaml_parser_t>

    init() {
        pointer = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        pointer.initialize(to: yaml_parser_t())
        yaml_parser_initialize(pointer)
    }

    deinit {
        yaml_parser_delete(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}

/// One pass over libyaml's events for one file.
private struct EventSession {
    let file: SourceFile
    let owner = LibYAMLParser()
    var parser: UnsafeMutablePointer<yaml_parser_t> { owner.pointer }
    var diagnostics: [Diagnostic] = []
    var failed = false

    init(file: SourceFile) { self.file = file }

    /// The buffer must outlive the session's use of the parser (`compose` keeps it alive around both).
    func start(_ buffer: UnsafeBufferPointer<UInt8>) {
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    }

    /// The parser is deleted with its owner; nothing reads the buffer after this.
    func finish() {}

    /// The stream's single document, or nil. Extra documents are reported, not read.
    mutating func composeStream() -> YAMLNode? {
        var root: YAMLNode?
        var documents = 0
        while let event = next() {
            defer { release(event) }
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents == 2 {
                    diagnostics.append(.error(.multipleDocuments, "a second YAML document starts here",
                                              at: location(event.pointee.start_mark, length: 3),
                                              hint: "put one region in each file; remove the `---` line"))
                }
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_START_EVENT:
                continue
            default:
                let node = composeNode(event, depth: 0)
                if documents <= 1 { root = node }
            }
        }
        return failed ? nil : root
    }

    // MARK: Events

    /// The next event, or nil after a parse error (which is reported once).
    mutating func next() -> UnsafeMutablePointer<yaml_event_t>? {
        guard !failed else { return nil }
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        guard yaml_parser_parse(parser, event) == 1 else {
            event.deallocate()
            reportParserError()
            return nil
        }
        return event
    }

    func release(_ event: UnsafeMutablePointer<yaml_event_t>) {
        yaml_event_delete(event)
        event.deallocate()
    }

    mutating func reportParserError() {
        failed = true
        // libyaml's text can name its own C API ("set with yaml_set_max_nest_level()"): say it in our words.
        let raw = parser.pointee.problem.map { String(cString: $0) } ?? "the YAML parser stopped"
        let problem = raw.hasPrefix("Maximum nesting level reached") ? "nesting is deeper than the parser allows" : raw
        let context = parser.pointee.context.map { String(cString: $0) }
        let mark = parser.pointee.problem_mark
        var message = problem
        if let context { message = "\(problem) \(context)" }
        diagnostics.append(.error(.syntaxError, "YAML syntax error: \(message)", at: clampedToFile(location(mark)),
                                  hint: syntaxHint(for: problem)))
    }

    /// libyaml reports "end of stream" problems one line past a file without a final newline;
    /// point at the end of the last line instead, where the person can see it.
    func clampedToFile(_ location: SourceLocation) -> SourceLocation {
        let lineCount = file.bytes.count { $0 == 0x0A } + 1
        guard location.line > lineCount else { return location }
        let lastLine = file.line(lineCount) ?? ""
        return file.location(line: lineCount, column: lastLine.unicodeScalars.count + 1)
    }

    func syntaxHint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value containing `: ` must be quoted, e.g. name: \"A: B\""
        }
        if problem.contains("did not find expected") || problem.contains("could not find expected") {
            return "check the indentation and that every `[`, `{` and quote is closed"
        }
        if problem.contains("found character that cannot start any token") {
            return "quote values that start with `@`, `` ` `` or `%`"
        }
        return nil
    }

    func location(_ mark: yaml_mark_t, length: Int = 1) -> SourceLocation {
        file.location(line: Int(mark.line) + 1, column: Int(mark.column) + 1, length: length)
    }

    func span(_ event: UnsafeMutablePointer<yaml_event_t>) -> SourceLocation {
        let start = event.pointee.start_mark
        let end = event.pointee.end_mark
        let length = end.line == start.line ? Int(end.column) - Int(start.column) : 1
        return location(start, length: length)
    }

    // MARK: Nodes

    mutating func composeNode(_ event: UnsafeMutablePointer<yaml_event_t>, depth: Int) -> YAMLNode {
        let here = span(event)
        switch event.pointee.type {
        case YAML_ALIAS_EVENT:
            let name = string(event.pointee.data.alias.anchor) ?? ""
            diagnostics.append(.error(.anchorOrAlias, "alias `*\(name)` is not allowed",
                                      at: here, hint: "write the value out in full; descriptors do not use anchors or aliases"))
            return YAMLNode(.unreadable, at: here)
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            checkAnchorAndTag(anchor: scalar.anchor, tag: scalar.tag, at: here)
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let style: YAMLNode.ScalarStyle = switch scalar.style {
            case YAML_PLAIN_SCALAR_STYLE, YAML_ANY_SCALAR_STYLE: .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
            default: .quoted
            }
            return YAMLNode(.scalar(text, style), at: here)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.pointee.data.sequence_start
            checkAnchorAndTag(anchor: start.anchor, tag: start.tag, at: here)
            guard depth < YAMLComposer.maximumDepth else { return tooDeep(at: here) }
            var items: [YAMLNode] = []
            while let child = next() {
                defer { release(child) }
                if child.pointee.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(composeNode(child, depth: depth + 1))
            }
            return YAMLNode(.sequence(items), at: location(event.pointee.start_mark))
        case YAML_MAPPING_START_EVENT:
            let start = event.pointee.data.mapping_start
            checkAnchorAndTag(anchor: start.anchor, tag: start.tag, at: here)
            guard depth < YAMLComposer.maximumDepth else { return tooDeep(at: here) }
            return YAMLNode(.mapping(composePairs(depth: depth)), at: location(event.pointee.start_mark))
        default:
            return YAMLNode(.unreadable, at: here)
        }
    }

    /// The pairs of a mapping; a repeated key is reported at the repeat and its value dropped.
    mutating func composePairs(depth: Int) -> [YAMLPair] {
        var pairs: [YAMLPair] = []
        var firstSeen: [String: SourceLocation] = [:]
        while let keyEvent = next() {
            defer { release(keyEvent) }
            if keyEvent.pointee.type == YAML_MAPPING_END_EVENT { break }
            let key = composeNode(keyEvent, depth: depth + 1)
            guard let valueEvent = next() else { break }
            defer { release(valueEvent) }
            let value = composeNode(valueEvent, depth: depth + 1)
            guard case .scalar(let text, _) = key.kind else {
                if case .unreadable = key.kind { continue }
                diagnostics.append(.error(.wrongType, "a key must be plain text, not \(key.kindName)", at: key.location,
                                          hint: "descriptor keys are words like `region` or `currencies`"))
                continue
            }
            if let first = firstSeen[text] {
                diagnostics.append(.error(.duplicateKey, "key `\(text)` appears twice in this mapping", at: key.location,
                                          hint: "remove one of them; YAML keeps only one value per key",
                                          related: [RelatedNote(location: first, message: "first defined here")]))
                continue
            }
            firstSeen[text] = key.location
            pairs.append(YAMLPair(key: key, value: value))
        }
        return pairs
    }

    mutating func checkAnchorAndTag(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                                    at here: SourceLocation) {
        if let name = string(anchor) {
            diagnostics.append(.error(.anchorOrAlias, "anchor `&\(name)` is not allowed", at: here,
                                      hint: "write values out in full; descriptors do not use anchors or aliases"))
        }
        if let tag = string(tag) {
            diagnostics.append(.error(.explicitTag, "explicit tag `\(tag)` is not allowed", at: here,
                                      hint: "remove the tag; quote the value if it must be read as text"))
        }
    }

    /// Reports nesting beyond the bound and skips the rest of the subtree without recursing.
    mutating func tooDeep(at here: SourceLocation) -> YAMLNode {
        diagnostics.append(.error(.syntaxError, "nesting deeper than \(YAMLComposer.maximumDepth) levels", at: here,
                                  hint: "descriptors nest a few levels at most; check the brackets"))
        var open = 1
        while open > 0, let event = next() {
            switch event.pointee.type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: open += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: open -= 1
            default: break
            }
            release(event)
        }
        return YAMLNode(.unreadable, at: here)
    }

    func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
