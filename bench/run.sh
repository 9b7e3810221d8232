#!/usr/bin/env bash
# cityscore's performance benchmarks (issue 8). See bench/README.md.
#
#   bash bench/run.sh            build cityscore (release), generate the sites, measure, print the table
#
# Environment (all optional):
#   RUNS=3          runs per benchmark (the median is reported)
#   BUDGET=40       after this many seconds of one benchmark, no further runs of it are started
#   PAGES=2000      Markdown pages of the Hugo / cmark comparison
#   CITIES=1000     cities of the data benchmark (the linearity check also builds 2 x CITIES)
#   YEARS=5         years of results per city
#   TIMEOUT=600     a cityscore build still running after this many seconds is killed (and fails)
#   MAX_BIG=90      the 2 x CITIES build is skipped (its target fails) when the CITIES build took longer
#                   than this many seconds; 0 = always run it
#   PROGRAMME=357   cities of the national programme site the serve edits are measured on
#   SERVE_EDITS=10  edits of each kind on it (the median is reported)
#   HUGE=0          cities of the one-off large build (issue 20: 10000 cities in < 60 s, < 1 GiB); 0 skips it
#                   (its target is then printed as SKIP with the figure recorded in bench/README.md)
#   HUGE_OUT=DIR    where that build's site goes (default: OUT); 10,000 cities write about 11 GB,
#                   more than a small machine's tmpfs holds: give a folder on disk
#   CITYSCORE=PATH  measure this binary instead of building one
#   WORK=DIR        generate into DIR (default: a new temporary folder, removed at the end)
#   KEEP=1          keep the temporary folder (sites, outputs, results.tsv, logs)
#   OUT=DIR         where the built sites go (default: a new folder on the /dev/shm tmpfs when there is
#                   one, else under WORK; see "Where the outputs go" in bench/README.md)
#
# Exit status: 0 when every target passes, 1 when one fails (the whole table is printed first),
# 2 when the benchmark itself could not run.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
RUNS="${RUNS:-3}"
BUDGET="${BUDGET:-40}"
PAGES="${PAGES:-2000}"
CITIES="${CITIES:-1000}"
YEARS="${YEARS:-5}"
BIG=$((2 * CITIES))
TIMEOUT="${TIMEOUT:-600}"
MAX_BIG="${MAX_BIG:-90}"
PROGRAMME="${PROGRAMME:-357}"
SERVE_EDITS="${SERVE_EDITS:-10}"
HUGE="${HUGE:-0}"

for tool in python3 hugo cmark; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is missing (Debian: apt-get install -y $tool)" >&2
    exit 2
  fi
done

cleanup=()
trap 'if (( ${#cleanup[@]} )); then rm -rf "${cleanup[@]}"; fi' EXIT
if [[ -n "${WORK:-}" ]]; then
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/cityscore-bench.XXXXXX")"
  if [[ "${KEEP:-0}" != 1 ]]; then cleanup+=("$WORK"); fi
fi

# Outputs on tmpfs: on this machine's disk (ext4 without a journal) creating files soon after deleting
# thousands scans the recently deleted inodes for each new one, which measures the kernel, not the tools.
if [[ -z "${OUT:-}" ]]; then
  if [[ -d /dev/shm && -w /dev/shm ]]; then
    OUT="$(mktemp -d /dev/shm/cityscore-bench-out.XXXXXX)"
    if [[ "${KEEP:-0}" != 1 ]]; then cleanup+=("$OUT"); fi
  else
    OUT="$WORK"
  fi
fi
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(hugo version | cut -d' ' -f1-2), $(cmark --version | head -1)"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "   load average: $(load) (other processes on the machine slow every figure; CPU s is the steadiest)"

