import Foundation
import TestSupport
import Testing

/// `regionc lsp` as an editor starts it: what only the process shows (its exit status, that
/// standard output carries framed messages and nothing else, that standard error stays quiet).
/// The protocol itself is tested in-process (RegionLanguageServerTests).
@Suite struct LanguageServerCLITests {
    static func framed(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }

    static let initialize = framed(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
    static let initialized = framed(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    static let shutdown = framed(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
    static let exit = framed(#"{"jsonrpc":"2.0","method":"exit"}"#)

    /// Standard output cut into message bodies; nil when anything but whole frames is in it.
    static func bodies(_ output: Data) -> [[String: Any]]? {
        var rest = Array(output)
        var bodies: [[String: Any]] = []
        let separator = Array("\r\n\r\n".utf8)
        while !rest.isEmpty {
            guard let end = (0...Swift.max(0, rest.count - 4)).first(where: { rest.count >= $0 + 4 && Array(rest[$0..<($0 + 4)]) == separator }),
                  case let header = String(decoding: rest[..<end], as: UTF8.self), header.hasPrefix("Content-Length: "),
                  let length = Int(header.dropFirst(16)), rest.count >= end + 4 + length,
                  let body = try? JSONSerialization.jsonObject(with: Data(rest[(end + 4)..<(end + 4 + length)])) as? [String: Any]
            else { return nil }
            bodies.append(body)
            rest = Array(rest[(end + 4 + length)...])
        }
        return bodies
    }

    struct Session: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let status: Int32
        var testDescription: String { name }
    }

    static let sessions: [Session] = [
        Session(name: "shutdown then exit", input: initialize + initialized + shutdown + exit, status: 0),
        Session(name: "exit without shutdown", input: initialize + initialized + exit, status: 1),
        Session(name: "the editor goes away (end of input)", input: initialize + initialized, status: 1),
        Session(name: "shutdown, then the end of input", input: initialize + shutdown, status: 0),
    ]

    @Test("exit status, and standard output holds framed messages only", arguments: sessions)
    func session(_ session: Session) throws {
        let run = try CLI.run(["lsp", "--stdio"], stdin: Data(session.input.utf8), timeout: .seconds(60))
        #expect(run.status == session.status)
        #expect(run.stderr.isEmpty)
        let bodies = try #require(Self.bodies(run.output), "\(run.stdout)")
        let initialized = try #require(bodies.first { ($0["id"] as? Int) == 1 })
        let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-16")
        if session.input.contains(Self.shutdown) {
            #expect(bodies.contains { ($0["id"] as? Int) == 2 && $0.keys.contains("result") && $0["result"] is NSNull })
        }
    }
}
