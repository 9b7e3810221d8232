#!/usr/bin/env bash
# Profiles one cityscore build with perf and prints where the time goes, by pipeline stage and function.
#
#   bash bench/profile.sh data 200        a generated site of 200 cities x 5 years
#   bash bench/profile.sh markdown 2000   a generated site of 2,000 Markdown pages
#   bash bench/profile.sh site DIR        any site folder
#
# Environment: CITYSCORE=PATH (default .build-bench/release/cityscore, built if missing), HZ=499 (sampling
# rate), WORK=DIR (default a temporary folder, kept: perf.data and the report stay there), TIMELINE=0.5
# (seconds per line of the timeline; 0 = none), STAGES_OPTS="--stage validate --top 40" (more of stages.py).
# Needs perf (Debian: apt-get install -y linux-perf) and `swift demangle` (the toolchain's).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
HZ="${HZ:-499}"
TIMELINE="${TIMELINE:-0.5}"
WORK="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/cityscore-profile.XXXXXX")}"
mkdir -p "$WORK"

if ! perf stat -e task-clock true >/dev/null 2>&1; then
  echo "profile: perf does not work here (Debian: apt-get install -y linux-perf)" >&2
  exit 2
fi
if [[ -z "${CITYSCORE:-}" ]]; then
  CITYSCORE="$ROOT/.build-bench/release/cityscore"
  if [[ ! -x "$CITYSCORE" ]]; then
    (cd "$ROOT" && swift build -c release --scratch-path .build-bench)
  fi
fi

case "${1:-}" in
  data) python3 "$BENCH/generate.py" data "${2:-200}" "${3:-5}" "$WORK/site"; SITE="$WORK/site/cityscore" ;;
  markdown) python3 "$BENCH/generate.py" markdown "${2:-2000}" "$WORK/site"; SITE="$WORK/site/cityscore" ;;
  site) SITE="$(cd "$2" && pwd)" ;;
  *) sed -n '2,12p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac

rm -rf "$WORK/out"
echo "== perf record -F $HZ -g: $CITYSCORE build --site $SITE" >&2
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KiB peak RSS" -o "$WORK/time.txt" \
  python3 "$BENCH/rss_poll.py" "$WORK/rss.tsv" -- \
  perf record -q -k mono -F "$HZ" -g -o "$WORK/perf.data" "$CITYSCORE" build --site "$SITE" --output "$WORK/out" >&2
echo "(with perf attached: $(cat "$WORK/time.txt"); load average before/after: $(cut -d' ' -f1-3 /proc/loadavg))"
perf script -i "$WORK/perf.data" -F tid,time,period,ip,sym 2>/dev/null | swift demangle --simplified \
  | python3 "$BENCH/stages.py" --timeline "$TIMELINE" --rss "$WORK/rss.tsv" ${STAGES_OPTS:-} | tee "$WORK/stages.txt"
echo "(perf.data and stages.txt in $WORK)" >&2
