#!/usr/bin/env bash
# Prints the gzipped bytes of everything the page loads from dist/: wasm, JS,
# CSS (the corpus data is embedded in the wasm). gzip -9, as a static server
# with precompressed files would send it.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
while IFS= read -r f; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total=$((total + gz))
  printf '%-48s %9d bytes  %8d gzipped\n' "$f" "$raw" "$gz"
done < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.bin' -o -name '*.json' \) | sort)
printf '%-48s %9s        %8d gzipped\n' "total" "" "$total"
