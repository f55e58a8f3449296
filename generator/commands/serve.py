"""`ladderpress serve`: build into a private folder, serve it, rebuild what an edit touches.

Change detection is ours: livereload calls a watch task once per changed file it
happens to notice in a poll, so a burst of saves (an editor writing many files, a
`git checkout`) would rebuild many times.  Here one poller thread compares
snapshots of the source files, waits until the files have been quiet for a
moment, and hands the whole batch of changed paths to one builder, which is never
re-entered.  generator/commands/devserver.py is the web side.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tornado import ioloop

from generator.commands.build import Prepared, prepare, render_pages
from generator.commands.devserver import ReloadSocket, error_page, make_app, stopped_by_signals
from generator.console import plural
from generator.content.invisible import escaped
from generator.content.sources import snapshot
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

    def __init__(self, root: Path, out: Path) -> None:
        self.root = root
        self.out = out
        self.lock = threading.Lock()
        self.prepared: Prepared | None = None
        self.error_page: str | None = None
        self.builds = 0

    def build(self, changed: set[str] | None = None) -> Rebuild:
        """What the rebuild after the given source paths changed (None: everything) did."""
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
        """The pages that show a changed file: every page, when the change is structural."""
        previous = self.prepared
        if changed is None or previous is None or self.error_page is not None:
            return prepared.specs
        if [s.path for s in previous.specs] != [s.path for s in prepared.specs]:
            return prepared.specs  # pages were added, removed or renamed
        if any(not c.startswith("content/") for c in changed):
            return prepared.specs  # site.yml or the theme changed: every page may look different
        if len(prepared.site.config.languages) > 1:
            return prepared.specs  # a file shows in every language, translated or not
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
        """The copied files (assets) among the changed paths, by output path."""
        return {rel: path for rel, path in prepared.copies.items() if f"content/{rel}" in changed}


def _identity(d: Diagnostic) -> tuple[str, str, str]:
    """What a warning is known by across builds: its file, code and message."""
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


def report_parts(result: Rebuild, quiet: bool) -> tuple[str, list[Diagnostic], str]:
    """What the terminal shows after a build: a line, the diagnostics, a line (each may be empty).

    A failed build shows its errors; one that succeeded, its warnings (every one the
    first time, then only what changed) and what was built; quietly, nothing.
    """
    if result.failed:
        errors = [d for d in result.diagnostics if d.severity == ERROR] or list(result.diagnostics)
        return "", errors, "Build failed; the browser shows the errors until they are fixed."
    if quiet:
        return "", [], ""
    if result.warnings_before is None:
        heading, shown = "", list(result.diagnostics)
    else:
        shown, fixed = warning_changes(result.warnings_before, result.diagnostics)
        heading = _changes_heading(len(shown), fixed)
    if not result.changed:
        return heading, shown, f"Built {result.total} pages in {result.seconds:.2f} s"
    names = ", ".join(escaped(name) for name in result.changed[:3])  # names are content's
    if len(result.changed) > 3:
        names += f" and {len(result.changed) - 3} more"
    done = (
        f"Rebuilt {result.rendered} of {result.total} pages in {result.seconds:.2f} s "
        f"after changes to {names}"
    )
    return heading, shown, done


def _changes_heading(new: int, fixed: int) -> str:
    """`N new warnings, M fixed:`, or the part of it that is not zero."""
    if new and fixed:
        return f"{plural(new, 'new warning')}, {fixed} fixed:"
    if new:
        return f"{plural(new, 'new warning')}:"
    if fixed:
        return f"{plural(fixed, 'warning')} fixed"
    return ""


class Poller(threading.Thread):
    """Notices changed source files and hands them over in batches, once they have settled."""

    def __init__(
        self,
        root: Path,
        on_change: Callable[[set[str]], None],
        poll: float = POLL_SECONDS,
        quiet: float = QUIET_SECONDS,
    ) -> None:
        super().__init__(name="ladderpress-poller", daemon=True)
        self.root = root
        self.on_change = on_change
        self.poll = poll
        self.quiet = quiet
        self.stopped = threading.Event()
        self.last = snapshot(root)

    def run(self) -> None:
        """Poll until stopped, handing each settled batch of changed paths to on_change."""
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
        """Make run() return after its current poll."""
        self.stopped.set()


def serve(
    root: Path,
    host: str,
    port: int,
    *,
    open_browser: bool = False,
    echo: Callable[[str], None] = print,
    report: Callable[[Rebuild], None] | None = None,
) -> None:
    """Serve root with live reload until Ctrl-C, SIGTERM or SIGHUP; raises ContentError for no site.

    The site is built into a private folder, removed when it stops, and rebuilt on
    every change.  A folder without site.yml is not served at all.
    """
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
    """Listen, poll for changes and run the event loop until it is interrupted."""
    loop = ioloop.IOLoop.current()

    def on_change(changed: set[str]) -> None:
        """Rebuild what changed, report it, and reload every browser."""
        result = dev.build(changed)
        if report:
            report(result)
        loop.add_callback(ReloadSocket.reload_waiters, "*")

    poller = Poller(dev.root, on_change)
    server = make_app(dev.out, lambda: dev.error_page).listen(port, host)
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
