"""The site deployed where its users put it: under a sub-path address, as a GitHub Pages project site is."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from .conftest import build_site

SITE_URL = "https://example.org/edition/"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("subpath"), SITE_URL)


def local_file(site: Path, address: str) -> Path | None:
    """The built file an address of the site points to, or None if it is outside the site."""
    if not address.startswith(SITE_URL):
        return None
    path = unquote(urlsplit(address).path).removeprefix(urlsplit(SITE_URL).path)
    target = site / path
    return target / "index.html" if address.split("#")[0].split("?")[0].endswith("/") else target


def pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        address = SITE_URL + path.relative_to(site).as_posix().removesuffix("index.html")
        yield path, address, BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_canonical_and_language_alternates_point_to_pages_that_exist(subpath_site: Path):
    for path, address, html in pages(subpath_site):
        if path.name == "404.html":
            continue
        links = html.select('link[rel="canonical"], link[rel="alternate"][hreflang]')
        assert links, path
        for link in links:
            target = local_file(subpath_site, link["href"])
            assert target is not None and target.is_file(), (path, link["href"])
        assert html.select_one('link[rel="canonical"]')["href"] == address, path


def test_every_link_and_asset_of_every_page_resolves(subpath_site: Path):
    for path, address, html in pages(subpath_site):
        if path.name == "404.html":
            continue
        for element in html.select("[href], [src]"):
            reference = element.get("href") or element.get("src")
            absolute = urljoin(address, reference)
            target = local_file(subpath_site, absolute)
            if target is None:
                assert not absolute.startswith("https://example.org/"), (path, reference)
                continue
            assert target.is_file(), (path, reference)


def test_each_language_has_its_own_sitemap_and_robots_names_them(subpath_site: Path):
    robots = (subpath_site / "robots.txt").read_text("utf-8")
    for folder in ("", "en/"):
        sitemap = (subpath_site / folder / "sitemap.xml").read_text("utf-8")
        assert f"Sitemap: {SITE_URL}{folder}sitemap.xml" in robots
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert len(locations) >= 6
        for location in locations:
            assert location.startswith(SITE_URL + folder), location
            assert folder or not location.startswith(SITE_URL + "en/"), location
            assert local_file(subpath_site, location).is_file(), location


def test_exported_ids_and_links_are_under_the_site_address(subpath_site: Path):
    exports = [
        *subpath_site.rglob("*.jsonld"),
        *subpath_site.rglob("annotations.json"),
        *subpath_site.rglob("feed.xml"),
    ]
    assert len(exports) >= 6
    for export in exports:
        text = export.read_text("utf-8")
        addresses = set(re.findall(r"https://example\.org/[^\"'<>\s]*", text))
        assert addresses, export
        for address in addresses:
            assert address.startswith(SITE_URL), (export, address)
            assert local_file(subpath_site, address.split("#")[0]).is_file(), (export, address)
    annotations = json.loads((subpath_site / "data/v1/pcf-sommet-ia/annotations.jsonld").read_text("utf-8"))
    assert annotations["id"].startswith(SITE_URL)


ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.mark.parametrize("folder", ["", "en/"])
def test_feeds_follow_rfc_4287(subpath_site: Path, folder: str):
    """The atom:feed and atom:entry rules of RFC 4287 (sections 4.1.1, 4.1.2, 3.3, 4.2.7)."""
    feed = ElementTree.parse(subpath_site / folder / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"

    def one(parent, name):
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, (name, len(found))
        return found[0]

    for name in ("id", "title", "updated"):
        one(feed, name)
    assert RFC3339.match(one(feed, "updated").text)
    assert feed.find(f"{ATOM}author/{ATOM}name").text  # so no entry needs its own
    assert [link.get("href") for link in feed.findall(f"{ATOM}link[@rel='self']")] == [f"{SITE_URL}{folder}feed.xml"]
    ids = set()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) >= 33
    for entry in entries:
        ids.add(one(entry, "id").text)
        one(entry, "title")
        assert RFC3339.match(one(entry, "updated").text) and RFC3339.match(one(entry, "published").text)
        assert one(entry, "published").text <= one(entry, "updated").text
        assert entry.find(f"{ATOM}content") is not None or entry.find(f"{ATOM}link[@rel='alternate']") is not None
    assert len(ids) == len(entries)  # every entry has its own id
    assert one(feed, "updated").text == max(entry.find(f"{ATOM}updated").text for entry in entries)


@pytest.mark.parametrize("folder", ["", "en/"])
def test_sitemaps_follow_the_sitemap_protocol(subpath_site: Path, folder: str):
    """sitemaps.org: UTF-8, the urlset namespace, absolute <loc> under the sitemap's own folder, W3C dates."""
    raw = (subpath_site / folder / "sitemap.xml").read_bytes()
    raw.decode("utf-8")
    urlset = ElementTree.fromstring(raw)
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert urlset.tag == f"{namespace}urlset"
    urls = urlset.findall(f"{namespace}url")
    assert 0 < len(urls) <= 50000 and len(raw) <= 50 * 1024 * 1024
    for url in urls:
        location = url.find(f"{namespace}loc").text
        assert location.startswith(SITE_URL + folder) and len(location) < 2048
        modified = url.find(f"{namespace}lastmod")
        assert modified is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", modified.text)
