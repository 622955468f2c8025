#!/usr/bin/env bash
# System packages the test suite needs: Chromium for the browser tests, poppler-utils (pdftotext, pdffonts), zbar-tools (zbarimg) and qpdf for the document tests.
set -euo pipefail
need=""; for c in chromium pdftotext zbarimg qpdf; do command -v $c >/dev/null 2>&1 || need=1; done
if [ -n "$need" ]; then
  echo "Installing Chromium, poppler-utils, zbar-tools and qpdf for the browser and document tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium poppler-utils zbar-tools qpdf fonts-dejavu-core >/dev/null
fi
