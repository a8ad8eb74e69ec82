// Keyboard moderation on the comment desk (the desk works without it): J and K move between
// comments, X selects the current one, and A, S, D, P press Approve, Spam, Trash or Back to
// pending for the selected comments — or, with nothing selected, for the current one. Keys are
// ignored while typing in a field or with a modifier held. Loaded from our origin only (CSP).
/* global document */
(function () {
  'use strict';
  var list = document.querySelector('.desk-list');
  if (!list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll('.desk-comment'));
  if (!items.length) return;
  var hint = list.querySelector('.desk-shortcuts');
  if (hint) hint.hidden = false;
  var current = -1;

  items.forEach(function (item) { item.setAttribute('tabindex', '-1'); });

  function focus(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle('desk-current', i === current); });
    items[current].focus();
  }

  function box(item) {
    return item.querySelector('input[type="checkbox"][name="ids"]');
  }

  function press(key) {
    var button = list.querySelector('.desk-actions button[data-key="' + key + '"]');
    if (!button) return;
    var anySelected = items.some(function (item) { return box(item).checked; });
    if (!anySelected) {
      if (current < 0) return;
      box(items[current]).checked = true;
    }
    button.click();
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' && target.type !== 'checkbox') return;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable)) return;
    var key = event.key.toLowerCase();
    if (key === 'j') focus(current + 1);
    else if (key === 'k') focus(current < 0 ? 0 : current - 1);
    else if (key === 'x' && current >= 0) box(items[current]).checked = !box(items[current]).checked;
    else if (key === 'a' || key === 's' || key === 'd' || key === 'p') press(key);
    else return;
    event.preventDefault();
  });

  items.forEach(function (item, i) {
    item.addEventListener('focusin', function () {
      current = i;
      items.forEach(function (other, j) { other.classList.toggle('desk-current', j === i); });
    });
  });
})();
