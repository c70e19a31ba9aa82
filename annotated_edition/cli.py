"""The contributor's command line: `edition check` validates every note, `edition new` starts one,
`edition serve` and `edition build` preview and build the site (also where `make` is missing)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from . import archive, history, preview
from .annotation import ID_PATTERN, PAGE_ANCHOR, PLACEHOLDER_BODY, RESERVED_ID, check_annotation
from .document import load_documents
from .model import KINDS, Document
from .problems import EditionError, display_path
from .summary import release_notes, summarize
from .validate import highlighted, load_edition

SCAFFOLD = """\
# yaml-language-server: $schema=../../annotated_edition/schema/annotation.schema.json
# A new note on paragraph {paragraph}. Fill in every empty "" and the source, then run `make check`.
paragraph: {paragraph}
kind: {kind}
{quote}title:
{title}body:
{body}{verdict}sources:
  - title: ""          # the title as the original publication gives it
    publisher: ""      # who is responsible for it: the newsroom, the institution, the court, the journal
    type: primary      # primary, press, reference, or other (then add `reason:` saying why nothing better)
    url: "https://"    # the original publication's address
    # via: "https://"  # the copy you read (a syndication, an archive), when it is not `url`
    # published: YYYY-MM-DD   # the page's date, if the page shows one
    accessed: {today}
    excerpt: ""        # the source's own words that support the note, copied exactly (20 to 600 characters)
added: {today}
checked: {today}       # the day you checked every claim against its sources
# recheck: YYYY-MM-DD  # for a subject still moving: when the note should be checked again
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    settings = plugin_settings(Path.cwd() / "mkdocs.yml")
    parser.add_argument(
        "--annotations", type=Path, default=Path(settings["annotations"]), help="default: the site's setting"
    )
    parser.add_argument(
        "--documents", type=Path, default=Path(settings["documents"]), help="default: the site's setting"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every annotation without building the site")
    new = commands.add_parser("new", help="create a note file with every required key")
    new.add_argument("id", help="the note's id and file name: lowercase letters, digits, hyphens")
    new.add_argument("--paragraph", "-p", type=int, required=True, help="the paragraph number (¶) in the original")
    new.add_argument("--quote", "-q", help="the exact words of the original the note is about")
    new.add_argument("--kind", "-k", choices=KINDS, default="context")
    new.add_argument("--document", "-d", help="the document id (default: the only document)")
    serve = commands.add_parser("serve", help="build the site and serve it, rebuilding it when a file changes")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="host:port (default: 127.0.0.1:8000)")
    build = commands.add_parser("build", help="build the site, failing on any warning")
    build.add_argument("--site-dir", default="site", help="default: site")
    version = commands.add_parser("version", help="the edition's latest version (for releases)")
    version.add_argument("--document", "-d", help="the document id (default: the only document)")
    version.add_argument("--notes", action="store_true", help="print the release notes (Markdown) instead")
    save = commands.add_parser("archive", help="ask the Internet Archive to keep a copy of every source that has none")
    save.add_argument(
        "--endpoint", default=archive.WAYBACK, help="Save Page Now's address (default: the Internet Archive)"
    )
    save.add_argument("--delay", type=float, default=10.0, help="seconds between two requests (default: 10)")
    save.add_argument("--limit", type=int, help="archive at most this many sources in this run")
    commands.add_parser("links", help="check that every source and archived copy still opens")
    summary = commands.add_parser("summary", help="the notes added, changed or removed since a git revision")
    summary.add_argument("--base", default="origin/main", help="the revision to compare with (default: origin/main)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "check":
        return check(root / args.annotations, root / args.documents, root)
    if args.command == "serve":
        return preview.serve(args.addr)
    if args.command == "build":
        return preview.build(args.site_dir)
    if args.command == "version":
        return print_version(args, root)
    if args.command == "archive":
        return archive_sources(args, root)
    if args.command == "links":
        return check_links(root / args.annotations, root)
    if args.command == "summary":
        return summarize_changes(args.base, root / args.annotations, root)
    return scaffold(args, root)


def plugin_settings(config_file: Path) -> dict[str, str]:
    """The edition plugin's folders as mkdocs.yml sets them, so that commands and builds agree."""
    from mkdocs.utils.yaml import yaml_load  # reads mkdocs.yml's own tags, such as !ENV

    from .plugin import EditionConfig  # the plugin's own defaults, not a copy of them

    settings = {name: getattr(EditionConfig, name).default for name in ("annotations", "documents")}
    if not config_file.is_file():
        return settings

    try:
        with config_file.open(encoding="utf-8") as stream:
            plugins = (yaml_load(stream) or {}).get("plugins") or []
    except Exception:  # a broken mkdocs.yml is for the build to report; the defaults still work here
        return settings
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("edition"), dict):
            settings.update({key: str(plugin["edition"][key]) for key in settings if key in plugin["edition"]})
    return settings


