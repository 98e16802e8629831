#!/usr/bin/env python3
"""Lists a TimeML directory's time errors grouped by kind, matched the way `score.py timeml`
matches them: missed gold TIMEX3 (fn), spurious predictions (fp) and wrong DATE/TIME values (val),
each with gold and predicted text and value and the sentence around it.

    python3 bench/timeml_errors.py target/release/claimtrail ../shared/data/time/tbaq/AQUAINT [--summary]

Kinds are read off the expression's words (first match wins), so a count per kind can be
compared before and after a change; `--summary` prints the counts only.
"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
sys.path.insert(0, "/work/shared/eval")
import score  # noqa: E402

WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tue\.|wed\.|thu\.|fri\.|sat\.|sun\."
MONTH = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
         r"august|september|october|november|december")
# (kind, pattern over the lower-cased expression text, or over the value when it starts with "v:")
KINDS = [
    ("now/present", r"\b(now|currently|present|today's|nowadays|these days|at the moment|recent(ly)?)\b"),
    ("past/future ref", r"\b(once|formerly|former|earlier|later|soon|future|past|ago|before|previously|recent)\b$"),
    ("set", r"\b(every|each|per|daily|weekly|monthly|annually|annual|yearly|a year|a day|a week|a month)\b"),
    ("quarter/fiscal", r"\b(quarter|fiscal|half|period|nine months|six months ended)\b"),
    ("season", r"\b(spring|summer|fall|autumn|winter)\b"),
    ("decade/century", r"\b(\d0s|'\d0s|decade|century|centuries|millenni)"),
    ("weekday", rf"\b({WEEKDAY})"),
    ("time of day", r"\b(morning|afternoon|evening|night|tonight|noon|midnight|a\.m\.|p\.m\.|\d+:\d\d|o'clock)\b"),
    ("today/yesterday", r"\b(today|yesterday|tomorrow)\b"),
    ("the past/last/next N", r"\b(past|last|next|previous|coming|recent|following|few|several)\b.*\b(year|month|week|day|years|months|weeks|days|hours)\b"),
    ("this/last/next unit", r"\b(this|last|next|that|the same|the previous|the following)\s+(year|month|week|day)\b"),
    ("duration", r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|many|few)[- ](year|month|week|day|hour|minute|decade)s?\b"),
    ("month day / full date", rf"\b({MONTH})\.?\s+\d"),
    ("month", rf"\b({MONTH})\b"),
    ("year", r"\b(1[89]|20)\d\d\b"),
]


def kind_of(text):
    t = score.norm(text)
    for name, pat in KINDS:
        if re.search(pat, t):
            return name
    return "other"


def sentence(text, a, b):
    """The sentence around [a, b): back to the last full stop or blank line, on to the next."""
    s = max(text.rfind(". ", 0, a), text.rfind("\n\n", 0, a))
    s = 0 if s < 0 else s + 2
    if a - s > 300:
        s = a - 300
    e = len(text)
    for stop in (". ", "\n\n"):
        i = text.find(stop, b)
        if 0 <= i < e:
            e = i + 1
    e = min(e, b + 300)
    return re.sub(r"\s+", " ", text[s:e]).strip()


def errors(bin_, d):
    files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".tml"))
    tmp = score.tempfile.mkdtemp()
    docs = []
    for f in files:
        dct, text, gold = score.timeml_doc(f)
        p = os.path.join(tmp, os.path.basename(f) + ".txt")
        open(p, "w", encoding="utf-8").write(text)
        docs.append((f, dct, text, gold, p))
    out = []
    for f, dct, text, gold, p in docs:
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
            if hit is None:
                out.append(("fn", kind_of(inner), typ, inner, val, "", "", dct, name, sentence(text, a, b)))
                continue
            used.add(hit)
            got = pred[hit].get("value") or ""
            if typ in ("DATE", "TIME") and got != val:
                out.append(("val", kind_of(inner), typ, inner, val, pred[hit].get("text") or "", got, dct, name,
                            sentence(text, a, b)))
        for i, t in enumerate(pred):
            if i in used:
                continue
            tt = t.get("text") or ""
            s = t.get("start")
            if not isinstance(s, int):
                s = text.find(tt)
            s = max(s, 0)
            out.append(("fp", kind_of(tt), t.get("type") or "", "", "", tt, t.get("value") or "", dct, name,
                        sentence(text, s, s + len(tt))))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    summary = "--summary" in sys.argv
    bin_, d = args[0], args[1]
    errs = errors(bin_, d)
    groups = defaultdict(list)
    for e in errs:
        groups[e[1]].append(e)
    order = sorted(groups, key=lambda k: -len(groups[k]))
    for k in order:
        es = groups[k]
        counts = {c: sum(1 for e in es if e[0] == c) for c in ("fn", "fp", "val")}
        print(f"== {k}: {len(es)} (missed {counts['fn']}, spurious {counts['fp']}, wrong value {counts['val']})")
        if summary:
            continue
        for c, _, typ, inner, val, ptext, got, dct, name, sent in sorted(es, key=lambda e: (e[0], e[8])):
            g = f"gold {inner!r}={val}" if inner else "gold -"
            p = f"pred {ptext!r}={got}" if ptext else "pred -"
            print(f"  {c}\t{typ}\t{g}\t{p}\tdct={dct}\t{name}\n      {sent}")
    tot = {c: sum(1 for e in errs if e[0] == c) for c in ("fn", "fp", "val")}
    print(f"== total: missed {tot['fn']}, spurious {tot['fp']}, wrong value {tot['val']}")


if __name__ == "__main__":
    main()
