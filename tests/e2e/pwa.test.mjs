// Offline and installable, embedding in other sites, and the Content-Security-Policy, in
// Debian's Chromium. The site is served on 127.0.0.1; a second build with changed data
// (build/web-next/site) stands in for a new deployment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ARTIFACTS, ROOT, SITE, clickControl, launch, openWidget, serveSite, summary, typeInto, waitForSummary, whenReady } from './browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const NEXT_SITE = process.env.DOSECHECK_NEXT_SITE ?? join(ROOT, 'build', 'web-next', 'site');
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launch();
});
after(async () => { await browser?.close(); });

test('the manifest is valid and its icons exist at the declared sizes', async () => {
  const { server, url } = await serveSite();
  const { context, page } = await openWidget(browser, url);
  const href = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  const response = await page.request.get(href);
  assert.equal(response.headers()['content-type'], 'application/manifest+json');
  const manifest = await response.json();
  for (const key of ['name', 'short_name', 'start_url', 'scope', 'display', 'theme_color', 'background_color'])
    assert.ok(manifest[key], `manifest.${key} missing`);
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, href).href, url + 'index.html');
  const purposes = new Set();
  for (const icon of manifest.icons) {
    const png = PNG.sync.read(Buffer.from(await (await page.request.get(new URL(icon.src, href).href)).body()));
    assert.equal(`${png.width}x${png.height}`, icon.sizes, icon.src);
    purposes.add(`${icon.sizes}:${icon.purpose}`);
  }
  for (const needed of ['192x192:any', '512x512:any', '512x512:maskable']) assert.ok(purposes.has(needed), needed);
  await context.close();
  server.close();
});

test('the service worker installs; offline, a reload still shows the widget and computes', async () => {
  const { server, url } = await serveSite();
  const { context, page } = await openWidget(browser, url, 'indication=nomid&weight=20');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();  // now controlled by the worker
  await page.evaluate(() => window.doseChecker.ready);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
  await context.setOffline(true);
  server.close();  // and nothing is listening any more
  await page.reload();
  await page.evaluate(() => window.doseChecker.ready);
  await page.waitForFunction(() => (window.Module.framesDrawn ?? 0) > 0);
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  const golden = JSON.parse(await readFile(join(ROOT, 'tests', 'golden', 'nomid_us_20kg_basic.json'), 'utf8'));
  const result = await page.evaluate((r) => window.doseChecker.compute(r), golden.request);
  assert.equal(result.regimen.ceiling_mg_per_day, 160);
  await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
  await context.close();
});

test('a new deployment activates cleanly, shows its data version, and keeps every input (flags and ANC too)', async () => {
  const server = await serveSite(SITE);
  const url = server.url;
  const { context, page } = await openWidget(browser, url, 'indication=nomid&weight=20&dose_mg=40&doses_per_day=2',
    { viewport: { width: 1280, height: 2000 } });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await whenReady(page);
  await clickControl(page, 'active_infection');
  await typeInto(page, 'anc_per_mm3', '1200');
  await waitForSummary(page, 'ANC 1200');
  const before = await summary(page);
  assert.ok(before.includes('Safety flags ticked: Active infection'), before);
  const oldVersion = before.match(/Data version (\S+)\./)[1];
  server.setRoot(NEXT_SITE);  // deploy the second build
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update-ready:not([hidden])');
  // Until the user accepts, the old deployment keeps running whole.
  assert.ok((await summary(page)).includes(`Data version ${oldVersion}.`));
  await Promise.all([page.waitForEvent('load'), page.click('#update-ready button')]);
  await whenReady(page);
  await page.waitForFunction((v) => !document.getElementById('dose-summary').textContent.includes(`Data version ${v}.`), oldVersion);
  const after = await summary(page);
  const newVersion = after.match(/Data version (\S+)\./)[1];
  assert.equal(newVersion, `${oldVersion}-next`);
  for (const part of ['Safety flags ticked: Active infection', 'ANC 1200', 'Prescribed dose 40 mg'])
    assert.ok(after.includes(part), `${part} lost in the update:\n${after}`);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((c) => c.startsWith('dosecheck-')).length, 1, `old caches left: ${caches}`);
  await context.close();
  server.server.close();
});

