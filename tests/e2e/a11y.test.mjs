// The semantics layer in real Chromium: every control is a real element with its role and
// visible label as name, axe-core finds no WCAG 2.1 AA violation, the keyboard alone completes
// a check, an embedded widget never traps Tab, and a phone types what it is given. Driven by
// role and name, the way a person (or a screen reader) finds the controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ARTIFACTS, launch, openWidget, serveSite, summary, waitForIdle, waitForSummary } from './browser.mjs';
import { startServer } from '../../scripts/static_server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

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

// The names tests and assistive technology rely on (README, "Accessibility contract").
const TEXTBOXES = ['Weight', 'Age', 'Height', 'Prescribed dose', 'Doses per day', 'ANC', 'Start date'];
const COMBOBOXES = ['Weight unit', 'Age unit', 'Sex', 'Renal function', 'Indication'];
const RADIOGROUPS = ['Label', 'Step'];
const CHECKBOXES = ['E. coli protein hypersensitivity', 'Active infection', 'TNF-blocker co-therapy', 'Live vaccine planned',
  'TB history / latent TB', 'Asthma', 'Pregnancy', 'Breastfeeding'];
const BUTTONS = ['Copy summary', 'Share link', 'Print', 'Export JSON', 'Clear'];

// axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now.
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result;
}

const FILLED = 'indication=nomid&weight=14&age=3&crcl=25&dose_mg=60&doses_per_day=2';

test('every control is in the accessibility tree with its role and visible label as name', async () => {
  const { context, page } = await openWidget(browser, baseUrl, FILLED);
  for (const name of TEXTBOXES) assert.equal(await page.getByRole('textbox', { name, exact: true }).count(), 1, `textbox ${name}`);
  for (const name of COMBOBOXES) assert.equal(await page.getByRole('combobox', { name, exact: true }).count(), 1, `combobox ${name}`);
  for (const name of RADIOGROUPS) assert.equal(await page.getByRole('group', { name, exact: true }).count(), 1, `radio group ${name}`);
  for (const name of CHECKBOXES) assert.equal(await page.getByRole('checkbox', { name, exact: true }).count(), 1, `checkbox ${name}`);
  for (const name of BUTTONS) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `button ${name}`);
  assert.equal(await page.getByRole('textbox', { name: 'CrCl', exact: true }).count(), 1);
  assert.equal(await page.getByRole('radio', { name: 'EU (EMA)' }).count(), 1);
  // The ladder and the comparison are tables with header cells; the plot has its data as a table.
  const ladder = page.getByRole('table', { name: 'Escalation ladder' });
  // CrCl 25: the every-48-h rule, so the ladder's doses are per administration.
  assert.equal(await ladder.getByRole('columnheader', { name: 'mg/kg per dose' }).count(), 1);
  assert.ok((await ladder.getByRole('row').count()) >= 10, 'ladder rows');
  assert.equal(await page.getByRole('table', { name: /Comparison/ }).count(), 1);
  assert.equal(await page.getByRole('figure', { name: /Relative exposure/ }).count(), 1);
  assert.equal(await page.getByRole('heading', { name: '4. Dose check' }).count(), 1);
  // The canvas is hidden from assistive technology; the DOM says everything it draws.
  assert.equal(await page.locator('#canvas').getAttribute('aria-hidden'), 'true');
  await context.close();
});

