#!/usr/bin/env bash
# `npm run setup`: everything a fresh machine needs, then the example site.
#  1. System packages for the browser tests and the PDF binder: Chromium and poppler-utils
#     (installed with apt-get on Debian/Ubuntu; elsewhere, a message says what to install).
#  2. npm packages from the committed lockfile (npm ci), including Node 24 itself (the `node`
#     devDependency), so the system Node only has to be able to run npm.
#  3. `npm run build`: the example site from runbooks/ into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "Installing ${missing[*]} with apt-get…"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet; update only when the install needs it.
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
      $sudo apt-get update -qq
      $sudo apt-get install -y -qq "${missing[@]}"
    }
  else
    cat >&2 <<MSG
Lifeboat's browser tests and PDF binder need: ${missing[*]}
  - Chromium (or Google Chrome): install it, or set CHROMIUM_PATH to its executable.
    macOS: brew install --cask chromium    Fedora: dnf install chromium
  - poppler-utils (pdftotext, pdfinfo), used by the tests to read PDFs back.
    macOS: brew install poppler            Fedora: dnf install poppler-utils
Continuing without them: the site builds, but 'npm test' needs them.
MSG
  fi
fi

# Exactly the committed lockfile, which lists every platform's optional native packages
# (macOS, Windows, Linux arm64), so the same command works for every contributor.
npm ci --no-audit --no-fund
npm run build
