/* Conveniences on top of a page that works without JavaScript: note cards placed level with
   their words and opened in place, reading modes and note filters kept in the URL, copy
   buttons, today's date in citations, sources' excerpts loaded when asked, a quote and its note
   lit up together, and the place kept across languages. */
(function () {
  "use strict";

  var edition = document.querySelector(".ed");

  function noteFor(id) {
    var element = id && document.getElementById(id);
    return element && element.classList.contains("ed-note") ? element : null;
  }

  /* ---- Cards in the margin --------------------------------------------------------
     From 48em, each note is a card beside the line that holds its words. Cards are placed
     in reading order; when two would overlap, the later one moves down. A card being opened
     keeps its place beside its words, and the cards above it move up to make room. */
  var body = edition && edition.querySelector(".ed-body");
  var wide = window.matchMedia("(min-width: 48em)");
  var GAP = 6;
  var focusNote = null;
  var scheduled = false;

  function visible(element) {
    return element.getClientRects().length > 0;
  }

  function anchorFor(note) {
    var links = edition.querySelectorAll('.ed-text [data-note="' + note.id + '"]');
    for (var i = 0; i < links.length; i++) if (visible(links[i])) return links[i];
    return null;
  }

  function placeCards() {
    scheduled = false;
    if (!body) return;
    var placed = wide.matches && !edition.classList.contains("ed-study");
    body.classList.toggle("ed-placed", placed);
    if (!placed) {
      body.style.minHeight = "";
      edition.querySelectorAll(".ed-note").forEach(function (note) { note.style.top = ""; });
      return;
    }
    var origin = body.getBoundingClientRect().top;
    var cards = [];
    edition.querySelectorAll(".ed-note").forEach(function (note) {
      var anchor = visible(note) && anchorFor(note);
      if (!anchor) return;
      cards.push({ note: note, want: anchor.getClientRects()[0].top - origin, height: note.offsetHeight });
    });
    var focus = -1;
    cards.forEach(function (card, index) { if (card.note === focusNote && card.note.open) focus = index; });
    var bottom = stack(cards, focus);
    cards.forEach(function (card) { card.note.style.top = Math.round(card.top) + "px"; });
    var height = Math.ceil(bottom) + "px";
    if (body.style.minHeight !== height) body.style.minHeight = height;
  }

  /* Tops for cards wanting to be at `want`: the open card `focus` (if any) where it wants,
     the cards before it moved up as needed, the ones after it moved down. Returns the bottom. */
  function stack(cards, focus) {
    var i;
    if (focus >= 0) {
      cards[focus].top = cards[focus].want;
      for (i = focus - 1; i >= 0; i--) {
        cards[i].top = Math.min(cards[i].want, cards[i + 1].top - cards[i].height - GAP);
      }
      if (focus > 0 && cards[0].top < 0) focus = -1; /* no room above: reading order decides */
    }
    for (i = focus + 1; i < cards.length; i++) {
      var floor = i ? cards[i - 1].top + cards[i - 1].height + GAP : 0;
      cards[i].top = Math.max(cards[i].want, floor);
    }
    return cards.reduce(function (bottom, card) { return Math.max(bottom, card.top + card.height); }, 0);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(placeCards);
  }

  function setOpen(note, open) {
    focusNote = note;
    /* In the margin, one note at a time is open beside its words. */
    if (open && body.classList.contains("ed-placed")) {
      edition.querySelectorAll(".ed-note[open]").forEach(function (other) {
        if (other !== note) other.open = false;
      });
    }
    note.open = open; /* the toggle event marks its highlights */
    placeCards();
  }

  function openTarget() {
    /* Whatever a reader types after # must not stop the page: a malformed escape names no note. */
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (malformed) {
      return;
    }
    var note = noteFor(id);
    if (!note) return;
    setOpen(note, true);
    var anchor = anchorFor(note);
    if (anchor && wide.matches) anchor.scrollIntoView({ block: "center" });
  }

  /* A highlight opens its note in place (and closes it again); Escape closes the note. */
  function bindCards() {
    if (!edition) return;
    edition.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.ed-q, a.ed-ref-end");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button) return;
      var note = noteFor(link.dataset.note);
      if (!note) return;
      event.preventDefault();
      var open = !note.open;
      setOpen(note, open);
      history.replaceState(null, "", location.pathname + location.search + (open ? "#" + note.id : ""));
      if (open && !wide.matches) note.scrollIntoView({ block: "nearest" });
      if (open) note.querySelector("summary").focus({ preventScroll: true });
    });
    edition.addEventListener("toggle", function (event) {
      var note = event.target;
      if (!note.classList || !note.classList.contains("ed-note")) { schedule(); return; }
      focusNote = note;
      edition.querySelectorAll('.ed-q[data-note="' + note.id + '"]').forEach(function (quote) {
        quote.classList.toggle("ed-open", note.open);
      });
      schedule();
    }, true);
    edition.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var element = event.target.closest && event.target.closest(".ed-note, .ed-q, .ed-ref-end");
      if (!element) return;
      var note = element.classList.contains("ed-note") ? element : noteFor(element.dataset.note);
      if (!note || !note.open || edition.classList.contains("ed-study")) return;
      setOpen(note, false);
      var anchor = anchorFor(note);
      if (anchor) anchor.focus({ preventScroll: true });
    });
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(schedule);
      observer.observe(body);
      edition.querySelectorAll(".ed-note").forEach(function (note) { observer.observe(note); });
    }
    wide.addEventListener("change", schedule);
    window.addEventListener("resize", schedule);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(schedule);
  }

  /* "Open all notes" (and ?notes=open): the study view, every note open beside its paragraph. */
  function setStudy(on) {
    edition.classList.toggle("ed-study", on);
    edition.querySelectorAll(".ed-note").forEach(function (note) { note.open = on; });
    var button = edition.querySelector(".ed-open-all");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? button.dataset.close : button.dataset.open;
    placeCards();
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

  /* Reading modes (?show=<language>) and note filters (?notes=fact-check,definition) live in the URL. */
  function readOptions() {
    var params = new URLSearchParams(location.search);
    var listed = params.has("notes") ? params.get("notes").split(",").filter(Boolean) : [];
    var kinds = listed.filter(function (kind) { return kind !== "open"; });
    return { show: params.get("show") || "both", kinds: kinds.length ? kinds : null, study: listed.indexOf("open") >= 0 };
  }

  function applyOptions(options) {
    if (!edition) return;
    var form = edition.querySelector(".ed-controls");
    var all = Array.prototype.map.call(form.querySelectorAll('input[name="notes"]'), function (box) { return box.value; });
    var kinds = options.kinds || all;
    var modes = Array.prototype.map.call(form.querySelectorAll('input[name="show"]'), function (radio) { return radio.value; });
    edition.dataset.show = modes.indexOf(options.show) > 0 ? options.show : "both";
    form.querySelectorAll('input[name="show"]').forEach(function (radio) { radio.checked = radio.value === edition.dataset.show; });
    /* Which of the paragraph's two texts is shown alone: the page's language (main) or the other (alt). */
    if (edition.dataset.show === "both") delete edition.dataset.only;
    else edition.dataset.only = edition.dataset.show === edition.dataset.lang ? "main" : "alt";
    form.querySelectorAll('input[name="notes"]').forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
    edition.querySelectorAll("[data-kind]").forEach(function (element) {
      element.classList.toggle("ed-filtered", kinds.indexOf(element.dataset.kind) < 0);
    });
    /* The other language's text is inside a <details>: open it when it is the only text shown. */
    edition.querySelectorAll(".ed-alt").forEach(function (alt) {
      if (edition.dataset.show === alt.lang) alt.open = true;
    });
    if (options.study !== edition.classList.contains("ed-study")) setStudy(options.study);
    else placeCards();
  }

  function writeOptions() {
    var form = edition.querySelector(".ed-controls");
    var boxes = form.querySelectorAll('input[name="notes"]');
    var kinds = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).map(function (box) { return box.value; });
    var checked = form.querySelector('input[name="show"]:checked');
    var show = checked ? checked.value : "both";
    var params = new URLSearchParams(location.search);
    if (show === "both") params.delete("show"); else params.set("show", show);
    var listed = kinds.length === boxes.length ? [] : kinds;
    if (edition.classList.contains("ed-study")) listed = ["open"].concat(listed);
    if (listed.length) params.set("notes", listed.join(",")); else params.delete("notes");
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    applyOptions(readOptions());
  }

  function bindControls() {
    if (!edition) return;
    var form = edition.querySelector(".ed-controls");
    form.addEventListener("change", writeOptions);
    form.querySelector(".ed-open-all").addEventListener("click", function () {
      setStudy(!edition.classList.contains("ed-study"));
      writeOptions();
    });
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
  /* A JSON file fetched once, when first asked for (again after a failure). */
  function jsonOnce(url) {
    var promise = null;
    return function () {
      if (!promise) {
        promise = fetch(url).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
        promise.catch(function () { promise = null; });
      }
      return promise;
    };
  }

  var loadCitations = edition && jsonOnce(edition.dataset.citations);

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

  /* A source's excerpt ("what the source says") is loaded from excerpts.json when asked. */
  var loadExcerpts = edition && jsonOnce(edition.dataset.excerpts);

  function bindExcerpts() {
    if (!edition) return;
    edition.addEventListener("toggle", function (event) {
      var panel = event.target;
      if (!panel.open || !panel.classList || !panel.classList.contains("ed-excerpt")) return;
      var later = panel.querySelector(".ed-excerpt-later");
      if (!later || later.dataset.loading) return;
      later.dataset.loading = "yes";
      loadExcerpts().then(function (all) {
        var words = all[panel.dataset.excerpt];
        if (!words) return;
        var text = document.createElement("p");
        text.textContent = words; /* plain text: never parsed as markup */
        later.parentNode.insertBefore(text, later);
        later.classList.remove("ed-excerpt-later");
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

  /* The handout: paragraph range, kinds of notes and the other language from the URL
     (?from=3&to=8&notes=fact-check&with=en), and written back to it. */
  function bindHandout() {
    var handout = document.querySelector(".ed-handout");
    if (!handout) return;
    var form = handout.querySelector(".ed-h-controls");
    var size = Number(handout.dataset.size);

    function apply() {
      var params = new URLSearchParams(location.search);
      var from = Math.max(1, Math.min(size, Number(params.get("from")) || 1));
      var to = Math.max(from, Math.min(size, Number(params.get("to")) || size));
      var boxes = form.querySelectorAll('input[name="notes"]');
      var all = Array.prototype.map.call(boxes, function (box) { return box.value; });
      var kinds = params.has("notes") ? params.get("notes").split(",") : all;
      var other = params.get("with");
      form.elements.from.value = from;
      form.elements.to.value = to;
      boxes.forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
      form.querySelectorAll('input[name="with"]').forEach(function (box) { box.checked = box.value === other; });
      handout.querySelectorAll(".ed-h-par").forEach(function (paragraph) {
        var n = Number(paragraph.dataset.n);
        paragraph.classList.toggle("ed-filtered", n < from || n > to);
        paragraph.querySelectorAll(".ed-h-alt").forEach(function (alt) { alt.hidden = alt.lang !== other; });
      });
      handout.querySelectorAll("[data-kind]").forEach(function (element) {
        var n = Number(element.dataset.paragraph || element.closest(".ed-h-par").dataset.n);
        element.classList.toggle("ed-filtered", kinds.indexOf(element.dataset.kind) < 0 || n < from || n > to);
      });
    }

    form.addEventListener("change", function () {
      var params = new URLSearchParams();
      var from = Number(form.elements.from.value), to = Number(form.elements.to.value);
      if (from > 1) params.set("from", from);
      if (to < size) params.set("to", to);
      var boxes = form.querySelectorAll('input[name="notes"]');
      var kinds = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).map(function (box) { return box.value; });
      if (kinds.length < boxes.length) params.set("notes", kinds.join(","));
      var other = form.querySelector('input[name="with"]:checked');
      if (other) params.set("with", other.value);
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      apply();
    });
    apply();
  }

  document.querySelectorAll(".ed-print").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".ed-note, .ed-alt").forEach(function (details) { details.open = true; });
  });
  window.addEventListener("hashchange", openTarget);
  bindCards();
  bindHighlights();
  bindControls();
  placeCards();
  openTarget();
  bindExcerpts();
  bindHandout();
  bindCopyButtons();
  bindLazyCitations();
  keepPlaceOnLanguageSwitch();
  bindPalette();
})();
