"""`make properdocs` compares the MkDocs and ProperDocs builds: only the generator tag may differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotated_edition.samesite import differences, main

PAGE = '<head><meta name="generator" content="{}, mkdocs-material"></head><p>{}</p>'


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ({"index.html": PAGE.format("mkdocs-ProperDocs 1.6.7", "Texte")}, []),
        ({"index.html": PAGE.format("mkdocs-ProperDocs 1.6.7", "Autre")}, ["differs: index.html"]),
        ({}, ["only in {one}: index.html"]),
        (
            {"index.html": PAGE.format("mkdocs-1.6.1", "Texte"), "extra.js": ""},
            ["only in {two}: extra.js"],
        ),
    ],
    ids=["generator only", "content", "missing file", "extra file"],
)
def test_only_the_generator_tag_may_differ(tmp_path, capsys, other, expected):
    one = tree(tmp_path / "one", {"index.html": PAGE.format("mkdocs-1.6.1", "Texte")})
    two = tree(tmp_path / "two", other)
    two.mkdir(exist_ok=True)
    assert differences(one, two) == [line.format(one=one, two=two) for line in expected]
    assert main([str(one), str(two)]) == (1 if expected else 0)
    assert capsys.readouterr().out.endswith(
        "the same apart from the generator tag\n" if not expected else f"{len(expected)} differ\n"
    )
