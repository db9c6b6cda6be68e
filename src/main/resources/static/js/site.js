// Small progressive enhancements; every page works without them.
(function () {
  var params = new URLSearchParams(window.location.search);
  document.querySelectorAll('[data-show-when]').forEach(function (el) {
    if (params.has(el.getAttribute('data-show-when'))) { el.hidden = false; }
  });
})();
// The live meeting page refreshes itself; it waits while the voter is choosing whom a vote is cast for.
document.addEventListener('htmx:beforeSwap', function (e) {
  var active = document.activeElement;
  if (e.detail.target && e.detail.target.id === 'live' && active && active.tagName === 'SELECT'
      && e.detail.target.contains(active)) {
    e.detail.shouldSwap = false;
  }
});
