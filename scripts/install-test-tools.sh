#!/bin/sh
# Installs what the integration tests need on a fresh Debian machine, skipping what is there:
# - from Debian: poppler-utils (pdftotext, pdfinfo, pdftohtml, pdffonts) and qpdf, which read
#   the PDFs back; chromium, nodejs and npm, for the browser tests;
# - from PyPI (tests/requirements.txt, pinned): the Atom, iCalendar and JSON Schema validators;
# - from npm (tests/browser/package-lock.json): playwright-core, which drives Debian's chromium
#   (it never downloads a browser of its own), axe-core, and vnu-jar (the Nu Html Checker, run
#   on the machine's Java: default-jre-headless from Debian if there is none).
set -e
cd "$(dirname "$0")/.."
need=""
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v qpdf >/dev/null 2>&1 || need="$need qpdf"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v node >/dev/null 2>&1 || need="$need nodejs npm"
command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
if [ -n "$need" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "installing$need" >&2
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -r tests/requirements.txt 2>&1 | grep -v "Running pip as the 'root' user" >&2 || true
python3 -c "import feedparser, atoma, icalendar, ical, jsonschema"
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ] ||
  [ ! -f tests/browser/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
