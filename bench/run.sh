#!/usr/bin/env bash
# npm run bench: HTTP benchmarks against the scale database.
#   BENCH_RESEED=1       rebuild the scale database first (otherwise only when it is missing or incomplete)
#   BENCH_DURATION=15    seconds per scenario;  BENCH_SCENARIOS=a,b  run only these
#   BENCH_PORT=3999      first port to try for the API;  BENCH_SKIP_BUILD=1  use dist/ as it is
#   BENCH_FROM_SOURCE=1  run the API from src/ with ts-node instead of dist/ (no build needed)
#   BENCH_PG_SOCKET=0    connect the API over TCP even when PostgreSQL's Unix socket is on this machine
#   BENCH_DB_POOL=4      the API's DATABASE_POOL_SIZE: twice this machine's 2 cores; more connections than PostgreSQL
#                        has cores only queue inside the server (at 300 registers/s, pool 10 gave a p99 of ~80 ms, pool 4 ~48 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-env.sh

scale_url="$(npx ts-node -T bench/scale-db.ts url)"
if [ "${BENCH_RESEED:-0}" = "1" ] || [ "$(npx ts-node -T bench/scale-db.ts status)" != "ready" ]; then
  echo "== building the scale database"
  npm run --silent seed:scale
else
  # A scale database built by an earlier version gets this version's migrations (functions, counts) first.
  DATABASE_URL="$scale_url" npm run --silent migration:run > /tmp/koers-bench-migrate.log 2>&1 \
    || { echo "bench: migrating the scale database failed:" >&2; tail -20 /tmp/koers-bench-migrate.log >&2; exit 1; }
fi

if [ "${BENCH_FROM_SOURCE:-0}" = "1" ]; then
  api_cmd=(node -r ts-node/register/transpile-only src/main.ts)
else
  if [ "${BENCH_SKIP_BUILD:-0}" != "1" ] && { [ ! -f dist/src/main.js ] \
     || [ -n "$(find src migrations package.json tsconfig.json tsconfig.build.json -newer dist/src/main.js -print -quit 2>/dev/null)" ]; }; then
    echo "== build"
    npm run --silent build
  fi
  api_cmd=(node dist/src/main.js)
fi

port="$(npx ts-node -T bench/scale-db.ts port "${BENCH_PORT:-3999}")"
api=""
worker=""
cleanup() {
  trap - EXIT
  if [ -n "$worker" ]; then kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true; fi
  if [ -n "$api" ]; then kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The API reaches PostgreSQL through its Unix socket when it runs on this machine: the same server, without the
# TCP loopback work in every query's write (measured here: about 25 % less API CPU per register save).
api_db_url="$scale_url"
socket_dir="${BENCH_PG_SOCKET_DIR:-/var/run/postgresql}"
if [ "${BENCH_PG_SOCKET:-1}" = "1" ] && [ -S "$socket_dir/.s.PGSQL.5432" ] && [[ "$scale_url" =~ ^postgres(ql)?://([^@/:]+)@(127\.0\.0\.1|localhost)(:5432)?/([^?]+)$ ]]; then
  api_db_url="postgres://${BASH_REMATCH[2]}@/${BASH_REMATCH[5]}?host=$socket_dir"
fi

echo "== starting the API on port $port against the scale database ($api_db_url)"
DATABASE_URL="$api_db_url" DATABASE_READ_URL="$api_db_url" DATABASE_POOL_SIZE="${BENCH_DB_POOL:-4}" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn QUEUE_PREFIX=koers-bench \
  "${api_cmd[@]}" > /tmp/koers-bench-api.log 2>&1 &
api=$!
for _ in $(seq 1 120); do
  kill -0 "$api" 2>/dev/null || { echo "bench: the API stopped during start-up:" >&2; tail -20 /tmp/koers-bench-api.log >&2; exit 1; }
  node -e "fetch('http://127.0.0.1:$port/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.5
done

echo "== running scenarios"
BENCH_COMMAND="${BENCH_FROM_SOURCE:+BENCH_FROM_SOURCE=$BENCH_FROM_SOURCE }${BENCH_SCENARIOS:+BENCH_SCENARIOS=$BENCH_SCENARIOS }npm run bench (API: ${api_cmd[*]}, port $port, DATABASE_POOL_SIZE=${BENCH_DB_POOL:-4}, DATABASE_URL=$api_db_url)" \
  npx ts-node -T bench/http-bench.ts --base "http://127.0.0.1:$port" --db "$scale_url" || http_status=$?

if [ -z "${BENCH_SCENARIOS:-}" ] || [[ ",${BENCH_SCENARIOS}," == *",spil,"* ]]; then
  # The SPIL documents are made by the worker: start one on the same database and queue prefix as the API.
  worker_cmd=(node dist/src/worker.js)
  [ "${BENCH_FROM_SOURCE:-0}" = "1" ] && worker_cmd=(node -r ts-node/register/transpile-only src/worker.ts)
  DATABASE_URL="$api_db_url" DATABASE_READ_URL="$api_db_url" DATABASE_POOL_SIZE="${BENCH_DB_POOL:-4}" LOG_LEVEL=warn QUEUE_PREFIX=koers-bench \
    "${worker_cmd[@]}" > /tmp/koers-bench-worker.log 2>&1 &
  worker=$!
  sleep 3
  echo "== SPIL report (one municipality a quarter beside its SQL alone, region a year, xlsx in the worker)"
  npx ts-node -T bench/spil-bench.ts --base "http://127.0.0.1:$port" --db "$api_db_url" --worker-pid "$worker" || http_status=$?
fi

echo "== nightly signal pass (target ≤ 30 s)"
nightly="$(npx ts-node -T bench/nightly-signals.ts "$scale_url")"
echo "$nightly"
{
  echo
  echo "## Nightly absence-signal pass (not HTTP)"
  echo
  echo "Command: \`npx ts-node -T bench/nightly-signals.ts <scale-db>\` (run by \`npm run bench\`), each run rolled back."
  echo
  echo '```json'
  echo "$nightly"
  echo '```'
} >> bench/results/latest.md
exit "${http_status:-0}"
