// site-bench.mjs: how fast the explorer is in Debian's chromium (make
// site-bench). Prints, and writes to build/browser/site/bench.json:
//   - first interactive figure from a cold load (fresh profile, empty cache),
//     with where the time goes: download, compile, Go start-up, first layers,
//     first drawing;
//   - slider→redraw per model: the time from the input event to the end of the
//     redraw (it includes the wait for the next animation frame), median and
//     p95, split into simulation (run), phase plane (analysis), drawing (Go
//     building canvas commands) and DOM (replaying them on the canvases, the
//     card, the summary, the URL); and the renderer main thread's CPU time per
//     redraw (Chrome's ThreadTime), which a busy machine does not inflate;
//   - the wasm's size, raw and gzip-compressed.
// No thresholds: the numbers are for people (targets: p95 ≤ 30 ms for HH,
// median ≤ 16 ms for the 2-D models, first interactive ≤ 2 s, ≤ 6 MB).
//
//   node site-bench.mjs --url http://127.0.0.1:P/ --site build/site [--moves 40] [--loads 3]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join } from 'node:path';

const opt = { url: '', site: 'build/site', moves: '40', loads: '3', out: 'build/browser/site' };
for (let i = 2; i < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const moves = +opt.moves, loads = +opt.loads;
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'modelneurons-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: flags, viewport: { width: 1366, height: 768 },
  });
  return { ctx, profile, close: async () => { await ctx.close(); rmSync(profile, { recursive: true, force: true }); } };
}

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const med = xs => q(xs, 0.5);
const f1 = x => (x === undefined || Number.isNaN(x)) ? '-' : x.toFixed(1);

const result = { load: loadavg(), cpus: cpus().length, cold: [], sliders: {}, wasm: {} };

// Cold loads.
for (let k = 0; k < loads; k++) {
  const b = await browser();
  const page = b.ctx.pages()[0] || await b.ctx.newPage();
  await page.goto(opt.url + '?model=hh', { waitUntil: 'load' });
  await page.waitForFunction(() => window.mnStartedAt, null, { timeout: 120000 });
  const t = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find(r => r.name.endsWith('explorer.wasm'));
    return { interactive: window.mnStartedAt, downloaded: wasm ? wasm.responseEnd : NaN,
      instantiated: window.mnLoad.instantiated, ...window.mnStartup };
  });
  result.cold.push(t);
  await b.close();
}

// Slider→redraw.
const plan = [
  ['hh', 'I'], ['hh', 'GNa'], ['inapik-high', 'I'], ['inapik-low', 'I'], ['inapik-bistable', 'I'],
  ['izh-RS', 'I'], ['izh-RS', 'B'], ['izh04-G', 'I'], ['lif', 'I'], ['inap', 'I'], ['hh', 's.Amp'],
  // The notebooks' slider cells (nbui.Live), where the issue measured the
  // Go kernel: 04 HH 117 ms, 05 237 ms, 07 107 ms, 08 122 ms (median).
  // hh and network are Slow cells: they draw 200 ms after the last input,
  // so their latency includes that wait; "work" is the redraw itself.
  ['cell=hh', 'I'], ['cell=network', 'hidden'], ['cell=inapik', 'I'], ['cell=izhikevich', 'I'],
];
{
  const b = await browser();
  const page = b.ctx.pages()[0] || await b.ctx.newPage();
  const cdp = await b.ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find(m => m.name === 'ThreadTime').value * 1000;
  for (const [model, key] of plan) {
    await page.goto(opt.url + (model.startsWith('cell=') ? '?' : '?model=') + model, { waitUntil: 'load' });
    await page.waitForFunction(() => window.mnGo && mnGo.settled(), null, { timeout: 300000, polling: 200 });
    const rows = [];
    for (let k = 0; k < moves; k++) {
      const cpu0 = await threadTime();
      const r = await page.evaluate(async ({ key, k, moves }) => {
        const s = document.querySelector(`input[data-key="${CSS.escape(key)}"]`);
        const lo = +s.min, hi = +s.max;
        // Spread positions, away from the ends, never the same twice in a row.
        const v = lo + (hi - lo) * (0.05 + 0.9 * ((k * 7) % moves) / moves);
        const done = new Promise(r => addEventListener('mn-frame', e => r(e.detail), { once: true }));
        const t0 = performance.now();
        s.value = String(v);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        const d = await done;
        return { latency: d.end - t0, work: d.end - d.start, run: d.run ?? d.compute, plane: d.plane, draw: d.draw, dom: d.dom, panels: d.panels };
      }, { key, k, moves });
      r.cpu = (await threadTime()) - cpu0;
      rows.push(r);
    }
    const pick = f => rows.map(f);
    result.sliders[`${model} ${key}`] = {
      latency: { median: med(pick(r => r.latency)), p95: q(pick(r => r.latency), 0.95) },
      work: { median: med(pick(r => r.work)), p95: q(pick(r => r.work), 0.95) },
      cpu: { median: med(pick(r => r.cpu)), p95: q(pick(r => r.cpu), 0.95) },
      run: med(pick(r => r.run)), plane: med(pick(r => r.plane)), draw: med(pick(r => r.draw)), dom: med(pick(r => r.dom)),
      panels: rows[rows.length - 1].panels,
    };
  }
  await b.close();
}

for (const f of ['explorer.wasm', 'explorer.wasm.gz']) result.wasm[f] = statSync(join(opt.site, f)).size;

// Report.
console.log(`site-bench: ${result.cpus} cores, load average ${result.load.map(x => x.toFixed(1)).join(' ')} (a busy machine inflates the latencies; the CPU column does not)`);
console.log(`wasm: ${(result.wasm['explorer.wasm'] / 1e6).toFixed(2)} MB raw, ${(result.wasm['explorer.wasm.gz'] / 1e6).toFixed(2)} MB gzip`);
console.log('cold load to first interactive figure [ms from navigation]:');
console.log('  interactive  downloaded  compiled  go-main  font  parse  controls  drawn');
for (const t of result.cold) {
  console.log(`  ${f1(t.interactive).padStart(11)}  ${f1(t.downloaded).padStart(10)}  ${f1(t.instantiated).padStart(8)}  ${f1(t.goMain).padStart(7)}  ${f1(t.font).padStart(4)}  ${f1(t.parse).padStart(5)}  ${f1(t.controls).padStart(8)}  ${f1(t.render).padStart(5)}`);
}
console.log(`slider→redraw over ${moves} moves [ms]: latency (input to drawn) median/p95, work (the redraw) median/p95, main-thread CPU median/p95; medians of run (a cell: its whole computation), plane, draw, dom`);
console.log('  model slider            latency      work         cpu          run   plane  draw   dom   redrawn');
for (const [k, s] of Object.entries(result.sliders)) {
  console.log(`  ${k.padEnd(22)} ${f1(s.latency.median).padStart(5)}/${f1(s.latency.p95).padEnd(6)} ${f1(s.work.median).padStart(5)}/${f1(s.work.p95).padEnd(6)} ${f1(s.cpu.median).padStart(5)}/${f1(s.cpu.p95).padEnd(6)} ${f1(s.run).padStart(5)} ${f1(s.plane).padStart(6)} ${f1(s.draw).padStart(5)} ${f1(s.dom).padStart(5)}   ${s.panels}`);
}
mkdirSync(opt.out, { recursive: true });
writeFileSync(join(opt.out, 'bench.json'), JSON.stringify(result, null, 1));
