#!/usr/bin/env bash
# The fault experiments of issue 19, in one command, against a throwaway PostgreSQL cluster with
# fsync on and two API instances (Production, Release) on free 127.0.0.1 ports; nothing leaves
# the machine, and every phase is bounded in time.
#
#   reliability/run.sh [--seconds S] [--writers W] [--overload-clients C] [--import-rows N] [--reporters R]
#                      [--report-things T] [--api-dll PATH] [--only PHASE,...] [--keep DIR] [--log-level LEVEL]
#                      [--api-setting NAME=VALUE]...
#
# --api-dll runs an API already built (e.g. src/Api/bin/Release/net10.0/EnSakITaget.Api.dll)
# instead of publishing one first. --only runs the phases named (e.g. --only api-kill,overload).
# --keep DIR copies the phases' files and both instances' logs into DIR at the end (otherwise
# removed with the cluster). --log-level sets the instances' Logging__LogLevel__Default (Warning).
# --api-setting gives both instances an environment variable (a setting, or a DOTNET_ knob), to compare.
# Every line of the output starts with the time of day.
#
# Phases (each with W writers, half on each instance, registering members of staff, every one
# with an e-mail of its own, for S seconds; the fault comes a quarter of the way in):
#   restart     PostgreSQL stopped (fast) and started again at once
#   outage      PostgreSQL down for 5 s
#   db-crash    PostgreSQL killed (immediate stop, as a crash) and started again
#   api-kill    instance a killed with SIGKILL and started again a second later
#   races       10 release-next at once with the same expectation, on a round with things left to
#               release: one is released and all get its answer; 10 PUTs of one course with one If-Match
#   import-kill instance a killed (SIGKILL) while a CSV import of N rows writes; then the file sent again
#   reports-kill R participants reporting the T things of a round on both instances, a killed a quarter
#               in; they retry as a client does (same report, backoff, the other instance) for S seconds
#               and S/4 after a is back: every acknowledged report stored, none applied twice, the read
#               model equal to a recount, the errors the clients saw counted by kind
#   overload    C clients asking C different statistics answers for S seconds, with /health/live
#               timed and the instance's memory sampled every 0.5 s; then 30 s idle and sampled again
# For each: acknowledged writes, lost ones (acknowledged but not in the database), answers by
# status, the time from the fault until writes succeed again, and peak memory.
# Exit status: 0 nothing acknowledged was lost, the races released/changed once and the killed
# import and reports left whole data; 1 otherwise; 2 it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ARGUMENTS=("$@")
SECONDS_PER_PHASE=20
WRITERS=8
OVERLOAD_CLIENTS=64
IMPORT_ROWS=5000
REPORTERS=20
REPORT_THINGS=100
PREBUILT_API=""
ONLY=""
KEEP=""
LOG_LEVEL=Warning
API_SETTINGS=()
PHASES="restart outage db-crash api-kill races import-kill reports-kill overload"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PHASE="$2"; shift 2 ;;
    --writers) WRITERS="$2"; shift 2 ;;
    --overload-clients) OVERLOAD_CLIENTS="$2"; shift 2 ;;
    --import-rows) IMPORT_ROWS="$2"; shift 2 ;;
    --reporters) REPORTERS="$2"; shift 2 ;;
    --report-things) REPORT_THINGS="$2"; shift 2 ;;
    --api-dll) PREBUILT_API="$(realpath "$2")"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --keep) KEEP="$(realpath -m "$2")"; shift 2 ;;
    --log-level) LOG_LEVEL="$2"; shift 2 ;;
    --api-setting) API_SETTINGS+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,36s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

