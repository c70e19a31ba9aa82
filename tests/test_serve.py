"""`make serve` as a contributor uses it: edit a note, and the served page shows the change."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from .conftest import site_copy

NOTE = Path("annotations") / "pcf-sommet-ia" / "mgx-abu-dhabi-fund.yml"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Lines:
    """The lines a process writes to stderr, read as they come."""

    def __init__(self, stream):
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(stream), daemon=True).start()

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))


def serving(root: Path, port: int) -> subprocess.Popen:
    """`mkdocs serve` on `port` in `root`, its messages readable from `.stderr`."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_rebuilds_when_a_note_changes(tmp_path: Path):
    site_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = serving(tmp_path, port)
    try:
        first = wait_for(lambda: fetch(url), 120)
        assert first and "Sommet" in first, "the site was not served"
        assert "Un titre changé pendant l’aperçu" not in first
        note = tmp_path / NOTE
        text = note.read_text("utf-8")
        title = text.split("title:\n  fr: ", 1)[1].split("\n", 1)[0]
        note.write_text(text.replace(f"fr: {title}", 'fr: "Un titre changé pendant l’aperçu"', 1), encoding="utf-8")
        changed = wait_for(lambda: "Un titre changé pendant l’aperçu" in (fetch(url) or ""), 120)
        assert changed, "editing a note did not rebuild the served site"
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert "annotations" in log  # "Watching paths for changes: 'docs', 'mkdocs.yml', …'annotations'"


def test_every_failed_rebuild_says_where_and_what(tmp_path: Path):
    root = site_copy(tmp_path)
    port = free_port()
    server = serving(root, port)
    log = Lines(server.stderr)
    try:
        assert wait_for(lambda: fetch(f"http://127.0.0.1:{port}/"), 120), "the site was not served"
        note = root / NOTE
        broken = note.read_text("utf-8").replace("paragraph: 3", "paragraph: 99", 1)
        where = f"{NOTE.as_posix()}:2: `paragraph` 99 is outside the document"
        for attempt in (1, 2):  # the same mistake, saved twice: said twice
            note.write_text(broken + "\n" * attempt, encoding="utf-8")
            assert wait_for(lambda attempt=attempt: log.count(where) >= attempt, 120), (
                f"rebuild {attempt} did not say {where}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_stopping_serve_or_what_started_it_frees_the_port(tmp_path: Path):
    root = site_copy(tmp_path)
    edition = Path(sys.executable).parent / "edition"
    for stop_parent in (False, True):
        port = free_port()
        # `; true` keeps the shell as the parent, as make is: stopping it must stop the server too.
        command = f"'{edition}' serve --addr 127.0.0.1:{port}; true"
        process = subprocess.Popen(
            ["sh", "-c", command] if stop_parent else [str(edition), "serve", "--addr", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert wait_for(lambda port=port: fetch(f"http://127.0.0.1:{port}/"), 120), "the site was not served"
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        assert wait_for(lambda port=port: fetch(f"http://127.0.0.1:{port}/") is None, 30), "the server kept the port"
