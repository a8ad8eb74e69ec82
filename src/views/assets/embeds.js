// Click-to-load embeds on article pages (the cards work without it: their link opens the
// original). Nothing is requested from the provider until the reader presses the button; then the
// card's player (YouTube from youtube-nocookie.com) is framed in its place. The page's CSP allows
// frames from exactly the providers it embeds. Loaded from the site's origin only (no inline script).
/* global document */
(function () {
  'use strict';
  var cards = document.querySelectorAll('figure.embed-card[data-embed-src]');
  Array.prototype.forEach.call(cards, function (card) {
    var button = card.querySelector('.embed-load');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = card.getAttribute('data-embed-src');
      frame.title = card.getAttribute('data-embed-title') || '';
      frame.className = 'embed-frame';
      frame.setAttribute('allow', 'encrypted-media; fullscreen; picture-in-picture');
      frame.setAttribute('allowfullscreen', '');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
      var notice = card.querySelector('.embed-notice');
      if (notice) notice.parentNode.removeChild(notice);
      button.parentNode.removeChild(button);
      card.insertBefore(frame, card.querySelector('.embed-actions'));
      card.classList.add('embed-loaded');
      frame.focus();
    });
  });
})();
