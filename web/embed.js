// One-line embedding for course pages:
//   <script src="https://widget.example/web/embed.js" data-indication="nomid" data-weight="20"></script>
// creates a sandboxed iframe of the widget in compact mode just after the script tag. The
// iframe's height follows the widget's content. The host talks to it through
// window.DoseCheckerEmbed (or the element's events); every message is checked for its shape
// and its origin, and anything else is ignored.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var widgetUrl = new URL('../index.html', script.src);
  var widgetOrigin = widgetUrl.origin;
  var PARAMS = ['drug', 'indication', 'region', 'weight', 'weight_unit', 'age', 'age_unit', 'sex', 'height_cm', 'crcl', 'scr',
    'scr_unit', 'esrd', 'step', 'dose_mg', 'doses_per_day', 'every_hours'];

  // data-weight-unit -> weight_unit, and so on.
  var query = new URLSearchParams();
  query.set('embed', '1');
  query.set('parent_origin', window.location.origin);
  PARAMS.forEach(function (name) {
    var value = script.getAttribute('data-' + name.replace(/_/g, '-'));
    if (value !== null) query.set(name, value);
  });
  widgetUrl.search = query.toString();

  var iframe = document.createElement('iframe');
  iframe.src = widgetUrl.href;
  iframe.title = script.getAttribute('data-title') || 'Anakinra dose checker';
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-downloads allow-popups allow-modals');
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.setAttribute('loading', 'lazy');
  iframe.style.width = script.getAttribute('data-width') || '100%';
  iframe.style.height = '480px';
  iframe.style.border = '1px solid #ccc';
  iframe.style.borderRadius = '4px';
  iframe.style.display = 'block';
  script.parentNode.insertBefore(iframe, script.nextSibling);

  var listeners = [];
  window.addEventListener('message', function (event) {
    // Only the widget's own frame and origin are heard; only known shapes are used.
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'dosechecker:height' && typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
      iframe.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'dosechecker:result' && typeof data.result === 'object' && data.result !== null) {
      listeners.forEach(function (listener) { listener(data.result); });
      iframe.dispatchEvent(new CustomEvent('dosechecker:result', {detail: data.result}));
    }
  });

  window.DoseCheckerEmbed = {
    iframe: iframe,
    // Replace the widget's inputs, e.g. {indication: 'dira', weight: '12'} (URL parameter names).
    setInputs: function (params) {
      var clean = {};
      Object.keys(params || {}).forEach(function (k) {
        if (PARAMS.indexOf(k) >= 0) clean[k] = String(params[k]);
      });
      iframe.contentWindow.postMessage({type: 'dosechecker:set-inputs', params: clean}, widgetOrigin);
    },
    onResult: function (listener) { listeners.push(listener); }
  };
})();
