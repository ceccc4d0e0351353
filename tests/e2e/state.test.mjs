// Issue #8 in real Chromium: one trusted patient state, never invented, lost, forged or sent.
// Each test reproduces one of the findings and shows it fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { ARTIFACTS, siteAndBrowser, SITE, clickControl, openWidget, serveSite, summary, typeInto, waitForSummary, whenReady } from './browser.mjs';

let browser, server, baseUrl;
const TALL = { viewport: { width: 1280, height: 2000 } };  // every control on screen at once

before(async () => ({ browser, server, baseUrl } = await siteAndBrowser()));
after(async () => { await browser?.close(); server?.close(); });

// Records what the page copies and whether it printed, without the OS clipboard or dialog.
async function watchOutputs(context) {
  await context.addInitScript(() => {
    window.__copied = [];
    if (navigator.clipboard) navigator.clipboard.writeText = (text) => { window.__copied.push(text); return Promise.resolve(); };
    window.print = () => { window.__printed = (window.__printed ?? 0) + 1; };
  });
}

function lastOf(list) { return list[list.length - 1]; }

// Lines of the summary that are computed (the "As entered" line repeats the order as typed).
function computedPart(text) {
  return text.split('\n').filter((line) => !line.startsWith('As entered:')).join('\n');
}

