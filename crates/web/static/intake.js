// Komek intake form: shows the known people a caller may be while the operator types, and
// the referral directory's answer as the operator chooses a service and a region.
// Progressive enhancement only: without this script, Enter (the Find button) does the same.
"use strict";
(function () {
  var form = document.querySelector("form.intake");
  var target = document.getElementById("candidates");
  if (!form || !target || !window.fetch) return;
  var fields = ["full_name", "phone", "document", "birth_year"];
  var timer = null;
  var last = "";
  function query() {
    var params = new URLSearchParams();
    params.set("csrf", form.elements["csrf"].value);
    fields.forEach(function (name) {
      var input = form.elements[name];
      if (input && input.value.trim()) params.set(name, input.value.trim());
    });
    var chosen = form.querySelector("input[name=person]:checked");
    if (chosen) params.set("person", chosen.value);
    return params.toString();
  }
  function refresh() {
    var q = query();
    if (q === last) return;
    last = q;
    // POST, so that what the caller said never goes into a URL or a log.
    fetch("/hotline/candidates", {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "text/html", "Content-Type": "application/x-www-form-urlencoded" },
      body: q
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && q === last) target.innerHTML = html; })
      .catch(function () { /* offline or signed out: the Find button still works */ });
  }
  fields.forEach(function (name) {
    var input = form.elements[name];
    if (!input) return;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 350);
    });
  });

  // The referral directory: its answer replaces itself as the operator chooses.
  var directory = document.getElementById("directory-results");
  var asks = ["dir_service", "dir_region", "dir_name"];
  var dirTimer = null;
  var dirLast = "";
  function lookUp() {
    var params = new URLSearchParams();
    params.set("csrf", form.elements["csrf"].value);
    asks.forEach(function (name) {
      var input = form.elements[name];
      if (input && input.value.trim()) params.set(name, input.value.trim());
    });
    var q = params.toString();
    if (q === dirLast) return;
    dirLast = q;
    fetch("/hotline/directory", {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "text/html", "Content-Type": "application/x-www-form-urlencoded" },
      body: q
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null && q === dirLast) directory.innerHTML = html; })
      .catch(function () { /* the Find button still works */ });
  }
  if (directory) {
    asks.forEach(function (name) {
      var input = form.elements[name];
      if (!input) return;
      input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () {
        clearTimeout(dirTimer);
        dirTimer = setTimeout(lookUp, 250);
      });
      // Enter in the directory asks the directory, not the caller's look-up.
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        clearTimeout(dirTimer);
        lookUp();
      });
    });
  }
})();
