"""`ladderpress serve`: build, serve on 127.0.0.1, rebuild what an edit touches, reload the browser.

livereload gives the reload socket and its script; the tornado application
around them is ours, built from subclasses (livereload's own Server sets
attributes on its handler classes).  Change detection is ours too:
livereload calls a watch task once per changed file it happens to notice in a
poll, so a burst of saves (an editor writing many files, a `git checkout`)
would rebuild many times.  Here one poller thread compares snapshots of the
source files, waits until the files have been quiet for a moment, and hands
the whole batch of changed paths to one builder, which is never re-entered.
"""

from __future__ import annotations

import html
import logging
import signal
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
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
from tornado import ioloop, web

from generator.commands.build import Prepared, prepare, render_pages
from generator.console import plural
from generator.content.sources import excerpt, snapshot
from generator.errors import ERROR, ContentError, Diagnostic
from generator.site.output import private_folder, prune, update_files
from generator.site.pages import PageSpec, affected

POLL_SECONDS = 0.15
QUIET_SECONDS = 0.3


@dataclass(frozen=True)
class Rebuild:
    """What one rebuild did, for the terminal."""

    changed: tuple[str, ...]
    rendered: int
    total: int
    seconds: float
    diagnostics: tuple[Diagnostic, ...]
    failed: bool
    warnings_before: tuple[Diagnostic, ...] | None = None
    """The previous successful build's warnings (None: there was none), to tell what changed."""


class DevSite:
    """The dev server's builder: a private output folder, rebuilt incrementally, one build at a time."""

    def __init__(self, root: Path, out: Path):
        self.root = root
        self.out = out
        self.lock = threading.Lock()
        self.prepared: Prepared | None = None
        self.error_page: str | None = None
        self.builds = 0

    def build(self, changed: set[str] | None = None) -> Rebuild:
        """Rebuild after the given source paths changed (None: everything)."""
        with self.lock:
            started = time.perf_counter()
            names = tuple(sorted(changed or ()))
            try:
                prepared = prepare(self.root)
            except ContentError as exc:
                self.error_page = error_page(self.root, exc.diagnostics)
                self.builds += 1
                return Rebuild(
                    names, 0, 0, time.perf_counter() - started, tuple(exc.diagnostics), True
                )
            specs = self.pages_to_render(prepared, changed)
            try:
                files = render_pages(prepared, self.root, specs)
            except ContentError as exc:
                self.error_page = error_page(self.root, exc.diagnostics)
                self.builds += 1
                return Rebuild(
                    names, 0, 0, time.perf_counter() - started, tuple(exc.diagnostics), True
                )
            full = len(specs) == len(prepared.specs)
            copies = prepared.copies if full else self.changed_copies(prepared, changed or set())
            update_files(self.out, files, copies)
            if full:
                prune(self.out, [*files, *copies])  # pages that no longer exist are gone
            before = tuple(self.prepared.diagnostics) if self.prepared is not None else None
            self.prepared = prepared
            self.error_page = None
            self.builds += 1
            return Rebuild(
                names,
                sum(1 for s in specs if s.html),
                sum(1 for s in prepared.specs if s.html),
                time.perf_counter() - started,
                tuple(prepared.diagnostics),
                False,
                before,
            )

    def pages_to_render(
        self, prepared: Prepared, changed: set[str] | None
    ) -> tuple[PageSpec, ...] | list[PageSpec]:
        """Only the pages that show a changed file, unless the change is structural."""
        previous = self.prepared
        if changed is None or previous is None or self.error_page is not None:
            return prepared.specs
        if [s.path for s in previous.specs] != [s.path for s in prepared.specs]:
            return prepared.specs  # pages were added, removed or renamed
        if any(not c.startswith("content/") for c in changed):
            return prepared.specs  # site.yml or the theme changed: every page may look different
        content = {c for c in changed if not c.startswith("content/assets/")}
        return affected(
            prepared.site,
            prepared.specs,
            content,
            previous.site,
            previous.specs,
            previous.renderer.read,
        )

    def changed_copies(self, prepared: Prepared, changed: set[str]) -> dict[str, Path]:
        return {rel: path for rel, path in prepared.copies.items() if f"content/{rel}" in changed}


def _identity(d: Diagnostic) -> tuple[str, str, str]:
    return (d.path, d.code, d.message)


def warning_changes(
    before: Sequence[Diagnostic], after: Sequence[Diagnostic]
) -> tuple[list[Diagnostic], int]:
    """The warnings in after that were not in before, and how many of before's are gone.

    A warning is known by its file, code and message, not its line, so one that only
    moved (a line was added above it) is neither.  The same warning twice in a file
    counts twice; when it gains one, the one at a place it was not before is the new one.
    """
    old = Counter(map(_identity, before))
    now = Counter(map(_identity, after))
    places = {(_identity(d), d.line, d.col) for d in before}
    new: list[Diagnostic] = []
    for key, count in (now - old).items():
        same = [d for d in after if _identity(d) == key]
        same.sort(key=lambda d: (key, d.line, d.col) in places)  # new places first
        new += same[:count]
    return sorted(new, key=Diagnostic.sort_key), sum((old - now).values())


