#!/bin/sh
# WebGL check of the fused GLSL angle-table kernel in headless Chromium on SwiftShader: no server, no port.
#   sh bench/trig-webgl/run.sh      (prints the GLTEST lines: max |error| vs float64 per table; all should be < 1e-6)
set -e
cd "$(dirname "$0")"
out=$(mktemp -d)
TRIG_WEBGL_OUT="$out" npx vite build --config vite.config.ts
echo '<!doctype html><script src="bundle.js"></script>' >"$out/index.html"
profile=$(mktemp -d)
timeout 120 "${CHROMIUM_PATH:-chromium}" --headless=new --no-sandbox --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --enable-unsafe-swiftshader \
  --user-data-dir="$profile" --enable-logging=stderr --v=0 "file://$out/index.html" 2>"$out/log.txt" &
pid=$!
i=0
while [ $i -lt 110 ] && ! grep -q 'GLTEST DONE' "$out/log.txt"; do sleep 1; i=$((i + 1)); done
kill $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
rm -rf "$profile" 2>/dev/null || true
grep -o 'GLTEST[^"]*' "$out/log.txt"
rm -rf "$out"