for phase_name in ${ONLY//,/ }; do
  [[ " $PHASES " == *" $phase_name "* ]] || { echo "reliability: no phase $phase_name (phases: $PHASES)" >&2; exit 2; }
done

# The time of day before every line, stderr's too: the script runs itself again through the stamper.
if [ -z "${RELIABILITY_STAMPED:-}" ]; then
  export RELIABILITY_STAMPED=1
  set +e
  "$0" "${ARGUMENTS[@]}" 2>&1 | while IFS= read -r line; do printf '%(%H:%M:%S)T %s\n' -1 "$line"; done
  exit "${PIPESTATUS[0]}"
fi

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
# --keep: the phases' files and the instances' logs, copied once the instances have stopped (hooks run last-registered first).
keep_results() {
  mkdir -p "$KEEP"
  cp -r "$OUT"/. "$KEEP"/
  cp "$PG_WORK"/api-*.log "$KEEP"/ 2>/dev/null || true
  echo "reliability: the phases' files and the instances' logs are in $KEEP"
}
if [ -n "$KEEP" ]; then pg_on_exit keep_results; fi
start_instance() {
  api_start "$1" "$DB" Logging__LogLevel__Default="$LOG_LEVEL" Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " "${API_SETTINGS[@]}"
}
echo "reliability: fsync=$(pg_psql -d postgres -At -c 'SHOW fsync'), load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

start_instance a
api_wait_ready a 120 || exit 2
start_instance b
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
# API_URL_a and API_URL_b are set by api_start (printf -v), which shellcheck cannot see.
# shellcheck disable=SC2154
TOKEN=$(curl -sS -m 15 -H 'Content-Type: application/json' \
  -d "{\"email\":\"$API_ADMIN_EMAIL\",\"password\":\"$API_ADMIN_PASSWORD\"}" "$API_URL_a/api/v1/auth/login" | jq -r .accessToken)
if [ -z "$TOKEN" ] || [ "$TOKEN" = null ]; then
  echo "reliability: the administrator could not sign in" >&2
  exit 2
fi

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
    # A refused connection, as a client would, waits a moment before the next try: at once, the writers of a
    # killed instance forked a curl hundreds of times a second and took the cores its restart needed.
    if [ "${code:-000}" = 000 ]; then sleep 0.1; fi
  done
}

LOST_TOTAL=0
RACE_FAILED=0
IMPORT_FAILED=0
TODAY=$(date +%F)

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
  start_instance a
  api_wait_ready a 120 || true
}


races_phase() {
# Races: ten release-next with one expectation release one thing; ten PUTs with one If-Match change once.
COURSE=$(call a POST /api/v1/courses "{\"countyId\":\"$COUNTY\",\"title\":\"Provkursen\",\"description\":\"En sak i taget.\",\"language\":\"sv\"}" | jq -r .id)
for title in Ett Två Tre Fyra; do
  call a POST "/api/v1/courses/$COURSE/things" "{\"title\":\"$title\",\"instructions\":\"Läs och prova.\",\"estimatedMinutes\":30,\"reportPrompt\":\"Skriv några rader.\"}" >/dev/null
done
call a POST "/api/v1/courses/$COURSE/publish" >/dev/null
ROUND=$(call a POST /api/v1/rounds "{\"courseId\":\"$COURSE\",\"homeLibraryId\":\"$MUNICIPALITY\",\"coordinatorIds\":[],\"kickOff\":\"$TODAY\",\"deadline\":\"$(date -d '+120 days' +%F)\"}" | jq -r .id)
# Open, from today's kick-off and without a plan, the round has its four things left to release by hand.
call a POST "/api/v1/rounds/$ROUND/open" | jq -e '.status == "Open"' >/dev/null || { echo "reliability: the race's round did not open" >&2; exit 2; }
racers=()
released_before=$(call a GET "/api/v1/rounds/$ROUND/schedule" | jq .releasedCount)
for i in $(seq 1 10); do
  url_var=API_URL_a
  [ $((i % 2)) -eq 0 ] && url_var=API_URL_b
  curl -s -o "$OUT/release-$i.json" -w '%{http_code}\n' -m 15 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"expectedReleased\":$released_before}" "${!url_var}/api/v1/rounds/$ROUND/release-next" >"$OUT/release-$i.txt" &
  racers+=("$!")
done
# Only the racers: a bare wait would wait for the API instances too.
wait "${racers[@]}"
racers=()
released_after=$(call a GET "/api/v1/rounds/$ROUND/schedule" | jq .releasedCount)
release_codes=$(cat "$OUT"/release-*.txt | sort | uniq -c | awk '{ printf "%s×%s ", $2, $1 }')
# Every answer the same schedule (one thing released, at one moment), or how many differ.
release_answers=$(for i in $(seq 1 10); do jq -cS '{releasedCount, nextThingId, released: [.things[] | .releasedAt]}' "$OUT/release-$i.json" 2>/dev/null || echo none; done | sort -u)
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
printf 'reliability: races     release-next ×10 released %d (before %d, after %d), answers %s(%d different bodies: %s); PUT ×10 with one If-Match: %s\n' \
  "$((released_after - released_before))" "$released_before" "$released_after" "$release_codes" "$(wc -l <<<"$release_answers")" \
  "$(head -n 1 <<<"$release_answers")" "$put_codes"
if [ "$((released_after - released_before))" -gt 1 ] || [ "$put_ok" -ne 1 ]; then
  RACE_FAILED=1
fi
if [ "$((released_after - released_before))" -ne 1 ] || [ "$release_codes" != "200×10 " ] || [ "$(wc -l <<<"$release_answers")" -ne 1 ]; then
  echo "reliability: the release race released $((released_after - released_before)) things, not one, or not every request got the first answer" >&2
  RACE_FAILED=1
fi

}

