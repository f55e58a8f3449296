"""Browser tests: the example site served on 127.0.0.1, driven by Playwright in the Chromium
that generator/commands/browser.py finds (the one `ladderpress print` uses)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.commands.browser import BrowserSettingError, find_browser, not_found_message
from generator.commands.build import build
from tests.conftest import REPO, SITES, needs_browser

HERE = Path(__file__).parent
# Flags for a closed network and a root user (see the machine notes in docs/testing.md).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


#: The sites the browser tests serve, each under a sub-path of its own, as many hosts do:
#: the example at /ladder/, and ladders of other shapes (see tests/site/test_shapes.py).
SERVED = {
    "ladder": REPO,
    "one-track": SITES / "one-track",
    "three-tracks": SITES / "three-tracks",
    "rtl": SITES / "rtl",  # in Arabic, right to left
}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    build(REPO, out)
    return out


@pytest.fixture(scope="session")
def site_urls(built_site: Path) -> Iterator[dict[str, str]]:
    """Each served site's address by name ('ladder' is the example); shape sites are built
    the first time a test asks for them."""
    root = built_site.parent / "www"
    root.mkdir(exist_ok=True)
    (root / "ladder").symlink_to(built_site, target_is_directory=True)
    for name, source in SERVED.items():
        if name != "ladder":
            (root / name).symlink_to(
                _build_once(built_site.parent, source), target_is_directory=True
            )
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {name: f"http://127.0.0.1:{server.server_port}/{name}/" for name in SERVED}
    server.shutdown()
    server.server_close()


def _build_once(folder: Path, source: Path) -> Path:
    out = folder / f"built-{source.name}"
    if not out.exists():
        build(source, out)
    return out


@pytest.fixture(scope="session")
def base_url(site_urls: dict[str, str]) -> str:
    """The example site served under a sub-path, as many hosts do (/ladder/)."""
    return site_urls["ladder"]


def browser_line() -> str:
    """The browser these tests run, and how it was found; or why there is none."""
    try:
        found = find_browser()
    except BrowserSettingError as exc:
        return str(exc)
    if found is None:
        return f"no Chromium or Chrome found ({not_found_message()}): apt-get install -y chromium"
    return found.using()


def pytest_report_collectionfinish(config, start_path, items) -> str | None:
    """Say which browser the browser tests use, under `collected N items`.

    (A pytest_report_header here would only show when tests/browser is named on
    the command line: pytest reads the header before it finds this conftest.)
    """
    if any(HERE in Path(item.path).parents for item in items):
        return f"browser tests: {browser_line()}"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    needs_browser()
    found = find_browser()
    assert found is not None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=found.path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page whose console errors and failed requests are recorded."""

    def __init__(self, page: Page):
        self.page = page
        self.errors: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on(
            "response",
            lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page)
    context.close()
