"""What the tests do as an editor would: open, edit, wait for diagnostics, ask."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Callable, Sequence

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

# Generous: a debug build on a loaded 2-core CI machine, never reached when the server works.
TIMEOUT = 30.0

Diagnostics = Sequence[types.Diagnostic]


class ShippedTree:
    """The copy of the shipped tree a test works on."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, relative: str) -> Path:
        return self.root / relative

    def uri(self, relative: str) -> str:
        return self.path(relative).as_uri()

    def text(self, relative: str) -> str:
        return self.path(relative).read_text(encoding="utf-8")


class PublishedDiagnostics:
    """Every `textDocument/publishDiagnostics` as it arrives, with a way to wait for one that
    satisfies a test (the latest list per URI; an event wakes waiters, nothing sleeps)."""

    def __init__(self):
        self.by_uri: dict[str, list[types.Diagnostic]] = {}
        self.changed = asyncio.Event()

    def record(self, params: types.PublishDiagnosticsParams):
        self.by_uri[params.uri] = list(params.diagnostics)
        self.changed.set()

    async def until(self, uri: str, predicate: Callable[[Diagnostics], bool], what: str) -> Diagnostics:
        async def wait():
            while True:
                current = self.by_uri.get(uri)
                if current is not None and predicate(current):
                    return current
                self.changed.clear()
                await self.changed.wait()

        try:
            return await asyncio.wait_for(wait(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"no diagnostics for {uri} {what} within {TIMEOUT} s; last: {self.by_uri.get(uri)}")


async def start_client(regionc: Path, cwd: Path) -> LanguageClient:
    """`regionc lsp` started in `cwd`, with a client whose `published` records its diagnostics."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = PublishedDiagnostics()  # type: ignore[attr-defined]
    register_lsp_features(client, DEFAULT_CLIENT_FEATURES | {types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _publish})
    await client.start_io(str(regionc), "lsp", cwd=str(cwd))
    return client


def _publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
    client.diagnostics[params.uri] = params.diagnostics
    client.published.record(params)  # type: ignore[attr-defined]


def utf16_column(line: str, index: int) -> int:
    """The LSP column of `line[index]`: UTF-16 code units before it."""
    return len(line[:index].encode("utf-16-le")) // 2


def place(text: str, needle: str, occurrence: int = 0) -> types.Position:
    """Where `needle` starts in `text` (its `occurrence`-th appearance), in LSP terms."""
    seen = 0
    for number, line in enumerate(text.split("\n")):
        start = 0
        while (index := line.find(needle, start)) >= 0:
            if seen == occurrence:
                return types.Position(line=number, character=utf16_column(line, index))
            seen += 1
            start = index + 1
    raise AssertionError(f"`{needle}` is not in the text")


def span(text: str, needle: str, occurrence: int = 0) -> types.Range:
    start = place(text, needle, occurrence)
    return types.Range(start=start, end=types.Position(line=start.line,
                                                      character=start.character + utf16_column(needle, len(needle))))


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, f"`{old}` is not in the file"
    return text.replace(old, new, 1)


class Editor:
    """A connected client and the tree it edits."""

    def __init__(self, client: LanguageClient, tree: ShippedTree, initialized: types.InitializeResult):
        self.client = client
        self.tree = tree
        self.initialized = initialized
        self.versions: dict[str, int] = {}

    @property
    def capabilities(self) -> types.ServerCapabilities:
        return self.initialized.capabilities

    @property
    def published(self) -> PublishedDiagnostics:
        return self.client.published  # type: ignore[attr-defined]

    def open(self, relative: str, text: str | None = None) -> str:
        uri = self.tree.uri(relative)
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="yaml", version=1, text=self.tree.text(relative) if text is None else text)))
        return uri

    def edit(self, uri: str, at: types.Range, new_text: str):
        """One incremental change, as an editor sends a keystroke."""
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=at, text=new_text)]))

    def close_document(self, uri: str):
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    async def diagnostics(self, uri: str, predicate: Callable[[Diagnostics], bool], what: str) -> Diagnostics:
        return await self.published.until(uri, predicate, what)

    async def close(self):
        server = self.client._server
        if server is not None and server.returncode is None:
            await self.client.shutdown_session()
        await self.client.stop()
