"""The dev server's web side: the built folder over HTTP, the reload socket, ports, signals.

livereload gives the reload socket and its script; the tornado application
around them is ours, built from subclasses (livereload's own Server sets
attributes on its handler classes).
"""

from __future__ import annotations

import html
import re
import signal
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from livereload.handlers import (  # type: ignore[import-untyped]
    LiveReloadHandler,
    LiveReloadJSHandler,
    StaticFileHandler,
)
from livereload.server import LiveScriptInjector  # type: ignore[import-untyped]
from livereload.watcher import Watcher  # type: ignore[import-untyped]
from tornado import web
from tornado.log import gen_log

from generator.content.invisible import escaped
from generator.content.sources import excerpt
from generator.errors import ERROR, Diagnostic, UsageProblem


def error_page(root: Path, diagnostics: list[Diagnostic]) -> str:
    """A page that shows every error with its file, line and the lines around it."""
    errors = [d for d in diagnostics if d.severity == ERROR] or diagnostics
    items = []
    for d in errors:
        lines = "".join(
            f'<span class="{"hit" if n == d.line else ""}"><b>{n:>4}</b>  {html.escape(text)}</span>'
            for n, text in excerpt(root, d.path, d.line)
        )
        hint = f'<p class="hint">Hint: {html.escape(d.hint)}</p>' if d.hint else ""
        code = f"<pre>{lines}</pre>" if lines else ""
        items.append(
            f'<li><p class="where">{html.escape(d.path)}:{d.line}:{d.col}</p>'
            f'<p class="message">{html.escape(d.message)}</p>{hint}{code}</li>'
        )
    count = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{count} in the content · Ladderpress</title>\n<style>{_ERROR_CSS}</style>\n</head>\n<body>\n"
        f"<main><h1>The site cannot be built: {count}</h1>\n"
        "<p>Fix the content and save; this page reloads by itself.</p>\n"
        f"<ol>{''.join(items)}</ol>\n</main>\n</body>\n</html>\n"
    )


_ERROR_CSS = (
    "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1b1e24}"
    "main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}h1{color:#a61b1b}"
    "ol{padding-left:1.25rem}li{margin:1.5rem 0}.where{font-family:ui-monospace,monospace;font-weight:700;margin:0}"
    ".message{margin:.25rem 0}.hint{margin:.25rem 0;color:#3d4451}"
    "pre{background:#f4f5f8;border:1px solid #d9dde5;border-radius:8px;padding:.75rem;overflow:auto}"
    "pre span{display:block}pre .hit{background:#ffe3e3}"
    "@media (prefers-color-scheme: dark){body{background:#14161b;color:#e7e9ee}h1{color:#ffb4b4}"
    ".hint{color:#c3c8d4}pre{background:#1d2027;border-color:#323744}pre .hit{background:#5c1f1f}}"
)


def exposes(host: str) -> bool:
    """True when listening on host lets anyone on the network read the site."""
    return host in ("0.0.0.0", "::", "")


def choose_port(host: str, port: int, *, exact: bool) -> int:
    """The port to listen on: port, or (unless exact) the next free one after it.

    Raises UsageProblem when none is free.
    """
    chosen = free_port(host, port, tries=1 if exact else 20)
    if chosen is None:
        raise UsageProblem(f"port {port} on {host} is in use; choose another with --port")
    return chosen


def free_port(host: str, start: int, tries: int = 20) -> int | None:
    """The first port from start on which host can listen, or None."""
    for port in range(start, start + tries):
        with socket.socket(
            socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM
        ) as sock:
            try:
                sock.bind((host, port))
            except OSError:
                continue
            return port
    return None


LIVE_SCRIPT = (
    # livereload's own snippet: load the reload script from the port the page came from.
    b"<script>(function(){var s=document.createElement('script');"
    b"var port=window.location.port||(window.location.protocol=='https:'?443:80);"
    b"s.src='//'+window.location.hostname+':'+port+'/livereload.js?port='+port;"
    b"document.head.appendChild(s);})();</script>"
)


class ReloadSocket(LiveReloadHandler):
    """livereload's socket, configured here rather than on livereload's class."""

    watcher = Watcher()  # read only for a log line: our Poller does the watching
    live_css = False


class ScriptInjector(LiveScriptInjector):
    """Adds the reload script to every HTML page served."""

    script = LIVE_SCRIPT


def make_app(out: Path, error_page: Callable[[], str | None]) -> web.Application:
    """The web app: out, the reload socket and its script (and error_page() while it is one).

    Dotfiles are not served, a missing page is the site's own 404 page, and while the
    content is broken every page is the error page.  A malformed path (a NUL or another
    control character, a second leading slash) is a 400, logged in one line.
    """

    class SiteHandler(StaticFileHandler):
        """The built site, or the error page while the content is broken."""

        async def get(self, path: str, include_body: bool = True) -> None:
            """Send the file, a 404 for a dotfile, or the error page for a page."""
            if _MALFORMED.search(path):
                raise web.HTTPError(400, "malformed path")
            parts = [p for p in path.split("/") if p]
            if any(p.startswith(".") for p in parts):
                raise web.HTTPError(404)
            if (broken := error_page()) is not None and (
                not path or path.endswith(("/", ".html")) or "." not in parts[-1]
            ):
                self.page(500, broken)
                return
            await super().get(path, include_body)

        def log_exception(self, *exc_info: Any) -> None:
            """One line for a refused request, its path escaped; a traceback only for a bug."""
            error = exc_info[1]
            if not isinstance(error, web.HTTPError):
                super().log_exception(*exc_info)
            elif error.log_message:
                reason = error.log_message % error.args
                summary = escaped(self._request_summary())
                gen_log.warning("%d %s: %s", error.status_code, summary, escaped(reason))

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            """Send the site's own 404 page when it has one, else tornado's error page."""
            not_found = out / "404.html"
            if status_code == 404 and not_found.is_file():
                self.page(404, not_found.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

        def page(self, status: int, body: str | bytes) -> None:
            """Send an HTML page with this status, never cached."""
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(body)

        def set_extra_headers(self, path: str) -> None:
            """Ask the browser not to cache: every file may change on the next save."""
            self.set_header("Cache-Control", "no-store")

    return web.Application(
        [
            (r"/livereload", ReloadSocket),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", SiteHandler, {"path": str(out), "default_filename": "index.html"}),
        ],
        transforms=[ScriptInjector],
    )


#: What no path of the site holds: control characters, or a leading slash after the first.
_MALFORMED = re.compile(r"[\x00-\x1f\x7f]|^/")


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """A block in which Ctrl-C, SIGTERM and SIGHUP all raise KeyboardInterrupt, once.

    Later signals are ignored, so the clean-up is not cut short; a process manager and a
    closed terminal stop the server as Ctrl-C does.  A signal ignored when we started
    (`nohup` ignores SIGHUP) stays ignored.
    """
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    found = [getattr(signal, name) for name in names if hasattr(signal, name)]
    signals = [sig for sig in found if signal.getsignal(sig) is not signal.SIG_IGN]
    previous = {sig: signal.getsignal(sig) for sig in signals}

    def stop(signum: int, frame: FrameType | None) -> None:
        """Ignore further signals and interrupt the block."""
        for sig in signals:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    for sig in signals:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
