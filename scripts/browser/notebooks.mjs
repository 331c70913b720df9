// notebooks.mjs: every notebook with Run All in Debian's chromium, through a
// running Jupyter Notebook 6 server started under a base URL (as a
// JupyterHub's /user/NAME/), with the Go kernel (make site-test).
//
// For each notebook it fails if, after Run All, any cell is left running or
// queued, or any cell's output is an error; it checks that every figure
// embedded by nbui.Live comes alive (the explorer's page in its iframe,
// found by its relative URL under the base URL, replaces the static figure
// and draws), moves one slider of each and waits for the redraw. Then it
// stops the kernel and moves a slider again: the figures keep working.
//
//   node notebooks.mjs --url http://127.0.0.1:P/user/NAME --token T --notebooks a.ipynb,b.ipynb
//        [--timeout 1200]   seconds per notebook
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const opt = { url: '', token: '', notebooks: '', timeout: '1200', out: '' };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opt)) throw new Error(`unknown flag ${process.argv[i]}`);
  opt[k] = process.argv[i + 1];
}
const log = (...m) => console.log('notebooks:', ...m);
const failures = [];
const fail = (...m) => { failures.push(m.join(' ')); console.log('notebooks: FAIL', ...m); };
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const profile = mkdtempSync(join(tmpdir(), 'modelneurons-nb-'));
const origin = new URL(opt.url).origin;
let ctx;
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags, viewport: { width: 1280, height: 900 },
  });
  await ctx.route('**/*', route => {
    const u = new URL(route.request().url());
    if (u.origin === origin || u.protocol === 'data:') return route.continue();
    return route.abort(); // MathJax's CDN and the like: the notebooks work without them
  });
  for (const nb of opt.notebooks.split(',').filter(Boolean)) {
    const t0 = Date.now();
    const page = await ctx.newPage();
    page.on('pageerror', e => {
      if (/\/explorer\//.test(page.url()) || /explorer/.test(e.stack || '')) fail(`${nb}: page error in a figure: ${e.message}`);
    });
    page.on('response', r => {
      if (r.status() >= 400 && /explorer\//.test(r.url())) fail(`${nb}: ${r.status()} for ${r.url()}`);
    });
    page.on('console', m => {
      if (m.type() === 'error' && /explorer\//.test(m.location().url || '')) fail(`${nb}: console error in a figure: ${m.text()}`);
    });
    await page.goto(`${opt.url}/notebooks/${encodeURIComponent(nb)}?token=${opt.token}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel &&
      Jupyter.notebook.kernel.is_connected(), null, { timeout: 180000 });
    // Drop the stored outputs first, so that every figure checked below is
    // one this run made (and Notebook 6 trusts it).
    // No autosave: a run longer than the autosave interval (notebook 10)
    // would write this run's outputs over the committed notebook.
    await page.evaluate(() => { Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); });
    let done = true;
    try {
      await page.waitForFunction(() => {
        const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
        return cells.every(c => !c.element.hasClass('running')) && Jupyter.notebook.kernel_busy === false;
      }, null, { timeout: +opt.timeout * 1000, polling: 1000 });
    } catch {
      done = false;
    }
    const state = await page.evaluate(() => {
      const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
      return {
        running: cells.filter(c => c.element.hasClass('running')).length,
        queued: cells.filter(c => c.element.find('.input_prompt').text().includes('*')).length,
        errors: cells.flatMap(c => (c.output_area.outputs || []).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)),
        live: document.querySelectorAll('.mn-live').length,
      };
    });
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    if (!done || state.running || state.queued) fail(`${nb}: after Run All ${state.running} cell(s) running and ${state.queued} queued (${secs} s)`);
    for (const e of state.errors) fail(`${nb}: error output: ${e.slice(0, 300)}`);
    // Every embedded figure comes alive and follows its sliders.
    const frames = page.locator('.mn-live iframe');
    const n = await frames.count();
    for (let i = 0; i < n; i++) {
      const el = await frames.nth(i).elementHandle();
      // A browser runs no animation frames in a frame out of view: look at it.
      await el.scrollIntoViewIfNeeded().catch(() => {});
      const f = await el.contentFrame();
      try {
        await f.waitForFunction(() => window.mnGo && +document.body.dataset.frame >= 1, null, { timeout: 120000 });
      } catch {
        fail(`${nb}: figure ${i} did not start (${await el.getAttribute('src')})`);
        continue;
      }
      const shown = await el.evaluate(e => e.style.display === 'block' && e.parentElement.querySelector('.mn-static').style.display === 'none');
      if (!shown) fail(`${nb}: figure ${i} runs but does not replace the static figure`);
      if (!await moveSlider(f)) fail(`${nb}: a slider of figure ${i} does not redraw it`);
    }
    // The kernel stops; the figures go on.
    await page.evaluate(() => Jupyter.notebook.session.delete());
    await page.waitForTimeout(1000);
    for (let i = 0; i < n; i++) {
      const el = await frames.nth(i).elementHandle();
      await el.scrollIntoViewIfNeeded().catch(() => {});
      const f = await el.contentFrame();
      if (!await moveSlider(f)) fail(`${nb}: after the kernel stopped, figure ${i} does not redraw`);
    }
    if (opt.out) await page.screenshot({ path: join(opt.out, nb.replace(/\.ipynb$/, '.png')), fullPage: false });
    log(`${nb}: Run All finished in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${n} live figure(s)`);
    await page.close();
  }
} catch (e) {
  fail('exception:', e.stack || e);
} finally {
  if (ctx) await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`notebooks: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('notebooks: all passed');

// moveSlider moves the first slider of a figure's page and waits for its
// redraw (a slow figure redraws 200 ms after the move).
async function moveSlider(f) {
  return f.evaluate(async () => {
    const s = document.querySelector('input[type=range]');
    if (!s) return false;
    const before = +document.body.dataset.frame;
    const lo = +s.min, hi = +s.max;
    s.value = String(+s.value - lo > (hi - lo) / 2 ? lo + 0.25 * (hi - lo) : lo + 0.75 * (hi - lo));
    s.dispatchEvent(new Event('input', { bubbles: true }));
    for (let k = 0; k < 600; k++) {
      await new Promise(r => setTimeout(r, 100));
      if (+document.body.dataset.frame > before) return true;
    }
    return false;
  }).catch(() => false);
}
