# Shared by the quality gates; sourced, not run. Sets ROOT and offers:
#   cityscore_bin          builds the cityscore binary (debug) and prints its path
#   build_demo OUT URL     builds the demo site (the repository root) into OUT with --base-url URL
#   build_gate_site OUT URL  the demo plus the gates' fixtures (.ci/quality/fixtures/actions/: an
#                          illustrative action, so every page kind exists), built into OUT; with
#                          CITIES_PER_PAGE=N its lists of every city are split into pages of N
#   build_example OUT URL  the fictional programme (Examples/programme/: rounds, actions, programme
#                          view) built into OUT; `example_pages` prints the paths of its sample pages
#                          (pagekinds.py: every page kind rounds and actions bring)
#   free_port              prints a free TCP port on 127.0.0.1
#   serve_parent DIR PORT  serves DIR on 127.0.0.1:PORT in the background (SERVER_PID); stopped on exit
#   make_temp              a temporary folder, removed on exit (kept with KEEP_TEMP=1)
# CITYSCORE_SCRATCH (default .build, what `swift run` uses in CI) is the SwiftPM scratch path;
# CITYSCORE_BIN skips the build and uses that binary.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
QUALITY="$ROOT/.ci/quality"

cityscore_bin() {
  if [[ -n "${CITYSCORE_BIN:-}" ]]; then echo "$CITYSCORE_BIN"; return; fi
  local scratch="${CITYSCORE_SCRATCH:-.build}"
  local log
  log="$(mktemp)"
  if ! (cd "$ROOT" && swift build --scratch-path "$scratch" --product cityscore >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  echo "$(cd "$ROOT" && swift build --scratch-path "$scratch" --show-bin-path)/cityscore"
}

build_demo() {
  local out="$1" url="$2" bin
  bin="$(cityscore_bin)"
  rm -rf "$out"
  (cd "$ROOT" && "$bin" build --site . --output "$out" --base-url "$url" >&2)
}

build_gate_site() {
  local out="$1" url="$2" bin copy
  bin="$(cityscore_bin)"
  copy="$(make_temp)/site"
  mkdir -p "$copy"
  cp -R "$ROOT/Content" "$copy/Content"
  [[ -d "$ROOT/Themes" ]] && cp -R "$ROOT/Themes" "$copy/Themes"
  mkdir -p "$copy/Content/actions"
  cp "$QUALITY/fixtures/actions/"*.md "$copy/Content/actions/"
  # CITIES_PER_PAGE=N: the demo with its lists of every city split into pages of N (issue 20).
  if [[ -n "${CITIES_PER_PAGE:-}" ]]; then printf 'cities_per_page: %s\n' "$CITIES_PER_PAGE" >> "$copy/Content/site.yml"; fi
  rm -rf "$out"
  "$bin" build --site "$copy" --output "$out" --base-url "$url" >&2
}

build_example() {
  local out="$1" url="$2" bin
  bin="$(cityscore_bin)"
  rm -rf "$out"
  "$bin" build --site "$ROOT/Examples/programme" --output "$out" --base-url "$url" >&2
}

example_pages() {
  python3 "$QUALITY/pagekinds.py" example-pages "$ROOT/Examples/programme/Content"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

TEMP_DIRS=()
SERVER_PID=""
cleanup() {
  stop_server
  if [[ "${KEEP_TEMP:-0}" != 1 ]]; then
    for d in "${TEMP_DIRS[@]}"; do rm -rf "$d"; done
  fi
}
trap cleanup EXIT

# A temporary folder, removed on exit (kept with KEEP_TEMP=1).
make_temp() {
  local d
  d="$(mktemp -d "${TMPDIR:-/tmp}/cityscore-quality.XXXXXX")"
  TEMP_DIRS+=("$d")
  echo "$d"
}

stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

serve_parent() {
  local dir="$1" port="$2"
  python3 "$QUALITY/serve.py" "$dir" "$port" >/dev/null 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 50); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "the local server on port $port did not start" >&2
  return 1
}
