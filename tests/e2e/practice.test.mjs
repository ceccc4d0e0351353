// Teaching mode in real Chromium, used the way a student and a course page use it: a practice
// case hides every asked answer (canvas description, DOM, #dose-summary, the result message)
// until Check; the student types answers by the fields' names, presses Check, sees each marked
// with its feedback and the worked steps; a cross-origin course page receives
// dosechecker:practice. "Show the arithmetic" opens a panel's steps for everyone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, SITE, openWidget, serveSite, siteAndBrowser, waitForIdle } from './browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

let browser, server, baseUrl;

before(async () => {
  ({ server, baseUrl, browser } = await siteAndBrowser());
});

after(async () => {
  await browser?.close();
  server?.close();
});

// NOMID, 15 kg, 70 mg twice daily: ceiling 120 mg/day, the order 140 mg/day = 9.33 mg/kg/day,
// 0.47 mL per dose, EXCEEDS (data/teaching.json; the author's answers in tests/teaching).
const CASE = 'nomid-3';
const SECRETS = ['120 mg', '9.33', '0.47', 'EXCEEDS', 'Escalation ladder'];  // 'exceeds' is one of the verdict list's options

// Everything the page exposes as text or data while the answers should be hidden.
async function exposed(page) {
  return page.evaluate(() => [
    document.body.innerText,
    document.getElementById('semantics').textContent,
    document.getElementById('dose-summary').textContent,
    String(window.Module.lastResult),
    JSON.stringify(window.DoseCheckerSemantics?.last ?? ''),
  ].join('\n'));
}

