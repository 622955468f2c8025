#!/usr/bin/env bash
# Fails when the entities and the migrations disagree, or a function in the database differs from its SQL file: migrates a scratch database, then asks TypeORM for pending changes.
set -euo pipefail
cd "$(dirname "$0")/.."
db="koers_migcheck_$$"
admin="${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
url="${admin%/*}/$db"
psql "$admin" -qc "CREATE DATABASE $db"
trap 'psql "$admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
# The CLI migrates DATABASE_MIGRATION_URL when set (a .env sets it to the main database): both name the scratch one.
export DATABASE_URL="$url" DATABASE_MIGRATION_URL="$url" NODE_ENV=test LOG_LEVEL=silent
export BSN_ENCRYPTION_KEY="${BSN_ENCRYPTION_KEY:-$(printf '0%.0s' {1..64})}"
export BSN_HMAC_KEY="${BSN_HMAC_KEY:-migration-check-hmac-key-0123456789}" JWT_SECRET="${JWT_SECRET:-migration-check-jwt-secret-0123456789}"
npm run --silent migration:run >/dev/null
# Every function and trigger in the migrated database is exactly what its src/**/sql/koers_*.sql file says.
npm run --silent sql:check
if ! npm run --silent migration:check >/tmp/koers-migcheck.log 2>&1; then
  cat /tmp/koers-migcheck.log
  echo "Entities and migrations disagree: run npm run migration:generate -- migrations/<VerbNoun> and commit the result." >&2
  exit 1
fi
npm run --silent migration:revert >/dev/null
echo "migrations: up, check and down OK"
