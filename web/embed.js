// One-line embedding for course pages:
//   <script src="https://widget.example/web/embed.js" data-indication="nomid" data-weight="20"></script>
// creates a sandboxed iframe of the widget's embed entry (embed.html) just after the script
// tag. Every data- attribute except data-width, data-title and data-id is an input, named as
// the page contract names it (data-weight-unit is weight_unit); the widget itself checks the
// names against its field table and counts any it does not know. The inputs travel in the
// iframe address's fragment (#...), so they never reach a server. The iframe's height follows
// the widget's content. Each embed on a page has its own handle:
//   DoseCheckerEmbed.get(0), DoseCheckerEmbed.get('my-id') or iframe.doseChecker
// with setInputs(params) and onResult(fn); DoseCheckerEmbed.setInputs/onResult address the
// first embed. Every message is checked for its shape and its origin; anything else is ignored.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var widgetUrl = new URL('../embed.html', script.src);
  var widgetOrigin = widgetUrl.origin;
  var FRAME_OPTIONS = ['width', 'title', 'id'];  // data- attributes for the iframe, not the widget

  var state = new URLSearchParams();
  Array.prototype.forEach.call(script.attributes, function (attribute) {
    var match = /^data-([a-z0-9-]+)$/.exec(attribute.name);
    if (match && FRAME_OPTIONS.indexOf(match[1]) < 0) state.append(match[1].replace(/-/g, '_'), attribute.value);
  });
  widgetUrl.search = new URLSearchParams({parent_origin: window.location.origin}).toString();
  widgetUrl.hash = state.toString();

  var iframe = document.createElement('iframe');
  iframe.src = widgetUrl.href;
  iframe.title = script.getAttribute('data-title') || 'Anakinra dose checker';
  // Scripts and its own origin (storage, the service worker), downloads (Export JSON, the
  // calendar) and modals (Print); nothing else.
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-downloads allow-modals');
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.setAttribute('loading', 'lazy');
  iframe.style.width = script.getAttribute('data-width') || '100%';
  iframe.style.height = '480px';
  iframe.style.border = '1px solid #ccc';
  iframe.style.borderRadius = '4px';
  iframe.style.display = 'block';
  script.parentNode.insertBefore(iframe, script.nextSibling);

  var listeners = [];
  var practiceListeners = [];
  window.addEventListener('message', function (event) {
    // Only this embed's own frame and origin are heard; only known shapes are used.
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'dosechecker:height' && typeof data.height === 'number' && data.height > 0 && data.height < 20000) {
      iframe.style.height = Math.ceil(data.height) + 'px';
    } else if (data.type === 'dosechecker:result' && typeof data.result === 'object' && data.result !== null) {
      listeners.forEach(function (listener) { listener(data.result); });
      iframe.dispatchEvent(new CustomEvent('dosechecker:result', {detail: data.result}));
    } else if (data.type === 'dosechecker:practice' && typeof data.result === 'object' && data.result !== null) {
      practiceListeners.forEach(function (listener) { listener(data.result); });
      iframe.dispatchEvent(new CustomEvent('dosechecker:practice', {detail: data.result}));
    }
  });

  var handle = {
    id: script.getAttribute('data-id') || '',
    iframe: iframe,
    // Replace the widget's inputs, e.g. {indication: 'dira', weight: '12'} (URL parameter names).
    setInputs: function (params) {
      var clean = {};
      Object.keys(params || {}).forEach(function (k) { clean[k] = String(params[k]); });
      iframe.contentWindow.postMessage({type: 'dosechecker:set-inputs', params: clean}, widgetOrigin);
    },
    onResult: function (listener) { listeners.push(listener); },
    // Practice mode: fn({case, answers: [{quantity, status, right}], right, asked}) after each Check.
    onPractice: function (listener) { practiceListeners.push(listener); }
  };
  iframe.doseChecker = handle;

  var registry = window.DoseCheckerEmbed;
  if (!registry || !Array.isArray(registry.embeds)) {
    registry = window.DoseCheckerEmbed = {
      embeds: [],
      // An embed by its position on the page, its data-id or its iframe.
      get: function (key) {
        return registry.embeds.filter(function (e, i) { return i === key || e.id === key || e.iframe === key; })[0] || null;
      },
      setInputs: function (params) { if (registry.embeds[0]) registry.embeds[0].setInputs(params); },
      onResult: function (listener) { if (registry.embeds[0]) registry.embeds[0].onResult(listener); },
      onPractice: function (listener) { if (registry.embeds[0]) registry.embeds[0].onPractice(listener); }
    };
    Object.defineProperty(registry, 'iframe', {get: function () { return registry.embeds[0] ? registry.embeds[0].iframe : null; }});
  }
  registry.embeds.push(handle);
})();
