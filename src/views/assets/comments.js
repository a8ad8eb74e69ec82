// Progressive enhancement of the comment form (the form works without it): a fresh form token
// when the reader starts typing (its own nonce and time, not the cached page's), posting in place
// as JSON with the errors shown beside each field, and Reply links that move the form under the
// comment. Loaded from the site's origin only (the CSP allows no inline script).
/* global document, window, history, DOMParser */
(function () {
  'use strict';
  var section = document.getElementById('comments');
  if (!section || !window.fetch) return;

  function formOf() {
    return document.getElementById('respond');
  }

  function refreshToken(form) {
    if (form.getAttribute('data-fresh') === '1' || !form.getAttribute('data-token-url')) return;
    form.setAttribute('data-fresh', '1');
    fetch(form.getAttribute('data-token-url'), { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.token) form.querySelector('input[name="token"]').value = data.token;
      })
      .catch(function () { form.removeAttribute('data-fresh'); });
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.field-error, .form-errors'), function (el) { el.parentNode.removeChild(el); });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
      el.parentNode.classList.remove('has-error');
    });
  }

  var FIELD_NAMES = { name: 'name', email: 'email', website: 'website', body: 'comment' };

  function showErrors(form, errors) {
    clearErrors(form);
    var first = null;
    var general = [];
    errors.forEach(function (e) {
      var input = e.field && FIELD_NAMES[e.field] ? form.querySelector('[name="' + FIELD_NAMES[e.field] + '"]') : null;
      if (!input) {
        general.push(e.message);
        return;
      }
      var span = document.createElement('span');
      span.className = 'field-error';
      span.id = input.id + '-error';
      span.textContent = e.message;
      input.parentNode.insertBefore(span, input);
      input.parentNode.classList.add('has-error');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', span.id);
      if (!first) first = input;
    });
    if (general.length) {
      var p = document.createElement('p');
      p.className = 'form-errors';
      p.setAttribute('role', 'alert');
      p.textContent = general.join(' ');
      form.insertBefore(p, form.querySelector('h2').nextSibling);
    }
    if (first) first.focus();
  }

  function replaceThread(url) {
    // The page as this reader now sees it (their own held comment included), swapped in place.
    // no-store: the browser's copy of the shared page (stale-while-revalidate) lacks this reader's comment.
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('comments');
        var current = document.getElementById('comments');
        if (!fresh || !current) {
          window.location.href = url;
          return;
        }
        current.parentNode.replaceChild(document.importNode(fresh, true), current);
        var anchor = url.split('#')[1];
        var target = anchor && document.getElementById(anchor);
        if (target) {
          target.setAttribute('tabindex', '-1');
          target.scrollIntoView({ block: 'center' });
          target.focus();
        }
        history.replaceState(null, '', url);
      });
  }

  document.addEventListener('focusin', function (event) {
    var form = event.target.closest && event.target.closest('.comment-form');
    if (form) refreshToken(form);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('comment-form')) return;
    event.preventDefault();
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === 'checkbox') {
        if (el.checked) data[el.name] = '1';
      } else data[el.name] = el.value;
    });
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(data) })
      .then(function (r) {
        return r.json().then(function (body) { return { status: r.status, body: body }; });
      })
      .then(function (result) {
        button.disabled = false;
        if (result.status === 201 || result.status === 200) return replaceThread(result.body.comment.url);
        showErrors(form, (result.body && result.body.errors) || []);
      })
      .catch(function () {
        // Anything unexpected: send the form the ordinary way.
        button.disabled = false;
        form.submit();
      });
  });

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.comment-reply');
    var form = formOf();
    if (!link || !form) return;
    event.preventDefault();
    var comment = link.closest('.comment');
    var parent = form.querySelector('input[name="parent"]');
    if (!parent) {
      parent = document.createElement('input');
      parent.type = 'hidden';
      parent.name = 'parent';
      form.appendChild(parent);
    }
    parent.value = link.getAttribute('data-reply-to');
    comment.parentNode.insertBefore(form, comment.nextSibling);
    form.querySelector('textarea').focus();
  });
})();
