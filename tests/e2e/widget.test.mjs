// The widget in real Chromium (Debian's, through playwright-core), served on 127.0.0.1.
// Screenshots are saved to build/e2e-artifacts/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ARTIFACTS, ROOT, launch, openWidget, serveSite, summary, waitForSummary } from './browser.mjs';

let browser, server, baseUrl;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  ({ server, url: baseUrl } = await serveSite());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

// Share of pixels that differ from the most common colour, and the number of distinct colours.
function pixelStats(png) {
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = png.width * png.height;
  const background = Math.max(...counts.values());
  return { inked: 1 - background / total, colours: counts.size };
}

async function screenshotStats(page, name) {
  const buffer = await page.screenshot({ path: join(ARTIFACTS, name) });
  return pixelStats(PNG.sync.read(buffer));
}

test('loads without console errors and makes no request beyond 127.0.0.1', async () => {
  const { context, page, errors, requests } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  assert.ok(requests.length >= 4, `requests seen: ${requests.length}`);
  for (const url of requests) assert.ok(url.startsWith(baseUrl) || url.startsWith('data:'), `request left 127.0.0.1: ${url}`);
  await context.close();
});

test('URL parameters produce the right #dose-summary', async () => {
  const cases = [
    ['indication=nomid&weight=20&age=6&crcl=90', ['NOMID', 'Weight 20 kg', 'CrCl 90 mL/min', '20 mg to 40 mg per day', 'Ceiling: 160 mg per day']],
    // Under the every-48-h rule: doses per administration, the overall verdict first, findings in words.
    ['indication=nomid&weight=20&crcl=25&dose_mg=90&doses_per_day=2',
     ['Overall: EXCEEDS', 'Ceiling: 160 mg per administration every 48 h', 'above the ceiling', 'the label suggests the dose every other day']],
    // US Still's at 70 kg: the capped start is one dose, and the ladder starts there.
    ['indication=stills&weight=70&age=35&crcl=100', ['Start: 1.42-1.42 mg/kg/day = 100 mg per day', 'Ceiling: 200 mg per day']],
    ['indication=ra&weight=70&age=50&dose_mg=100&doses_per_day=1', ['Rheumatoid arthritis', 'Dose: 100 mg', 'Check: OK']],
    ['indication=caps&region=eu&weight=44&weight_unit=lb&age=30&age_unit=months', ['CAPS', 'EU label', 'Weight 19.96 kg', 'Ceiling: 159.6 mg per day']],
    ['indication=dira&weight=12&age=2&scr=0.4&height_cm=85&esrd=0', ['DIRA', 'eGFR 87.7 mL/min/1.73 m2']],
  ];
  for (const [query, expected] of cases) {
    const { context, page } = await openWidget(browser, baseUrl, query);
    const text = await summary(page);
    for (const part of expected) assert.ok(text.includes(part), `"${part}" missing for ${query}:\n${text}`);
    assert.ok(text.startsWith('Overall: '), `the overall verdict comes first for ${query}:\n${text}`);
    assert.ok(!/\b[A-Z]+_[A-Z_]+\b/.test(text), `an internal code in the summary for ${query}:\n${text}`);
    await context.close();
  }
});

test('typing into the canvas with the keyboard changes the result, and Tab moves to the next field', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  assert.ok((await summary(page)).includes('Weight 20 kg'));
  // A fast typist: no pause between fields. ImGui 1.86 has no input queue; the platform's
  // queue must keep every key and character in order (see src/web/main.cpp).
  await page.mouse.click(160, 79);            // the weight field (layout at 1280 px wide)
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');           // next field: age
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await waitForSummary(page, 'Weight 25 kg, age 7 years');
  assert.ok((await summary(page)).includes('Ceiling: 200 mg per day'));
  assert.ok(page.url().includes('weight=25') && page.url().includes('age=7'), 'the URL follows the inputs');
  await context.close();
});

test('window.doseChecker.compute equals the CLI output for every golden vector', async () => {
  const { context, page } = await openWidget(browser, baseUrl);
  const dir = join(ROOT, 'tests', 'golden');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 60);
  for (const file of files) {
    const vector = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const request = vector.request_text ?? JSON.stringify(vector.request);
    let cli;
    try {
      cli = execFileSync(join(ROOT, 'build', 'native', 'dosecheck'), { input: request }).toString();
    } catch (error) {
      cli = error.stdout.toString();  // exit code 2: invalid input, still a JSON response
    }
    const fromPage = await page.evaluate((r) => window.doseChecker.compute(r), request);
    assert.deepEqual(fromPage, JSON.parse(cli), file);
  }
  await context.close();
});