def check(annotations: Path, documents: Path, root: Path) -> int:
    """Print every problem as FILE:LINE: message; exit 1 if there is any."""
    try:
        edition = load_edition(annotations, documents, root, date.today())
    except EditionError as error:
        print(error.report(), file=sys.stderr)
        return 1
    count = sum(len(notes) for notes in edition.annotations.values())
    print(f"OK: {count} notes on {len(edition.documents)} document(s), no problem found.")
    due = edition.due_for_recheck(date.today())
    if due:
        # A reminder for maintainers, never a failure: the notes were right when last checked.
        print(f"\nWarning: {len(due)} note(s) due for re-checking:", file=sys.stderr)
        for note in due:
            print(
                f"{note.file}:{note.line('recheck')}: `recheck` {note.recheck} has passed (last checked {note.checked}): "
                "check every claim against its sources again, then update `checked` and `recheck`",
                file=sys.stderr,
            )
    return 0


def print_version(args: argparse.Namespace, root: Path) -> int:
    """The latest version number, or its release notes: what changed and which notes."""
    try:
        edition = load_edition(root / args.annotations, root / args.documents, root, date.today())
    except EditionError as error:
        print(error.report(), file=sys.stderr)
        return 1
    document_id = _chosen_document(args.document, edition.documents)
    if document_id not in edition.documents or edition.documents[document_id].version is None:
        print("edition version: no versions.yml for this document (or choose one with --document)", file=sys.stderr)
        return 2
    if not args.notes:
        print(edition.documents[document_id].version.number)
        return 0
    print(release_notes(next(release for release in edition.releases(document_id) if release.version)))
    return 0


def archive_sources(args: argparse.Namespace, root: Path) -> int:
    """Archive the sources without a copy; print what could not be archived."""
    key, secret = os.environ.get("SPN_ACCESS_KEY"), os.environ.get("SPN_SECRET_KEY")
    archiver = archive.SavePageNow(
        args.endpoint, delay=args.delay, authorization=f"LOW {key}:{secret}" if key and secret else None
    )
    before = sum(1 for source in archive.sources(root / args.annotations, root) if not source.archive)
    failures = archive.archive_missing(root / args.annotations, root, archiver, args.limit)
    for failure in failures:
        print(failure, file=sys.stderr)
    done = min(before, args.limit or before) - len(failures)
    print(
        f"Archived {done} source(s); {len(failures)} could not be archived; {before - done - len(failures)} left for later."
    )
    return 1 if failures else 0


def check_links(annotations: Path, root: Path) -> int:
    """Print every source or archived copy that no longer opens (exit 1), and those that could not be checked."""
    broken, unsure = archive.broken_links(annotations, root)
    for problem in broken:
        print(problem)
    if unsure:
        print(f"\n{len(unsure)} address(es) refused the check (often a site blocking robots): open them by hand.")
        for problem in unsure:
            print(problem)
    print(f"\n{len(broken)} source address(es) no longer open.")
    return 1 if broken else 0


def summarize_changes(base: str, annotations: Path, root: Path) -> int:
    """Print, as Markdown, the notes added, changed or removed since `base` (for a pull request's summary)."""
    try:
        before = history.notes_at(base, annotations, root)
    except history.HistoryError as error:
        print(f"edition summary: cannot read the notes at `{base}`: {error}", file=sys.stderr)
        return 2
    print(summarize(before, history.notes_in_tree(annotations)))
    return 0


