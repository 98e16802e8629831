#!/usr/bin/env python3
"""Score figure values and hedges on the hand-judged held-out sentences of bench/news-values.tsv.

Each sentence is analysed on its own (`analyze --plain`), as `score.py BIN newsquant` does: every
judged value must appear among the figures' `value`s (one figure per judged value, relative
tolerance 1e-6); figures with a value that match no judged value are false positives. Hedge
accuracy is over matched values: the figure's `hedge` equals the judged one.

usage: python3 bench/news_values.py [--batch A|B|C|D|E|F|G] [-v] [BINARY]

Prints value P/R/F1, hedge accuracy and unit accuracy per batch (A, C, D, E and G: the batches whose errors
were read, B and F: only scored) and for all. Unit accuracy is over matched values: the figure's `unit` equals the
judged one (none when the item names none; a few names the table wrote otherwise are aliases, and a
counted noun the table gives as unit, "2 cups", matches the head of the figure's `counted`). `-v` lists missed and extra values and wrong hedges and units,
never batch B's or F's (held out: their errors are not to be read; `--batch B -v` and `--batch F -v` refuse).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("--batch", choices=["A", "B", "C", "D", "E", "F", "G"])
ap.add_argument("-v", "--verbose", action="store_true")
ap.add_argument("--table", default=os.path.join(here, "news-values.tsv"))
ap.add_argument("binary", nargs="?", default=os.path.join(here, "..", "target", "release", "claimtrail"))
args = ap.parse_args()
HELD_OUT = ("B", "F")  # only scored: their errors are never listed
if args.verbose and args.batch in HELD_OUT:
    sys.exit(f"batch {args.batch} is held out: it is only scored, its errors are not to be read (drop -v)")

rows = []
for line in open(args.table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    batch, src, sentence, judged = line.rstrip("\n").split("\t")
    if args.batch and batch != args.batch:
        continue
    gold = []
    if judged != "-":
        for item in judged.split():
            parts = item.split(":")
            gold.append((float(parts[0]), parts[1], parts[2] if len(parts) > 2 else None))
    rows.append((batch, src, sentence, gold))

tmp = tempfile.mkdtemp(prefix="news-values-")
paths = []
for k, (_, _, sentence, _) in enumerate(rows):
    p = os.path.join(tmp, f"s{k:04d}.txt")
    with open(p, "w", encoding="utf-8") as f:
        f.write(sentence + "\n")
    paths.append(p)
recs = {}
for i in range(0, len(paths), 200):
    out = subprocess.run([args.binary, "analyze", "--format", "jsonl", "--plain", *paths[i:i + 200]],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.strip():
            rec = json.loads(line)
            recs[os.path.basename(rec["source"])] = rec

# Unit names the table wrote otherwise than the stage does (the same unit).
ALIAS = {"nautical_mile": "nautical mile", "square_foot": "square foot", "gram": "g", "pound": "lb", "MP": "megapixel"}


def unit_matches(fig, judged):
    unit = fig.get("unit")
    if judged is None or unit is not None:
        return unit == ALIAS.get(judged, judged)
    # A counted noun the table names as the unit ("2 cups", "11 nights") is the figure's counted
    # phrase to the stage: its head word, singular, matches.
    head = (fig.get("counted") or "").lower().split(" ")[0]
    return head in (judged, judged + "s", judged + "es") or head == judged[:-1] + "ies"


stats = {}
for k, (batch, src, sentence, gold) in enumerate(rows):
    figs = [f for f in recs.get(os.path.basename(paths[k]), {}).get("figures", []) if f.get("value") is not None]
    used = set()
    s = stats.setdefault(batch, [0, 0, 0, 0, 0])  # tp, fp, fn, hedge right, unit right
    notes = []
    for g, gh, gu in gold:
        hit = next((i for i, f in enumerate(figs)
                    if i not in used and abs(float(f["value"]) - g) <= 1e-6 * max(1.0, abs(g))), None)
        if hit is None:
            s[2] += 1
            notes.append(f"miss {g:g}:{gh}")
        else:
            used.add(hit)
            s[0] += 1
            if figs[hit].get("hedge") == gh:
                s[3] += 1
            else:
                notes.append(f"hedge {g:g}: {figs[hit].get('hedge')} (judged {gh})")
            if unit_matches(figs[hit], gu):
                s[4] += 1
            else:
                notes.append(f"unit {g:g}: {figs[hit].get('unit')} (judged {gu})")
    for i, f in enumerate(figs):
        if i not in used:
            s[1] += 1
            notes.append(f"extra {float(f['value']):g} ({f.get('text')!r})")
    if args.verbose and notes and batch not in HELD_OUT:
        print(f"{batch} {src}: {sentence[:160]}\n    " + "; ".join(notes))


def line(name, tp, fp, fn, hr, ur):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    h = hr / tp if tp else 0.0
    u = ur / tp if tp else 0.0
    return {"set": name, "value_precision": round(p, 4), "value_recall": round(r, 4), "value_f1": round(f1, 4),
            "hedge_accuracy": round(h, 4), "unit_accuracy": round(u, 4), "tp": tp, "fp": fp, "fn": fn}


tot = [0, 0, 0, 0, 0]
for b in sorted(stats):
    print(json.dumps(line(b, *stats[b])))
    tot = [x + y for x, y in zip(tot, stats[b])]
if len(stats) > 1:
    print(json.dumps(line("all", *tot)))
sys.exit(0)
