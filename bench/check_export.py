#!/usr/bin/env python3
"""Reads an export with independent readers (pyarrow, pyld), as the acceptance of issue 17 asks:

    python3 bench/check_export.py JSONL_DIR PARQUET_DIR CLAIMS_FILE

- every Parquet file opens in pyarrow with the types docs/export.md documents and as many rows as
  the JSON Lines file of the same table;
- claims.jsonld expands as JSON-LD (pyld), every Claim with an author, a text and an appearance.
  The schema.org context is served locally (nothing is fetched): `@vocab` https://schema.org/.
Needs `pip install pyarrow pyld`.
"""
import json, os, sys

import pyarrow as pa
import pyarrow.parquet as pq
from pyld import jsonld

TYPES = {"key": pa.int64(), "published": pa.date32(), "estimated": pa.date32(), "authors": pa.list_(pa.string()),
         "syndicated": pa.bool_(), "start": pa.int64(), "end": pa.int64(), "figures.value": pa.float64(),
         "times.value": pa.string(), "similarity": pa.float64(), "first_seen": pa.date32(),
         "first_date": pa.date32(), "text": pa.string()}


def main():
    jdir, pdir, claims = sys.argv[1:4]
    tables = sorted(f[:-8] for f in os.listdir(pdir) if f.endswith(".parquet"))
    for t in tables:
        table = pq.read_table(os.path.join(pdir, f"{t}.parquet"))
        with open(os.path.join(jdir, f"{t}.jsonl")) as f:
            n = sum(1 for line in f if line.strip())
        assert table.num_rows == n, (t, table.num_rows, n)
        for field in table.schema:
            want = TYPES.get(f"{t}.{field.name}", TYPES.get(field.name))
            assert want is None or field.type == want, (t, field.name, field.type)
        meta = pq.ParquetFile(os.path.join(pdir, f"{t}.parquet")).metadata
        codecs = {meta.row_group(g).column(c).compression for g in range(meta.num_row_groups) for c in range(meta.num_columns)}
        assert codecs <= {"ZSTD"}, (t, codecs)
        print(f"{t}: {table.num_rows} rows, {len(table.schema)} typed columns, {meta.num_row_groups} row groups, {codecs or '-'}")

    def loader(url, options=None):
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}

    jsonld.set_document_loader(loader)
    with open(claims) as f:
        doc = json.load(f)
    expanded = jsonld.expand(doc)
    S = "https://schema.org/"
    n = 0
    for node in expanded:
        assert node["@type"] == [S + "Claim"], node["@type"]
        assert node[S + "text"][0]["@value"]
        author = node[S + "author"][0]
        assert author["@type"][0] in (S + "Person", S + "Organization")
        assert node[S + "appearance"], node
        for a in node[S + "appearance"]:
            assert a["@type"] == [S + "NewsArticle"]
        n += 1
    print(f"claims: {n} Claims expanded as JSON-LD, each with author, text and appearance")


if __name__ == "__main__":
    main()
