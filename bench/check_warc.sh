#!/usr/bin/env bash
# Issue 16's acceptance with an independent reader: `claimtrail collect` over a site on loopback,
# then bench/check_warc.py reads the archive with warcio (framing, one gzip member per record,
# block and payload digests) and compares its HTML responses with claimtrail's own reader.
#
#     bench/check_warc.sh BINARY     # a claimtrail built with the `collect` feature (default)
#
# warcio comes from $PYTHON when it has it, else from a virtual environment made once under
# target/ (`pip install warcio`: the only step that needs the network).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: bench/check_warc.sh BINARY}
py=$(bench/python_with.sh "${CHECK_WARC_VENV:-target/check-warc-venv}" warcio warcio)
"$py" bench/check_warc.py "$bin"
