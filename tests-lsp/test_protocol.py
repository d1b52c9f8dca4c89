"""Bad input is a JSON-RPC error, never a crash: the server answers it and keeps serving; an
unknown method is MethodNotFound; `shutdown` then `exit` ends the process with status 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygls.exceptions import JsonRpcMethodNotFound

from editor import Editor, ShippedTree, replaced
from raw_server import RawServer

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601


@pytest.fixture
async def raw(regionc: Path, tree: ShippedTree):
    server = await RawServer.start(regionc, tree.root)
    initialized = await server.request(1, "initialize", {"processId": None, "rootUri": tree.root.as_uri(), "capabilities": {}})
    assert "capabilities" in initialized["result"], initialized
    await server.send({"method": "initialized", "params": {}})
    yield server
    server.kill()


def is_error(code):
    return lambda m: "method" not in m and m.get("error", {}).get("code") == code


@pytest.mark.parametrize("raw_bytes, code", [
    pytest.param(b"Content-Length: twelve\r\n\r\n", PARSE_ERROR, id="a Content-Length that is not a number"),
    pytest.param(b"Content-Type: application/json\r\n\r\n", PARSE_ERROR, id="a header without Content-Length"),
    pytest.param(b"Content-Length: 24\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\":", PARSE_ERROR, id="a body that is not JSON"),
    pytest.param(b"Content-Length: 2\r\n\r\n[]", INVALID_REQUEST, id="JSON that is not a message"),
    pytest.param(b"X-Padding: " + b"a" * 5_000 + b"\r\n\r\n", PARSE_ERROR, id="a header over the 4 KiB cap"),
    # Over the 16 MiB cap: refused when its header is read, its body dropped as it arrives.
    pytest.param(b"Content-Length: %d\r\n\r\n" % (16 * 2**20 + 1) + b" " * (16 * 2**20 + 1), INVALID_REQUEST,
                 id="a body over the 16 MiB cap"),
])
async def test_a_malformed_message_is_answered_with_an_error_and_the_server_keeps_serving(
        raw: RawServer, tree: ShippedTree, raw_bytes: bytes, code: int):
    await raw.write(raw_bytes)
    refusal = await raw.next_where(is_error(code), f"error {code}")
    assert refusal["id"] is None
    assert refusal["error"]["message"]

    # Still serving: a buffer with a mistake is checked.
    broken = replaced(tree.text("regions/hk.yaml"), "timezone:", "timezon:")
    uri = tree.uri("regions/hk.yaml")
    await raw.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": broken}}})
    published = await raw.next_where(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
        "diagnostics for the buffer opened after the malformed message")
    assert "RC0202" in [d["code"] for d in published["params"]["diagnostics"]]

    assert (await raw.request(2, "shutdown"))["result"] is None
    await raw.send({"method": "exit"})
    assert await raw.exit_status() == 0


async def test_an_unknown_method_and_a_request_of_the_wrong_shape_are_errors_with_their_ids(raw: RawServer):
    unknown = await raw.request(7, "regionc/noSuchMethod", {})
    assert unknown["error"]["code"] == METHOD_NOT_FOUND
    assert "regionc/noSuchMethod" in unknown["error"]["message"]
    # A string id is answered under the same id.
    assert (await raw.request("eight", "textDocument/noSuchMethod", {}))["error"]["code"] == METHOD_NOT_FOUND
    assert (await raw.request(9, "shutdown"))["result"] is None
    await raw.send({"method": "exit"})
    assert await raw.exit_status() == 0


async def test_an_unknown_method_through_the_client_is_method_not_found(editor: Editor):
    with pytest.raises(JsonRpcMethodNotFound):
        await editor.client.protocol.send_request_async("regionc/noSuchMethod", {})
    # The connection still answers.
    uri = editor.open("regions/hk.yaml", replaced(editor.tree.text("regions/hk.yaml"), "timezone:", "timezon:"))
    await editor.diagnostics(uri, lambda d: any(e.code == "RC0202" for e in d), "after the unknown method")


async def test_shutdown_then_exit_ends_the_server_with_status_0(editor: Editor):
    await editor.client.shutdown_async(None)
    editor.client.exit(None)
    server = editor.client._server
    assert server is not None
    assert await server.wait() == 0


async def test_exit_without_shutdown_ends_the_server_with_status_1(editor: Editor):
    editor.client.exit(None)
    server = editor.client._server
    assert server is not None
    assert await server.wait() == 1