import_kill_phase() {
# Kill -9 during an import: instance a is killed while the import's transaction writes its rows.
# The file then is in the database whole or not at all (no half-rows), and sent again after the
# restart (as a client retries) it is applied whole or reported row by row.
import_dir="$OUT/import-kill"
mkdir -p "$import_dir"
{
  printf '\xef\xbb\xbfNamn;E-post;Enhet;Titel;Chef\r\n'
  for ((n = 1; n <= IMPORT_ROWS; n++)); do
    printf 'Importerad %d;imp-%d@reliability.local;Värnamo stadsbibliotek;Bibliotekarie;nej\r\n' "$n" "$n"
  done
} >"$import_dir/roster.csv"
send_import() {
  local url_var="API_URL_$1"
  curl -s -o "$2" -w '%{http_code}' -m 120 -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
    --data-binary "@$import_dir/roster.csv" "${!url_var}/api/v1/participants/import" || true
}
imported_counts() {
  pg_psql -d ensakitaget_reliability -At -F ' ' -c "SELECT count(*),
    count(*) FILTER (WHERE name <> 'Importerad ' || split_part(split_part(email, '@', 1), '-', 2) OR title IS DISTINCT FROM 'Bibliotekarie' OR unit_id <> '$UNIT' OR is_manager)
    FROM participants.staff_members WHERE email LIKE 'imp-%@reliability.local'"
}
send_import a "$import_dir/first.json" >"$import_dir/first.code" &
import_pid=$!
import_start=$(now_ms)
# Until the import's inserts are under way (at most 60 s), then SIGKILL.
while [ $(($(now_ms) - import_start)) -lt 60000 ] && kill -0 "$import_pid" 2>/dev/null; do
  writing=$(pg_psql -d ensakitaget_reliability -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE '%INSERT INTO participants.staff_members%'")
  [ "$writing" -gt 0 ] && break
  sleep 0.05
done
import_killed_after=$(($(now_ms) - import_start))
import_moment="before its rows were written (no insert seen)"
[ "${writing:-0}" -gt 0 ] && import_moment="while it wrote its rows"
api_kill a KILL
wait "$import_pid" || true
read -r after_kill half_after_kill <<<"$(imported_counts)"
start_instance a
api_wait_ready a 120 || exit 2
retry_code=$(send_import a "$import_dir/retry.json")
read -r after_retry half_after_retry <<<"$(imported_counts)"
retry_summary=$(jq -r '"created \(.created), updated \(.updated), unchanged \(.unchanged), rejected \(.rejected | length)"' "$import_dir/retry.json" 2>/dev/null || echo "no report")
retry_rows=$(jq -r '.created + .updated + .unchanged + (.rejected | length)' "$import_dir/retry.json" 2>/dev/null || echo 0)
retry_rejected=$(jq -r '[.rejected[] | select(.line > 1 and (.reason | length) > 0)] | length' "$import_dir/retry.json" 2>/dev/null || echo 0)
printf 'reliability: import-kill %d rows, killed %.2f s into the import, %s (its answer %s): %d rows in the database after the kill, %d half; sent again: %s, %s, %d rows in the database, %d half\n' \
  "$IMPORT_ROWS" "$(awk "BEGIN { print $import_killed_after / 1000 }")" "$import_moment" "$(sed 's/^\(000\|100\)$/none/' "$import_dir/first.code")" "$after_kill" "$half_after_kill" \
  "$retry_code" "$retry_summary" "$after_retry" "$half_after_retry"
if { [ "$after_kill" -ne 0 ] && [ "$after_kill" -ne "$IMPORT_ROWS" ]; } || [ "$half_after_kill" -ne 0 ] || [ "$half_after_retry" -ne 0 ] ||
  [ "$retry_code" != 200 ] || [ "$retry_rows" -ne "$IMPORT_ROWS" ] || [ "$after_retry" -ne $((IMPORT_ROWS - retry_rejected)) ]; then
  echo "reliability: FAILED: the import killed half-way left part of its file, or its retry was not whole or reported per row" >&2
  IMPORT_FAILED=1
fi

}

reports_kill_phase() {
# Kill -9 during a burst of reports: REPORTERS participants, half on each instance, each reporting
# the REPORT_THINGS things of a round in order; instance a is killed a quarter of the way in and
# started again. The reporters retry as a client does: a report is idempotent (the same report
# again changes nothing and answers the same), so on a refused or broken connection, a timeout or
# a 503 the same report is sent again after a backoff, alternately on the other instance, until
# it is answered. They report for S seconds and at least S/4 after a is back, at most
# REPORTERS x REPORT_THINGS reports. Then every acknowledged report must be stored, none applied
# twice (one Started and one Reported event per thing, no revision, the counts equal), and the
# read model (each enrolment's counters, the daily report counts) must agree with a recount from
# the progress events; every error a client saw is counted by kind.
reports_dir="$OUT/reports-kill"
mkdir -p "$reports_dir"
REPORT_COURSE=$(call a POST /api/v1/courses "{\"countyId\":\"$COUNTY\",\"title\":\"Skrivkursen\",\"description\":\"En sak i taget.\",\"language\":\"sv\"}" | jq -r .id)
for ((k = 1; k <= REPORT_THINGS; k++)); do
  call a POST "/api/v1/courses/$REPORT_COURSE/things" "{\"title\":\"Sak $k\",\"instructions\":\"Läs och prova.\",\"estimatedMinutes\":30,\"reportPrompt\":\"Skriv några rader.\"}" >/dev/null
done
call a POST "/api/v1/courses/$REPORT_COURSE/publish" >/dev/null
REPORT_ROUND=$(call a POST /api/v1/rounds "{\"courseId\":\"$REPORT_COURSE\",\"homeLibraryId\":\"$MUNICIPALITY\",\"coordinatorIds\":[],\"kickOff\":\"$TODAY\",\"deadline\":\"$(date -d '+120 days' +%F)\"}" | jq -r .id)
call a POST "/api/v1/rounds/$REPORT_ROUND/open" >/dev/null
for ((k = 0; k < REPORT_THINGS; k++)); do
  call a POST "/api/v1/rounds/$REPORT_ROUND/release-next" "{\"expectedReleased\":$k}" >/dev/null
done
call a GET "/api/v1/rounds/$REPORT_ROUND/schedule" | jq -r '.things | sort_by(.position) | .[].thingId' >"$reports_dir/things.txt"
[ "$(wc -l <"$reports_dir/things.txt")" -eq "$REPORT_THINGS" ] || { echo "reliability: the report round has no $REPORT_THINGS things" >&2; exit 2; }
REPORTER_PASSWORD="Rep-$(api_random_alnum 16)-7a"
staff_ids=()
for ((p = 1; p <= REPORTERS; p++)); do
  staff_ids+=("$(call a POST /api/v1/participants "{\"name\":\"Rapportör $p\",\"email\":\"rep-$p@reliability.local\",\"unitId\":\"$UNIT\"}" | jq -r .id)")
  call a POST /api/v1/users "{\"email\":\"rep-$p@reliability.local\",\"displayName\":\"Rapportör $p\",\"password\":\"$REPORTER_PASSWORD\",\"roles\":[{\"role\":\"Participant\",\"libraryId\":\"$UNIT\"}]}" >/dev/null
done
call a POST "/api/v1/rounds/$REPORT_ROUND/enrolments" "{\"participantIds\":$(printf '%s\n' "${staff_ids[@]}" | jq -R . | jq -sc .)}" >/dev/null
reporter_tokens=()
for ((p = 1; p <= REPORTERS; p++)); do
  reporter_tokens+=("$(curl -sS -m 15 -H 'Content-Type: application/json' -d "{\"email\":\"rep-$p@reliability.local\",\"password\":\"$REPORTER_PASSWORD\"}" \
    "$API_URL_b/api/v1/auth/login" | jq -r .accessToken)")
done
# What a client saw: the HTTP status, or the kind of connection error from curl's exit status.
outcome_of() {
  case "$1" in
    0) echo "$2" ;;
    7) echo refused ;;
    28) echo timeout ;;
    52) echo empty-reply ;;
    55) echo send-failed ;;
    56) echo reset ;;
    *) echo "curl-$1" ;;
  esac
}
# One reporter: the things in order from <home> while <stop file> is absent and until <hard end ms>;
# each report is sent until it is answered, again after a backoff (50 ms doubling to 800 ms, with
# jitter, at most 40 times) on a connection error, a timeout or a 503, alternately on the other
# instance. A line per attempt: "ms attempt instance outcome text".
reporter() {
  local home="$1" p="$2" token="$3" stop="$4" hard_end="$5" file="$6" thing k=0 text instance attempt delay pause rc code outcome url_var
  while read -r thing && [ ! -e "$stop" ] && [ "$(now_ms)" -lt "$hard_end" ]; do
    k=$((k + 1))
    text="Rapport rep-$p-$k: jag provade och lärde mig något nytt."
    instance=$home attempt=0 delay=50
    while :; do
      attempt=$((attempt + 1))
      url_var="API_URL_$instance"
      rc=0
      code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 -m 15 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"text\":\"$text\"}" "${!url_var}/api/v1/rounds/$REPORT_ROUND/things/$thing/report" </dev/null) || rc=$?
      outcome=$(outcome_of "$rc" "$code")
      echo "$(now_ms) $attempt $instance $outcome $text" >>"$file"
      case "$outcome" in
        refused | timeout | empty-reply | send-failed | reset | 502 | 503 | 504) ;;
        *) break ;;
      esac
      if [ "$attempt" -ge 40 ] || [ "$(now_ms)" -ge "$hard_end" ]; then
        break
      fi
      pause=$((delay + RANDOM % (delay / 2 + 1)))
      sleep "$((pause / 1000)).$(printf '%03d' $((pause % 1000)))"
      delay=$((delay * 2 > 800 ? 800 : delay * 2))
      case "$instance" in a) instance=b ;; *) instance=a ;; esac
    done
  done <"$reports_dir/things.txt"
}
reports_stop="$reports_dir/stop"
reports_start=$(now_ms)
pids=()
for ((p = 1; p <= REPORTERS; p++)); do
  instance=a
  [ $((p % 2)) -eq 0 ] && instance=b
  reporter "$instance" "$p" "${reporter_tokens[$((p - 1))]}" "$reports_stop" "$((reports_start + (SECONDS_PER_PHASE + 150) * 1000))" "$reports_dir/reporter-$p.log" &
  pids+=("$!")
