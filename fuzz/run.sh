#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each over its seed corpus, with libFuzzer
# through cargo-fuzz. New inputs go to a scratch directory, so the committed corpus stays small.
#
#   fuzz/run.sh SECONDS [TARGET...]
#
# cargo-fuzz needs nightly compiler flags; RUSTC_BOOTSTRAP=1 lets the stable compiler take them.
# No sanitizer (safe Rust: what we look for are panics, overflows under debug assertions, hangs
# and runaway memory), debug assertions on. A crash leaves its input in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list --fuzz-dir fuzz)
fi
export RUSTC_BOOTSTRAP=1
flags=(--fuzz-dir fuzz --sanitizer none --debug-assertions)
cargo fuzz build "${flags[@]}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in "${targets[@]}"; do
    mkdir -p "$scratch/$t"
    echo "fuzz: $t for ${secs}s" >&2
    log="$scratch/$t.log"
    if ! cargo fuzz run "${flags[@]}" "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz: $t failed; its input is in fuzz/artifacts/$t/" >&2
        exit 1
    fi
    grep -E "^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" >&2 || true
done
