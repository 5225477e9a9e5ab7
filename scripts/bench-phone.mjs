// `make bench-phone` (issue 20, point 6): the demo page and a Leaflet peer
// page with the same features, side by side, on a slow phone.
//
// The peer page is the demo page built by `make build` (dist/index.html, the
// same article text and host CSS) with each <bilateral-map> and its static
// fallback replaced by a Leaflet 1.9.4 map (npm `leaflet`, the newsroom
// tool this widget is measured against): the same basemap (corpus/basemap.json
// as GeoJSON: countries, lakes, rivers), the same cited features and their
// citations in a popup (`atlas export`), no tile server. Both pages are
// served the same way (scripts/serve.mjs: brotli, content-hashed files cached).
//
// Each page is loaded by Lighthouse 12.8.2 with DevTools throttling at
// Lighthouse's mobile settings (150 ms RTT and 1.6 Mbit/s as DevTools
// applies them, 562.5 ms request latency and 1,474.56 kbit/s; CPU ×4), so
// the page's own user timings are throttled times. "map" is when a map is
// first drawn: ours, the first contentful paint (the static fallback's map
// is in the HTML, painted with the text); the peer, its `bm:map` mark once
// the Leaflet layers are added. "interactive" is the `bm:interactive` mark,
// when every map on the page answers a click: ours, every element's
// `ready`; the peer, the moment its maps are drawn. Three runs each, interleaved; medians and the ratios
// ours / peer go to target/bench-phone.md.
//
//   node scripts/bench-phone.mjs [runs]      (after `make build`)
//
// BENCH_PHONE_TREE names another built tree to measure, one of `make
// bench-scale`'s (target/bench-scale/tree-1000): its dist/, its corpus
// and its basemap, this tree's tools (node_modules, target/release/atlas).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';

const tools = new URL('..', import.meta.url).pathname;
const root = process.env.BENCH_PHONE_TREE ? `${process.env.BENCH_PHONE_TREE.replace(/\/$/, '')}/` : tools;
const work = join(root, 'target/bench-phone');
const runs = Number(process.argv[2] || 3);

// The marks a page sets: ours waits for every embed's `ready`.
const OURS_MARKS = `Promise.all([...document.querySelectorAll('bilateral-map')].map((e) => customElements.whenDefined('bilateral-map').then(() => e.ready)))
  .then(() => performance.mark('bm:interactive'));
`;

const PEER_SCRIPT = `// The peer page's maps: Leaflet over the same basemap and features.
const colours = { transport: '#b5451b', 'border-crossing': '#7c3aed', education: '#0f766e', 'energy-water': '#1d6fa5',
  'trade-logistics': '#b45309', tourism: '#be185d', culture: '#4d7c0f', 'meeting-venue': '#1f2937', city: '#6b7280' };
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
Promise.all([fetch('peer/basemap.geojson').then((r) => r.json()), fetch('peer/features.geojson').then((r) => r.json())])
  .then(([basemap, features]) => {
    for (const box of document.querySelectorAll('.peer-map')) {
      const lang = box.dataset.lang;
      const map = L.map(box, { zoomSnap: 0.25 });
      L.geoJSON(basemap, { style: (f) => f.properties.kind === 'river'
        ? { color: '#7fb2d9', weight: 1 }
        : f.properties.kind === 'lake' ? { color: '#7fb2d9', fillColor: '#cfe3f3', fillOpacity: 1, weight: 0.5 }
          : { color: '#8a7f6a', weight: f.properties.emphasis ? 1.2 : 0.6, fillColor: f.properties.emphasis ? '#fbf8ef' : '#eef0ea', fillOpacity: 1 } }).addTo(map);
      const layer = L.geoJSON(features, {
        style: (f) => ({ color: colours[f.properties.category] || '#333', weight: 3 }),
        pointToLayer: (f, at) => L.circleMarker(at, { radius: 6, color: '#fff', weight: 1.5, fillColor: colours[f.properties.category] || '#333', fillOpacity: 1 }),
        onEachFeature: (f, l) => {
          const p = f.properties;
          const cites = (p.citations || []).map((c) => '<li><q>' + escape(c.quote) + '</q></li>').join('');
          l.bindPopup('<strong>' + escape(p.name[lang] || p.name.en) + '</strong><ul>' + cites + '</ul>');
          l.bindTooltip(escape(p.name[lang] || p.name.en));
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [20, 20] });
    }
    performance.mark('bm:map');
    performance.mark('bm:interactive');
  });
`;

const PEER_CSS = `.peer-map { height: 520px; margin: 1.5rem 0; }\n`;

function geojsonBasemap() {
  const b = JSON.parse(readFileSync(join(root, 'corpus/basemap.json'), 'utf8'));
  const features = [];
  for (const c of b.countries) {
    features.push({ type: 'Feature', properties: { kind: 'country', emphasis: c.emphasis }, geometry: { type: 'MultiPolygon', coordinates: c.rings.map((r) => [r]) } });
  }
  for (const l of b.lakes) {
    features.push({ type: 'Feature', properties: { kind: 'lake' }, geometry: { type: 'MultiPolygon', coordinates: l.parts.map((r) => [r]) } });
  }
  for (const r of b.rivers) {
    features.push({ type: 'Feature', properties: { kind: 'river' }, geometry: { type: 'MultiLineString', coordinates: r.parts } });
  }
  return { type: 'FeatureCollection', features };
}

