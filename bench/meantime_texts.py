#!/usr/bin/env python3
"""Writes the English MEANTIME news articles (Wikinews, NewsReader XML) as plain text files, one per
document (DOC_ID.txt), for the hand-judged speaker table bench/meantime-speakers.tsv
(`python3 bench/wcxb_speakers.py --table bench/meantime-speakers.tsv --layout meantime`).

The XML keeps only tokens and sentence numbers, so the text is rebuilt: tokens joined with a space
except before closing punctuation and after opening punctuation, PTB quotes (`` '') written as
curly quotes, the headline and dateline as their own paragraphs, and each later sentence as its own
paragraph unless a quotation is still open (a quote running over a sentence break stays in one
paragraph, as in the article). The whole article is written, not only the sentences MEANTIME
annotates, since quotes and their speakers are the thing judged.

    python3 bench/meantime_texts.py OUT_DIR [MEANTIME_DIR]

MEANTIME_DIR defaults to ../shared/data/time/meantime/intra-doc_annotation.
"""
import os
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "n't", "%", "'", "''", "'re", "'ve",
                   "'ll", "'d", "'m", "”", "’", "...", "'S"}
NO_SPACE_AFTER = {"(", "[", "$", "``", "“", "£", "€", "#", "¥"}
OPEN, CLOSE = {"``", "“"}, {"''", "”"}


def text_of(path):
    root = ET.parse(path).getroot()
    toks = [(int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    out, prev, prev_sent, depth = [], None, None, 0
    for sent, word in toks:
        if prev is not None:
            if sent != prev_sent and (prev_sent in (0, 1) or depth == 0):
                out.append("\n\n")
            elif not (word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER):
                out.append(" ")
        if word in OPEN:
            depth += 1
        elif word in CLOSE:
            depth = max(0, depth - 1)
        out.append({"``": "“", "''": "”"}.get(word, word))
        prev, prev_sent = word, sent
    return "".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    dst = sys.argv[1]
    src = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "..", "shared", "data", "time", "meantime", "intra-doc_annotation")
    os.makedirs(dst, exist_ok=True)
    n = 0
    for dirpath, _, names in sorted(os.walk(src)):
        for name in sorted(names):
            if name.endswith(".xml"):
                doc = ET.parse(os.path.join(dirpath, name)).getroot().get("doc_id") or name.split("_")[0]
                with open(os.path.join(dst, doc + ".txt"), "w", encoding="utf-8") as f:
                    f.write(text_of(os.path.join(dirpath, name)))
                n += 1
    print(f"{n} documents written to {dst}")


if __name__ == "__main__":
    main()
