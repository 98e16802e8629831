#!/usr/bin/env python3
"""Draw the ECB+ dev news texts of a blind figure-source batch (bench/news-figures-ecb.tsv).

Pool: the ECB+ dev plain texts (../shared/data/stories/ecbplus-dev/*.txt) that no bench/*.tsv table names.
random.Random(SEED).shuffle over the sorted names; a text is kept, in that order, when its body (a first line
that is a URL aside) holds at least MIN numbers: digit runs (not a year 1900-2099, not a time's minutes after
':') and number words (two..ninety, hundred, thousand, million, billion, dozen, dozens). Prints the first N.

usage: python3 bench/news_figures_draw.py [SEED=341] [N=10] [MIN=5]
"""
import glob
import os
import random
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(here, "..", "..", "shared", "data", "stories", "ecbplus-dev")
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 341
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
least = int(sys.argv[3]) if len(sys.argv) > 3 else 5

used = set()
for table in glob.glob(os.path.join(here, "*.tsv")):
    for line in open(table, encoding="utf-8"):
        used.update(re.findall(r"\b(\d+_\d+ecb(?:plus)?\.txt)", line))
names = sorted(x for x in os.listdir(D) if x.endswith(".txt") and x not in used)
WORDS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
         "million billion dozen dozens").split()
NUM = re.compile(r"(?<![:\d])\b(\d[\d,.]*)|\b(" + "|".join(WORDS) + r")\b", re.I)


def count(text):
    lines = text.splitlines()
    if lines and re.match(r"\s*(https?|www)\b", lines[0]):
        lines = lines[1:]
    k = 0
    for m in NUM.finditer("\n".join(lines)):
        if m.group(1) and re.fullmatch(r"(19|20)\d\d", m.group(1)):
            continue
        k += 1
    return k


random.Random(seed).shuffle(names)
print(f"# pool {len(names)} texts no bench table names")
kept = 0
for name in names:
    if kept == n:
        break
    c = count(open(os.path.join(D, name), encoding="utf-8").read())
    if c >= least:
        print(name, c)
        kept += 1
