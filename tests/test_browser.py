"""What only a browser can show: layout at each width, keyboard, no JavaScript, accessibility."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

BROWSER = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
NOTES_ON_DISK = sorted((ROOT / "annotations" / "pcf-sommet-ia").glob("*.yml"))
ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
pytestmark = pytest.mark.browser

if not BROWSER.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: the browser tests cannot be skipped in CI")
    pytest.skip("headless Chromium is not installed (make browser)", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from pypdf import PdfReader  # noqa: E402

WIDE, PHONE = {"width": 1400, "height": 1000}, {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(BROWSER), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, server):
    contexts = []

    def opener(path="/", viewport=WIDE, javascript=True, scheme="light"):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        outside = []
        page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(server) else None)
        page.goto(server + path)
        page.outside_requests = outside
        return page

    yield opener
    for context in contexts:
        context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_wide_screen_has_three_tracks(open_page):
    page = open_page("/")
    main, alt, card = (box(page, f"#p3 {s}") for s in (".ed-main", ".ed-alt", ".ed-note"))
    assert main["x"] < alt["x"] < card["x"]
    assert abs(main["y"] - card["y"]) < 5  # the first card starts level with its words, on the first line
    assert page.locator("#p3 .ed-note > summary").first.is_visible()
    assert not page.locator("#p3 .ed-note .ed-note-body").first.is_visible()  # the text first: notes on demand
    assert page.locator("#p3 .ed-alt .ed-text").is_visible()
    assert page.outside_requests == []


def test_medium_width_has_margin_notes_and_a_toggle_under_the_text(open_page):
    page = open_page("/", viewport={"width": 1000, "height": 900})
    main, alt, notes = (box(page, f"#p1 {s}") for s in (".ed-main", ".ed-alt", ".ed-notes"))
    assert notes["x"] > main["x"] + main["width"]
    assert 0 <= alt["y"] - (main["y"] + main["height"]) < 20  # right under the paragraph, not under its notes
    assert not page.locator("#p1 .ed-alt .ed-text").is_visible()
    page.locator("#p1 .ed-alt summary").click()
    assert page.locator("#p1 .ed-alt .ed-text").is_visible()


def test_english_page_puts_english_first(open_page):
    page = open_page("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert box(page, "#p1 .ed-main")["x"] < box(page, "#p1 .ed-alt")["x"]
    assert page.locator("#p1 .ed-main").get_attribute("lang") == "en"
    assert page.locator("#p1 .ed-alt").get_attribute("lang") == "fr"


def test_phone_folds_notes_and_keyboard_opens_them(open_page):
    page = open_page("/", viewport=PHONE)
    note = page.locator("details.ed-note").first
    body = note.locator(".ed-note-body")
    assert not body.is_visible()
    assert box(page, "#p1 .ed-main")["width"] > 300  # one column
    summary = note.locator("> summary")
    for _ in range(200):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the first note cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    assert body.is_visible()
    assert note.evaluate("element => element.open")


def test_highlight_opens_its_note(open_page):
    page = open_page("/", viewport=PHONE)
    quote = page.locator("a.ed-q").first
    note_id = quote.get_attribute("data-note")
    quote.click()
    assert page.url.endswith("#" + note_id)
    assert page.locator(f"details#{note_id} .ed-note-body").is_visible()


def test_language_switch_keeps_the_paragraph(open_page):
    page = open_page("/#p5")
    page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    page.wait_for_url("**/en/#p5")


def test_everything_readable_without_javascript(open_page, built_site):
    page = open_page("/", viewport=PHONE, javascript=False)
    assert page.locator("section.ed-par").count() == 16
    note = page.locator("details.ed-note").first
    note.locator("> summary").click()
    assert note.locator(".ed-note-body").is_visible()
    alt = page.locator("#p1 details.ed-alt")
    alt.locator("> summary").click()
    assert alt.locator(".ed-text").is_visible()


PAGES = ["/", "/guide/", "/methodology/", "/about/", "/data/", "/handout/", "/notes/mgx-brookfield-share/"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


@pytest.mark.parametrize("path", PAGES + ["/en" + path for path in PAGES])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(open_page, path, viewport, scheme):
    page = open_page(path, viewport=viewport, scheme=scheme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/", "/en/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_every_panel_open(open_page, path, scheme):
    page = open_page(path, viewport=PHONE, scheme=scheme)
    page.eval_on_selector_all(".ed details", "panels => panels.forEach(p => { p.open = true; })")
    # Citations load when their panel opens: wait for them rather than for a fixed time.
    page.locator(".ed-cite-style").nth(50).wait_for(state="attached", timeout=10000)
    assert page.locator(".ed-cite-style").count() > 50
    assert axe_violations(page) == []


def test_keyboard_reaches_every_highlight_and_toggle_with_a_visible_focus(open_page):
    page = open_page("/", viewport=PHONE)
    wanted = page.eval_on_selector_all(
        ".ed-q, .ed-ref-end, .ed-num, .ed summary, .ed button",
        "els => els.filter(e => e.checkVisibility()).map((e, i) => { e.dataset.kb = i; return String(i); })",
    )
    reached, invisible = set(), []
    for _ in range(len(wanted) * 3):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const e = document.activeElement;
                const style = getComputedStyle(e);
                const ring = style.outlineStyle !== "none" && style.outlineWidth !== "0px";
                return {kb: e.dataset.kb || null, visible: ring || style.boxShadow !== "none", footer: !!e.closest(".md-footer")};
            }"""
        )
        if info["kb"] is not None:
            reached.add(info["kb"])
            if not info["visible"]:
                invisible.append(info["kb"])
        if info["footer"]:
            break
    assert len(wanted) > 80
    assert set(wanted) - reached == set()
    assert invisible == []


