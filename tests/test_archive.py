"""`edition archive` against a local fake Save Page Now, and `edition links`: no network needed."""

from __future__ import annotations

import http.server
import shutil
import threading
import urllib.error
from datetime import date
from pathlib import Path

import pytest
import yaml

from annotated_edition import archive
from annotated_edition.cli import main
from annotated_edition.validate import load_edition

from .conftest import FIXTURES, ROOT

NOTE = "annotations/demo/summit-dates.yml"


class FakeSavePageNow(http.server.BaseHTTPRequestHandler):
    """Answers like Save Page Now: a redirect to the new copy; 429 once when asked; 500 for `/fails`."""

    busy_once: set[str] = set()
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        url = self.path.removeprefix("/save/")
        self.requests.append(url)
        if "fails" in url:
            self.send_response(500)
        elif url in self.busy_once:
            self.busy_once.discard(url)
            self.send_response(429)
            self.send_header("Retry-After", "7")
        else:
            self.send_response(302)
            self.send_header("Location", f"https://web.archive.org/web/20261129120000/{url}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_archive():
    FakeSavePageNow.requests = []
    FakeSavePageNow.busy_once = set()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeSavePageNow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "documents", tmp_path / "documents")
    shutil.copytree(FIXTURES / "archive", tmp_path / "annotations")
    return tmp_path


def test_archive_writes_each_copy_under_its_url_and_changes_nothing_else(tree: Path, fake_archive: str):
    note = tree / NOTE
    before = note.read_text("utf-8").splitlines()
    waits: list[float] = []
    archiver = archive.SavePageNow(fake_archive, delay=2, sleep=waits.append)
    assert archive.archive_missing(tree / "annotations", tree, archiver) == []
    after = note.read_text("utf-8").splitlines()
    added = [line for line in after if line not in before]
    assert added == [
        "    archive: https://web.archive.org/web/20261129120000/https://example.org/sommet",
        "    archive: https://web.archive.org/web/20261129120000/https://example.org/second?page=2",
    ]
    assert [line for line in after if line not in added] == before  # nothing else moved or changed
    assert after[after.index("    url: https://example.org/sommet") + 1] == added[0]
    assert FakeSavePageNow.requests == ["https://example.org/second?page=2", "https://example.org/sommet"]
    assert waits == [2]  # one request at a time, `delay` apart
    edition = load_edition(tree / "annotations", tree / "documents", tree, date(2026, 11, 29))
    assert [source.archive for source in edition.annotations["demo"][0].sources][:2] == [added[0][13:], added[1][13:]]


def test_archive_waits_as_long_as_the_service_asks(tree: Path, fake_archive: str):
    FakeSavePageNow.busy_once = {"https://example.org/sommet"}
    waits: list[float] = []
    archiver = archive.SavePageNow(fake_archive, delay=0, sleep=waits.append)
    assert archiver.save("https://example.org/sommet").endswith("/https://example.org/sommet")
    assert 7 in waits  # Retry-After honoured before trying again
    assert FakeSavePageNow.requests == ["https://example.org/sommet"] * 2


def test_a_source_that_cannot_be_archived_is_reported_and_its_file_left_alone(tree: Path, fake_archive: str):
    note = tree / NOTE
    note.write_text(note.read_text("utf-8").replace("https://example.org/second", "https://example.org/fails"), "utf-8")
    archiver = archive.SavePageNow(fake_archive, delay=0, retries=1, sleep=lambda _: None)
    [failure] = archive.archive_missing(tree / "annotations", tree, archiver)
    line = note.read_text("utf-8").splitlines().index("    url: https://example.org/fails?page=2") + 1
    assert str(failure) == f"{NOTE}:{line}: source 2 was not archived: the archive answered HTTP 500 2 times"
    assert "archive: https://web.archive.org/web/20261129120000/https://example.org/sommet" in note.read_text("utf-8")


def test_an_unreachable_archive_is_a_message_not_a_traceback(tree: Path):
    archiver = archive.SavePageNow("http://127.0.0.1:9", delay=0, sleep=lambda _: None)
    [failure, _] = archive.archive_missing(tree / "annotations", tree, archiver)
    assert "the archive could not be reached" in failure.message


