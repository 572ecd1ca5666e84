#!/bin/sh
# cli.test.sh - the command line: options, exit codes, standard input, document ids, -o, the
# data directory, and bad input (missing, directory, empty, binary, invalid UTF-8, too large),
# each reported in one stderr line naming the file while the other documents still come out.
. tests/lib.sh

good=samples/01_bmas_fachdialog_ghana.txt

# --- options ----------------------------------------------------------------------------
whomet --help >"$tmp/out" 2>"$tmp/err"
expect_status 0 $? "--help"
expect_grep '^usage: whomet \[OPTIONS\] \[FILE\.\.\.\]' "$tmp/out" "--help shows the synopsis"
expect_grep 'graph\|jsonl' "$tmp/out" "--help lists the formats"
expect_grep '^Exit status: 0 ' "$tmp/out" "--help documents the exit status"
whomet --version >"$tmp/out"
expect_status 0 $? "--version"
expect_grep '^whomet [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" "--version prints the version"

for args in "--no-such-option" "-z" "--format" "--format xml" "--dct 2025-13-01" "--dct yesterday" "--max-doc-size 12X" \
    "--max-doc-size 0" "--match-limit -1"; do
    # shellcheck disable=SC2086
    whomet $args "$good" >"$tmp/out" 2>"$tmp/err"
    expect_status 2 $? "usage error: $args"
    expect_lines 1 "$tmp/err" "usage error '$args' is one line"
done

# --- documents: ids, standard input, formats -------------------------------------------
mkdir -p "$tmp/docs"
printf 'Die Ministerin traf den Botschafter.\n' >"$tmp/docs/press.2025.txt"
printf 'Der Minister traf die Botschafterin.\n' >"$tmp/docs/noext"
whomet --format jsonl "$tmp/docs/press.2025.txt" "$tmp/docs/noext" >"$tmp/out"
expect_status 0 $? "two documents"
expect_grep '"doc": ?"press\.2025"' "$tmp/out" "id is the base name without its last extension"
expect_grep '"doc": ?"noext"' "$tmp/out" "a name without extension is its own id"
expect_lines 2 "$tmp/out" "jsonl: one line per document"
expect_grep '"chars": ?37' "$tmp/out" "chars counts code points"

printf 'Die Ministerin traf den Botschafter.\n' | whomet --format jsonl >"$tmp/out"
expect_status 0 $? "standard input"
expect_grep '"doc": ?"stdin".*"source": ?"-"' "$tmp/out" "standard input is document 'stdin' from '-'"
printf 'Die Ministerin traf den Botschafter.\n' | whomet --format jsonl - "$tmp/docs/noext" >"$tmp/out"
expect_lines 2 "$tmp/out" "'-' among files reads standard input"

whomet "$good" >"$tmp/out"
expect_status 0 $? "graph by default"
python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))
assert g["directed"] is False and g["multigraph"] is True, "directed/multigraph"
assert [d["id"] for d in g["graph"]["documents"]] == ["01_bmas_fachdialog_ghana"], g["graph"]["documents"]
assert isinstance(g["nodes"], list) and isinstance(g["links"], list)
' "$tmp/out" && ok "graph output has the contract's top level" || not_ok "graph output has the contract's top level"

# --- -o FILE ----------------------------------------------------------------------------
whomet -o "$tmp/g.json" "$good" >"$tmp/out"
expect_status 0 $? "-o FILE"
[ -s "$tmp/g.json" ] && [ ! -s "$tmp/out" ] && ok "-o writes the file, not standard output" ||
    not_ok "-o writes the file, not standard output"
ls "$tmp" | grep -q '\.tmp\.' && not_ok "-o leaves no temporary file" || ok "-o leaves no temporary file"
whomet -o "$tmp/no/such/dir/g.json" "$good" 2>"$tmp/err"
expect_status 5 $? "-o into a missing directory"
expect_grep "no/such/dir/g\.json: cannot write" "$tmp/err" "the output error names the file"
if [ -w /dev/full ]; then
    whomet "$good" >/dev/full 2>"$tmp/err"
    expect_status 5 $? "a full device"
    expect_lines 1 "$tmp/err" "a write error is one line"
fi

# --- the data directory -----------------------------------------------------------------
whomet --data "$tmp/nowhere" "$good" >"$tmp/out" 2>"$tmp/err"
expect_status 3 $? "--data without data"
expect_grep "nowhere/gazetteers: cannot open data directory" "$tmp/err" "a missing data directory is named"
mkdir -p "$tmp/data"
cp -R gazetteers rules "$tmp/data/"
printf 'Ministerin\tMinister\tgender=f;class\n' >>"$tmp/data/gazetteers/roles.extra.tsv"
n=$(wc -l <"$tmp/data/gazetteers/roles.extra.tsv")
whomet --data "$tmp/data" "$good" >"$tmp/out" 2>"$tmp/err"
expect_status 3 $? "a broken gazetteer line"
expect_grep "^whomet: $tmp/data/gazetteers/roles\.extra\.tsv:$n:30: attribute is not key=value\$" "$tmp/err" \
    "a broken gazetteer line is reported as file:line:col"
rm -rf "$tmp/data"
mkdir -p "$tmp/data"
cp -R gazetteers rules "$tmp/data/"
printf 'person.broken kind=person /(?<name>\\p{Lu}+/\n' >>"$tmp/data/rules/persons.rules"
n=$(wc -l <"$tmp/data/rules/persons.rules")
WHOMET_DATA="$tmp/data" whomet "$good" >"$tmp/out" 2>"$tmp/err"
expect_status 3 $? "a broken rule line, data from WHOMET_DATA"
expect_grep "^whomet: $tmp/data/rules/persons\.rules:$n:[0-9]+: rule person\.broken: missing closing parenthesis\$" \
    "$tmp/err" "a broken rule is reported as file:line:col with PCRE2's message"