# ---- Teachers: reading modes, filters, copy, print ------------------------------------------


def visible_note_kinds(page) -> set[str]:
    return set(
        page.eval_on_selector_all("details.ed-note", "els => els.filter(e => e.offsetParent).map(e => e.dataset.kind)")
    )


def test_link_opens_english_only_with_fact_checks_only(open_page):
    page = open_page("/?show=en&notes=fact-check#p3")
    assert not page.locator("#p3 .ed-main").is_visible()
    assert page.locator("#p3 .ed-alt .ed-text").is_visible()
    assert visible_note_kinds(page) == {"fact-check"}
    assert page.locator('input[name="show"][value="en"]').is_checked()
    assert not page.locator('input[name="notes"][value="context"]').is_checked()
    hidden_quote = page.locator('.ed-q[data-kind="context"]').first
    assert hidden_quote.locator(".ed-ref").is_hidden()


def test_choices_are_written_to_the_url_and_survive_the_language_switch(open_page):
    page = open_page("/#p3")
    page.locator('input[name="show"][value="fr"]').check()
    page.locator('input[name="notes"][value="definition"]').uncheck()
    assert "show=fr" in page.url and "notes=" in page.url and "definition" not in page.url.split("notes=")[1]
    assert not page.locator("#p3 .ed-alt").is_visible()
    page.evaluate("document.querySelector('a.md-select__link[hreflang=en]').click()")
    page.wait_for_url("**/en/?show=fr&notes=*#p3")
    assert not page.locator("#p3 .ed-main").is_visible()  # the English text is hidden: French only
    assert page.locator("#p3 .ed-alt .ed-text").is_visible()
    assert "definition" not in visible_note_kinds(page)


def test_without_javascript_the_url_options_show_everything(open_page):
    page = open_page("/?show=en&notes=fact-check", viewport=WIDE, javascript=False)
    assert page.locator("#p3 .ed-main").is_visible() and page.locator("#p3 .ed-alt .ed-text").is_visible()
    assert visible_note_kinds(page) >= {"context", "fact-check"}
    assert page.locator(".ed-controls").is_hidden()


def test_copy_link_is_keyboard_operable_and_announced(browser, server):
    context = browser.new_context(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "/")
    button = page.locator('#p3 [data-copy-link="p3"]')
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-ed-status]")
    status.filter(has_text="copié").wait_for(state="attached")
    assert status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == server + "/#p3"
    context.close()


