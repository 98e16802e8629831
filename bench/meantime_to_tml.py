#!/usr/bin/env python3
"""Writes the English MEANTIME articles (NewsReader XML: tokens plus TIMEX3 markables over token
ids) as TimeML .tml files that `score.py timeml` reads: the creation time as the DCT, the tokens
joined back into text (no space before closing punctuation, the headline and dateline as their own
paragraphs) with each TIMEX3 around its tokens. MEANTIME annotates only the headline, the dateline
and the first sentences (up to sentence 5), so the text stops after the last sentence holding any
markable: expressions found later would count as false positives.

    python3 bench/meantime_to_tml.py ../shared/data/time/meantime/intra-doc_annotation OUT_DIR
    python3 ../shared/eval/score.py target/release/claimtrail timeml OUT_DIR
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "'s", "n't", "%", "'", "''", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "$", "``"}


def iso(value):
    """One creation time is written DD-MM-YYYY ("03-02-2009" for February 03, 2009)."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value or "")
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else value


def convert(path):
    root = ET.parse(path).getroot()
    toks = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    timexes, dct = {}, None
    for m in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in m.findall("token_anchor")]
        if m.get("functionInDocument") == "CREATION_TIME":
            dct = iso(m.get("value"))
        if ids:
            timexes[ids[0]] = (set(ids), ids[-1], m.get("type"), iso(m.get("value")) or "")
    if not dct:
        return None
    sentence = {tid: sent for tid, sent, _ in toks}
    annotated = [sentence[a.get("t_id")] for m in root.iter("Markables") for mk in m
                 for a in mk.findall("token_anchor") if a.get("t_id") in sentence]
    last_sentence = max(annotated, default=-1)
    toks = [t for t in toks if t[1] <= last_sentence]
    out, prev, prev_sent, open_end = [], None, None, None
    for tid, sent, word in toks:
        word = word.replace("<", "‹").replace(">", "›").replace("&", "and")
        if prev is not None:
            if sent != prev_sent and prev_sent in (0, 1):
                out.append("\n\n")
            elif not (word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER):
                out.append(" ")
        if tid in timexes and open_end is None:
            _, last, typ, val = timexes[tid]
            out.append(f'<TIMEX3 type="{typ}" value="{val}">')
            open_end = last
        out.append(word)
        if tid == open_end:
            out.append("</TIMEX3>")
            open_end = None
        prev, prev_sent = word, sent
    if open_end is not None:
        out.append("</TIMEX3>")
    return f'<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}"/></DCT>\n<TEXT>{"".join(out)}</TEXT>\n</TimeML>\n'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    n = 0
    for dirpath, _, names in sorted(os.walk(src)):
        for name in sorted(names):
            if not name.endswith(".xml"):
                continue
            tml = convert(os.path.join(dirpath, name))
            if tml:
                open(os.path.join(dst, name[:-4] + ".tml"), "w", encoding="utf-8").write(tml)
                n += 1
    print(f"{n} documents written to {dst}")


if __name__ == "__main__":
    main()
