#!/usr/bin/env bash
# The fault experiments of issue 19, in one command, against a throwaway PostgreSQL cluster with
# fsync on and two API instances (Production, Release) on free 127.0.0.1 ports; nothing leaves
# the machine, and every phase is bounded in time.
#
#   reliability/run.sh [--seconds S] [--writers W] [--overload-clients C] [--api-dll PATH]
#
# --api-dll runs an API already built (e.g. src/Api/bin/Release/net10.0/EnSakITaget.Api.dll)
# instead of publishing one first.
#
# Phases (each with W writers, half on each instance, registering members of staff, every one
# with an e-mail of its own, for S seconds; the fault comes a quarter of the way in):
#   restart     PostgreSQL stopped (fast) and started again at once
#   outage      PostgreSQL down for 5 s
#   db-crash    PostgreSQL killed (immediate stop, as a crash) and started again
#   api-kill    instance a killed with SIGKILL and started again a second later
#   races       10 release-next at once with the same expectation; 10 PUTs of one course with one If-Match
#   overload    C clients asking C different statistics answers for S seconds, with /health/live
#               timed and the instance's memory sampled every 0.5 s; then 30 s idle and sampled again
# For each: acknowledged writes, lost ones (acknowledged but not in the database), answers by
# status, the time from the fault until writes succeed again, and peak memory.
# Exit status: 0 nothing acknowledged was lost and the races released/changed once,
# 1 a write was lost or a race did more than once, 2 it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SECONDS_PER_PHASE=20
WRITERS=8
OVERLOAD_CLIENTS=64
PREBUILT_API=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PHASE="$2"; shift 2 ;;
    --writers) WRITERS="$2"; shift 2 ;;
    --overload-clients) OVERLOAD_CLIENTS="$2"; shift 2 ;;
    --api-dll) PREBUILT_API="$(realpath "$2")"; shift 2 ;;
    -h | --help) sed -n '2,25s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=../scripts/postgres.sh
source scripts/postgres.sh
# shellcheck source=../scripts/api.sh
source scripts/api.sh

if [ -n "$PREBUILT_API" ]; then
  API_DLL="$PREBUILT_API"
else
  echo "reliability: publishing the API in Release"
  api_publish "$REPO/reliability/.work/artifacts" || exit 2
fi

export PG_DURABLE=1
pg_ensure_server
pg_start_cluster ensakitaget-reliability
pg_psql -d postgres -c "CREATE DATABASE ensakitaget_reliability"
DB=$(pg_connection_string ensakitaget_reliability)
OUT="$PG_WORK/out"
mkdir -p "$OUT"
echo "reliability: fsync=$(pg_psql -d postgres -At -c 'SHOW fsync'), load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

api_start a "$DB"
api_wait_ready a 120 || exit 2
api_start b "$DB"
api_wait_ready b 120 || exit 2

now_ms() { date +%s%3N; }

# curl against an instance, as the administrator: call <instance> <method> <path> [json] prints the body.
TOKEN=""
call() {
  local url_var="API_URL_$1" body=()
  [ -n "${4:-}" ] && body=(-d "$4")
  curl -sS -m 15 -X "$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "${body[@]}" "${!url_var}$3"
}
TOKEN=$(curl -sS -m 15 -H 'Content-Type: application/json' \
  -d "{\"email\":\"$API_ADMIN_EMAIL\",\"password\":\"$API_ADMIN_PASSWORD\"}" "$API_URL_a/api/v1/auth/login" | jq -r .accessToken)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { echo "reliability: the administrator could not sign in" >&2; exit 2; }

created() { local body; body=$(call a POST /api/v1/libraries "$1"); jq -re .id <<<"$body" 2>/dev/null || { echo "reliability: could not create a library: $body" >&2; exit 2; }; }
COUNTY=$(created '{"type":"County","name":"Jönköpings län","countyCode":"06"}')
MUNICIPALITY=$(created "{\"type\":\"Municipality\",\"name\":\"Värnamo kommuns bibliotek\",\"parentId\":\"$COUNTY\",\"municipalityCode\":\"0683\"}")
UNIT=$(created "{\"type\":\"MainLibrary\",\"name\":\"Värnamo stadsbibliotek\",\"parentId\":\"$MUNICIPALITY\",\"staffCount\":10}")

