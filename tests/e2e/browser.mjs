// Shared by the browser tests: Debian's Chromium through playwright-core, and the widget
// served on 127.0.0.1. Every request the page makes is recorded so tests can prove none
// leaves 127.0.0.1.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static_server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.DOSECHECK_SITE ?? join(ROOT, 'build', 'web', 'site');
export const ARTIFACTS = join(ROOT, 'build', 'e2e-artifacts');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

// launch() starts Chromium with a fresh temporary profile each time.
export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// The built site with the deployment's headers (web/headers.json), as a real host sends them.
export async function serveSite(root = SITE, options = {}) {
  return startServer({ root, deployment: true, ...options });
}

// For a test file's before(): the artefacts folder, the built site (with its headers) and a browser.
export async function siteAndBrowser() {
  await mkdir(ARTIFACTS, { recursive: true });
  const { server, url } = await serveSite();
  return { server, baseUrl: url, browser: await launch() };
}

// Opens the widget with this state in the URL's fragment ("indication=nomid&weight=20") and
// waits until the module is ready; collects console errors and requests.
export async function openWidget(browser, baseUrl, state = '', contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl + (state ? '#' + state : ''));
  await whenReady(page);
  return { context, page, errors, requests };
}

// Until the module has started, drawn and settled.
export async function whenReady(page) {
  await page.evaluate(() => window.doseChecker.ready);
  await page.waitForFunction(() => (window.Module.framesDrawn ?? 0) > 0);
  await waitForIdle(page);
}

// A control of the semantics layer (web/semantics.js) by its id (a field name such as "weight"
// or "ecoli_hypersensitivity") or, for a button, its visible label ("Clear").
export function control(page, name) {
  const id = `[data-sem-id="${name}"]`;
  return page.locator(`#semantics ${id} > input, #semantics ${id} > select, #semantics button${id}`)
    .or(page.locator('#semantics button', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }))
    .first();
}

// Clicks a control the way a person does: on the element the canvas draws it under.
export async function clickControl(page, name) {
  const c = control(page, name);
  await c.waitFor({ state: 'attached', timeout: 5000 });
  await c.scrollIntoViewIfNeeded();
  await c.click();
  await page.waitForTimeout(60);
}

// Selects all of a text field and types into it like a person, then Enter.
export async function typeInto(page, name, text) {
  await clickControl(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

// Until the widget stops drawing (its start-up frames are done and the layout has settled).
export async function waitForIdle(page) {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const frames = await page.evaluate(() => window.Module.framesDrawn);
    if (frames === last) return;
    last = frames;
    await page.waitForTimeout(150);
  }
}

export function summary(page) {
  // The whole record (#dose-details); after a failure the region holds only the failure message.
  return page.evaluate(() => (document.getElementById('dose-details') || document.getElementById('dose-summary')).textContent);
}

// Waits until #dose-summary contains `text`; on timeout the error shows what it held instead.
export async function waitForSummary(page, text, timeout = 10000) {
  try {
    await page.waitForFunction((t) => document.getElementById('dose-summary').textContent.includes(t), text, { timeout });
  } catch {
    throw new Error(`#dose-summary never contained "${text}"; it holds:\n${await summary(page)}\nURL: ${page.url()}`);
  }
}
