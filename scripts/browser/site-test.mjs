// site-test.mjs: the explorer's site in Debian's chromium (make site-test).
//
// With the network off (every request outside the site's own origin is
// blocked and fails the test) it
//   1. opens every model × stimulus pair through the page's choosers;
//   2. moves every slider of every model at least once;
//   3. fails on any console error, page error or failed request, on a missing
//      (blank) figure, on a figure that does not change when it must, and when
//      the page's JSON summary disagrees with the native library's numbers for
//      the same link (explorer/cmd/summary): spike count exactly, rate to
//      0.1 %, equilibria (state and kind) to 1e-6, and for every model the
//      report card (class, integration, rheobase to 1e-6, onset);
//   4. loads bad links (unknown keys, NaN, out-of-range values, an invalid
//      model) and checks the notice and the nearest valid state; drives the
//      solver into failure and checks the error in the figure's place and that
//      the page keeps working; panics inside a callback and outside any, and
//      checks that the page comes back;
//   5. writes screenshots of three models at a laptop's and a projector's
//      size into --out.
//
// Usage (site.sh starts the server and passes these):
//   node site-test.mjs --url http://127.0.0.1:P/ --summary build/bin/explorer-summary --out DIR
//        [--models hh,lif]   only these models (all by default)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function args(argv) {
  const a = { url: '', summary: '', out: 'build/browser/site', models: '' };
  for (let i = 2; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a)) throw new Error(`unknown flag ${argv[i]}`);
    a[k] = argv[i + 1];
  }
  for (const k of ['url', 'summary']) if (!a[k]) throw new Error(`missing --${k}`);
  return a;
}

