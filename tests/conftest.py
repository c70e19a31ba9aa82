"""Shared fixtures: the demo document, a fixed "today", and the real site built once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from annotated_edition.document import load_documents

from .siteserver import serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def demo():
    documents, problems = load_documents(FIXTURES / "documents", FIXTURES)
    assert not problems
    return documents["demo"]


@pytest.fixture(scope="session")
def site_origin() -> str:
    """A free local address: the site is built for it, so its absolute links stay on this machine."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def site_copy(tmp_path: Path) -> Path:
    """A copy of everything the site is built from, to change one file of it in a test."""
    for name in ("mkdocs.yml", "docs", "overrides", "annotations", "CONTRIBUTING.md", "CONTRIBUTING.fr.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def build_site(site: Path, site_url: str) -> Path:
    """The real site, built with `mkdocs build --strict` exactly as `make build` does, for `site_url`."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "SITE_URL": site_url,
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    # No line that looks like breakage to a newcomer: every link and anchor resolves.
    assert "contains a link" not in result.stderr and "unrecognized relative link" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_origin) -> Path:
    """The real site, built for the local address the tests serve it at."""
    return build_site(tmp_path_factory.mktemp("site"), site_origin + "/")


@pytest.fixture(scope="session")
def server(built_site: Path, site_origin: str):
    """The built site served like a real host (gzip, cache headers) at the address it was built for."""
    httpd, origin = serve(built_site, int(site_origin.rsplit(":", 1)[1]))
    yield origin
    httpd.shutdown()
