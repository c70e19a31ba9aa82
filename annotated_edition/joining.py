"""Join a long stream of small strings without holding them all at once.

A page or an export of thousands of notes is made of millions of small strings; `"".join` on
the whole stream first lists them all, which costs several times the result's own size.
"""

from __future__ import annotations

from collections.abc import Iterable

BATCH = 8192


def join_in_batches(pieces: Iterable[str], batch: int = BATCH) -> str:
    """The same string as `"".join(pieces)`, joined `batch` pieces at a time."""
    joined: list[str] = []
    pending: list[str] = []
    for piece in pieces:
        pending.append(piece)
        if len(pending) >= batch:
            joined.append("".join(pending))
            pending.clear()
    return "".join([*joined, *pending])
