/// The compiler's version: written into every artifact as `compiler_version`, printed by `regionc --version`.
public enum CompilerVersion {
    public static let current = "0.1.0"
}
