#!/usr/bin/env python3
"""Figure claimants on PolNeAR: each of our figures inside a gold attribution's content span should
carry that attribution's source (sources that are only pronouns are skipped). A stand-in for the
held-out "figures whose claimant is named: right source".

    python3 bench/figure_sources.py target/release/claimtrail ../shared/data/quotes/polnear/train [--show]
"""
import sys, os, re, json
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score  # noqa: E402
from collections import defaultdict
bin_, d = sys.argv[1], sys.argv[2]; show = "--show" in sys.argv
anns = defaultdict(list)
for fn in sorted(os.listdir(os.path.join(d, "attributions"))):
    anns[re.sub(r"_[0-9a-f]{4}\.ann$", "", fn)].append(fn)
gold = {}
for base, fns in anns.items():
    tpath = os.path.join(d, "text", base + ".txt")
    if not os.path.exists(tpath): continue
    text = open(tpath, encoding="utf-8").read()
    spans, rels = {}, []
    for line in open(os.path.join(d, "attributions", fns[0]), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[0].startswith("T"):
            label, *offs = parts[1].split(" ")
            segs = [tuple(map(int, seg.split())) for seg in " ".join(offs).split(";")]
            spans[parts[0]] = (segs, " ".join(text[a:b] for a, b in segs))
        elif len(parts) >= 2 and parts[0].startswith("E"):
            rels.append(dict(x.split(":") for x in parts[1].split(" ") if ":" in x))
    items = []
    for r in rels:
        c = spans.get(r.get("Content")); s = spans.get(r.get("Source"))
        if c and s and s[1].strip():
            items.append((c[0], s[1]))
    gold[tpath] = (text, items)
paths = sorted(gold)
recs, _ = score.analyze(bin_, paths, extra=["--plain"])
n = ok = none = 0
for p in paths:
    text, items = gold[p]
    # byte -> char offsets
    b2c = {}; bi = 0
    for ci, ch in enumerate(text):
        b2c[bi] = ci; bi += len(ch.encode())
    b2c[bi] = len(text)
    for f in (score.by_source(recs, p) or {}).get("figures") or []:
        a, b = b2c.get(f["start"]), b2c.get(f["end"])
        if a is None: continue
        inside = sorted((sum(y - x for x, y in segs), src) for segs, src in items if any(x <= a and b <= y for x, y in segs))
        if not inside: continue
        src = inside[0][1]
        sw = [w for w in score.words(src) if w not in score.PRONOUNS]
        if not sw: continue
        got = f.get("source") or ""
        n += 1
        good = bool(got) and bool(set(sw) & set(score.words(got)))
        ok += good; none += not got
        if show and not good:
            ctx = text[max(0, a - 120):b + 40].replace("\n", " ")
            print(f"{os.path.basename(p)}: {f['text']!r} gold={src!r} ours={got!r}\n    …{ctx}…")
print(json.dumps({"figures_in_attributions": n, "right_source": round(ok / max(1, n), 4), "no_source": round(none / max(1, n), 4)}))
