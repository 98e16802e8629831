#!/usr/bin/env python3
"""Draw batch sentences for bench/news-values.tsv (same recipe as batches A/B, new seed).

    python3 bench/news_values_draw.py [SEED [N [SOURCES]]]

SOURCES is a comma list of wcxb, ecb (batches A-D: WCXB dev article pages, ECB+ dev *ecb.txt texts),
polnear (PolNeAR train news texts) and meantime (MEANTIME English articles rebuilt from their XML as
bench/meantime_texts.py does, headline and dateline skipped: a dateline is no sentence); default wcxb,ecb.
Documents that any bench/*.tsv table names are skipped, so a batch drawn and committed is never drawn
again: batch E is `29 110 polnear,meantime`, batch F `291 60 polnear,meantime` drawn after E was added,
batch G `32 100 polnear,meantime` drawn after F.
"""
import ast, gzip, json, os, random, re, sys
SH = "/work/shared/data"
bench = os.path.join(os.path.dirname(os.path.abspath(__file__)))
seed = int(sys.argv[1]) if len(sys.argv) > 1 else 27
n = int(sys.argv[2]) if len(sys.argv) > 2 else 150
sources = (sys.argv[3] if len(sys.argv) > 3 else "wcxb,ecb").split(",")
used_w, used_e, used_p, used_m = set(), set(), set(), set()
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
            elif cell.startswith("polnear:"):
                used_p.add(cell[8:])
            elif cell.startswith("meantime:"):
                used_m.add(cell[9:])
        # the speaker/quote tables name a bare WCXB id in their first column
        if name in ("wcxb-speakers.tsv", "news-quotes.tsv") and re.fullmatch(r"\d{4}", cells[0]):
            used_w.add(cells[0])
        # the MEANTIME speaker/figure tables name a bare MEANTIME doc id
        if name in ("meantime-speakers.tsv", "news-figures.tsv") and re.fullmatch(r"\d{4,7}", cells[0]):
            used_m.add(cells[0])
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
for f in sorted(os.listdir(gt)) if "wcxb" in sources else []:
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
def plain_texts(source, d, suffix, used):
    """Candidates from the plain-text files of one source directory, in name order."""
    if source not in sources:
        return
    for f in sorted(os.listdir(d)):
        if not f.endswith(suffix) or f in used:
            continue
        for s in sents(open(os.path.join(d, f), encoding="utf-8").read()):
            cands.append((f"{source}:{f}", s))
plain_texts("ecb", os.path.join(SH, "stories/ecbplus-dev"), "ecb.txt", used_e)
plain_texts("polnear", os.path.join(SH, "quotes/polnear/train/text"), ".txt", used_p)
if "meantime" in sources:
    sys.path.insert(0, bench)
    import xml.etree.ElementTree as ET
    from meantime_texts import text_of
    md = os.path.join(SH, "time/meantime/intra-doc_annotation")
    for dirpath, _, names in sorted(os.walk(md)):
        for name in sorted(names):
            if not name.endswith(".xml"):
                continue
            path = os.path.join(dirpath, name)
            doc = ET.parse(path).getroot().get("doc_id") or name.split("_")[0]
            if doc in used_m:
                continue
            paras = text_of(path).split("\n\n")
            for s in sents("\n".join(paras[2:])):
                cands.append((f"meantime:{doc}", s))
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
print(f"# used wcxb {len(used_w)} ecb {len(used_e)} polnear {len(used_p)} meantime {len(used_m)} "
      f"candidates {len(cands)}", file=sys.stderr)
for src, s in out:
    print(f"{src}\t{s}")
