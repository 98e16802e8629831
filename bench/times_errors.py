#!/usr/bin/env python3
"""Lists time-expression errors on a TimeML directory, the way `score.py timeml` counts them:
missed gold expressions (fn), spurious predictions (fp) and wrong DATE/TIME values (val), one per
line with the gold type, so that errors can be read by kind (durations, sets, weekdays, quarters).

    python3 bench/times_errors.py target/release/claimtrail ../shared/data/time/tbaq/TimeBank [KIND...]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
sys.path.insert(0, "/work/shared/eval")
import score  # noqa: E402


def main():
    bin_, d = sys.argv[1], sys.argv[2]
    kinds = set(sys.argv[3:]) or {"fn", "fp", "val"}
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".tml"))
    tmp = score.tempfile.mkdtemp()
    paths, docs = [], []
    for f in files:
        dct, text, gold = score.timeml_doc(f)
        p = os.path.join(tmp, os.path.basename(f) + ".txt")
        open(p, "w", encoding="utf-8").write(text)
        paths.append(p)
        docs.append((f, dct, text, gold))
    for (f, dct, text, gold), p in zip(docs, paths):
        recs, _ = score.analyze(bin_, [p], extra=["--plain", "--published", dct])
        pred = (score.by_source(recs, p) or {}).get("times") or []
        used = set()
        name = os.path.basename(f)
        for a, b, inner, val, typ in gold:
            hit = None
            for i, t in enumerate(pred):
                if i in used:
                    continue
                tt = t.get("text") or ""
                if score.overlap(tt, inner) > 0 and (score.norm(inner) in score.norm(tt) or score.norm(tt) in score.norm(inner)):
                    hit = i
                    break
            ctx = text[max(0, a - 40):b + 30].replace("\n", " ")
            if hit is None:
                if "fn" in kinds:
                    print(f"fn\t{typ}\t{inner!r}\t{val}\t{dct}\t{name}\t…{ctx}…")
                continue
            used.add(hit)
            got = pred[hit].get("value") or ""
            if typ in ("DATE", "TIME") and got != val and "val" in kinds:
                print(f"val\t{typ}\t{inner!r}\tgold={val}\tgot={got}\tpred={pred[hit].get('text')!r}\t{dct}\t{name}\t…{ctx}…")
        for i, t in enumerate(pred):
            if i not in used and "fp" in kinds:
                s = t.get("start") or 0
                print(f"fp\t{t.get('type')}\t{t.get('text')!r}\t{t.get('value')}\t{dct}\t{name}")


if __name__ == "__main__":
    main()
