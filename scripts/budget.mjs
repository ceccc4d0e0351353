// Web budgets (issue 11): the widget against a bare Dear ImGui baseline built from the same ImGui
// source with the same toolchain and flags, both in headless Chromium on 127.0.0.1. Prints one
// table, each row with its budget and whether it is met, then what the rows are made of.
// Figures, not a test: it always exits 0 once it has measured.
// node scripts/budget.mjs <widget site dir> <baseline site dir> [ImGui version line]
//
// CPU per frame is the renderer's main-thread task time (DevTools Protocol Performance metric
// TaskDuration: script, style, layout, paint, the module's frames) over an interaction, divided
// by the frames painted meanwhile. The widget runs some frames that would repeat the picture on
// the canvas and does not paint them (src/web/frame_image.hpp); they cost little and show nothing
// new, so they are not frames in this sense (Module.framesPainted; the baseline paints every
// frame it runs). Dividing by frames run instead would make skipped frames lower the figure.
// Because frame counts differ in kind, the same time is also given per interaction step: per
// wheel step and per key for the widget, per drag step for the baseline.
//
// The widget's canvas takes no pointer input (the page's
// DOM semantics layer owns input and the page scrolls natively), so it is measured the ways a
// person uses it: the wheel scrolling the page, and digits typed into the Weight field, each of
// which re-evaluates. The baseline (which draws every frame) has its slider dragged. Headless
// Chromium composites in software, so a frame costs more the more pixels the canvas has: the
// widget is measured at 1280×900 (its canvas fills the viewport) and again at 800×600, the
// baseline's canvas size, which is the like-with-like comparison.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from './static_server.mjs';

const [widgetDir, baselineDir, imguiLine = ''] = process.argv.slice(2);
const RUNS = 5;
const VIEWPORT = { width: 1280, height: 900 };
const BASELINE_CANVAS = { width: 800, height: 600 };  // bench/baseline/index.html's canvas, in CSS px
// A NOMID child with renal impairment and a prescribed dose: the ladder, the check and the
// comparison all shown, and the page taller than the viewport (so the wheel has something to scroll).
const WIDGET_STATE = 'indication=nomid&weight=20&crcl=25&dose_mg=40&doses_per_day=2';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gz = (body) => gzipSync(body, { level: 9 }).length;
const br = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function newPage(browser, cacheDisabled, viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cacheDisabled) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return { context, page, cdp };
}

const framesDrawn = (page) => page.evaluate(() => window.Module?.framesDrawn ?? 0);
// Frames that reached the canvas: the widget counts them; the baseline paints every frame it runs.
const framesPainted = (page) => page.evaluate(() => window.Module?.framesPainted ?? window.Module?.framesDrawn ?? 0);
const firstFrame = async (page) => {
  await page.waitForFunction(() => (window.Module?.framesDrawn ?? 0) > 0, null, { timeout: 60000 });
  return page.evaluate(() => window.Module.firstFrameAt);
};

// Until the module stops drawing (its start-up frames are done), or 5 s for one that never stops.
async function settle(page) {
  let last = -1;
  for (let i = 0; i < 33; i++) {
    const frames = await framesDrawn(page);
    if (frames === last) return;
    last = frames;
    await page.waitForTimeout(150);
  }
}

// A fresh profile, cache disabled: what a first visit costs.
async function coldLoad(browser, url, wantBodies, viewport = VIEWPORT) {
  const { context, page, cdp } = await newPage(browser, true, viewport);
  const bodies = [];
  if (wantBodies) page.on('response', async (r) => { try { bodies.push({ url: new URL(r.url()).pathname, body: await r.body() }); } catch {} });
  await page.goto(url);
  const at = await firstFrame(page);
  // When the module's JS and wasm had arrived: the rest of the first frame is compiling, starting
  // (the data, GL, ImGui, the first evaluation) and drawing.
  const arrived = await page.evaluate(() => Math.max(0, ...performance.getEntriesByType('resource')
    .filter((e) => /\.(wasm|js)$/.test(new URL(e.name).pathname)).map((e) => e.responseEnd)));
  // The module's own start-up milestones (src/web/main.cpp marks them), in ms from navigation.
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('dosechecker:')).map((m) => [m.name.slice('dosechecker:'.length), m.startTime])));
  await page.waitForTimeout(300);
  return { context, page, cdp, firstFrame: at, arrived, bodies, marks };
}

