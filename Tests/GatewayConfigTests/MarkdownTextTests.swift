import GatewayConfig
import Testing

/// Input text in Markdown renders as the text it is (hardening issue 21, item 12: cells passed
/// `[link](http://…)`, `**bold**` and U+202E through).
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("HK", "HK"),
        ("ALIPAY_CN", "ALIPAY\\_CN"),
        ("[link](http://evil.example)", "\\[link\\](http://evil.example)"),
        ("![img](x)", "!\\[img\\](x)"),
        ("**bold** _em_ ~~gone~~", "\\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~"),
        ("a|b", "a\\|b"),
        ("<b>hi</b> -> <http://x>", "\\<b>hi\\</b> -> \\<http://x>"),
        ("`code`", "\\`code\\`"),
        ("&#x202E; $x$ # h", "\\&\\#x202E; \\$x\\$ \\# h"),
        ("back\\slash", "back\\\\slash"),
        ("abc\u{202E}def", "abc\\u{202E}def"),
        ("line\nbreak\r\u{2028}", "line\\u{A}break\\u{D}\\u{2028}"),
        ("\u{1B}[31mred", "\\u{1B}\\[31mred"),
        ("\u{2066}iso\u{2069}\u{FEFF}", "\\u{2066}iso\\u{2069}\\u{FEFF}"),
    ])
    func inlineTextIsNeverMarkup(_ text: String, _ expected: String) {
        let escaped = MarkdownText.inline(text)
        #expect(escaped == expected)
        #expect(!escaped.unicodeScalars.contains(where: ControlCharacters.needsCare))
    }

    @Test(arguments: [
        ("a`b", false, "a'b"), ("a|b", true, "a\\|b"), ("a|b", false, "a|b"), ("**x**", false, "**x**"),
        ("x\u{202E}y\n", false, "x\\u{202E}y\\u{A}"),
    ])
    func codeSpansStayOneSpanOnOneLine(_ text: String, _ inTable: Bool, _ expected: String) {
        #expect(MarkdownText.code(text, inTable: inTable) == expected)
    }
}