const opt = args(process.argv);
const site = new URL(opt.url);
const log = (...m) => console.log('site-test:', ...m);
const failures = [];
const fail = (...m) => { failures.push(m.join(' ')); console.log('site-test: FAIL', ...m); };
mkdirSync(opt.out, { recursive: true });

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const profile = mkdtempSync(join(tmpdir(), 'modelneurons-site-'));
const t0 = Date.now();
let ctx;
let expectErrors = 0; // console errors a step provokes on purpose
const consoleErrors = [];
try {
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags, viewport: { width: 1366, height: 768 },
  });
  // The network is off: only the site's own files may load.
  await ctx.route('**/*', route => {
    const u = new URL(route.request().url());
    if (u.origin === site.origin || u.protocol === 'data:') return route.continue();
    fail('the page asked the network for', u.href);
    return route.abort();
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on('console', m => {
    if (m.type() !== 'error') return;
    if (expectErrors > 0) { expectErrors--; return; }
    consoleErrors.push(m.text());
    fail('console error:', m.text().slice(0, 400));
  });
  page.on('pageerror', e => fail('page error:', e.message));
  page.on('requestfailed', r => { if (new URL(r.url()).origin === site.origin) fail('request failed:', r.url()); });

  await open(page, '');
  const catalog = await page.evaluate(() => [...document.querySelectorAll('#model option')].map(o => o.value));
  const models = opt.models ? opt.models.split(',') : catalog;
  log(`${catalog.length} models in the chooser; testing ${models.length}`);

  const queries = []; // [query, summary, what] to compare with the native library
  const sweepQueries = [];

  // 1 and 2: every model × stimulus, every slider.
  let pairs = 0, moves = 0;
  for (const model of models) {
    await selectValue(page, '#model', model, true);
    const stims = await page.evaluate(() => [...document.querySelectorAll('#stim option')].map(o => o.value));
    let prev = await hashes(page);
    for (const s of stims) {
      const changed = await selectValue(page, '#stim', s, false);
      const h = await hashes(page);
      await checkPanels(page, h, `${model} × ${s}`);
      if (changed && h.trace === prev.trace) fail(`${model} × ${s}: the trace did not change with the stimulus`);
      prev = h;
      const sum = await summary(page);
      if (sum.model !== model || sum.stim !== s) fail(`${model} × ${s}: the summary shows ${sum.model} × ${sum.stim}`);
      queries.push([sum.query, sum, `${model} × ${s}`]);
      pairs++;
    }
    // Each slider once, from the defaults.
    await whenFrame(page, `document.getElementById('reset').click()`);
    const keys = await page.evaluate(() => [...document.querySelectorAll('#controls input[type=range]')].map(i => i.dataset.key));
    for (const key of keys) {
      // From the defaults, so that each move makes a visible change.
      await whenFrame(page, `document.getElementById('reset').click()`);
      const before = await hashes(page);
      const q0 = (await summary(page)).query;
      const moved = await moveSlider(page, key);
      if (!moved) { fail(`${model}: slider ${key} did not move`); continue; }
      const after = await hashes(page);
      const sum = await summary(page);
      if (sum.query === q0) fail(`${model}: moving ${key} did not change the state (${q0})`);
      if (Object.keys(after).every(k => after[k] === before[k])) fail(`${model}: moving ${key} changed no figure`);
      await checkPanels(page, after, `${model}, ${key} moved`, true);
      queries.push([sum.query, sum, `${model}, slider ${key}`]);
      moves++;
    }
    // The report card and the sweeps, once per model family member.
    await selectValue(page, '#model', model, true, true);
    if (!/^izh04-/.test(model) || /^izh04-[AGH]$/.test(model)) {
      const sum = await settled(page, 240);
      if (!sum) fail(`${model}: the sweeps did not finish in 240 s`);
      else sweepQueries.push([sum.query, sum, `${model} report card`]);
    }
  }
  log(`${pairs} model × stimulus pairs, ${moves} slider moves (${((Date.now() - t0) / 1000).toFixed(0)} s)`);

  // 3: the page's numbers against the native library's.
  const native = await nativeSummaries(queries.map(q => q[0]), false);
  let compared = 0;
  for (let i = 0; i < queries.length; i++) compared += compare(queries[i][1], native[i], queries[i][2], false);
  const nativeSweeps = await nativeSummaries(sweepQueries.map(q => q[0]), true);
  for (let i = 0; i < sweepQueries.length; i++) compared += compare(sweepQueries[i][1], nativeSweeps[i], sweepQueries[i][2], true);
  log(`compared ${compared} summaries with the native library (${sweepQueries.length} with report cards)`);

  // 4: bad links, solver failures, panics.
  await badInput(page);
  await failures_(page);
  await panics(page);

  // 5: screenshots.
  await screenshots(ctx);
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} catch (e) {
  fail('exception:', e.stack || e);
} finally {
  if (ctx) await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`site-test: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('site-test: all passed');

// ---- helpers -------------------------------------------------------------

async function open(page, query) {
  // 120 s, as below: on a loaded machine the page before (a stiff solver
  // that runs to its step limit, sweeps in progress) can hold the load
  // past playwright's default 30 s.
  await page.goto(new URL('?' + query, site).href, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => window.mnGo && document.body.dataset.frame, null, { timeout: 120000 });
}

// whenFrame runs act in the page and resolves with the detail of the next
// mn-frame event (the page redraws on the next animation frame).
async function whenFrame(page, act, arg) {
  return page.evaluate(async ({ act, arg }) => {
    const done = new Promise(r => addEventListener('mn-frame', e => r(e.detail), { once: true }));
    (new Function('arg', act))(arg);
    return await Promise.race([done, new Promise((_, j) => setTimeout(() => j(new Error('no frame in 60 s')), 60000))]);
  }, { act, arg });
}

// selectValue sets a <select> and waits for the redraw; with full it also
// waits for the complete (not quick) frame. reset clicks "reset all" first.
async function selectValue(page, sel, value, full, reset) {
  const cur = await page.$eval(sel, e => e.value);
  if (reset) await whenFrame(page, `document.getElementById('reset').click()`);
  if (cur === value && !reset) return false;
  if (cur !== value) {
    await whenFrame(page, `const e = document.querySelector(arg.sel); e.value = arg.value; e.dispatchEvent(new Event('change'));`, { sel, value });
  }
  return true;
}

// moveSlider moves one slider well away from its value and waits for the
// redraw.
async function moveSlider(page, key) {
  return page.evaluate(async key => {
    const s = document.querySelector(`input[data-key="${CSS.escape(key)}"]`);
    if (!s) return false;
    const lo = +s.min, hi = +s.max, v = +s.value, step = +s.step || 1;
    let target = v - lo > (hi - lo) / 2 ? lo + 0.3 * (hi - lo) : lo + 0.7 * (hi - lo);
    target = lo + Math.round((target - lo) / step) * step;
    if (Math.abs(target - v) < step) return false;
    const done = new Promise(r => addEventListener('mn-frame', e => r(e.detail), { once: true }));
    s.value = String(target);
    s.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    return true;
  }, key);
}

// hashes fingerprints every canvas (base and overlay) from a 240 × 150
// copy of its pixels.
async function hashes(page) {
  return page.evaluate(() => {
    const out = {};
    const tmp = document.createElement('canvas');
    tmp.width = 240; tmp.height = 150;
    const g = tmp.getContext('2d', { willReadFrequently: true });
    for (const fig of document.querySelectorAll('#panels figure')) {
      for (const c of fig.querySelectorAll('canvas')) {
        g.clearRect(0, 0, 240, 150);
        if (c.width > 0 && c.height > 0) g.drawImage(c, 0, 0, 240, 150);
        const d = g.getImageData(0, 0, 240, 150).data;
        let h = 2166136261, ink = 0;
        for (let i = 0; i < d.length; i += 4) {
          const v = d[i] ^ (d[i + 1] << 8) ^ (d[i + 2] << 16) ^ (d[i + 3] << 24);
          h = Math.imul(h ^ v, 16777619);
          if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) ink++;
        }
        out[fig.id.replace('panel-', '') + (c.classList.contains('over') ? '+' : '')] = `${h >>> 0}:${ink}`;
      }
    }
    return out;
  });
}

// checkPanels fails on a blank figure, and on an error box unless allowed.
async function checkPanels(page, h, what, allowErrors) {
  for (const p of ['trace', 'plane', 'fi', 'diagram']) {
    const ink = +(h[p] || '0:0').split(':')[1];
    if (ink < 200) fail(`${what}: the ${p} figure is missing (${ink} inked pixels)`);
  }
  if (!allowErrors) {
    const errs = await page.$$eval('#panels .error:not([hidden])', es => es.map(e => e.closest('figure').id + ': ' + e.textContent));
    for (const e of errs) fail(`${what}: error shown: ${e}`);
  }
}

async function summary(page) {
  return JSON.parse(await page.$eval('#summary', e => e.textContent));
}

// settled waits until the page has finished its background work and
// returns its summary, or null after timeout seconds.
async function settled(page, timeout) {
  try {
    await page.waitForFunction(() => window.mnGo && mnGo.settled() && JSON.parse(document.getElementById('summary').textContent).sweeps.status === 'done',
      null, { timeout: timeout * 1000, polling: 250 });
  } catch { return null; }
  return summary(page);
}

// nativeSummaries runs explorer/cmd/summary on the queries, one per line.
function nativeSummaries(queries, sweeps) {
  if (!queries.length) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const p = spawn(opt.summary, sweeps ? ['-lines', '-sweeps'] : ['-lines'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', d => { out += d; });
    p.on('error', reject);
    p.on('close', code => {
      if (code !== 0) return reject(new Error(`${opt.summary} exited with ${code}`));
      resolve(out.trim().split('\n').map(l => JSON.parse(l)));
    });
    p.stdin.end(queries.join('\n') + '\n');
  });
}

function close(a, b, tol) { return a === b || (a !== null && b !== null && Math.abs(a - b) <= tol * (1 + Math.abs(b))); }

function sameEquilibria(a, b) {
  if (a.length !== b.length) return `${a.length} equilibria, native ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i].kind !== b[i].kind) return `equilibrium ${i}: ${a[i].kind}, native ${b[i].kind}`;
    for (let j = 0; j < a[i].state.length; j++) {
      if (!close(a[i].state[j], b[i].state[j], 1e-6)) return `equilibrium ${i} component ${j}: ${a[i].state[j]}, native ${b[i].state[j]}`;
    }
  }
  return '';
}

