#!/usr/bin/env bash
# Extraction throughput per core and peak RSS on the WCXB dev pages:
#   1. extraction stage alone (decode + article extraction, one thread, examples/extract_bench),
#   2. the whole `claimtrail analyze` pinned to one core,
#   3. optionally Python trafilatura on the same pages (PEERS_VENV=/path/to/venv).
# Usage: bench/extraction.sh [WCXB_DIR]    (run from the worktree root after `cargo build --release`)
set -euo pipefail
WCXB=${1:-/work/shared/data/extraction/wcxb-dev-articles}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/claimtrail
PAGES=$(mktemp -d)
trap 'rm -rf "$PAGES"' EXIT
for f in "$WCXB"/html/*.html.gz; do zcat "$f" > "$PAGES/$(basename "$f" .gz)"; done
N=$(ls "$PAGES" | wc -l)
echo "pages: $N ($(du -sh "$PAGES" | cut -f1))"

# Builds share the machine: go through the cargo lock when there is one.
LOCK=(); [[ -e /tmp/cargo.lock ]] && LOCK=(flock /tmp/cargo.lock)
"${LOCK[@]}" cargo build --release -q -p claimtrail-article --example extract_bench --manifest-path "$ROOT/Cargo.toml"
peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f MB", $NF/1024}'; }

T=$(mktemp)
/usr/bin/time -v taskset -c 0 "$ROOT/target/release/examples/extract_bench" "$PAGES" 2>"$T"
echo "  extraction stage peak RSS: $(peak "$T") (all pages held in memory by the bench)"

start=$(date +%s.%N)
/usr/bin/time -v taskset -c 0 env RAYON_NUM_THREADS=1 "$BIN" analyze --format jsonl "$PAGES" >/dev/null 2>"$T"
end=$(date +%s.%N)
echo "analyze (1 core): $(echo "$N / ($end - $start)" | bc -l | xargs printf '%.1f') pages/s, peak RSS $(peak "$T")"

if [[ -n "${PEERS_VENV:-}" && -x "$PEERS_VENV/bin/python" ]]; then
  "$PEERS_VENV/bin/python" - "$PAGES" <<'PY'
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
  echo "trafilatura: skipped (set PEERS_VENV to a venv with /work/shared/peers/requirements.txt)"
fi
rm -f "$T"
