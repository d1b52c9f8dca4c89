import Dispatch
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A loopback client socket with byte-level control, for what an HTTP client hides: a body sent but
/// never read by the server, a request cut short, a connection left idle, a request that is not valid
/// HTTP/1.1. Every blocking call runs on a Dispatch thread (never on one of the few threads Swift
/// tasks share, which the server under test needs), and every wait has its own bound.
final class RawConnection: Sendable {
    private let descriptor: Int32
    private let closed = Mutex(false)

    /// How a read ended.
    enum End: Equatable, CustomStringConvertible {
        /// The server closed its side (FIN).
        case closed
        /// The server reset the connection.
        case reset
        /// Still open when the bound passed.
        case stillOpen

        var description: String {
            switch self {
            case .closed: "closed"
            case .reset: "reset"
            case .stillOpen: "still open"
            }
        }
    }

    struct Received {
        var bytes: [UInt8]
        var end: End
        /// The responses in `bytes`, in order (a last one cut short is left out).
        var responses: [RawResponse] { RawResponse.parseAll(bytes) }
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// `receiveBuffer`: a small receive buffer, so a client that does not read is felt by the server at once.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "socket: \(String(cString: strerror(errno)))")
        if var size = receiveBuffer {
            _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            Issue.record("connect to 127.0.0.1:\(port): \(reason)")
            throw ConnectFailed()
        }
        self.descriptor = descriptor
    }

    struct ConnectFailed: Error {}

    deinit {
        if !closed.withLock({ $0 }) { Glibc.close(descriptor) }
    }

    /// Sends all of `bytes`; false when the server closed or reset first (or the socket was shut).
    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        await Self.onThread { [self] in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let sent = Glibc.send(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, Int32(MSG_NOSIGNAL))
                    if sent < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += sent
                }
                return true
            }
        }
    }

    func send(_ text: String) async -> Bool { await send(Array(text.utf8)) }

    /// Reads until the server closes or resets the connection, or `bound` passes.
    func readToEnd(within bound: Duration) async -> Received {
        await read(within: bound) { _ in false }
    }

    /// Reads until `count` whole responses have arrived, the connection ends, or `bound` passes.
    func readResponses(_ count: Int = 1, within bound: Duration) async -> Received {
        await read(within: bound) { RawResponse.parseAll($0).count >= count }
    }

    /// Waits, without reading, until the server closes or resets the connection (what is unread stays
    /// unread); false when it is still open after `bound`.
    func waitForServerToClose(within bound: Duration) async -> Bool {
        await Self.onThread { [self] in
            let deadline = ContinuousClock.now + bound
            while true {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { return false }
                var poller = pollfd(fd: descriptor, events: Self.peerClosed, revents: 0)
                let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
                let ready = poll(&poller, 1, milliseconds)
                if ready > 0, poller.revents & (Self.peerClosed | Int16(POLLHUP | POLLERR)) != 0 { return true }
            }
        }
    }

    /// `POLLRDHUP` (Linux): the peer closed its side; Glibc's module does not export the macro.
    private static let peerClosed: Int16 = 0x2000

    /// Closes our sending side (the server reads EOF), keeping the receiving side open.
    func shutdownWriting() { _ = shutdown(descriptor, Int32(SHUT_WR)) }

    /// Ends the connection at once: wakes a blocked `send`, then closes the descriptor.
    func close() {
        closed.withLock { closed in
            guard !closed else { return }
            _ = shutdown(descriptor, Int32(SHUT_RDWR))
            Glibc.close(descriptor)
            closed = true
        }
    }

    private func read(within bound: Duration, until done: @escaping @Sendable ([UInt8]) -> Bool) async -> Received {
        await Self.onThread { [self] in
            let deadline = ContinuousClock.now + bound
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                if done(bytes) { return Received(bytes: bytes, end: .stillOpen) }
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { return Received(bytes: bytes, end: .stillOpen) }
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
                let ready = poll(&poller, 1, milliseconds)
                if ready < 0, errno == EINTR { continue }
                guard ready > 0 else { continue }
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count == 0 { return Received(bytes: bytes, end: .closed) }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return Received(bytes: bytes, end: .reset)
                }
                bytes += chunk[0..<count]
            }
        }
    }

    private static func onThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }
}

/// One HTTP/1.1 response as read off the wire.
struct RawResponse {
    var status: Int
    /// Header names lowercased; a repeated header keeps its last value.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], "\(text)")
    }

    /// The whole responses in `bytes`: each head, then `content-length` bytes of body (no body
    /// when the header is absent: none of the answers read here is chunked or read-to-close).
    static func parseAll(_ bytes: [UInt8]) -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = bytes[...]
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while let end = rest.firstRange(of: separator) {
            let head = String(decoding: rest[rest.startIndex..<end.lowerBound], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else { break }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = headers["content-length"].flatMap { Int($0) } ?? 0
            let bodyStart = end.upperBound
            guard rest.distance(from: bodyStart, to: rest.endIndex) >= length else { break }
            let bodyEnd = rest.index(bodyStart, offsetBy: length)
            responses.append(RawResponse(status: status, headers: headers, body: Array(rest[bodyStart..<bodyEnd])))
            rest = rest[bodyEnd...]
        }
        return responses
    }
}
