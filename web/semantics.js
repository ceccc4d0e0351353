// The semantics layer: every control the canvas draws is also a real DOM element here, with
// its role and its visible label as accessible name, placed over the rectangle where the canvas
// draws it. The module publishes the tree (src/ui/semantics.hpp) only when it changes; this
// file keeps the DOM in step, keyed by node id, without ever moving or re-creating the element
// that has focus. The DOM owns focus and text entry: the browser's Tab order, Enter, Space,
// arrow keys, soft keyboard, IME and paste; each edit goes back to the module as a value.
// Text is always set with textContent or .value, never parsed as HTML.
'use strict';
(function () {
  var root = null;     // <div id="semantics">
  var entries = {};    // id -> {node, el, control, parts, parentRect}: node and parent rectangle drawn from
  var callbacks = null;
  var lastJson = '';
  var lastOrder = [];  // node ids in the last tree's order (where focus goes if its control goes)
  var sentValues = {};  // id -> the text a focused field last sent (what the module now holds)

  function make(tag, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    return el;
  }

  // Sets an element's box only when it moved: every style write is parsed, and most elements
  // stay where they were from one tree to the next.
  function place(el, rect, origin) {
    var left = rect[0] - (origin ? origin[0] : 0), top = rect[1] - (origin ? origin[1] : 0);
    var at = el.dcPlaced;
    if (at && at[0] === left && at[1] === top && at[2] === rect[2] && at[3] === rect[3]) return;
    el.dcPlaced = [left, top, rect[2], rect[3]];
    el.style.left = left + 'px';
    el.style.top = top + 'px';
    el.style.width = rect[2] + 'px';
    el.style.height = rect[3] + 'px';
  }

  function domId(prefix, id) { return 'dc-' + prefix + '-' + id.replace(/[^A-Za-z0-9_-]/g, '_'); }

  // Creates the element for a node; returns {el, control, parts} (control: the focusable part;
  // parts: its label, unit, error, legend, caption or table body, found once here).
  function create(node) {
    var el, control;
    switch (node.role) {
      case 'heading':
        el = make('h' + Math.min(Math.max(node.level || 2, 1), 4), 'sem-text');
        break;
      case 'text':
        el = make('p', 'sem-text');
        break;
      case 'textbox':
      case 'combobox': {
        el = make('div', 'sem-field');
        var label = make('label', 'sem-label');
        control = make(node.role === 'textbox' ? 'input' : 'select', 'sem-control');
        control.id = domId('f', node.id);
        label.htmlFor = control.id;
        var unit = make('span', 'sem-unit');
        unit.id = domId('u', node.id);
        unit.setAttribute('aria-hidden', 'true');  // read through the field's aria-describedby
        var error = make('span', 'sem-error');
        error.id = domId('e', node.id);
        if (node.role === 'textbox') {
          control.type = 'text';
          // The module keeps at most this many bytes of a field (fields.hpp StateLimits).
          var limits = window.doseChecker && window.doseChecker.fields && window.doseChecker.fields.limits;
          control.maxLength = limits ? limits.max_value_bytes : 64;
          control.autocomplete = 'off';
          control.spellcheck = false;
          control.setAttribute('autocapitalize', 'off');
          control.addEventListener('input', function () {
            sentValues[node.id] = control.value;
            callbacks.setField(node.id, control.value);
          });
          // Leaving the field shows what the module holds (it may have refused or emptied it).
          control.addEventListener('blur', function () {
            var current = entries[node.id] && entries[node.id].node;
            if (current && control.value !== current.value) control.value = current.value;
            delete sentValues[node.id];
          });
        } else {
          control.addEventListener('change', function () { callbacks.setField(node.id, control.value); });
        }
        el.appendChild(label);
        el.appendChild(control);
        el.appendChild(unit);
        el.appendChild(error);
        break;
      }
      case 'radiogroup':
        el = make('fieldset', 'sem-group');
        el.appendChild(make('legend', 'sem-legend'));
        break;
      case 'radio':
      case 'checkbox': {
        el = make('label', 'sem-choice');
        control = make('input', 'sem-control');
        control.type = node.role;
        control.addEventListener('change', function () {
          var current = entries[node.id] ? entries[node.id].node : node;
          if (current.role === 'radio') { if (control.checked) callbacks.setField(current.group, current.value); }
          else callbacks.setField(current.id, control.checked ? '1' : '0');
        });
        el.appendChild(control);
        el.appendChild(make('span', 'sem-choice-text'));
        break;
      }
      case 'button':
        el = control = make('button', 'sem-button');
        el.type = 'button';
        el.addEventListener('click', function () { callbacks.activate(node.id); });
        break;
      case 'table':
        el = make('table', 'sem-table');
        el.appendChild(make('caption', 'sem-caption'));
        el.appendChild(make('tbody'));
        break;
      case 'row':
        el = make('tr', node.highlighted ? 'sem-row sem-row-highlighted' : 'sem-row');
        break;
      case 'columnheader':
        el = make('th', 'sem-cell');
        el.scope = 'col';
        break;
      case 'cell':
        el = make('td', 'sem-cell');
        break;
      case 'list':
        el = make('ul', 'sem-list');
        break;
      case 'listitem':
        el = make('li', 'sem-text');
        break;
      case 'figure':
        el = make('figure', 'sem-figure');
        el.appendChild(make('figcaption', 'sem-caption sem-offscreen'));
        break;
      default:
        el = make('div', 'sem-text');
    }
    el.dataset.semId = node.id;
    el.dataset.role = node.role;
    if (control) {
      control.addEventListener('focus', function () { callbacks.focus(node.id); });
      control.addEventListener('blur', function () { callbacks.focus(''); });
    }
    var parts = !el.firstElementChild ? {} : {
      label: el.querySelector('.sem-label, legend'), unit: el.querySelector('.sem-unit'), error: el.querySelector('.sem-error'),
      text: el.querySelector('.sem-choice-text'), caption: el.querySelector('caption, figcaption'), body: el.querySelector('tbody')};
    return {el: el, control: control, parts: parts};
  }

  // A lone text child is changed in place: no node is removed and made again for each edit.
  function setText(el, text) {
    var only = el.firstChild;
    if (only && only === el.lastChild && only.nodeType === 3) { if (only.data !== text) only.data = text; }
    else if (el.textContent !== text) el.textContent = text;
  }

  // Roles whose element is made only from its node (no focus, no value typed into it).
  var PASSIVE = {heading: 1, text: 1, listitem: 1, columnheader: 1, cell: 1, row: 1, table: 1, list: 1, figure: 1};

  // Whether two values read from the module's JSON are alike: numbers, strings and booleans
  // equal, objects and arrays alike member by member.
  function same(a, b) {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;  // [] and {} have the same (no) keys
    var keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (var i = 0; i < keys.length; i++) if (!same(a[keys[i]], b[keys[i]])) return false;
    return true;
  }

  // Brings an element up to date with its node (the element was made for the same role).
  function update(entry, node, parent) {
    var el = entry.el, control = entry.control;
    var origin = parent && (parent.role === 'radiogroup' || parent.role === 'list' || parent.role === 'figure') ? parent.rect : null;
    var positioned = !parent || origin;
    if (positioned) {
      // A node with no rectangle (a figure's data) is for the DOM only: read, not seen.
      var hidden = !(node.rect[2] > 0 && node.rect[3] > 0);
      el.classList.toggle('sem-offscreen', hidden);
      if (!hidden) place(el, node.rect, origin);
    }
    switch (node.role) {
      case 'heading': case 'text': case 'listitem': case 'columnheader': case 'cell':
        setText(el, node.name || '');
        break;
      case 'textbox': case 'combobox': {
        var label = entry.parts.label, unit = entry.parts.unit, error = entry.parts.error;
        setText(label, node.name);
        // A label drawn beside the field lies over it; one not drawn (a unit list beside its
        // number) still names the control but takes no space and catches no pointer.
        if (node.label_rect) { label.classList.remove('sem-offscreen'); place(label, node.label_rect, node.rect); }
        else label.classList.add('sem-offscreen');
        setText(unit, node.unit || '');
        setText(error, node.invalid ? node.error : '');
        if (node.error_rect) { error.classList.remove('sem-offscreen'); place(error, node.error_rect, node.rect); }
        else error.classList.add('sem-offscreen');
        if (node.role === 'textbox') {
          // A date keeps the full keyboard: a numeric keypad (iOS) has no "-" for YYYY-MM-DD.
          control.inputMode = node.input === 'decimal' ? 'decimal' : 'text';
          // What the person is typing is never overwritten: the module holds what was last sent.
          // A value the module changed itself (a host's setInputs, a new link, a refusal) is
          // shown at once, even in the focused field, so the field never disagrees with the dose.
          var typing = document.activeElement === control && sentValues[node.id] === node.value;
          if (!typing && control.value !== node.value) control.value = node.value;
        } else {
          var key = JSON.stringify(node.options || []);
          if (control.dataset.options !== key) {
            while (control.firstChild) control.removeChild(control.firstChild);
            (node.options || []).forEach(function (o) {
              var option = make('option');
              option.value = o[0];
              option.textContent = o[1];
              control.appendChild(option);
            });
            control.dataset.options = key;
          }
          if (control.value !== node.value) control.value = node.value;
        }
        var described = [];
        if (node.unit) described.push(unit.id);
        if (node.invalid) described.push(error.id);
        if (described.length) control.setAttribute('aria-describedby', described.join(' '));
        else control.removeAttribute('aria-describedby');
        if (node.invalid) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
        control.disabled = !!node.disabled;
        break;
      }
      case 'list':
        // "Findings for the prescribed dose", "The arithmetic: dose": a list is found by its name.
        if (node.name) el.setAttribute('aria-label', node.name);
        else el.removeAttribute('aria-label');
        break;
      case 'radiogroup': {
        var legend = entry.parts.label;
        setText(legend, node.name);
        // Over the drawn "Label"/"Step", so find-in-page and focus outlines line up with it.
        if (node.label_rect) place(legend, node.label_rect, node.rect);
        break;
      }
      case 'radio': case 'checkbox':
        setText(entry.parts.text, node.name);
        if (node.role === 'radio') {
          control.name = domId('g', node.group);
          control.value = node.value;
        }
        control.checked = !!node.checked;
        control.disabled = !!node.disabled;
        break;
      case 'button':
        setText(el, node.name);
        el.disabled = !!node.disabled;
        break;
      case 'table': case 'figure':
        setText(entry.parts.caption, node.name || '');
        break;
      case 'row':
        el.style.height = node.rect[3] + 'px';
        el.className = node.highlighted ? 'sem-row sem-row-highlighted' : 'sem-row';
        break;
    }
    if (node.role === 'columnheader' || node.role === 'cell') el.style.width = node.rect[2] + 'px';
  }

  // Puts `wanted` into `container` in that order without ever moving the element that has focus
  // (a moved element loses focus, and typing would go nowhere): elements no longer wanted go
  // first, then the others are put in order around the focused one.
  function reconcile(container, wanted) {
    // Most trees keep every container's children as they were: nothing to move.
    var child = container.firstElementChild, n = 0;
    while (child && n < wanted.length && child === wanted[n]) { child = child.nextElementSibling; n++; }
    if (child === null && n === wanted.length) return;
    var keep = new Set(wanted);
    // (Entries are forgotten by render() once their node is gone: an element taken out here may
    // be wanted by another container, e.g. a control that moved to another group.)
    Array.prototype.slice.call(container.children).forEach(function (child) {
      if (!keep.has(child)) container.removeChild(child);
    });
    var active = document.activeElement;
    for (var i = 0, moves = 0; i < wanted.length; i++) {
      var current = container.children[i];
      if (current === wanted[i]) continue;
      if (wanted[i].contains(active) && current && moves++ < wanted.length) {
        container.appendChild(current);  // the focused element stays; the one before it moves on
        i--;
        continue;
      }
      container.insertBefore(wanted[i], current || null);
    }
  }

  // The element that holds a node's children.
  function childContainer(entry) {
    if (entry.node.role === 'table') return entry.parts.body;
    return entry.el;
  }

  function render(tree) {
    var nodes = tree.nodes;
    // The control that has focus, and the controls before it, in the old order: if it goes away
    // (a choice hid it), focus moves to the nearest one before it that stays, never to <body>.
    var focusedBefore = [];
    if (root.contains(document.activeElement)) {
      for (var k = 0; k < lastOrder.length; k++) {
        focusedBefore.push(lastOrder[k]);
        var old = entries[lastOrder[k]];
        if (old && old.el.contains(document.activeElement)) break;
        if (k === lastOrder.length - 1) focusedBefore = [];
      }
    }
    // Radios name their group by the group's id.
    nodes.forEach(function (n) { if (n.role === 'radio' && n.parent >= 0) n.group = nodes[n.parent].id; });
    var seen = {};
    var kids = {top: []};
    nodes.forEach(function (node, index) {
      var entry = entries[node.id];
      // A heading's level is its tag (h2, h3): a new level needs a new element.
      if (!entry || entry.node.role !== node.role || (node.role === 'heading' && entry.node.level !== node.level)) {
        if (entry && entry.el.parentNode) entry.el.parentNode.removeChild(entry.el);
        entry = create(node);
        entries[node.id] = entry;
      }
      var parent = node.parent >= 0 ? nodes[node.parent] : null;
      // Text, tables and lists have no state of their own: an element whose node (and parent's
      // rectangle, which places it) is as it was needs nothing done. Controls are always brought
      // up to date (what a focused field shows depends on more than its node).
      var parentRect = parent ? parent.rect : null;
      if (!PASSIVE[node.role] || !same(entry.node, node) || !same(entry.parentRect, parentRect)) update(entry, node, parent);
      entry.parentRect = parentRect;
      entry.node = node;
      seen[node.id] = true;
      var key = parent ? parent.id : 'top';
      (kids[key] = kids[key] || []).push(entry.el);
      kids[node.id] = kids[node.id] || [];
    });
    // Containers first get their children (a table's rows, a group's radios), then the top.
    nodes.forEach(function (node) {
      var entry = entries[node.id];
      if (['radiogroup', 'table', 'row', 'list', 'figure'].indexOf(node.role) >= 0) {
        var container = childContainer(entry);
        var fixed = node.role === 'radiogroup' ? [entry.parts.label] : node.role === 'figure' ? [entry.parts.caption] : [];
        reconcile(container, fixed.concat(kids[node.id]));
      }
    });
    reconcile(root, kids.top);
    Object.keys(entries).forEach(function (id) { if (!seen[id]) delete entries[id]; });
    lastOrder = nodes.map(function (n) { return n.id; });
    if (focusedBefore.length && !root.contains(document.activeElement)) {
      for (var j = focusedBefore.length - 1; j >= 0; j--) {
        var kept = entries[focusedBefore[j]];
        if (kept && kept.control && !kept.control.disabled) { kept.control.focus(); break; }
      }
    }
    root.style.width = tree.content[2] + 'px';
    root.style.height = tree.content[3] + 'px';
    root.style.setProperty('--dc-font-px', tree.font_px + 'px');
  }

  window.DoseCheckerSemantics = {
    // Every key the page sees (bridge.js passes them on from its window-level listener, which
    // keeps them from GLFW). Enter toggles a checkbox too: browsers only use Space, and a
    // keyboard user expects either.
    keydown: function (event) {
      var target = event.target;
      if (event.key !== 'Enter' || event.repeat || !root || !root.contains(target)) return;
      if (target.tagName === 'INPUT' && target.type === 'checkbox') { event.preventDefault(); target.click(); }
    },
    // host: {setField(id, value), activate(id), focus(id)}
    attach: function (container, host) {
      root = container;
      callbacks = host;
    },
    // The module's tree as JSON text (unchanged text is ignored).
    publish: function (json) {
      if (!root || json === lastJson) return;
      lastJson = json;
      render(JSON.parse(json));
    },
    // The element drawn for a node id (tests and the focus ring use it).
    element: function (id) { return entries[id] ? (entries[id].control || entries[id].el) : null; },
    // Hides every control (a failed module must not leave controls that look alive).
    clear: function () {
      if (!root) return;
      while (root.firstChild) root.removeChild(root.firstChild);
      entries = {};
      lastJson = '';
      lastOrder = [];
      sentValues = {};
    }
  };
})();
