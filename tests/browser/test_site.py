"""What only a browser shows: no console errors or failed requests, no overflow at 390 px,
no word broken in the middle in the matrix, axe-core clean, keyboard access, a menu that
works without JavaScript, and the JavaScript enhancements — on the example and on ladders
of other shapes (see tests/site/test_shapes.py)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

#: A page of every kind on each served site ('ladder' is the example).
PAGE_KINDS = {
    "ladder": {
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
        "what changed": "changes/",
        "search": "search/?q=strategy",
        "assessment": "assess/",
    },
    "one-track": {
        "home": "",
        "matrix": "ladder/",
        "level": "levels/pm/",
        "competency": "competencies/delivery/",
        "comparison": "compare/associate/pm/",
        "compare index": "compare/",
        "library": "resources/",
        "free page": "level-names/",
        "worksheet": "levels/pm/plan/",
        "top worksheet": "levels/executive/plan/",
        "blank worksheet": "plan/",
        "what changed": "changes/",
        "search": "search/?q=strategy",
        "assessment": "assess/",
    },
    "three-tracks": {
        "home": "",
        "matrix": "ladder/",
        "track matrix": "ladder/ic/",
        "level": "levels/staff-pm/",
        "empty level": "levels/senior-distinguished-pm/",
        "competency": "competencies/communication/",
        "comparison": "compare/principal-pm/senior-principal-pm/",
        "compare index": "compare/",
        "library": "resources/",
        "free page": "questions/",
        "worksheet": "levels/lead-pm/plan/",
        "blank worksheet": "plan/",
        "what changed": "changes/",
        "search": "search/?q=strategy",
        "assessment": "assess/",
    },
}
PAGES = [(site, path) for site, kinds in PAGE_KINDS.items() for path in kinds.values()]
PAGE_IDS = [f"{site}:{kind}" for site, kinds in PAGE_KINDS.items() for kind in kinds]
MATRICES = [(site, path) for site, path in PAGES if path.startswith("ladder/")]


@pytest.mark.parametrize(("site", "path"), PAGES, ids=PAGE_IDS)
def test_page_loads_cleanly(watched, site_urls, site, path):
    base = site_urls[site]
    response = watched.page.goto(base + path)
    assert response is not None and response.status == 200
    watched.page.wait_for_load_state("networkidle")
    assert watched.errors == []
    assert watched.failed == []
    assert all(url.startswith(base) for url in _requested(watched.page))


def _requested(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("site", "path"), PAGES, ids=PAGE_IDS)
def test_no_horizontal_overflow_on_a_phone(phone, site_urls, site, path):
    phone.goto(site_urls[site] + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    # Nothing sticks out, except inside a box that scrolls on its own (a wide table).
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.checkVisibility() && el.getBoundingClientRect().right > 391)
            .filter(el => { for (let p = el.parentElement; p; p = p.parentElement) {
                const o = getComputedStyle(p).overflowX;
                if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= 391) return false;
              } return true; })
            .map(el => el.tagName + '.' + el.className).slice(0, 5)"""
    )
    assert width <= 390, wide
    assert wide == []


#: Every word of the matrix's text on one line: a word split over two lines has two boxes.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('.matrix-section') || node.parentElement.closest('.visually-hidden')) continue;
    for (const m of node.textContent.matchAll(/[^\\s\\-–—/]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize(("site", "path"), MATRICES, ids=[f"{s}:{p}" for s, p in MATRICES])
def test_no_word_breaks_in_the_middle_in_the_matrix_on_a_phone(phone, site_urls, site, path):
    phone.goto(site_urls[site] + path)
    assert phone.evaluate(BROKEN_WORDS) == []
    # A card per competency: each level's expectation under its name, none side by side.
    cards = phone.locator(".matrix tbody tr:not(.matrix-category)")
    assert cards.count() > 0
    assert cards.first.evaluate("e => getComputedStyle(e).display") == "block"


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("site", "path"), PAGES, ids=PAGE_IDS)
def test_axe_finds_no_serious_violations(browser, site_urls, site, path, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_urls[site] + path)
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


@pytest.mark.parametrize("site", PAGE_KINDS)
def test_the_header_fits_on_one_row_at_1280(watched, site_urls, site):
    page = watched.page
    page.goto(site_urls[site])
    header = page.locator(".header-inner").bounding_box()
    assert header is not None and header["height"] < 80
    assert page.is_visible(".site-nav") and not page.is_visible(".nav-menu")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_opens_on_a_phone_without_javascript(browser, site_urls, javascript):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(site_urls["three-tracks"])
    assert not page.is_visible(".site-nav")
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 90  # one row: the name and "Menu"
    link = page.locator(".nav-menu a", has_text="Glossary")
    assert not link.is_visible()
    page.click(".nav-menu summary")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/glossary/")
    context.close()


def test_more_opens_and_closes(watched, site_urls):
    page = watched.page
    page.goto(site_urls["three-tracks"])
    link = page.locator(".nav-more a", has_text="Glossary")
    assert not link.is_visible()
    page.click(".nav-more summary")
    assert link.is_visible()
    page.keyboard.press("Escape")
    assert not link.is_visible()
    page.click(".nav-more summary")
    page.click("h1")
    assert not link.is_visible()
    assert watched.errors == []


def test_the_ladder_is_in_view_on_the_home_page_at_1280_by_800(browser, site_urls):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    for site in PAGE_KINDS:
        page.goto(site_urls[site])
        box = page.locator(".ladder").bounding_box()
        assert box is not None and box["y"] < 0.6 * 800, site  # high in the first screen
        first = page.locator(".ladder-step").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= 800, site
    context.close()


def test_resource_filters(watched, base_url):
    page = watched.page
    page.goto(base_url + "resources/")
    assert page.is_visible("#filters")
    total = page.locator(".resource:visible").count()
    page.select_option("#filter-kind", "podcast")
    shown = page.locator(".resource:visible")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.kind)")) == {"podcast"}
    assert page.text_content(".filter-count").endswith(("resources shown.", "resource shown."))
    page.select_option("#filter-kind", "")
    page.select_option("#filter-level", "apm")
    levels = page.locator(".resource:visible").evaluate_all("els => els.map(e => e.dataset.levels)")
    assert levels and all(lv == "" or "apm" in lv.split() for lv in levels)
    assert watched.errors == []


