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
