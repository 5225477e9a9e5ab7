// A static file server for dist/ the way a newsroom's server should send the
// widget: brotli where the browser takes it (the distributable's own
// precompressed NAME.br, which `atlas dist` writes, else compressed here at
// the same quality 11, so a peer page without .br files is sent the same
// way), else gzip -9, for text and wasm; `application/wasm` for .wasm (needed for
// streaming compilation), content-hashed files cached for a year, the
// rest revalidated, and an HTML page's own `<meta>` Content-Security-Policy
// sent as a header too, as a production server would. Used by the
// end-to-end tests, the Lighthouse audit and `make bench-ui`.
//
//   node scripts/serve.mjs [port] [dir]     (defaults: 8765, dist)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const port = Number(process.argv[2] || 8765);
const root = normalize(process.argv[3] || 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

// NAME-0123456789abcdef.ext or NAME-…_bg.wasm: safe to cache forever.
const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const cache = new Map();
// <meta http-equiv="Content-Security-Policy" content="…"> in a page's text.
const metaPolicy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

// The precompressed NAME.br beside a file, else the file compressed as
// `atlas dist` does (quality 11, window 2^24).
async function brotli(file, raw) {
  try {
    return await readFile(`${file}.br`);
  } catch {
    return brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
  }
}

createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const type = TYPES[extname(file)] || 'application/octet-stream';
    const info = await stat(file);
    const raw = await readFile(file);
    const accepts = req.headers['accept-encoding'] || '';
    const packable = !type.startsWith('image/png');
    const encoding = !packable ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    // Compressed once per file version (its size and time).
    const key = `${file}:${info.size}:${info.mtimeMs}:${encoding}`;
    let body = cache.get(key);
    if (!body) {
      body = encoding === 'br' ? await brotli(file, raw) : encoding === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
      cache.set(key, body);
    }
    const policy = type.startsWith('text/html') && raw.toString('utf8').match(metaPolicy);
    res.writeHead(200, {
      ...(policy ? { 'content-security-policy': policy[1] } : {}),
      'content-type': type,
      'content-length': body.length,
      'cache-control': hashed.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' ? 404 : 500, { 'content-type': 'text/plain' });
    res.end(e.code === 'ENOENT' ? 'not found\n' : 'error\n');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
