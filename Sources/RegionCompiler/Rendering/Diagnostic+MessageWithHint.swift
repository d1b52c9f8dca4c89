extension Diagnostic {
    /// The message with its hint appended, for formats that carry one text per finding
    /// (GitHub annotations, SARIF results).
    package var messageWithHint: String {
        guard let hint else { return message }
        return "\(message) (hint: \(hint))"
    }
}
