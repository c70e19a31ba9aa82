"""The safe YAML reader: line numbers, and no input that crashes or hangs it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_edition.annotation import check_annotation
from annotated_edition.yamlfile import read_yaml

from .conftest import FIXTURES, TODAY


def test_lines_point_at_keys_and_items():
    parsed, problems = read_yaml(FIXTURES / "valid" / "summit-dates.yml", "x.yml")
    assert problems == []
    assert parsed.line(("paragraph",)) == 2
    assert parsed.line(("quote", "en")) == 6
    assert parsed.line(("sources", 0, "url")) == 23
    assert parsed.line(("sources", 0, "missing")) == 20  # falls back to the enclosing source


def test_dates_stay_text():
    parsed, _ = read_yaml(FIXTURES / "valid" / "summit-dates.yml", "x.yml")
    assert parsed.data["added"] == "2026-11-28"


YAML_PIECES = st.sampled_from(
    [
        "paragraph:",
        " 1",
        "\n",
        "  ",
        "- ",
        "kind: fact-check",
        "quote:",
        "fr:",
        '"',
        "'",
        "&a",
        "*a",
        "!!python/name:os",
        "[",
        "]",
        "{",
        "}",
        ": ",
        "#",
        "|",
        ">",
        "\t",
        "\x00",
        "é",
        "’",
        "<script>",
        "2025-02-30",
        "https://",
        "~",
        "? ",
        "<<:",
        "!!binary",
        ",",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.lists(YAML_PIECES, max_size=60).map("".join), st.text(max_size=300), st.binary(max_size=300).map(repr))
)
def test_no_input_crashes_the_loader(tmp_path_factory, demo, text: str):
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.yml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass") if isinstance(text, str) else text)
    note, problems = check_annotation(path, "fuzz.yml", demo, TODAY)
    assert (note is None) == bool(problems)
    for problem in problems:
        assert problem.file == "fuzz.yml" and problem.line >= 1 and problem.message


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_crash_the_loader(tmp_path_factory, demo, raw: bytes):
    path: Path = tmp_path_factory.mktemp("fuzz") / "fuzz.yml"
    path.write_bytes(raw)
    note, problems = check_annotation(path, "fuzz.yml", demo, TODAY)
    assert note is None and problems
