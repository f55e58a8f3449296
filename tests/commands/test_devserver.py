"""The dev server's web side (commands/devserver.py): the error page, choosing a port, the
web app over a built folder (served in-process, no browser), and stopping on signals."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
import pytest
from tornado.httpclient import AsyncHTTPClient, HTTPResponse
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from generator.commands.devserver import (
    LIVE_SCRIPT,
    choose_port,
    error_page,
    free_port,
    make_app,
    stopped_by_signals,
)
from generator.errors import ERROR, WARNING, Diagnostic, Mark


def diagnostic(path: str, line: int, message: str, severity=ERROR, hint: str = "") -> Diagnostic:
    return Diagnostic(Mark(path, line, 3), severity, "code", message, hint)


def test_error_page_shows_each_error_with_the_lines_around_it(tmp_path):
    (tmp_path / "site.yml").write_text("a: 1\nb: 2\ntitle: <x>\nc: 3\nd: 4\ne: 5\n")
    page = error_page(
        tmp_path,
        [
            diagnostic("site.yml", 3, "'title' is <wrong>", hint="write text & quote it"),
            diagnostic("site.yml", 1, "only a warning", WARNING),
        ],
    )
    assert "<title>1 problem in the content · Ladderpress</title>" in page
    assert "The site cannot be built: 1 problem" in page
    assert '<p class="where">site.yml:3:3</p>' in page
    assert '<p class="message">&#x27;title&#x27; is &lt;wrong&gt;</p>' in page
    assert '<p class="hint">Hint: write text &amp; quote it</p>' in page
    # Two lines either side, the line of the error marked; no warning while there are errors.
    assert '<span class=""><b>   1</b>  a: 1</span>' in page
    assert '<span class="hit"><b>   3</b>  title: &lt;x&gt;</span>' in page
    assert '<span class=""><b>   5</b>  d: 4</span>' in page
    assert "e: 5" not in page and "only a warning" not in page


def test_error_page_of_warnings_only_and_of_an_unreadable_file(tmp_path):
    page = error_page(tmp_path, [diagnostic("gone.md", 2, "first")])
    assert "<pre>" not in page and '<p class="message">first</p>' in page
    page = error_page(
        tmp_path,
        [diagnostic("a.md", 1, "one", WARNING), diagnostic("b.md", 1, "two", WARNING)],
    )
    assert "2 problems in the content" in page and "one" in page and "two" in page


def taken_port() -> tuple[socket.socket, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


def test_free_port_skips_ports_in_use():
    sock, port = taken_port()
    with sock:
        found = free_port("127.0.0.1", port, tries=20)
        assert found is not None and port < found < port + 20
        assert free_port("127.0.0.1", port, tries=1) is None


def test_choose_port_takes_the_next_free_one_unless_told_exactly():
    sock, port = taken_port()
    with sock:
        chosen = choose_port("127.0.0.1", port, exact=False)
        assert port < chosen < port + 20
        # A usage error, shown without a traceback.
        with pytest.raises(click.ClickException, match=f"port {port} on 127.0.0.1 is in use"):
            choose_port("127.0.0.1", port, exact=True)
    free = free_port("127.0.0.1", 20000, tries=200)
    assert free is not None and choose_port("127.0.0.1", free, exact=True) == free


def fetch(out: Path, paths: list[str], broken: str | None = None) -> dict[str, HTTPResponse]:
    """Each path fetched from the app serving out (the error page broken, when given)."""

    async def run() -> dict[str, HTTPResponse]:
        sockets = bind_sockets(0, "127.0.0.1")
        port = sockets[0].getsockname()[1]
        server = HTTPServer(make_app(out, lambda: broken))
        server.add_sockets(sockets)
        client = AsyncHTTPClient()
        try:
            return {
                p: await client.fetch(f"http://127.0.0.1:{port}{p}", raise_error=False)
                for p in paths
            }
        finally:
            server.stop()
            client.close()

    # In a thread of its own: a session-wide browser test may hold this thread's event loop.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result()


@pytest.fixture
def out(tmp_path) -> Path:
    site = tmp_path / "out"
    (site / "levels/pm").mkdir(parents=True)
    (site / "static").mkdir()
    (site / "index.html").write_text("<html><head></head><body>Home</body></html>")
    (site / "levels/pm/index.html").write_text("<html><head></head><body>PM</body></html>")
    (site / "static/site.css").write_text("body{}")
    (site / ".ladderpress").write_text("secret")
    return site


def test_the_app_serves_the_folder_with_the_reload_script_never_cached(out):
    got = fetch(out, ["/", "/levels/pm/", "/static/site.css", "/livereload.js"])
    assert got["/"].code == 200
    assert LIVE_SCRIPT in got["/"].body and b"Home" in got["/"].body
    assert got["/"].headers["Cache-Control"] == "no-store"
    assert b"PM" in got["/levels/pm/"].body
    assert got["/static/site.css"].body == b"body{}"
    assert got["/static/site.css"].headers["Cache-Control"] == "no-store"
    assert got["/livereload.js"].code == 200


def test_a_missing_page_and_a_dotfile_are_the_sites_own_404(out):
    got = fetch(out, ["/nowhere/", "/.ladderpress"])
    assert {r.code for r in got.values()} == {404}
    assert b"secret" not in got["/.ladderpress"].body
    (out / "404.html").write_text("<html><head></head><body>Our 404</body></html>")
    got = fetch(out, ["/nowhere/", "/.ladderpress"])
    assert [(r.code, b"Our 404" in r.body) for r in got.values()] == [(404, True), (404, True)]


def test_while_the_content_is_broken_every_page_is_the_error_page(out):
    paths = ["/", "/levels/pm/", "/levels/pm/index.html", "/levels", "/static/site.css"]
    got = fetch(out, paths, broken="<p>Broken</p>")
    pages = {p: (r.code, r.body) for p, r in got.items() if p != "/static/site.css"}
    assert {code for code, _ in pages.values()} == {500}
    assert all(b"<p>Broken</p>" in body for _, body in pages.values())
    assert got["/"].headers["Cache-Control"] == "no-store"
    # Files that are not pages are still served, so the error page keeps its styles.
    assert (got["/static/site.css"].code, got["/static/site.css"].body) == (200, b"body{}")


def test_stopped_by_signals_turns_a_signal_into_one_interrupt_then_restores():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), stopped_by_signals():
        assert signal.getsignal(signal.SIGTERM) is not before
        os.kill(os.getpid(), signal.SIGTERM)
        pytest.fail("SIGTERM did not interrupt the block")
    assert signal.getsignal(signal.SIGTERM) is before


def test_stopped_by_signals_ignores_later_signals_during_the_clean_up():
    with pytest.raises(KeyboardInterrupt), stopped_by_signals():
        try:
            os.kill(os.getpid(), signal.SIGINT)
        finally:
            # Inside the clean-up: a second signal is ignored, not a second interrupt.
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGHUP)


def test_a_signal_ignored_when_the_block_starts_stays_ignored():
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with stopped_by_signals():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)
