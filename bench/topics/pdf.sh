#!/usr/bin/env bash
# PDF extraction speed: pages per second of `cydex extract --json` over every
# PDF of ../shared/corpus/pdf, one file after another in one process each,
# against `pdftotext` (poppler-utils) on the same files in the same run;
# median of N runs each, alternating so that a change in the machine's load
# affects both alike. Then the leftover line-end splits per 10,000 words
# before and after dehyphenation (bench/pdf_bench.cpp).
#
# `cydex extract FILE` starts a process per file (the taxonomy loads each
# time), so the table also times `cydex extract` over all the PDFs in one
# process (extraction, cleaning and tagging, printed as JSON Lines), and
# `cydex ingest` over the same PDFs (extraction, tagging and indexing): each
# with --jobs 1 and with --jobs using every core.
set -euo pipefail
runs=${1:-3}
dir=../shared/corpus/pdf
[[ -d $dir ]] || { echo "skipped: $dir not found"; exit 0; }
command -v pdftotext >/dev/null || { echo "skipped: pdftotext not installed (Debian package poppler-utils)"; exit 0; }
files=("$dir"/*.pdf)
pages=0
for file in "${files[@]}"; do
  # p073 is cut off: pdfinfo fails on it and it counts no pages.
  n=$({ pdfinfo "$file" 2>/dev/null || true; } | awk '/^Pages:/ {print $2}')
  pages=$((pages + ${n:-0}))
done

declare -A times=([cydex]="" [pdftotext]="" [extract1]="" [extractn]="" [ingest1]="" [ingestn]="")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cores=$(nproc)
for ((i = 0; i < runs; i++)); do
  for jobs in 1 "$cores"; do
    start=$(date +%s.%N)
    "$CYDEX_BIN" extract --json --jobs "$jobs" "${files[@]}" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    key=extract1; [[ $jobs != 1 ]] && key=extractn
    times[$key]+="$(echo "$end - $start" | bc -l) "
    rm -rf "$tmp/index"
    start=$(date +%s.%N)
    "$CYDEX_BIN" ingest -q --jobs "$jobs" --index "$tmp/index" "${files[@]}" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    key=ingest1; [[ $jobs != 1 ]] && key=ingestn
    times[$key]+="$(echo "$end - $start" | bc -l) "
  done
  start=$(date +%s.%N)
  for file in "${files[@]}"; do "$CYDEX_BIN" extract --json "$file" >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  times[cydex]+="$(echo "$end - $start" | bc -l) "
  start=$(date +%s.%N)
  for file in "${files[@]}"; do pdftotext "$file" - >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  times[pdftotext]+="$(echo "$end - $start" | bc -l) "
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mc=$(median "${times[cydex]}")
mp=$(median "${times[pdftotext]}")
e1=$(median "${times[extract1]}")
en=$(median "${times[extractn]}")
m1=$(median "${times[ingest1]}")
mn=$(median "${times[ingestn]}")

echo "Corpus: $dir, ${#files[@]} PDFs, $pages pages (pdfinfo); one file at a time; $(nproc) cores on the machine."
echo
echo "| what | median wall s ($runs runs) | runs (s) | pages/s | ratio to pdftotext |"
echo "|---|---|---|---|---|"
printf '| pdftotext FILE - | %.2f | %s| %.0f | 1.00 |\n' "$mp" "${times[pdftotext]}" "$(echo "$pages / $mp" | bc -l)"
printf '| cydex extract --json FILE | %.2f | %s| %.0f | %.2f |\n' "$mc" "${times[cydex]}" \
  "$(echo "$pages / $mc" | bc -l)" "$(echo "$mp / $mc" | bc -l)"
printf '| cydex extract --json --jobs 1 (all files, one process) | %.2f | %s| %.0f | %.2f |\n' "$e1" "${times[extract1]}" \
  "$(echo "$pages / $e1" | bc -l)" "$(echo "$mp / $e1" | bc -l)"
printf '| cydex extract --json --jobs %s (all files, one process) | %.2f | %s| %.0f | %.2f |\n' "$cores" "$en" "${times[extractn]}" \
  "$(echo "$pages / $en" | bc -l)" "$(echo "$mp / $en" | bc -l)"
printf '| cydex ingest --jobs 1 (all files, one process) | %.2f | %s| %.0f | %.2f |\n' "$m1" "${times[ingest1]}" \
  "$(echo "$pages / $m1" | bc -l)" "$(echo "$mp / $m1" | bc -l)"
printf '| cydex ingest --jobs %s (all files, one process) | %.2f | %s| %.0f | %.2f |\n' "$cores" "$mn" "${times[ingestn]}" \
  "$(echo "$pages / $mn" | bc -l)" "$(echo "$mp / $mn" | bc -l)"
echo
"$CYDEX_BENCH_DIR/pdf_bench" splits "$dir"
echo
echo "In one process (no start-up), extraction and cleaning only, cydex's reading order against poppler's layout text:"
echo
"$CYDEX_BENCH_DIR/pdf_bench" time "$dir"