test('the deployment headers: the full page refuses every frame, embed.html only its allow-list', async () => {
  const widget = await serveSite(SITE, { embedOrigins: ['https://course.example'] });
  const head = async (path) => (await fetch(widget.url + path)).headers;
  for (const path of ['', 'index.html']) {
    const h = await head(path);
    assert.match(h.get('content-security-policy'), /frame-ancestors 'none'$/);
    assert.match(h.get('content-security-policy'), /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(h.get('x-frame-options'), 'DENY');
  }
  const embed = await head('embed.html');
  assert.match(embed.get('content-security-policy'), /frame-ancestors 'self' https:\/\/course\.example$/);
  assert.equal(embed.get('x-frame-options'), null);
  for (const path of ['', 'embed.html', 'sw.js', 'dosechecker.wasm']) {
    const h = await head(path);
    assert.equal(h.get('referrer-policy'), 'no-referrer', path);
    assert.equal(h.get('x-content-type-options'), 'nosniff', path);
    assert.match(h.get('permissions-policy'), /camera=\(\), microphone=\(\), geolocation=\(\)/, path);
    assert.equal(h.get('cache-control'), 'no-cache', path);
  }
  assert.equal((await fetch(widget.url + '_headers')).status, 404);
  // The policy in the pages' meta tag is the header's (for hosts that send none).
  const page = await (await fetch(widget.url + 'index.html')).text();
  const meta = page.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(`${meta}; frame-ancestors 'none'`, (await head('index.html')).get('content-security-policy'));
  widget.server.close();
});

// A page on another origin that frames `path` of the widget; the frame, once it has settled.
async function frameFrom(context, hostUrl, src) {
  const page = await context.newPage();
  await page.goto(hostUrl + 'host.js');  // any page of that origin
  await page.setContent(`<iframe src="${src}" style="width:900px;height:600px"></iframe>`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForLoadState('load');
  await page.waitForTimeout(300);
  return { page, frame };
}

// The example host page, rewritten to point at the widget's origin, served from another port.
async function serveHost(widgetUrl, host) {
  const dir = join(ROOT, 'build', 'e2e-host');
  await mkdir(dir, { recursive: true });
  const html = (await readFile(join(ROOT, 'web', 'examples', 'host.html'), 'utf8')).replaceAll('WIDGET_ORIGIN', widgetUrl.replace(/\/$/, ''));
  await writeFile(join(dir, 'host.html'), html);
  await cp(join(ROOT, 'web', 'examples', 'host.js'), join(dir, 'host.js'));
  // Two embeds on one page, each driven through its own handle.
  const origin = widgetUrl.replace(/\/$/, '');
  await writeFile(join(dir, 'two.html'), `<!doctype html><meta charset="utf-8"><title>Two embeds</title><body>
<script src="${origin}/web/embed.js" data-id="first" data-indication="nomid" data-weight="20" data-width="700px"></script>
<script src="${origin}/web/embed.js" data-id="second" data-indication="ra" data-weight="70" data-age="50" data-width="700px"></script>`);
  return host ?? startServer({ root: dir });
}

test('the example host page embeds the widget cross-origin; height, inputs and results flow; strangers are refused', async () => {
  // The host's origin must be known before the widget's allow-list: start the host first.
  const host = await startServer({ root: join(ROOT, 'build', 'e2e-host') });
  const widget = await serveSite(SITE, { embedOrigins: [host.url.replace(/\/$/, '')] });
  await serveHost(widget.url, host);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const servers = [widget, host];
  // Servers and pages are closed even when an assertion fails, so the test run always ends.
  try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(host.url + 'host.html');
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
  assert.equal(await page.getAttribute('iframe', 'allow'), 'clipboard-write');
  assert.equal(await page.getAttribute('iframe', 'sandbox'), 'allow-scripts allow-same-origin allow-downloads allow-modals');
  // The inputs travel in the fragment; parent_origin is known, so nothing is reported unknown.
  const src = new URL(frame.url());
  assert.equal(src.pathname, '/embed.html');
  assert.equal(src.hash, '#indication=nomid&weight=20&age=6');
  assert.deepEqual(await frame.evaluate(() => window.Module.linkReport), { unknown: 0, refused: '' });
  // The iframe grows to the widget's content.
  await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 600);
  // The widget lays out over a few frames and posts each new height: the iframe must catch up.
  let frameHeight = 0, contentHeight = -100;
  for (let tries = 0; tries < 30 && Math.abs(frameHeight - contentHeight) > 2; ++tries) {
    if (tries > 0) await page.waitForTimeout(100);
    frameHeight = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
    contentHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
  }
  assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `iframe ${frameHeight} px vs content ${contentHeight} px`);
  // postMessage inputs change the result, and the result message comes back to the host.
  await page.click('#dira');
  await page.waitForFunction(() => document.getElementById('latest').textContent.includes('DIRA'));
  assert.ok((await frame.evaluate(() => document.getElementById('dose-summary').textContent)).includes('Weight 12 kg'));
  await page.screenshot({ path: join(ARTIFACTS, 'embed-host.png'), fullPage: true });
  // The wheel over the widget scrolls the course page: the widget is as tall as its content, so
  // it has nothing to scroll itself and must not swallow the wheel.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await (await page.$('iframe')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 300);
  await frame.waitForTimeout(300);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 100);
  await page.waitForFunction(() => window.scrollY >= 250, null, { timeout: 5000 })
    .catch(async () => assert.fail(`the page scrolled only to ${await page.evaluate(() => window.scrollY)} px`));
  // A reload of the frame (as "Update now" does) keeps the embed mode, its parent and the inputs.
  await Promise.all([page.waitForEvent('framenavigated', (f) => f === frame), frame.evaluate(() => window.location.reload())]);
  await frame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
  await frame.evaluate(() => window.doseChecker.ready);
  assert.ok(new URL(frame.url()).search.includes('parent_origin='));
  assert.ok((await frame.evaluate(() => document.getElementById('dose-summary').textContent)).includes('DIRA'));
  await page.evaluate(() => window.DoseCheckerEmbed.setInputs({ indication: 'nomid', weight: '18' }));
  await frame.waitForFunction(() => document.getElementById('dose-summary').textContent.includes('Weight 18 kg'));

  // A third origin may not frame the embed (not in the allow-list), nor the full page (no one may).
  const stranger = await startServer({ root: join(ROOT, 'build', 'e2e-host') });
  servers.push(stranger);
  const hostOrigin = encodeURIComponent(host.url.replace(/\/$/, ''));
  for (const path of [`embed.html?parent_origin=${hostOrigin}#indication=nomid&weight=20`, 'index.html#indication=nomid&weight=20']) {
    const { page: other, frame: refused } = await frameFrom(context, stranger.url, widget.url + path);
    assert.equal(refused.url(), 'chrome-error://chromewebdata/', `${path} was framed by a third origin`);
    assert.equal(await refused.evaluate(() => typeof window.doseChecker).catch(() => 'undefined'), 'undefined');
    await other.close();
  }
  assert.deepEqual(errors, []);
  } finally {
    await context.close();
    for (const s of servers) s.server.close();
  }
});

