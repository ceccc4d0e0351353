// Offline and installable, embedding in other sites, and the Content-Security-Policy, in
// Debian's Chromium. The site is served on 127.0.0.1; a second build with changed data
// (build/web-next/site) stands in for a new deployment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ARTIFACTS, ROOT, SITE, launch, openWidget, serveSite, summary } from './browser.mjs';
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

test('a new deployment with changed data activates cleanly and shows its data version', async () => {
  const server = await startServer({ root: SITE });
  const url = server.url;
  const { context, page } = await openWidget(browser, url, 'indication=nomid&weight=20');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.evaluate(() => window.doseChecker.ready);
  const oldVersion = (await summary(page)).match(/Data version (\S+)\./)[1];
  server.setRoot(NEXT_SITE);  // deploy the second build
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update-ready:not([hidden])');
  // Until the user accepts, the old deployment keeps running whole.
  assert.ok((await summary(page)).includes(`Data version ${oldVersion}.`));
  await Promise.all([page.waitForEvent('load'), page.click('#update-ready button')]);
  await page.evaluate(() => window.doseChecker.ready);
  await page.waitForFunction((v) => !document.getElementById('dose-summary').textContent.includes(`Data version ${v}.`), oldVersion);
  const newVersion = (await summary(page)).match(/Data version (\S+)\./)[1];
  assert.notEqual(newVersion, oldVersion);
  assert.equal(newVersion, `${oldVersion}-next`);
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.filter((c) => c.startsWith('dosecheck-')).length, 1, `old caches left: ${caches}`);
  await context.close();
  server.server.close();
});

// The example host page, rewritten to point at the widget's origin, served from another port.
async function serveHost(widgetUrl) {
  const dir = join(ROOT, 'build', 'e2e-host');
  await mkdir(dir, { recursive: true });
  const html = (await readFile(join(ROOT, 'web', 'examples', 'host.html'), 'utf8')).replaceAll('WIDGET_ORIGIN', widgetUrl.replace(/\/$/, ''));
  await writeFile(join(dir, 'host.html'), html);
  await cp(join(ROOT, 'web', 'examples', 'host.js'), join(dir, 'host.js'));
  return startServer({ root: dir });
}

test('the example host page embeds the widget cross-origin; height, inputs and results flow; strangers are ignored', async () => {
  const widget = await serveSite();
  const host = await serveHost(widget.url);
  const servers = [widget, host];
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  // Servers and pages are closed even when an assertion fails, so the test run always ends.
  try {
    assert.notEqual(new URL(host.url).port, new URL(widget.url).port);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(host.url + 'host.html');
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
    assert.equal(await page.getAttribute('iframe', 'allow'), 'clipboard-write');
    assert.ok((await page.getAttribute('iframe', 'sandbox')).includes('allow-scripts'));
    // The iframe grows to the widget's content.
    await page.waitForFunction(() => parseInt(document.querySelector('iframe').style.height, 10) > 600);
    // The widget lays out over a few frames and posts each new height: the iframe must catch up.
    let frameHeight = 0, contentHeight = -100;
    for (let tries = 0; tries < 30 && Math.abs(frameHeight - contentHeight) > 2; ++tries) {
      if (tries > 0) await page.waitForTimeout(100);
      frameHeight = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
      contentHeight = await frame.evaluate(() => document.getElementById('canvas').clientHeight);
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
    // A page on a third origin embeds the same widget, claiming the host's origin, and posts inputs: ignored.
    const stranger = await startServer({ root: join(ROOT, 'build', 'e2e-host') });
    servers.push(stranger);
    const other = await context.newPage();
    await other.goto(stranger.url + 'host.js');
    await other.setContent(`<iframe src="${widget.url}index.html?embed=1&parent_origin=${encodeURIComponent(host.url.replace(/\/$/, ''))}&indication=nomid&weight=20"></iframe>`);
    const strangerFrame = await (await other.waitForSelector('iframe')).contentFrame();
    await strangerFrame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
    await other.evaluate(() => document.querySelector('iframe').contentWindow.postMessage(
      { type: 'dosechecker:set-inputs', params: { indication: 'dira', weight: '12' } }, '*'));
    await other.waitForTimeout(500);
    assert.ok((await strangerFrame.evaluate(() => document.getElementById('dose-summary').textContent)).includes('Weight 20 kg'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    for (const s of servers) s.server.close();
  }
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
