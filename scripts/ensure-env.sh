#!/usr/bin/env bash
# Creates .env from .env.example with fresh secrets, once; never overwrites an existing .env.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f .env ]; then
  sed -e "s/^BSN_ENCRYPTION_KEY=$/BSN_ENCRYPTION_KEY=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")/" \
      -e "s/^BSN_HMAC_KEY=$/BSN_HMAC_KEY=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")/" \
      -e "s/^JWT_SECRET=$/JWT_SECRET=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")/" \
      .env.example > .env
  echo "Created .env with fresh secrets (keep it: the BSN key decrypts stored BSNs)."
fi
