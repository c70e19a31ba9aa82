"""Benchmark: build cost of the edition plugin, weight of the statement page, growth with notes.

Prints figures; asserts nothing. Targets: the plugin's build overhead at most 1.2x plain Material,
a first load under 100 KB, 10,000 notes built in at most 12 s and 250 MiB. Run with `make bench`.
Build times are given as wall-clock and as the process's CPU time, which other work on the
machine disturbs less.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1767225600"}
PLUGIN_BLOCK = "  - edition:\n      annotations: annotations\n      documents: docs/documents\n"


def build_once(config: Path, site: Path) -> dict:
    """One `mkdocs build` in a fresh interpreter; its wall time and peak memory."""
    code = (
        "import json, resource, sys, time\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        "build(load_config(sys.argv[1], site_dir=sys.argv[2]))\n"
        "print(json.dumps({'seconds': time.perf_counter() - start, 'cpu': time.process_time() - cpu,"
        " 'peak_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(config), str(site)], env=ENV, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def overhead(runs: int) -> None:
    plain = ROOT / "mkdocs.bench-plain.yml"
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert PLUGIN_BLOCK in text, "mkdocs.yml changed: update PLUGIN_BLOCK in bench/run.py"
    plain.write_text(text.replace(PLUGIN_BLOCK, ""), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as out:
            runs_of: dict[str, list[dict]] = {"edition": [], "plain": []}
            for _ in range(runs):
                runs_of["edition"].append(build_once(ROOT / "mkdocs.yml", Path(out) / "a"))
                runs_of["plain"].append(build_once(plain, Path(out) / "b"))
    finally:
        plain.unlink()
    print(f"Build time, {runs} runs each (both languages, in-process build):")
    for measure, name in (("seconds", "wall-clock"), ("cpu", "CPU time")):
        edition = [run[measure] for run in runs_of["edition"]]
        bare = [run[measure] for run in runs_of["plain"]]
        print(
            f"  {name}: median {statistics.median(edition):.2f} s with the plugin, {statistics.median(bare):.2f} s plain"
        )
        print(f"    with the edition plugin    runs: {', '.join(f'{t:.2f}' for t in edition)}")
        print(f"    plain Material, no plugin  runs: {', '.join(f'{t:.2f}' for t in bare)}")
        print(
            f"    overhead ratio             {statistics.median(edition) / statistics.median(bare):.2f} x median, "
            f"{min(edition) / min(bare):.2f} x fastest   (target <= 1.2)"
        )


def weight() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from siteserver import serve

    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out],
            cwd=ROOT,
            env=ENV,
            check=True,
            capture_output=True,
        )
        httpd, origin = serve(Path(out))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--disable-background-networking"]
            )
            for path in ("/", "/en/"):
                page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
                responses: list = []

                def record(request, into=responses):
                    into.append(request)

                page.on("requestfinished", record)
                page.goto(origin + path, wait_until="networkidle")
                rows = [(r.url.removeprefix(origin), r.sizes()["responseBodySize"]) for r in responses]
                total = sum(size for _, size in rows)
                foreign = [url for url, _ in rows if url.startswith("http")]
                print(
                    f"Statement page {path}: first load {total / 1024:.1f} KB compressed, {len(rows)} requests, {len(foreign)} to other origins (target <= 100 KB)"
                )
                for url, size in sorted(rows, key=lambda row: -row[1]):
                    print(f"  {size / 1024:7.1f} KB  {url}")
            browser.close()
        httpd.shutdown()


def synthetic_project(notes: int, folder: Path, paragraphs: int = 200) -> Path:
    """A copy of the site whose document has `paragraphs` paragraphs and `notes` notes."""
    for name in ("mkdocs.yml", "overrides", "CONTRIBUTING.md", "CONTRIBUTING.fr.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / name)
    shutil.copytree(ROOT / "docs", folder / "docs")
    document = folder / "docs" / "documents" / "pcf-sommet-ia"
    words = [f"mot{n}" for n in range(60)]
    for language in ("fr", "en"):
        lines = [" ".join(f"{w}-{p}-{i}" for i, w in enumerate(words)) for p in range(paragraphs)]
        (document / f"{language}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (document / "questions.yml").write_text("{}\n", encoding="utf-8")
    (document / "corrections.yml").write_text("[]\n", encoding="utf-8")
    target = folder / "annotations" / "pcf-sommet-ia"
    target.mkdir(parents=True)
    for n in range(notes):
        p, slot = n % paragraphs, n // paragraphs
        quote = f"mot{slot}-{p}-{slot}" if slot < len(words) else None
        quoted = f'quote:\n  fr: "{quote}"\n  en: "{quote}"\n' if quote else ""
        (target / f"note-{n:05d}.yml").write_text(
            f"paragraph: {p + 1}\nkind: {'fact-check' if n % 4 == 0 else 'context'}\n{quoted}"
            f'title:\n  fr: "Note {n}"\n  en: "Note {n}"\n'
            f'body:\n  fr: "Texte de la note {n}, avec un [lien](https://example.org/{n})."\n'
            f'  en: "Text of note {n}, with a [link](https://example.org/{n})."\n'
            + ('verdict: misleading\nclaim:\n  fr: "Une affirmation."\n  en: "A claim."\n' if n % 4 == 0 else "")
            + f'sources:\n  - title: "Source {n}"\n    publisher: "Example"\n    type: primary\n    url: https://example.org/s/{n}\n'
            '    accessed: 2026-11-28\n    excerpt: "The words of the source that support the note."\n'
            "added: 2026-11-28\nchecked: 2026-11-28\n",
            encoding="utf-8",
        )
    return folder / "mkdocs.yml"


def growth(sizes: list[int]) -> None:
    print("Synthetic corpora (200 paragraphs, both languages, full site build):")
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            config = synthetic_project(size, Path(folder))
            results[size] = build_once(config, Path(folder) / "site")
            print(
                f"  {size:6d} notes   {results[size]['seconds']:7.2f} s   (CPU {results[size]['cpu']:.2f} s)"
                f"   peak {results[size]['peak_mib']:7.1f} MiB   {1000 * results[size]['seconds'] / size:6.2f} ms per note"
            )
    print("  target for 10,000 notes: at most 12 s and 250 MiB")
    small, large = sizes[0], sizes[-1]
    print(
        f"  time ratio {large}/{small} notes: {results[large]['seconds'] / results[small]['seconds']:.1f} (linear would be {large / small:.0f})"
    )


# Run in a fresh interpreter: wraps the edition's stages with timers, builds, prints each stage's total.
STAGE_TIMER = """
import collections, functools, json, sys, time
from annotated_edition import export, plugin
from mkdocs.commands import build

