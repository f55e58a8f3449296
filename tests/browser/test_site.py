"""What only a browser shows: no console errors or failed requests, no overflow at 390 px,
axe-core clean, keyboard access, and the JavaScript enhancements."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

KEY_PAGES = {
    "home": "",
    "matrix": "ladder/",
    "track matrix": "ladder/ic/",
    "level": "levels/senior-pm/",
    "competency": "competencies/product-strategy/",
    "comparison": "compare/pm/senior-pm/",
    "compare index": "compare/",
    "library": "resources/",
    "free page": "career-plan/",
    "worksheet": "levels/senior-pm/plan/",
    "blank worksheet": "plan/",
}


@pytest.mark.parametrize("path", KEY_PAGES.values(), ids=KEY_PAGES.keys())
def test_page_loads_cleanly(watched, base_url, path):
    response = watched.page.goto(base_url + path)
    assert response is not None and response.status == 200
    watched.page.wait_for_load_state("networkidle")
    assert watched.errors == []
    assert watched.failed == []
    assert all(url.startswith(base_url) for url in _requested(watched.page))


def _requested(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")


@pytest.mark.parametrize("path", KEY_PAGES.values(), ids=KEY_PAGES.keys())
def test_no_horizontal_overflow_on_a_phone(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => !el.closest('.matrix-scroll') && el.getBoundingClientRect().right > 391)
            .map(el => el.tagName + '.' + el.className).slice(0, 5)"""
    )
    context.close()
    assert width <= 390, wide
    assert wide == []


AXE_PAGES = {k: v for k, v in KEY_PAGES.items() if k != "compare index"}


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES.values(), ids=AXE_PAGES.keys())
def test_axe_finds_no_serious_violations(browser, base_url, path, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + path)
    # Open every <details> so that what it hides is checked too.
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page)
    context.close()
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_skip_link_is_the_first_stop_and_moves_focus(watched, base_url):
    page = watched.page
    page.goto(base_url + "levels/pm/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_focus_is_visible(watched, base_url):
    page = watched.page
    page.goto(base_url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_resource_filters(watched, base_url):
    page = watched.page
    page.goto(base_url + "resources/")
    assert page.is_visible("#filters")
    total = page.locator(".resource:visible").count()
    page.select_option("#filter-kind", "podcast")
    shown = page.locator(".resource:visible")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.kind)")) == {"podcast"}
    assert "resources shown" in page.text_content(
        ".filter-count"
    ) or "resource shown" in page.text_content(".filter-count")
    page.select_option("#filter-kind", "")
    page.select_option("#filter-level", "apm")
    levels = page.locator(".resource:visible").evaluate_all("els => els.map(e => e.dataset.levels)")
    assert levels and all(lv == "" or "apm" in lv.split() for lv in levels)
    assert watched.errors == []


def test_resources_are_all_visible_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "resources/")
    assert not page.is_visible("#filters")
    assert page.locator(".resource:visible").count() == page.locator(".resource").count() > 40
    context.close()


def test_compare_picker_goes_to_the_comparison(watched, base_url):
    page = watched.page
    page.goto(base_url + "compare/")
    page.select_option("#picker-a", "director")
    page.select_option("#picker-b", "apm")
    page.click("#picker button[type=submit]")
    page.wait_for_url("**/compare/apm/director/")
    assert page.text_content("h1").split() == [
        "Associate",
        "Product",
        "Manager",
        "and",
        "Director",
        "of",
        "Product",
        "Management",
    ]
    assert watched.errors == []


def test_compare_picker_without_javascript_lists_every_pair(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/pm/senior-pm/")
    page.click("#picker button[type=submit]")
    page.wait_for_url("**/compare/?a=pm&b=senior-pm")
    assert page.locator(".pair-list a").count() == 8 * 7
    context.close()


def test_matrix_header_and_first_column_stay_in_view(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "ladder/")
    box = page.locator(".matrix-scroll")
    box.evaluate("el => { el.scrollLeft = 600; el.scrollTop = 400; }")
    first_col = page.locator(".matrix tbody th[scope=row]").first.bounding_box()
    header = page.locator(".matrix thead th").nth(2).bounding_box()
    container = box.bounding_box()
    context.close()
    assert abs(first_col["x"] - container["x"]) < 3
    assert abs(header["y"] - container["y"]) < 3