done
# The kill a quarter of the way in, once the reporters have had a few reports each acknowledged
# (on a loaded machine the first ones take seconds), but by S at the latest.
sleep "$(awk "BEGIN { print $SECONDS_PER_PHASE / 4 }")"
while [ "$(cat "$reports_dir"/reporter-*.log 2>/dev/null | awk '$4 ~ /^2/ { n++ } END { print n + 0 }')" -lt $((REPORTERS * 5)) ] &&
  [ "$(now_ms)" -lt $((reports_start + SECONDS_PER_PHASE * 1000)) ]; do
  sleep 0.2
done
reports_killed=$(now_ms)
api_kill a KILL
sleep 1
start_instance a
reports_ready="ready again"
api_wait_ready a 120 || reports_ready="still not ready"
reports_back=$(now_ms)
# On to S seconds from the start, and at least S/4 with a back, so that both instances take reports again.
sleep "$(awk "BEGIN { s = ($reports_start + $SECONDS_PER_PHASE * 1000 - $reports_back) / 1000; q = $SECONDS_PER_PHASE / 4; print (s > q ? s : q) }")"
touch "$reports_stop"
wait "${pids[@]}" 2>/dev/null || true
cat "$reports_dir"/reporter-*.log >"$reports_dir/all.log"
awk '$4 ~ /^2/ { $1 = $2 = $3 = $4 = ""; sub(/^ +/, ""); print }' "$reports_dir/all.log" >"$reports_dir/acked.txt"
reports_acked=$(wc -l <"$reports_dir/acked.txt")
# Acknowledged before the kill, while a was down or starting, and after; after a retry; by the other instance.
read -r acked_before acked_during acked_after acked_retried acked_elsewhere <<<"$(awk -v killed="$reports_killed" -v back="$reports_back" '
  $4 ~ /^2/ {
    if ($1 < killed) before++; else if ($1 < back) during++; else after++
    if ($2 > 1) retried++
    split($6, who, "-"); home = (who[2] % 2 == 0 ? "b" : "a"); if ($3 != home) elsewhere++
  }
  END { printf "%d %d %d %d %d\n", before, during, after, retried, elsewhere }' "$reports_dir/all.log")"