def test_citations_get_todays_date(open_page):
    page = open_page("/en/")
    page.locator(".ed-page-tools details.ed-cite summary").click()
    mla = page.locator(".ed-page-tools .ed-cite-mla .ed-cite-text").inner_text()
    today = page.evaluate("new Date().getDate()")
    assert "Accessed " in mla and "[date accessed]" not in mla and f" {today} " in f" {mla} "
    local_iso = page.evaluate(
        "(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); })()"
    )
    assert page.locator(".ed-page-tools .ed-cite-bibtex .ed-accessed").inner_text() == local_iso


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_handout_has_every_note_and_full_source_urls(open_page, built_site, tmp_path, paper):
    page = open_page("/?show=fr")
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    squeezed = "".join("".join(p.extract_text() for p in pdf.pages).split())
    notes = json.loads((built_site / "data/v1/pcf-sommet-ia/annotations.json").read_text("utf-8"))["annotations"]
    for note in notes:
        assert "".join(note["title"].split()) in squeezed, note["id"]
        for source in note["sources"]:
            assert source["url"] in squeezed, (note["id"], source["url"])
    assert "Paris,le10février2025" in squeezed
    for chrome in ("Rechercher", "Copierlelien", "Citercettepage", "Imprimer", "Affichage"):
        assert chrome not in squeezed
    assert "Thereisreasontodoubtit" not in squeezed  # French only: the English text is not printed
    assert 3 <= len(pdf.pages) <= 40
    for page_text in (p.extract_text() for p in pdf.pages):  # every sheet says what it is and where it lives
        squeezed_page = "".join(page_text.split())
        assert "Éditionannotée" in squeezed_page and "CCBY4.0" in squeezed_page
        assert "".join((page.url.split("?")[0]).split()) in squeezed_page


def test_paragraph_citation_loads_when_opened(open_page):
    page = open_page("/en/")
    panel = page.locator("#p3 .ed-par-tools details.ed-cite")
    assert panel.locator(".ed-cite-intext").text_content().endswith("(Parti communiste français, 2025, para. 3)")
    panel.locator("> summary").click()
    apa = panel.locator(".ed-cite-apa .ed-cite-text")
    apa.wait_for()
    assert apa.inner_text().startswith("Parti communiste français. (2025, February 10).")
    assert apa.inner_text().endswith("/en/#p3")
    assert panel.locator(".ed-cite-style").count() == 4
    assert "[date accessed]" not in panel.locator(".ed-cite-mla").inner_text()


