// Small progressive enhancements; every page works without them.
(function () {
  var params = new URLSearchParams(window.location.search);
  document.querySelectorAll('[data-show-when]').forEach(function (el) {
    if (params.has(el.getAttribute('data-show-when'))) { el.hidden = false; }
  });
})();
// Shows the receipt of a vote just cast, so the voter can keep it and check later that it was counted.
(function () {
  var receipt = new URLSearchParams(window.location.search).get('receipt');
  var holder = document.getElementById('receipt');
  if (receipt && holder) { holder.textContent = receipt; }
})();
// The live meeting page refreshes itself; it waits while the voter is choosing whom a vote is cast for.
document.addEventListener('htmx:beforeSwap', function (e) {
  var active = document.activeElement;
  if (e.detail.target && e.detail.target.id === 'live' && active && active.tagName === 'SELECT'
      && e.detail.target.contains(active)) {
    e.detail.shouldSwap = false;
  }
});
