#!/usr/bin/env bash
# Web pages: main-text quality (token-level precision/recall/F1 against the
# hand-marked gold text of tests/fixtures/html) and speed (MB of HTML per
# second, median of N runs) over ../shared/corpus/html, for cydex and, when
# installed, Mozilla Readability with jsdom (the peer). Readability is found
# through READABILITY_NODE_PATH, a node_modules folder made with
#   npm install @mozilla/readability jsdom
# in a scratch folder; without it only cydex is measured.
set -euo pipefail
runs=${1:-3}
bench=${CYDEX_BENCH_DIR:?run through bench/run}/html_bench
fixtures=tests/fixtures/html
corpus=../shared/corpus/html
peer=${READABILITY_NODE_PATH:-}
if [[ -n $peer && ( ! -d $peer/@mozilla/readability || -z $(command -v node) ) ]]; then
  echo "note: no Readability under READABILITY_NODE_PATH=$peer; measuring cydex alone"
  peer=
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "### Main text against gold ($(find "$fixtures" -name '*.html' | wc -l) fixture pages)"
echo
echo "cydex:"
echo
"$bench" score "$fixtures"
if [[ -n $peer ]]; then
  echo
  echo "Mozilla Readability (text only; its separate title not counted):"
  echo
  NODE_PATH=$peer node bench/html_readability.mjs "$fixtures" "$tmp/readability" >/dev/null
  "$bench" score-text "$fixtures" "$tmp/readability" | tail -2
  echo
  echo "Mozilla Readability (its title line, then its text):"
  echo
  NODE_PATH=$peer node bench/html_readability.mjs "$fixtures" "$tmp/readability-title" --with-title >/dev/null
  "$bench" score-text "$fixtures" "$tmp/readability-title" | tail -2
fi

[[ -d $corpus ]] || { echo; echo "speed skipped: $corpus not found"; exit 0; }
echo
echo "### Speed, median of $runs runs"
echo
echo "| pages | files | MB | cydex s | cydex MB/s | Readability s | Readability MB/s | cydex / Readability |"
echo "|---|---|---|---|---|---|---|---|"
row() {
  local label=$1; shift
  IFS=$'\t' read -r files mb secs rate < <("$bench" speed "$runs" "$@")
  if [[ -n $peer ]]; then
    IFS=$'\t' read -r _ _ psecs prate < <(NODE_PATH=$peer node bench/html_readability.mjs --speed "$runs" "$@" 2>/dev/null)
    printf '| %s | %s | %s | %s | %s | %s | %s | %.1fx |\n' "$label" "$files" "$mb" "$secs" "$rate" "$psecs" "$prate" \
      "$(echo "$rate / $prate" | bc -l)"
  else
    printf '| %s | %s | %s | %s | %s | - | - | - |\n' "$label" "$files" "$mb" "$secs" "$rate"
  fi
}
row "h002 (1.5 MB single-file save)" "$corpus/h002.html"
row "h005 (717 KB EUR-Lex proposal)" "$corpus/h005.html"
mapfile -t others < <(find "$corpus" -name '*.html' ! -name h002.html ! -name h005.html | sort)
row "the other ${#others[@]} pages" "${others[@]}"
row "all pages" "$corpus"/*.html
