import Foundation

/// The decoder both the runtime and tests use to read an artifact.
public enum JSONDecoderFactory {
    public static func make() -> JSONDecoder { JSONDecoder() }
}
