// Turns the plain body textarea into a Quill rich-text editor; without JavaScript the textarea still works.
(function () {
  var holder = document.getElementById('editor');
  if (!holder || typeof Quill === 'undefined') { return; }
  var textarea = document.getElementById(holder.getAttribute('data-target'));
  var quill = new Quill(holder, {
    theme: 'snow',
    modules: { toolbar: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['link', 'blockquote'], ['clean']] }
  });
  // Quill's toolbar buttons carry only icons: name each one (aria-label and tooltip) from the page's own labels
  var labels = {
    '.ql-header.ql-picker .ql-picker-label': 'heading',
    '.ql-header.ql-picker .ql-picker-item[data-value="2"]': 'heading2',
    '.ql-header.ql-picker .ql-picker-item[data-value="3"]': 'heading3',
    '.ql-header.ql-picker .ql-picker-item:not([data-value])': 'paragraph',
    'button.ql-bold': 'bold',
    'button.ql-italic': 'italic',
    'button.ql-underline': 'underline',
    'button.ql-list[value="ordered"]': 'ordered',
    'button.ql-list[value="bullet"]': 'bullet',
    'button.ql-link': 'link',
    'button.ql-blockquote': 'blockquote',
    'button.ql-clean': 'clean'
  };
  var toolbar = quill.getModule('toolbar').container;
  Object.keys(labels).forEach(function (selector) {
    var text = holder.getAttribute('data-label-' + labels[selector]);
    if (!text) { return; }
    toolbar.querySelectorAll(selector).forEach(function (el) {
      el.setAttribute('aria-label', text);
      el.setAttribute('title', text);
    });
  });
  // the heading picker shows its choices in the page's language (Quill's stylesheet writes Normal, Heading 2 in English):
  // the stylesheet reads them from these attributes (site.css)
  toolbar.querySelectorAll('.ql-header.ql-picker .ql-picker-label').forEach(function (el) {
    ['paragraph', 'heading2', 'heading3'].forEach(function (name) {
      var text = holder.getAttribute('data-label-' + name);
      if (text) { el.setAttribute('data-' + name, text); }
    });
  });
  quill.clipboard.dangerouslyPasteHTML(textarea.value);
  // Quill drops an empty alt: keep the images it shows marked decorative, as the saved HTML has them (axe: image-alt)
  var altless = function () {
    quill.root.querySelectorAll('img:not([alt])').forEach(function (img) { img.setAttribute('alt', ''); });
  };
  altless();
  quill.on('text-change', altless);
  textarea.hidden = true;
  textarea.form.addEventListener('submit', function () {
    textarea.value = quill.root.innerHTML;
  });
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); } });
  });
})();