test('an allowed host that names another origin as parent_origin is not trusted; two embeds on a page are each steered', async () => {
  const host = await startServer({ root: join(ROOT, 'build', 'e2e-host') });
  const widget = await serveSite(SITE, { embedOrigins: [host.url.replace(/\/$/, '')] });
  await serveHost(widget.url, host);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  // The frame loads (its host is allowed) but claims another parent: its messages are ignored.
  const { page: liar, frame } = await frameFrom(context, host.url,
    `${widget.url}embed.html?parent_origin=${encodeURIComponent('https://course.example')}#indication=nomid&weight=20`);
  await frame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
  await liar.evaluate(() => document.querySelector('iframe').contentWindow.postMessage(
    { type: 'dosechecker:set-inputs', params: { indication: 'dira', weight: '12' } }, '*'));
  await liar.waitForTimeout(500);
  assert.ok((await frame.evaluate(() => document.getElementById('dose-summary').textContent)).includes('NOMID'));
  // Two embeds on one page: each handle steers its own widget.
  const page = await context.newPage();
  await page.goto(host.url + 'two.html');
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
  const frames = [];
  for (const element of await page.$$('iframe')) {
    await element.scrollIntoViewIfNeeded();  // embed.js loads its iframe lazily
    const f = await element.contentFrame();
    await f.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
    frames.push(f);
  }
  await page.evaluate(() => {
    window.DoseCheckerEmbed.get('first').setInputs({ indication: 'dira', weight: '11' });
    window.DoseCheckerEmbed.get(1).setInputs({ indication: 'ra', weight: '80', age: '40' });
  });
  await frames[0].waitForFunction(() => document.getElementById('dose-summary').textContent.includes('Weight 11 kg'));
  await frames[1].waitForFunction(() => document.getElementById('dose-summary').textContent.includes('Weight 80 kg'));
  const first = await frames[0].evaluate(() => document.getElementById('dose-summary').textContent);
  assert.ok(first.includes('DIRA'), first);
  assert.equal(await page.evaluate(() => window.DoseCheckerEmbed.get(0).iframe === document.querySelectorAll('iframe')[0]), true);
  await context.close();
  widget.server.close();
  host.server.close();
});

