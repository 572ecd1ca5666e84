#!/bin/sh
# tools_chromium.test.sh - the html page in headless Chromium: it runs without a console message,
# draws one node per graph node, and shows a document holding <script> and onerror markup as
# text (checked on the DOM Chromium dumps, page.html#doc=ID opening that document). With npm
# playwright-core (make test-deps) it also zooms, pans, clicks a node and a link, opens every
# document and watches for network requests and dialogs (tests/tools/html_page.js).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
[ -n "$browser" ] || { echo "chromium is missing (make test-deps installs it)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is missing (make deps installs it)"; exit 77; }
inputs="samples/*.txt tests/data/html/000_xss.txt"
[ -d ../shared/corpus/dev ] && inputs="$inputs ../shared/corpus/dev/*.txt"
# shellcheck disable=SC2086
whomet -q --format html -o "$tmp/run.html" $inputs &&
    whomet merge -q --format html -o "$tmp/fixture.html" tests/data/graphs/*.json || { echo "whomet failed"; exit 1; }

chrome() {
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 --virtual-time-budget=10000 "$@"
}
for page in run.html fixture.html run.html#doc=000_xss; do
    chrome --dump-dom "file://$tmp/$page" >"$tmp/dom.html" 2>"$tmp/log" || { echo "chromium failed on $page"; tail -5 "$tmp/log"; exit 1; }
    if grep -q "CONSOLE" "$tmp/log"; then echo "$page: console messages:"; grep "CONSOLE" "$tmp/log"; exit 1; fi
    python3 - "$tmp/${page%%#*}" "$tmp/dom.html" "$page" <<'PY' || exit 1
import json, re, sys
page, dom, name = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8").read(), sys.argv[3]
data = json.loads(re.search(r'<script type="application/json" id="whomet-data">(.*?)</script>', page, re.S).group(1))
assert 'data-ready="true"' in dom, "%s: the script did not finish" % name
nodes = len(re.findall(r'<g class="node[ "]', dom))
links = len(re.findall(r'<g class="link[ "]', dom))
want_nodes, want_links = len(data["graph"]["nodes"]), len(data["graph"]["links"])
assert (nodes, links) == (want_nodes, want_links), "%s: drew %d nodes, %d links; graph has %d, %d" % (name, nodes, links, want_nodes, want_links)
assert not re.search(r"<(img|iframe|textarea)\b", dom), "%s: document text became markup" % name
assert len(re.findall(r"<script\b", dom)) == 2, "%s: scripts besides the page's own" % name
if "#doc=" in name:
    for text in ("&lt;script&gt;alert(1)&lt;/script&gt;", "\"&gt;&lt;img src=x onerror=alert(1)&gt;", "&lt;/textarea&gt;&lt;iframe"):
        assert text in dom, "%s: %r is not shown as text" % (name, text)
print("%s: %d nodes, %d links drawn; no console message" % (name, nodes, links))
PY
done

if command -v node >/dev/null && [ -d .test-deps/node_modules/playwright-core ]; then
    for page in run.html fixture.html; do
        printf '%s: ' $page
        CHROMIUM="$browser" NODE_PATH=.test-deps/node_modules node tests/tools/html_page.js "$tmp/$page" || exit 1
    done
else
    echo "note: playwright-core is missing (make test-deps), so the interactive checks did not run"
fi