# A report whose last attempt was not acknowledged: given up (out of attempts or time) or refused with a 4xx/5xx.
reports_given_up=$(awk '{ key = $5 " " $6; last[key] = $4 } END { for (k in last) if (last[k] !~ /^2/) n++; print n + 0 }' "$reports_dir/all.log")
reports_errors=$(awk '$4 !~ /^2/ { n[$4]++ } END { for (s in n) printf "%s×%d ", s, n[s] }' "$reports_dir/all.log")
# Answers a retrying client cannot ride out: anything but 2xx, a connection error, a timeout, 502, 503, 504.
reports_unexpected=$(awk '$4 !~ /^(2..|502|503|504|refused|timeout|empty-reply|send-failed|reset)$/ { n++ } END { print n + 0 }' "$reports_dir/all.log")
read -r reports_lost reports_twice reports_revised reports_stored reports_events reports_counted enrolments_off daily_missing daily_extra <<<"$(pg_psql -d ensakitaget_reliability -At -F ' ' <<SQL | tail -n 1
CREATE TEMP TABLE acked (text text);
\copy acked FROM '$reports_dir/acked.txt'
WITH recount AS (
    SELECT enrolment_id, count(*) FILTER (WHERE kind = 'Reported') AS reported, bool_or(kind = 'Completed') AS completed
    FROM participants.progress_events GROUP BY enrolment_id),
