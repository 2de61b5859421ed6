/**
 * The inline script of the simulated portal pages (plain ES5-ish JS, no dependencies). It plays the part
 * of PrimeFaces' AJAX core: command buttons post the form with javax.faces.partial.* parameters and the
 * <partial-response> updates replace elements by id, so steps change on the same URL. It also hosts the
 * reCAPTCHA stand-in's parent side, the virtual keypad and the mm:ss countdowns. This is the simulated
 * site, not the extension, so it may set HTML of its own content.
 */
export const PORTAL_SCRIPT = String.raw`
(function () {
  'use strict';
  function closest(el, selector) {
    while (el && el.nodeType === 1) { if (el.matches(selector)) return el; el = el.parentElement; }
    return null;
  }
  // Reads <partial-response> with a small tolerant parser (some DOM implementations lack CDATA support).
  function decodeAttr(s) { return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'); }
  function applyPartial(text) {
    var redirect = /<redirect url="([^"]*)"/.exec(text);
    if (redirect) { window.location.href = decodeAttr(redirect[1]); return; }
    var re = /<update id="([^"]*)">([\s\S]*?)<\/update>/g;
    var m;
    while ((m = re.exec(text))) {
      var id = decodeAttr(m[1]);
      var content = m[2].replace(/<!\[CDATA\[/g, '').replace(/\]\]>/g, '');
      if (id.indexOf('javax.faces.ViewState') >= 0) {
        var states = document.querySelectorAll('input[name="javax.faces.ViewState"]');
        for (var s = 0; s < states.length; s++) states[s].value = content;
        continue;
      }
      var target = document.getElementById(id);
      if (!target) continue;
      var tpl = document.createElement('template');
      tpl.innerHTML = content;
      var fresh = tpl.content.firstElementChild;
      if (fresh) target.parentNode.replaceChild(fresh, target);
    }
    initWidgets(document);
  }
  function submitAjax(button) {
    var form = button.form;
    var data = new URLSearchParams(new FormData(form));
    data.set(button.name, button.name);
    data.set('javax.faces.partial.ajax', 'true');
    data.set('javax.faces.source', button.id);
    data.set('javax.faces.partial.execute', '@all');
    data.set('javax.faces.partial.render', button.getAttribute('data-update') || '@form');
    button.disabled = true;
    button.classList.add('ui-state-disabled');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'Faces-Request': 'partial/ajax', 'X-Requested-With': 'XMLHttpRequest' },
      body: data.toString()
    }).then(function (response) {
      return response.text().then(function (text) { return { type: response.headers.get('Content-Type') || '', text: text }; });
    }).then(function (r) {
      if (r.type.indexOf('xml') < 0) { document.open(); document.write(r.text); document.close(); return; }
      applyPartial(r.text);
    }).catch(function () {
      button.disabled = false;
      button.classList.remove('ui-state-disabled');
    });
  }
  document.addEventListener('click', function (event) {
    var button = closest(event.target, 'button[data-ajax]');
    if (button && button.form) { event.preventDefault(); submitAjax(button); return; }
    var key = closest(event.target, 'button[data-key], button[data-key-action]');
    if (key) { event.preventDefault(); pressKey(key); return; }
    var field = closest(event.target, 'input[data-keypad]');
    if (field) selectKeypadTarget(field);
  });

  // Virtual keypad: the inputs are readonly; keys set .value by script and fire no keyboard events.
  function keypadFields(pad) {
    var ids = (pad.getAttribute('data-keypad-for') || '').split(' ');
    var list = [];
    for (var i = 0; i < ids.length; i++) { var el = document.getElementById(ids[i]); if (el) list.push(el); }
    return list;
  }
  function selectKeypadTarget(field) {
    var all = document.querySelectorAll('input[data-keypad]');
    for (var i = 0; i < all.length; i++) all[i].classList.remove('ui-state-focus');
    field.classList.add('ui-state-focus');
    field.setAttribute('data-keypad-active', 'true');
    for (var j = 0; j < all.length; j++) if (all[j] !== field) all[j].removeAttribute('data-keypad-active');
  }
  function pressKey(key) {
    var pad = closest(key, '[data-keypad-for]');
    if (!pad) return;
    var fields = keypadFields(pad);
    var target = null;
    for (var i = 0; i < fields.length; i++) if (fields[i].getAttribute('data-keypad-active') === 'true') target = fields[i];
    if (!target) { target = fields[0]; if (target) selectKeypadTarget(target); }
    if (!target) return;
    var action = key.getAttribute('data-key-action');
    if (action === 'back') target.value = target.value.slice(0, -1);
    else if (action === 'clear') target.value = '';
    else if (action === 'shift') {
      pad.classList.toggle('mayusculas');
      var letters = pad.querySelectorAll('button[data-key]');
      for (var k = 0; k < letters.length; k++) {
        var c = letters[k].getAttribute('data-key');
        var next = pad.classList.contains('mayusculas') ? c.toUpperCase() : c.toLowerCase();
        letters[k].setAttribute('data-key', next);
        letters[k].textContent = next;
      }
    } else {
      var max = Number(target.getAttribute('maxlength') || '15');
      if (target.value.length < max) target.value += key.getAttribute('data-key');
    }
  }

  // mm:ss countdowns rendered by the server with the seconds left.
  function pad2(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var items = document.querySelectorAll('[data-countdown-seconds]');
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      if (!el.getAttribute('data-deadline')) el.setAttribute('data-deadline', String(Date.now() + Number(el.getAttribute('data-countdown-seconds')) * 1000));
      var left = Math.max(0, Math.round((Number(el.getAttribute('data-deadline')) - Date.now()) / 1000));
      el.textContent = pad2(Math.floor(left / 60)) + ':' + pad2(left % 60);
    }
  }
  function initWidgets() { tick(); }
  setInterval(tick, 1000);

  // reCAPTCHA stand-in, parent side: the cross-origin frame posts its state; we fill or clear the textarea.
  window.addEventListener('message', function (event) {
    var widgets = document.querySelectorAll('.g-recaptcha');
    for (var i = 0; i < widgets.length; i++) {
      var frame = widgets[i].querySelector('iframe');
      if (!frame || event.source !== frame.contentWindow) continue;
      if (frame.src.indexOf(event.origin + '/') !== 0) return;
      var data = event.data || {};
      if (data.type !== 'sim-recaptcha') return;
      var response = widgets[i].querySelector('textarea[name="g-recaptcha-response"]');
      if (response) response.value = data.state === 'verified' ? String(data.token || '') : '';
    }
  });
  initWidgets();
})();
`;
