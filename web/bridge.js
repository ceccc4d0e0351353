// Glue between the page and the WebAssembly module: the public API (window.doseChecker),
// start-up and failure (a dead module never leaves a dose on screen), the bounded string
// boundary (strings cross on the heap, within the limits of the module's field table), the
// semantics layer's edits (web/semantics.js), the live region, the embed messages, the events
// that wake the idle main loop, and the clipboard.
'use strict';
(function () {
  var canvas = document.getElementById('canvas');
  var app = document.getElementById('app');
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () { /* a failure is shown on the page; callers see the rejection */ });
  var started = false, failed = false;
  var fields = null;  // the module's field table and limits (src/ui/fields.hpp), once started
  var START_TIMEOUT_MS = 30000;

  var Module = window.Module = {
    canvas: canvas,
    framesDrawn: 0,    // frames run (the idle test)
    framesPainted: 0,  // frames that reached the canvas (a frame repeating the picture is not painted)
    framesPaintedInPart: 0,  // of those, frames painted only in the tiles that changed
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { fail('it stopped (' + what + ')'); },
    onFatal: function (reason) { fail(reason.replace(/\.$/, '')); },
    onReady: function () {
      fields = JSON.parse(takeString(Module._dc_fields()));
      window.doseChecker.fields = fields;
      started = true;
      try { window.sessionStorage.removeItem('dosecheck.recovery'); } catch (e) { /* storage off */ }
      resolveReady();
    },
    // The latest response (JSON text), for the embed layer and tests.
    onResult: function (json) {
      Module.lastResult = json;
      window.dispatchEvent(new CustomEvent('dosechecker:result', {detail: json}));
    },
    // A checked practice case: which answers were right (README "Teaching mode").
    onPractice: function (json) {
      window.dispatchEvent(new CustomEvent('dosechecker:practice', {detail: json}));
    },
    // "Restore last patient from HH:MM": shown only when the module offers it ("" hides it).
    offerRestore: function (label) {
      var offer = document.getElementById('restore-last');
      offer.hidden = !label;
      offer.querySelector('button').textContent = label;
    },
    // The full record in #dose-summary at once; the brief verdict announced once typing pauses.
    onSummary: function (text, brief) { setSummary(text, brief); },
    // Print shows the record made at the moment of the action (the print stylesheet shows only it).
    printRecord: function (text) {
      setSummary(text, '');
      setTimeout(function () { window.print(); }, 0);
    },
    onSemantics: function (json) { window.DoseCheckerSemantics.publish(json); },
    // "Summary copied" and the like: for the status region, as for sighted users beside the buttons.
    onNotice: function (text) {
      var region = document.getElementById('dose-notice');
      region.textContent = '';
      setTimeout(function () { region.textContent = text; }, 50);
    },
    writeClipboard: function (text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(function () { fallbackCopy(text); });
      } else {
        fallbackCopy(text);
      }
    }
  };

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  // --- the live region ----------------------------------------------------------------------
  // #dose-summary holds the whole record (#dose-details, read on request, not live) and, first, a brief
  // verdict that is announced. While typing, the brief line is emptied at once (never a stale
  // verdict) and set again once the typing pauses, only for valid input.
  var ANNOUNCE_DELAY_MS = 800;
  var announceTimer = 0;
  function setSummary(text, brief) {
    var details = document.getElementById('dose-details'), line = document.getElementById('dose-announcement');
    if (!details || !line) return;
    details.textContent = text;
    line.textContent = '';
    clearTimeout(announceTimer);
    if (brief) announceTimer = setTimeout(function () { line.textContent = brief; }, ANNOUNCE_DELAY_MS);
  }

  // --- failure: every dose hidden, the reason shown, a reload offered ------------------------
  // The failure replaces the record and is announced (the brief line is the live region).
  function showFailure(message) {
    var details = document.getElementById('dose-details'), line = document.getElementById('dose-announcement');
    if (details && line) { details.textContent = message; line.textContent = message; }
    else document.getElementById('dose-summary').textContent = message;
  }
  function fail(reason) {
    if (failed) return;
    failed = true;
    try { if (Module.pauseMainLoop) Module.pauseMainLoop(); } catch (e) { /* already stopped */ }
    document.documentElement.classList.add('failed');
    clearTimeout(announceTimer);
    window.DoseCheckerSemantics.clear();  // no control may look alive on a dead module
    var message = 'The dose checker ' + (started ? 'stopped working' : 'could not start') + ': ' + reason +
      '. No dose is shown. Reload the page to start again.';
    showFailure(message);
    var box = document.getElementById('fatal-error');
    box.querySelector('p').textContent = message;
    box.querySelector('button').onclick = function () { window.location.reload(); };
    box.hidden = false;
    rejectReady(new Error(message));
    // The host page (embedded) and listeners get an error in place of the last result.
    Module.onResult(JSON.stringify({ok: false, data_version: '', errors: [{field: 'widget', message: message}]}));
    if (!started) recoverOnce();
  }

  // A start-up that fails under the service worker may be a damaged cache: delete the caches,
  // unregister the worker and load from the network, once per tab.
  function recoverOnce() {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
    try {
      if (window.sessionStorage.getItem('dosecheck.recovery')) return;
      window.sessionStorage.setItem('dosecheck.recovery', '1');
    } catch (e) { return; }
    var reload = function () { window.location.reload(); };
    Promise.all([
      caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf('dosecheck-') === 0; }).map(function (n) { return caches.delete(n); }));
      }),
      navigator.serviceWorker.getRegistrations().then(function (all) {
        return Promise.all(all.map(function (r) { return r.unregister(); }));
      })
    ]).then(reload, reload);
  }

  function describe(error) {
    return String(error && error.message || error).slice(0, 200);
  }
  function fromModule(event) {
    var error = event.error || event.reason;
    return (typeof WebAssembly === 'object' && (error instanceof WebAssembly.RuntimeError ||
      error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError)) ||
      /dosechecker\.js/.test(event.filename || '') || /^Aborted\(/.test(describe(error));
  }
  window.addEventListener('error', function (event) { if (fromModule(event)) fail(describe(event.error || event.message)); });
  window.addEventListener('unhandledrejection', function (event) { if (fromModule(event)) fail(describe(event.reason)); });

  // --- the string boundary: on the heap, within the module's limits --------------------------
  function takeString(ptr) {
    try { return Module.UTF8ToString(ptr); } finally { Module._free(ptr); }
  }
  // Calls use(pointer, byte length) with `text` as UTF-8 on the heap (NUL-terminated too).
  function withHeapString(text, use) {
    var size = Module.lengthBytesUTF8(text) + 1;
    var ptr = Module._malloc(size);
    if (!ptr) throw new Error('out of memory for ' + size + ' bytes');
    try {
      Module.stringToUTF8(text, ptr, size);
      return use(ptr, size - 1);
    } finally {
      Module._free(ptr);
    }
  }
  function withHeapStrings(a, b, use) {
    return withHeapString(a, function (pa) { return withHeapString(b, function (pb) { return use(pa, pb); }); });
  }
  // Every call into the module: refused once it has failed, and any trap fails it visibly.
  function call(fn) {
    if (failed) throw new Error('the dose checker has stopped; reload the page');
    if (!started) throw new Error('the dose checker has not started yet; wait for doseChecker.ready');
    try { return fn(); } catch (error) { fail(describe(error)); throw error; }
  }

  // Parameters from the host page or setInputs(): at most max_params names of the widget's
  // shape, string values within max_value_bytes. The query string, or why they are refused.
  function checkParams(params) {
    var limits = fields.limits;
    if (!params || typeof params !== 'object') return {refused: 'The inputs sent are not a set of parameters. Nothing was read.'};
    var names = Object.keys(params);
    if (names.length > limits.max_params)
      return {refused: 'The inputs sent have ' + names.length + ' parameters; at most ' + limits.max_params + ' are read. Nothing was read.'};
    var query = new URLSearchParams();
    for (var i = 0; i < names.length; i++) {
      var name = names[i], value = params[name];
      if (!new RegExp('^[a-z0-9_]{1,' + limits.max_name_bytes + '}$').test(name))
        return {refused: 'The inputs sent include a parameter name that is not one of the widget\'s. Nothing was read.'};
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        return {refused: 'The value of ' + name + ' is not text. Nothing was read.'};
      value = String(value);
      if (Module.lengthBytesUTF8(value) > limits.max_value_bytes)
        return {refused: 'The value of ' + name + ' is longer than ' + limits.max_value_bytes + ' bytes. Nothing was read.'};
      query.append(name, value);
    }
    return {query: query.toString()};
  }

  // The public API: the same response object the CLI prints.
  window.doseChecker = {
    ready: ready,
    fields: null,  // the field table and limits, once ready
    compute: function (request) {
      var text = String(typeof request === 'string' ? request : JSON.stringify(request));
      return call(function () {
        var bytes = Module.lengthBytesUTF8(text);
        if (bytes > fields.limits.max_request_bytes) return JSON.parse(takeString(Module._dc_oversized_request(bytes)));
        return JSON.parse(takeString(withHeapString(text, Module._dc_compute)));
      });
    },
    // Replace the widget's inputs with URL-style parameters, e.g. {indication: 'nomid', weight: '20'}.
    setInputs: function (params) {
      call(function () {
        var checked = checkParams(params);
        if (checked.refused) withHeapString(checked.refused, Module._dc_refuse_inputs);
        else withHeapString(checked.query, Module._dc_set_query);
      });
    },
    framesDrawn: function () { return Module.framesDrawn; }
  };

  document.querySelector('#restore-last button').addEventListener('click', function () {
    call(function () { Module._dc_restore_last(); });
  });
  window.addEventListener('hashchange', function () { if (started && !failed) call(function () { Module._dc_load_url(); }); });

  // Only once the module runs: before that its exports are stubs that throw (a resize or a font
  // change during start-up would otherwise fail it), and the first frame draws anyway.
  function wake() { if (started && !failed) Module._dc_wake(); }
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
  // A lost WebGL context (the GPU process crashed or reclaimed it) takes every GL object with it
  // and blanks the canvas; the module does not rebuild them, and a frame that repeats the picture
  // is not painted (src/web/frame_image.hpp), so the canvas could stay blank beside live doses.
  // It is a failure like any other: every dose hidden, and Reload offered.
  canvas.addEventListener('webglcontextlost', function () { fail('the graphics were lost (the browser dropped the canvas\'s WebGL context)'); });

  // The full page never runs inside another site's frame (clickjacking); the deployment's
  // headers refuse it too (web/headers.json), this covers hosts that send none.
  var embedEntry = /\/embed\.html$/.test(window.location.pathname);
  var framed = window.parent !== window;
  if (framed && !embedEntry) {
    document.documentElement.classList.add('failed');
    var refusal = 'This page cannot run inside another site\'s frame. Open it in its own tab; course pages embed embed.html.';
    showFailure(refusal);
    document.querySelector('#fatal-error p').textContent = refusal;
    document.querySelector('#fatal-error button').hidden = true;
    document.getElementById('fatal-error').hidden = false;
    failed = true;
    rejectReady(new Error(refusal));
    return;
  }

  // Embedded (embed.html in a frame): trust only the origin the embed script named, and only
  // when it is the origin really framing us (the deployment's frame-ancestors allow-list is
  // what lets it frame us at all); answer it with the content height and each result.
  var embedded = embedEntry && framed;
  var named = new URLSearchParams(window.location.search).getAll('parent_origin')
    .filter(function (o) { return /^https?:\/\/[^/]+$/.test(o); });
  var actualParent = (window.location.ancestorOrigins && window.location.ancestorOrigins.length)
    ? window.location.ancestorOrigins[0]
    : (document.referrer ? new URL(document.referrer).origin : '');
  var allowedOrigins = named.filter(function (o) { return o === actualParent; });
  if (embedded) document.documentElement.classList.add('embed');
  function toParent(message) {
    if (!embedded) return;
    allowedOrigins.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }
  Module.embedded = embedded;
  // The page is as tall as the widget's content and scrolls natively; the canvas stays in the
  // viewport and draws the part scrolled to. An embedding iframe takes the same height.
  var lastHeight = 0;
  Module.onContentHeight = function (cssPixels) {
    var height = Math.ceil(cssPixels);
    if (height === lastHeight) return;
    lastHeight = height;
    app.style.height = height + 'px';
    wake();
    toParent({type: 'dosechecker:height', height: height});
  };
  // Parsed only for a parent to send it to: a page of its own would parse every result for nothing.
  window.addEventListener('dosechecker:result', function (event) {
    if (embedded) toParent({type: 'dosechecker:result', result: JSON.parse(event.detail)});
  });
  window.addEventListener('dosechecker:practice', function (event) {
    if (embedded) toParent({type: 'dosechecker:practice', result: JSON.parse(event.detail)});
  });
  window.addEventListener('message', function (event) {
    if (!embedded || event.source !== window.parent || allowedOrigins.indexOf(event.origin) < 0) return;
    var data = event.data;
    if (!data || data.type !== 'dosechecker:set-inputs') return;
    ready.then(function () { window.doseChecker.setInputs(data.params); });
  });

  // Start: the module's script, whose failure to load is a visible failure too.
  var program = document.createElement('script');
  program.src = 'dosechecker.js';
  program.async = true;
  program.onerror = function () { fail('its program file (dosechecker.js) could not be loaded'); };
  document.body.appendChild(program);
  setTimeout(function () { if (!started) fail('it did not start within ' + START_TIMEOUT_MS / 1000 + ' s'); }, START_TIMEOUT_MS);

  // Offline: the service worker precaches the whole deployment. A new one waits until the user
  // accepts it, so the page never mixes old and new files.
  if ('serviceWorker' in navigator && window.isSecureContext) {
    var banner = document.getElementById('update-ready');
    var reloading = false;
    navigator.serviceWorker.register('sw.js').then(function (registration) {
      function offer(worker) {
        if (!worker || !navigator.serviceWorker.controller) return;
        banner.hidden = false;
        banner.querySelector('button').onclick = function () { worker.postMessage({type: 'dosechecker:activate-update'}); };
      }
      if (registration.waiting) offer(registration.waiting);
      registration.addEventListener('updatefound', function () {
        var worker = registration.installing;
        worker.addEventListener('statechange', function () { if (worker.state === 'installed') offer(worker); });
      });
    }).catch(function (error) { console.warn('offline support unavailable: ' + error); });
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (reloading || !banner || banner.hidden) return;
      reloading = true;
      window.location.reload();
    });
  }
  ['resize', 'scroll', 'focus', 'blur'].forEach(function (type) { window.addEventListener(type, wake, {passive: true}); });
  if (window.matchMedia) {
    // Browser zoom changes devicePixelRatio: redraw at the new resolution.
    (function watchRatio() {
      var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var onChange = function () { query.removeEventListener('change', onChange); wake(); watchRatio(); };
      query.addEventListener('change', onChange);
    })();
  }

  // The DOM owns the keyboard: GLFW's window-wide key listeners (which cancel Tab and
  // Backspace) never see a key, so Tab, typing and shortcuts do what the browser does, and Tab
  // leaves an embedded widget at its end. Registered before the module's script loads, so first.
  ['keydown', 'keyup', 'keypress'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      event.stopImmediatePropagation();  // this also keeps it from the element's own listeners
      if (type === 'keydown') window.DoseCheckerSemantics.keydown(event);
    }, true);
  });

  // A paste into a field is the browser's, up to max_paste_bytes; a longer one is refused and
  // said so, never passed on (a field holds far less).
  var pageNotice = document.getElementById('page-notice');
  var noticeTimer = 0;
  function showNotice(text) {
    pageNotice.textContent = text;
    pageNotice.hidden = false;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () { pageNotice.hidden = true; }, 10000);
  }
  document.addEventListener('paste', function (event) {
    if (!started || failed) return;
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    var bytes = Module.lengthBytesUTF8(text);
    if (bytes > fields.limits.max_paste_bytes) {
      event.preventDefault();
      showNotice('Paste refused: the clipboard holds ' + bytes + ' bytes of text; a field takes at most ' +
        fields.limits.max_paste_bytes + '. Nothing was pasted.');
    }
  }, true);

  // The semantics layer: every control as a real element over the canvas (web/semantics.js).
  // Its edits reach the module only once it has started and never after it has failed.
  window.DoseCheckerSemantics.attach(document.getElementById('semantics'), {
    setField: function (id, value) {
      if (!started || failed) return;
      call(function () { withHeapStrings(id, String(value).slice(0, 4 * fields.limits.max_value_bytes), Module._dc_set_field); });
    },
    activate: function (id) { if (started && !failed) call(function () { withHeapString(id, Module._dc_press); }); },
    focus: function (id) { if (started && !failed) call(function () { withHeapString(id, Module._dc_focus); }); }
  });
})();