test('axe-core: no WCAG 2.1 AA violations on the default, filled, error, dark, 320 px and practice pages', async () => {
  const pages = [
    ['default', '', {}],
    ['filled', FILLED, {}],
    ['error', 'indication=nomid&weight=abc&dose_mg=-5', {}],
    ['dark', FILLED, { colorScheme: 'dark' }],
    ['320px', FILLED, { viewport: { width: 320, height: 640 } }],
    ['practice', 'mode=practice&case=nomid-3', {}],
    ['practice, checked', 'mode=practice&case=nomid-3&answer_1=120&answer_6=exceeds&checked=1', {}],
  ];
  for (const [label, query, options] of pages) {
    const { context, page } = await openWidget(browser, baseUrl, query, { bypassCSP: true, ...options });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 1)}`);
    await context.close();
  }
});

test('an input error marks its field invalid and is read with it', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=abc');
  const weight = page.getByRole('textbox', { name: 'Weight', exact: true });
  assert.equal(await weight.getAttribute('aria-invalid'), 'true');
  const described = await weight.getAttribute('aria-describedby');
  const text = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id).textContent).join(' '), described);
  assert.match(text, /Weight/);
  assert.ok(!(await summary(page)).includes('Ceiling'), 'no dose while the weight is invalid');
  await context.close();
});

test('keyboard only: NOMID, 14 kg, 3 years, CrCl 25, 60 mg twice daily, then the verdict', async () => {
  const { context, page } = await openWidget(browser, baseUrl, '');
  // Start at the top of the page, as a keyboard user arriving on it.
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const focusTo = async (name) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el.labels && el.labels[0] ? el.labels[0].textContent : el ? el.textContent : '';
      });
      if (label === name) return;
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await focusTo('Indication');
  await page.keyboard.type('NOMID');                  // the list's type-ahead, as on any select
  assert.equal(await page.getByRole('combobox', { name: 'Indication', exact: true }).inputValue(), 'nomid');
  await page.evaluate(() => document.activeElement.blur());
  await focusTo('Weight');
  await page.keyboard.type('14');
  await page.keyboard.press('Tab');                   // the unit stays kg
  await focusTo('Age');
  await page.keyboard.type('3');
  await focusTo('Renal function');
  await page.keyboard.press('ArrowDown');             // not given -> CrCl
  await focusTo('CrCl');
  await page.keyboard.type('25');
  await focusTo('Prescribed dose');
  await page.keyboard.type('60');
  await focusTo('Doses per day');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await waitForSummary(page, 'EXCEEDS');
  const text = await summary(page);
  assert.ok(text.includes('Weight 14 kg') && text.includes('8.57 mg/kg/day'), text);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-keyboard-only.png') });
  await context.close();
});

test('embedded: Tab enters the widget, reaches its last control and leaves to the host; Shift+Tab comes back', async () => {
  const hostPage = `<!doctype html><html lang="en"><head><title>Course page</title></head><body>
    <a id="before" href="#before">Before the widget</a>
    <iframe id="widget" title="Anakinra dose checker" style="width:900px;height:700px"
      src="WIDGET/embed.html#indication=nomid&weight=20"></iframe>
    <a id="after" href="#after">After the widget</a></body></html>`;
  const host = await startServer({ root: ARTIFACTS, headers: {} });
  // The full page refuses every frame; embed.html lets the allowed host frame it.
  const widget = await serveSite(undefined, { embedOrigins: [host.url.replace(/\/$/, '')] });
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(ARTIFACTS, 'tab-host.html'), hostPage.replace('WIDGET/', widget.url));
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(host.url + 'tab-host.html');
  const frame = page.frameLocator('#widget');
  await frame.getByRole('button', { name: 'Clear' }).waitFor();
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  const inFrame = await page.evaluate(() => document.activeElement.id);
  assert.equal(inFrame, 'widget', 'Tab from the link before enters the iframe');
  let left = false;
  for (let i = 0; i < 200 && !left; i++) {
    await page.keyboard.press('Tab');
    left = await page.evaluate(() => document.activeElement.id === 'after');
  }
  assert.ok(left, 'Tab leaves the widget to the link after it');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'widget', 'Shift+Tab comes back into the widget');
  const last = await frame.locator(':focus').textContent();
  assert.ok(last.length > 0, 'focus lands on the widget\'s last control');
  await context.close();
  host.server.close();
  widget.server.close();
});

test('phone (touch, 390x844): tapping Weight and typing 7 gives 7 kg; doses per day can be reached and set', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&dose_mg=20',
    { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  const weight = page.getByRole('textbox', { name: 'Weight', exact: true });
  await weight.tap();
  await page.keyboard.type('7');
  await waitForSummary(page, 'Weight 7 kg');
  assert.ok(!(await summary(page)).includes('Weight 77 kg'));
  const perDay = page.getByRole('textbox', { name: 'Doses per day', exact: true });
  await perDay.scrollIntoViewIfNeeded();
  await perDay.tap();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await waitForSummary(page, '20 mg every 12 h');
  // Touch targets: every control at least 44 CSS px tall.
  const small = await page.evaluate(() => [...document.querySelectorAll('#semantics input, #semantics select, #semantics button')]
    .map((el) => { const r = el.getBoundingClientRect(); return { name: el.labels?.[0]?.textContent ?? el.textContent, h: r.height, w: r.width }; })
    .filter((r) => r.h < 44 - 0.5));
  assert.deepEqual(small, [], 'touch targets under 44 px');
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-phone-390.png') });
  await context.close();
});

test('a decimal comma: Weight "14,5" is 14.5 kg', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid');
  await page.getByRole('textbox', { name: 'Weight', exact: true }).fill('14,5');
  await waitForSummary(page, '14.5 kg');
  await context.close();
});

test('at 320 px every control is on screen (no horizontal overflow) and can be reached', async () => {
  const { context, page } = await openWidget(browser, baseUrl, FILLED, { viewport: { width: 320, height: 640 } });
  const outside = await page.evaluate(() => [...document.querySelectorAll('#semantics input, #semantics select, #semantics button')]
    .map((el) => { const r = el.getBoundingClientRect(); return { name: el.labels?.[0]?.textContent ?? el.textContent, left: r.left, right: r.right }; })
    .filter((r) => r.left < 0 || r.right > 320 + 0.5));
  assert.deepEqual(outside, []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 321), 'no horizontal scrolling at 320 px');
  await context.close();
});

test('screenshots: 320 px, 390 px phone, 1440 px, dark mode and 200% zoom', async () => {
  const shots = [
    ['a11y-320.png', { viewport: { width: 320, height: 900 } }],
    ['a11y-390-phone.png', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
    ['a11y-1440.png', { viewport: { width: 1440, height: 900 } }],
    ['a11y-dark.png', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
    ['a11y-zoom-200.png', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
  ];
  for (const [name, options] of shots) {
    const { context, page } = await openWidget(browser, baseUrl, FILLED, options);
    await page.screenshot({ path: join(ARTIFACTS, name) });
    await context.close();
  }
});

test('a larger browser font makes the canvas text larger', async () => {
  const sizes = [];
  for (const px of [16, 24]) {
    const { context, page } = await openWidget(browser, baseUrl, FILLED);
    await page.addStyleTag({ content: `html { font-size: ${px}px !important; }` }).catch(() => {});
    await page.evaluate((p) => { document.documentElement.style.fontSize = p + 'px'; window.dispatchEvent(new Event('resize')); }, px);
    await waitForIdle(page);
    sizes.push(await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('semantics')).getPropertyValue('--dc-font-px'))));
    await context.close();
  }
  assert.ok(sizes[1] > sizes[0] * 1.3, `font px ${sizes}`);
});

test('a value the module changes reaches the focused field; focus survives its control going away', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20&route=SC');
  const weight = page.getByRole('textbox', { name: 'Weight', exact: true });
  await weight.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('14');
  await waitForSummary(page, 'Weight 14 kg');
  // A host page (or a new link) sets another weight while the field still has focus.
  await page.evaluate(() => window.doseChecker.setInputs({ indication: 'nomid', weight: '30', route: 'SC' }));
  await waitForSummary(page, 'Weight 30 kg');
  await page.waitForFunction(() => document.activeElement && document.activeElement.value === '30');
  assert.equal(await weight.inputValue(), '30', 'the focused field kept the old value');
  // Choosing "not given" for the route hides the route list: focus moves to a control before it.
  const route = page.getByRole('combobox', { name: 'Route', exact: true });
  await route.focus();
  await route.selectOption('');
  await page.waitForFunction(() => !document.querySelector('[data-sem-id="route"]'));
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  assert.notEqual(focused, 'BODY', 'focus fell to the page when its control went away');
  await context.close();
});

test('only the brief line is live; the whole record is never announced by itself', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  const liveParents = await page.evaluate(() => {
    const details = document.getElementById('dose-details');
    return details.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]') === null;
  });
  assert.ok(liveParents, '#dose-details sits inside a live region');
  assert.equal(await page.getByRole('status').filter({ has: page.locator('#dose-announcement') }).count() +
    await page.locator('#dose-announcement[role="status"]').count(), 1);
  await context.close();
});

// A heading's level is its element's tag: a node that keeps its id but changes level must come
// back as an element of the new level, or a screen reader's heading outline would be wrong.
test('a heading whose level changes is given an element of its new level', async () => {
  const { context, page } = await openWidget(browser, baseUrl, 'indication=nomid&weight=20');
  await waitForIdle(page);
  const tagAfter = (level) => page.evaluate((level) => {
    window.DoseCheckerSemantics.publish(JSON.stringify({ content: [0, 0, 400, 200], font_px: 15,
      nodes: [{ id: 'a-heading', role: 'heading', name: 'Results', level, rect: [0, 0, 200, 20] }] }));
    return document.querySelector('#semantics [data-sem-id="a-heading"]').tagName;
  }, level);
  assert.equal(await tagAfter(2), 'H2');
  assert.equal(await tagAfter(3), 'H3');
  assert.deepEqual(await page.getByRole('heading', { level: 3 }).allTextContents(), ['Results']);
  await context.close();
});
