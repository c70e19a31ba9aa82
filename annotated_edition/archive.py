"""Sources that don't rot: ask the Internet Archive's Save Page Now to keep a copy of every source
that has none, write the copy's address into the note, and check that every source still opens."""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, display_path
from .yamlfile import INVISIBLE, read_yaml

WAYBACK = "https://web.archive.org"
USER_AGENT = "annotated-edition/1 (archives and checks the sources of its notes)"
SNAPSHOT = re.compile(r"/web/(\d{14})/(\S+)")


class Unchecked(str):
    """Why an address was not requested or could not be checked: not a sign that it is broken."""


def web_address(iri: str) -> str:
    """An address as a browser sends it: a non-ASCII host in IDNA, other non-ASCII characters
    percent-encoded (`…/wiki/Économie` -> `…/wiki/%C3%89conomie`). ValueError if it cannot be one."""
    if INVISIBLE.search(iri):  # the same characters the checker refuses in every text
        raise ValueError("it contains a control character")
    parts = urllib.parse.urlsplit(iri)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("only https:// addresses are requested")
    host = parts.hostname if parts.hostname.isascii() else parts.hostname.encode("idna").decode("ascii")
    host = f"[{host}]" if ":" in host else host
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    keep = "/%:@!$&'()*+,;=-._~?#[]"
    return urllib.parse.urlunsplit(
        ("https", netloc, *(urllib.parse.quote(part, safe=keep) for part in (parts.path, parts.query, parts.fragment)))
    )


def public_host(address: str) -> str | None:
    """Why `address` must not be requested from the runner (a loopback, private, link-local or
    otherwise reserved host, or not https), or None if it may be."""
    parts = urllib.parse.urlsplit(address)
    if parts.scheme != "https":
        return "not an https:// address"
    try:
        found = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError, ValueError) as error:
        return f"its host could not be found ({error})"
    for ip in found:
        ip_address = ipaddress.ip_address(ip.split("%")[0])
        if not ip_address.is_global or ip_address.is_multicast:
            return f"its host is an internal address ({ip})"
    return None


class _RefusedRedirect(urllib.error.URLError):
    """A redirect to an address that is not requested: the source could not be checked, not broken."""


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another public https:// address."""

    def redirect_request(self, request, response, code, message, headers, new_url):
        reason = public_host(new_url)
        if reason:
            raise _RefusedRedirect(f"redirected to {new_url[:100]}, which is refused: {reason}")
        return super().redirect_request(request, response, code, message, headers, new_url)


class ArchiveError(Exception):
    """Save Page Now did not give a copy: the message says why."""


@dataclass(frozen=True)
class Source:
    """One source of one note, where it is in its file."""

    path: Path
    file: str
    number: int  # 1-based, as messages count sources
    url: str
    url_line: int
    archive: str | None


def sources(annotations: Path, root: Path) -> list[Source]:
    """Every source of every readable note, in file order."""
    found = []
    for path in sorted(annotations.glob("*/*.yml")):
        parsed, _ = read_yaml(path, path.name)
        if parsed is None or not isinstance(parsed.data, dict):
            continue  # `edition check` reports it
        for index, source in enumerate(parsed.data.get("sources") or []):
            if isinstance(source, dict) and isinstance(source.get("url"), str):
                line = parsed.line(("sources", index, "url"))
                found.append(
                    Source(path, display_path(path, root), index + 1, source["url"], line, source.get("archive"))
                )
    return found