function build() {
  rmSync(work, { recursive: true, force: true });
  const ours = join(work, 'ours');
  const peer = join(work, 'peer-site');
  cpSync(join(root, 'dist'), ours, { recursive: true });
  writeFileSync(join(ours, 'marks.js'), OURS_MARKS);
  const demo = readFileSync(join(root, 'dist/index.html'), 'utf8');
  // Both pages load their maps at once: ours says loading="eager" (by
  // default an embed loads only as the reader nears it, and the demo's are
  // below the fold on a phone), with the preload lines `atlas dist` writes
  // for such a page (bilateral-map/preload.html, README: The snippet).
  const eager = demo.replace(/<bilateral-map(?=[\s>])/g, '<bilateral-map loading="eager"');
  const preload = readFileSync(join(root, 'dist/bilateral-map/preload.html'), 'utf8');
  writeFileSync(join(ours, 'index.html'), eager.replace('</head>', `${preload}  <script type="module" src="marks.js"></script>\n</head>`));

  mkdirSync(join(peer, 'peer'), { recursive: true });
  for (const f of readdirSync(join(root, 'dist')).filter((n) => n.endsWith('.css') || n.endsWith('.svg'))) {
    copyFileSync(join(root, 'dist', f), join(peer, f));
  }
  copyFileSync(join(tools, 'node_modules/leaflet/dist/leaflet.js'), join(peer, 'peer/leaflet.js'));
  copyFileSync(join(tools, 'node_modules/leaflet/dist/leaflet.css'), join(peer, 'peer/leaflet.css'));
  writeFileSync(join(peer, 'peer/peer.js'), PEER_SCRIPT);
  writeFileSync(join(peer, 'peer/peer.css'), PEER_CSS);
  writeFileSync(join(peer, 'peer/basemap.geojson'), JSON.stringify(geojsonBasemap()));
  const exported = execFileSync(join(tools, 'target/release/atlas'), ['export'], { cwd: root, maxBuffer: 1 << 28 }).toString();
  writeFileSync(join(peer, 'peer/features.geojson'), exported);
  const page = demo
    .replace(/<bilateral-map[^>]*lang="([a-z]+)"[^>]*>[\s\S]*?<\/bilateral-map>/g, '<div class="peer-map" data-lang="$1"></div>')
    .replace(/<script type="module" src="bilateral-map\/bilateral-map.js"><\/script>/,
      '<link rel="stylesheet" href="peer/leaflet.css">\n  <link rel="stylesheet" href="peer/peer.css">\n  <script src="peer/leaflet.js" defer></script>\n  <script src="peer/peer.js" defer></script>')
    .replace(/<link rel="stylesheet" href="bilateral-map\/bilateral-map.css">\n?/g, '');
  writeFileSync(join(peer, 'index.html'), page);
  return { ours, peer };
}

const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'].join(' ');

function lighthouse(url, out) {
  execFileSync(join(tools, 'node_modules/.bin/lighthouse'), [
    url, '--quiet', `--chrome-flags=${chromeFlags}`, '--only-categories=performance',
    '--throttling-method=devtools', '--throttling.requestLatencyMs=562.5',
    '--throttling.downloadThroughputKbps=1474.56', '--throttling.uploadThroughputKbps=675',
    '--throttling.cpuSlowdownMultiplier=4', '--output=json', `--output-path=${out}`,
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'inherit' });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const marks = Object.fromEntries((r.audits['user-timings'].details?.items ?? []).map((i) => [i.name, i.startTime]));
  return {
    map: marks['bm:map'] ?? r.audits['first-contentful-paint'].numericValue,
    interactive: marks['bm:interactive'],
    bytes: r.audits['total-byte-weight'].numericValue,
    fcp: r.audits['first-contentful-paint'].numericValue,
  };
}

async function serve(dir, port) {
  const child = spawn('node', [join(tools, 'scripts/serve.mjs'), String(port), dir], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`serve.mjs did not start on ${port}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { ours, peer } = build();
const servers = [await serve(ours, 8781), await serve(peer, 8782)];
const results = { ours: [], peer: [] };
try {
  for (let i = 0; i < runs; i++) {
    results.ours.push(lighthouse('http://127.0.0.1:8781/', join(work, `ours-${i}.json`)));
    results.peer.push(lighthouse('http://127.0.0.1:8782/', join(work, `peer-${i}.json`)));
  }
} finally {
  for (const s of servers) s.kill();
}
for (const [name, rs] of Object.entries(results)) {
  if (rs.some((r) => r.map === undefined || r.interactive === undefined)) {
    throw new Error(`${name}: a run has no bm:map or bm:interactive mark: ${JSON.stringify(rs)}`);
  }
}
const row = (key, unit) => {
  const o = median(results.ours.map((r) => r[key]));
  const p = median(results.peer.map((r) => r[key]));
  const range = (rs) => `${Math.round(Math.min(...rs.map((r) => r[key])))}–${Math.round(Math.max(...rs.map((r) => r[key])))}`;
  return `| ${key} | ${Math.round(o)} ${unit} (${range(results.ours)}) | ${Math.round(p)} ${unit} (${range(results.peer)}) | ${(o / p).toFixed(2)}× |`;
};
const table = [
  `Slow phone (Lighthouse 12.8.2, DevTools throttling: 562.5 ms latency, 1,474.56 kbit/s, CPU ×4), ${runs} runs each, interleaved; median (range).`,
  '',
  '| | the demo page | the Leaflet peer page | ratio |',
  '|---|---|---|---|',
  row('map', 'ms'),
  row('interactive', 'ms'),
  row('fcp', 'ms'),
  row('bytes', 'B'),
  '',
].join('\n');
writeFileSync(join(root, 'target/bench-phone.md'), table);
console.log(table);
