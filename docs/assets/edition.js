/* Conveniences on top of a page that works without JavaScript:
   open the note a link points to, light up a quote and its note together,
   and keep the paragraph when switching language. */
(function () {
  "use strict";

  function noteFor(id) {
    var element = id && document.getElementById(id);
    return element && element.classList.contains("ed-note") ? element : null;
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var note = noteFor(id);
    if (note) note.open = true;
  }

  function setActive(id, on) {
    var note = noteFor(id);
    if (note) note.classList.toggle("ed-active", on);
    document.querySelectorAll('.ed-q[data-note="' + id + '"]').forEach(function (quote) {
      quote.classList.toggle("ed-active", on);
    });
  }

  function bindHighlights() {
    document.querySelectorAll(".ed-q, .ed-note").forEach(function (element) {
      var id = element.dataset.note || element.id;
      ["mouseenter", "focusin"].forEach(function (type) {
        element.addEventListener(type, function () { setActive(id, true); });
      });
      ["mouseleave", "focusout"].forEach(function (type) {
        element.addEventListener(type, function () { setActive(id, false); });
      });
    });
  }

  /* The language switch links to the same page: carry the paragraph and the reading options,
     and go there directly (Material's own handler would look them up in a sitemap). */
  function keepPlaceOnLanguageSwitch() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button) return;
      var url = new URL(link.href, location.href);
      url.search = location.search;
      url.hash = location.hash;
      event.preventDefault();
      event.stopPropagation();
      location.assign(url.toString());
    }, true);
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".ed details").forEach(function (details) { details.open = true; });
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
  bindHighlights();
  keepPlaceOnLanguageSwitch();
})();