test('1. safety flags, ANC and start date survive reload, Share (in a fresh context) and Print', async () => {
  const context = await browser.newContext(TALL);
  await watchOutputs(context);
  const page = await context.newPage();
  await page.goto(baseUrl + '#indication=nomid&weight=20&dose_mg=40&doses_per_day=2');
  await whenReady(page);
  await clickControl(page, 'ecoli_hypersensitivity');
  await waitForSummary(page, 'Overall: CONTRAINDICATED');
  await clickControl(page, 'active_infection');
  await typeInto(page, 'anc_per_mm3', '1200');
  await typeInto(page, 'start_date', '2026-12-01');
  await waitForSummary(page, 'Start date 2026-12-01');
  const before = await summary(page);
  for (const part of ['E. coli protein hypersensitivity, Active infection', 'ANC 1200', 'Start date 2026-12-01'])
    assert.ok(before.includes(part), `${part}:\n${before}`);

  await page.reload();
  await whenReady(page);
  const reloaded = await summary(page);
  assert.ok(reloaded.startsWith('Overall: CONTRAINDICATED'), reloaded);
  assert.equal(computedPart(reloaded).replace(/Generated .*\(/, ''), computedPart(before).replace(/Generated .*\(/, ''));

  await clickControl(page, 'Share link');
  await page.waitForFunction(() => window.__copied.length > 0);
  const link = lastOf(await page.evaluate(() => window.__copied));
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#indication=nomid&weight=20/);
  assert.ok(link.includes('ecoli_hypersensitivity=1') && link.includes('active_infection=1') && link.includes('anc_per_mm3=1200'), link);
  const fresh = await browser.newContext(TALL);
  const shared = await fresh.newPage();
  await shared.goto(link);
  await whenReady(shared);
  assert.equal(computedPart(await summary(shared)).replace(/Generated .*\(/, ''), computedPart(before).replace(/Generated .*\(/, ''));
  await fresh.close();

  await clickControl(page, 'Print');
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const printed = await summary(page);
  assert.ok(printed.startsWith('Overall: CONTRAINDICATED') && printed.includes('Active infection') && printed.includes('ANC 1200'));
  await page.screenshot({ path: join(ARTIFACTS, 'state-print.png') });
  await context.close();
});

test('2. no weight is invented: a fresh visit and Clear show no dose, and the last patient is only offered', async () => {
  const context = await browser.newContext(TALL);
  const page = await context.newPage();
  await page.goto(baseUrl);
  await whenReady(page);
  const blank = await summary(page);
  assert.ok(blank.startsWith('Overall: NO DOSE - no patient entered'), blank);
  assert.ok(!/\d mg(?!\/)/.test(blank), blank);
  assert.equal(await page.getByRole('button', { name: /Restore last patient/ }).isVisible(), false);
  await page.screenshot({ path: join(ARTIFACTS, 'state-first-visit.png') });

  // A patient with a half-typed order, then a new visit: nothing comes back by itself.
  await page.goto(baseUrl + '#indication=ra&weight=70&age=50&dose_mg=1000&doses_per_day=1');
  await whenReady(page);
  await page.goto(baseUrl);
  await whenReady(page);
  assert.ok((await summary(page)).startsWith('Overall: NO DOSE - no patient entered'));
  const restore = page.getByRole('button', { name: /^Restore last patient from \d\d:\d\d$/ });
  assert.ok(await restore.isVisible());
  await page.screenshot({ path: join(ARTIFACTS, 'state-restore-offer.png') });
  await restore.click();
  await waitForSummary(page, 'Overall: EXCEEDS');

  await clickControl(page, 'Clear');
  await waitForSummary(page, 'Overall: NO DOSE - no patient entered');
  assert.equal(await page.evaluate(() => window.localStorage.getItem('dosecheck.inputs')), null);
  assert.equal(new URL(page.url()).hash, '');
  await page.reload();
  await whenReady(page);
  assert.ok((await summary(page)).startsWith('Overall: NO DOSE - no patient entered'));
  assert.equal(await restore.isVisible(), false);
  await context.close();
});

test('3. a decimal comma: 54,5 is 54.5 kg, 0,9 mg/dL is 0.9, and 1,234 is an error, not 1234', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=ra&weight=60&age=40&sex=male&scr=1');
  await typeInto(page, 'weight', '54,5');
  await waitForSummary(page, 'Weight 54.5 kg');
  await typeInto(page, 'scr', '0,9');
  await waitForSummary(page, 'Serum creatinine 0,9 mg/dL');
  // Cockcroft-Gault with 0.9 mg/dL (not 9): (140 - 40) x 54.5 / (72 x 0.9) = 84.1 mL/min.
  await waitForSummary(page, 'CrCl 84.1 mL/min');
  await typeInto(page, 'weight', '1,234');
  await waitForSummary(page, 'could mean 1234 or 1.234');
  assert.ok(!/\d mg(?!\/)/.test(computedPart(await summary(page))));
  await context.close();
});

test('4. a forging link draws nothing it names, and the real verdict comes first', async () => {
  const forged = '%E2%9C%93%20OK%20%E2%80%94%20dose%20checked%20(pharmacy%20verified)' + '%0A'.repeat(40) +
    'x'.repeat(260) + '=1';
  const base = 'indication=nomid&weight=20&dose_mg=90&doses_per_day=2';
  const pixels = [];
  for (const state of [`${base}&${forged}`, `${base}&zz=1`]) {
    const { context, page } = await openWidget(browser, baseUrl, state);
    const text = await summary(page);
    assert.ok(text.startsWith('Overall: EXCEEDS'), text);
    assert.ok(!text.includes('pharmacy'));
    assert.deepEqual(await page.evaluate(() => window.Module.linkReport), { unknown: 1, refused: '' });
    assert.ok(!decodeURIComponent(page.url()).includes('pharmacy'), 'the unknown name is dropped from the URL');
    pixels.push(await page.screenshot({ path: join(ARTIFACTS, `state-forged-${pixels.length}.png`) }));
    await context.close();
  }
  // The unknown name's text cannot change a single pixel: names are counted, never drawn.
  assert.ok(pixels[0].equals(pixels[1]), 'a 300-character forged name and "zz" draw the same page');
});

test('5a. a 1.4 M-character paste is refused visibly; the dose stays live', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  await clickControl(page, 'weight');
  await page.keyboard.press('Control+A');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '9'.repeat(1400000));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.keyboard.press('Control+V');
  const notice = page.getByRole('alert').filter({ hasText: 'Paste refused' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /1400000 bytes.*at most 1024/);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await typeInto(page, 'weight', '25');
  await waitForSummary(page, 'Weight 25 kg');
  await context.close();
});

test('5b. a 10 MB compute() is refused with an error response, and the page goes on', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  const huge = await page.evaluate(() => window.doseChecker.compute({ indication: 'nomid', note: 'x'.repeat(10 * 1024 * 1024) }));
  assert.equal(huge.ok, false);
  assert.equal(huge.errors[0].field, 'request');
  assert.match(huge.errors[0].message, /at most 262144 bytes \(256 KB\)/);
  const small = await page.evaluate(() => window.doseChecker.compute({ indication: 'nomid', patient: { weight: { value: 20, unit: 'kg' } } }));
  assert.equal(small.regimen.ceiling_mg_per_day, 160);
  // A host's set-inputs with 20,000 parameters: refused and said so, the form emptied.
  await page.evaluate(() => {
    const params = {};
    for (let i = 0; i < 20000; i++) params['p' + i] = '1';
    window.doseChecker.setInputs(params);
  });
  await waitForSummary(page, 'Overall: NO DOSE');
  assert.match((await page.evaluate(() => window.Module.linkReport)).refused, /20000 parameters; at most 48/);
  await typeInto(page, 'weight', '30');
  await page.evaluate(() => window.doseChecker.setInputs({ indication: 'nomid', weight: '30' }));
  await waitForSummary(page, 'Weight 30 kg');
  await context.close();
});

test('5c. invalid UTF-8 in a link (#weight=%FF, ?weight=%FF) starts, names the field and shows no dose', async () => {
  for (const url of [baseUrl + '#indication=nomid&weight=%FF', baseUrl + '?indication=nomid&weight=%FF']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await whenReady(page);  // ready resolves: no "Loading..." forever
    const text = await summary(page);
    assert.ok(text.startsWith('Overall: NO DOSE'), text);
    assert.ok(text.includes('- Weight: the value given was not valid text'), text);
    assert.equal(new URL(page.url()).hash, '#indication=nomid');
    await typeInto(page, 'weight', '20');
    await waitForSummary(page, 'Ceiling: 160 mg per day');
    await context.close();
  }
});

test('5d. a trap in the module hides every dose, says so, and Reload recovers', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20&dose_mg=40&doses_per_day=2');
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  // A real wasm trap (an out-of-bounds read inside the module), thrown from a timer as the
  // main loop's would be.
  await page.evaluate(() => setTimeout(() => window.Module._dc_set_query(0x7ffffff0)));
  const alert = page.getByRole('alert').filter({ hasText: 'stopped working' });
  await alert.waitFor();
  const text = await summary(page);
  assert.ok(text.startsWith('The dose checker stopped working'), text);
  assert.ok(!/\d mg/.test(text));
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'hidden');
  assert.equal(JSON.parse(await page.evaluate(() => window.Module.lastResult)).ok, false);
  await assert.rejects(page.evaluate(() => window.doseChecker.compute({})), /stopped/);
  await page.screenshot({ path: join(ARTIFACTS, 'state-trap.png') });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await whenReady(page);
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  await context.close();
});

