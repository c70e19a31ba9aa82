"""What only a browser can show: layout at each width, keyboard, no JavaScript, accessibility."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

BROWSER = Path("/usr/bin/chromium")
ARGS = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
pytestmark = pytest.mark.browser

if not BROWSER.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: the browser tests cannot be skipped in CI")
    pytest.skip("headless Chromium is not installed (make browser)", allow_module_level=True)

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

WIDE, PHONE = {"width": 1400, "height": 1000}, {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site: Path, site_origin: str):
    port = int(site_origin.rsplit(":", 1)[1])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=built_site))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site_origin
    httpd.shutdown()


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
    main, alt, notes = (box(page, f"#p3 {s}") for s in (".ed-main", ".ed-alt", ".ed-notes"))
    assert main["x"] < alt["x"] < notes["x"]
    assert abs(main["y"] - notes["y"]) < 5  # notes start level with their paragraph
    assert page.locator("#p3 .ed-note .ed-note-body").first.is_visible()
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
    summary = note.locator("summary")
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
    note.locator("summary").click()
    assert note.locator(".ed-note-body").is_visible()
    alt = page.locator("#p1 details.ed-alt")
    alt.locator("summary").click()
    assert alt.locator(".ed-text").is_visible()


@pytest.mark.parametrize("path", ["/", "/en/", "/methodology/", "/en/about/"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(open_page, path, viewport, scheme):
    page = open_page(path, viewport=viewport, scheme=scheme)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