// compare checks the page's summary against the native one; returns 1.
function compare(page, nat, what, sweeps) {
  const bad = m => fail(`${what}: ${m} (${page.query})`);
  if (page.query !== nat.query) bad(`the native summary reads the link as ${nat.query}`);
  if (!!page.runError !== !!nat.runError) bad(`run error "${page.runError || ''}", native "${nat.runError || ''}"`);
  if (page.spikes !== nat.spikes) bad(`${page.spikes} spikes, native ${nat.spikes}`);
  if (!close(page.rate, nat.rate, 1e-3)) bad(`rate ${page.rate} Hz, native ${nat.rate} Hz`);
  const e1 = sameEquilibria(page.equilibria, nat.equilibria);
  if (e1) bad(e1);
  const e2 = sameEquilibria(page.plane.equilibria, nat.plane.equilibria);
  if (e2) bad('plane: ' + e2);
  if (sweeps) {
    const a = page.sweeps, b = nat.sweeps;
    for (const k of ['class', 'integration', 'bifurcation', 'reportError']) {
      if ((a[k] || '') !== (b[k] || '')) bad(`${k} "${a[k] || ''}", native "${b[k] || ''}"`);
    }
    if (!close(a.rheobase ?? null, b.rheobase ?? null, 1e-6)) bad(`rheobase ${a.rheobase}, native ${b.rheobase}`);
  }
  return 1;
}