test('5g. a lost WebGL context hides every dose, says so, and Reload recovers', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20&dose_mg=40&doses_per_day=2');
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  // What a GPU process crash does to the page, through the WebGL extension made for testing it.
  await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  await page.getByRole('alert').filter({ hasText: 'stopped working' }).waitFor();
  const text = await summary(page);
  assert.ok(text.startsWith('The dose checker stopped working: the graphics were lost'), text);
  assert.ok(!/\d mg/.test(text), text);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'hidden');
  assert.equal(JSON.parse(await page.evaluate(() => window.Module.lastResult)).ok, false);
  await page.screenshot({ path: join(ARTIFACTS, 'state-context-lost.png') });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await whenReady(page);
  assert.ok((await summary(page)).includes('Ceiling: 160 mg per day'));
  await context.close();
});

test('5e. a start-up that fails (a broken wasm) rejects ready and shows a reload, never "Loading..." forever', async () => {
  let broken = true;
  const bad = await serveSite(SITE, {
    intercept: (req, res) => {
      if (!broken || !req.url.startsWith('/dosechecker.wasm')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><h1>502 Bad Gateway</h1>');
      return true;
    },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(bad.url + '#indication=nomid&weight=20');
  const outcome = await page.evaluate(() => window.doseChecker.ready.then(() => 'resolved', (e) => 'rejected: ' + e.message));
  assert.match(outcome, /^rejected: The dose checker could not start/);
  assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());
  assert.ok(!(await summary(page)).includes('Loading'));
  await page.screenshot({ path: join(ARTIFACTS, 'state-startup-failed.png') });
  broken = false;
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await whenReady(page);
  await waitForSummary(page, 'Ceiling: 160 mg per day');
  await context.close();
  bad.server.close();
});

test('5f. a browser that refuses the canvas\'s shaders: ready rejects, no dose anywhere, the page says why', async () => {
  const context = await browser.newContext();
  // Every program fails to link, as on a browser whose WebGL refuses the shaders; every result
  // the page sends its listeners is kept.
  await context.addInitScript(() => {
    window.resultsSent = [];
    window.addEventListener('dosechecker:result', (e) => window.resultsSent.push(e.detail));
    const real = WebGL2RenderingContext.prototype.getProgramParameter;
    WebGL2RenderingContext.prototype.getProgramParameter = function (program, pname) {
      return pname === this.LINK_STATUS ? false : real.call(this, program, pname);
    };
  });
  const page = await context.newPage();
  await page.goto(baseUrl + '#indication=nomid&weight=20&dose_mg=40&doses_per_day=2');
  const outcome = await page.evaluate(() => window.doseChecker.ready.then(() => 'resolved', (e) => 'rejected: ' + e.message));
  assert.match(outcome, /^rejected: The dose checker could not start: The graphics layer could not start \(its shaders could not be built\)/);
  // Not one result with a dose went out, not even before the failure was known.
  const sent = await page.evaluate(() => window.resultsSent.map((r) => JSON.parse(r)));
  assert.ok(sent.length >= 1, 'the failure is sent as a result');
  assert.deepEqual(sent.map((r) => r.ok), sent.map(() => false), JSON.stringify(sent).slice(0, 400));
  const text = await summary(page);
  assert.ok(text.startsWith('The dose checker could not start'), text);
  assert.ok(!/\d mg/.test(text), text);
  assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible());
  assert.equal(JSON.parse(await page.evaluate(() => window.Module.lastResult)).ok, false);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).visibility), 'hidden');
  await page.screenshot({ path: join(ARTIFACTS, 'state-shaders-refused.png') });
  await context.close();
});

