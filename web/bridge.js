// Glue between the page and the WebAssembly module: the public API (window.doseChecker),
// the events that wake the idle main loop, touch, the soft keyboard and the clipboard.
'use strict';
(function () {
  var canvas = document.getElementById('canvas');
  var softKeyboard = document.getElementById('soft-keyboard');
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });

  var Module = window.Module = {
    canvas: canvas,
    framesDrawn: 0,
    wantTextInput: false,
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { rejectReady(new Error('dose checker failed to start: ' + what)); },
    onReady: function () { resolveReady(); },
    // The latest response (JSON text), for the embed layer and tests.
    onResult: function (json) {
      Module.lastResult = json;
      window.dispatchEvent(new CustomEvent('dosechecker:result', {detail: json}));
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

  // The public API: the same response object the CLI prints.
  window.doseChecker = {
    ready: ready,
    compute: function (request) {
      var text = typeof request === 'string' ? request : JSON.stringify(request);
      // UTF-8 bytes with their length: a NUL inside the text must not end it early (the CLI sees it too).
      var bytes = new TextEncoder().encode(text);
      var input = Module._malloc(bytes.length + 1);
      Module.HEAPU8.set(bytes, input);
      Module.HEAPU8[input + bytes.length] = 0;
      var ptr = Module._dc_compute(input, bytes.length);
      Module._free(input);
      var json = Module.UTF8ToString(ptr);
      Module._free(ptr);
      return JSON.parse(json);
    },
    // Replace the widget's inputs with URL-style parameters, e.g. {indication: 'nomid', weight: '20'}.
    setInputs: function (params) {
      var query = new URLSearchParams(params).toString();
      Module.ccall('dc_set_query', null, ['string'], [query]);
    },
    framesDrawn: function () { return Module.framesDrawn; }
  };

  function wake() { if (Module._dc_wake) Module._dc_wake(); }
  canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });

  // Embedded in another site (?embed=1): trust only the origin the embed script named; answer
  // it with the height of the content and each result; ignore every other message.
  var pageQuery = new URLSearchParams(window.location.search);
  var embedded = pageQuery.get('embed') === '1' && window.parent !== window;
  var allowedOrigins = pageQuery.getAll('parent_origin').filter(function (o) { return /^https?:\/\/[^/]+$/.test(o); });
  if (embedded) document.documentElement.classList.add('embed');
  function toParent(message) {
    if (!embedded) return;
    allowedOrigins.forEach(function (origin) { window.parent.postMessage(message, origin); });
  }
  Module.embedded = embedded;
  Module.onContentHeight = function (cssPixels) {
    if (!embedded) return;
    var height = Math.ceil(cssPixels);
    if (Math.abs(canvas.clientHeight - height) > 1) { canvas.style.height = height + 'px'; wake(); }
    toParent({type: 'dosechecker:height', height: height});
  };
  window.addEventListener('dosechecker:result', function (event) {
    toParent({type: 'dosechecker:result', result: JSON.parse(event.detail)});
  });
  window.addEventListener('message', function (event) {
    if (!embedded || event.source !== window.parent || allowedOrigins.indexOf(event.origin) < 0) return;
    var data = event.data;
    if (!data || data.type !== 'dosechecker:set-inputs' || typeof data.params !== 'object' || data.params === null) return;
    var params = {};
    var valid = Object.keys(data.params).every(function (k) {
      var v = data.params[k];
      if (typeof v !== 'string' || v.length > 64 || !/^[a-z_]{1,20}$/.test(k)) return false;
      params[k] = v;
      return true;
    });
    if (valid) ready.then(function () { window.doseChecker.setInputs(params); });
  });

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
  ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'keypress', 'resize', 'focus', 'blur']
    .forEach(function (type) { window.addEventListener(type, wake, {passive: true}); });
  // Tab moves ImGui's focus over two frames; draw them now, before the next key arrives.
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Tab' && Module._dc_settle_input) Module._dc_settle_input();
  });
  // The wheel: ImGui's GLFW backend scrolls the widget with it, unless the widget cannot move that
  // way (embedded at its content's height, or at the end); then the event never reaches the
  // backend or GLFW, nothing cancels it, and the browser scrolls the page.
  window.addEventListener('wheel', function (event) {
    if (!Module._dc_wheel_wanted || !Module._dc_wheel_wanted(event.deltaX, event.deltaY)) event.stopPropagation();
  }, {capture: true, passive: true});
  if (window.matchMedia) {
    // Browser zoom changes devicePixelRatio: redraw at the new resolution.
    (function watchRatio() {
      var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var onChange = function () { query.removeEventListener('change', onChange); wake(); watchRatio(); };
      query.addEventListener('change', onChange);
    })();
  }

  // Paste: what Ctrl+V gives the canvas's text fields.
  document.addEventListener('paste', function (event) {
    var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    if (Module._dc_set_clipboard) Module.ccall('dc_set_clipboard', null, ['string'], [text]);
    wake();
  });

  // Touch: one finger taps or pans (src/web/input.cpp). Handled here in the capture phase so the
  // built-in GLFW handler never doubles a tap.
  function touchPoint(touch) {
    var rect = canvas.getBoundingClientRect();
    var ratio = canvas.width / rect.width;
    return [(touch.clientX - rect.left) * ratio, (touch.clientY - rect.top) * ratio];
  }
  function onTouch(phase) {
    return function (event) {
      if (event.target !== canvas || !Module._dc_touch) return;
      event.preventDefault();
      event.stopPropagation();
      var touch = event.changedTouches[0];
      var p = touchPoint(touch);
      Module._dc_touch(phase, p[0], p[1]);
      if (phase === 2) {
        // Run the tap's frames now, inside the handler, so iOS lets us raise the keyboard.
        Module._dc_settle_input();
        if (Module.wantTextInput) { softKeyboard.value = ''; softKeyboard.focus({preventScroll: true}); }
        else if (document.activeElement === softKeyboard) softKeyboard.blur();
      }
    };
  }
  window.addEventListener('touchstart', onTouch(0), {capture: true, passive: false});
  window.addEventListener('touchmove', onTouch(1), {capture: true, passive: false});
  window.addEventListener('touchend', onTouch(2), {capture: true, passive: false});
  window.addEventListener('touchcancel', onTouch(3), {capture: true, passive: false});

  // The soft keyboard's text and editing keys go to ImGui (src/web/input.cpp names the keys).
  function keyTap(name) { return Module.ccall('dc_key_tap', 'number', ['string'], [name]) === 1; }
  softKeyboard.addEventListener('keydown', function (event) {
    event.stopPropagation();
    if (keyTap(event.key)) event.preventDefault();
  });
  softKeyboard.addEventListener('keypress', function (event) { event.stopPropagation(); });
  softKeyboard.addEventListener('keyup', function (event) { event.stopPropagation(); });
  softKeyboard.addEventListener('beforeinput', function (event) {
    if (event.inputType === 'deleteContentBackward') { event.preventDefault(); keyTap('Backspace'); }
    else if (event.inputType === 'insertLineBreak') { event.preventDefault(); keyTap('Enter'); }
  });
  softKeyboard.addEventListener('input', function () {
    if (softKeyboard.value) { Module.ccall('dc_text', null, ['string'], [softKeyboard.value]); softKeyboard.value = ''; }
  });
})();