# One writer: registers members of staff on <instance> until <end ms>, one line per request: "ms status email".
writer() {
  local instance="$1" tag="$2" end="$3" file="$4" i=0 url_var="API_URL_$1" email code
  while [ "$(now_ms)" -lt "$end" ]; do
    email="w-$tag-$i@reliability.local"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Skrivare $tag $i\",\"email\":\"$email\",\"unitId\":\"$UNIT\"}" "${!url_var}/api/v1/participants" || true)
    echo "$(now_ms) ${code:-000} $email" >>"$file"
    i=$((i + 1))
  done
}

LOST_TOTAL=0
RACE_FAILED=0

# Runs the writers for SECONDS_PER_PHASE with <fault command> a quarter of the way in, then reports.
phase() {
  local name="$1" fault="$2" dir="$OUT/$1" w start end fault_start fault_end
  mkdir -p "$dir"
  start=$(now_ms)
  end=$((start + SECONDS_PER_PHASE * 1000))
  local pids=()
  for ((w = 0; w < WRITERS; w++)); do
    local instance=a
    [ $((w % 2)) -eq 1 ] && instance=b
    writer "$instance" "$name-$w" "$end" "$dir/writer-$w.log" &
    pids+=("$!")
  done
  sleep "$(awk "BEGIN { print $SECONDS_PER_PHASE / 4 }")"
  fault_start=$(now_ms)
  eval "$fault"
  fault_end=$(now_ms)
  wait "${pids[@]}" 2>/dev/null || true

  cat "$dir"/writer-*.log >"$dir/all.log"
  awk '$2 ~ /^2/ { print $3 }' "$dir/all.log" >"$dir/acked.txt"
  local acked lost by_status recovery
  acked=$(wc -l <"$dir/acked.txt")
  lost=$(pg_psql -d ensakitaget_reliability -At <<SQL | tail -n 1
CREATE TEMP TABLE acked (email text);
\copy acked FROM '$dir/acked.txt'
SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM participants.staff_members s WHERE s.email = a.email);
SQL
)
  by_status=$(awk '{ n[$2]++ } END { for (s in n) printf "%s×%d ", s, n[s] }' "$dir/all.log")
  # From the fault until writes succeed again: the first acknowledged write after the fault ended and after the last failure.
  recovery=$(awk -v from="$fault_start" -v to="$fault_end" '
    $1 >= from && $2 !~ /^2/ { if ($1 > lastfail) lastfail = $1 }
    { t[NR] = $1; s[NR] = $2 }
    END {
      after = (lastfail > to ? lastfail : to); best = 0
      for (i in t) if (t[i] > after && s[i] ~ /^2/ && (best == 0 || t[i] < best)) best = t[i]
      if (best == 0) print "never"; else printf "%.2f s", (best - from) / 1000
    }' "$dir/all.log")
  printf 'reliability: %-9s acknowledged %5d, lost %d, answers by status: %s| fault took %.2f s, recovered %s after it began, peak memory a %s MB, b %s MB\n' \
    "$name" "$acked" "$lost" "$by_status" "$(awk "BEGIN { print ($fault_end - $fault_start) / 1000 }")" "$recovery" "$(api_rss_mb a)" "$(api_rss_mb b)"
  LOST_TOTAL=$((LOST_TOTAL + lost))
}

kill_and_restart_a() {
  api_kill a KILL
  sleep 1
  api_start a "$DB"
  api_wait_ready a 120 || true
}

phase restart "pg_restart_cluster fast 0"
phase outage "pg_restart_cluster fast 5"
phase db-crash "pg_restart_cluster immediate 0"
phase api-kill "kill_and_restart_a"

# Races: ten release-next with one expectation release one thing; ten PUTs with one If-Match change once.
TODAY=$(date +%F)
COURSE=$(call a POST /api/v1/courses "{\"countyId\":\"$COUNTY\",\"title\":\"Provkursen\",\"description\":\"En sak i taget.\",\"language\":\"sv\"}" | jq -r .id)
for title in Ett Två Tre Fyra; do
  call a POST "/api/v1/courses/$COURSE/things" "{\"title\":\"$title\",\"instructions\":\"Läs och prova.\",\"estimatedMinutes\":30,\"reportPrompt\":\"Skriv några rader.\"}" >/dev/null
done
call a POST "/api/v1/courses/$COURSE/publish" >/dev/null
ROUND=$(call a POST /api/v1/rounds "{\"courseId\":\"$COURSE\",\"homeLibraryId\":\"$MUNICIPALITY\",\"coordinatorIds\":[],\"kickOff\":\"$TODAY\",\"deadline\":\"$(date -d '+120 days' +%F)\"}" | jq -r .id)
racers=()
released_before=$(call a GET "/api/v1/rounds/$ROUND/schedule" | jq .releasedCount)
for i in $(seq 1 10); do
  url_var=API_URL_a
  [ $((i % 2)) -eq 0 ] && url_var=API_URL_b
  curl -s -o /dev/null -w '%{http_code}\n' -m 15 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"expectedReleased\":$released_before}" "${!url_var}/api/v1/rounds/$ROUND/release-next" >"$OUT/release-$i.txt" &
  racers+=("$!")