reported_things AS (
    SELECT enrolment_id, count(*) AS reported FROM participants.thing_progress WHERE status = 'Reported' GROUP BY enrolment_id),
daily AS (
    SELECT p.round_id, s.unit_id, (p.occurred_at AT TIME ZONE 'Europe/Stockholm')::date AS day, count(*)::int AS reports
    FROM participants.progress_events p JOIN participants.staff_members s ON s.id = p.staff_member_id
    WHERE p.kind = 'Reported' GROUP BY 1, 2, 3),
stored AS (SELECT round_id, unit_id, day, reports FROM participants.daily_reports)
SELECT (SELECT count(*) FROM acked a WHERE NOT EXISTS (
            SELECT 1 FROM participants.thing_progress t WHERE t.status = 'Reported' AND t.reflection_text = a.text)),
       (SELECT count(*) FROM (SELECT 1 FROM participants.progress_events WHERE round_id = '$REPORT_ROUND' AND kind IN ('Started', 'Reported', 'Completed')
            GROUP BY enrolment_id, kind, thing_id HAVING count(*) > 1) twice),
       (SELECT count(*) FROM participants.progress_events WHERE round_id = '$REPORT_ROUND' AND kind = 'ReflectionRevised'),
       (SELECT count(*) FROM participants.thing_progress WHERE round_id = '$REPORT_ROUND' AND status = 'Reported'),
       (SELECT count(*) FROM participants.progress_events WHERE round_id = '$REPORT_ROUND' AND kind = 'Reported'),
       (SELECT coalesce(sum(things_reported), 0) FROM participants.enrolments WHERE round_id = '$REPORT_ROUND'),
       (SELECT count(*) FROM participants.enrolments e
            LEFT JOIN recount r ON r.enrolment_id = e.id LEFT JOIN reported_things t ON t.enrolment_id = e.id
            WHERE e.things_reported <> coalesce(r.reported, 0) OR e.things_reported <> coalesce(t.reported, 0)
               OR (e.status = 'Completed') <> coalesce(r.completed, false)),
       (SELECT count(*) FROM (SELECT * FROM daily EXCEPT SELECT * FROM stored) missing),
       (SELECT count(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM daily) extra);
