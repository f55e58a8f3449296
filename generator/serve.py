"""`ladderpress serve`: build, serve on 127.0.0.1, rebuild what an edit touches, reload the browser.

livereload serves the pages and the reload socket.  Change detection is ours:
livereload calls a watch task once per changed file it happens to notice in a
poll, so a burst of saves (an editor writing many files, a `git checkout`)
would rebuild many times.  Here one poller thread compares snapshots of the
source files, waits until the files have been quiet for a moment, and hands
the whole batch of changed paths to one builder, which is never re-entered.
"""

from __future__ import annotations

import html
import logging
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.build import Prepared, prepare, render_pages
from generator.errors import ContentError, Diagnostic
from generator.output import update_files
from generator.pages import PageSpec, affected
from generator.sources import excerpt, snapshot

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
            if full:
                # Start from an empty folder, so pages that no longer exist are gone.
                for child in self.out.iterdir():
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
            copies = prepared.copies if full else self.changed_copies(prepared, changed or set())
            update_files(self.out, files, copies)
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
        return affected(prepared.specs, content, previous.specs)

    def changed_copies(self, prepared: Prepared, changed: set[str]) -> dict[str, Path]:
        return {rel: path for rel, path in prepared.copies.items() if f"content/{rel}" in changed}


def error_page(root: Path, diagnostics: list[Diagnostic]) -> str:
    """A page that shows every error with its file, line and the lines around it."""
    errors = [d for d in diagnostics if d.severity == "error"] or diagnostics
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


def make_handler(dev: DevSite) -> type:
    """A static file handler for the built site: no dotfiles, the error page while content is broken."""
    from livereload.handlers import StaticFileHandler
    from tornado import web

    class SiteHandler(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            parts = [p for p in path.split("/") if p]
            if any(p.startswith(".") for p in parts):
                raise web.HTTPError(404)
            if dev.error_page is not None and (
                not path or path.endswith(("/", ".html")) or "." not in parts[-1]
            ):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(dev.error_page)
                return
            await super().get(path, include_body)

        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-store")

    return SiteHandler


def serve(
    root: Path,
    host: str,
    port: int,
    *,
    open_browser: bool = False,
    echo: Callable[[str], None] = print,
    report: Callable[[Rebuild], None] | None = None,
) -> None:
    """Build into a private folder, serve it with live reload, and rebuild on change until Ctrl-C."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado import ioloop

    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)  # no line per request
    out = Path(tempfile.mkdtemp(prefix="ladderpress-serve-"))
    dev = DevSite(root, out)
    first = dev.build()
    if report:
        report(first)
    server = Server()
    server.SFH = make_handler(dev)
    server.root = str(out)
    server.default_filename = "index.html"
    loop = ioloop.IOLoop.current()

    def on_change(changed: set[str]) -> None:
        result = dev.build(changed)
        if report:
            report(result)
        loop.add_callback(LiveReloadHandler.reload_waiters, "*")

    poller = Poller(root, on_change)
    try:
        server.application(port, host, liveport=None, debug=False, live_css=False)
        LiveReloadHandler.watcher = server.watcher  # livereload reads it when it reloads
        url_host = f"[{host}]" if ":" in host else host
        echo(f"Serving {root} on http://{url_host}:{port}/ (Ctrl-C to stop)")
        poller.start()
        if open_browser:
            import webbrowser

            threading.Timer(0.5, webbrowser.open, args=(f"http://{url_host}:{port}/",)).start()
        loop.start()
    except KeyboardInterrupt:
        echo("Stopped.")
    finally:
        poller.stop()
        shutil.rmtree(out, ignore_errors=True)
