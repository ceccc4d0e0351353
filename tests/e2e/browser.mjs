// Shared by the browser tests: Debian's Chromium through playwright-core, and the widget
// served on 127.0.0.1. Every request the page makes is recorded so tests can prove none
// leaves 127.0.0.1.
import { chromium } from 'playwright-core';
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

export async function serveSite(root = SITE) {
  return startServer({ root });
}

// Opens the widget and waits until the module is ready; collects console errors and requests.
export async function openWidget(browser, baseUrl, query = '', contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl + (query ? '?' + query : ''));
  await page.evaluate(() => window.doseChecker.ready);
  await page.waitForFunction(() => (window.Module.framesDrawn ?? 0) > 0);
  await waitForIdle(page);
  return { context, page, errors, requests };
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
  return page.evaluate(() => document.getElementById('dose-summary').textContent);
}

// Waits until #dose-summary contains `text`; on timeout the error shows what it held instead.
export async function waitForSummary(page, text, timeout = 10000) {
  try {
    await page.waitForFunction((t) => document.getElementById('dose-summary').textContent.includes(t), text, { timeout });
  } catch {
    throw new Error(`#dose-summary never contained "${text}"; it holds:\n${await summary(page)}\nURL: ${page.url()}`);
  }
}
