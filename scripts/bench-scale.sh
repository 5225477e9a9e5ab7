#!/usr/bin/env bash
# make bench-scale (issue 11): how the widget holds up as the corpus grows.
# For each size (BENCH_SCALE_SIZES, default "5 100 1000 10000") it copies the
# working tree, gives it a corpus of that many articles (5: the seed itself;
# otherwise `atlas synth N`: real-sized articles whose sentences are new
# walks over the seed's words, so they do not compress away, naming the
# gazetteer's entries, dated over 2021–2025), builds it with `trunk build
# --release` (timed: the wasm comes from the trees' own shared
# target/bench-scale/target, built with the first tree, so the later times
# are mostly the pipeline and `atlas dist`), then measures every build in headless Chromium with
# scripts/bench-scale.mjs, opening the panel of the drawn feature that most
# articles cite (from `atlas export`). Writes the table to
# target/bench-scale/bench-scale.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
work="$root/target/bench-scale"
sizes="${BENCH_SCALE_SIZES:-5 100 1000 10000}"
mkdir -p "$work"
cd "$root"
cargo build -q --release --locked -p atlas
atlas="$root/target/release/atlas"
builds=()
for n in $sizes; do
  tree="$work/tree-$n"
  rm -rf "$tree" && mkdir -p "$tree"
  git ls-files -co --exclude-standard | while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done |
    tar -cf - -T - | tar -xf - -C "$tree"
  if [ "$n" != 5 ]; then
    rm -f "$tree"/corpus/articles/*.txt
    "$atlas" synth "$n" --out "$tree/corpus/articles" --articles corpus/articles --gazetteer corpus/gazetteer.toml >/dev/null
  fi
  # The feature drawn on the map that most articles cite: the biggest panel.
  "$atlas" export --articles "$tree/corpus/articles" --gazetteer corpus/gazetteer.toml > "$work/export-$n.json"
  top=$(node -e '
    const f = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).features.filter((f) => f.geometry);
    const articles = (x) => new Set(x.properties.citations.map((c) => c.article)).size;
    f.sort((a, b) => articles(b) - articles(a));
    console.log(f[0].id);' "$work/export-$n.json")
  start=$(date +%s%N)
  # trunk's hook runs `cargo run -p atlas -- dist` in the dev profile; an
  # unoptimised pipeline took over 12 minutes on 10,000 real-sized
  # articles (a release `atlas check` of them takes 6 s), so the benchmark
  # builds it optimised.
  # The trees share a target directory of their own: sharing this tree's
  # target/ overwrote its built binaries (target/debug/atlas, the wasm) with
  # the trees', which cargo then took for this tree's own and did not rebuild.
  (cd "$tree" && CARGO_TARGET_DIR="$work/target" CARGO_PROFILE_DEV_OPT_LEVEL=3 trunk build --release >"$work/build-$n.log" 2>&1) ||
    { tail -20 "$work/build-$n.log"; echo "bench-scale: the build of $n articles failed" >&2; exit 1; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "bench-scale: $n articles built in $ms ms"
  builds+=("$n:$ms:$top")
done
node scripts/bench-scale.mjs "$work" "${builds[@]}" | tee "$work/bench-scale.md"
