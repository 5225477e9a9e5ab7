#!/usr/bin/env bash
# Runs every check `make test` promises, layer by layer, and fails when a layer
# fails or runs no test:
#   lint    cargo fmt --check; clippy -D warnings for the native and wasm32 targets
#   native  cargo test --workspace
#   wasm    wasm-pack test --headless --chrome (the widget in real Chromium)
#   e2e     Playwright against the trunk release build (the demo page with two
#           embeds) served gzipped on 127.0.0.1 by scripts/serve.mjs
#   desk    Playwright against the editor's desk (its Yew pages, trunk-built into
#           target/desk-ui) over a copy of the corpus: review, then atlas dist
#   size    the distributable's code, basemap and per-article index within budgets
#   apart   with 26 more articles the wasm, glue, CSS and basemap stay byte-identical
#   audit   Lighthouse (median of 3) and axe-core on the demo, alone on one worker
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
logs="$root/target/test-logs"
mkdir -p "$logs"

total_passed=0
total_failed=0
summary=()
broken=0

# Sums the counts a runner printed: libtest and wasm-bindgen-test-runner
# ("test result: ok. 3 passed; 0 failed"), Playwright's list reporter ("  2 passed (1.2s)").
count() { # log, word
  local log="$1" word="$2"
  {
    grep -oE "test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed" "$log" |
      sed -E "s/.* ([0-9]+) passed; ([0-9]+) failed/\1 \2/" |
      awk -v w="$word" '{ s += (w == "passed" ? $1 : $2) } END { print s + 0 }'
    grep -E "^ +[0-9]+ $word( |$)" "$log" | awk '{ s += $1 } END { print s + 0 }'
  } | awk '{ s += $1 } END { print s + 0 }'
}

# The names of failed tests in a log: libtest's "test x::y ... FAILED" and
# Playwright's list reporter ("  ✘  7 tests/e2e/widget.spec.mjs:203:1 › title").
failures() { # log
  grep -E "^test .* \.\.\. FAILED$|^ +✘ " "$1" | sed -E 's/^ +✘ +[0-9]+ /✘ /' | head -20
}

step() { # name, command...
  local name="$1"; shift
  local log="$logs/$name.log"
  printf '\n=== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    summary+=("$name: FAILED (exit $status, log $log)")
    # The failing tests by name, so the summary (all a CI tail may show) says which.
    while IFS= read -r line; do summary+=("  $line"); done < <(failures "$log")
    broken=1
  fi
  return "$status"
}

layer() { # name, command...
  local name="$1"
  step "$@"
  local status=$?
  local passed failed
  passed=$(count "$logs/$name.log" passed)
  failed=$(count "$logs/$name.log" failed)
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    summary+=("$name: FAILED (ran no test)")
    broken=1
  elif [ "$status" -eq 0 ]; then
    summary+=("$name: $passed passed, $failed failed")
  fi
}

step fmt cargo fmt --all --check
step clippy-native cargo clippy --workspace --all-targets --locked -- -D warnings
step clippy-wasm32 cargo clippy -p bilateral-map -p bilateral-core -p desk-ui --all-targets --locked \
  --target wasm32-unknown-unknown -- -D warnings

layer native cargo test --workspace --locked
layer wasm wasm-pack test --headless --chrome
if step build trunk build --release; then
  layer e2e npx playwright test --config tests/e2e/playwright.config.mjs
  if step desk-ui bash -c 'cd crates/desk/ui && trunk build --release'; then
    layer desk npx playwright test --config tests/e2e/desk.config.mjs
  else
    summary+=("desk: not run, the desk's pages did not build")
  fi
  step size bash scripts/size.sh && summary+=("size: code $(awk '$1 == "code" {print $2}' "$logs/size.log"), basemap $(awk '$1 == "basemap" {print $2}' "$logs/size.log"), index $(awk '$1 == "index" {print $6}' "$logs/size.log") per article (bytes gzipped), within budgets")
  step apart bash scripts/code-apart.sh && summary+=("apart: $(grep -c '^ok:' "$logs/apart.log") checks ok (the wasm byte-identical with 26 more articles)")
  E2E_SUITE=audit layer audit npx playwright test --config tests/e2e/playwright.config.mjs
else
  summary+=("e2e, size, audit: not run, the release build failed")
fi

printf '\n=== summary\n'
printf '%s\n' "${summary[@]}"
printf 'all layers: %d passed, %d failed\n' "$total_passed" "$total_failed"
[ "$broken" -eq 0 ] && [ "$total_failed" -eq 0 ]
