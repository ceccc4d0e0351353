// The deployment's headers (web/headers.json) as rules, and as the configuration files real
// hosts read. Used by scripts/static_server.mjs and by the build.
//   node scripts/headers.mjs netlify [web/headers.json] [origins...]   -> a _headers file
//   node scripts/headers.mjs nginx   [web/headers.json] [origins...]   -> nginx location blocks
//   node scripts/headers.mjs site <index.html> <site dir>              -> the build's pages and _headers
// The origins (or EMBED_ORIGINS, space-separated) replace the embed allow-list.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HEADERS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'headers.json');

// [{path, headers: [[name, value], ...]}] with every placeholder filled in.
export function headerRules({ file = HEADERS_FILE, embedOrigins } = {}) {
  const config = JSON.parse(readFileSync(file, 'utf8'));
  const origins = embedOrigins ?? config.embed_allowed_origins;
  for (const origin of origins)
    if (!/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) throw new Error(`not an origin: ${origin}`);
  const fill = (value) => value.replaceAll('{csp}', config.csp)
    .replaceAll('{embed_frame_ancestors}', ["'self'", ...origins].join(' '));
  return config.rules.map(({ path, headers }) => ({
    path,
    headers: Object.entries(typeof headers === 'string' ? config.sets[headers] : headers).map(([name, value]) => [name, fill(value)]),
  }));
}

// The headers for a request path: every matching rule, later rules adding to earlier ones.
export function headersFor(rules, path) {
  const out = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('/*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (matches) for (const [name, value] of rule.headers) out[name] = value;
  }
  return out;
}

export function netlifyFormat(rules) {
  return '# Generated from web/headers.json by scripts/headers.mjs; edit that file instead.\n' +
    rules.map((r) => `${r.path}\n${r.headers.map(([n, v]) => `  ${n}: ${v}`).join('\n')}\n`).join('');
}

export function nginxFormat(rules) {
  const common = rules.filter((r) => r.path === '/*').flatMap((r) => r.headers);
  const line = ([n, v]) => `    add_header ${n} "${v}" always;`;
  // nginx drops inherited add_header lines in a location that has its own, so each repeats them.
  const block = (match, headers) => `location ${match} {\n${[...common, ...headers].map(line).join('\n')}\n}\n`;
  return '# Generated from web/headers.json by scripts/headers.mjs; edit that file instead.\n' +
    block('/', []) + rules.filter((r) => r.path !== '/*').map((r) => block(`= ${r.path}`, r.headers)).join('');
}

// web/icon.svg as a data: URL for an href: percent-encoded, so no character can end the attribute.
function iconDataUrl() {
  const svg = readFileSync(join(dirname(HEADERS_FILE), 'icon.svg'), 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim();
  return 'data:image/svg+xml,' + encodeURIComponent(svg);
}

// The built site's pages: index.html and embed.html (the same page; bridge.js tells them apart
// by name) with the policy written into their CSP meta tag (for hosts that send no headers) and
// the icon into their icon link, and _headers for static hosts.
function writeSite(indexHtml, siteDir) {
  const config = JSON.parse(readFileSync(HEADERS_FILE, 'utf8'));
  // Each placeholder must be there: a page without one would ship it unfilled.
  const fills = [['content="{csp}"', `content="${config.csp}"`], ['href="{icon_svg}"', `href="${iconDataUrl()}"`]];
  let filled = readFileSync(indexHtml, 'utf8');
  for (const [placeholder, value] of fills) {
    if (!filled.includes(placeholder)) throw new Error(`${indexHtml}: no placeholder ${placeholder}`);
    filled = filled.replace(placeholder, value);
  }
  writeFileSync(join(siteDir, 'index.html'), filled);
  writeFileSync(join(siteDir, 'embed.html'), filled);
  writeFileSync(join(siteDir, '_headers'), netlifyFormat(headerRules()));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'site') {
  writeSite(process.argv[3], process.argv[4]);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [format = 'netlify', file = HEADERS_FILE, ...origins] = process.argv.slice(2);
  const fromEnv = process.env.EMBED_ORIGINS ? process.env.EMBED_ORIGINS.split(/\s+/).filter(Boolean) : undefined;
  const rules = headerRules({ file, embedOrigins: origins.length ? origins : fromEnv });
  process.stdout.write(format === 'nginx' ? nginxFormat(rules) : netlifyFormat(rules));
}
