#!/usr/bin/env bash
# Tagging throughput (MB of extracted text per second) with the shipped
# taxonomy and with one ten times larger, against word breaking alone.
# Median of N passes over the text of ../shared/corpus (corpus/sample when
# the shared corpus is absent).
set -euo pipefail
runs=${1:-5}
corpus=${CYDEX_BENCH_CORPUS:-../shared/corpus}
[[ -d $corpus ]] || corpus=corpus/sample
"$CYDEX_BENCH_DIR/tagging_bench" "$runs" corpus/taxonomy "$corpus"
