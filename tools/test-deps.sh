#!/bin/sh
# test-deps.sh - installs what the real-tool tests (tests/tools_*.test.sh) use, only what is
# missing: Graphviz, Chromium, networkx, node and npm from Debian, then the npm packages given as
# arguments into .test-deps/ (git-ignored). Chromium is Debian's: no browser is ever downloaded.
# Usage: sh tools/test-deps.sh NPM-PACKAGE@VERSION...
cd "$(dirname "$0")/.." || exit 2
pkgs=""
command -v dot >/dev/null || pkgs="$pkgs graphviz"
command -v chromium >/dev/null || pkgs="$pkgs chromium"
python3 -c "import networkx" 2>/dev/null || pkgs="$pkgs python3-networkx"
# node and npm may come from elsewhere than Debian (npm is then part of nodejs): only when missing
command -v node >/dev/null || pkgs="$pkgs nodejs"
command -v npm >/dev/null || pkgs="$pkgs npm"
# shellcheck disable=SC2086
[ -z "$pkgs" ] || sh tools/deps.sh $pkgs || exit 1
missing=""
for p in "$@"; do
    name=${p%@*}
    [ -f ".test-deps/node_modules/$name/package.json" ] &&
        [ "$(node -p "require('./.test-deps/node_modules/$name/package.json').version" 2>/dev/null)" = "${p##*@}" ] ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "npm install:$missing"
mkdir -p .test-deps
# all at once: npm removes what a --no-save install does not name
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --loglevel=error --prefix .test-deps "$@"
