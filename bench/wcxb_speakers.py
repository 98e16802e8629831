#!/usr/bin/env python3
"""Re-score the hand-judged WCXB speakers (bench/wcxb-speakers.tsv) against a build.

Each row: page id, quote start (byte offset in the extracted text), the speaker main gave
when judged, the judge's speaker ("-" = no speaker), the error kind and, in the quote tables, an
anchor: the quote's first words as extracted when judged. The quote is looked up by its anchor (the
occurrence nearest the judged offset), so a change to what the extraction keeps before it does not
lose the row; a row whose anchor is gone counts as no longer found. The script runs
`claimtrail analyze` on the judged pages and counts the judged quotes (rows not marked
`not-a-quote`) whose speaker now equals the judge's, overall and by kind.

usage: python3 bench/wcxb_speakers.py [--figures] [--table TSV] [--layout wcxb|readability|meantime] [BINARY] [HTML_DIR]

The default table is bench/wcxb-speakers.tsv with pages laid out as HTML_DIR/ID.html.gz (the WCXB
dev articles). `--table bench/readability-speakers.tsv --layout readability` scores the held-out
Readability news pages, laid out as HTML_DIR/NAME/source.html (HTML_DIR defaults to the shared
readability-pages). Rows of kind `unnamed` (the article never names who speaks) count as right
whatever the answer, as speaker_unnamed quotes do in the dev ledger.
`--table bench/meantime-speakers.tsv --layout meantime` scores the MEANTIME English news (Wikinews,
held out: no rule was fitted to it) as plain text files HTML_DIR/ID.txt analysed with --plain; without
HTML_DIR the texts are regenerated into a temporary directory by bench/meantime_texts.py.

`--figures --table bench/news-figures.tsv --layout meantime` scores figure claimants instead: each row is a
figure (its start), the judged claimant ("-" when the outlet states it; alternatives after "|") and a kind
(`not-a-figure` rows are skipped). A claimant counts as right as in the dev ledger's scorer (word overlap
≥ 0.5 with the judged name, none for "-"). Rows whose page is written `wcxb:ID` are WCXB dev pages
(HTML_DIR/ID.html.gz under the shared WCXB directory), whatever --layout says. Prints right source among
rows with a judged claimant and no source invented among rows the outlet states itself. A figure row
may carry an anchor too (the WCXB rows do: the first bytes of the text at the figure, from main's
extraction of 2026-12-07), found as a quote's is, since a paragraph dropped above it shifts offsets.
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
ap.add_argument("--figures", action="store_true", help="score figure claimants (bench/news-figures.tsv)")
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
    page, start, ours, mine, kind, *anchor = line.rstrip("\n").split("\t")
    rows.append((page, int(start), ours, mine, kind, anchor[0] if anchor else None))

pages = sorted({r[0] for r in rows})
wcxb_dir = os.path.join(shared, "wcxb-dev-articles/html")


def run(files, plain):
    if not files:
        return []
    out = subprocess.run([binary, "analyze", *plain, "--format", "jsonl", "-q", *files],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


# A page written "wcxb:ID" is a WCXB dev page whatever the layout (a table may mix sources).
mixed = [p for p in pages if p.startswith("wcxb:")]
pages = [p for p in pages if not p.startswith("wcxb:")]
plain = []
if args.layout == "wcxb":
    files = [os.path.join(html, p + ".html.gz") for p in pages]
elif args.layout == "meantime":
    files = [os.path.join(html, p + ".txt") for p in pages]
    plain = ["--plain"]
else:
    files = [os.path.join(html, p, "source.html") for p in pages]
quotes, figures, texts = {}, {}, {}
for d in run(files, plain):
    if args.layout in ("wcxb", "meantime"):
        page = os.path.basename(d["source"]).split(".")[0]
    else:
        page = os.path.basename(os.path.dirname(d["source"]))
    quotes[page], figures[page], texts[page] = d["quotes"], d["figures"], d["text"].encode()
for d in run([os.path.join(wcxb_dir, p[5:] + ".html.gz") for p in mixed], []):
    page = "wcxb:" + os.path.basename(d["source"]).split(".")[0]
    quotes[page], figures[page], texts[page] = d["quotes"], d["figures"], d["text"].encode()


def located(page, start, anchor):
    """Where the row's quote starts in today's text: the occurrence of its anchor nearest the offset
    it was judged at (an extraction change upstream shifts offsets, not the quote's words); None when
    the anchor is gone. Rows without an anchor keep their offset."""
    if anchor is None:
        return start
    text, a, found = texts.get(page, b""), anchor.encode(), []
    at = text.find(a)
    while at >= 0:
        found.append(at)
        at = text.find(a, at + 1)
    return min(found, key=lambda at: abs(at - start)) if found else None


def norm(s):
    return "" if s in (None, "-") else s.strip().lower()


def speaker_at(page, start):
    if start is None:
        return None, False
    qs = quotes.get(page, [])
    exact = [q for q in qs if q["start"] == start]
    if exact:
        return exact[0]["speaker"], True
    near = [q for q in qs if q["start"] <= start < q["end"] or abs(q["start"] - start) <= 3]
    if near:
        return near[0]["speaker"], True
    return None, False


def score_figures():
    sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
    import score  # the dev ledger's scorer: the same source match

    tot = {"attr": [0, 0], "own": [0, 0]}
    by_kind = collections.defaultdict(lambda: [0, 0])
    lost = 0
    for page, start, ours, mine, kind, anchor in rows:
        if kind == "not-a-figure":
            continue
        start = located(page, start, anchor)
        hit = [f for f in figures.get(page, []) if f["start"] == start]
        lost += not hit
        now = (hit[0].get("source") or "") if hit else None
        alts = mine.split("|")
        ok = now is not None and any(
            (not now) if a == "-" else score.overlap(now, a) >= 0.5 for a in alts)
        part = tot["own" if alts[0] == "-" else "attr"]
        part[0] += ok
        part[1] += 1
        by_kind[kind][0] += ok
        by_kind[kind][1] += 1
        if not ok and os.environ.get("WCXB_VERBOSE"):
            print(f"  {page} {start} {kind}: now {now!r}, judged {mine!r}")
    (a_ok, a_n), (o_ok, o_n) = tot["attr"], tot["own"]
    print(f"figures whose claimant is named: right source {a_ok}/{a_n} = {a_ok / max(1, a_n):.3f}")
    print(f"figures the outlet states itself: no source invented {o_ok}/{o_n} = {o_ok / max(1, o_n):.3f}"
          f" (figures no longer found: {lost})")
    for kind, (ok, n) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        print(f"  {kind:28} {ok}/{n}")


if args.figures:
    score_figures()
    sys.exit(0)

right = 0
total = 0
by_kind = collections.defaultdict(lambda: [0, 0])
lost = 0
for page, start, ours, mine, kind, anchor in rows:
    if kind == "not-a-quote":
        continue
    now, found = speaker_at(page, located(page, start, anchor))
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
