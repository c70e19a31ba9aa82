"""Build or serve the site for a contributor, saying plainly what would otherwise end in a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's fallback when SITE_URL is not set
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def serve(address: str) -> int:
    """`mkdocs serve` on `address` (host:port), once the port is known to be free."""
    host, _, port = address.rpartition(":")
    if not port.isdigit() or not host:
        print(f"edition serve: `{address}` is not an address such as 127.0.0.1:8000", file=sys.stderr)
        return 2
    if not _free(host, int(port)):
        print(
            f"edition serve: {address} is already in use (is the site already being served in another "
            f"window?): stop that one, or choose another port, e.g. make serve ADDR={host}:{int(port) + 1}",
            file=sys.stderr,
        )
        return 1
    return _mkdocs("serve", "--strict", "--dev-addr", address)


def build(site_dir: str) -> int:
    """`mkdocs build --strict`, warning first when the site's public address was not given."""
    if not os.environ.get("SITE_URL"):
        print(
            f"Warning: SITE_URL is not set, so every citation, feed and export will point to {DEFAULT_SITE_URL}. "
            "For the published site, give its address: make build SITE_URL=https://example.org/edition/",
            file=sys.stderr,
        )
    return _mkdocs("build", "--strict", "--site-dir", site_dir)


def _free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _mkdocs(*arguments: str) -> int:
    """Run MkDocs and stop it with us: on Ctrl-C, on SIGTERM or SIGHUP (an editor's stop button,
    `kill`), and when whatever started us (make) is stopped, so that no server keeps the port."""
    _die_with_parent()
    child = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", *arguments], env={**os.environ, **QUIET}, preexec_fn=_die_with_parent
    )

    def stop(signum, frame):
        child.terminate()

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return child.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches MkDocs too: that is how one leaves `serve`
        child.wait()
        return 0
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _die_with_parent() -> None:
    """On Linux, ask for SIGTERM when the parent process ends (elsewhere, nothing to do)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
