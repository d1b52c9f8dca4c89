#!/usr/bin/env bash
# Checks the README's Neovim configuration for `regionc lsp` for real: headless Neovim opens
# regions/hk.yaml (a copy, with a misspelt key) with the README's config as its only init.lua, and
# prints the diagnostics it received; exit 1 when there are none.
# The config is the README block marked `<!-- nvim-config: X -->` for the Neovim in use: 0.11
# (vim.lsp.config / vim.lsp.enable) from Neovim 0.11 on, 0.8 (vim.lsp.start) from 0.8, 0.7
# (vim.lsp.start_client) before that (Debian 12's neovim is 0.7.2). NVIM_CONFIG=X picks a block.
# Needs: nvim (NVIM, default `nvim`), a built regionc (REGIONC, default .build/debug/regionc).
set -euo pipefail
cd "$(dirname "$0")/.."

nvim=${NVIM:-nvim}
regionc=$(realpath "${REGIONC:-.build/debug/regionc}")
version=$("$nvim" --version | head -1 | sed -E 's/^NVIM v([0-9]+)\.([0-9]+).*/\1 \2/')
read -r major minor <<<"$version"
if [[ -n ${NVIM_CONFIG:-} ]]; then config=$NVIM_CONFIG
elif (( major > 0 || minor >= 11 )); then config=0.11
elif (( minor >= 8 )); then config=0.8
else config=0.7
fi

work=$(mktemp -d /tmp/nvim-lsp-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tree" "$work/bin"
cp -R regions calendars schemas "$work/tree/"
sed -i 's/^timezone: Asia\/Hong_Kong$/timezon: Asia\/Hong_Kong/' "$work/tree/regions/hk.yaml"
grep -q '^timezon:' "$work/tree/regions/hk.yaml"
# The README's config runs `regionc` from PATH, as an installed one would.
ln -s "$regionc" "$work/bin/regionc"

# The lua block after the marker, up to its closing fence.
awk -v marker="<!-- nvim-config: $config -->" '
    $0 == marker { found = 1; next }
    found && /^```lua$/ { inside = 1; next }
    inside && /^```$/ { exit }
    inside { print }' README.md >"$work/init.lua"
[[ -s $work/init.lua ]] || { echo "nvim-lsp-check: README.md has no block marked nvim-config: $config" >&2; exit 2; }

cat >"$work/check.lua" <<'LUA'
-- Waits for the first diagnostics on the buffer (no sleep orders anything: vim.wait polls the
-- condition while Neovim's event loop handles the server's messages), prints them, quits.
local received = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  io.stdout:write(string.format('%s:%d:%d: [%s %s] %s\n', vim.fn.expand('%:t'), d.lnum + 1, d.col + 1,
    d.source or '?', code, d.message))
end
if not received then io.stdout:write('no diagnostics received\n') end
io.stdout:flush()
vim.cmd(received and 'qall!' or 'cquit! 1')
LUA

echo "nvim-lsp-check: $("$nvim" --version | head -1), README config for $config"
cd "$work/tree"
PATH="$work/bin:$PATH" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
    timeout 60 "$nvim" --headless -i NONE -u "$work/init.lua" -c "luafile $work/check.lua" regions/hk.yaml
