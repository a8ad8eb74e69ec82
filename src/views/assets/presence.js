// "Also open by: …" kept fresh on a newsroom article screen (progressive enhancement: the server
// renders the list without it). Any page with an element carrying data-presence-url (see
// AlsoOpen in views/pages/admin-revisions.tsx) and a form with the session's _csrf field gets a
// heartbeat: POST {} to that URL every 20 s (at once on load, paused while the tab is hidden)
// with the token in x-csrf-token; the answer { others: [{ name, since, sinceText }] } replaces
// the list. Loaded from our origin only (the CSP allows no inline script).
/* global document, window */
(function () {
  'use strict';
  var list = document.querySelector('[data-presence-url]');
  var tokenField = document.querySelector('input[name="_csrf"]');
  if (!list || !tokenField || !window.fetch) return;
  var url = list.getAttribute('data-presence-url');
  var label = list.getAttribute('data-presence-label') || '';
  var EVERY = 20000;
  var timer = null;

  function render(others) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!others.length) {
      list.hidden = true;
      return;
    }
    var head = document.createElement('span');
    head.className = 'story-presence-label';
    head.textContent = label;
    list.appendChild(head);
    list.appendChild(document.createTextNode(' '));
    others.forEach(function (other, i) {
      if (i > 0) list.appendChild(document.createTextNode(', '));
      var name = document.createElement('bdi');
      name.textContent = String(other.name);
      var since = document.createElement('time');
      since.setAttribute('datetime', String(other.since));
      since.textContent = String(other.sinceText || other.since);
      list.appendChild(name);
      list.appendChild(document.createTextNode(' ('));
      list.appendChild(since);
      list.appendChild(document.createTextNode(')'));
    });
    list.hidden = false;
  }

  function beat() {
    timer = null;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': tokenField.value },
      body: '{}',
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && Array.isArray(data.others)) render(data.others);
      })
      .catch(function () {
        // Offline or signed out: the list keeps what it showed; the next beat tries again.
      })
      .then(schedule);
  }

  function schedule() {
    if (timer === null && !document.hidden) timer = setTimeout(beat, EVERY);
  }

  document.addEventListener('visibilitychange', function () {
    if (document.hidden && timer !== null) {
      clearTimeout(timer);
      timer = null;
    } else if (!document.hidden && timer === null) beat();
  });
  beat();
})();
