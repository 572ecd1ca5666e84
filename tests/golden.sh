#!/bin/sh
# golden.sh - runs whomet over samples/*.txt in graph and jsonl format and diffs the output
# against the checked-in tests/golden/samples.graph.json and tests/golden/samples.jsonl.
# Usage: sh tests/golden.sh [--update]   (--update rewrites the golden files: `make golden-update`)
# Extraction changes move the golden files on purpose; review the diff, then update them.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

golden=tests/golden
whomet -o "$tmp/samples.graph.json" samples/*.txt || not_ok "whomet (graph) failed on samples/"
whomet --format jsonl -o "$tmp/samples.jsonl" samples/*.txt || not_ok "whomet (jsonl) failed on samples/"
[ "$failures" -eq 0 ] || finish

if [ "$1" = "--update" ]; then
    mkdir -p "$golden"
    cp "$tmp/samples.graph.json" "$tmp/samples.jsonl" "$golden/"
    echo "updated $golden/samples.graph.json and $golden/samples.jsonl"
    exit 0
fi
for f in samples.graph.json samples.jsonl; do
    if [ ! -f "$golden/$f" ]; then
        not_ok "$golden/$f is missing (make golden-update)"
    elif diff -u "$golden/$f" "$tmp/$f" >"$tmp/diff"; then
        ok "$f matches $golden/$f"
    else
        not_ok "$f differs from $golden/$f (review, then make golden-update):"
        head -n 60 "$tmp/diff"
    fi
done
finish
