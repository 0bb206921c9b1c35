// Stars on the agenda and session pages, and "My schedule" without an account.
// Signed-in people's stars are kept on the server (this script asks for them and toggles
// them); everyone else's are kept in this browser (localStorage). Pages work without it: the
// star buttons stay hidden and the session page keeps its form for signed-in people.
(function () {
  "use strict";
  var root = document.querySelector("[data-stars-root]");
  if (!root) return;
  var signedIn = root.getAttribute("data-signed-in") === "1";
  var key = "openigf:stars:" + root.getAttribute("data-edition");
  var stars = [];

  function local() {
    try { return (JSON.parse(window.localStorage.getItem(key) || "[]") || []).map(String); }
    catch (e) { return []; }
  }
  function keep(ids) {
    try { window.localStorage.setItem(key, JSON.stringify(ids)); } catch (e) { /* private mode */ }
  }
  function csrf() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; }
    catch (e) { return ""; }
  }
  function starUrl(id) {
    return root.getAttribute("data-star-template").replace(/\/0\/star\/$/, "/" + id + "/star/");
  }

  // The agenda names each session once (data-session); its star button is made here, so
  // that the page stays small for those who never star.
  function addButtons() {
    var template = document.getElementById("star-button");
    if (!template) return;
    root.querySelectorAll("[data-session]").forEach(function (item) {
      if (item.querySelector("button[data-star]")) return;
      var button = template.content.firstElementChild.cloneNode(true);
      var link = item.querySelector("a");
      button.setAttribute("data-star", item.getAttribute("data-session"));
      button.querySelector(".visually-hidden").textContent = ": " + (link ? link.textContent : "");
      item.appendChild(button);
    });
  }

  function show() {
    document.querySelectorAll("button[data-star]").forEach(function (button) {
      if (signedIn && button.hasAttribute("data-anonymous-only")) return;
      var on = stars.indexOf(button.getAttribute("data-star")) >= 0;
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.querySelector(".star-add").hidden = on;
      button.querySelector(".star-remove").hidden = !on;
    });
    if (!signedIn) {
      document.querySelectorAll("[data-star-hint]").forEach(function (el) { el.hidden = false; });
    }
    mine();
  }

  // "My schedule" of a browser: only the starred sessions, their count, their downloads.
  function mine() {
    var list = document.querySelector("[data-browser-list]");
    if (!list) return;
    var shown = 0;
    list.querySelectorAll("[data-session]").forEach(function (item) {
      var on = stars.indexOf(item.getAttribute("data-session")) >= 0;
      item.hidden = !on;
      if (on) shown += 1;
    });
    list.querySelectorAll(".agenda-day").forEach(function (day) {
      day.hidden = !day.querySelector("[data-session]:not([hidden])");
    });
    list.hidden = shown === 0;
    var empty = document.querySelector("[data-browser-empty]");
    if (empty) empty.hidden = shown > 0;
    var count = document.querySelector("[data-count]");
    if (count) {
      var text = count.getAttribute(shown === 1 ? "data-one" : "data-many") || "";
      count.textContent = text.replace(/\d+/, String(shown));
    }
    document.querySelectorAll("[data-mine-downloads] a").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), window.location.href);
      url.searchParams.set("sessions", stars.join(","));
      a.setAttribute("href", url.pathname + url.search);
    });
  }

  function toggle(button) {
    var id = button.getAttribute("data-star");
    var on = stars.indexOf(id) >= 0;
    if (!signedIn) {
      stars = on ? stars.filter(function (s) { return s !== id; }) : stars.concat([id]);
      keep(stars);
      show();
      return;
    }
    fetch(starUrl(id), {method: "POST", credentials: "same-origin",
                        headers: {"X-CSRFToken": csrf(), "Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        stars = stars.filter(function (s) { return s !== id; });
        if (data.starred) stars.push(id);
        show();
      });
  }

  addButtons();
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-star]");
    if (button && root.contains(button)) toggle(button);
  });

  if (signedIn) {
    fetch(root.getAttribute("data-stars-url"), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {stars: []}; })
      .then(function (data) { stars = (data.stars || []).map(String); show(); });
  } else {
    stars = local();
    show();
  }
})();
