#!/usr/bin/env bash
# Prints the gzipped bytes of the distributable, dist/bilateral-map/: every
# file a page with the embed loads (the element's module, the wasm-bindgen
# glue, the wasm with the corpus data inside, the shadow-root and host-page
# stylesheets). gzip -9, as a static server with precompressed files sends it.
# The demo page's own HTML, CSS and favicon are not the widget's and are not
# counted. Fails when the total is over the 200 KB budget (issue 5).
set -euo pipefail
cd "$(dirname "$0")/../dist/bilateral-map"
total=0
while IFS= read -r f; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-48s %9d bytes  %8d gzipped\n' "$f" "$raw" "$gz"
done < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.bin' -o -name '*.json' \) | sort)
printf '%-48s %9s        %8d gzipped\n' "total" "" "$total"
budget=200000
if [ "$total" -gt "$budget" ]; then
  echo "over budget: $total > $budget bytes gzipped" >&2
  exit 1
fi
