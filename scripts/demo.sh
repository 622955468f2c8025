#!/usr/bin/env bash
# npm run demo: one command after `npm ci`. Prepares .env and the database, loads the demo data, builds if needed,
# then runs the API and the worker together until Ctrl-C (or until either of them stops).
# SKIP_SEED=1 keeps the current data; SKIP_BUILD=1 uses dist/ as it is (when it exists).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-env.sh
# The settings as the application will see them (.env, overridden by the environment).
PORT="$(node -e "require('dotenv').config({quiet:true}); process.stdout.write(process.env.PORT || '3000')")"
ready_url="http://127.0.0.1:${PORT}/health/ready"

echo "== database"
npx ts-node -T scripts/ensure-database.ts
# The TypeORM CLI prints every statement; keep that in a log and show it only when something fails.
migrate_log="$(mktemp)"
if ! npm run --silent migration:run > "$migrate_log" 2>&1; then cat "$migrate_log" >&2; rm -f "$migrate_log"; exit 1; fi
grep -E "migrations are new|has been executed successfully|No migrations are pending" "$migrate_log" || true
rm -f "$migrate_log"
if [ "${SKIP_SEED:-0}" != "1" ]; then
  echo "== demo data (resets the demo data to its starting state; SKIP_SEED=1 keeps the current data)"
  npm run --silent seed:demo
fi

if [ ! -f dist/src/main.js ] || [ ! -f dist/src/worker.js ] || { [ "${SKIP_BUILD:-0}" != "1" ] \
   && [ -n "$(find src migrations templates package.json tsconfig.json tsconfig.build.json -newer dist/src/main.js -print -quit 2>/dev/null)" ]; }; then
  echo "== build"
  npm run --silent build
fi

api=""; worker=""
cleanup() {
  trap - EXIT INT TERM
  for pid in $api $worker; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $api $worker; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== starting API and worker"
# The processes log JSON lines to files, so the address and the logins below are the last thing on screen.
log_dir="storage/logs"; mkdir -p "$log_dir"
node dist/src/main.js >> "$log_dir/api.log" 2>&1 & api=$!
node dist/src/worker.js >> "$log_dir/worker.log" 2>&1 & worker=$!

# Wait for readiness (PostgreSQL and Redis answer through the API), at most 60 s.
for _ in $(seq 1 120); do
  if ! kill -0 "$api" 2>/dev/null || ! kill -0 "$worker" 2>/dev/null; then
    echo "koers: the API or the worker stopped during start-up; their last messages:" >&2
    tail -n 20 "$log_dir/api.log" "$log_dir/worker.log" >&2
    exit 1
  fi
  if node -e "fetch('$ready_url').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    cat <<BANNER

  Koers is running:    http://localhost:${PORT}
  OpenAPI (Swagger):   http://localhost:${PORT}/api/docs
  Demo logins (password: koers-demo-2026)
    admin@koers.test        application manager
    coordinator@koers.test  course coordinator
    teacher@koers.test      teacher (several groups in Enschede)
    finance@koers.test      financial administration
    enschede@koers.test     municipality of Enschede (read-only)
    learner@koers.test      learner (Ольга Шевченко, Enschede)
  Logs: ${log_dir}/api.log and ${log_dir}/worker.log.   Stop with Ctrl-C.

BANNER
    break
  fi
  sleep 0.5
done
if ! node -e "fetch('$ready_url').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
  echo "koers: not ready after 60 s at $ready_url; the last log lines:" >&2
  tail -n 20 "$log_dir/api.log" "$log_dir/worker.log" >&2
  exit 1
fi

# Whichever stops first, stop the other (cleanup on EXIT).
set +e
wait -n "$api" "$worker"
status=$?
echo "koers: a process stopped (exit $status); stopping the other" >&2
exit "$status"
