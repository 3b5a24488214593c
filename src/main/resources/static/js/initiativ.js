// Initiativ's citizen pages work without JavaScript; this only switches on dkfds' components.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }
});
