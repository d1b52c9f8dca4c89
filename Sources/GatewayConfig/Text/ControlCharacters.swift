/// Characters that must never reach a terminal, a log or a rendered page as they are: an ESC can
/// rewrite the screen, a newline forge a line of output, a bidirectional override make shown text
/// read differently from what it is. The one rule every renderer of input text follows.
package enum ControlCharacters {
    /// C0 and C1 controls, DEL, line and paragraph separators, the bidirectional embeddings,
    /// overrides and isolates, and the byte-order mark.
    package static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// The scalar spelled out, `\u{202E}`: what it is, visibly, in one line.
    package static func spelled(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
}
