// The upload form's preview (the form works without it): the chosen image is shown before it is
// sent, read in the browser into a data: URL (the CSP's img-src allows 'self' and data:, not
// blob:). Nothing leaves the browser until Upload is pressed.
/* global document, FileReader */
(function () {
  'use strict';
  var input = document.getElementById('media-file');
  var preview = document.getElementById('media-preview');
  if (!input || !preview || typeof FileReader === 'undefined') return;
  var image = document.createElement('img');
  image.alt = preview.getAttribute('data-alt') || '';
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file || !/^image\//.test(file.type)) {
      preview.hidden = true;
      if (image.parentNode) preview.removeChild(image);
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      if (typeof reader.result !== 'string' || reader.result.indexOf('data:image/') !== 0) return;
      image.src = reader.result;
      if (!image.parentNode) preview.appendChild(image);
      preview.hidden = false;
    };
    reader.readAsDataURL(file);
  });
})();
