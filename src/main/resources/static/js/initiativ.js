// Initiativ's citizen pages work without JavaScript; this only switches on dkfds' components and adds
// small conveniences on top.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }

  // the public form: after a refused post, move focus to the summary of what to correct
  var summary = document.getElementById('error-summary') || document.getElementById('rate-limited')
    || document.getElementById('form-notice');
  if (summary) {
    summary.focus();
  }

  // one click sends once: the button is disabled while the post is under way (the server's one-time form
  // key is what really prevents a second case); a page restored from the back/forward cache gets it back
  var form = document.getElementById('submission-form');
  if (form) {
    form.addEventListener('submit', function () {
      var button = document.getElementById('submit-initiative');
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
    window.addEventListener('pageshow', function () {
      var button = document.getElementById('submit-initiative');
      if (button) {
        button.disabled = false;
      }
    });
  }

  // the receipt: copy the private tracking link
  document.querySelectorAll('.js-copy-link').forEach(function (button) {
    var link = document.getElementById(button.getAttribute('data-copy-target'));
    if (!link || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(link.href).then(function () {
        var status = button.parentNode.querySelector('.copy-status');
        if (status) {
          status.textContent = ' ' + button.getAttribute('data-copied-text');
        }
      });
    });
  });
});
