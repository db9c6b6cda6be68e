// Turns the plain body textarea into a Quill rich-text editor; without JavaScript the textarea still works.
(function () {
  var holder = document.getElementById('editor');
  if (!holder || typeof Quill === 'undefined') { return; }
  var textarea = document.getElementById(holder.getAttribute('data-target'));
  var quill = new Quill(holder, {
    theme: 'snow',
    modules: { toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['link', 'blockquote'], ['clean']] }
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value);
  textarea.hidden = true;
  textarea.form.addEventListener('submit', function () {
    textarea.value = quill.root.innerHTML;
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); } });
  });
})();
