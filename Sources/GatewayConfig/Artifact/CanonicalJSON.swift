import Foundation

/// Canonical JSON for artifacts: keys sorted by their UTF-8 bytes, no insignificant whitespace,
/// integers only (money is minor units; a floating-point value is refused), `/` unescaped,
/// absent optionals omitted. The same value always gives the same bytes, on every machine.
///
/// A small encoder of its own rather than Foundation's `JSONEncoder`: the artifact's format must
/// not drift with Foundation's formatting choices, and it is several times faster on large configs.
package enum CanonicalJSON {
    package static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try encodeBytes(value))
    }

    static func encodeBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = JSONNode()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        root.write(into: &output)
        return output
    }

    /// Canonical bytes placed as they are. Lets parts of a large value be encoded apart, on
    /// several cores, and joined: canonical form is compositional, so the bytes are the same.
    struct Preencoded: Encodable {
        let bytes: [UInt8]

        /// Only `CanonicalJSON` knows to place the bytes; any other encoder is refused.
        func encode(to encoder: any Encoder) throws {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                         debugDescription: "pre-encoded bytes are for CanonicalJSON only"))
        }
    }
}

/// A value being built. Containers mutate it in place (a class), so nested containers can be
/// filled in any order the `Encodable` implementation chooses.
final class JSONNode {
    /// A finished scalar, already in JSON text (`null`, `true`, `42`), or a string to escape.
    var scalar: [UInt8]?
    var string: String?
    var array: [JSONNode]?
    var object: [String: JSONNode]?

    func write(into output: inout [UInt8]) {
        if let object {
            output.append(UInt8(ascii: "{"))
            let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                object[key]?.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        } else if let array {
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        } else if let string {
            Self.writeString(string, into: &output)
        } else {
            output += scalar ?? Array("null".utf8)
        }
    }

    static func writeString(_ string: String, into output: inout [UInt8]) {
        JSONText.writeString(string, into: &output)
    }
}

struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.object == nil { node.object = [:] }
        return KeyedEncodingContainer(KeyedNodeContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.array == nil { node.array = [] }
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Encodes one value into a node: shared by all three container kinds. Coding paths are not
/// extended per key (that allocation dominated large artifacts); errors name the container's path.
private func encodeValue<T: Encodable>(_ value: T, into node: JSONNode, codingPath: [any CodingKey]) throws {
    // Metatype comparisons first: far cheaper than a dynamic cast per value on large artifacts.
    if T.self == CanonicalJSON.Preencoded.self, let preencoded = value as? CanonicalJSON.Preencoded {
        node.scalar = preencoded.bytes
        return
    }
    if T.self == String.self, let text = value as? String {
        node.string = text
        return
    }
    if T.self == Int.self || T.self == Int64.self || T.self == Int32.self || T.self == UInt64.self || T.self == UInt32.self {
        node.scalar = Array("\(value)".utf8)
        return
    }
    switch value {
    case let flag as Bool: node.scalar = Array((flag ? "true" : "false").utf8)
    case is Double, is Float:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath,
                                                      debugDescription: "canonical artifacts hold integers only"))
    default:
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONNode {
        let child = JSONNode()
        node.object?[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = Array("null".utf8) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: child(key), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(key), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    private func next() -> JSONNode {
        let child = JSONNode()
        node.array?.append(child)
        return child
    }

    mutating func encodeNil() throws { next().scalar = Array("null".utf8) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: next(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: next(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = Array("null".utf8) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node, codingPath: codingPath)
    }
}
