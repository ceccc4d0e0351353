// A small static file server bound to 127.0.0.1, with the MIME types the widget needs
// (application/wasm lets the browser compile while downloading). Used by scripts/serve.sh,
// the budgets and the browser tests. `node scripts/static_server.mjs <root> [port]`
// With `deployment: true` (always from the command line) it sends the deployment's headers
// from web/headers.json, as a real host configured from that file would; EMBED_ORIGINS (or
// the embedOrigins option) is the allow-list of sites that may frame embed.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerRules, headersFor } from './headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf',
};

// intercept(request, response): a test's hook; return true when it answered the request itself.
export function startServer({ root, port = 0, host = '127.0.0.1', headers = {}, deployment = false, embedOrigins, intercept } = {}) {
  let base = resolve(root);
  const rules = deployment ? headerRules({ embedOrigins }) : [];
  const server = createServer(async (req, res) => {
    try {
      if (intercept && await intercept(req, res)) return;
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base) || basename(file) === '_headers') { res.writeHead(404).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache',
        ...headersFor(rules, path), ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  // setRoot: serve another folder from now on (tests deploy a new build this way).
  const setRoot = (next) => { base = resolve(next); };
  return new Promise((done) => server.listen(port, host, () => done({ server, setRoot, url: `http://${host}:${server.address().port}/` })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = '.', port = '8080'] = process.argv.slice(2);
  const embedOrigins = process.env.EMBED_ORIGINS ? process.env.EMBED_ORIGINS.split(/\s+/).filter(Boolean) : undefined;
  const { url } = await startServer({ root, port: Number(port), deployment: true, embedOrigins });
  console.log(`Serving ${resolve(root)} at ${url} with the headers of web/headers.json (Ctrl+C to stop)`);
}
