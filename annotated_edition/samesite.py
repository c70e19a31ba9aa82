"""Compare two builds of the site: the same files, the same bytes, apart from the generator tag.

Used by `make properdocs`: the site built with ProperDocs (the maintained fork of MkDocs 1.x)
must be the site MkDocs builds, so that the edition can move to it the day MkDocs stops.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(first: Path, second: Path) -> list[str]:
    """Every file only in one tree, or whose bytes differ once the generator tags are set aside."""
    files = {path.relative_to(first).as_posix() for path in first.rglob("*") if path.is_file()}
    others = {path.relative_to(second).as_posix() for path in second.rglob("*") if path.is_file()}
    found = [f"only in {first}: {name}" for name in sorted(files - others)]
    found += [f"only in {second}: {name}" for name in sorted(others - files)]
    for name in sorted(files & others):
        one, two = (root.joinpath(name).read_bytes() for root in (first, second))
        if one != two and GENERATOR.sub(b"", one) != GENERATOR.sub(b"", two):
            found.append(f"differs: {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    first, second = (Path(arg) for arg in (argv if argv is not None else sys.argv[1:]))
    found = differences(first, second)
    for line in found:
        print(line)
    count = len([path for path in first.rglob("*") if path.is_file()])
    print(
        f"{count} files compared: " + ("the same apart from the generator tag" if not found else f"{len(found)} differ")
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