# 1. cityscore, release build with its own scratch path (others' .build stays untouched)
if [[ -z "${CITYSCORE:-}" ]]; then
  echo "== building cityscore (release, scratch path .build-bench)"
  if ! (cd "$ROOT" && swift build -c release --scratch-path .build-bench >"$WORK/swift-build.log" 2>&1); then
    tail -30 "$WORK/swift-build.log" >&2
    echo "bench: swift build failed (full log: $WORK/swift-build.log)" >&2
    exit 2
  fi
  CITYSCORE="$ROOT/.build-bench/release/cityscore"
fi
echo "   binary: $CITYSCORE"
echo "   outputs: $OUT"

# 2. the sites
echo "== generating sites in $WORK"
start=$SECONDS
python3 "$BENCH/generate.py" markdown "$PAGES" "$WORK/md"
python3 "$BENCH/generate.py" data "$CITIES" "$YEARS" "$WORK/data-$CITIES"
python3 "$BENCH/generate.py" data "$BIG" "$YEARS" "$WORK/data-$BIG"
python3 "$BENCH/generate.py" programme "$PROGRAMME" "$YEARS" "$WORK/programme-$PROGRAMME"
if [[ "$HUGE" != 0 ]]; then python3 "$BENCH/generate.py" data "$HUGE" "$YEARS" "$WORK/data-$HUGE"; fi
echo "   $PAGES pages ($(du -sh "$WORK/md/all.md" | cut -f1) of Markdown), $CITIES and $BIG cities x $YEARS years ($((SECONDS - start)) s)"

# 3. measure
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
measure() { python3 "$BENCH/measure.py" "$@"; }
echo "== measuring (up to $RUNS runs each, median reported)"
# One untimed warm-up of the small ones, so every tool starts with the files in the page cache.
hugo --quiet -s "$WORK/md/hugo" -d "$OUT/out-hugo" >/dev/null 2>&1 || true
cmark --smart "$WORK/md/all.md" >/dev/null
measure md-cmark "$RESULTS" --runs "$RUNS" --budget "$BUDGET" -- cmark --smart "$WORK/md/all.md"
measure md-hugo "$RESULTS" --runs "$RUNS" --budget "$BUDGET" --clean "$OUT/out-hugo" -- \
  hugo --quiet -s "$WORK/md/hugo" -d "$OUT/out-hugo"
measure md-cityscore "$RESULTS" --runs "$RUNS" --budget "$BUDGET" --timeout "$TIMEOUT" --clean "$OUT/out-md" -- \
  "$CITYSCORE" build --site "$WORK/md/cityscore" --output "$OUT/out-md"
rm -rf "$OUT/out-md"
measure "data-$CITIES" "$RESULTS" --runs "$RUNS" --budget "$BUDGET" --timeout "$TIMEOUT" --clean "$OUT/out-data-$CITIES" -- \
  "$CITYSCORE" build --site "$WORK/data-$CITIES/cityscore" --output "$OUT/out-data-$CITIES"
rm -rf "$OUT/out-data-$CITIES"
measure "check-$CITIES" "$RESULTS" --runs "$RUNS" --budget "$BUDGET" --timeout "$TIMEOUT" -- \
  "$CITYSCORE" check --site "$WORK/data-$CITIES/cityscore"
first="$(awk -v n="data-$CITIES" '$1 == n && $2 == 1 {print $4}' "$RESULTS")"
if [[ "$MAX_BIG" != 0 ]] && awk -v t="${first:-0}" -v m="$MAX_BIG" 'BEGIN {exit !(t > m)}'; then
  echo "  data-$BIG       skipped: the $CITIES-city build took ${first} s (> MAX_BIG=$MAX_BIG s)"
  big_skip=(--big-skip "skipped: $CITIES cities took ${first%.*} s")
else
  measure "data-$BIG" "$RESULTS" --runs "$RUNS" --budget "$BUDGET" --timeout "$TIMEOUT" --clean "$OUT/out-data-$BIG" -- \
    "$CITYSCORE" build --site "$WORK/data-$BIG/cityscore" --output "$OUT/out-data-$BIG"
  rm -rf "$OUT/out-data-$BIG"
  big_skip=()
