"""`make serve` as a contributor uses it: edit a note, and the served page shows the change."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT

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


def test_serve_rebuilds_when_a_note_changes(tmp_path: Path):
    for name in ("mkdocs.yml", "docs", "annotations", "overrides", "CONTRIBUTING.md", "CONTRIBUTING.fr.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
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
