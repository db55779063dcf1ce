#!/usr/bin/env bash
# Benchmarks against real PostgreSQL, each side by side with plain SQL on the same database:
# the roster CSV import (vs a binary COPY) and the 350 x 130 progress matrix (vs the SELECT
# that reads the same rows). Only when asked for, as it takes minutes: --only national seeds a
# whole country (21 counties, 30,000 staff, a million progress events) and measures statistics,
# the matrix and reports under concurrent load, with the API's peak memory; --only web loads the
# published web app in Debian's headless Chromium (cold-load bytes and time to a usable sign-in,
# the 350 x 130 matrix drawn after its data arrives), each beside its goal and its floor; --only
# dashboard seeds the national data and draws the county statistics dashboard over it in Chromium;
# --only drain points the API's sender at a mail server in the client on 127.0.0.1 and times release
# notices to 1,500 and 30,000 staff, drained, with GET /me/rounds read meanwhile against idle.
#
#   bench/run.sh [--only import|matrix|national|web|dashboard|drain] [--rows N] [--repeat R] [--participants P] [--things T]
#                [--workers W] [--seconds S] [--timeout-minutes M]
#
# Publishes the API and builds the bench client in Release (into bench/.work, apart from src/*/bin
# and obj), starts a throwaway PostgreSQL cluster and the API on free 127.0.0.1 ports, runs
# bench/EnSakITaget.Bench, then stops both. The report also goes to bench/results/.
# Extra arguments go to the client. Exit status: 0 measured and correct (a missed target is
# reported, not failed), 1 a correctness check failed, 2 it could not measure.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "${1:-}" in
  -h | --help)
    sed -n '2,21s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
esac

READY_SECONDS=60
ARTIFACTS="$REPO/bench/.work/artifacts"
API_DLL="$ARTIFACTS/publish/EnSakITaget.Api/release/EnSakITaget.Api.dll"
BENCH_DLL="$ARTIFACTS/bin/EnSakITaget.Bench/release/EnSakITaget.Bench.dll"
RESULTS="$REPO/bench/results"

echo "bench: publishing the API (as the Dockerfile does) and building the bench client in Release"
# The API is published, not only built: that is what runs in production, and a publish trims the
# web app it serves to the assemblies it uses (about 45 instead of 200 in a build), so the API maps
# about 550 static-asset endpoints instead of 1,280, each of them held in memory and in the router.
for step in "publish src/Api/EnSakITaget.Api.csproj -p:UseAppHost=false" "build bench/EnSakITaget.Bench/EnSakITaget.Bench.csproj"; do
  # shellcheck disable=SC2086 # the command and its project are two words on purpose
  if ! build_log=$(dotnet $step -c Release --artifacts-path "$ARTIFACTS" -nologo -v q 2>&1); then
    printf '%s\n' "$build_log" >&2
    echo "bench: dotnet $step failed" >&2
    exit 2
  fi
done
for dll in "$API_DLL" "$BENCH_DLL"; do
  if [ ! -f "$dll" ]; then
    echo "bench: the build reported success but left no ${dll#"$REPO"/}" >&2
    exit 2
  fi
done

# shellcheck source=../scripts/postgres.sh
source scripts/postgres.sh
pg_ensure_server
pg_start_cluster ensakitaget-bench
pg_psql -d postgres -c "CREATE DATABASE ensakitaget_bench"
DB_CONNECTION_STRING=$(pg_connection_string ensakitaget_bench)

API_ADMIN_EMAIL="bench@ensakitaget.local"
# shellcheck source=../scripts/api.sh
source scripts/api.sh
ADMIN_EMAIL="$API_ADMIN_EMAIL"
ADMIN_PASSWORD="$API_ADMIN_PASSWORD"

# --only drain: the API sends to the client's mail server on this port (plain SMTP on loopback), as
# fast as it can (the per-minute maximum set high), and the notice tick looks every 2 s, not 60;
# BENCH_DRAIN_CONNECTIONS sets Email:Connections (1 unless given, as in production), to compare one with several.
MAIL_SETTINGS=()
SMTP_PORT=""
for arg in "$@"; do
  if [ "$arg" = drain ]; then
    SMTP_PORT=$(pg_free_port)
    MAIL_SETTINGS=(Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" Email__Smtp__Security=None
      Email__MaxPerMinute=1000000 Email__Connections="${BENCH_DRAIN_CONNECTIONS:-1}" Email__PollSeconds=1 Participants__NoticeCheckSeconds=2)
  fi
done

api_start bench "$DB_CONNECTION_STRING" "${MAIL_SETTINGS[@]}"
API_PID="$API_PID_bench"
API_URL="$API_URL_bench"
API_LOG="$PG_WORK/api-bench.log"
echo "bench: API starting on $API_URL (Production, Release)"
api_wait_ready bench "$READY_SECONDS" || exit 2
echo "bench: API ready"

mkdir -p "$RESULTS"
REPORT="$RESULTS/bench-$(date +%Y%m%d-%H%M%S).txt"
# The client runs in the background, so that a signal to this script stops it at once (a
# foreground child would first run to its end); tee reads its output through a FIFO.
CLIENT_PID=""
TEE_PID=""
stop_client() {
  if [ -n "$CLIENT_PID" ]; then
    kill -TERM "$CLIENT_PID" 2>/dev/null || true
    wait "$CLIENT_PID" 2>/dev/null || true
  fi
  if [ -n "$TEE_PID" ]; then
    kill -TERM "$TEE_PID" 2>/dev/null || true
  fi
  CLIENT_PID=""
  TEE_PID=""
}
pg_on_exit stop_client
mkfifo "$PG_WORK/client.out"
tee "$REPORT" <"$PG_WORK/client.out" &
TEE_PID=$!
BENCH_POSTGRES="$DB_CONNECTION_STRING" \
  BENCH_API_PID="$API_PID" \
  BENCH_SMTP_PORT="$SMTP_PORT" \
  BENCH_ADMIN_EMAIL="$ADMIN_EMAIL" \
  BENCH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  dotnet "$BENCH_DLL" --url "$API_URL" "$@" >"$PG_WORK/client.out" 2>&1 &
CLIENT_PID=$!
status=0
wait "$CLIENT_PID" || status=$?
CLIENT_PID=""
wait "$TEE_PID" || true
TEE_PID=""

echo "bench: report saved to ${REPORT#"$REPO"/}"
if [ "$status" -ne 0 ] && [ -s "$API_LOG" ]; then
  # A fresh database always logs EF Core's failed look-up of its migration history first.
  echo "bench: the end of the API's log (warnings and errors, JSON):" >&2
  tail -n 10 "$API_LOG" >&2
fi
exit "$status"
