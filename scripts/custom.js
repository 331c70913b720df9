// modelneurons: installed by `make lab` as $JUPYTER_CONFIG_DIR/custom/custom.js
// (Jupyter Notebook 6 loads it into every page).
//
// 1. GoNB's widgets (sliders, buttons) open a WebSocket to the hard-coded
//    "ws://HOST/api/kernels/...". Behind a base URL (JupyterHub's /user/NAME/)
//    or https that fails; rewrite it under the page's base URL, wss on https.
// 2. Notebook 6 drops GoNB's text/javascript outputs (used by %wasm); register
//    that MIME type with the renderer of application/javascript.
// 3. GoNB's widget code (v0.11.4) gives the kernel 500 ms to acknowledge its
//    connection (comm_open_ack) and otherwise disables widgets for the whole
//    session. A busy server misses that (make hub-test saw it with a class on
//    a loaded machine): allow 20 s for that one timer.
(function () {
	var Native = window.WebSocket;
	if (Native && !Native.__modelneurons) {
		var fix = function (url) {
			var prefix = 'ws://' + document.location.host + '/api/kernels/';
			if (typeof url !== 'string' || url.indexOf(prefix) !== 0) {
				return url;
			}
			var base = (document.body && document.body.dataset.baseUrl) || '/';
			if (base.charAt(base.length - 1) !== '/') {
				base += '/';
			}
			var scheme = document.location.protocol === 'https:' ? 'wss://' : 'ws://';
			return scheme + document.location.host + base + 'api/kernels/' + url.slice(prefix.length);
		};
		var Patched = function (url, protocols) {
			url = fix(url);
			return protocols === undefined ? new Native(url) : new Native(url, protocols);
		};
		Patched.prototype = Native.prototype;
		['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) {
			Patched[k] = Native[k];
		});
		Patched.__modelneurons = true;
		window.WebSocket = Patched;
	}

	var nativeTimeout = window.setTimeout;
	if (!nativeTimeout.__modelneurons) {
		var patchedTimeout = function (fn, ms) {
			var args = Array.prototype.slice.call(arguments);
			if (ms === 500 && typeof fn === 'function' &&
				String(fn).indexOf('comm_open_ack not received') >= 0) {
				args[1] = 20000;
			}
			return nativeTimeout.apply(window, args);
		};
		patchedTimeout.__modelneurons = true;
		window.setTimeout = patchedTimeout;
	}

	if (typeof require === 'function') {
		require(['notebook/js/outputarea'], function (oa) {
			var OA = oa.OutputArea;
			if (OA && !OA.append_map['text/javascript']) {
				OA.prototype.register_mime_type('text/javascript',
					OA.append_map['application/javascript'], {safe: false, index: 0});
			}
		});
	}
})();
