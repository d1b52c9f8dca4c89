import Dispatch
import GatewayConfig
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output as the client's channel; one message is written whole with the one descriptor writer.
package struct StandardOutputChannel: OutputChannel {
    package init() {}

    package func write(_ bytes: [UInt8]) -> Bool {
        DescriptorWriter.writeAll(bytes, to: STDOUT_FILENO) == 0
    }
}

/// Standard input as chunks of bytes, read by a blocking loop on a Dispatch worker (never on one
/// of the threads Swift tasks share); the stream ends at end of input or a read error.
package enum StandardInput {
    package static func chunks(chunkSize: Int = 1 << 16) -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                var buffer = [UInt8](repeating: 0, count: chunkSize)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, chunkSize) }
                    if count > 0 {
                        continuation.yield(Array(buffer[0..<count]))
                    } else if count < 0, errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                continuation.finish()
            }
        }
    }
}
