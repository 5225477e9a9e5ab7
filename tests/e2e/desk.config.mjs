// The editor's desk end to end (`E2E_SUITE=desk`, scripts/test.sh): the
// desk's server (crates/desk) with its Yew pages (target/desk-ui, trunk
// build of crates/desk/ui) and map preview (dist/bilateral-map), over a
// fresh copy of corpus/ plus two fixtures written for the test, in
// target/desk-e2e/corpus; driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const work = 'target/desk-e2e';
const fixtures = 'tests/e2e/fixtures';
const prepare = [
  `rm -rf ${work}`,
  `mkdir -p ${work}`,
  `cp -r corpus ${work}/corpus`,
  `cp ${fixtures}/desk-article.txt ${work}/corpus/articles/900_desk_fixture.txt`,
  `cp ${fixtures}/desk-hostile.txt ${work}/corpus/articles/901_desk_hostile.txt`,
].join(' && ');

export default defineConfig({
  testDir: '.',
  testMatch: 'desk.spec.mjs',
  outputDir: '../../target/e2e-results-desk',
  reporter: [['list']],
  timeout: 120_000,
  workers: 1,
  use: {
    baseURL: 'http://127.0.0.1:8090',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    },
  },
  webServer: {
    // `make desk` without its builds (test.sh has just made dist/ and target/desk-ui).
    command: `bash -c '${prepare} && exec make -s desk-serve DESK_CORPUS=${work}/corpus DESK_PROFILE=dev'`,
    cwd: '../..',
    url: 'http://127.0.0.1:8090/',
    reuseExistingServer: false,
    timeout: 900_000,
  },
});
