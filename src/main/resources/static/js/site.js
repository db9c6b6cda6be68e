// Small progressive enhancements; every page works without them.
(function () {
  var params = new URLSearchParams(window.location.search);
  document.querySelectorAll('[data-show-when]').forEach(function (el) {
    if (params.has(el.getAttribute('data-show-when'))) { el.hidden = false; }
  });
})();
