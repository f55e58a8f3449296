"""Screenshots of a page of every kind, at desktop and phone widths, on the example and on
two ladders of other shapes (tests/sites/one-track, tests/sites/three-tracks).

They are written to a temporary folder on every run (and checked to be real pictures of
that width); set LADDERPRESS_SCREENSHOTS=docs/images to refresh the ones docs/theming.md
shows, in docs/images/<site>/<kind>-<width>.png.
"""

from __future__ import annotations

import os
import re
import struct
from pathlib import Path

import pytest

from tests.conftest import REPO

#: A page of every kind of page (generator/site/kinds.py) on each site, by the site's name
#: in the folder of pictures and where it is served.
SHOTS = {
    ("example", "ladder"): {
        "home": "",
        "matrix": "ladder/ic/",
        "level": "levels/senior-pm/",
        "competency": "competencies/product-strategy/",
        "compare-index": "compare/",
        "compare": "compare/pm/senior-pm/",
        "resources": "resources/",
        "page": "how-to-use/",
        "plan": "levels/senior-pm/plan/",
        "changes": "changes/",
        "search": "search/?q=roadmap",
        "assess": "assess/",
        "404": "404.html",
    },
    ("one-track", "one-track"): {
        "home": "",
        "matrix": "ladder/",
        "level": "levels/pm/",
        "competency": "competencies/delivery/",
        "compare-index": "compare/",
        "compare": "compare/pm/lead/",
        "resources": "resources/",
        "page": "level-names/",
        "plan": "levels/executive/plan/",
        "changes": "changes/",
        "search": "search/?q=strategy",
        "assess": "assess/",
        "404": "404.html",
    },
    ("three-tracks", "three-tracks"): {
        "home": "",
        "matrix": "ladder/",
        "level": "levels/staff-pm/",
        "competency": "competencies/communication/",
        "compare-index": "compare/",
        "compare": "compare/principal-pm/senior-principal-pm/",
        "resources": "resources/",
        "page": "questions/",
        "plan": "levels/lead-pm/plan/",
        "changes": "changes/",
        "search": "search/?q=strategy",
        "assess": "assess/",
        "404": "404.html",
    },
}
CASES = [
    (site, served, kind, path)
    for (site, served), kinds in SHOTS.items()
    for kind, path in kinds.items()
]


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("site", "served", "kind", "path"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES]
)
def test_screenshot(browser, site_urls, tmp_path, site, served, kind, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800 if width > 400 else 844})
    page = context.new_page()
    base = site_urls[served]
    # 404.html links from the site's root (hosts serve it at any address); here the site is
    # served under a sub-path, so its requests are sent there.
    root = re.sub(r"[^/]+/$", "", base)
    page.route(
        re.compile(re.escape(root) + r"static/"),
        lambda route: route.continue_(url=route.request.url.replace(root, base, 1)),
    )
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    target = os.environ.get("LADDERPRESS_SCREENSHOTS")
    folder = (REPO / target if target else tmp_path) / site
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{kind}-{width}.png"
    page.screenshot(path=str(shot), full_page=False)
    context.close()
    header = Path(shot).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24])[0] == width


@pytest.mark.slow
def test_screenshot_of_the_assessment_chart(browser, site_urls, tmp_path):
    """The self-assessment's chart and table, filled in (docs/worksheets.md shows it)."""
    from tests.browser.test_assess import choose

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_urls["ladder"] + "assess/")
    choose(page)
    target = os.environ.get("LADDERPRESS_SCREENSHOTS")
    folder = (REPO / target if target else tmp_path) / "example"
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "assess-chart-1280.png"
    page.locator("#picture").screenshot(path=str(shot))
    context.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
