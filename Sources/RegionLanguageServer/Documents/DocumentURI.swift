import Foundation

/// `file://` URIs and the paths the compiler names files by, converted in one place.
package enum DocumentURI {
    /// The file path of a `file:` URI (percent-escapes decoded), nil for another scheme.
    package static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// The `file:` URI of an absolute path.
    package static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}
