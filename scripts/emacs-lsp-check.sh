#!/usr/bin/env bash
# Checks the README's Emacs configuration (eglot) for `regionc lsp` for real: Emacs in batch mode
# opens regions/hk.yaml (a copy, with a misspelt key) with the README's elisp block loaded, and
# prints the diagnostics flymake received from the server; exit 1 when there are none.
# Needs: Emacs with eglot and yaml-mode (Debian 12: apt-get install emacs-nox elpa-eglot
# elpa-yaml-mode; Emacs 29+ has eglot built in), a built regionc (REGIONC, default .build/debug/regionc).
# Not in .ci/run: the Neovim check covers the server as an editor sees it, in a second.
set -euo pipefail
cd "$(dirname "$0")/.."

regionc=$(realpath "${REGIONC:-.build/debug/regionc}")
work=$(mktemp -d /tmp/emacs-lsp-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tree" "$work/bin"
cp -R regions calendars schemas "$work/tree/"
sed -i 's/^timezone: Asia\/Hong_Kong$/timezon: Asia\/Hong_Kong/' "$work/tree/regions/hk.yaml"
grep -q '^timezon:' "$work/tree/regions/hk.yaml"
ln -s "$regionc" "$work/bin/regionc"

# The README's elisp block (the Emacs one), up to its closing fence.
awk '/^\*\*Emacs\*\*/ { found = 1 } found && /^```elisp$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' \
    README.md >"$work/init.el"
[[ -s $work/init.el ]] || { echo "emacs-lsp-check: README.md has no Emacs elisp block" >&2; exit 2; }

cat >"$work/check.el" <<'ELISP'
;; Packages as an interactive Emacs has them (Debian's elpa-* too), then the README's block.
(package-initialize)
(load (expand-file-name "../init.el"))
(find-file "regions/hk.yaml")
;; eglot-ensure connects on the next command; batch Emacs runs none, so run the hook once.
(run-hooks 'post-command-hook)
;; accept-process-output runs the server's messages until flymake has diagnostics (or 30 s).
(with-timeout (30 nil)
  (while (null (flymake-diagnostics)) (accept-process-output nil 0.05)))
(dolist (d (flymake-diagnostics))
  (princ (format "hk.yaml:%d: %s\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
(unless (flymake-diagnostics) (princ "no diagnostics received\n"))
(kill-emacs (if (flymake-diagnostics) 0 1))
ELISP

echo "emacs-lsp-check: $(emacs --version | head -1)"
cd "$work/tree"
# Emacs's own messages (loading, eglot's) go to a log, shown when the check fails.
if ! PATH="$work/bin:$PATH" HOME="$work" timeout 60 emacs --batch -q -l "$work/check.el" 2>"$work/emacs.log"; then
    cat "$work/emacs.log" >&2
    exit 1
fi
