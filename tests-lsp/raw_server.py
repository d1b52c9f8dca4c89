"""`regionc lsp` over raw pipes, for what a well-behaved client never sends: bytes written as
they are, messages read back as they come."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from editor import TIMEOUT


class RawServer:
    def __init__(self, process: asyncio.subprocess.Process):
        self.process = process
        self.received: list[dict[str, Any]] = []

    @classmethod
    async def start(cls, regionc: Path, cwd: Path) -> "RawServer":
        process = await asyncio.create_subprocess_exec(
            str(regionc), "lsp", cwd=str(cwd),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        return cls(process)

    async def write(self, raw: bytes):
        assert self.process.stdin is not None
        self.process.stdin.write(raw)
        await self.process.stdin.drain()

    async def send(self, message: dict[str, Any]):
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        await self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def _read_message(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        header = await self.process.stdout.readuntil(b"\r\n\r\n")
        length = None
        for line in header.decode("ascii").split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        assert length is not None, f"a message from the server without Content-Length: {header!r}"
        message = json.loads(await self.process.stdout.readexactly(length))
        self.received.append(message)
        return message

    async def next_where(self, predicate, what: str) -> dict[str, Any]:
        """The next message from the server that `predicate` accepts (notifications in between are kept)."""
        async def wait():
            while True:
                message = await self._read_message()
                if predicate(message):
                    return message
        try:
            return await asyncio.wait_for(wait(), TIMEOUT)
        except TimeoutError:
            raise AssertionError(f"no {what} within {TIMEOUT} s; received: {self.received}")

    async def response(self, id: Any) -> dict[str, Any]:
        return await self.next_where(lambda m: "method" not in m and m.get("id") == id, f"response to id {id!r}")

    async def request(self, id: Any, method: str, params: Any = None) -> dict[str, Any]:
        await self.send({"id": id, "method": method, **({} if params is None else {"params": params})})
        return await self.response(id)

    async def exit_status(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.close()
        return await asyncio.wait_for(self.process.wait(), TIMEOUT)

    def kill(self):
        if self.process.returncode is None:
            self.process.kill()
