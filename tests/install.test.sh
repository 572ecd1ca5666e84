#!/bin/sh
# install.test.sh - `make install` with DESTDIR and PREFIX puts the binary, the data under
# share/whomet and the man page in place; the installed binary finds its data without
# --data or WHOMET_DATA (through <exe>/../share/whomet), also after the tree is moved.
. tests/lib.sh
unset WHOMET_DATA

good=samples/01_bmas_fachdialog_ghana.txt
root="$tmp/root"
# the sub-make inherits the caller's variables (make asan installs the sanitizer build)
if ! make -s --no-print-directory install DESTDIR="$root" PREFIX=/usr >"$tmp/log" 2>&1; then
    not_ok "make install DESTDIR=$root PREFIX=/usr:"
    sed 's/^/     | /' "$tmp/log"
    finish
fi
ok "make install DESTDIR=... PREFIX=/usr"
[ -x "$root/usr/bin/whomet" ] && ok "binary in PREFIX/bin" || not_ok "binary in PREFIX/bin"
missing=0
for f in gazetteers/*.tsv rules/*.rules; do
    cmp -s "$f" "$root/usr/share/whomet/$f" || { not_ok "data file $f installed under PREFIX/share/whomet"; missing=1; }
done
[ $missing -eq 1 ] || ok "every gazetteer and rule file is under PREFIX/share/whomet"
man="$root/usr/share/man/man1/whomet.1"
expect_grep '^\.TH WHOMET 1' "$man" "man page in PREFIX/share/man/man1"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    grep -q "^\.SH \"*$section" "$man" || not_ok "man page has section $section"
done
if command -v groff >/dev/null 2>&1; then
    groff -man -ww -z "$man" 2>"$tmp/err" && [ ! -s "$tmp/err" ] && ok "man page formats without warnings" ||
        { not_ok "man page formats without warnings:"; cat "$tmp/err"; }
fi

"$root/usr/bin/whomet" --version >/dev/null || not_ok "installed binary runs"
WHOMET_DATA="$PWD" $RUNNER "$WHOMET" --format jsonl "$good" >"$tmp/expected"
(cd "$tmp" && $RUNNER "$root/usr/bin/whomet" --format jsonl "$OLDPWD/$good") >"$tmp/got" 2>"$tmp/err"
expect_status 0 $? "installed binary without --data, from another directory"
sed "s|$PWD/||" "$tmp/got" | cmp -s - "$tmp/expected" && ok "installed binary gives the build's output" ||
    not_ok "installed binary gives the build's output"
# compiled-in default is PREFIX/share/whomet of the build; a moved tree works all the same
mv "$root" "$tmp/moved"
$RUNNER "$tmp/moved/usr/bin/whomet" "$good" >"$tmp/got" 2>"$tmp/err"
expect_status 0 $? "moved installation finds its data in <exe>/../share/whomet"
# and it is that data it reads: break it and see the moved path in the message
printf 'Broken\tBroken\tno-equals-sign\n' >>"$tmp/moved/usr/share/whomet/gazetteers/roles.tsv"
$RUNNER "$tmp/moved/usr/bin/whomet" "$good" >"$tmp/got" 2>"$tmp/err"
expect_status 3 $? "moved installation with a broken gazetteer"
expect_grep "^whomet: $tmp/moved/usr/bin/\.\./share/whomet/gazetteers/roles\.tsv:[0-9]+:15: attribute is not key=value\$" \
    "$tmp/err" "the data read is the moved installation's"

make -s --no-print-directory uninstall DESTDIR="$tmp/moved" PREFIX=/usr >"$tmp/log" 2>&1
[ ! -e "$tmp/moved/usr/bin/whomet" ] && [ ! -e "$tmp/moved/usr/share/whomet" ] && [ ! -e "$tmp/moved/usr/share/man/man1/whomet.1" ] &&
    ok "make uninstall removes what install put there" || not_ok "make uninstall removes what install put there"
finish