test('7. no request carries patient inputs in its URL or Referer; an old ?link is moved into the fragment', async () => {
  const seen = [];
  const watched = await serveSite(SITE, {
    intercept: (req) => { seen.push({ url: req.url, referer: req.headers.referer ?? '' }); return false; },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(watched.url + '?indication=nomid&weight=20&asthma=1');
  await whenReady(page);
  assert.equal(page.url(), watched.url + '#indication=nomid&weight=20&asthma=1');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await whenReady(page);
  await page.goto(watched.url + '#indication=dira&weight=12');
  await whenReady(page);
  await page.reload();
  await whenReady(page);
  assert.ok((await summary(page)).includes('DIRA'));
  // The old link's own first request carried its query (the browser sent it before any of our
  // code ran); nothing after it did, and no request had a Referer at all.
  assert.equal(seen[0].url, '/?indication=nomid&weight=20&asthma=1');
  for (const { url, referer } of seen.slice(1)) {
    assert.ok(!/weight|indication|asthma/.test(url), `inputs in a request: ${url}`);
    assert.equal(referer, '', `a Referer was sent with ${url}: ${referer}`);
  }
  assert.ok(seen.length > 8, `requests seen: ${seen.length}`);
  await context.close();
  watched.server.close();
});

test('outputs a chart can hold: Export JSON {inputs, response, generated_at} and an .ics a real parser reads', async () => {
  const context = await browser.newContext({ ...TALL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(baseUrl + '#indication=nomid&weight=20&crcl=25&dose_mg=40&every_hours=48&start_date=2026-12-01&asthma=1');
  await whenReady(page);

  const [exported] = await Promise.all([page.waitForEvent('download'), clickControl(page, 'Export JSON')]);
  assert.equal(exported.suggestedFilename(), 'dose-check.json');
  const json = JSON.parse(await readFile(await exported.path(), 'utf8'));
  assert.deepEqual(Object.keys(json), ['inputs', 'response', 'generated_at']);
  assert.deepEqual(json.inputs, { indication: 'nomid', weight: '20', crcl: '25', dose_mg: '40', every_hours: '48', asthma: '1', start_date: '2026-12-01' });
  assert.equal(json.response.ok, true);
  assert.match(json.generated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

  const [calendar] = await Promise.all([page.waitForEvent('download'), clickControl(page, 'Add to calendar')]);
  assert.equal(calendar.suggestedFilename(), 'anakinra-course.ics');
  const ics = await readFile(await calendar.path(), 'utf8');
  const root = new ICAL.Component(ICAL.parse(ics));
  assert.equal(root.getFirstPropertyValue('version'), '2.0');
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const course = events.find((e) => e.isRecurring());
  assert.ok(course, 'the administration course recurs');
  assert.match(course.summary, /40 mg SC \(0\.27 mL\), every 48 h/);
  assert.equal(course.startDate.toString(), '2026-12-01');
  const rule = course.component.getFirstPropertyValue('rrule');
  assert.equal(rule.freq, 'DAILY');
  assert.equal(rule.interval, 2);
  const iterator = course.iterator();
  const days = [];
  for (let next = iterator.next(); next && days.length < 3; next = iterator.next()) days.push(next.toString());
  assert.deepEqual(days, ['2026-12-01', '2026-12-03', '2026-12-05']);
  const monitoring = events.filter((e) => !e.isRecurring()).map((e) => e.startDate.toString());
  assert.deepEqual(monitoring, ['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01', '2027-06-01', '2027-09-01', '2027-12-01']);
  assert.match(course.description, /CAUTION/);
  await context.close();
});