test('service-worker integrity: a bad response at install is never cached; a damaged cache entry is replaced', async () => {
  let breakInstall = true, installFetches = 0, wasmRequests = 0;
  const server = await serveSite(SITE, {
    intercept: (req, res) => {
      if (!req.url.startsWith('/dosechecker.wasm')) return false;
      ++wasmRequests;
      // The worker fetches with cache: 'reload' (Pragma: no-cache): give it an HTML error page.
      if (!breakInstall || req.headers.pragma !== 'no-cache') return false;
      ++installFetches;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><h1>502 Bad Gateway</h1>');
      return true;
    },
  });
  const { context, page } = await openWidget(browser, server.url, 'indication=nomid&weight=20');
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined));
  for (let i = 0; i < 100 && installFetches === 0; i++) await page.waitForTimeout(100);
  assert.equal(installFetches, 1, 'the worker fetched the wasm once at install');
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r === undefined || (!r.installing && !r.active)));
  assert.deepEqual((await page.evaluate(() => caches.keys())).filter((c) => c.startsWith('dosecheck-')), [], 'a failed install left a cache');
  await page.reload();
  await whenReady(page);
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false);
  await context.close();

  // A good install, then the cached wasm damaged on disk: detected, dropped, fetched again.
  breakInstall = false;
  const second = await openWidget(browser, server.url, 'indication=nomid&weight=20');
  await second.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await second.page.reload();
  await whenReady(second.page);
  assert.ok(await second.page.evaluate(() => !!navigator.serviceWorker.controller));
  await second.page.evaluate(async () => {
    const name = (await caches.keys()).find((c) => c.startsWith('dosecheck-'));
    const cache = await caches.open(name);
    await cache.put('./dosechecker.wasm', new Response('damaged', { headers: { 'Content-Type': 'application/wasm' } }));
  });
  const before = wasmRequests;
  await second.page.reload();
  await whenReady(second.page);
  assert.ok((await summary(second.page)).includes('Ceiling: 160 mg per day'));
  assert.equal(wasmRequests, before + 1, 'the damaged entry was fetched again from the network');
  const repaired = await second.page.evaluate(async () => {
    const name = (await caches.keys()).find((c) => c.startsWith('dosecheck-'));
    return (await (await caches.open(name)).match('./dosechecker.wasm')).arrayBuffer().then((b) => b.byteLength);
  });
  assert.ok(repaired > 100000, `cached wasm is ${repaired} bytes`);
  await second.context.close();
  server.server.close();
});

test('a start-up that fails under the service worker deletes the caches, unregisters it and reloads from the network once', async () => {
  let failuresLeft = 0;
  const server = await serveSite(SITE, {
    intercept: (req, res) => {
      if (failuresLeft === 0 || !req.url.startsWith('/dosechecker.wasm')) return false;
      --failuresLeft;  // a flaky proxy: the worker's repair and the module's own retry both fail
      res.writeHead(500, { 'Content-Type': 'text/html' }).end('<h1>500</h1>');
      return true;
    },
  });
  const { context, page } = await openWidget(browser, server.url, 'indication=nomid&weight=20');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await whenReady(page);
  // Damage the cached wasm, and let the network fail the worker's one attempt to repair it.
  await page.evaluate(async () => {
    const name = (await caches.keys()).find((c) => c.startsWith('dosecheck-'));
    await (await caches.open(name)).put('./dosechecker.wasm', new Response('damaged'));
  });
  failuresLeft = 2;
  const loads = [];
  page.on('load', () => loads.push(Date.now()));
  await page.reload();
  // The start fails, the page clears the caches and the worker, and reloads once by itself.
  await page.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 0, null, { timeout: 20000 });
  await whenReady(page);
  assert.ok(loads.length >= 2, `loads: ${loads.length}`);
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  await context.close();
  server.server.close();
});
test('the Content-Security-Policy blocks an injected inline script', async () => {
  const { server, url } = await serveSite();
  const { context, page } = await openWidget(browser, url);
  const outcome = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve({ blocked: e.violatedDirective, ran: !!window.__injected }));
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.body.appendChild(s);
    setTimeout(() => resolve({ blocked: null, ran: !!window.__injected }), 1000);
  }));
  assert.equal(outcome.ran, false);
  assert.ok(String(outcome.blocked).startsWith('script-src'), JSON.stringify(outcome));
  await context.close();
  server.close();
});
