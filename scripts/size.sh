#!/usr/bin/env bash
# Prints the gzipped bytes (gzip -9, as a static server with precompressed
# files sends them) of the distributable, dist/bilateral-map/, in three parts,
# each with its own budget:
#   code     the wasm, the wasm-bindgen glue, the element's module and the
#            stylesheets: a fixed budget (CODE_BUDGET); adding articles never
#            changes it (scripts/code-apart.sh checks the wasm byte for byte);
#   basemap  basemap-HASH.bin, the same for every corpus (BASEMAP_BUDGET);
#   index    corpus-HASH.bin, per article of the corpus it was built from
#            (INDEX_PER_ARTICLE_BUDGET), so a growing corpus fails only when
#            the cost of an article regresses;
#   texts    texts-HASH.bin, the article text shards the reader fetches when
#            it opens an article, per article too (TEXTS_PER_ARTICLE_BUDGET);
#   details  details-HASH.bin, what a click needs (quotes, titles, search
#            words, same-event links), fetched on first use, per article
#            (DETAILS_PER_ARTICLE_BUDGET).
# "to the map" is what a reader downloads before the map is interactive:
# code, basemap and index; the details come on first use, the texts later,
# one shard at a time. The
# budgets are in gzip bytes; the brotli column reads the NAME.br copies
# `atlas dist` writes beside each file (what a server with precompressed
# files sends a browser that takes br).
# The demo page's own HTML, CSS and favicon are not the widget's and are not
# counted. ARTICLES_DIR names the corpus (default: corpus/articles).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
articles_dir="${ARTICLES_DIR:-$root/corpus/articles}"
cd "$root/dist/bilateral-map"
CODE_BUDGET=225500
BASEMAP_BUDGET=24000
INDEX_PER_ARTICLE_BUDGET=1000
TEXTS_PER_ARTICLE_BUDGET=4000
DETAILS_PER_ARTICLE_BUDGET=1300

code=0 basemap=0 index=0 texts=0 details=0 brotli=0
while IFS= read -r f; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  # The precompressed copy atlas dist writes beside each file.
  [ -f "$f.br" ] || { echo "size: $f has no $f.br beside it (atlas dist writes one)" >&2; exit 1; }
  br=$(wc -c < "$f.br")
  case "$f" in
    ./basemap-*.bin) basemap=$((basemap + gz)); part=basemap ;;
    ./corpus-*.bin) index=$((index + gz)); part=index ;;
    ./texts-*.bin) texts=$((texts + gz)); part=texts ;;
    ./details-*.bin) details=$((details + gz)); part=details ;;
    *) code=$((code + gz)); part=code ;;
  esac
  case "$part" in texts | details) ;; *) brotli=$((brotli + br)) ;; esac
  printf '%-48s %-8s %9d bytes  %8d gzipped  %8d brotli\n' "$f" "$part" "$raw" "$gz" "$br"
done < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.bin' \) | sort)
articles=$(find "$articles_dir" -maxdepth 1 -name '*.txt' | wc -l)
if [ "$articles" -eq 0 ] || [ "$index" -eq 0 ]; then
  echo "size: no articles in $articles_dir or no corpus index in dist/bilateral-map" >&2
  exit 1
fi
per_article=$((index / articles))
texts_per_article=$((texts / articles))
details_per_article=$((details / articles))
printf '%-48s %-8s %9s        %8d gzipped (budget %d)\n' "code" "" "" "$code" "$CODE_BUDGET"
printf '%-48s %-8s %9s        %8d gzipped (budget %d)\n' "basemap" "" "" "$basemap" "$BASEMAP_BUDGET"
printf '%-48s %-8s %9s        %8d gzipped, %d articles: %d per article (budget %d)\n' \
  "index" "" "" "$index" "$articles" "$per_article" "$INDEX_PER_ARTICLE_BUDGET"
printf '%-48s %-8s %9s        %8d gzipped, %d per article (budget %d)\n' \
  "texts" "" "" "$texts" "$texts_per_article" "$TEXTS_PER_ARTICLE_BUDGET"
printf '%-48s %-8s %9s        %8d gzipped, %d per article (budget %d)\n' \
  "details" "" "" "$details" "$details_per_article" "$DETAILS_PER_ARTICLE_BUDGET"
printf '%-48s %-8s %9s        %8d gzipped  %8d brotli\n' "to the map (code + basemap + index)" "" "" "$((code + basemap + index))" "$brotli"
over=0
[ "$code" -le "$CODE_BUDGET" ] || { echo "over budget: code $code > $CODE_BUDGET bytes gzipped" >&2; over=1; }
[ "$basemap" -le "$BASEMAP_BUDGET" ] || { echo "over budget: basemap $basemap > $BASEMAP_BUDGET bytes gzipped" >&2; over=1; }
[ "$per_article" -le "$INDEX_PER_ARTICLE_BUDGET" ] || {
  echo "over budget: index $per_article > $INDEX_PER_ARTICLE_BUDGET bytes gzipped per article" >&2; over=1; }
[ "$texts_per_article" -le "$TEXTS_PER_ARTICLE_BUDGET" ] || {
  echo "over budget: texts $texts_per_article > $TEXTS_PER_ARTICLE_BUDGET bytes gzipped per article" >&2; over=1; }
[ "$details" -gt 0 ] || { echo "size: no details file in dist/bilateral-map" >&2; over=1; }
[ "$details_per_article" -le "$DETAILS_PER_ARTICLE_BUDGET" ] || {
  echo "over budget: details $details_per_article > $DETAILS_PER_ARTICLE_BUDGET bytes gzipped per article" >&2; over=1; }
exit "$over"
