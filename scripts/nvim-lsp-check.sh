#!/usr/bin/env bash
# Checks the README's Neovim configuration for `regionc lsp` for real: headless Neovim opens
# regions/hk.yaml (a copy, with a misspelt key) with the README's config as its only init.lua, and
# prints the diagnostics it received, a hover on an acquirer id and the completion after
# `acquirer: `; exit 1 when any of them is missing.
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
-- Waits for the first diagnostics on the buffer (vim.wait runs Neovim's event loop, which handles
-- the server's messages, until they are there), prints them, then a hover on an acquirer id and
-- the completion after `acquirer: `; quits with 1 when any of the three is missing.
local function say(text) io.stdout:write(text, '\n') end
local received = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  say(string.format('%s:%d:%d: [%s %s] %s', vim.fn.expand('%:t'), d.lnum + 1, d.col + 1, d.source or '?', code, d.message))
end
if not received then say('no diagnostics received') end

local function find(text)
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if line == text or line:find(text, 1, true) then return number - 1, line end
  end
end
local function request(method, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line, character = character } }
  for _, answer in pairs(vim.lsp.buf_request_sync(0, method, params, 10000) or {}) do
    if answer.result then return answer.result end
  end
end

local hover_line, text = find('acquirer: antom-hk')
local hover = hover_line and request('textDocument/hover', hover_line, text:find('antom-hk', 1, true))
local hover_text = hover and (hover.contents.value or hover.contents[1] or '') or ''
say('hover on antom-hk: ' .. (hover_text ~= '' and hover_text:gsub('\n', ' | ') or 'none'))

local edit_line = find('    acquirer: antom-sg')
vim.api.nvim_buf_set_lines(0, edit_line, edit_line + 1, false, { '    acquirer: ' })
local completion = request('textDocument/completion', edit_line, #'    acquirer: ')
local labels = {}
for _, item in ipairs(completion and (completion.items or completion) or {}) do table.insert(labels, item.label) end
say('completion after `acquirer: `: ' .. (#labels > 0 and table.concat(labels, ', ') or 'none'))

io.stdout:flush()
vim.cmd((received and hover_text ~= '' and #labels > 0) and 'qall!' or 'cquit! 1')
LUA

echo "nvim-lsp-check: $("$nvim" --version | head -1), README config for $config"
cd "$work/tree"
PATH="$work/bin:$PATH" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
    timeout 60 "$nvim" --headless -i NONE -u "$work/init.lua" -c "luafile $work/check.lua" regions/hk.yaml
