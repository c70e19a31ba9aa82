"""Setting up as a new contributor: an old Python, a stale .venv, a busy port, commit hooks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from annotated_edition import preview
from annotated_edition.cli import main

from .conftest import ROOT

OLD_PYTHON = '#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.9.18" && exit 0\nexit 1\n'


def fake_python(folder: Path) -> Path:
    """A `python` that says it is 3.9 and fails everything else, as an old Python would fail the checks."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "python"
    path.write_text(OLD_PYTHON, encoding="utf-8")
    path.chmod(0o755)
    return path


def make(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", *arguments], cwd=ROOT, capture_output=True, text=True)


def test_an_old_python_gets_a_plain_message_before_anything_is_installed(tmp_path: Path):
    result = make("check", f"PYTHON={fake_python(tmp_path / 'old')}", f"VENV={tmp_path / 'venv'}")
    assert result.returncode != 0
    assert "This project needs Python 3.11 or newer" in result.stderr
    assert "is: Python 3.9.18." in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "venv").exists()


def test_a_venv_made_by_an_old_python_is_made_again(tmp_path: Path):
    venv = tmp_path / ".venv"
    fake_python(venv / "bin")
    (venv / ".site").touch()
    result = make("python", f"VENV={venv}")  # only the Python check: no install in this test
    assert result.returncode == 0, result.stderr
    assert "was made by an older or missing Python: making it again" in result.stdout
    assert not venv.exists()


def test_serve_says_plainly_that_the_port_is_busy(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--addr", f"127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port} is already in use" in err
    assert f"make serve ADDR=127.0.0.1:{port + 1}" in err


@pytest.mark.parametrize(("site_url", "warned"), [(None, True), ("https://example.org/edition/", False)])
def test_build_warns_when_the_public_address_is_not_given(monkeypatch, capsys, site_url, warned):
    calls = []

    class Finished:
        def __init__(self, command, env, preexec_fn):
            calls.append(command)

        def wait(self):
            return 0

    monkeypatch.setattr(preview.subprocess, "Popen", Finished)
    monkeypatch.setattr(preview, "_die_with_parent", lambda: None)  # not for the test process itself
    if site_url:
        monkeypatch.setenv("SITE_URL", site_url)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["build", "--site-dir", "out"]) == 0
    assert calls == [[sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "out"]]
    assert ("Warning: SITE_URL is not set" in capsys.readouterr().err) == warned


def test_the_commit_hook_refuses_a_broken_note(tmp_path: Path):
    """`make hooks` installs pre-commit from .venv; a commit with a broken note is stopped with FILE:LINE."""
    bin_dir = Path(sys.executable).parent  # .venv/bin, where requirements-dev.txt put pre-commit
    for name in ("annotations", "docs", ".pre-commit-config.yaml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    (tmp_path / ".venv").symlink_to(bin_dir.parent)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "A",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }

    def run(*command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)

    assert run("git", "init", "-q").returncode == 0
    assert run(str(bin_dir / "pre-commit"), "install").returncode == 0
    note = tmp_path / "annotations" / "pcf-sommet-ia" / "mgx-abu-dhabi-fund.yml"
    note.write_text(note.read_text("utf-8").replace("paragraph: 3", "paragraph: 30"), encoding="utf-8")
    run("git", "add", "annotations", "docs", ".pre-commit-config.yaml")
    commit = run("git", "commit", "-q", "-m", "A broken note")
    assert commit.returncode != 0
    output = commit.stdout + commit.stderr
    assert "annotations/pcf-sommet-ia/mgx-abu-dhabi-fund.yml:2: `paragraph` 30 is outside the document" in output