def report_text(result: Rebuild, quiet: bool, render: Callable[[list[Diagnostic]], str]) -> str:
    """What the terminal shows after a build: a failed build's errors; otherwise its
    warnings (every one the first time, then only what changed) and what was built."""
    if result.failed:
        errors = [d for d in result.diagnostics if d.severity == ERROR] or list(result.diagnostics)
        return render(errors) + "\nBuild failed; the browser shows the errors until they are fixed."
    if quiet:
        return ""
    lines = []
    if result.warnings_before is None:
        if result.diagnostics:
            lines.append(render(list(result.diagnostics)))
    else:
        new, fixed = warning_changes(result.warnings_before, result.diagnostics)
        if new and fixed:
            lines.append(f"{plural(len(new), 'new warning')}, {fixed} fixed:")
        elif new:
            lines.append(f"{plural(len(new), 'new warning')}:")
        elif fixed:
            lines.append(f"{plural(fixed, 'warning')} fixed")
        if new:
            lines.append(render(new))
    if not result.changed:
        lines.append(f"Built {result.total} pages in {result.seconds:.2f} s")
    else:
        names = ", ".join(result.changed[:3])
        if len(result.changed) > 3:
            names += f" and {len(result.changed) - 3} more"
        lines.append(
            f"Rebuilt {result.rendered} of {result.total} pages in {result.seconds:.2f} s "
            f"after changes to {names}"
        )
    return "\n".join(lines)


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


class Poller(threading.Thread):
    """Notices changed source files and hands them over in batches, once they have settled."""

    def __init__(
        self,
        root: Path,
        on_change: Callable[[set[str]], None],
        poll: float = POLL_SECONDS,
        quiet: float = QUIET_SECONDS,
    ):
        super().__init__(name="ladderpress-poller", daemon=True)
        self.root = root
        self.on_change = on_change
        self.poll = poll
        self.quiet = quiet
        self.stopped = threading.Event()
        self.last = snapshot(root)

    def run(self) -> None:
        pending: set[str] = set()
        last_change = 0.0
        while not self.stopped.wait(self.poll):
            current = snapshot(self.root)
            changed = {
                p for p in current.keys() | self.last.keys() if current.get(p) != self.last.get(p)
            }
            self.last = current
            now = time.monotonic()
            if changed:
                pending |= changed
                last_change = now
            elif pending and now - last_change >= self.quiet:
                batch, pending = pending, set()
                self.on_change(batch)

    def stop(self) -> None:
        self.stopped.set()


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


def make_app(dev: DevSite) -> web.Application:
    """The built site (no dotfiles, its own 404 page, the error page while content is broken),
    the reload socket and its script."""

    class SiteHandler(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            parts = [p for p in path.split("/") if p]
            if any(p.startswith(".") for p in parts):
                raise web.HTTPError(404)
            if dev.error_page is not None and (
                not path or path.endswith(("/", ".html")) or "." not in parts[-1]
            ):
                self.page(500, dev.error_page)
                return
            await super().get(path, include_body)

        def write_error(self, status_code: int, **kwargs: Any) -> None:
            not_found = dev.out / "404.html"
            if status_code == 404 and not_found.is_file():
                self.page(404, not_found.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

        def page(self, status: int, body: str | bytes) -> None:
            self.set_status(status)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(body)

        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-store")

    return web.Application(
        [
            (r"/livereload", ReloadSocket),
            (r"/livereload.js", LiveReloadJSHandler),
            (r"/(.*)", SiteHandler, {"path": str(dev.out), "default_filename": "index.html"}),
        ],
        transforms=[ScriptInjector],
    )


@contextmanager
def stopped_by_signals() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP (a process manager, a closed terminal) all raise
    KeyboardInterrupt, once: later ones are ignored, so the clean-up is not cut short.
    A signal ignored when we started (`nohup` ignores SIGHUP) stays ignored."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    found = [getattr(signal, name) for name in names if hasattr(signal, name)]
    signals = [sig for sig in found if signal.getsignal(sig) is not signal.SIG_IGN]
    previous = {sig: signal.getsignal(sig) for sig in signals}

    def stop(signum: int, frame: FrameType | None) -> None:
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


def serve(
    root: Path,
    host: str,
    port: int,
    *,
    open_browser: bool = False,
    echo: Callable[[str], None] = print,
    report: Callable[[Rebuild], None] | None = None,
) -> None:
    """Build into a private folder, serve it with live reload, and rebuild on change until
    Ctrl-C, SIGTERM or SIGHUP, which remove the folder.  Raise ContentError, serving
    nothing, when root has no site.yml."""
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)  # no line per request
    try:
        with stopped_by_signals(), private_folder("ladderpress-serve-") as out:
            dev = DevSite(root, out)
            first = dev.build()
            if first.failed and any(d.code == "no-site" for d in first.diagnostics):
                raise ContentError(list(first.diagnostics))  # not a site folder
            if report:
                report(first)
            _serve_until_stopped(dev, host, port, open_browser, echo, report)
    except KeyboardInterrupt:
        echo("Stopped.")


def _serve_until_stopped(
    dev: DevSite,
    host: str,
    port: int,
    open_browser: bool,
    echo: Callable[[str], None],
    report: Callable[[Rebuild], None] | None,
) -> None:
    loop = ioloop.IOLoop.current()

    def on_change(changed: set[str]) -> None:
        result = dev.build(changed)
        if report:
            report(result)
        loop.add_callback(ReloadSocket.reload_waiters, "*")

    poller = Poller(dev.root, on_change)
    server = make_app(dev).listen(port, host)
    try:
        url_host = f"[{host}]" if ":" in host else host
        echo(f"Serving {dev.root} on http://{url_host}:{port}/ (Ctrl-C to stop)")
        poller.start()
        if open_browser:
            import webbrowser

            threading.Timer(0.5, webbrowser.open, args=(f"http://{url_host}:{port}/",)).start()
        loop.start()
    finally:
        server.stop()
        poller.stop()
        if poller.is_alive():
            poller.join(timeout=10)  # a rebuild under way ends before its folder is removed
