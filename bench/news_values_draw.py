#!/usr/bin/env python3
"""Draw batch sentences for bench/news-values.tsv (same recipe as batches A/B, new seed)."""
import ast, gzip, json, os, random, re, sys
SH = "/work/shared/data"
bench = os.path.join(os.path.dirname(os.path.abspath(__file__)))
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 27
n = int(sys.argv[2]) if len(sys.argv) > 2 else 150
used_w, used_e = set(), set()
for name in os.listdir(bench):
    if not name.endswith(".tsv"):
        continue
    for line in open(os.path.join(bench, name), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        for cell in cells[:2]:
            if cell.startswith("wcxb:"):
                used_w.add(cell[5:])
            elif cell.startswith("ecb:"):
                used_e.add(cell[4:])
        # the speaker/quote tables name a bare WCXB id in their first column
        if name in ("wcxb-speakers.tsv", "news-quotes.tsv") and re.fullmatch(r"\d{4}", cells[0]):
            used_w.add(cells[0])
NUMW = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions)\b"
def sents(text):
    for para in text.split("\n"):
        para = para.strip()
        for s in re.split(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])", para):
            s = s.strip()
            if 25 <= len(s) <= 400 and (re.search(r"\d", s) or re.search(NUMW, s, re.I)):
                yield s
cands = []
gt = os.path.join(SH, "extraction/wcxb-dev-articles/ground-truth")
for f in sorted(os.listdir(gt)):
    d = json.load(open(os.path.join(gt, f)))
    fid = d["file_id"]
    url = d["url"]
    if fid in used_w:
        continue
    if not re.search(r"/20\d\d/|\d{4}-\d\d-\d\d|/news|/article|story", url):
        continue
    g = ast.literal_eval(d["ground_truth"]) if isinstance(d["ground_truth"], str) else d["ground_truth"]
    for s in sents(g.get("main_content") or ""):
        cands.append((f"wcxb:{fid}", s))
ed = os.path.join(SH, "stories/ecbplus-dev")
for f in sorted(os.listdir(ed)):
    if not f.endswith("ecb.txt") or f in used_e:
        continue
    for s in sents(open(os.path.join(ed, f), encoding="utf-8").read()):
        cands.append((f"ecb:{f}", s))
rng = random.Random(seed)
rng.shuffle(cands)
per, out, seen = {}, [], set()
for src, s in cands:
    if per.get(src, 0) >= 2 or s in seen:
        continue
    per[src] = per.get(src, 0) + 1
    seen.add(s)
    out.append((src, s))
    if len(out) >= n:
        break
print(f"# used wcxb {len(used_w)} ecb {len(used_e)} candidates {len(cands)}", file=sys.stderr)
for src, s in out:
    print(f"{src}\t{s}")
