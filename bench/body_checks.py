#!/usr/bin/env python3
"""A stand-in for the held-out "body checks" (first and last sentence in): for each page, is the
gold text's first and last prose sentence (8-60 words, a final stop, no credit or separator) in
the article text? Prints the shares; `--show` lists the pages that miss one.

    python3 bench/body_checks.py target/release/claimtrail ../shared/data/extraction/wcxb-dev-articles [--show]
    python3 bench/body_checks.py target/release/claimtrail ../shared/data/extraction/readability-pages [--show]
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score  # noqa: E402


def pages(bin_, d):
    """(name, gold text, our text) for a readability-style or WCXB-style directory."""
    if os.path.isdir(os.path.join(d, "ground-truth")):
        ids = sorted(f[:-5] for f in os.listdir(os.path.join(d, "ground-truth")))
        html = [os.path.join(d, "html", i + ".html.gz") for i in ids]
        recs, _ = score.extraction_run(bin_, html)
        for i, h in zip(ids, html):
            gt = json.load(open(os.path.join(d, "ground-truth", i + ".json")))["ground_truth"]
            if gt.get("main_content"):
                yield i, gt["main_content"], (recs.get(os.path.basename(h)) or {}).get("text") or ""
        return
    names = sorted(n for n in os.listdir(d) if os.path.exists(os.path.join(d, n, "source.html")))
    paths = [os.path.join(d, n, "source.html") for n in names]
    recs, _ = score.analyze(bin_, paths)
    for n, p in zip(names, paths):
        gold = score.html_text(open(os.path.join(d, n, "expected.html"), encoding="utf-8").read())
        yield n, gold, (score.by_source(recs, p) or {}).get("text") or ""


def prose_sentences(text):
    out = [s.strip() for line in re.split(r"\n+", text)
           for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", line)]
    return [s for s in out if 8 <= len(s.split()) <= 60 and re.search(r"[.!?][\"”’]?$", s)
            and "|" not in s and not re.search(r"(?i)photo|credit|getty|copyright|©", s)]


def main():
    bin_, d = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv[3:]
    n = first = last = 0
    for name, gold, ours in pages(bin_, d):
        ss = prose_sentences(gold)
        if not ss:
            continue
        flat = " " + " ".join(score.words(ours)) + " "
        has = lambda s: " " + " ".join(score.words(s)) + " " in flat  # noqa: E731
        f_in, l_in = has(ss[0]), has(ss[-1])
        n += 1
        first += f_in
        last += l_in
        if show and not (f_in and l_in):
            print(f"{name}: first {'ok' if f_in else 'MISS: ' + ss[0][:120]}"
                  f" | last {'ok' if l_in else 'MISS: ' + ss[-1][:120]}")
    print(json.dumps({"pages": n, "checks": round((first + last) / (2 * n), 4) if n else None,
                      "first": round(first / n, 4) if n else None, "last": round(last / n, 4) if n else None}))


if __name__ == "__main__":
    main()
