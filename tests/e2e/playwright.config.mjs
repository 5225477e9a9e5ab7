// End-to-end tests: the `trunk build --release` output in dist/ (the demo
// news page with two <bilateral-map> embeds), served compressed (brotli) on 127.0.0.1 by
// scripts/serve.mjs, driven in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8765);
// `E2E_SUITE=audit` runs only the audits (Lighthouse, axe), on one worker.
const audit = process.env.E2E_SUITE === 'audit';

export default defineConfig({
  testDir: '.',
  outputDir: '../../target/e2e-results',
  reporter: [['list']],
  timeout: 30_000,
  workers: audit ? 1 : 2,
  ...(audit ? { testMatch: 'audit.spec.mjs' } : { testIgnore: ['audit.spec.mjs', 'desk.spec.mjs'] }),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs ${port} dist`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
