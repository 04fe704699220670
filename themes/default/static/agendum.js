// Agendum's default theme: small progressive enhancements. Every page works without this file.

// "Print agenda" buttons: shown, and working, only where scripts run.
document.querySelectorAll("[data-print]").forEach(function (button) {
  var hidden = button.closest("[hidden]");
  if (hidden) {
    hidden.hidden = false;
  }
  button.addEventListener("click", function () {
    window.print();
  });
});