async function answer(page, name, text) {
  const box = page.getByRole('textbox', { name, exact: true });
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

test('a practice case hides its answers until Check, marks a right and a wrong answer and reveals the worked steps', async () => {
  const { context, page, errors, requests } = await openWidget(browser, baseUrl, `mode=practice&case=${CASE}`);
  try {
    await page.getByRole('heading', { name: /^Practice: / }).waitFor({ state: 'attached' });
    // The patient and the order are shown; no computed number is, anywhere.
    const before = await exposed(page);
    assert.ok(before.includes('Weight: 15 kg'), 'the case is shown');
    assert.ok(before.includes('Prescribed dose: 70 mg'), 'the order is shown');
    for (const secret of SECRETS) assert.ok(!before.includes(secret), `"${secret}" is visible before Check`);
    assert.ok(!JSON.parse(await page.evaluate(() => window.Module.lastResult)).regimen, 'the result message holds no regimen');
    assert.equal(await page.getByRole('table').count(), 0, 'no table before Check');
    await page.screenshot({ path: join(ARTIFACTS, 'practice-before-check.png'), fullPage: true });

    // A right answer, a tenfold slip and the verdict, typed as a student types them.
    await answer(page, 'Your answer: Maximum daily dose (mg/day)', '120');
    await answer(page, 'Your answer: Volume of one prescribed dose (mL)', '4.7');
    await page.getByRole('combobox', { name: 'Your answer: Verdict on the order, for this patient' }).selectOption('exceeds');
    await waitForIdle(page);
    // Still hidden after typing (only Check reveals).
    for (const secret of ['9.33', 'EXCEEDS']) assert.ok(!(await exposed(page)).includes(secret), `"${secret}" shown before Check`);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const marks = page.getByRole('list', { name: 'Your answers, marked' });
    await marks.waitFor({ state: 'attached' });
    const marked = await marks.innerText();
    assert.match(marked, /Maximum daily dose \(mg\/day\): you answered "120"\. Right/);
    assert.match(marked, /Volume of one prescribed dose \(mL\): you answered "4\.7"\. Wrong\. 10× too high: check mg vs mL/);
    assert.match(marked, /Verdict on the order, for this patient: you answered "exceeds"\. Right/);
    assert.match(marked, /The order, mg\/kg per dosing day: no answer given\. Not answered\. The answer is 9\.33 mg\/kg\/day/);
    assert.ok((await page.getByText(/of 6 right\./).innerText()).startsWith('2 of 6'));
    // The worked steps with their sources, the learning point, and then the full result.
    await page.getByRole('heading', { name: 'The worked steps' }).waitFor({ state: 'attached' });
    const dose = await page.getByRole('list', { name: 'The arithmetic: dose' }).innerText();
    assert.match(dose, /Ceiling: 8 mg\/kg[^×]*× 15 kg = 120 mg/);
    assert.ok((await page.getByRole('heading', { name: 'Learning point' }).count()) === 1);
    await page.waitForFunction(() => document.getElementById('dose-summary').textContent.includes('EXCEEDS'));
    assert.equal(await page.getByRole('table', { name: 'Escalation ladder' }).count(), 1);
    // The check survives a reload (it is in the link), and Try again hides the answers again.
    assert.ok(page.url().includes('checked=1'));
    await page.screenshot({ path: join(ARTIFACTS, 'practice-after-check.png'), fullPage: true });
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('button', { name: 'Check', exact: true }).waitFor();
    await waitForIdle(page);
    for (const secret of SECRETS) assert.ok(!(await exposed(page)).includes(secret), `"${secret}" visible after Try again`);
    assert.deepEqual(errors, []);
    assert.ok(requests.every((u) => u.startsWith(baseUrl)), 'no request beyond the page origin');
  } finally {
    await context.close();
  }
});

test('a phone: the answer fields take a decimal keyboard and the practice page fits 390 px', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'mode=practice&case=nomid-1',
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  try {
    const box = page.getByRole('textbox', { name: 'Your answer: Volume of one prescribed dose (mL)' });
    assert.equal(await box.getAttribute('inputmode'), 'decimal');
    await box.tap();
    await page.keyboard.type('0,03');
    await page.getByRole('button', { name: 'Check', exact: true }).tap();
    await page.getByRole('list', { name: 'Your answers, marked' }).waitFor({ state: 'attached' });
    assert.match(await page.getByRole('list', { name: 'Your answers, marked' }).innerText(),
      /Volume of one prescribed dose \(mL\): you answered "0,03"\. Right/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `page is ${width} px wide`);
    await page.screenshot({ path: join(ARTIFACTS, 'practice-phone.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('"Show the arithmetic" opens a panel\'s steps in the clinical widget, and Print carries the working', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=14.5&age=3&crcl=25&dose_mg=60&every_hours=48');
  try {
    await page.getByRole('button', { name: 'Show the arithmetic (dose)' }).click();
    const steps = page.getByRole('list', { name: 'The arithmetic: dose' });
    await steps.waitFor({ state: 'attached' });
    assert.match(await steps.innerText(), /Ceiling: 8 mg\/kg per administration × 14\.5 kg = 116 mg/);
    assert.match(await steps.innerText(), /CrCl 25 < 30 mL\/min: the renal rule applies/);
    await page.getByRole('button', { name: 'Show the arithmetic (patient)' }).click();
    assert.match(await page.getByRole('list', { name: 'The arithmetic: patient' }).innerText(), /CrCl 25 mL\/min, as entered/);
    await page.getByRole('button', { name: 'Hide the arithmetic (dose)' }).click();
    await page.getByRole('list', { name: 'The arithmetic: dose' }).waitFor({ state: 'detached' });
    // Print writes the record with the working into #dose-summary for the print stylesheet.
    await page.evaluate(() => { window.print = () => {}; });
    await page.getByRole('button', { name: 'Print' }).click();
    await page.waitForFunction(() => document.getElementById('dose-summary').textContent.includes('Working'));
    await page.screenshot({ path: join(ARTIFACTS, 'arithmetic-shown.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('a cross-origin course page embeds a practice case (data-mode, data-case) and receives dosechecker:practice', async () => {
  const dir = join(ROOT, 'build', 'e2e-practice-host');
  await mkdir(dir, { recursive: true });
  const host = await startServer({ root: dir });
  const widget = await serveSite(SITE, { embedOrigins: [host.url.replace(/\/$/, '')] });
  const origin = widget.url.replace(/\/$/, '');
  await writeFile(join(dir, 'course.html'), `<!doctype html><meta charset="utf-8"><title>Course page</title>
<h1>Week 3: anakinra dosing</h1>
<script src="${origin}/web/embed.js" data-mode="practice" data-case="${CASE}" data-ask="ceiling_mg_per_day,verdict" data-width="800px"></script>
<pre id="results"></pre><pre id="latest"></pre>
<script>
  DoseCheckerEmbed.onPractice(function (r) { document.getElementById('results').textContent += JSON.stringify(r) + '\\n'; });
  DoseCheckerEmbed.onResult(function (r) { document.getElementById('latest').textContent = JSON.stringify(r); });
</script>`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(host.url + 'course.html');
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => window.doseChecker && window.Module.framesDrawn > 2);
    await frame.evaluate(() => window.doseChecker.ready);
    // Before Check the host hears that the answers are hidden, and no dose.
    await page.waitForFunction(() => document.getElementById('latest').textContent.includes('answers_hidden'));
    const latest = await page.evaluate(() => document.getElementById('latest').textContent);
    assert.ok(!latest.includes('120') && !latest.includes('regimen'), latest);
    await frame.getByRole('textbox', { name: 'Your answer: Maximum daily dose (mg/day)' }).click();
    await frame.page().keyboard.type('12');  // a tenfold slip
    await frame.getByRole('combobox', { name: 'Your answer: Verdict on the order, for this patient' }).selectOption('exceeds');
    await frame.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('results').textContent.includes('"case"'));
    const told = JSON.parse((await page.evaluate(() => document.getElementById('results').textContent)).trim().split('\n')[0]);
    assert.equal(told.case, CASE);
    assert.deepEqual(told.answers, [
      { quantity: 'ceiling_mg_per_day', status: 'wrong', right: false },
      { quantity: 'verdict', status: 'right', right: true },
    ]);
    assert.equal(told.right, 1);
    assert.equal(told.asked, 2);
    // After Check the host gets the full result too.
    await page.waitForFunction(() => document.getElementById('latest').textContent.includes('regimen'));
    await page.screenshot({ path: join(ARTIFACTS, 'practice-course-page.png') });
  } finally {
    await context.close();
    host.server.close();
    widget.server.close();
  }
});

test('a practice link never replaces the clinician\'s saved patient, and editing the patient after Check ends practice', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=14&age=3');
  try {
    await waitForIdle(page);
    const saved = await page.evaluate(() => window.localStorage.getItem('dosecheck.inputs'));
    assert.ok(saved && saved.includes('weight=14'), 'the patient is kept');
    await page.goto(baseUrl + `#mode=practice&case=${CASE}`);
    await page.reload();
    await page.evaluate(() => window.doseChecker.ready);
    await page.getByRole('heading', { name: /^Practice: / }).waitFor({ state: 'attached' });
    await waitForIdle(page);
    assert.equal(await page.evaluate(() => window.localStorage.getItem('dosecheck.inputs')), saved, 'the practice case replaced it');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('list', { name: 'Your answers, marked' }).waitFor({ state: 'attached' });
    // Changing the case's patient after Check: practice ends and the widget is the dose checker.
    const weight = page.getByRole('textbox', { name: 'Weight', exact: true });
    await weight.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('16');
    await page.keyboard.press('Tab');
    await page.getByRole('list', { name: 'Your answers, marked' }).waitFor({ state: 'detached' });
    assert.ok(!page.url().includes('mode=practice'), page.url());
    await page.waitForFunction(() => document.getElementById('dose-summary').textContent.includes('Weight 16 kg'));
  } finally {
    await context.close();
  }
});
