/* Conveniences on top of a page that works without JavaScript: reading modes and note
   filters kept in the URL, copy buttons, today's date in citations, the note a link points
   to opened, a quote and its note lit up together, and the place kept across languages. */
(function () {
  "use strict";

  var edition = document.querySelector(".ed");

  function noteFor(id) {
    var element = id && document.getElementById(id);
    return element && element.classList.contains("ed-note") ? element : null;
  }

  function openTarget() {
    var note = noteFor(decodeURIComponent(location.hash.slice(1)));
    if (note) note.open = true;
  }

  function setActive(id, on) {
    var note = noteFor(id);
    if (note) note.classList.toggle("ed-active", on);
    document.querySelectorAll('.ed-q[data-note="' + id + '"]').forEach(function (quote) {
      quote.classList.toggle("ed-active", on);
    });
  }

  /* One listener for the whole edition: cheap at load, whatever the number of notes. */
  function bindHighlights() {
    if (!edition) return;
    function handler(on) {
      return function (event) {
        var element = event.target.closest && event.target.closest(".ed-q, .ed-note");
        if (!element) return;
        var related = event.relatedTarget;
        if (related && element.contains(related)) return;
        setActive(element.dataset.note || element.id, on);
      };
    }
    edition.addEventListener("mouseover", handler(true));
    edition.addEventListener("mouseout", handler(false));
    edition.addEventListener("focusin", handler(true));
    edition.addEventListener("focusout", handler(false));
  }

  /* Reading modes (?show=fr|en) and note filters (?notes=fact-check,definition) live in the URL. */
  function readOptions() {
    var params = new URLSearchParams(location.search);
    var kinds = params.has("notes") ? params.get("notes").split(",").filter(Boolean) : null;
    return { show: params.get("show") || "both", kinds: kinds };
  }

  function applyOptions(options) {
    if (!edition) return;
    var form = edition.querySelector(".ed-controls");
    var all = Array.prototype.map.call(form.querySelectorAll('input[name="notes"]'), function (box) { return box.value; });
    var kinds = options.kinds || all;
    edition.dataset.show = ["both", "fr", "en"].indexOf(options.show) >= 0 ? options.show : "both";
    form.querySelectorAll('input[name="show"]').forEach(function (radio) { radio.checked = radio.value === edition.dataset.show; });
    form.querySelectorAll('input[name="notes"]').forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
    edition.querySelectorAll("[data-kind]").forEach(function (element) {
      element.classList.toggle("ed-filtered", kinds.indexOf(element.dataset.kind) < 0);
    });
    /* The other language's text is inside a <details>: open it when it is the only text shown. */
    edition.querySelectorAll(".ed-alt").forEach(function (alt) {
      if (edition.dataset.show === alt.lang) alt.open = true;
    });
  }

  function writeOptions() {
    var form = edition.querySelector(".ed-controls");
    var boxes = form.querySelectorAll('input[name="notes"]');
    var kinds = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).map(function (box) { return box.value; });
    var show = form.querySelector('input[name="show"]:checked').value;
    var params = new URLSearchParams(location.search);
    if (show === "both") params.delete("show"); else params.set("show", show);
    if (kinds.length === boxes.length) params.delete("notes"); else params.set("notes", kinds.join(","));
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    applyOptions(readOptions());
  }

  function bindControls() {
    if (!edition) return;
    var form = edition.querySelector(".ed-controls");
    form.addEventListener("change", writeOptions);
    form.querySelector(".ed-print").addEventListener("click", function () { window.print(); });
    if (location.search) applyOptions(readOptions()); /* the page as built is the default view */
  }

  /* Copy buttons, announced to screen readers through a polite live region. */
  function announce(message) {
    var status = document.querySelector("[data-ed-status]");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copy(text, message) {
    var done = function () { announce(message); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (error) { /* nothing more to try */ }
    area.remove();
  }

  function bindCopyButtons() {
    if (!edition) return;
    edition.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.copyLink !== undefined) {
        var url = new URL(location.href);
        url.hash = button.dataset.copyLink;
        copy(url.toString(), edition.dataset.copiedLink);
      } else if (button.classList.contains("ed-copy-citation")) {
        var text = button.closest(".ed-cite-style").querySelector(".ed-cite-text").innerText.trim();
        copy(text, edition.dataset.copiedCitation);
      }
    });
  }

  /* Paragraph and note citations are loaded from citations.json when their panel opens. */
  var citations = null;

  function loadCitations() {
    if (!citations) {
      citations = fetch(edition.dataset.citations).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    return citations;
  }

  function fillCitation(panel, cite) {
    var later = panel.querySelector(".ed-cite-later");
    var body = later.parentNode;
    if (!body.querySelector(".ed-cite-intext")) {
      var intext = document.createElement("p");
      intext.className = "ed-cite-intext";
      intext.textContent = cite.in_text;
      body.insertBefore(intext, body.firstChild);
    }
    cite.styles.forEach(function (style) {
      var block = document.createElement("div");
      block.className = "ed-cite-style ed-cite-" + style.style;
      var label = document.createElement("p");
      label.className = "ed-cite-label";
      label.textContent = style.label + " ";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ed-copy-citation";
      button.textContent = edition.dataset.copyLabel;
      label.appendChild(button);
      var text = document.createElement("div");
      text.className = "ed-cite-text";
      text.innerHTML = style.html; /* built and escaped by the site's own build, not by contributors */
      block.appendChild(label);
      block.appendChild(text);
      body.insertBefore(block, later);
    });
    later.remove();
    fillAccessDates(panel);
  }

  function bindLazyCitations() {
    if (!edition) return;
    edition.addEventListener("toggle", function (event) {
      var panel = event.target;
      if (!panel.open || !panel.classList || !panel.classList.contains("ed-cite")) return;
      fillAccessDates(panel);
      var later = panel.querySelector(".ed-cite-later");
      if (!later || later.dataset.loading) return;
      later.dataset.loading = "yes";
      loadCitations().then(function (all) {
        fillCitation(panel, all[later.dataset.cite]);
      }, function () {
        delete later.dataset.loading;
      });
    }, true);
  }

  /* The access date of a citation is the reader's today. */
  function fillAccessDates(scope) {
    if (!edition) return;
    var today = new Date();
    var long = edition.dataset.months.split("|");
    var short = edition.dataset.shortMonths.split("|");
    var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
    (scope || edition).querySelectorAll(".ed-accessed").forEach(function (element) {
      var format = element.dataset.format;
      if (format === "iso") element.textContent = iso;
      else element.textContent = today.getDate() + " " + (format === "mla" ? short : long)[today.getMonth()] + " " + today.getFullYear();
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

  /* The colour-scheme toggle (see overrides/partials/javascripts/palette.html). */
  function bindPalette() {
    var palette = window.__edPalette;
    if (!palette) return;
    palette.inputs.forEach(function (input, index) {
      input.addEventListener("change", function () { palette.choose(index, true); });
    });
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".ed-note, .ed-alt").forEach(function (details) { details.open = true; });
  });
  window.addEventListener("hashchange", openTarget);
  openTarget();
  bindHighlights();
  bindControls();
  bindCopyButtons();
  bindLazyCitations();
  keepPlaceOnLanguageSwitch();
  bindPalette();
})();
