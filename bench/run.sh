#!/usr/bin/env bash
# npm run bench: HTTP benchmarks against the scale database.
#   BENCH_RESEED=1       rebuild the scale database first (otherwise only when it is missing or incomplete)
#   BENCH_DURATION=15    seconds per scenario;  BENCH_SCENARIOS=a,b  run only these (HTTP scenarios by name, and spil,
#                        duo-hours, settlement, nightly, certificates, imports; SCALE_DATABASE_URL=… another scale database than koers_scale)
#   BENCH_QUEUE_PREFIX=koers-bench  the API's and worker's queue prefix in Redis (another bench on this Redis needs its own:
#                        workers on one prefix take each other's jobs)
#   BENCH_PORT=3999      first port to try for the API;  BENCH_SKIP_BUILD=1  use dist/ as it is
#   BENCH_FROM_SOURCE=1  run the API from src/ with ts-node instead of dist/ (no build needed)
#   BENCH_PG_SOCKET=0    connect the API over TCP even when PostgreSQL's Unix socket is on this machine
#   BENCH_DB_POOL=4      the API's DATABASE_POOL_SIZE: twice this machine's 2 cores; more connections than PostgreSQL
#                        has cores only queue inside the server (at 300 registers/s, pool 10 gave a p99 of ~80 ms, pool 4 ~48 ms)
set -euo pipefail
cd "$(dirname "$0")/.."
queue_prefix="${BENCH_QUEUE_PREFIX:-koers-bench}"
bash scripts/ensure-env.sh

scale_url="$(npx ts-node -T bench/scale-db.ts url)"
if [ "${BENCH_RESEED:-0}" = "1" ] || [ "$(npx ts-node -T bench/scale-db.ts status)" != "ready" ]; then
  echo "== building the scale database"
  npm run --silent seed:scale
else
  # A scale database built by an earlier version gets this version's migrations (functions, counts) first.
  # As the role that made it (the CLI migrates DATABASE_MIGRATION_URL, which .env points at the main database).
  DATABASE_URL="$scale_url" DATABASE_MIGRATION_URL="$(npx ts-node -T bench/scale-db.ts migration-url)" npm run --silent migration:run > /tmp/koers-bench-migrate.log 2>&1 \
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

# The document-request scenarios' rows and jobs (no worker runs them during the HTTP scenarios): removed before a
# worker starts and at the end; only the bench's own queue prefix in Redis is touched.
clear_bench_documents() {
  psql "$scale_url" -qc "DELETE FROM document WHERE kind = 'pipeline.check' AND params->>'note' LIKE 'bench %'" >/dev/null 2>&1 || true
  node -e "const R=require('ioredis');const r=new R(process.argv[1]);(async()=>{let c='0';do{const[n,k]=await r.scan(c,'MATCH',process.argv[2]+':documents:*','COUNT',1000);if(k.length)await r.del(...k);c=n}while(c!=='0');r.disconnect()})().catch(()=>r.disconnect())" "${REDIS_URL:-redis://127.0.0.1:6379/0}" "$queue_prefix" 2>/dev/null || true
}

