/// The compiler's version: written into every artifact as `compiler_version`, printed by `regionc --version`.
package enum CompilerVersion {
    package static let current = "0.1.0"
}
