#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL cluster on a free loopback port.
# Installs the PostgreSQL server, and Debian's Chromium for the web app's browser tests, with apt
# when they are missing (Playwright never downloads a browser here). Ends by printing
#   tests: N passed, N failed
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
pg_ensure_server
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing the chromium package with apt"
  pg_as_root apt-get update -qq
  pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
pg_start_cluster ensakitaget-test
WORK=$PG_WORK

export ENSAKITAGET_TEST_POSTGRES="$PG_CONNECTION_STRING"

status=0
dotnet test EnSakITaget.sln -c Release --logger "trx" --results-directory "$WORK/results" "$@" || status=$?

passed=0
failed=0
for trx in "$WORK"/results/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  project_passed=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  project_failed=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + project_passed))
  failed=$((failed + project_failed))
  # Each project's own count too (EnSakITaget.Web.ComponentTests, the bUnit tests, among them).
  project=$( (grep -o 'codeBase="[^"]*"' "$trx" || true) | head -n 1 | sed -E 's#.*/([^/]+)\.dll"#\1#')
  if [ -n "$project" ] && [ "$((project_passed + project_failed))" -gt 0 ]; then
    echo "  $project: $project_passed passed, $project_failed failed"
  fi
done
# A build error or a crashed test host fails the run even when no test reported a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "tests: $passed passed, $failed failed"
exit "$status"
