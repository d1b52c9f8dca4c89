import CFuzzDriver
import Foundation

/// Starts libFuzzer with `callback` as the target; libFuzzer reads its flags from the command line.
public enum FuzzMain {
    public static func start(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }

    /// The input as bytes (libFuzzer passes a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// One input against a target's property, the function its findings test calls too: a
    /// violation stops the run with the property's words and the input.
    public static func check(_ data: UnsafePointer<UInt8>?, _ size: Int, property violation: ([UInt8]) -> String?) -> CInt {
        let input = bytes(data, size)
        if let found = violation(input) {
            require(false, "\(found): \(String(decoding: input, as: UTF8.self).debugDescription)")
        }
        return 0
    }
}

/// A property the code under test must keep. A broken one stops the run as a crash, which libFuzzer
/// saves as `crash-<sha1>` for minimising and for a regression fixture.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    guard !condition() else { return }
    fatalError("fuzz invariant broken: \(message())", file: file, line: line)
}
