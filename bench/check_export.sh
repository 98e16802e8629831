#!/usr/bin/env bash
# Issue 17's acceptance with independent readers: a ledger of the example pages and a few hundred
# generated articles is exported as JSON Lines, Parquet and Claim JSON-LD, and bench/check_export.py
# reads the export back with pyarrow (types, zstd, row counts) and pyld (every Claim expands with
# author, text and appearance).
#
#     bench/check_export.sh BINARY     # a claimtrail built with `--features parquet`
#
# pyarrow and pyld come from $PYTHON when it has them, else from a virtual environment made once
# under target/ (`pip install pyarrow pyld`: the only step that needs the network).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench/check_export.sh BINARY}
py=$(bench/python_with.sh "${CHECK_EXPORT_VENV:-target/check-export-venv}" "pyarrow, pyld" pyarrow pyld)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/generate.py 300 "$tmp/generated.jsonl"
"$bin" ingest --quiet --db "$tmp/ledger.db" examples/pages "$tmp/generated.jsonl"
for format in jsonl parquet claim-jsonld; do
    "$bin" export --db "$tmp/ledger.db" --format "$format" --out "$tmp/$format" >/dev/null
done
"$py" bench/check_export.py "$tmp/jsonl" "$tmp/parquet" "$tmp/claim-jsonld/claims.jsonld"
