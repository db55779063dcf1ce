#!/usr/bin/env bash
# Makes the README's screenshots (docs/images/*.png): starts the demo as a developer would
# (`dotnet run --project src/Api -- --seed-demo`, on a throwaway SQLite folder and a loopback
# port), photographs the participant's thing page and the coordinator's progress matrix at
# desktop and phone width in Debian's headless Chromium, and stops the demo.
#
#   tools/screenshots.sh [http://127.0.0.1:PORT/]   # with an address: use a demo already running
#
# The images are product documentation, committed with the change that alters those pages.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/chromium ]; then
  echo "screenshots: /usr/bin/chromium is missing: apt-get install chromium" >&2
  exit 2
fi

URL=${1:-}
API_PID=""
DATA=""
stop_demo() {
  if [ -n "$API_PID" ]; then
    kill -TERM "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  if [ -n "$DATA" ]; then
    rm -rf "$DATA"
  fi
}
trap stop_demo EXIT

if [ -z "$URL" ]; then
  PORT=${SCREENSHOTS_PORT:-5180}
  URL="http://127.0.0.1:$PORT/"
  DATA=$(mktemp -d)
  echo "screenshots: building and starting the demo on $URL"
  dotnet build src/Api -nologo -v q
  (
    cd src/Api
    exec env ASPNETCORE_ENVIRONMENT=Development Database__DataFolder="$DATA" \
      dotnet bin/Debug/net10.0/EnSakITaget.Api.dll --urls "http://127.0.0.1:$PORT" --seed-demo
  ) >"$DATA/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "${URL}health/ready" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$API_PID" 2>/dev/null; then
      echo "screenshots: the demo stopped at start:" >&2
      tail -n 30 "$DATA/api.log" >&2
      exit 2
    fi
    sleep 0.5
  done
fi

dotnet run --project tools/Screenshots -c Release -- "$URL" docs/images