SQL
)"
printf 'reliability: reports-kill %d reporters × %d things on both instances, a killed after %.2f s and %s %.2f s later, reporting %.2f s: acknowledged %d (%d before the kill, %d while a was away, %d after; %d after a retry, %d by the other instance), lost %d, applied twice %d, revised %d, stored %d (events %d, counters %d), not acknowledged %d | errors the clients saw: %s| unexpected answers %d | read model against a recount: %d enrolments differ, daily counts %d missing, %d extra, peak memory a %s MB, b %s MB\n' \
  "$REPORTERS" "$REPORT_THINGS" "$(awk "BEGIN { print ($reports_killed - $reports_start) / 1000 }")" "$reports_ready" "$(awk "BEGIN { print ($reports_back - $reports_killed) / 1000 }")" \
  "$(awk "BEGIN { print ($(now_ms) - $reports_start) / 1000 }")" "$reports_acked" "$acked_before" "$acked_during" "$acked_after" "$acked_retried" "$acked_elsewhere" \
  "$reports_lost" "$reports_twice" "$reports_revised" "$reports_stored" "$reports_events" "$reports_counted" "$reports_given_up" "${reports_errors:-none }" "$reports_unexpected" \
  "$enrolments_off" "$daily_missing" "$daily_extra" "$(api_rss_mb a)" "$(api_rss_mb b)"
