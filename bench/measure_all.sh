#!/usr/bin/env bash
# Every dev-set score of one build, in one directory: the scorer's modes and the bench scripts, each
# run's full log in OUT/NAME.log and its last line in OUT/summary.txt. Compare two builds with
# `diff OLD/summary.txt NEW/summary.txt`.
#
#     bench/measure_all.sh BINARY OUT_DIR        (needs ../shared beside the repository)
set -uo pipefail
B=$(realpath "$1"); OUT=$2
REPO=$(cd "$(dirname "$0")/.." && pwd)
S=$(realpath "$REPO/../shared"); E=$S/data/extraction
mkdir -p "$OUT"; : > "$OUT/summary.txt"
cd "$REPO"
# run NAME CMD...: the command's last line goes to the summary.
run() { local n=$1; shift; "$@" > "$OUT/$n.log" 2>&1; printf '%s\t%s\n' "$n" "$(tail -1 "$OUT/$n.log")" >> "$OUT/summary.txt"; }
# runq NAME PATTERN CMD...: the lines matching PATTERN go to the summary.
runq() { local n=$1 p=$2; shift 2; "$@" > "$OUT/$n.log" 2>&1; printf '%s\t%s\n' "$n" "$(grep -E "$p" "$OUT/$n.log" | tr '\n' ' ')" >> "$OUT/summary.txt"; }
SC="python3 $S/eval/score.py"
run seeds $SC "$B" seeds "$S/seeds" "$S/gold/seeds.json"
run ledger $SC "$B" seeds "$E/readability-pages" "$S/gold/ledger-dev.json"
run readability $SC "$B" readability "$E/readability-pages"
run rdumps $SC "$B" dumps "$E/readability-dumps"
run wcxb $SC "$B" wcxb "$E/wcxb-dev-articles"
run wdumps $SC "$B" dumps "$E/wcxb-dev-dumps"
run polnear_dev $SC "$B" polnear "$S/data/quotes/polnear/dev"
run conll_valid $SC "$B" conll "$S/data/ner/conll2003/valid.txt"
CONLL_TYPES=PER,LOC,ORG run uner_test $SC "$B" conll "$S/data/ner/uner-ewt/test.conll"
run timebank $SC "$B" timeml "$S/data/time/tbaq/TimeBank"
run aquaint $SC "$B" timeml "$S/data/time/tbaq/AQUAINT"
MT=$(mktemp -d); python3 bench/meantime_to_tml.py "$S/data/time/meantime/intra-doc_annotation" "$MT" > /dev/null
run meantime $SC "$B" timeml "$MT"; rm -rf "$MT"
run stories $SC "$B" stories "$S/data/stories/ecbplus-dev"
for b in A B C D E F G; do run "news_values_$b" python3 bench/news_values.py --batch $b "$B"; done
runq news_quotes 'right speaker|found|spurious' python3 bench/news_quotes.py "$B"
run body_checks_wcxb python3 bench/body_checks.py "$B" "$E/wcxb-dev-articles"
run body_checks_rd python3 bench/body_checks.py "$B" "$E/readability-pages"
runq speakers_wcxb 'judged' python3 bench/wcxb_speakers.py "$B"
runq speakers_rd 'judged' python3 bench/wcxb_speakers.py --table bench/readability-speakers.tsv --layout readability "$B"
runq speakers_mt 'judged' python3 bench/wcxb_speakers.py --table bench/meantime-speakers.tsv --layout meantime "$B"
runq news_figures 'right source|invented' python3 bench/wcxb_speakers.py --figures --table bench/news-figures.tsv --layout meantime "$B"
run figure_sources python3 bench/figure_sources.py "$B" "$S/data/quotes/polnear/dev"
runq news_figures_ecb 'found|right source|invented' python3 bench/news_figures_ecb.py "$B"
cat "$OUT/summary.txt"
