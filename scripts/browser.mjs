// Helpers the browser benchmarks share (scripts/bench-ui.mjs,
// scripts/bench-scale.mjs): a static server for a built folder, and the
// frame intervals recorded while an action runs.
import { spawn } from 'node:child_process';

const root = new URL('../', import.meta.url).pathname;

/** Serves `dir` (absolute, or relative to the repository) on 127.0.0.1:`port` with scripts/serve.mjs; resolves once it answers. */
export async function serve(dir, port) {
  const path = dir.startsWith('/') ? dir : `${root}${dir}`;
  const proc = spawn('node', [`${root}scripts/serve.mjs`, String(port), path], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`); return proc; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`server for ${dir} did not start`);
}

/** Frame intervals (ms, from requestAnimationFrame) recorded while `action` runs. */
export async function frames(page, action) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => { window.__recording = false; return window.__frames.slice(1); });
}
