import GatewayConfig
import Testing

/// Paths are input: joined and split lexically, whatever they look like (hardening issue 21,
/// item 10: a one-letter directory trapped in `NSString.deletingLastPathComponent`).
@Suite struct FilePathsTests {
    @Test(arguments: [
        ("regions", "calendars"), ("r", "calendars"), ("r/", "calendars"), ("r//", "calendars"),
        ("a/regions", "a/calendars"), ("a//regions/", "a/calendars"), ("/regions", "/calendars"),
        (".", "../calendars"), ("./", "../calendars"), ("", "../calendars"), ("..", "../../calendars"),
        ("a/..", "a/../../calendars"), ("a/.", "a/./../calendars"), ("/", "/../calendars"),
        ("a b/r e", "a b/calendars"), ("é/ü", "é/calendars"), ("\u{FFFD}", "calendars"),
    ])
    func siblingOfEveryShapeOfPath(_ path: String, _ expected: String) {
        #expect(FilePaths.sibling("calendars", of: path) == expected)
    }

    @Test(arguments: [
        ("a", "b", "a/b"), ("a/", "b", "a/b"), ("", "b", "b"), (".", "b", "./b"), ("/", "b", "/b"),
        ("a", "/b", "a/b"), ("a", "b/c", "a/b/c"), ("a", "", "a"), ("r", "hk.yaml", "r/hk.yaml"),
    ])
    func joinKeepsTheNameBelowTheDirectory(_ directory: String, _ name: String, _ expected: String) {
        #expect(FilePaths.join(directory, name) == expected)
    }

    @Test(arguments: [
        ("a/b", "a", "b"), ("a/b/", "a", "b"), ("b", ".", "b"), ("/b", "/", "b"), ("/", "/", ""), ("", ".", ""),
        ("..", ".", ".."), ("r", ".", "r"),
    ])
    func splitNamesTheDirectoryAndTheLastComponent(_ path: String, _ directory: String, _ name: String) {
        let split = FilePaths.split(path)
        #expect(split.directory == directory && split.name == name)
        #expect(FilePaths.lastComponent(path) == name)
    }
}
