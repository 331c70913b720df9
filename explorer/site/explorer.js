// explorer.js: loads the explorer's WebAssembly program, replays its drawings
// on the canvases, and restarts it if it ever exits. Everything else (the
// controls, the figures, the state in the URL) is the Go program's.
"use strict";
(() => {
  const FAMILY = "LiberationSansMN";

  // Replay a drawing recorded by explorer.Recorder (see its documentation for
  // the commands). Coordinates are points (1/72 in) with y up; a CSS pixel is
  // 0.75 pt.
  function draw(canvas, cmds) {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const W = Math.round(w * dpr), H = Math.round(h * dpr);
    const ctx = canvas.getContext("2d");
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W; // resets the context
      canvas.height = H;
    } else {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, W, H);
      ctx.setLineDash([]);
      ctx.lineDashOffset = 0;
      ctx.lineWidth = 1;
      ctx.fillStyle = ctx.strokeStyle = "#000";
    }
    const k = dpr / 0.75;
    ctx.setTransform(k, 0, 0, -k, 0, canvas.height);
    ctx.lineCap = "butt";
    ctx.lineJoin = "miter";
    let end = 0;
    const n = cmds.length;
    while (end < n) {
      let nl = cmds.indexOf("\n", end);
      if (nl < 0) nl = n;
      const line = cmds.substring(end, nl);
      end = nl + 1;
      switch (line.charCodeAt(0)) {
        case 67: // C colour
          ctx.fillStyle = ctx.strokeStyle = line.substring(1);
          break;
        case 87: // W width
          ctx.lineWidth = +line.substring(1);
          break;
        case 68: { // D dashes
          const p = line.substring(1).trim();
          if (!p) { ctx.setLineDash([]); ctx.lineDashOffset = 0; break; }
          const a = p.split(" ").map(Number);
          ctx.lineDashOffset = a[0];
          ctx.setLineDash(a.slice(1));
          break;
        }
        case 80: ctx.save(); break; // P
        case 81: ctx.restore(); break; // Q
        case 82: ctx.rotate(+line.substring(1)); break; // R
        case 84: { const a = line.substring(1).split(" "); ctx.translate(+a[0], +a[1]); break; } // T
        case 75: { const a = line.substring(1).split(" "); ctx.scale(+a[0], +a[1]); break; } // K
        case 83: ctx.stroke(new Path2D(line.substring(1))); break; // S
        case 70: ctx.fill(new Path2D(line.substring(1))); break; // F
        case 88: { // X size family x y text
          let i = 1, parts = [];
          for (let f = 0; f < 4; f++) {
            const j = line.indexOf(" ", i);
            parts.push(line.substring(i, j));
            i = j + 1;
          }
          const bold = parts[1].includes("bold") ? "bold " : "";
          const italic = parts[1].includes("italic") ? "italic " : "";
          ctx.font = italic + bold + parts[0] + "px " + FAMILY;
          ctx.save();
          ctx.translate(+parts[2], +parts[3]);
          ctx.scale(1, -1);
          ctx.fillText(line.substring(i), 0, 0);
          ctx.restore();
          break;
        }
      }
    }
  }

  // Register Liberation Sans from the bytes the Go program measures text with.
  function font(bytes) {
    const face = new FontFace(FAMILY, bytes.buffer);
    document.fonts.add(face);
    return face.load();
  }

  let restarts = 0;
  // Callbacks that the Go program hands to the browser's timers run only
  // while that same program runs: after an exit (and restart) a stale timer
  // must not call into a dead program ("Go program has already exited").
  let generation = 0, running = false;
  function guard(fn) {
    const g = generation;
    return (...a) => { if (running && g === generation) return fn(...a); };
  }
  function notice(html) {
    const n = document.getElementById("notice");
    n.innerHTML = html;
    n.hidden = false;
  }

  // instantiate compiles explorer.wasm: from the page itself when it carries
  // it (embed.html, the self-contained page that notebooks embed: Jupyter
  // serves files in a sandbox that lets the page load nothing more),
  // streaming where the server sends application/wasm, from its bytes where
  // it does not, and from explorer.wasm.js (the bytes as base64, loaded as
  // a script) where the page may not fetch.
  async function instantiate(go) {
    if (window.mnWasmBase64) return WebAssembly.instantiate(fromBase64(), go.importObject); // embed.html
    const url = "explorer.wasm";
    try {
      return await WebAssembly.instantiateStreaming(fetch(url), go.importObject);
    } catch (e) { /* not application/wasm, or no fetch */ }
    try {
      const r = await fetch(url);
      if (r.ok) return await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject);
    } catch (e) { /* an opaque origin: fetch is refused */ }
    await new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = "explorer.wasm.js";
      s.onload = resolve;
      s.onerror = () => reject(new Error("explorer.wasm could not be loaded"));
      document.head.appendChild(s);
    });
    return await WebAssembly.instantiate(fromBase64(), go.importObject);
  }

  // fromBase64 decodes window.mnWasmBase64 (kept: a restart needs it again).
  function fromBase64() {
    const bin = atob(window.mnWasmBase64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  async function start() {
    window.mnFetchStart = performance.now();
    const go = new Go();
    // On exit, also drop the timers that Go's runtime had set (wasm_exec.js
    // keeps them in go._scheduledTimeouts and would fire them into the dead
    // program).
    go.exit = code => {
      for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
      go._scheduledTimeouts.clear();
      console.warn("explorer: the Go program exited with code", code);
    };
    const result = await instantiate(go);
    window.mnRestarts = restarts;
    window.mnLoad = { instantiated: performance.now() };
    generation++;
    running = true;
    await go.run(result.instance);
    running = false;
    // The program exited (an unrecovered panic): start a fresh one on the
    // state in the address bar. The address bar follows a control only
    // when it stops (250 ms later); the summary follows every frame, so
    // its link goes to the address bar first.
    restarts++;
    try {
      const q = JSON.parse(document.getElementById("summary").textContent).query;
      if (q) mnPage.replaceURL("?" + q + (/[?&#]embed=1/.test(location.search + location.hash) ? "&embed=1" : ""));
    } catch (e) { /* no summary yet: the address bar stands */ }
    window.mnGo = undefined;
    // Drop the dead program's listeners: replace the canvases by copies.
    for (const c of document.querySelectorAll("#panels canvas")) c.replaceWith(c.cloneNode(false));
    for (const c of document.querySelectorAll("#panels canvas.over")) c.getContext("2d").clearRect(0, 0, c.width, c.height);
    if (restarts > 5) {
      notice("The explorer stopped after repeated internal errors. Reload the page to try again.");
      return;
    }
    notice("The explorer hit an internal error and restarted; the view was kept. (restart " + restarts + ")");
    setTimeout(start, 100);
  }

  // Embedded in a notebook's output (nbui.Live): show this page in place of
  // the static figure beside it, and keep the frame as tall as the page.
  // With the same origin as the notebook the page does it itself; in a
  // sandboxed frame (an opaque origin) it asks the notebook, whose output
  // listens for these messages.
  const embedded = /[?&#]embed=1/.test(location.search + location.hash) && window.parent !== window;
  let frame = null;
  try { frame = embedded ? window.frameElement : null; } catch (e) { frame = null; }
  function tell(live) {
    const h = document.documentElement.scrollHeight + 4;
    if (frame) {
      frame.style.display = live ? "block" : "none";
      if (live) frame.style.height = h + "px";
      const still = frame.parentElement && frame.parentElement.querySelector(".mn-static");
      if (still) still.style.display = live ? "none" : "";
    } else if (embedded) {
      window.parent.postMessage({ mn: live ? "live" : "dead", h }, "*");
    }
  }
  tell(true);
  addEventListener("mn-frame", () => tell(true));

  let observer;
  window.mnPage = {
    draw,
    font,
    frame: fn => requestAnimationFrame(guard(fn)),
    later: (fn, ms) => setTimeout(guard(fn), ms),
    cancel: id => clearTimeout(id),
    // replaceURL puts the view's link in the address bar, where the page may
    // (a sandboxed page may not change its URL).
    replaceURL: q => { try { history.replaceState(null, "", q); } catch (e) { /* sandboxed */ } },
    started() {
      window.mnStartedAt = performance.now();
      if (!observer && window.ResizeObserver) {
        let t;
        observer = new ResizeObserver(() => { clearTimeout(t); t = setTimeout(() => window.mnGo && mnGo.resize(), 100); });
        observer.observe(document.getElementById("panels"));
      }
      tell(true);
      document.dispatchEvent(new CustomEvent("mn-started", { detail: { restarts } }));
    },
  };
  start().catch(e => { tell(false); notice("The explorer could not load: " + e); });
})();