LOST_TOTAL=$((LOST_TOTAL + reports_lost))
if [ "$enrolments_off" -ne 0 ] || [ "$daily_missing" -ne 0 ] || [ "$daily_extra" -ne 0 ]; then
  echo "reliability: FAILED: the read model disagrees with a recount after the kill during reports" >&2
  IMPORT_FAILED=1
fi
if [ "$reports_twice" -ne 0 ] || [ "$reports_revised" -ne 0 ] || [ "$reports_stored" -ne "$reports_events" ] || [ "$reports_stored" -ne "$reports_counted" ] ||
  [ "$reports_stored" -lt "$reports_acked" ]; then
  echo "reliability: FAILED: a report retried across the kill was applied twice, or the stored reports, their events and the counters disagree" >&2
  IMPORT_FAILED=1
fi
if [ "$reports_unexpected" -ne 0 ]; then
  echo "reliability: FAILED: $reports_unexpected reports were answered with an error a retrying client cannot ride out (see the errors above)" >&2
  IMPORT_FAILED=1
fi

}

overload_phase() {
# Overload: C clients, each its own statistics answer (a page size of its own), on instance a,
# once a is up again after the reports' kill (on a loaded machine its start can take minutes).
api_wait_ready a 300 || exit 2
dir="$OUT/overload"
mkdir -p "$dir"
rss_before=$(api_rss_mb a)
end=$(($(now_ms) + SECONDS_PER_PHASE * 1000))
pids=()
# Each client keeps its connection, as a browser or an integration does: one curl for 20 requests in turn.
# A curl started per request spent more of the two cores than the API did, and the probe below
# measured the machine's queue for them. The clients run niced, as if on other machines: the API
# (and the probe, as a kubelet beside it would) get the cores first, the clients what is left.
for ((c = 1; c <= OVERLOAD_CLIENTS; c++)); do
  (
    url="$API_URL_a/api/v1/statistics/libraries?pageSize=$c&from=2026-01-$(printf '%02d' $(((c % 28) + 1)))"
    batch=()
    for ((n = 0; n < 20; n++)); do batch+=(-o /dev/null "$url"); done
    while [ "$(now_ms)" -lt "$end" ]; do
      nice -n 19 curl -s -w '%{http_code} %{time_total}\n' -m 60 -H "Authorization: Bearer $TOKEN" "${batch[@]}" >>"$dir/client-$c.log" || true
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

}

want() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
if want restart; then phase restart "pg_restart_cluster fast 0"; fi
if want outage; then phase outage "pg_restart_cluster fast 5"; fi
if want db-crash; then phase db-crash "pg_restart_cluster immediate 0"; fi
if want api-kill; then phase api-kill "kill_and_restart_a"; fi
if want races; then races_phase; fi
if want import-kill; then import_kill_phase; fi
if want reports-kill; then reports_kill_phase; fi
if want overload; then overload_phase; fi

errors=$(cat "$PG_WORK"/api-*.log | { grep -c '"LogLevel":"Error"\|"Level":"Error"\|fail:' || true; })
echo "reliability: error lines in the two instances' logs: $errors; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
# What they were, counted by where they came from and their message's start.
cat "$PG_WORK"/api-*.log | { grep '"LogLevel":"Error"' || true; } | jq -r '"\(.Category): \(.Message[0:100])"' 2>/dev/null |
  sort | uniq -c | sort -rn | head -n 10 | sed 's/^/reliability:   /'

if [ "$LOST_TOTAL" -gt 0 ]; then
  echo "reliability: FAILED: $LOST_TOTAL acknowledged writes are not in the database" >&2
  exit 1
fi
if [ "$RACE_FAILED" -ne 0 ]; then
  echo "reliability: FAILED: a race released or changed more than once" >&2
  exit 1
fi
if [ "$IMPORT_FAILED" -ne 0 ]; then
  echo "reliability: FAILED: a kill during the import or the reports left partial data" >&2
  exit 1
fi
echo "reliability: no acknowledged write lost"
