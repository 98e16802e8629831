#!/usr/bin/env python3
"""Draw the ECB+ dev news texts of a blind news-quotes batch (bench/news-quotes.tsv, batches 8-13).

Pool: the sorted ECB+ dev plain texts (../shared/data/stories/ecbplus-dev/*.txt) that no bench/*.tsv table names,
less the texts the blind figure draws read and passed over (listed in bench/news-figures-ecb.tsv's header, given
here as PASSED). random.Random(SEED).shuffle over the pool; a text is kept, in that order, when its body (a first
line that is a URL aside) has at least 6 matches of the batch-7 cue regex and at least 4 double quotation marks
(straight or curly) (batch 8's filter). When fewer than N pass (batch 12: five; batch 13: none), the rest are the first texts in
the same order that pass batch 7's filter alone (at least 4 cue matches). Prints the N texts.

usage: python3 bench/news_quotes_draw.py [SEED=38] [N=10]
"""
import glob
import os
import random
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(here, "..", "..", "shared", "data", "stories", "ecbplus-dev")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 38
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10

# passed over (too few figures) by the figure draws Random(351), Random(361), Random(371)
PASSED = ("13_7 14_5 1_18 21_7 14_3 4_3 1_20 14_9 11_5 8_4ecb 4_9ecb 9_8 4_4 "
          "1_15 1_12 13_10 2_6 9_1 14_1 5_3 10_18 1_11 11_2 14_4 "
          "16_11 1_5 22_5 4_6 8_8ecb 1_10").split()
passed = {p + ".txt" if p.endswith("ecb") else p + "ecbplus.txt" for p in PASSED}

used = set()
for table in glob.glob(os.path.join(here, "*.tsv")):
    for line in open(table, encoding="utf-8"):
        used.update(re.findall(r"\b(\d+_\d+ecb(?:plus)?\.txt)", line))
names = sorted(x for x in os.listdir(D) if x.endswith(".txt") and x not in used and x not in passed)
CUE = re.compile(r"\b(said|says|say|told|according to|stated|added|announced|reported)\b")
QM = re.compile("[\"\u201c\u201d]")


def body(text):
    lines = text.splitlines()
    if lines and re.match(r"\s*(https?|www)\b", lines[0]):
        lines = lines[1:]
    return "\n".join(lines)


random.Random(seed).shuffle(names)
print(f"# pool {len(names)} texts")
bodies = {name: body(open(os.path.join(D, name), encoding="utf-8").read()) for name in names}
strict = [x for x in names if len(CUE.findall(bodies[x])) >= 6 and len(QM.findall(bodies[x])) >= 4][:n]
loose = [x for x in names if x not in strict and len(CUE.findall(bodies[x])) >= 4][: n - len(strict)]
for name in strict:
    print(name)
for name in loose:
    print(name, "(batch 7's filter)")
