#!/usr/bin/env python3
"""Re-score the hand-judged WCXB speakers (bench/wcxb-speakers.tsv) against a build.

Each row: page id, quote start (byte offset in the extracted text), the speaker main gave
when judged, the judge's speaker ("-" = no speaker), and the error kind. The script runs
`claimtrail analyze` on the judged pages and counts the judged quotes (rows not marked
`not-a-quote`) whose speaker now equals the judge's, overall and by kind.

usage: python3 bench/wcxb_speakers.py [--table TSV] [--layout wcxb|readability|meantime] [BINARY] [HTML_DIR]

The default table is bench/wcxb-speakers.tsv with pages laid out as HTML_DIR/ID.html.gz (the WCXB
dev articles). `--table bench/readability-speakers.tsv --layout readability` scores the held-out
Readability news pages, laid out as HTML_DIR/NAME/source.html (HTML_DIR defaults to the shared
readability-pages). Rows of kind `unnamed` (the article never names who speaks) count as right
whatever the answer, as speaker_unnamed quotes do in the dev ledger.
`--table bench/meantime-speakers.tsv --layout meantime` scores the MEANTIME English news (Wikinews,
held out: no rule was fitted to it) as plain text files HTML_DIR/ID.txt analysed with --plain; without
HTML_DIR the texts are regenerated into a temporary directory by bench/meantime_texts.py.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--table", default=os.path.join(here, "wcxb-speakers.tsv"))
ap.add_argument("--layout", choices=["wcxb", "readability", "meantime"], default="wcxb")
ap.add_argument("binary", nargs="?", default=os.path.join(here, "..", "target", "release", "claimtrail"))
ap.add_argument("html", nargs="?")
args = ap.parse_args()
binary = args.binary
shared = os.path.join(here, "..", "..", "shared", "data", "extraction")
if args.layout == "meantime":
    html = args.html
    if not html:
        # The MEANTIME XML stays in ../shared; the texts are rebuilt from it on each run.
        html = tempfile.mkdtemp(prefix="meantime-texts-")
        subprocess.run([sys.executable, os.path.join(here, "meantime_texts.py"), html],
                       check=True, stdout=subprocess.DEVNULL)
else:
    html = args.html or os.path.join(
        shared, "wcxb-dev-articles/html" if args.layout == "wcxb" else "readability-pages")

rows = []
for line in open(args.table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    page, start, ours, mine, kind = line.rstrip("\n").split("\t")
    rows.append((page, int(start), ours, mine, kind))

pages = sorted({r[0] for r in rows})
plain = []
if args.layout == "wcxb":
    files = [os.path.join(html, p + ".html.gz") for p in pages]
elif args.layout == "meantime":
    files = [os.path.join(html, p + ".txt") for p in pages]
    plain = ["--plain"]
else:
    files = [os.path.join(html, p, "source.html") for p in pages]
out = subprocess.run([binary, "analyze", *plain, "--format", "jsonl", "-q", *files],
                     capture_output=True, text=True, check=True).stdout
quotes = {}
for line in out.splitlines():
    d = json.loads(line)
    if args.layout in ("wcxb", "meantime"):
        page = os.path.basename(d["source"]).split(".")[0]
    else:
        page = os.path.basename(os.path.dirname(d["source"]))
    quotes[page] = d["quotes"]


def norm(s):
    return "" if s in (None, "-") else s.strip().lower()


def speaker_at(page, start):
    qs = quotes.get(page, [])
    exact = [q for q in qs if q["start"] == start]
    if exact:
        return exact[0]["speaker"], True
    near = [q for q in qs if q["start"] <= start < q["end"] or abs(q["start"] - start) <= 3]
    if near:
        return near[0]["speaker"], True
    return None, False


right = 0
total = 0
by_kind = collections.defaultdict(lambda: [0, 0])
lost = 0
for page, start, ours, mine, kind in rows:
    if kind == "not-a-quote":
        continue
    now, found = speaker_at(page, start)
    lost += not found
    ok = (found and norm(now) == norm(mine)) or (found and kind == "unnamed")
    total += 1
    right += ok
    by_kind[kind][0] += ok
    by_kind[kind][1] += 1
    if not ok and os.environ.get("WCXB_VERBOSE"):
        print(f"  {page} {start} {kind}: now {now!r}, judged {mine!r}")

print(f"judged quotes with the judged speaker: {right}/{total} = {right / total:.3f}"
      f" (quotes no longer found: {lost})")
for kind, (ok, n) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
    print(f"  {kind:28} {ok}/{n}")