class SavePageNow:
    """The Internet Archive's Save Page Now, politely: one request at a time, `delay` seconds apart,
    waiting as long as the service asks (HTTP 429 `Retry-After`) and retrying its passing failures."""

    def __init__(
        self,
        endpoint: str = WAYBACK,
        delay: float = 10.0,
        retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
        authorization: str | None = None,
    ) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.delay, self.retries, self.sleep = delay, retries, sleep
        self.authorization = authorization
        self._opener = urllib.request.build_opener(_NoRedirect)
        self._last: float | None = None

    def save(self, url: str) -> str:
        """Ask for a copy of `url`; return the copy's permanent address."""
        for attempt in range(self.retries + 1):
            self._wait()
            status, headers = self._request(url)
            if status == 429 or status >= 500:
                if attempt == self.retries:
                    raise ArchiveError(f"the archive answered HTTP {status} {self.retries + 1} times")
                self.sleep(_retry_after(headers.get("Retry-After"), self.delay))
                continue
            for header in ("Location", "Content-Location"):
                match = SNAPSHOT.search(headers.get(header) or "")
                if match:
                    return f"{WAYBACK}/web/{match.group(1)}/{match.group(2)}"
            raise ArchiveError(f"the archive answered HTTP {status} without the address of a copy")
        raise ArchiveError("no copy")  # not reached: the loop returns or raises

    def _wait(self) -> None:
        if self._last is not None:
            self.sleep(self.delay)
        self._last = time.monotonic()

    def _request(self, url: str) -> tuple[int, dict]:
        try:
            address = web_address(url)
        except ValueError as error:
            raise ArchiveError(f"the address cannot be archived: {error}") from None
        request = urllib.request.Request(f"{self.endpoint}/save/{address}", headers={"User-Agent": USER_AGENT})
        if self.authorization:
            request.add_header("Authorization", self.authorization)
        try:
            with self._opener.open(request, timeout=120) as response:
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers or {})
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, http.client.HTTPException) as error:
            raise ArchiveError(f"the archive could not be reached ({getattr(error, 'reason', error)})") from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep the redirect to the copy as the answer instead of downloading the copy."""

    def redirect_request(self, *args, **kwargs):
        return None


def _retry_after(value: str | None, default: float) -> float:
    return float(value) if value and value.strip().isdigit() else max(default, 60.0)


def archive_missing(annotations: Path, root: Path, archiver: SavePageNow, limit: int | None = None) -> list[Problem]:
    """Archive every source without `archive`, writing each copy's address under its `url`.

    Returns one problem per source that could not be archived; the others' files are updated as
    soon as their copy exists, so an interrupted run loses nothing.
    """
    failures = {}
    missing = [source for source in sources(annotations, root) if not source.archive]
    # Sources later in a file first: inserting a line then never moves a line still to be written.
    for source in sorted(missing[:limit], key=lambda s: (s.file, -s.url_line)):
        try:
            copy = archiver.save(source.url)
        except ArchiveError as error:
            failures[(source.file, source.number)] = str(error)
            continue
        write_archive(source.path, source.url_line, copy)
    # Lines as they are now that the copies above a failed source are written.
    return [
        Problem(source.file, source.url_line, f"source {source.number} was not archived: {failures[key]}")
        for source in sources(annotations, root)
        if (key := (source.file, source.number)) in failures
    ]


def write_archive(path: Path, url_line: int, copy: str) -> None:
    """Add `archive: <copy>` just under the source's `url:` line, changing nothing else in the file."""
    lines = path.read_text("utf-8").splitlines(keepends=True)
    url = lines[url_line - 1]
    indent = " " * url.index("url:")
    newline = "\r\n" if url.endswith("\r\n") else "\n"
    lines.insert(url_line, f"{indent}archive: {copy}{newline}")
    path.write_text("".join(lines), encoding="utf-8")


def broken_links(
    annotations: Path, root: Path, fetch: Callable[[str], int | str] | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Every source and archived copy that no longer opens: (broken, could not be checked).

    `fetch` returns an HTTP status, or a string saying why the page could not be reached.
    """
    fetch = fetch or _status
    broken, unsure = [], []
    for source in sources(annotations, root):
        for what, address in (("source", source.url), ("archived copy", source.archive)):
            if not address:
                continue
            status = fetch(address)
            where = f"{what} of source {source.number}"
            if isinstance(status, Unchecked):
                unsure.append(Problem(source.file, source.url_line, f"{where} {status}: {address[:200]}"))
            elif isinstance(status, str) or status in (404, 410):
                reason = status if isinstance(status, str) else f"HTTP {status}"
                broken.append(Problem(source.file, source.url_line, f"{where} no longer opens ({reason}): {address}"))
            elif status >= 400:
                unsure.append(Problem(source.file, source.url_line, f"{where} answered HTTP {status}: {address}"))
    return broken, unsure


def _status(url: str) -> int | str:
    """The page's HTTP status, a reason it is unreachable, or an Unchecked reason it was not asked."""
    try:
        address = web_address(url)
    except ValueError as error:
        return Unchecked(f"could not be checked: {error}")
    reason = public_host(address)
    if reason:
        return Unchecked(f"could not be checked: {reason}")
    opener = urllib.request.build_opener(_PublicRedirects)
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT}, method="HEAD")
    for _ in range(2):
        try:
            with opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if error.code not in (403, 405) or request.get_method() == "GET":
                return error.code
            request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})  # some sites refuse HEAD
        except _RefusedRedirect as error:
            return Unchecked(f"could not be checked: {error.reason}")
        except urllib.error.URLError as error:
            return str(error.reason)
        except (TimeoutError, OSError, ValueError, http.client.HTTPException) as error:
            return str(error)
    return 0
