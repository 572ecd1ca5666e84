#!/bin/sh
# parallel.test.sh - any number of worker threads gives byte-identical output: graph and
# jsonl, on samples/ and the dev corpus, and on a batch long enough to wrap the ring of
# slots many times (with unreadable and duplicate inputs among the documents, whose reports
# must come in input order too).
. tests/lib.sh

inputs=$(ls samples/*.txt ../shared/corpus/dev/*.txt 2>/dev/null)
for fmt in graph jsonl; do
    # shellcheck disable=SC2086
    whomet -j 1 -f $fmt -o "$tmp/one.$fmt" $inputs
    # shellcheck disable=SC2086
    whomet -j 2 -f $fmt -o "$tmp/two.$fmt" $inputs
    cmp -s "$tmp/one.$fmt" "$tmp/two.$fmt" && ok "$fmt: -j 1 and -j 2 write the same bytes" ||
        { not_ok "$fmt: -j 1 and -j 2 write the same bytes"; diff "$tmp/one.$fmt" "$tmp/two.$fmt" | head -n 20; }
done

# 144 documents: the samples under many names, plus a missing file and a duplicate id every so often
mkdir -p "$tmp/many" "$tmp/other"
: >"$tmp/list"
docs=0
for round in 1 2 3 4 5 6 7 8 9 10 11 12; do
    for f in samples/*.txt; do
        docs=$((docs + 1))
        cp "$f" "$tmp/many/doc$docs.txt"
        echo "$tmp/many/doc$docs.txt" >>"$tmp/list"
        if [ $((docs % 37)) -eq 0 ]; then echo "$tmp/many/missing$docs.txt" >>"$tmp/list"; fi
        if [ $((docs % 41)) -eq 0 ]; then
            cp "$f" "$tmp/other/doc$docs.txt"
            echo "$tmp/other/doc$docs.txt" >>"$tmp/list"
        fi
    done
done
for fmt in graph jsonl; do
    whomet -j 1 -f $fmt --files-from "$tmp/list" >"$tmp/l1.$fmt" 2>"$tmp/e1.$fmt"
    s1=$?
    whomet -j 2 -f $fmt --files-from "$tmp/list" >"$tmp/l2.$fmt" 2>"$tmp/e2.$fmt"
    s2=$?
    whomet -j 7 -f $fmt --files-from "$tmp/list" >"$tmp/l7.$fmt" 2>"$tmp/e7.$fmt"
    expect_status 1 "$s1" "$fmt, $docs documents with bad inputs among them, -j 1"
    expect_status 1 "$s2" "$fmt, the same, -j 2"
    cmp -s "$tmp/l1.$fmt" "$tmp/l2.$fmt" && cmp -s "$tmp/l1.$fmt" "$tmp/l7.$fmt" &&
        ok "$fmt: $docs documents, -j 1, 2 and 7 write the same bytes" ||
        not_ok "$fmt: $docs documents, -j 1, 2 and 7 write the same bytes"
    cmp -s "$tmp/e1.$fmt" "$tmp/e2.$fmt" && cmp -s "$tmp/e1.$fmt" "$tmp/e7.$fmt" &&
        ok "$fmt: skipped inputs are reported in input order whatever the threads" ||
        { not_ok "$fmt: skipped inputs are reported in input order whatever the threads"; diff "$tmp/e1.$fmt" "$tmp/e7.$fmt"; }
done
expect_lines 6 "$tmp/e1.jsonl" "six bad inputs, six reports"
expect_grep "missing37.txt: cannot open" "$tmp/e1.jsonl" "a missing file is named"
expect_grep "other/doc41.txt: duplicate document id" "$tmp/e1.jsonl" "a duplicate id is named"
[ "$(wc -l <"$tmp/l2.jsonl")" -eq "$docs" ] && ok "jsonl: one line per readable document" ||
    not_ok "jsonl: one line per readable document ($(wc -l <"$tmp/l2.jsonl") for $docs)"

whomet -j 0 samples/*.txt >/dev/null 2>"$tmp/err"
expect_status 2 $? "-j 0 is a usage error"
whomet --jobs 2 -f jsonl samples/01_*.txt >/dev/null
expect_status 0 $? "--jobs N is -j N"
finish