fi

# The one-off large build (HUGE cities): once, outside the linearity check.
huge=()
if [[ "$HUGE" != 0 ]]; then
  huge_out="${HUGE_OUT:-$OUT}"
  mkdir -p "$huge_out"
  measure "data-$HUGE" "$RESULTS" --runs 1 --timeout "$TIMEOUT" --clean "$huge_out/out-data-$HUGE" -- \
    "$CITYSCORE" build --site "$WORK/data-$HUGE/cityscore" --output "$huge_out/out-data-$HUGE"
  rm -rf "$huge_out/out-data-$HUGE" "$WORK/data-$HUGE"
  huge=(--huge "$HUGE")
fi

# 4. serve: only when the binary has the command
serve=(--serve-skip "no serve command")
if "$CITYSCORE" serve --help 2>&1 | grep -q -- "--port"; then
  echo "== serve: edit -> rebuilt page"
  if ms="$(python3 "$BENCH/serve_latency.py" "$CITYSCORE" "$ROOT" "$WORK/serve" 2>"$WORK/serve.log")"; then
    echo "   rebuild $(echo "$ms" | cut -d' ' -f1) ms (server's figure), edit -> page served $(echo "$ms" | cut -d' ' -f2) ms (median of 5 edits)"
    serve=(--serve-ms "$(echo "$ms" | cut -d' ' -f1)")
  else
    tail -5 "$WORK/serve.log" >&2
    serve=(--serve-skip "error, see serve.log")
  fi
  # issue 20: a national programme's site, one city's narrative and one city's results file edited
  site="$WORK/programme-$PROGRAMME/cityscore"
  # results: a value's source corrected (the scores stay); value: a value changed (its city's scores change)
  for kind in narrative results value template; do
    field=source
    case $kind in
      narrative) edit=Content/cities/city-0001.md ;;
      results) edit=Content/results/city-0001.csv ;;
      value) edit=Content/results/city-0001.csv; field=value ;;
      template) edit=Themes/default/templates/city.mustache ;;
    esac
    # A template edit makes every page again: fewer edits, and the first (full) build is its yardstick.
    edits="$SERVE_EDITS"
    if [[ $kind == template ]]; then edits=3; fi
    label=""
    if [[ $field == value ]]; then label=" (a value changed)"; fi
    echo "== serve, $PROGRAMME cities: edit $edit$label"
    if ms="$(python3 "$BENCH/serve_latency.py" "$CITYSCORE" "$ROOT" "$WORK/serve-$kind" --site "$site" \
      --edit "$edit" --field "$field" --url /cities/city-0001/ --edits "$edits" --initial 2>"$WORK/serve-$kind.log")"; then
      echo "   rebuild $(echo "$ms" | cut -d' ' -f1) ms (server's figure), edit -> served $(echo "$ms" | cut -d' ' -f2) ms (median of $edits edits); first build $(echo "$ms" | cut -d' ' -f3) ms"
      serve+=(--programme-"$kind"-ms "$(echo "$ms" | cut -d' ' -f1)")
      if [[ $kind == template ]]; then serve+=(--programme-full-ms "$(echo "$ms" | cut -d' ' -f3)"); fi
    else
      tail -5 "$WORK/serve-$kind.log" >&2
    fi
  done
fi

# 5. the table
echo "== load average at the end: $(load)"
status=0
python3 "$BENCH/report.py" "$RESULTS" --pages "$PAGES" --cities "$CITIES" --programme "$PROGRAMME" "${serve[@]}" ${big_skip[@]+"${big_skip[@]}"} ${huge[@]+"${huge[@]}"} --json "$WORK/results.json" || status=$?
if [[ "${KEEP:-0}" == 1 ]]; then echo "(kept: $WORK)"; fi
exit "$status"
