"""The example in English and German (languages: [en, de], a few files translated) in a
real browser: axe-core finds nothing serious on a page of each kind in either language, the
switcher leads to the same page in the other language, and the German pages at 390 px do
not overflow sideways. Screenshots go to a temporary folder, or with
LADDERPRESS_SCREENSHOTS=docs/images to docs/images/languages/."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.commands.build import build
from tests.browser.conftest import _QuietHandler
from tests.conftest import REPO, german_example

PAGES = {
    "home": "",
    "matrix": "ladder/",
    "level": "levels/senior-pm/",
    "untranslated": "levels/pm/",
    "compare": "compare/pm/senior-pm/",
    "plan": "levels/senior-pm/plan/",
    "resources": "resources/",
}


@pytest.fixture(scope="module")
def german_url(tmp_path_factory) -> Iterator[str]:
    from http.server import ThreadingHTTPServer

    root = german_example(tmp_path_factory.mktemp("german") / "site")
    www = root.parent / "www"
    build(root, www / "ladder")
    handler = functools.partial(_QuietHandler, directory=str(www))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/ladder/"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["", "de/"])
@pytest.mark.parametrize("path", PAGES.values(), ids=list(PAGES))
def test_axe_finds_nothing_serious_in_either_language(browser, german_url, folder, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(german_url + folder + path)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page)
    context.close()
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_switcher_keeps_the_page(browser, german_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(german_url + "levels/senior-pm/plan/")
    page.click(".languages a[hreflang='de']")
    assert page.url == german_url + "de/levels/senior-pm/plan/"
    assert page.evaluate("document.documentElement.lang") == "de"
    page.click(".languages a[hreflang='en']")
    assert page.url == german_url + "levels/senior-pm/plan/"
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("kind", "path"), PAGES.items(), ids=list(PAGES))
def test_german_pages_fit(browser, german_url, tmp_path, kind, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800 if width > 400 else 844})
    page = context.new_page()
    page.goto(german_url + "de/" + path)
    page.wait_for_load_state("networkidle")
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    target = os.environ.get("LADDERPRESS_SCREENSHOTS")
    folder = (REPO / target if target else tmp_path) / "languages"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"de-{kind}-{width}.png"), full_page=False)
    context.close()