done
# Only the racers: a bare wait would wait for the API instances too.
wait "${racers[@]}"
racers=()
released_after=$(call a GET "/api/v1/rounds/$ROUND/schedule" | jq .releasedCount)
release_codes=$(cat "$OUT"/release-*.txt | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
ETAG=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$API_URL_a/api/v1/courses/$COURSE" | awk -F': ' 'tolower($1) == "etag" { gsub(/\r/, "", $2); print $2 }')
for i in $(seq 1 10); do
  url_var=API_URL_a
  [ $((i % 2)) -eq 0 ] && url_var=API_URL_b
  curl -s -o /dev/null -w '%{http_code}\n' -m 15 -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "If-Match: $ETAG" \
    -d "{\"title\":\"Provkursen $i\",\"description\":\"En sak i taget.\",\"language\":\"sv\"}" "${!url_var}/api/v1/courses/$COURSE" >"$OUT/put-$i.txt" &
  racers+=("$!")
done
wait "${racers[@]}"
put_codes=$(cat "$OUT"/put-*.txt | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
put_ok=$(cat "$OUT"/put-*.txt | { grep -c '^200' || true; })
printf 'reliability: races     release-next ×10 released %d (before %d, after %d), answers %s; PUT ×10 with one If-Match: %s\n' \
  "$((released_after - released_before))" "$released_before" "$released_after" "$release_codes" "$put_codes"
if [ "$((released_after - released_before))" -gt 1 ] || [ "$put_ok" -ne 1 ]; then
  RACE_FAILED=1
fi

# Overload: C clients, each its own statistics answer (a page size of its own), on instance a.
dir="$OUT/overload"
mkdir -p "$dir"
rss_before=$(api_rss_mb a)
end=$(($(now_ms) + SECONDS_PER_PHASE * 1000))
pids=()
for ((c = 1; c <= OVERLOAD_CLIENTS; c++)); do
  (
    while [ "$(now_ms)" -lt "$end" ]; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m 30 -H "Authorization: Bearer $TOKEN" \
        "$API_URL_a/api/v1/statistics/libraries?pageSize=$c&from=2026-01-$(printf '%02d' $(((c % 28) + 1)))" >>"$dir/client-$c.log" || true
    done
  ) &
  pids+=("$!")
done
(
  while [ "$(now_ms)" -lt "$end" ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m 10 "$API_URL_a/health/live" >>"$dir/live.log" || true
    sleep 0.2
  done
) &
pids+=("$!")
peak=0
while [ "$(now_ms)" -lt "$end" ]; do
  rss=$(api_rss_mb a)
  [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 0.5
done
wait "${pids[@]}" 2>/dev/null || true
rss_end=$(api_rss_mb a)
sleep 30
rss_idle=$(api_rss_mb a)
overload_codes=$(cat "$dir"/client-*.log | awk '{ n[$1]++ } END { for (s in n) printf "%s×%d ", s, n[s] }')
live_p99=$(sort -n -k2 "$dir/live.log" | awk '{ t[NR] = $2 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.0f ms over %d", t[i] * 1000, NR }')
live_codes=$(awk '{ n[$1]++ } END { for (s in n) printf "%s×%d ", s, n[s] }' "$dir/live.log")
printf 'reliability: overload  %d clients for %d s: answers %s| /health/live p99 %s (%s) | memory of a: %d MB before, peak %d MB, %d MB at the end, %d MB after 30 s idle\n' \
  "$OVERLOAD_CLIENTS" "$SECONDS_PER_PHASE" "$overload_codes" "$live_p99" "$live_codes" "$rss_before" "$peak" "$rss_end" "$rss_idle"

errors=$(cat "$PG_WORK"/api-*.log | { grep -c '"LogLevel":"Error"\|"Level":"Error"\|fail:' || true; })
echo "reliability: error lines in the two instances' logs: $errors; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$LOST_TOTAL" -gt 0 ]; then
  echo "reliability: FAILED: $LOST_TOTAL acknowledged writes are not in the database" >&2
  exit 1
fi
if [ "$RACE_FAILED" -ne 0 ]; then
  echo "reliability: FAILED: a race released or changed more than once" >&2
  exit 1
fi
echo "reliability: no acknowledged write lost"
