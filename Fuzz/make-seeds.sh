#!/usr/bin/env bash
# Fuzz/make-seeds.sh: rebuilds the committed seed corpora Fuzz/Corpus/* from the shipped files and
# the test fixtures (each input named by its SHA-1, so duplicates collapse). Needs the fuzz
# package built (Fuzz/run.sh builds it): the artifact and signature seeds are written by the
# targets themselves, from the shipped regions and the fuzz-only key.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
bin=.build/${FUZZ_CONFIGURATION:-release}
export SWIFT_BACKTRACE=enable=no FUZZ_REPO_ROOT="$root" ASAN_OPTIONS=detect_leaks=0

add() { # add TARGET FILE...: copies each file no longer than the target's max_len
    local target=$1 max file
    shift
    max=$(awk -v t="$target" '$1 == t { print $3 }' targets.txt)
    mkdir -p "Corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] && [ "$(wc -c < "$file")" -le "$max" ] || continue
        cp "$file" "Corpus/$target/$(sha1sum < "$file" | cut -c1-40)"
    done
}
line_seeds() { # line_seeds TARGET < lines: one seed per line, without its newline
    local scratch count=0 line
    scratch=$(mktemp -d)
    while IFS= read -r line; do
        count=$((count + 1))
        printf '%s' "$line" > "$scratch/line-$count"
    done
    add "$1" "$scratch"/line-*
    rm -r "$scratch"
}

rm -rf Corpus Inputs
mkdir -p Corpus Inputs
mapfile -t fixtures < <(find "$root/Tests" -path '*/Fixtures/*' \( -name '*.yaml' -o -name '*.yml' \) | sort)
add region "$root"/regions/*.yaml "${fixtures[@]}"
add catalog-calendar "$root/regions/catalog.yaml" "$root"/calendars/*.yaml \
    $(printf '%s\n' "${fixtures[@]}" | grep -E '/catalog[^/]*\.ya?ml$|calendar' || true)

scratch=$(mktemp -d)
FUZZ_WRITE_SEEDS=$scratch "$bin/FuzzArtifactLoader"
cp "$scratch/gateway-config.json" Inputs/gateway-config.json
add artifact "$scratch"/*.json
FUZZ_WRITE_SEEDS=$scratch "$bin/FuzzSignature"
add signature "$scratch"/*.sig "$scratch/fuzz-release.pub"
rm -r "$scratch"

{
    awk 'NR % 125 == 1' "$root/examples/traffic.jsonl"
    cat "$root/Tests/PaymentRoutingTests/Fixtures/traffic/checkouts.jsonl"
    cat seeds/batch-lines.jsonl
} | line_seeds batch-line
line_seeds roundtrip < seeds/roundtrip.txt
# Outcome bodies: each line alone, and the first four (all good) as one JSON Lines body.
line_seeds outcome-line < seeds/outcome-lines.jsonl
head -4 seeds/outcome-lines.jsonl > "${TMPDIR:-/tmp}/outcome-body.jsonl"
add outcome-line "${TMPDIR:-/tmp}/outcome-body.jsonl"
rm "${TMPDIR:-/tmp}/outcome-body.jsonl"
# LSP input: each message of seeds/lsp-messages.jsonl framed with its Content-Length; the first
# four as one read; a Content-Type header; a bad header, then a good message; an oversize body.
scratch=$(mktemp -d)
count=0
while IFS= read -r line; do
    count=$((count + 1))
    printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$line" | wc -c)" "$line" > "$scratch/message-$count"
done < seeds/lsp-messages.jsonl
cat "$scratch"/message-{1,2,3,4} > "$scratch/session"
printf 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}' > "$scratch/content-type"
{ printf 'Content-Length: 12x\r\n\r\n'; cat "$scratch/message-2"; } > "$scratch/bad-header"
{ printf 'Content-Length: 99999\r\n\r\n%200s' ''; cat "$scratch/message-2"; } > "$scratch/oversize"
add lsp-message "$scratch"/*
rm -r "$scratch"
for target in Corpus/*; do echo "$target: $(ls "$target" | wc -l) inputs, $(cat "$target"/* | wc -c) bytes"; done
