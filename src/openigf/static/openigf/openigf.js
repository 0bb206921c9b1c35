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

// Times are shown in the edition's zone; where the viewer's own zone differs at that moment,
// their own time is added beside it ("10:00 CET (16:00 GMT+7, your time)").
(function () {
  "use strict";
  function offsetOf(iso) {
    var m = /([+-])(\d\d):(\d\d)$/.exec(iso);
    if (!m) return /Z$/.test(iso) ? 0 : null;
    return (m[1] === "-" ? -1 : 1) * (parseInt(m[2], 10) * 60 + parseInt(m[3], 10));
  }
  function mark(root) {
    var lang = document.documentElement.lang || undefined;
    (root || document).querySelectorAll("time[data-when]:not([data-viewer])").forEach(function (el) {
      el.setAttribute("data-viewer", "1");
      var iso = el.getAttribute("datetime"), start = new Date(iso);
      var shown = offsetOf(iso);
      if (isNaN(start.getTime()) || shown === null) return;
      if (-start.getTimezoneOffset() === shown) return;
      var fmt, parts = [];
      try {
        fmt = new Intl.DateTimeFormat(lang, {weekday: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short"});
        parts.push(fmt.format(start));
        var until = el.getAttribute("data-until");
        if (until) {
          parts.push(new Intl.DateTimeFormat(lang, {hour: "2-digit", minute: "2-digit"}).format(new Date(until)));
        }
      } catch (e) { return; }
      var span = document.createElement("span");
      span.className = "viewer-time";
      span.textContent = " (" + parts.join("–") + ", " + (el.getAttribute("data-yours") || "") + ")";
      el.insertAdjacentElement("afterend", span);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { mark(document); });
  document.addEventListener("htmx:afterSettle", function (event) { mark(event.target); });
})();

// On a phone the header's tools and sections fold behind a "Menu" disclosure button; without
// JavaScript they stay shown as on a wide screen.
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var toggle = header && header.querySelector(".menu-toggle");
  if (!toggle) return;
  function set(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  }
  toggle.hidden = false;
  header.classList.add("menu-ready");
  toggle.addEventListener("click", function () {
    set(toggle.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true" &&
        toggle.offsetParent !== null) {
      set(false);
      toggle.focus();
    }
  });
})();
