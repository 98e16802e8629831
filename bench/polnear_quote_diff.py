#!/usr/bin/env python3
"""Compare two builds on PolNeAR train+dev quote by quote and count what a change did.

usage: python3 bench/polnear_quote_diff.py BASE_BIN NEW_BIN [--list]

Runs `claimtrail analyze --plain --format jsonl` on the PolNeAR train+dev texts with both binaries,
keys quotes by (file, start, end) and reports quotes gone, new and changed (speaker or mention). Each
quote is matched to the best-overlapping gold attribution (token overlap >= 0.5, as score.py does)
and its source judged as score.py judges it (a word of the gold source, pronouns aside, in the
speaker or mention). Counts: changed quotes wrong->right and right->wrong; gone and new quotes that
match a gold attribution (a found quote lost / gained) or none (a spurious quote removed / added).
--list prints every difference with its gold source for reading.
"""
import glob
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
import score  # noqa: E402

base, new = sys.argv[1:3]
listing = "--list" in sys.argv
D = os.path.join(here, "..", "..", "shared", "data", "quotes", "polnear")
files = sorted(glob.glob(f"{D}/train/text/*.txt") + glob.glob(f"{D}/dev/text/*.txt"))


def run(b):
    r = {}
    for i in range(0, len(files), 200):
        out = subprocess.run([b, "analyze", "--plain", "--format", "jsonl", "-q", *files[i:i + 200]],
                             capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            d = json.loads(line)
            for q in d["quotes"]:
                r[(os.path.abspath(d["source"]), q["start"], q["end"])] = q
    return r


gold = {}
for sub in ("train", "dev"):
    for k, v in score.polnear_gold(f"{D}/{sub}").items():
        gold[os.path.abspath(k)] = v


def judge(f, q):
    """(matched a gold attribution, its source, source right or None when the gold has none)."""
    best, src = 0.0, None
    for content, source, _cue, _direct in gold.get(f, []):
        o = score.overlap(q.get("text") or "", content)
        if o > best:
            best, src = o, source
    if best < 0.5:
        return False, None, None
    if not src:
        return True, src, None
    cand = " ".join(x for x in (q.get("speaker_mention"), q.get("speaker")) if x)
    sw = [w for w in score.words(src) if w not in score.PRONOUNS] or score.words(src)
    return True, src, bool(cand and set(sw) & set(score.words(cand)))


A, B = run(base), run(new)
c = {k: 0 for k in ("changed", "wrong->right", "right->wrong", "wrong->wrong", "right->right",
                    "gone matched", "gone spurious", "new matched", "new spurious")}
for k in sorted(set(A) | set(B)):
    a, b = A.get(k), B.get(k)
    if a and b and (a.get("speaker"), a.get("speaker_mention")) == (b.get("speaker"), b.get("speaker_mention")):
        continue
    f = k[0]
    if a and b:
        c["changed"] += 1
        m, src, ra = judge(f, a)
        _, _, rb = judge(f, b)
        if m and ra is not None:
            c[f"{'right' if ra else 'wrong'}->{'right' if rb else 'wrong'}"] += 1
        what = "changed"
    elif a:
        m, src, _ = judge(f, a)
        c["gone matched" if m else "gone spurious"] += 1
        what = "gone"
    else:
        m, src, _ = judge(f, b)
        c["new matched" if m else "new spurious"] += 1
        what = "new"
    if listing:
        q = a or b
        print(f"{os.path.basename(f)} {k[1]}-{k[2]} {what}: base={a and (a.get('speaker'), a.get('speaker_mention'))}"
              f" new={b and (b.get('speaker'), b.get('speaker_mention'))} gold={src!r}\n  {q['text'][:120]!r}")
print(json.dumps(c))
