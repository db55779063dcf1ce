# shellcheck shell=bash
# The published API on a free loopback port against the cluster of scripts/postgres.sh, for the
# scripts that drive a real process (reliability/run.sh, bench/run.sh).
# Source it after scripts/postgres.sh, from a bash script under `set -euo pipefail`:
#
#   api_publish "$REPO/reliability/.work/artifacts"     # sets API_DLL (Release, as the Dockerfile)
#   api_start a "$DB_CONNECTION_STRING"                 # sets API_PID_a, API_PORT_a, API_URL_a
#   api_wait_ready a 60                                 # until /health/ready answers 200
#   api_kill a KILL | api_stop a                        # hard kill, or TERM then KILL after 10 s
#
# Every instance started is stopped when the script exits (pg_on_exit). The instances share one
# signing key and one bootstrap administrator (API_ADMIN_EMAIL, API_ADMIN_PASSWORD; an e-mail set
# before sourcing is kept). API_DLL set before sourcing is kept too (a script that publishes itself).

if [ -n "${ENSAKITAGET_API_SH:-}" ]; then
  return 0
fi
ENSAKITAGET_API_SH=1

API_DLL="${API_DLL:-}"
_API_NAMES=()

# n random letters and digits. head ends first, so no pipe breaks under pipefail.
api_random_alnum() {
  local out=""
  while [ "${#out}" -lt "$1" ]; do
    out+=$(head -c 256 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${out:0:$1}"
}

API_SIGNING_KEY=$(api_random_alnum 48)
API_ADMIN_EMAIL="${API_ADMIN_EMAIL:-reliability@ensakitaget.local}"
# The password policy: at least 10 characters, a digit, upper and lower case.
API_ADMIN_PASSWORD="Rel-$(api_random_alnum 20)-7a"

# Whether GET <path> on 127.0.0.1:<port> answers 200 within 5 seconds.
api_http_ok() {
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$2" "$1" >&3
    IFS= read -r status <&3 || exit 1
    case "$status" in "HTTP/1.1 200"*) exit 0 ;; *) exit 1 ;; esac
  ' _ "$1" "$2" 2>/dev/null
}

# Publishes src/Api in Release into <artifacts> and sets API_DLL.
api_publish() {
  local artifacts="$1" log
  if ! log=$(dotnet publish src/Api/EnSakITaget.Api.csproj -p:UseAppHost=false -c Release --artifacts-path "$artifacts" -nologo -v q 2>&1); then
    printf '%s\n' "$log" >&2
    echo "dotnet publish src/Api failed" >&2
    return 1
  fi
  API_DLL="$artifacts/publish/EnSakITaget.Api/release/EnSakITaget.Api.dll"
  [ -f "$API_DLL" ] || { echo "the publish left no $API_DLL" >&2; return 1; }
}

# Starts (or starts again, on the same port) the instance <name> against <connection string>.
# Extra arguments are NAME=VALUE settings for it. Its log is $PG_WORK/api-<name>.log.
api_start() {
  local name="$1" connection="$2"
  shift 2
  local port_var="API_PORT_$name"
  if [ -z "${!port_var:-}" ]; then
    printf -v "$port_var" '%s' "$(pg_free_port)"
    printf -v "API_URL_$name" '%s' "http://127.0.0.1:${!port_var}"
    _API_NAMES+=("$name")
    if [ "${#_API_NAMES[@]}" -eq 1 ]; then
      pg_on_exit _api_stop_all
    fi
  fi
  local url="http://127.0.0.1:${!port_var}"
  (
    cd "$(dirname "$API_DLL")"
    exec env -u ASPNETCORE_HTTP_PORTS -u ASPNETCORE_HTTPS_PORTS \
      ASPNETCORE_ENVIRONMENT=Production \
      ASPNETCORE_URLS="$url" \
      Database__Provider=PostgreSql \
      Database__ConnectionString="$connection" \
      Auth__SigningKey="$API_SIGNING_KEY" \
      Auth__BootstrapAdmin__Email="$API_ADMIN_EMAIL" \
      Auth__BootstrapAdmin__Password="$API_ADMIN_PASSWORD" \
      Auth__LoginAttemptsPerMinute=1000 \
      Logging__LogLevel__Default=Warning \
      "$@" \
      dotnet "$API_DLL"
  ) >>"$PG_WORK/api-$name.log" 2>&1 &
  printf -v "API_PID_$name" '%s' "$!"
}

# Waits until the instance answers /health/ready, at most <seconds>; prints the log's end if not.
api_wait_ready() {
  local name="$1" seconds="${2:-60}" port_var="API_PORT_$1" pid_var="API_PID_$1"
  local deadline=$((SECONDS + seconds))
  until api_http_ok "${!port_var}" /health/ready; do
    if ! kill -0 "${!pid_var}" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "the API instance $name is not ready; the end of its log:" >&2
      tail -n 30 "$PG_WORK/api-$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Sends <signal> to the instance and waits for it to end.
api_kill() {
  local pid_var="API_PID_$1"
  if [ -n "${!pid_var:-}" ]; then
    kill -"${2:-KILL}" "${!pid_var}" 2>/dev/null || true
    wait "${!pid_var}" 2>/dev/null || true
  fi
}

# TERM, then KILL after 10 s.
api_stop() {
  local pid_var="API_PID_$1" i
  local pid="${!pid_var:-}"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

_api_stop_all() {
  local name
  for name in "${_API_NAMES[@]}"; do
    api_stop "$name"
  done
}

# The resident memory of the instance in MB, or 0 when it is not running.
api_rss_mb() {
  local pid_var="API_PID_$1"
  local status="/proc/${!pid_var:-0}/status"
  if [ -r "$status" ]; then
    awk '/^VmRSS:/ { printf "%d\n", $2 / 1024; found = 1 } END { if (!found) print 0 }' "$status" 2>/dev/null || echo 0
  else
    echo 0
  fi
}