if [ -d "$(dirname "$WHOMET")/gazetteers" ]; then
    env -u WHOMET_DATA $RUNNER "$WHOMET" "$good" >"$tmp/out" 2>"$tmp/err"
    expect_status 0 $? "without --data the build tree's data is found next to the binary"
fi

# --- bad input --------------------------------------------------------------------------
mkdir -p "$tmp/bad"
: >"$tmp/bad/empty.txt"
printf 'Text\000mit NUL\n' >"$tmp/bad/binary.txt"
printf 'M\303\274ller und M\374ller\n' >"$tmp/bad/broken.txt" # valid UTF-8, then a Latin-1 byte at 13
mkdir "$tmp/bad/folder.txt"
# a 100 MB single line: over the default --max-doc-size of 32M
dd if=/dev/zero bs=1048576 count=100 2>/dev/null | tr '\000' 'a' >"$tmp/bad/huge.txt"
for case in "missing.txt:cannot open: No such file or directory" "empty.txt:empty file" \
    "binary.txt:byte 4: binary file \\(NUL byte\\)" "broken.txt:byte 13: invalid UTF-8" "folder.txt:is a directory" \
    "huge.txt:document too large \\(104857600 bytes; the limit is 33554432, see --max-doc-size\\)"; do
    name=${case%%:*}
    message=${case#*:}
    whomet --format jsonl "$tmp/docs/noext" "$tmp/bad/$name" "$tmp/docs/press.2025.txt" >"$tmp/out" 2>"$tmp/err"
    expect_status 1 $? "bad input $name"
    expect_lines 1 "$tmp/err" "bad input $name: one line on stderr"
    expect_grep "^whomet: skipped $tmp/bad/$name: $message\$" "$tmp/err" "bad input $name: the line names the file"
    expect_lines 2 "$tmp/out" "bad input $name: the other documents are still written"
done
# all at once, graph format: each bad file one line, the good ones in the graph
whomet "$tmp/bad/missing.txt" "$tmp/bad/empty.txt" "$tmp/bad/binary.txt" "$tmp/bad/broken.txt" "$tmp/bad/folder.txt" \
    "$tmp/bad/huge.txt" "$good" "$tmp/docs/noext" >"$tmp/out" 2>"$tmp/err"
expect_status 1 $? "six bad inputs and two good ones"
expect_lines 6 "$tmp/err" "six bad inputs: six lines"
python3 -c '
import json, sys
ids = [d["id"] for d in json.load(open(sys.argv[1]))["graph"]["documents"]]
assert ids == ["01_bmas_fachdialog_ghana", "noext"], ids
' "$tmp/out" && ok "the good documents are in the graph" || not_ok "the good documents are in the graph"
# the limit also holds for standard input, which has no size to look at
dd if=/dev/zero bs=1048576 count=40 2>/dev/null | tr '\000' 'a' | whomet --format jsonl >"$tmp/out" 2>"$tmp/err"
expect_status 1 $? "too much standard input"
expect_grep "^whomet: skipped -: document too large \\(more than 33554432 bytes, see --max-doc-size\\)\$" "$tmp/err" \
    "too much standard input is one line"
whomet --max-doc-size 10 "$tmp/docs/noext" >"$tmp/out" 2>"$tmp/err"
expect_status 1 $? "--max-doc-size 10"
expect_grep "document too large \\(37 bytes; the limit is 10" "$tmp/err" "--max-doc-size is honoured"
whomet --max-doc-size 1K "$tmp/docs/noext" >"$tmp/out" 2>"$tmp/err"
expect_status 0 $? "--max-doc-size 1K"
# two inputs with the same base name would share a document id
mkdir -p "$tmp/other"
cp "$tmp/docs/noext" "$tmp/other/noext"
whomet --format jsonl "$tmp/docs/noext" "$tmp/other/noext" >"$tmp/out" 2>"$tmp/err"
expect_status 1 $? "duplicate document id"
expect_grep "^whomet: skipped $tmp/other/noext: duplicate document id" "$tmp/err" "the duplicate is named"
expect_lines 1 "$tmp/out" "the first of the duplicates is written"

# --- encodings --------------------------------------------------------------------------
printf 'Die Staatssekret\344rin traf \204Herrn M\374ller\223 \226 gestern.\n' >"$tmp/docs/latin.txt"
printf '\377\376D\000r\000.\000 \000M\000\374\000l\000l\000e\000r\000\n\000' >"$tmp/docs/utf16.txt"
printf '\357\273\277Dr. M\303\274ller\n' >"$tmp/docs/bom.txt"
whomet --format jsonl --explain "$tmp/docs/latin.txt" "$tmp/docs/utf16.txt" "$tmp/docs/bom.txt" >"$tmp/out" 2>"$tmp/err"
expect_status 0 $? "legacy, UTF-16 and BOM input"
expect_grep '"encoding": ?"windows-1252".*"text": ?"Die Staatssekretärin traf „Herrn Müller“ – gestern\."' "$tmp/out" \
    "Windows-1252 is detected and converted"
expect_grep '"encoding": ?"UTF-16LE".*"text": ?"Dr\. Müller"' "$tmp/out" "UTF-16 with BOM is decoded"
expect_grep '"chars": ?12.*"encoding": ?"UTF-8 \(BOM\)".*"start": ?1' "$tmp/out" \
    "a UTF-8 BOM is character 0 and offsets count it"

finish
