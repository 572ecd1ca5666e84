# lib.sh - sourced by the tests/*.test.sh scripts: the binary under test, a temporary
# directory removed on exit, and checks that count failures. Run from the repository root.
: "${WHOMET:=./whomet}"
# the build tree's data, unless the caller chose other data (install.test.sh unsets it)
: "${WHOMET_DATA:=$PWD}"
export WHOMET_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

whomet() { $RUNNER "$WHOMET" "$@"; }

ok() { echo "ok   $*"; }
not_ok() { echo "FAIL $*"; failures=$((failures + 1)); }

# expect_status WANT GOT DESCRIPTION
expect_status() {
    if [ "$2" -eq "$1" ]; then ok "$3 (exit $2)"; else not_ok "$3: exit $2, expected $1"; fi
}

# expect_grep PATTERN FILE DESCRIPTION: an extended regex that must match a line of FILE
expect_grep() {
    if grep -Eq -- "$1" "$2"; then ok "$3"; else not_ok "$3: no line matches /$1/ in:"; sed 's/^/     | /' "$2" | head -n 20; fi
}

expect_no_grep() {
    if grep -Eq -- "$1" "$2"; then not_ok "$3: /$1/ matches in:"; sed 's/^/     | /' "$2" | head -n 20; else ok "$3"; fi
}

# expect_lines N FILE DESCRIPTION
expect_lines() {
    n=$(wc -l <"$2")
    if [ "$n" -eq "$1" ]; then ok "$3"; else not_ok "$3: $n lines, expected $1:"; sed 's/^/     | /' "$2" | head -n 20; fi
}

# finish: the script's exit status
finish() {
    if [ "$failures" -eq 0 ]; then exit 0; fi
    echo "$failures check(s) failed"
    exit 1
}
