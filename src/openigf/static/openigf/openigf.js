// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";
  // A form marked data-once cannot be sent twice by a double click.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-once]")) return;
    if (form.dataset.sending === "1") { event.preventDefault(); return; }
    form.dataset.sending = "1";
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
    // Allow a retry after a failed network round-trip (the page did not unload).
    setTimeout(function () { form.dataset.sending = ""; }, 8000);
  }, true);
})();