def test_colour_scheme_follows_the_system_and_the_toggle_remembers(browser, server):
    context = browser.new_context(viewport=WIDE, color_scheme="dark")
    page = context.new_page()
    page.goto(server + "/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "slate"  # the system's dark setting, before any choice
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.goto(server + "/en/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"  # the choice is kept
    context.close()


def test_language_menu_opens_with_the_keyboard(open_page):
    page = open_page("/#p3")
    button = page.locator(".md-select > button")
    button.focus()
    link = page.locator('a.md-select__link[hreflang="en"]')
    for _ in range(2):  # Français, then English
        page.keyboard.press("Tab")
    assert link.evaluate("element => element === document.activeElement") and link.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/#p3")


# ---- Reading first: cards beside their words, open on demand (reading-experience.md v2) ---------

MEASURED = """() => {
  const html = document.documentElement;
  const cards = [...document.querySelectorAll('.ed-note')].filter(n => n.getClientRects().length);
  const gaps = cards.map(n => {
    const words = [...document.querySelectorAll('.ed-text [data-note="' + n.id + '"]')].find(a => a.getClientRects().length);
    return Math.abs(n.getBoundingClientRect().top - words.getClientRects()[0].top);
  });
  const withNotes = html.scrollHeight;
  document.querySelectorAll('.ed-notes').forEach(x => { x.style.display = 'none'; });
  document.querySelector('.ed-body').style.minHeight = '0';
  return {ratio: withNotes / html.scrollHeight, gaps};
}"""


@pytest.mark.parametrize("path", ["/", "/en/"])
@pytest.mark.parametrize(
    "viewport", [{"width": 1440, "height": 900}, {"width": 1000, "height": 900}], ids=["wide", "medium"]
)
def test_cards_sit_beside_their_words_and_the_page_stays_short(open_page, path, viewport):
    page = open_page(path, viewport=viewport)
    measured = page.evaluate(MEASURED)
    gaps = measured["gaps"]
    near = sum(gap <= 120 for gap in gaps) / len(gaps)
    figures = f"height ratio {measured['ratio']:.2f}, {near:.0%} of cards within 120 px, farthest {max(gaps):.0f} px"
    print(f"{path} {viewport['width']}px: {figures}")
    assert measured["ratio"] <= 1.2, figures
    assert near >= 0.9 and max(gaps) <= 300, figures


@pytest.mark.parametrize("note_id", ["mgx-brookfield-share", "data-center-definition", "humanite-capital-h"])
def test_a_highlight_opens_its_note_beside_it_and_escape_closes_it(open_page, note_id):
    page = open_page("/")
    words = page.locator(f'.ed-main [data-note="{note_id}"]')
    words.click()
    note = page.locator(f"details#{note_id}")
    assert note.evaluate("n => n.open") and page.url.endswith("#" + note_id)
    words_box, body_box = box(page, f'.ed-main [data-note="{note_id}"]'), box(page, f"#{note_id} .ed-note-body")
    assert 0 <= words_box["y"] <= WIDE["height"] - words_box["height"]  # the highlight stays on screen
    assert body_box["y"] - words_box["y"] <= 300
    assert page.locator(f"#{note_id} .ed-checked").is_visible()
    page.keyboard.press("Escape")
    assert not note.evaluate("n => n.open")
    assert words.evaluate("w => w === document.activeElement")


def test_a_permalink_opens_its_note_and_open_all_gives_the_study_view(open_page):
    page = open_page("/en/#young-doctors-tax-credit")
    assert page.locator("#young-doctors-tax-credit .ed-note-body").is_visible()
    assert page.locator("details.ed-note[open]").count() == 1
    page.locator(".ed-open-all").click()
    assert page.locator("details.ed-note:not([open])").count() == 0 and "notes=open" in page.url
    study = open_page("/?notes=open")
    assert study.locator("details.ed-note:not([open])").count() == 0
    assert study.locator(".ed-open-all").get_attribute("aria-pressed") == "true"


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_copying_a_paragraph_gives_the_statements_words(browser, server, built_site, path):
    """Every paragraph, and a part of one that runs across a highlight, copies as the text file has it."""
    context = browser.new_context(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + path)
    language = "en" if path == "/en/" else "fr"
    expected = [
        line for line in (ROOT / f"docs/documents/pcf-sommet-ia/{language}.txt").read_text("utf-8").splitlines() if line
    ]
    copy = """([selector, partial]) => {
      const p = document.querySelector(selector), range = document.createRange();
      if (partial) {
        const mark = p.querySelector('mark'); range.setStart(p.firstChild.nodeType === 3 ? p.firstChild : mark.firstChild, 0);
        range.setEnd(p.lastChild.nodeType === 3 ? p.lastChild : p, p.lastChild.nodeType === 3 ? 1 : p.childNodes.length);
      } else range.selectNodeContents(p);
      getSelection().removeAllRanges(); getSelection().addRange(range);
      document.execCommand('copy');
      return navigator.clipboard.readText();
    }"""
    for number, words in enumerate(expected, start=1):
        assert page.evaluate(copy, [f"#p{number} .ed-main p", False]) == words, number
    partial = page.evaluate(copy, ["#p3 .ed-main p", True])
    assert partial and partial in expected[2] and partial.strip() == partial.strip()
    context.close()


def test_a_source_shows_its_own_words_when_asked(open_page, built_site):
    page = open_page("/en/")
    excerpts = json.loads((built_site / "en/data/v1/pcf-sommet-ia/excerpts.json").read_text("utf-8"))
    panel = page.locator("#mgx-brookfield-share details.ed-excerpt").first
    page.locator("#mgx-brookfield-share > summary").click()
    panel.locator("> summary").click()
    panel.locator(".ed-excerpt-later").wait_for(state="detached")  # loaded: the words now come first
    words = panel.locator(".ed-excerpt-text p").first
    assert words.text_content() == excerpts[panel.get_attribute("data-excerpt")]  # as given, never as markup


ANCHOR = """(items) => {
  const text = Array.from(document.body.textContent);  // the W3C model counts code points
  const joined = (from, to) => text.slice(from, to).join('');
  return items.map(item => {
    const selector = item.target.selector;
    if (!Array.isArray(selector)) {
      const element = document.getElementById(selector.value);
      return {id: item.id, fragment: element && element.matches('section.ed-par') ? 1 : 0};
    }
    const [quote, position] = selector;
    const hits = [];
    const [exact, prefix, suffix] = [quote.exact, quote.prefix, quote.suffix].map(s => Array.from(s).length);
    for (let i = 0; i < text.length; i++) {
      if (joined(i, i + exact) !== quote.exact) continue;
      if (joined(i - prefix, i) === quote.prefix && joined(i + exact, i + exact + suffix) === quote.suffix) hits.push(i);
    }
    // Map the code-point position to a DOM node, the way a client builds its range.
    const units = joined(0, position.start).length;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let seen = 0, node = null;
    while ((node = walker.nextNode())) { if (seen + node.data.length > units) break; seen += node.data.length; }
    const paragraph = node && node.parentElement.closest('.ed-text p');
    return {
      id: item.id, hits: hits.length, position: joined(position.start, position.end) === quote.exact,
      section: paragraph && paragraph.closest('section').id, lang: paragraph && paragraph.closest('[lang]').lang,
      inNote: !!(node && node.parentElement.closest('.ed-note')),
    };
  });
}"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_exported_annotations_anchor_in_the_page_they_target(open_page, built_site, language):
    """Each W3C annotation, read as a client reads the live page: exactly once, in its paragraph and language."""
    root = "en/" if language == "en" else ""
    collection = json.loads((built_site / root / "data/v1/pcf-sommet-ia/annotations.jsonld").read_text("utf-8"))
    notes = {
        note["id"]: note
        for note in json.loads((built_site / root / "data/v1/pcf-sommet-ia/annotations.json").read_text("utf-8"))[
            "annotations"
        ]
    }
    page = open_page("/" + root)
    for item, found in zip(
        collection["first"]["items"], page.evaluate(ANCHOR, collection["first"]["items"]), strict=True
    ):
        assert item["target"]["source"]["id"] == page.url.split("#")[0]
        note = notes[item["id"].rsplit("#", 1)[1]]
        if "fragment" in found:
            assert found["fragment"] == 1, item["id"]
            continue
        assert found == {
            "id": item["id"],
            "hits": 1,
            "position": True,
            "section": f"p{note['paragraph']}",
            "lang": language,
            "inNote": False,
        }


@pytest.mark.parametrize("path", ["/handout/", "/en/handout/"])
def test_handout_fits_four_pages_and_teachers_can_narrow_it(open_page, path):
    page = open_page(path)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = "".join("".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) <= 4
    assert page.locator(".ed-h-notes li").count() == len(NOTES_ON_DISK)
    assert "CCBY4.0" in text and "".join(page.url.split("handout/")[0].split()) in text
    narrow = open_page(path + "?from=3&to=5&notes=fact-check")
    assert narrow.locator(".ed-h-par:visible").count() == 3
    shown = narrow.eval_on_selector_all(
        ".ed-h-notes li",
        "items => items.filter(i => i.checkVisibility()).map(i => i.dataset.kind + i.dataset.paragraph)",
    )
    assert shown and all(item.startswith("fact-check") and 3 <= int(item[10:]) <= 5 for item in shown)


def test_statement_links_its_handout(open_page):
    page = open_page("/")
    page.locator(".ed-handout-link").click()
    page.wait_for_url("**/handout/")
    assert page.locator(".ed-handout").count() == 1


VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push([event.violatedDirective, event.blockedURI, event.sample].join(" "));
});
"""
ALL_PAGES = PAGES + ["/contributing/", "/versions/", "/404.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_content_security_policy_lets_every_page_work_and_blocks_nothing_it_shipped(browser, server, scheme):
    """Every page, with every panel open and every citation and excerpt loaded: no violation."""
    context = browser.new_context(viewport=WIDE, color_scheme=scheme)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None
    )
    for path in ALL_PAGES + ["/en" + path for path in ALL_PAGES if path != "/404.html"]:
        page.goto(server + path)
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        page.eval_on_selector_all("details", "panels => panels.forEach(p => { p.open = true; })")
        if path == "/":  # the colour-scheme toggle is one of the inline scripts the policy allows
            page.locator("[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_timeout(200)
        assert page.evaluate("window.__violations") == [], path
    assert errors == []
    context.close()


def test_the_policy_refuses_a_script_the_site_did_not_ship(open_page):
    """As if a contributor's text had slipped a script through: the browser refuses to run it."""
    page = open_page("/")
    page.evaluate("""() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      const image = document.createElement("img");
      image.src = "https://example.org/tracker.png";
      document.body.append(image);
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__injected") is None
    assert set(page.evaluate("window.__violations")) >= {"script-src-elem", "img-src"}
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "https:" not in policy


@pytest.mark.parametrize("fragment", ["#%E0%A4%A", "#%", "#q-%ZZ", "#" + "%C3" * 50])
def test_whatever_follows_the_hash_the_page_still_works(open_page, fragment):
    page = open_page("/en/" + fragment)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.reload()
    page.locator("#mgx-brookfield-share > summary").click()
    assert page.locator("#mgx-brookfield-share .ed-note-body").is_visible()
    panel = page.locator("#mgx-brookfield-share details.ed-excerpt").first
    panel.locator("> summary").click()
    panel.locator(".ed-excerpt-later").wait_for(state="detached")  # the excerpts are bound: loaded
    assert errors == []