test('an invalid weight shows the error and no dose', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=-3&dose_mg=40&doses_per_day=1');
  const text = await summary(page);
  assert.ok(text.includes('patient.weight'), text);
  assert.ok(text.includes('No dose shown'), text);
  assert.ok(!/\d mg\b/.test(text), `a dose leaked into the summary:\n${text}`);
  const state = JSON.parse(await page.evaluate(() => window.Module.lastResult));
  assert.equal(state.ok, false);
  assert.equal(state.regimen, undefined);
  await screenshotStats(page, 'invalid-weight.png');
  await context.close();
});

test('the canvas is drawn, not blank', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20&dose_mg=40&doses_per_day=2');
  const stats = await screenshotStats(page, 'desktop-1280x900.png');
  assert.ok(stats.inked > 0.05, `only ${(stats.inked * 100).toFixed(1)}% of pixels drawn`);
  assert.ok(stats.colours > 50, `only ${stats.colours} colours`);
  await context.close();
});

test('at device scale factor 2 the backing store is in physical pixels', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20', {
    viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  await page.waitForTimeout(200);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, css: c.clientWidth, cssHeight: c.clientHeight };
  });
  assert.equal(size.width, size.css * 2);
  assert.equal(size.height, size.cssHeight * 2);
  await screenshotStats(page, 'dpr2-800x600.png');
  await context.close();
});

test('idle means idle: no frames drawn during 5 s without input', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  await page.waitForTimeout(500);  // let the start-up frames finish
  const before = await page.evaluate(() => window.Module.framesDrawn);
  await page.waitForTimeout(5000);
  const after = await page.evaluate(() => window.Module.framesDrawn);
  assert.equal(after - before, 0, `${after - before} frames drawn while idle`);
  await page.mouse.move(300, 300);
  await page.waitForFunction((n) => window.Module.framesDrawn > n, after);  // input wakes it
  await context.close();
});

test('the layout works at 360x740 (phone) and 1440x900 (desktop)', async () => {
  for (const [width, height] of [[360, 740], [1440, 900]]) {
    const { context, page, errors } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20&crcl=25&dose_mg=40&doses_per_day=2',
      { viewport: { width, height } });
    const stats = await screenshotStats(page, `layout-${width}x${height}.png`);
    assert.ok(stats.inked > 0.05, `${width}x${height}: canvas looks blank`);
    assert.deepEqual(errors, []);
    const canvas = await page.evaluate(() => [document.getElementById('canvas').clientWidth, document.body.scrollWidth]);
    assert.equal(canvas[0], width, 'the canvas spans the viewport');
    assert.ok(canvas[1] <= width, 'no horizontal page scroll');
    await context.close();
  }
});

test('touch: a tap presses a button once and a drag scrolls', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20',
    { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const framesBefore = await page.evaluate(() => window.Module.framesDrawn);
  await page.touchscreen.tap(180, 400);
  await page.waitForFunction((n) => window.Module.framesDrawn > n, framesBefore);
  assert.deepEqual(await page.evaluate(() => window.Module.wantTextInput), false);
  await context.close();
});

test('inputs persist in local storage and the URL', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=dira&weight=15&age=3');
  const stored = await page.evaluate(() => window.localStorage.getItem('dosecheck.inputs'));
  assert.ok(stored && stored.includes('"dira"'), stored);
  // A visit without parameters restores the last valid inputs.
  await page.goto(baseUrl);
  await page.evaluate(() => window.doseChecker.ready);
  await waitForSummary(page, 'DIRA');
  assert.ok((await summary(page)).includes('Weight 15 kg'));
  await context.close();
});

test('print shows the text summary, not the canvas', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => ({
    canvas: getComputedStyle(document.getElementById('canvas')).display,
    summaryWidth: document.getElementById('dose-summary').getBoundingClientRect().width,
  }));
  assert.equal(visible.canvas, 'none');
  assert.ok(visible.summaryWidth > 200);
  await page.screenshot({ path: join(ARTIFACTS, 'print.png') });
  await context.close();
});
