"""Hostile inputs: links and special files are refused before anything is read; invisible
characters never reach a feed."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotated_edition.problems import EditionError
from annotated_edition.validate import load_edition

from .conftest import ROOT, site_copy


@pytest.mark.parametrize(
    ("place", "target"),
    [
        ("annotations/pcf-sommet-ia/zero.yml", "/dev/zero"),
        ("annotations/pcf-sommet-ia/outside.yml", "/etc/hostname"),
        ("annotations/linked-folder", "/tmp"),
        ("docs/documents/pcf-sommet-ia/stolen.yml", "/etc/hostname"),
    ],
)
def test_a_link_among_the_inputs_is_refused_before_it_is_read(tmp_path: Path, place: str, target: str):
    root = site_copy(tmp_path)
    os.symlink(target, root / place)
    with pytest.raises(EditionError) as refused:
        load_edition(root / "annotations", root / "docs" / "documents", root, date.today())
    assert refused.value.problems[0].file == place
    assert "symbolic link" in refused.value.problems[0].message


def test_a_special_file_among_the_notes_is_refused(tmp_path: Path):
    root = site_copy(tmp_path)
    os.mkfifo(root / "annotations" / "pcf-sommet-ia" / "pipe.yml")
    with pytest.raises(EditionError) as refused:
        load_edition(root / "annotations", root / "docs" / "documents", root, date.today())
    assert [(p.file, p.message) for p in refused.value.problems] == [
        ("annotations/pcf-sommet-ia/pipe.yml", "this is not a regular file: only plain text files belong here")
    ]


def test_a_link_in_docs_is_never_copied_into_the_site(tmp_path: Path):
    root = site_copy(tmp_path)
    os.symlink(ROOT / ".git" / "config" if (ROOT / ".git").is_dir() else "/etc/hostname", root / "docs" / "config.txt")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "docs/config.txt:1: this is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "config.txt").exists()


def test_every_feed_of_the_built_site_is_well_formed(built_site: Path):
    feeds = list(built_site.rglob("feed.xml"))
    assert len(feeds) >= 4
    for feed in feeds:
        ElementTree.parse(feed)  # raises on a control character or any broken markup