def test_a_level_page_links_to_the_library_filtered_to_it(watched, site_urls):
    page = watched.page
    page.goto(site_urls["three-tracks"] + "levels/staff-pm/")
    assert page.locator("#resources .resource").count() <= 8
    page.click(".more-link a")
    page.wait_for_url("**/resources/?level=staff-pm")
    assert page.input_value("#filter-level") == "staff-pm"
    levels = page.locator(".resource:visible").evaluate_all("els => els.map(e => e.dataset.levels)")
    assert levels and all(lv == "" or "staff-pm" in lv.split() for lv in levels)
    assert page.locator(".resource:visible").count() < page.locator(".resource").count()


def test_resources_are_all_visible_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "resources/")
    assert not page.is_visible("#filters")
    assert page.locator(".resource:visible").count() == page.locator(".resource").count() > 40
    context.close()


def test_compare_picker_goes_to_the_comparison_of_neighbours(watched, base_url):
    page = watched.page
    page.goto(base_url + "compare/")
    page.select_option("#picker-a", "pm")
    page.select_option("#picker-b", "apm")
    page.click("#picker button[type=submit]")
    page.wait_for_url("**/compare/apm/pm/")
    assert page.text_content("h1").split() == [
        "Associate",
        "Product",
        "Manager",
        "and",
        "Product",
        "Manager",
    ]
    assert watched.errors == []


def test_compare_picker_compares_any_other_two_levels_on_the_page(watched, base_url):
    """Levels far apart have no page of their own (pages for every pair grow with the square
    of the ladder): the compare page builds their comparison from the expectations it holds."""
    page = watched.page
    page.goto(base_url + "compare/")
    assert not page.is_visible("#compared")
    page.select_option("#picker-a", "director")
    page.select_option("#picker-b", "apm")
    page.click("#picker button[type=submit]")
    page.wait_for_url("**/compare/?a=apm&b=director")
    assert (
        page.text_content("#compared h2")
        == "Associate Product Manager and Director of Product Management"
    )
    rows = page.locator("#compared tbody tr")
    assert rows.count() >= 8
    assert rows.first.locator("th a").get_attribute("href").startswith("../competencies/")
    assert (
        rows.first.locator("td").count() == 2
        and rows.first.locator(".statement, .statements").count() >= 1
    )
    page.reload()  # the address alone shows the same comparison
    assert (
        page.text_content("#compared h2")
        == "Associate Product Manager and Director of Product Management"
    )
    assert page.locator("#compared tbody tr").count() == rows.count()
    assert watched.errors == []


def test_compare_page_without_javascript_lists_every_comparison_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "compare/?a=pm&b=senior-pm")
    assert not page.is_visible("#compared")
    links = page.locator(".pair-list a")
    assert links.count() == 2 * 9  # each of the 9 pairs with a page, under both its levels
    for href in links.evaluate_all("els => els.map(e => e.href)"):
        assert context.request.get(href).ok, href
    context.close()


def test_compare_columns_are_equal(watched, site_urls):
    page = watched.page
    page.goto(site_urls["three-tracks"] + "compare/principal-pm/senior-principal-pm/")
    widths = page.locator("table.compare thead th").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert len(widths) == 3 and abs(widths[1] - widths[2]) < 2 and widths[1] > 300


def test_the_matrix_scrolls_with_the_page_and_its_header_stays_in_view(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(base_url + "ladder/ic/")
    frame = page.locator(".matrix-frame")
    # No box of its own to scroll up and down in: the page scrolls.
    assert frame.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    assert frame.evaluate("el => getComputedStyle(el).overflowX") == "visible"
    page.evaluate("window.scrollTo(0, 1500)")
    header = page.locator(".matrix thead th").nth(2).bounding_box()
    assert header is not None and abs(header["y"]) < 2
    context.close()


def test_a_matrix_too_wide_for_the_window_scrolls_sideways_with_its_first_column(
    browser, site_urls
):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_urls["three-tracks"] + "ladder/ic/")  # twelve levels
    frame = page.locator(".matrix-frame")
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    frame.evaluate("el => { el.scrollLeft = 600; }")
    first_col = page.locator(".matrix tbody th[scope=row]").first.bounding_box()
    container = frame.bounding_box()
    assert first_col is not None and container is not None
    assert abs(first_col["x"] - container["x"]) < 3
    context.close()


def test_a_wide_table_on_a_free_page_scrolls_in_its_own_box(phone, site_urls):
    phone.goto(site_urls["one-track"] + "level-names/")
    table = phone.locator(".prose table")
    assert table.evaluate("el => el.scrollWidth > el.clientWidth")
    assert table.get_attribute("tabindex") == "0"  # reachable by keyboard to scroll
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
