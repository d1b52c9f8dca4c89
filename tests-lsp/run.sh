#!/usr/bin/env bash
# The end-to-end suite of `regionc lsp` (tests-lsp/README.md): pytest-lsp, pinned in
# requirements.txt, in a venv of its own under .build/ (its pytest never meets schemathesis's),
# against the built binary (REGIONC, default .build/debug/regionc). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/tests-lsp-venv
stamp="$venv/requirements.txt"
if ! cmp -s tests-lsp/requirements.txt "$stamp" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r tests-lsp/requirements.txt
    cp tests-lsp/requirements.txt "$stamp"
fi

export REGIONC=${REGIONC:-$PWD/.build/debug/regionc}
cd tests-lsp
exec "../$venv/bin/python" -m pytest -p no:cacheprovider "$@"