port="$(npx ts-node -T bench/scale-db.ts port "${BENCH_PORT:-3999}")"
api=""
worker=""
api_down=""
redis_down=""
cleanup() {
  trap - EXIT
  if [ -n "$worker" ]; then kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true; fi
  if [ -n "$api" ]; then kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  if [ -n "$api_down" ]; then kill -KILL "$api_down" 2>/dev/null || true; wait "$api_down" 2>/dev/null || true; fi
  if [ -n "$redis_down" ]; then kill -KILL "$redis_down" 2>/dev/null || true; fi
  clear_bench_documents
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
DATABASE_URL="$api_db_url" DATABASE_READ_URL="$api_db_url" DATABASE_POOL_SIZE="${BENCH_DB_POOL:-4}" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn QUEUE_PREFIX="$queue_prefix" \
  "${api_cmd[@]}" > /tmp/koers-bench-api.log 2>&1 &
api=$!
for _ in $(seq 1 120); do
  kill -0 "$api" 2>/dev/null || { echo "bench: the API stopped during start-up:" >&2; tail -20 /tmp/koers-bench-api.log >&2; exit 1; }
  node -e "fetch('http://127.0.0.1:$port/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.5
done

# The document request with Redis down: a second API on its own redis-server (BENCH_REDIS_DOWN_PORT), which is then
# stopped, so that API runs without Redis (it cannot start without one: the start-up check refuses).
down_args=()
if [ -z "${BENCH_SCENARIOS:-}" ] || [[ ",${BENCH_SCENARIOS}," == *",document-request-redis-down,"* ]]; then
  down_redis_port="${BENCH_REDIS_DOWN_PORT:-6392}"
  down_port="$(npx ts-node -T bench/scale-db.ts port "$((port + 1))")"
  redis-server --port "$down_redis_port" --bind 127.0.0.1 --save '' --appendonly no > /tmp/koers-bench-redis-down.log 2>&1 &
  redis_down=$!
  sleep 0.5
  echo "== starting a second API on port $down_port with its own Redis on $down_redis_port (stopped once the API is up)"
  DATABASE_URL="$api_db_url" DATABASE_READ_URL="$api_db_url" DATABASE_POOL_SIZE="${BENCH_DB_POOL:-4}" PORT="$down_port" HOST=127.0.0.1 LOG_LEVEL=error QUEUE_PREFIX="$queue_prefix" \
    REDIS_URL="redis://127.0.0.1:$down_redis_port/0" "${api_cmd[@]}" > /tmp/koers-bench-api-down.log 2>&1 &
  api_down=$!
  for _ in $(seq 1 120); do
    kill -0 "$api_down" 2>/dev/null || { echo "bench: the second API stopped during start-up:" >&2; tail -20 /tmp/koers-bench-api-down.log >&2; exit 1; }
    node -e "fetch('http://127.0.0.1:$down_port/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
    sleep 0.5
  done
  kill -KILL "$redis_down" 2>/dev/null || true
  wait "$redis_down" 2>/dev/null || true
  redis_down=""
  down_args=(--redis-down-base "http://127.0.0.1:$down_port")
fi

echo "== running scenarios"
BENCH_COMMAND="${BENCH_FROM_SOURCE:+BENCH_FROM_SOURCE=$BENCH_FROM_SOURCE }${BENCH_SCENARIOS:+BENCH_SCENARIOS=$BENCH_SCENARIOS }npm run bench (API: ${api_cmd[*]}, port $port, DATABASE_POOL_SIZE=${BENCH_DB_POOL:-4}, DATABASE_URL=$api_db_url)" \
  npx ts-node -T bench/http-bench.ts --base "http://127.0.0.1:$port" --db "$scale_url" "${down_args[@]}" || http_status=$?
clear_bench_documents

selected() { [ -z "${BENCH_SCENARIOS:-}" ] || [[ ",${BENCH_SCENARIOS}," == *",$1,"* ]]; }

if selected spil || selected duo-hours; then
  # The SPIL documents and the DUO hours files are made by the worker: start one on the same database and queue prefix as the API.
  worker_cmd=(node dist/src/worker.js)
  [ "${BENCH_FROM_SOURCE:-0}" = "1" ] && worker_cmd=(node -r ts-node/register/transpile-only src/worker.ts)
  DATABASE_URL="$api_db_url" DATABASE_READ_URL="$api_db_url" DATABASE_POOL_SIZE="${BENCH_DB_POOL:-4}" LOG_LEVEL=warn QUEUE_PREFIX="$queue_prefix" \
    "${worker_cmd[@]}" > /tmp/koers-bench-worker.log 2>&1 &
  worker=$!
  sleep 3
fi

if selected spil; then
  echo "== SPIL report (one municipality a quarter beside its SQL alone, region a year, xlsx in the worker)"
  npx ts-node -T bench/spil-bench.ts --base "http://127.0.0.1:$port" --db "$api_db_url" --worker-pid "$worker" || http_status=$?
fi

if selected duo-hours; then
  echo "== Gevolgde uren for DUO, the whole region through the worker, beside its SQL alone (target <= 10 s; bench/results/duo-hours.json)"
  BENCH_COMMAND="${SCALE_DATABASE_URL:+SCALE_DATABASE_URL=$SCALE_DATABASE_URL }${BENCH_QUEUE_PREFIX:+BENCH_QUEUE_PREFIX=$BENCH_QUEUE_PREFIX }${BENCH_SCENARIOS:+BENCH_SCENARIOS=$BENCH_SCENARIOS }npm run bench" \
    npx ts-node -T bench/duo-hours-bench.ts --base "http://127.0.0.1:$port" --db "$api_db_url" --worker-pid "$worker" || http_status=$?
fi

if selected settlement; then
  echo "== settlement: region year, sheets, quarterly drafts (bench/results/settlement.json)"
  npx ts-node -T bench/settlement-bench.ts "$scale_url" || echo "bench: settlement scenario failed" >&2
fi

certs_status=0
if selected nightly; then
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
fi
if selected certificates; then
  echo "== certificates (targets: >= 40/s per worker process, >= 0.8 of the pdfkit floor; bulk of 1,000 with its zip <= 40 s)"
  npx ts-node -T bench/certificates.ts > /tmp/koers-bench-certificates.log 2>&1 || certs_status=$?
  tail -n +1 bench/results/certificates.md 2>/dev/null || true
  { echo; cat bench/results/certificates.md 2>/dev/null || echo "certificates bench failed: see /tmp/koers-bench-certificates.log"; } >> bench/results/latest.md
  [ "$certs_status" = 0 ] || { echo "bench: certificates failed:" >&2; tail -20 /tmp/koers-bench-certificates.log >&2; }
fi
if selected imports; then
  echo "== imports: 9,999 learner rows, dry run and commit (targets <= 20 s each; test/imports.bench-spec.ts)"
  KOERS_BENCH=1 npx jest --selectProjects bench --silent 2>&1 | tail -n 20 | tee -a bench/results/latest.md || true
fi
exit "${http_status:-$certs_status}"
