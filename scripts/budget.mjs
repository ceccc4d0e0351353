// Web budgets: prints, for the widget and a bare ImGui baseline built with the same toolchain,
// transfer size of the first load (gzip, brotli), time to the first drawn frame (median, cache
// disabled; the widget also with a warm service worker), frames drawn during 5 s idle, and CPU
// time per frame while a value is dragged. Figures, not a test.
// node scripts/budget.mjs <widget site dir> <baseline site dir>
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from './static_server.mjs';

const [widgetDir, baselineDir] = process.argv.slice(2);
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

async function coldLoad(browser, url, wantBodies) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies = [];
  if (wantBodies) page.on('response', async (r) => { try { bodies.push({ url: r.url(), body: await r.body() }); } catch {} });
  await page.goto(url);
  await page.waitForFunction(() => (window.Module?.framesDrawn ?? 0) > 0, null, { timeout: 60000 });
  const firstFrame = await page.evaluate(() => window.Module.firstFrameAt);
  await page.waitForTimeout(300);
  return { context, page, firstFrame, bodies };
}

async function measure(browser, name, url, dragFrom, dragTo, withServiceWorker) {
  const times = [];
  let transfer = null;
  for (let i = 0; i < RUNS; i++) {
    const { context, firstFrame, bodies } = await coldLoad(browser, url, i === 0);
    times.push(firstFrame);
    if (i === 0) {
      const raw = bodies.reduce((s, b) => s + b.body.length, 0);
      const gz = bodies.reduce((s, b) => s + gzipSync(b.body, { level: 9 }).length, 0);
      const br = bodies.reduce((s, b) => s + brotliCompressSync(b.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
      transfer = { files: bodies.length, raw, gz, br };
    }
    await context.close();
  }
  // Warm service worker: the same context reloads, served from the worker's cache.
  let warm = null;
  if (withServiceWorker) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const warmTimes = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload();
      await page.waitForFunction(() => (window.Module?.framesDrawn ?? 0) > 0);
      warmTimes.push(await page.evaluate(() => window.Module.firstFrameAt));
    }
    warm = median(warmTimes);
    await context.close();
  }
  // Idle frames and CPU per frame while dragging.
  const { context, page } = await coldLoad(browser, url, false);
  await page.waitForTimeout(1000);
  const idleStart = await page.evaluate(() => window.Module.framesDrawn);
  await page.waitForTimeout(5000);
  const idleFrames = (await page.evaluate(() => window.Module.framesDrawn)) - idleStart;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metric();
  const framesBefore = await page.evaluate(() => window.Module.framesDrawn);
  await page.mouse.move(...dragFrom);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    const t = i / 60;
    await page.mouse.move(dragFrom[0] + (dragTo[0] - dragFrom[0]) * t, dragFrom[1] + (dragTo[1] - dragFrom[1]) * t);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const after = await metric();
  const frames = (await page.evaluate(() => window.Module.framesDrawn)) - framesBefore;
  const cpuMs = (after.TaskDuration - before.TaskDuration) * 1000;
  await context.close();
  return { name, transfer, firstFrame: median(times), warm, idleFrames, cpuPerFrame: cpuMs / Math.max(frames, 1), frames };
}

const browser = await launch();
const widget = await startServer({ root: widgetDir });
const baseline = await startServer({ root: baselineDir });
const w = await measure(browser, 'widget', widget.url + 'index.html?indication=nomid&weight=20&crcl=25&dose_mg=40&doses_per_day=2',
  [1273, 200], [1273, 700], true);
const b = await measure(browser, 'baseline', baseline.url + 'index.html', [140, 50], [330, 50], false);
await browser.close();
widget.server.close();
baseline.server.close();

const row = (label, f) => console.log(label.padEnd(40) + f(w).padStart(16) + f(b).padStart(16) + ratio(f, label).padStart(10));
function ratio(f, label) {
  const a = parseFloat(f(w)), c = parseFloat(f(b));
  return Number.isFinite(a) && Number.isFinite(c) && c > 0 && !label.startsWith('frames') ? (a / c).toFixed(2) + 'x' : '';
}
console.log(''.padEnd(40) + 'widget'.padStart(16) + 'baseline'.padStart(16) + 'ratio'.padStart(10));
row('first load: files', (r) => String(r.transfer.files));
row('first load: uncompressed', (r) => kb(r.transfer.raw));
row('first load: gzip -9', (r) => kb(r.transfer.gz));
row('first load: brotli -q 11', (r) => kb(r.transfer.br));
row(`first frame, cold, median of ${RUNS} (ms)`, (r) => r.firstFrame.toFixed(0));
row(`first frame, warm service worker (ms)`, (r) => (r.warm === null ? 'n/a' : r.warm.toFixed(0)));
row('frames drawn during 5 s idle', (r) => String(r.idleFrames));
row('CPU per frame while dragging (ms)', (r) => r.cpuPerFrame.toFixed(2));
console.log(`(dragging drew ${w.frames} widget frames and ${b.frames} baseline frames)`);
