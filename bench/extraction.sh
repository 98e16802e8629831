#!/usr/bin/env bash
# Extraction accuracy, throughput per core and peak RSS on the WCXB dev pages:
#   1. the extraction stage alone: `claimtrail eval extraction` (decode + article extraction, one
#      page at a time on one thread; word P/R/F1, date, title and author as score.py counts them),
#   2. the whole `claimtrail analyze` pinned to one core,
#   3. Python trafilatura on the same pages, one core (PEERS_VENV=/path/to/venv with
#      ../shared/peers/requirements.txt installed).
# Usage: bench/extraction.sh [WCXB_DIR]    (default: ../shared/data/extraction/wcxb-dev-articles)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WCXB=${1:-$ROOT/../shared/data/extraction/wcxb-dev-articles}
BIN=$ROOT/target/release/claimtrail
PAGES=$(mktemp -d)
trap 'rm -rf "$PAGES"' EXIT
for f in "$WCXB"/html/*.html.gz; do zcat "$f" > "$PAGES/$(basename "$f" .gz)"; done
N=$(ls "$PAGES" | wc -l)
echo "pages: $N ($(du -sh "$PAGES" | cut -f1))"

# Builds share the machine: go through the cargo lock when there is one.
LOCK=(); [[ -e /tmp/cargo.lock ]] && LOCK=(flock /tmp/cargo.lock)
"${LOCK[@]}" cargo build --release -q --manifest-path "$ROOT/Cargo.toml"
peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f MB", $NF/1024}'; }

T=$(mktemp)
echo "extraction stage alone (1 core):"
/usr/bin/time -v taskset -c 0 "$BIN" eval extraction --wcxb "$WCXB" 2>"$T"
echo "  peak RSS $(peak "$T")"

start=$(date +%s.%N)
/usr/bin/time -v taskset -c 0 env RAYON_NUM_THREADS=1 "$BIN" analyze --format jsonl "$PAGES" >/dev/null 2>"$T"
end=$(date +%s.%N)
echo "analyze (1 core): $(echo "$N / ($end - $start)" | bc -l | xargs printf '%.1f') pages/s, peak RSS $(peak "$T")"

if [[ -n "${PEERS_VENV:-}" && -x "$PEERS_VENV/bin/python" ]]; then
  taskset -c 0 "$PEERS_VENV/bin/python" - "$PAGES" <<'PY'
import os, sys, time, trafilatura
d = sys.argv[1]; files = sorted(os.listdir(d))
docs = [open(os.path.join(d, f), "rb").read().decode("utf-8", "replace") for f in files]
t = time.time()
for h in docs:
    trafilatura.bare_extraction(h, with_metadata=True, include_comments=False)
s = time.time() - t
print(f"trafilatura (1 core, extraction only): {len(docs)/s:.1f} pages/s")
PY
else
  echo "trafilatura: skipped (set PEERS_VENV to a venv with ../shared/peers/requirements.txt)"
fi
rm -f "$T"