// CPU time (ms) of the renderer's main thread and the frames the module ran and painted during `act`.
async function cpuPerFrame(page, cdp, act) {
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const frames0 = await framesDrawn(page), painted0 = await framesPainted(page);
  const events = await act();
  await page.waitForTimeout(200);  // the frames the last event asked for
  const m1 = await metrics();
  const ms = (name) => (m1[name] - m0[name]) * 1000;
  const cpuMs = ms('TaskDuration');
  const frames = (await framesDrawn(page)) - frames0, painted = (await framesPainted(page)) - painted0;
  // Where the task time went: script (JS and wasm), layout and style; the rest is paint,
  // compositing and the browser's own work on the main thread.
  const split = { script: ms('ScriptDuration'), layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration') };
  return { cpuMs, frames, painted, events, split, perFrame: painted > 0 ? cpuMs / painted : NaN, perStep: events > 0 ? cpuMs / events : NaN };
}

// A sampled CPU profile of `act`, self time grouped by where the code lives (the module's wasm,
// its JS glue, the page's scripts, the browser's own work), and the heaviest functions.
async function profile(cdp, act) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await act();
  const { profile: p } = await cdp.send('Profiler.stop');
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const where = new Map(), fns = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)') continue;
    total += ms;
    const file = f.url ? (f.url.startsWith('wasm://') ? 'dosechecker.wasm' : f.url.replace(/^.*\//, '').replace(/[?#].*$/, '')) : f.functionName || '(browser)';
    where.set(file, (where.get(file) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} (${file})`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, ms]) => `${k} ${ms.toFixed(0)} ms (${((100 * ms) / total).toFixed(0)}%)`);
  return { total, where: top(where, 6), fns: top(fns, 8) };
}

// Where a painted frame waits instead of working: in headless Chromium the compositor reads a
// WebGL canvas back (GLES2::ReadPixels) on the renderer's main thread, which blocks until the GPU
// process (SwiftShader) has finished drawing the frame. That wait is part of TaskDuration, so it
// is in every CPU-per-frame row, and its size follows the pixels drawn, not the page's code.
// Traced in a pass of its own (tracing costs time), per painted frame.
async function gpuWait(page, cdp, act) {
  const events = [];
  const collect = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'gpu,toplevel', transferMode: 'ReportEvents' });
  let painted = 0;
  try {
    const painted0 = await framesPainted(page);
    await act();
    await page.waitForTimeout(200);
    painted = (await framesPainted(page)) - painted0;
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  // The page's main thread: of the renderers' main threads in the trace, the busiest.
  const busy = new Map();
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && mainThreads.has(thread)) busy.set(thread, (busy.get(thread) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const total = (name) => events.filter((e) => e.ph === 'X' && e.name === name && `${e.pid}:${e.tid}` === main)
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  const waitMs = total('CommandBufferProxyImpl::WaitForGetOffset');
  return { painted, waitMs, readPixelsMs: total('GLES2::ReadPixels'), perFrame: painted > 0 ? waitMs / painted : NaN };
}

async function firstLoad(browser, url) {
  const times = [];
  const arrivals = [];
  const marks = {};
  let files = null;
  for (let i = 0; i < RUNS; i++) {
    const run = await coldLoad(browser, url, i === 0);
    times.push(run.firstFrame);
    arrivals.push(run.arrived);
    for (const [name, at] of Object.entries(run.marks)) (marks[name] ??= []).push(at);
    if (i === 0) files = run.bodies.map((b) => ({ url: b.url, raw: b.body.length, gz: gz(b.body), br: br(b.body) }));
    await run.context.close();
  }
  const sum = (k) => files.reduce((s, f) => s + f[k], 0);
  const medianMarks = Object.fromEntries(Object.entries(marks).map(([name, at]) => [name, median(at)]));
  return { files, raw: sum('raw'), gz: sum('gz'), br: sum('br'), firstFrame: median(times), arrived: median(arrivals), marks: medianMarks };
}

// The same profile reloads, its files served by the installed service worker.
async function warmLoad(browser, url) {
  const { context, page } = await newPage(browser, false);
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await settle(page);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    times.push(await firstFrame(page));
  }
  await context.close();
  return median(times);
}

async function idleFrames(page) {
  await settle(page);
  await page.waitForTimeout(1000);
  const start = await framesDrawn(page);
  await page.waitForTimeout(5000);
  return (await framesDrawn(page)) - start;
}

async function measureWidget(browser, base) {
  const url = base + 'index.html#' + WIDGET_STATE;
  const load = await firstLoad(browser, url);
  const warm = await warmLoad(browser, url);
  const { idle, scroll, typing } = await interact(browser, url, VIEWPORT, true);
  // Headless Chromium composites in software, so a frame's cost grows with the canvas's pixels:
  // the same interactions at the baseline's canvas size (800×600) compare like with like.
  const small = await interact(browser, url, BASELINE_CANVAS, false);
  return { load, warm, idle, scroll, typing, small };
}

async function interact(browser, url, viewport, withProfiles) {
  const { context, page, cdp } = await coldLoad(browser, url, false, viewport);
  const idle = withProfiles ? await idleFrames(page) : null;

  // (a) The wheel over the canvas scrolls the page down and back up; the canvas follows.
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  const scrollable = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  let scrolledTo = 0;
  const wheel = async () => {
    const steps = 20;
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, i < steps / 2 ? 100 : -100);
      await page.waitForTimeout(50);
      scrolledTo = Math.max(scrolledTo, await page.evaluate(() => window.scrollY));
    }
    return steps;
  };
  const scroll = await cpuPerFrame(page, cdp, wheel);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);

  // (b) Digits typed into Weight (found by role and name, as a person finds it); each keystroke
  // is a new weight, so the dose ladder, the check and the comparison are evaluated again.
  const weight = page.getByRole('textbox', { name: 'Weight', exact: true });
  await weight.click();
  await settle(page);
  const weights = ['21', '22', '23', '24', '25', '26', '27', '28', '29', '30'];
  const type = async () => {
    let keys = 0;
    for (const w of weights) {
      await page.keyboard.press('Control+A');
      keys++;
      for (const digit of w) {
        await page.keyboard.type(digit);
        keys++;
        await page.waitForTimeout(60);
      }
    }
    return keys;
  };
  const typing = await cpuPerFrame(page, cdp, type);
  await page.waitForFunction(() => document.getElementById('dose-summary')?.textContent.includes('Weight 30 kg'), null, { timeout: 5000 })
    .catch(() => { typing.unconfirmed = true; });
  // Then once more each under the sampling profiler, and once more traced (not in the figures
  // above: both cost time).
  if (withProfiles) {
    await settle(page);
    typing.profile = await profile(cdp, type);
    await settle(page);
    typing.gpu = await gpuWait(page, cdp, type);
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    scroll.profile = await profile(cdp, wheel);
    scroll.gpu = await gpuWait(page, cdp, wheel);
  }
  await context.close();
  return { idle, scroll: { ...scroll, scrollable, scrolledTo }, typing };
}

async function measureBaseline(browser, base) {
  const url = base + 'index.html';
  const load = await firstLoad(browser, url);
  const { context, page, cdp } = await coldLoad(browser, url, false);
  const idle = await idleFrames(page);
  // The slider's grab, dragged across its track (window at 20,20; slider on its first row).
  const from = [140, 50], to = [330, 50];
  const dragSlider = async () => {
    await page.mouse.move(...from);
    await page.mouse.down();
    const steps = 60;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      await page.mouse.move(from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    return steps;
  };
  const drag = await cpuPerFrame(page, cdp, dragSlider);
  const dragProfile = await profile(cdp, dragSlider);
  const dragGpu = await gpuWait(page, cdp, dragSlider);
  await context.close();
  return { load, idle, drag: { ...drag, profile: dragProfile, gpu: dragGpu } };
}

const browser = await launch();
const widgetServer = await startServer({ root: widgetDir });
const baselineServer = await startServer({ root: baselineDir });
const w = await measureWidget(browser, widgetServer.url);
const b = await measureBaseline(browser, baselineServer.url);
await browser.close();
widgetServer.server.close();
baselineServer.server.close();

// One row: a figure, the widget's value, the reference's, their ratio and whether the budget holds.
const rows = [];
const ratioRow = (figure, widget, reference, limit, fmt, unit = '') => {
  const ratio = widget / reference;
  const known = Number.isFinite(ratio);
  rows.push([figure, fmt(widget) + unit, fmt(reference) + unit, known ? ratio.toFixed(2) + '×' : 'n/a',
    `≤ ${limit.toFixed(1)}× ` + (known ? (ratio <= limit ? 'met' : 'MISSED') : 'not measured')]);
};
const ms0 = (x) => x.toFixed(0);
const ms2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
ratioRow('first-load transfer, gzip -9', w.load.gz, b.load.gz, 1.8, (x) => kb(x));
ratioRow(`first frame, cold, median of ${RUNS}`, w.load.firstFrame, b.load.firstFrame, 1.5, ms0, ' ms');
ratioRow(`first frame, warm service worker (baseline: cold), median of ${RUNS}`, w.warm, b.load.firstFrame, 1.0, ms0, ' ms');
ratioRow('CPU per painted frame, scrolling the page (wheel) vs slider drag', w.scroll.perFrame, b.drag.perFrame, 1.5, ms2, ' ms');
ratioRow('CPU per painted frame, typing into Weight (re-evaluates) vs slider drag', w.typing.perFrame, b.drag.perFrame, 1.5, ms2, ' ms');
ratioRow('  the same, scrolling, widget at 800×600 (the baseline\'s canvas)', w.small.scroll.perFrame, b.drag.perFrame, 1.5, ms2, ' ms');
ratioRow('  the same, typing, widget at 800×600 (the baseline\'s canvas)', w.small.typing.perFrame, b.drag.perFrame, 1.5, ms2, ' ms');
ratioRow('CPU per wheel step vs per slider drag step', w.scroll.perStep, b.drag.perStep, 1.5, ms2, ' ms');
ratioRow('CPU per key typed into Weight vs per slider drag step', w.typing.perStep, b.drag.perStep, 1.5, ms2, ' ms');
ratioRow('  the same, per key, widget at 800×600', w.small.typing.perStep, b.drag.perStep, 1.5, ms2, ' ms');
rows.push(['frames drawn in 5 s idle', String(w.idle), String(b.idle), '', '0 ' + (w.idle === 0 ? 'met' : 'MISSED')]);

const header = ['figure', 'widget', 'baseline / reference', 'ratio', 'budget'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
if (imguiLine) console.log(imguiLine);
console.log(line(header));
console.log('|' + widths.map((n, i) => (i === 0 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|');
for (const r of rows) console.log(line(r));

console.log('\nWhat the rows are made of:');
console.log(`- interactions: the wheel (20 steps of ±100 px, page scrollable by ${w.scroll.scrollable} px, reached ${w.scroll.scrolledTo} px) ` +
  `ran ${w.scroll.frames} frames and painted ${w.scroll.painted} in ${w.scroll.cpuMs.toFixed(0)} ms CPU; typing (${w.typing.events} keys, 10 weights) ran ` +
  `${w.typing.frames} frames and painted ${w.typing.painted} in ${w.typing.cpuMs.toFixed(0)} ms CPU (${(w.typing.cpuMs / w.typing.events).toFixed(1)} ms per key)` +
  `${w.typing.unconfirmed ? ' - the summary never showed Weight 30 kg' : ''}; the baseline's drag (${b.drag.events} steps) painted ${b.drag.painted} frames in ` +
  `${b.drag.cpuMs.toFixed(0)} ms CPU. At 800×600 the wheel ran ${w.small.scroll.frames} frames and painted ${w.small.scroll.painted} (page scrollable by ` +
  `${w.small.scroll.scrollable} px), typing ran ${w.small.typing.frames} and painted ${w.small.typing.painted}` +
  `${w.small.typing.unconfirmed ? ' (the summary never showed Weight 30 kg)' : ''}.`);
const split = (r) => `script ${r.split.script.toFixed(0)}, layout ${r.split.layout.toFixed(0)}, style ${r.split.style.toFixed(0)} ms`;
console.log(`- CPU split (DevTools metrics): scrolling ${split(w.scroll)}; typing ${split(w.typing)}; baseline drag ${split(b.drag)}.`);
for (const [label, p] of [['scrolling', w.scroll.profile], ['typing', w.typing.profile], ['baseline drag', b.drag.profile]]) {
  console.log(`- sampled profile, ${label} (a second pass, ${p.total.toFixed(0)} ms busy): by file: ${p.where.join(', ')}`);
  console.log(`    heaviest: ${p.fns.join(', ')}`);
}
{
  // The rest of a painted frame once the wait is taken out: what the page's own work costs.
  const wait = (r) => `${ms2(r.gpu.perFrame)} ms (the compositor's ReadPixels of the canvas, which holds the wait, ` +
    `${ms2(r.gpu.readPixelsMs / Math.max(1, r.gpu.painted))} ms; ${r.gpu.painted} frames)`;
  const rest = (r) => r.perFrame - r.gpu.perFrame;
  console.log(`- waiting for the GPU process (a traced third pass, per painted frame: every CommandBufferProxyImpl::WaitForGetOffset ` +
    `on the page's main thread, i.e. SwiftShader finishing the frame before the compositor reads it back, and any GL query ` +
    `that must wait too): scrolling ${wait(w.scroll)}, typing ${wait(w.typing)}, ` +
    `baseline drag ${wait(b.drag)}. Without the wait (the first pass's figure less the traced pass's wait), per painted frame: scrolling ${ms2(rest(w.scroll))} ms, typing ` +
    `${ms2(rest(w.typing))} ms, baseline ${ms2(rest(b.drag))} ms (${(rest(w.scroll) / rest(b.drag)).toFixed(2)}× and ` +
    `${(rest(w.typing) / rest(b.drag)).toFixed(2)}×); the typing wait alone is ${(w.typing.gpu.perFrame / b.drag.perFrame).toFixed(2)}× ` +
    `the baseline's whole frame.`);
}
console.log(`- cold start: the module's files had arrived at ${ms0(w.load.arrived)} ms (baseline ${ms0(b.load.arrived)} ms); ` +
  `compiling, starting and drawing took the remaining ${ms0(w.load.firstFrame - w.load.arrived)} ms ` +
  `(baseline ${ms0(b.load.firstFrame - b.load.arrived)} ms) to the first frame (medians).`);
// Between arrival and the first frame: compiling and instantiating the wasm until main() starts,
// reading the embedded data, GL + ImGui, the first evaluation, the fonts, and drawing the frame.
{
  const m = w.load.marks;
  const steps = [['arrived', w.load.arrived], ['main() started', m.main], ['data read', m.data], ['GL and ImGui ready', m.graphics],
    ['first evaluation', m.evaluated], ['fonts built', m.fonts], ['first frame', w.load.firstFrame]];
  if (steps.every(([, at]) => typeof at === 'number')) {
    const parts = steps.slice(1).map(([name, at], i) => `${name} +${ms0(at - steps[i][1])} ms`);
    console.log(`- cold start, the widget's milestones (medians, ms after the files arrived at ${ms0(w.load.arrived)} ms): ${parts.join(', ')}.`);
  }
}
console.log(`- first load, all files: ${w.load.files.length} files, ${kb(w.load.raw)} raw, ${kb(w.load.gz)} gzip -9, ${kb(w.load.br)} brotli -q 11 ` +
  `(baseline ${b.load.files.length} files, ${kb(b.load.raw)}, ${kb(b.load.gz)}, ${kb(b.load.br)}; brotli ratio ${(w.load.br / b.load.br).toFixed(2)}×):`);
const fileRow = (f) => `    ${f.url.padEnd(28)} ${kb(f.raw).padStart(10)} ${kb(f.gz).padStart(10)} gzip ${kb(f.br).padStart(10)} brotli`;
for (const f of [...w.load.files].sort((x, y) => y.gz - x.gz)) console.log(fileRow(f));
console.log('  baseline:');
for (const f of [...b.load.files].sort((x, y) => y.gz - x.gz)) console.log(fileRow(f));