async function badInput(page) {
  await open(page, 'model=hh&GNa=-5&I=abc&foo=1&T=1e9');
  const notice = await page.$eval('#notice', e => e.hidden ? '' : e.textContent);
  for (const want of ['GNa = -5', 'I = "abc"', '"foo"', 'T = 1e9']) {
    if (!notice.includes(want)) fail(`bad link: the notice does not mention ${want}: "${notice}"`);
  }
  const sum = await summary(page);
  if (sum.params.GNa !== 0 || sum.params.I !== 0 || sum.T !== 5000) fail(`bad link: state ${sum.query}`);
  const url = await page.evaluate(() => location.search);
  if (url.includes('foo') || url.includes('abc')) fail(`bad link: the address bar still holds ${url}`);
  log('bad link: nearest valid state and a notice');
}

async function failures_(page) {
  // A capacitance this small makes the equations too stiff to integrate:
  // the solver gives up, and says so in the trace's place.
  await open(page, 'model=hh&C=1e-9');
  const err = await page.$eval('#panel-trace .error', e => e.hidden ? '' : e.textContent);
  if (!/maximum number of steps/.test(err)) fail(`solver failure: no error in the trace's place ("${err}")`);
  // An invalid model from the sliders (LIF: VReset above VTh).
  await open(page, 'model=lif');
  await page.evaluate(() => {
    const s = document.querySelector('input[data-key="VReset"]');
    s.value = s.max; s.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await whenFrame(page, `const s = document.querySelector('input[data-key="VTh"]'); s.value = s.min; s.dispatchEvent(new Event('input', { bubbles: true }));`);
  const err2 = await page.$eval('#panel-trace .error', e => e.hidden ? '' : e.textContent);
  if (!/VReset/.test(err2)) fail(`invalid model: no error naming VReset ("${err2}")`);
  // ...and the page keeps working.
  await whenFrame(page, `document.getElementById('reset').click()`);
  const err3 = await page.$eval('#panel-trace .error', e => e.hidden ? '' : e.textContent);
  if (err3) fail(`after reset the error stays: ${err3}`);
  log('solver failure and invalid model: errors in the figure\'s place, page alive');
}

async function panics(page) {
  await open(page, 'model=inapik-low');
  // A panic inside a callback is recovered and reported (one console error).
  expectErrors = 1;
  await page.evaluate(() => { try { mnGo.debugPanic('recovered'); } catch (e) { } });
  await page.waitForTimeout(200);
  if (expectErrors !== 0) fail('a recovered panic was not reported on the console');
  expectErrors = 0;
  const notice = await page.$eval('#notice', e => e.textContent);
  if (!/Internal error/.test(notice)) fail(`a recovered panic left no notice: "${notice}"`);
  if (!await moveSlider(page, 'I')) fail('after a recovered panic the slider does not move');
  // A panic outside any callback ends the program: explorer.js restarts it
  // on the state in the address bar.
  const q = (await summary(page)).query;
  const restarted = page.evaluate(() => new Promise(r => document.addEventListener('mn-started', e => r(e.detail.restarts), { once: true })));
  await page.evaluate(() => mnGo.debugPanic('exit'));
  const n = await Promise.race([restarted, new Promise(r => setTimeout(() => r(-1), 60000))]);
  if (n < 1) fail('the program exited and was not restarted');
  await page.waitForFunction(() => window.mnGo && document.body.dataset.frame, null, { timeout: 60000 });
  const q2 = (await summary(page)).query;
  if (q2 !== q) fail(`after the restart the page shows ${q2}, not ${q}`);
  if (!await moveSlider(page, 'I')) fail('after a restart the slider does not move');
  log('panics: recovered in a callback; restarted after an exit, on the same view');
}

async function screenshots(ctx) {
  // HH in its V–n reduction, a 2004 protocol, and the bistable I_Na,p+I_K
  // switched to firing by a pulse (docs/img has two of these).
  const shots = [['hh', 'model=hh&I=8&stim=pulse'], ['izh04-G', 'model=izh04-G'],
    ['inapik-bistable', 'model=inapik-bistable&I=2&stim=pulse'], ['inapik-low', 'model=inapik-low&I=14&stim=zap']];
  const page = await ctx.newPage();
  page.on('pageerror', e => fail('page error:', e.message));
  for (const [model, q] of shots) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, q);
    await settled(page, 240);
    for (const [w, h, name] of [[1366, 768, 'laptop'], [1024, 768, 'projector']]) {
      if (w !== 1366) {
        await page.setViewportSize({ width: w, height: h });
        await page.waitForTimeout(400); // the resize observer waits 100 ms, then a frame
        await page.waitForFunction(() => mnGo.settled(), null, { timeout: 60000 });
      }
      const file = join(opt.out, `${model}-${name}.png`);
      await page.screenshot({ path: file });
      log('screenshot', file);
    }
  }
  await page.close();
}
