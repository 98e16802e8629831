#!/usr/bin/env python3
"""Score quotes FOUND and MISSED on held-out news pages (bench/news-quotes.tsv) against a build.

Each row of the table is one gold quote judged by hand on a WCXB dev news page, following the dev gold
ledger's contract (direct, mixed and indirect quotes with a cue, 'according to X', documents and
organisations as speakers): page id, anchor (a substring of the quote's content), the canonical speaker
(alternatives after "|"), the kind (direct, mixed, indirect), the batch (1, 3 to 7: errors read while
fixing; 2: never read, report only) and flags ("unnamed": the article never names who speaks; any answer is
neither right nor wrong, as speaker_unnamed in the ledger).

The script runs `claimtrail analyze` on the pages (HTML_DIR/ID.html.gz), finds each anchor in the
extracted text and prints, per batch (a page written 'ecb:NAME' is the plain-text ECB+ dev news text NAME,
analysed with --plain):
  quotes found     a gold quote overlapped by one of ours
  right speaker    found quotes (named ones) whose speaker matches as in the dev ledger's scorer
                   (same last word, every gold word present); also over all named gold quotes
  spurious         our quotes on the judged pages that overlap no gold quote
Anchors absent from the extracted text count as missed (and are listed as such).

usage: python3 bench/news_quotes.py [--verbose] [--batch B] [--table TSV] [BINARY] [HTML_DIR]
--verbose lists the misses, wrong speakers and spurious quotes of every batch but 2 (batch 2 stays unread).
--batch B scores batch B alone (its pages only; repeatable), as a new batch is scored blind.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the dev ledger's scorer: the same name match)

ap = argparse.ArgumentParser()
ap.add_argument("--table", default=os.path.join(here, "news-quotes.tsv"))
ap.add_argument("--verbose", action="store_true")
ap.add_argument("--batch", action="append", help="score only this batch (repeatable)")
ap.add_argument("binary", nargs="?", default=os.path.join(here, "..", "target", "release", "claimtrail"))
ap.add_argument("html", nargs="?", default=os.path.join(
    here, "..", "..", "shared", "data", "extraction", "wcxb-dev-articles", "html"))
args = ap.parse_args()
NEVER_READ = "2"  # the batch whose errors are never listed

rows = []
for line in open(args.table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    page, anchor, speaker, kind, batch, flags = line.rstrip("\n").split("\t")
    rows.append({"page": page, "anchor": anchor, "speakers": speaker.split("|"), "kind": kind,
                 "batch": batch, "unnamed": "unnamed" in flags})
if args.batch:
    rows = [r for r in rows if r["batch"] in args.batch]
pages = sorted({r["page"] for r in rows})
PLAIN = {"ecb": os.path.join(here, "..", "..", "shared", "data", "stories", "ecbplus-dev")}


def page_path(p):
    """A bare id is a WCXB page (HTML_DIR/ID.html.gz); 'ecb:NAME' is a plain-text ECB+ dev news text."""
    src, _, name = p.partition(":")
    return os.path.join(PLAIN[src], name) if name else os.path.join(args.html, p + ".html.gz")


recs = {}
for plain in (False, True):
    group = [p for p in pages if (":" in p) == plain]
    if not group:
        continue
    out = subprocess.run([args.binary, "analyze", "--format", "jsonl", "-q", *(["--plain"] if plain else []),
                          *[page_path(p) for p in group]], capture_output=True, text=True, check=True).stdout
    by_path = {os.path.realpath(page_path(p)): p for p in group}
    for line in out.splitlines():
        d = json.loads(line)
        p = by_path.get(os.path.realpath(d["source"]))
        recs[p if p is not None else os.path.basename(d["source"]).split(".")[0]] = d


def fold(ch):
    ch = unicodedata.normalize("NFKC", ch)
    ch = ch.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return ch.lower()


def normalized(text):
    """The text folded (quotes, case, runs of space) with, for each folded char, its byte offset."""
    chars, offs = [], []
    b = 0
    space = False
    for ch in text:
        n = len(ch.encode("utf-8"))
        if ch.isspace():
            if not space and chars:
                chars.append(" ")
                offs.append(b)
            space = True
        else:
            space = False
            for c in fold(ch):
                chars.append(c)
                offs.append(b)
        b += n
    offs.append(b)
    return "".join(chars), offs


def norm_anchor(a):
    return re.sub(r"\s+", " ", "".join(fold(c) for c in a)).strip()


spans = {}  # page -> list of (start, end) byte spans of gold anchors
for p in pages:
    text = recs.get(p, {}).get("text") or ""
    ntext, offs = normalized(text)
    spans[p] = (ntext, offs)

tot = collections.defaultdict(collections.Counter)
by_kind = collections.defaultdict(collections.Counter)
gold_spans = collections.defaultdict(list)
report = []
for r in rows:
    ntext, offs = spans[r["page"]]
    a = norm_anchor(r["anchor"])
    i = ntext.find(a)
    t = tot[r["batch"]]
    t["gold"] += 1
    t["unnamed"] += r["unnamed"]
    k = by_kind[(r["batch"], r["kind"])]
    k["gold"] += 1
    if i < 0:
        t["absent"] += 1
        report.append((r, "anchor not in extracted text", None))
        continue
    s, e = offs[i], offs[i + len(a)]
    gold_spans[r["page"]].append((s, e))
    qs = recs.get(r["page"], {}).get("quotes") or []
    best, ov = None, 0
    for q in qs:
        o = min(e, q["end"]) - max(s, q["start"])
        if o > ov:
            best, ov = q, o
    if best is None:
        report.append((r, "missed", None))
        continue
    t["found"] += 1
    k["found"] += 1
    if r["unnamed"]:
        continue
    t["named_found"] += 1
    if score.name_match(best.get("speaker"), r["speakers"]):
        t["right"] += 1
        k["right"] += 1
    else:
        report.append((r, "speaker", best.get("speaker")))

spurious = collections.Counter()
spurious_list = []
for p in pages:
    batch = next(r["batch"] for r in rows if r["page"] == p)
    for q in recs.get(p, {}).get("quotes") or []:
        if not any(min(e, q["end"]) - max(s, q["start"]) > 0 for s, e in gold_spans[p]):
            spurious[batch] += 1
            spurious_list.append((p, batch, q))
    tot[batch]["ours"] += len(recs.get(p, {}).get("quotes") or [])


def ratio(a, b):
    return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"


for b in sorted(tot):
    t = tot[b]
    named = t["gold"] - t["unnamed"]
    print(f"batch {b}: {len({r['page'] for r in rows if r['batch'] == b})} pages, {t['gold']} gold quotes"
          f" ({t['unnamed']} unnamed), ours {t['ours']}")
    print(f"  quotes found            {ratio(t['found'], t['gold'])}  (anchor not in text: {t['absent']})")
    print(f"  right speaker (found)   {ratio(t['right'], t['named_found'])}")
    print(f"  right speaker (all)     {ratio(t['right'], named)}")
    print(f"  spurious                {ratio(spurious[b], t['ours'])}")
    for (bb, kind), k in sorted(by_kind.items()):
        if bb == b:
            print(f"    {kind:10} found {k['found']}/{k['gold']}")

if args.verbose:
    for r, what, got in report:
        if r["batch"] == NEVER_READ:
            continue
        print(f"  {r['page']} {what}: {r['anchor'][:70]!r} gold {r['speakers'][0]!r}"
              + (f" ours {got!r}" if what == "speaker" else ""))
    for p, b, q in spurious_list:
        if b == NEVER_READ:
            continue
        text = (recs[p].get("text") or "").encode("utf-8")[q["start"]:q["end"]].decode("utf-8", "replace")
        print(f"  {p} spurious: {text[:80]!r} ours {q.get('speaker')!r}")
