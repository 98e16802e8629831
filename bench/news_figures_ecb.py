#!/usr/bin/env python3
"""Score figure claimants and hedges on the blind ECB+ table (bench/news-figures-ecb.tsv) against a build.

Runs `claimtrail analyze --plain` on the judged texts, finds each row's anchor in the extracted text and the
row's numeral inside it, and takes the figure of ours whose span overlaps that numeral (one with the judged
value first). Prints, over rows not flagged 'opt' (an 'opt' row absent is not counted; present, it is scored):
  found            a figure of ours overlaps the numeral
  value / hedge    of found figures, the judged value / hedge
  right source     figures whose claimant is named (first alternative not '-'): our source matches one
                   alternative as in the dev ledger's scorer (word overlap >= 0.5; '-' = no source)
  no source invented  figures the outlet states itself (first alternative '-'): our source is none, or
                   matches another alternative
A figure not found counts as wrong for its source group. Each table of the file (rows flagged 't2': the second
blind table, session 35; 't3': the third, session 36; 't4': the fourth, session 37; 't5': the fifth, session 38; 't6': the sixth, session 39) is printed on its own,
then all together.

usage: python3 bench/news_figures_ecb.py [-v] [--table TSV] [BINARY]
"""
import argparse
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
import score  # noqa: E402  (the dev ledger's scorer: the same source match)

ap = argparse.ArgumentParser()
ap.add_argument("-v", "--verbose", action="store_true")
ap.add_argument("--table", default=os.path.join(here, "news-figures-ecb.tsv"))
ap.add_argument("binary", nargs="?", default=os.path.join(here, "..", "target", "release", "claimtrail"))
args = ap.parse_args()
D = os.path.join(here, "..", "..", "shared", "data", "stories", "ecbplus-dev")

rows = []
for line in open(args.table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    page, anchor, number, value, hedge, source, flags = line.rstrip("\n").split("\t")
    rows.append(dict(page=page, anchor=anchor, number=number, value=float(value), hedge=hedge,
                     sources=source.split("|"), opt="opt" in flags.split(),
                     table=next((t[1:] for t in ("t6", "t5", "t4", "t3", "t2") if t in flags.split()), "1")))
pages = sorted({r["page"] for r in rows})
paths = {p: os.path.join(D, p.partition(":")[2]) for p in pages}
out = subprocess.run([args.binary, "analyze", "--plain", "--format", "jsonl", "-q", *paths.values()],
                     capture_output=True, text=True, check=True).stdout
by_path = {os.path.realpath(v): k for k, v in paths.items()}
recs = {}
for line in out.splitlines():
    d = json.loads(line)
    recs[by_path[os.path.realpath(d["source"])]] = d

KEYS = ("rows", "found", "value", "hedge", "attr", "attr_ok", "own", "own_ok")
TABLES = ("1", "2", "3", "4", "5", "6")
tally = {t: dict.fromkeys(KEYS, 0) for t in TABLES}
for r in rows:
    n = tally[r["table"]]
    d = recs[r["page"]]
    text = d["text"].encode()
    at = text.find(r["anchor"].encode())
    lo = -1 if at < 0 else at + r["anchor"].encode().find(r["number"].encode())
    hi = lo + len(r["number"].encode())
    hits = [f for f in d["figures"] if lo >= 0 and f["start"] < hi and lo < f["end"]]
    hits.sort(key=lambda f: f.get("value") is None or abs(float(f["value"]) - r["value"]) > 1e-6 * max(1, r["value"]))
    f = hits[0] if hits else None
    if f is None and r["opt"]:
        continue
    n["rows"] += 1
    own = r["sources"][0] == "-"
    src = (f.get("source") or "") if f else None
    ok = f is not None and any((not src) if s == "-" else score.overlap(src, s) >= 0.5 for s in r["sources"])
    n["own" if own else "attr"] += 1
    n["own_ok" if own else "attr_ok"] += ok
    why = []
    if f is None:
        why.append("missed")
    else:
        n["found"] += 1
        vok = f.get("value") is not None and abs(float(f["value"]) - r["value"]) <= 1e-6 * max(1, r["value"])
        n["value"] += vok
        n["hedge"] += f.get("hedge") == r["hedge"]
        if not vok:
            why.append(f"value {f.get('value')} != {r['value']:g}")
        if f.get("hedge") != r["hedge"]:
            why.append(f"hedge {f.get('hedge')} != {r['hedge']}")
        if not ok:
            why.append(f"source {src!r} != {'|'.join(r['sources'])}")
    if why and args.verbose:
        print(f"  {r['page'][4:]:18} {r['anchor'][:40]:40} {'; '.join(why)}")


def report(n, label):
    k = max(1, n["found"])
    print(f"{label}figures found {n['found']}/{n['rows']} = {n['found'] / max(1, n['rows']):.3f};"
          f" of found: value {n['value'] / k:.3f}, hedge {n['hedge'] / k:.3f}")
    print(f"{label}figures whose claimant is named: right source {n['attr_ok']}/{n['attr']}"
          f" = {n['attr_ok'] / max(1, n['attr']):.3f}")
    print(f"{label}figures the outlet states itself: no source invented {n['own_ok']}/{n['own']}"
          f" = {n['own_ok'] / max(1, n['own']):.3f}")


for t in TABLES:
    report(tally[t], f"table {t}: ")
report({k: sum(tally[t][k] for t in TABLES) for k in KEYS}, "")
