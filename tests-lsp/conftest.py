"""Fixtures of the `regionc lsp` end-to-end suite: a copy of the shipped tree in a temp dir, and
an editor-like client (pytest-lsp, Neovim 0.11's capabilities) connected to the built binary
started in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import client_capabilities

from editor import Editor, ShippedTree, start_client

REPO = Path(__file__).resolve().parent.parent
# `.ci/run` builds the debug binary; REGIONC points the suite at another (a release build).
REGIONC = Path(os.environ.get("REGIONC", REPO / ".build" / "debug" / "regionc"))


@pytest.fixture(scope="session")
def regionc() -> Path:
    if not REGIONC.is_file():
        pytest.fail(f"{REGIONC} is missing: run `swift build` first (or set REGIONC)")
    return REGIONC


@pytest.fixture
def tree(tmp_path: Path) -> ShippedTree:
    """regions/, calendars/ and schemas/ as shipped, in a folder of the test's own."""
    root = tmp_path / "tree"
    for folder in ("regions", "calendars", "schemas"):
        shutil.copytree(REPO / folder, root / folder)
    return ShippedTree(root)


@pytest_asyncio.fixture
async def editor(regionc: Path, tree: ShippedTree):
    """A client that has initialized `regionc lsp` on the tree; shut down cleanly afterwards."""
    client = await start_client(regionc, cwd=tree.root)
    result = await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("neovim@v0.11.0"),
        root_uri=tree.root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tree.root.as_uri(), name="tree")],
    ))
    editor = Editor(client, tree, result)
    yield editor
    await editor.close()
