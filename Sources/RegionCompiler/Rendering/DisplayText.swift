import GatewayConfig

/// Text from an input made safe to print: no control character reaches a terminal or log raw
/// (an ESC could rewrite the screen, a newline forge a line of CI output), and no value is quoted
/// at a length nobody reads (a 10 MB scalar is shown as its start and an ellipsis).
enum DisplayText {
    /// The longest quoted value (between backticks) a message keeps whole.
    static let quotedLimit = 80
    /// The longest message or hint kept whole.
    static let messageLimit = 1_000

    /// A message or hint: control characters escaped as `\u{1B}`, long quoted values and the whole
    /// text cut with an ellipsis.
    static func message(_ text: String) -> String {
        guard !isPlain(text) else { return text }
        var out = String.UnicodeScalarView()
        var quoted = 0
        var inQuote = false
        var total = 0
        for scalar in text.unicodeScalars {
            if total >= messageLimit {
                out.append("…")
                break
            }
            if scalar == "`" {
                inQuote.toggle()
                quoted = 0
            } else if inQuote {
                quoted += 1
                if quoted == quotedLimit { out.append("…") }
                if quoted >= quotedLimit { continue }
            }
            total += 1
            if ControlCharacters.needsCare(scalar) {
                out.append(contentsOf: ControlCharacters.spelled(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Plain printable ASCII, short enough, no quoted value over the limit: kept as is (the usual
    /// case, decided over bytes without decoding a scalar).
    static func isPlain(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= messageLimit else { return false }
        return utf8.withContiguousStorageIfAvailable { bytes in
            var quoted = 0
            var inQuote = false
            for byte in bytes {
                guard byte >= 0x20, byte < 0x7F else { return false }
                if byte == UInt8(ascii: "`") {
                    inQuote.toggle()
                    quoted = 0
                } else if inQuote {
                    quoted += 1
                    if quoted >= quotedLimit { return false }
                }
            }
            return true
        } ?? false
    }

    /// A source line for display under a diagnostic: each control character becomes one visible
    /// character (so the caret still lines up), and a line longer than `width` is shown as a window
    /// around `column`. Returns the text and the column the caret goes under.
    static func sourceLine(_ line: String, column: Int, width: Int = 160) -> (text: String, column: Int) {
        var scalars = Array(line.unicodeScalars).map(visible)
        var caret = column
        if scalars.count > width {
            let start = max(0, min(column - 1 - width / 3, scalars.count - width))
            let end = min(scalars.count, start + width)
            var window = Array(scalars[start..<end])
            if start > 0 { window[0] = "…" }
            if end < scalars.count { window[window.count - 1] = "…" }
            scalars = window
            caret = column - start
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return (String(view), caret)
    }

    /// A path or name for display: control characters escaped.
    static func name(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: ControlCharacters.needsCare) else { return text }
        return message(text)
    }

    /// One visible stand-in per character: a tab as a space, C0 controls as their Unicode control
    /// pictures (␛), anything else needing care as U+FFFD.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09: " "
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        default: ControlCharacters.needsCare(scalar) ? "\u{FFFD}" : scalar
        }
    }
}
