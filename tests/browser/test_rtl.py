"""A ladder in a language written right to left (tests/sites/rtl, in Arabic): every page
says dir="rtl", the layout mirrors (the site's name at the right, the matrix's competencies
in its rightmost column, the ladder picture's first track at the right, the compare columns
and the worksheet's tables from right to left), nothing overflows sideways at 1280 or 390 px,
and the printed worksheet mirrors too.

Screenshots are written to a temporary folder on every run; set
LADDERPRESS_SCREENSHOTS=docs/images to refresh docs/images/rtl/<kind>-<width>.png.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import REPO

PAGES = {
    "home": "",
    "matrix": "ladder/",
    "level": "levels/senior-pm/",
    "compare": "compare/senior-pm/principal-pm/",
    "plan": "levels/pm/plan/",
    "resources": "resources/",
}

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("kind", "path"), PAGES.items(), ids=list(PAGES))
def test_a_right_to_left_page_mirrors_and_fits(browser, site_urls, tmp_path, kind, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800 if width > 400 else 844})
    page = context.new_page()
    page.goto(site_urls["rtl"] + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate(OVERFLOW) <= 0
    brand = page.locator(".brand").bounding_box()
    # The site's name starts at the right edge, inside the page's margin.
    assert brand is not None and brand["x"] + brand["width"] > width - 64
    target = os.environ.get("LADDERPRESS_SCREENSHOTS")
    folder = (REPO / target if target else tmp_path) / "rtl"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{kind}-{width}.png"), full_page=False)
    context.close()


def box(page, selector):
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def test_the_matrix_and_the_compare_columns_read_from_the_right(browser, site_urls):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_urls["rtl"] + "ladder/")
    competency = box(page, ".matrix tbody th[scope='row']")
    first_level = box(page, ".matrix tbody td")
    assert competency["x"] > first_level["x"]
    page.goto(site_urls["rtl"] + "compare/senior-pm/principal-pm/")
    before, after = (
        box(page, f".compare tbody tr:first-child td:nth-of-type({n})") for n in (1, 2)
    )
    assert before["x"] > after["x"]
    page.goto(site_urls["rtl"])
    ic, management = (box(page, f".ladder-track:nth-of-type({n})") for n in (1, 2))
    assert ic["x"] > management["x"]
    context.close()


def test_the_printed_worksheet_mirrors(browser, site_urls):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_urls["rtl"] + "levels/pm/plan/")
    page.emulate_media(media="print")
    assert page.evaluate(OVERFLOW) <= 0
    competency = box(page, "#reflect tbody th")
    expects = box(page, "#reflect tbody td")
    assert competency["x"] > expects["x"]
    # The running title where a line starts (the right), the page numbers where it ends.
    assert '@bottom-right{content:"سلم إدارة المنتجات' in page.content()
    assert page.pdf(format="A4")[:4] == b"%PDF"
    context.close()
