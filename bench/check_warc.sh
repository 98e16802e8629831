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
py=${PYTHON:-python3}
if ! "$py" -c 'import warcio' 2>/dev/null; then
    venv=${CHECK_WARC_VENV:-target/check-warc-venv}
    if ! "$venv/bin/python" -c 'import warcio' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet warcio
    fi
    py="$venv/bin/python"
fi
"$py" bench/check_warc.py "$bin"