spent = collections.Counter()

def timed(module, name, label):
    function = getattr(module, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    setattr(module, name, wrapper)

for module, name, label in [
    (plugin, "load_edition", "validation of every file"),
    (plugin, "render_document", "statement page, rendered"),
    (plugin, "render_handout", "handout, rendered"),
    (plugin, "render_note_page", "note pages, rendered"),
    (plugin, "read_page", "page text read for the W3C selectors"),
    (plugin, "with_policy", "content security policy"),
    (export, "citation_index", "citations (4 styles)"),
    (export, "to_json", "JSON encoding"),
    (export, "atom_feed", "Atom feeds"),
    (build, "_populate_page", "MkDocs: Markdown and page content (includes the statement and handout renders)"),
    (build, "_build_page", "MkDocs: theme template and post-page (includes the page text and the policy)"),
]:
    timed(module, name, label)
from mkdocs.config import load_config

start = time.perf_counter()
build.build(load_config(sys.argv[1], site_dir=sys.argv[2]))
spent["whole build"] = time.perf_counter() - start
print(json.dumps(spent))
"""


def stages(size: int) -> None:
    """Where the time of a large build goes: the total of each stage, for `size` notes."""
    with tempfile.TemporaryDirectory() as folder:
        config = synthetic_project(size, Path(folder))
        result = subprocess.run(
            [sys.executable, "-c", STAGE_TIMER, str(config), str(Path(folder) / "site")],
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
    spent = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"Where the time goes with {size} notes (both languages; stages may include one another):")
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {seconds:7.2f} s  {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--only", choices=["overhead", "weight", "growth", "stages"], help="run one part only")
    args = parser.parse_args()
    parts = {
        "overhead": lambda: overhead(args.runs),
        "weight": weight,
        "growth": lambda: growth(args.sizes),
        "stages": lambda: stages(args.sizes[-1]),
    }
    for name, part in parts.items():
        if args.only in (None, name):
            part()


if __name__ == "__main__":
    main()
