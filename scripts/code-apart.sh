#!/usr/bin/env bash
# Data apart from code, checked (issue 11): builds the distributable again
# from a copy of the working tree whose corpus has 26 more articles (the seed
# articles with a new title and their paragraphs in reverse order) and
# compares it with dist/bilateral-map/: the wasm, the wasm-bindgen glue and
# the stylesheets must be byte-identical, the basemap too, the corpus index
# must differ, and scripts/size.sh must pass on the bigger corpus.
# Run after `trunk build --release`; prints one "ok" line per check.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/main"
cd "$root"
git ls-files -co --exclude-standard | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done |
  tar -cf - -T - | tar -xf - -C "$work/main"

seeds=("$work"/main/corpus/articles/*.txt)
for k in $(seq 1 26); do
  seed="${seeds[$((k % ${#seeds[@]}))]}"
  out="$work/main/corpus/articles/900_extra$(printf '%02d' "$k").txt"
  # Line 1 is the seed's "date … title" line; the paragraphs follow, one per
  # blank-line-separated block.
  { head -n 1 "$seed" | sed "s/\$/ (extra $k)/"
    echo
    tail -n +2 "$seed" | awk 'BEGIN { RS = ""; } { p[NR] = $0 } END { for (i = NR; i >= 1; i--) printf "%s\n\n", p[i] }'
  } > "$out"
done
echo "code-apart: the copy has $(ls "$work"/main/corpus/articles/*.txt | wc -l) articles"

cd "$work/main"
CARGO_TARGET_DIR="$root/target" trunk build --release --dist "$work/dist" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; echo "code-apart: the build with 26 more articles failed" >&2; exit 1; }

a="$root/dist/bilateral-map" b="$work/dist/bilateral-map"
same() { # pattern, what
  local x y
  x=$(cd "$a" && ls $1) y=$(cd "$b" && ls $1)
  if [ "$x" = "$y" ] && cmp -s "$a/$x" "$b/$y"; then
    echo "ok: $2 byte-identical ($x)"
  else
    echo "FAILED: $2 differs ($x vs $y)" >&2
    return 1
  fi
}
status=0
same '*_bg.wasm' 'the wasm' || status=1
same 'bilateral-map-*[0-9a-f].js' 'the wasm-bindgen glue' || status=1
same 'widget-*.css' 'the widget stylesheet' || status=1
same 'basemap-*.bin' 'the basemap' || status=1
if cmp -s "$a"/corpus-*.bin "$b"/corpus-*.bin; then
  echo "FAILED: the corpus index did not change with 26 more articles" >&2
  status=1
else
  echo "ok: the corpus index changed ($(cd "$a" && ls corpus-*.bin) → $(cd "$b" && ls corpus-*.bin))"
fi
mkdir -p "$work/main/dist" && cp -r "$b" "$work/main/dist/"
if ARTICLES_DIR="$work/main/corpus/articles" bash "$work/main/scripts/size.sh" >"$work/size.log" 2>&1; then
  echo "ok: size.sh within its budgets with 31 articles: $(grep '^index' "$work/size.log" | sed 's/  */ /g')"
else
  cat "$work/size.log"; echo "FAILED: size.sh with 26 more articles" >&2; status=1
fi
exit "$status"
