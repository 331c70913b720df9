// slider-test.mjs: opens a notebook in Debian's chromium through a running
// Jupyter Notebook 6 server, runs all cells through the page's
// Jupyter.notebook object, moves a slider by dispatching input events on its
// <input type="range"> and checks that the SVG figure of the same cell is
// redrawn, timing each redraw with a MutationObserver. Writes a screenshot.
//
// Usage (run.sh starts the server and passes these):
//
//   node slider-test.mjs --url http://127.0.0.1:P --token T --notebook 04-hodgkin-huxley.ipynb
//        [--slider 'input[type=range]'] [--nth 0] [--moves 12] [--screenshot out.png]
//        [--timeout 240]
//
// --slider is a CSS selector of range inputs and --nth picks one of the
// matches in document order; the figure checked is the last <svg> in the
// same notebook cell. Exit status 0 when every move redrew the figure.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function args(argv) {
  const a = { slider: 'input[type=range]', nth: 0, moves: 12, screenshot: 'slider-test.png', timeout: 240 };
  for (let i = 2; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a) && !['url', 'token', 'notebook'].includes(k)) throw new Error(`unknown flag ${argv[i]}`);
    a[k] = typeof a[k] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  for (const k of ['url', 'token', 'notebook']) if (!a[k]) throw new Error(`missing --${k}`);
  return a;
}

const opt = args(process.argv);
const log = (...m) => console.log('browser-test:', ...m);
const profile = mkdtempSync(join(tmpdir(), 'modelneurons-chromium-'));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let ctx;
let failed = false;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags,
    viewport: { width: 1200, height: 2400 },
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on('pageerror', e => log('page error:', e.message));
  const url = `${opt.url}/notebooks/${encodeURIComponent(opt.notebook)}?token=${opt.token}`;
  log('opening', url.replace(opt.token, '<token>'));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
    && Jupyter.notebook.kernel.is_connected(), null, { timeout: 180000 });
  log('kernel connected; running all cells');
  const t0 = Date.now();
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());

  // Wait for the slider and for an SVG figure in its cell.
  await page.waitForFunction(({ sel, nth }) => {
    const s = document.querySelectorAll(sel)[nth];
    const cell = s && s.closest('.cell');
    return !!(cell && cell.querySelector('svg'));
  }, { sel: opt.slider, nth: opt.nth }, { timeout: opt.timeout * 1000, polling: 200 });
  log(`slider and figure shown ${((Date.now() - t0) / 1000).toFixed(1)} s after Run All`);

  const info = await page.evaluate(({ sel, nth }) => {
    const s = document.querySelectorAll(sel)[nth];
    return { min: +s.min, max: +s.max, value: +s.value, count: document.querySelectorAll(sel).length };
  }, { sel: opt.slider, nth: opt.nth });
  log(`slider ${opt.nth} of ${info.count}: range ${info.min}..${info.max}, value ${info.value}`);

  // Move the slider to spread positions; each move must redraw the figure.
  const latencies = [];
  for (let k = 0; k < opt.moves; k++) {
    let v = Math.round(info.min + (info.max - info.min) * ((k * 7 + 3) % opt.moves + 0.5) / opt.moves);
    if (v === info.value) v = v === info.max ? v - 1 : v + 1;
    const r = await page.evaluate(({ sel, nth, v }) => new Promise(resolve => {
      const s = document.querySelectorAll(sel)[nth];
      const cell = s.closest('.cell');
      const svgs = () => [...cell.querySelectorAll('svg')].map(e => e.outerHTML).join('');
      const before = svgs();
      let t0;
      const obs = new MutationObserver(() => {
        if (svgs() !== before) {
          obs.disconnect();
          clearTimeout(timer);
          resolve({ ms: performance.now() - t0 });
        }
      });
      const timer = setTimeout(() => { obs.disconnect(); resolve({ ms: null }); }, 30000);
      obs.observe(cell, { childList: true, subtree: true, characterData: true, attributes: true });
      t0 = performance.now();
      s.value = String(v);
      s.dispatchEvent(new Event('input', { bubbles: true }));
      s.dispatchEvent(new Event('change', { bubbles: true }));
    }), { sel: opt.slider, nth: opt.nth, v });
    if (r.ms === null) {
      log(`move ${k + 1}: value ${v}: the figure did NOT change within 30 s`);
      failed = true;
    } else {
      latencies.push(r.ms);
      log(`move ${k + 1}: value ${v}: figure redrawn after ${r.ms.toFixed(1)} ms`);
    }
    info.value = v;
    await page.waitForTimeout(150); // let the kernel settle, so moves do not coalesce
  }
  if (latencies.length) {
    const s = [...latencies].sort((a, b) => a - b);
    const q = p => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    log(`latency over ${s.length} moves: median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`);
  }
  // Screenshot of the slider's cell.
  const cell = page.locator('.cell', { has: page.locator(opt.slider).nth(opt.nth) }).last();
  await cell.scrollIntoViewIfNeeded();
  await cell.screenshot({ path: opt.screenshot });
  log('screenshot', opt.screenshot);
  // Stop the blocking interactive cell so the kernel is free.
  await page.evaluate(() => Jupyter.notebook.kernel.interrupt());
} catch (e) {
  log('FAIL', e.message);
  failed = true;
} finally {
  if (ctx) await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) {
  log('FAIL');
  process.exit(1);
}
log('ok');