def test_links_reports_sources_and_copies_that_no_longer_open(tree: Path):
    statuses = {"https://example.org/sommet": 404, "https://example.org/second?page=2": 403}

    def fetch(url: str) -> int | str:
        return statuses.get(url, "Name or service not known" if "kept" in url and "archive" not in url else 200)

    broken, unsure = archive.broken_links(tree / "annotations", tree, fetch)
    assert [problem.message for problem in broken] == [
        "source of source 1 no longer opens (HTTP 404): https://example.org/sommet",
        "source of source 3 no longer opens (Name or service not known): https://example.org/kept",
    ]
    assert [problem.message for problem in unsure] == [
        "source of source 2 answered HTTP 403: https://example.org/second?page=2"
    ]


def test_archive_command_says_what_it_did(tree: Path, fake_archive: str, monkeypatch, capsys):
    monkeypatch.chdir(tree)
    assert main(["--documents", "documents", "archive", "--endpoint", fake_archive, "--delay", "0"]) == 0
    assert "Archived 2 source(s); 0 could not be archived; 0 left for later." in capsys.readouterr().out
    assert main(["--documents", "documents", "archive", "--endpoint", fake_archive, "--delay", "0"]) == 0
    assert "Archived 0 source(s)" in capsys.readouterr().out  # nothing left to do: no request
    assert len(FakeSavePageNow.requests) == 2


def test_a_weekly_workflow_archives_sources_and_checks_links():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "sources.yml").read_text("utf-8"))
    assert workflow[True]["schedule"] and "workflow_dispatch" in workflow[True]
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["sources"]["steps"])
    assert "edition archive" in runs and "gh pr create" in runs
    assert "edition links" in runs and "gh issue create" in runs


@pytest.mark.parametrize(
    ("iri", "address"),
    [
        ("https://fr.wikipedia.org/wiki/Économie", "https://fr.wikipedia.org/wiki/%C3%89conomie"),
        ("https://bücher.example/ä?q=é", "https://xn--bcher-kva.example/%C3%A4?q=%C3%A9"),
        ("https://example.org/a%20b?x=1&y=2#top", "https://example.org/a%20b?x=1&y=2#top"),
    ],
)
def test_addresses_are_sent_as_a_browser_sends_them(iri: str, address: str):
    assert archive.web_address(iri) == address


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://127.0.0.1:9/", "internal address"),
        ("https://localhost/", "internal address"),
        ("https://10.1.2.3/", "internal address"),
        ("https://169.254.169.254/latest/meta-data", "internal address"),
        ("https://[::1]/", "internal address"),
        ("file:///etc/passwd", "only https://"),
        ("ftp://example.org/a", "only https://"),
        ("https://example.org/\x0b", "control character"),
    ],
)
def test_links_never_requests_an_internal_or_non_https_address(url: str, reason: str):
    status = archive._status(url)
    assert isinstance(status, archive.Unchecked) and reason in status


def test_a_redirect_to_an_internal_address_is_not_followed():
    handler = archive._PublicRedirects()
    for target in ("http://example.org/", "https://127.0.0.1:8000/admin", "ftp://example.org/"):
        with pytest.raises(urllib.error.URLError, match="which is refused"):
            handler.redirect_request(None, None, 302, "Found", {}, target)


def test_links_reports_what_it_could_not_check_without_stopping(tree: Path):
    note = tree / "annotations" / "demo" / "summit-dates.yml"
    note.write_text(note.read_text("utf-8").replace("https://example.org/sommet", "https://127.0.0.1/é"), "utf-8")
    broken, unsure = archive.broken_links(tree / "annotations", tree, archive._status)
    assert any("could not be checked: its host is an internal address" in p.message for p in unsure)
    assert all("127.0.0.1" not in p.message for p in broken)


def test_archive_refuses_an_address_it_cannot_send_with_a_message(tree: Path):
    archiver = archive.SavePageNow("http://127.0.0.1:9", delay=0, sleep=lambda _: None)
    with pytest.raises(archive.ArchiveError, match="control character"):
        archiver.save("https://example.org/\x01")