def scaffold(args: argparse.Namespace, root: Path) -> int:
    """Write annotations/<document>/<id>.yml, refusing anything the checker would refuse."""
    documents, problems = load_documents(root / args.documents, root)
    if problems:
        print(EditionError(problems).report(), file=sys.stderr)
        return 1
    document_id = _chosen_document(args.document, documents)
    if document_id not in documents:
        print(f"edition new: choose a document with --document ({', '.join(sorted(documents))})", file=sys.stderr)
        return 2
    document = documents[document_id]
    errors = []
    if RESERVED_ID.fullmatch(args.id):
        errors.append(f"`{args.id}` is reserved for the link to paragraph {args.id[1:]}: choose a descriptive id")
    elif PAGE_ANCHOR.fullmatch(args.id):
        errors.append(f"`{args.id}` is one of the page's own anchors: choose a descriptive id")
    elif not ID_PATTERN.fullmatch(args.id):
        errors.append(f"`{args.id}` cannot be an id: use lowercase letters, digits and hyphens, e.g. mgx-share")
    if not 1 <= args.paragraph <= document.size:
        errors.append(f"paragraph {args.paragraph} is outside the document, which has paragraphs 1 to {document.size}")
    elif args.quote and document.paragraphs[document.original][args.paragraph - 1].count(args.quote) != 1:
        errors.append(f"the quote does not occur exactly once in paragraph {args.paragraph}: copy the exact words")
    path = root / args.annotations / document_id / f"{args.id}.yml"
    if path.exists():
        errors.append(f"{path.relative_to(root)} already exists: choose another id")
    if errors:
        for error in errors:
            print(f"edition new: {error}", file=sys.stderr)
        return 2
    languages = document.languages
    empty = "".join(f'  {language}: ""\n' for language in languages)
    quoted = "".join(
        f'  {language}: "{_escape(args.quote or "") if language == document.original else ""}"\n'
        for language in languages
    )
    quote = f"quote:\n{quoted}" if args.quote else ""
    verdict = (
        "claim:                  # the claim you check, as one sentence in each language\n"
        f"{empty}"
        'verdict: ""             # choose one: accurate | mostly-accurate | misleading | inaccurate | unverifiable\n'
    )
    body = "".join(
        f"  {language}: |\n    {PLACEHOLDER_BODY.get(language, PLACEHOLDER_BODY['en'])}\n" for language in languages
    )
    if args.quote:
        _warn_if_highlighted(args, document, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        SCAFFOLD.format(
            paragraph=args.paragraph,
            kind=args.kind,
            quote=quote,
            verdict=verdict if args.kind == "fact-check" else "",
            today=date.today().isoformat(),
            title=empty,
            body=body,
        ),
        encoding="utf-8",
    )
    print(f"Created {path.relative_to(root)}: fill it in, then run `make check`.")
    return 0


def _chosen_document(requested: str | None, documents: dict) -> str | None:
    """The document a command works on: the one asked for, or the only one there is."""
    return requested or (next(iter(documents)) if len(documents) == 1 else None)


def _warn_if_highlighted(args: argparse.Namespace, document: Document, root: Path) -> None:
    """Name the notes that already highlight some of these words: the checker would refuse the new one."""
    folder = root / args.annotations / document.id
    notes = []
    for path in sorted(folder.glob("*.yml")):
        note, _ = check_annotation(path, display_path(path, root), document, date.today())
        notes += [note] if note else []  # a broken note is reported by `make check`, not here
    text = document.paragraphs[document.original][args.paragraph - 1]
    start = text.index(args.quote)
    for note in highlighted(notes, document, args.paragraph, document.original, start, start + len(args.quote)):
        print(
            f"Warning: some of these words are already highlighted by {note.file} "
            f"(“{note.quote[document.original]}”): choose other words, or add to that note instead.",
            file=sys.stderr,
        )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


if __name__ == "__main__":
    sys.exit(main())
