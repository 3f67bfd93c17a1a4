#!/usr/bin/env bash
# Builds the dashboard with the machine's own node and npm; run by the gateway's Maven build
# (generate-resources). Usage: build.sh OUTDIR
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "ERROR: building the dashboard needs Node.js and npm on the PATH (node 18+, e.g. 'apt-get install nodejs npm');" \
        "they fetch esbuild and uPlot from the npm registry (package-lock.json) and bundle the page into the gateway jar." >&2
    exit 1
fi
# npm ci only when package-lock.json changed since the last install: it wipes node_modules.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --prefer-offline --loglevel=error
fi
node build.mjs "$1"
