#!/usr/bin/env bash
# System packages the test suite needs: Chromium for the browser tests of the web pages.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
