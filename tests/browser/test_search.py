"""Search in a browser: the box on every page and /search/?q=, over http under a sub-path
and from disk (file://, directory_urls: false); the expected results first on the example;
keyboard only; an expectation result lands on its cell; highlighting shows text, never HTML;
filters; and no request leaves the site."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

from generator.commands.build import build
from tests.conftest import REPO, SITES, write_files


def disk_copy(source: Path, folder: Path, files: dict[str, str] | None = None) -> str:
    """A site built with `directory_urls: false` into folder, as a file:// address."""
    root = folder / "source"
    shutil.copytree(source / "content", root / "content")
    config = (source / "site.yml").read_text().replace("directory_urls: true\n", "")
    (root / "site.yml").write_text(config + "directory_urls: false\n")
    write_files(root, files or {})
    build(root, folder / "site")
    return (folder / "site").as_uri() + "/"


@pytest.fixture(scope="session")
def disk_url(tmp_path_factory) -> str:
    return disk_copy(REPO, tmp_path_factory.mktemp("disk"))


@pytest.fixture(params=["http", "disk"])
def where(request, base_url, disk_url) -> tuple[str, str]:
    """The example's address over http under /ladder/, or opened from disk; and how its
    links to a folder's page end."""
    return (base_url, "") if request.param == "http" else (disk_url, "index.html")


@pytest.fixture
def page(browser):
    """A page in a fresh profile that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    made = context.new_page()
    made.requests = []  # type: ignore[attr-defined]
    made.on("request", lambda r: made.requests.append(r.url))  # type: ignore[attr-defined]
    errors: list[str] = []
    made.on("pageerror", lambda e: errors.append(str(e)))
    yield made
    context.close()
    assert errors == []


def results(page) -> list[str]:
    page.wait_for_function("document.getElementById('search-count').textContent !== ''")
    return page.locator("#search-results .result-title").all_inner_texts()


def stayed_home(page, base: str) -> None:
    """Every request the page made was for a file of the site."""
    assert page.requests and all(url.startswith(base) for url in page.requests), page.requests


#: What the example's readers search for, and what must come first: (query, the first
#: results in order, results that must be among the first eight).
EXPECTED = [
    (
        "roadmap",
        ["Escaping the Build Trap"],
        [
            "Product strategy at Senior Product Manager",
            "Execution and delivery at Director of Product Management",
            "Technical fluency at Product Manager",
        ],
    ),
    (
        "stakeholder",
        [
            "Stakeholder management",
            "Stakeholder management at Associate Product Manager",
            "Stakeholder management at Product Manager",
            "Stakeholder management at Senior Product Manager",
        ],
        [],
    ),
    ("SQL", ["Select Star SQL", "SQLBolt"], ["Data and analytics"]),
    (
        "coaching",
        ["Mentoring and coaching", "Mentoring and coaching at Associate Product Manager"],
        ["Mentoring and coaching at Group Product Manager"],
    ),
]


@pytest.mark.parametrize(("query", "first", "among"), EXPECTED, ids=[q for q, *_ in EXPECTED])
def test_the_expected_results_come_first(page, where, query, first, among):
    base, _ = where
    page.goto(base + f"search/{where[1]}?q={quote(query)}")
    found = results(page)
    assert found[: len(first)] == first
    assert set(among) <= set(found[:8]), found[:8]
    stayed_home(page, base)


def test_matching_ignores_case_accents_and_plurals_and_takes_prefixes(page, base_url):
    seen = {}
    for query in ("roadmap", "ROADMAPS", "Roádmaps", "roadm"):
        page.goto(base_url + f"search/?q={quote(query)}")
        seen[query] = results(page)
    assert seen["roadmap"] and seen["ROADMAPS"] == seen["roadmap"] == seen["Roádmaps"]
    assert set(seen["roadmap"]) <= set(seen["roadm"])  # as you type, a word is a prefix
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks and all(m.lower().startswith("roadm") for m in marks)


def test_the_box_finds_as_you_type_and_goes_to_a_cell_by_keyboard_alone(page, where):
    base, index = where
    page.goto(base + f"levels/pm/{index}")
    page.keyboard.press("/")
    box = page.locator(".site-search input")
    assert box.evaluate("e => e === document.activeElement")
    page.keyboard.type("stakeholder senior")
    listbox = page.locator("[role='listbox']")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    status = page.locator(".site-search [role='status']")
    assert status.inner_text().endswith("results for “stakeholder senior”.")
    options = listbox.locator("[role='option']")
    target = "Stakeholder management at Senior Product Manager"
    position = options.locator(".result-title").all_inner_texts().index(target)
    for _ in range(position + 1):
        page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert options.nth(position).get_attribute("id") == active
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/levels/senior-pm/{index}#c-stakeholder-management")
    cell = page.locator("#c-stakeholder-management")
    assert "Stakeholder management" in cell.inner_text()
    assert cell.evaluate("e => e.matches(':target')")
    page.wait_for_function(  # scrolled (smoothly) to the cell
        "r => (r = document.getElementById('c-stakeholder-management').getBoundingClientRect())"
        " && r.top >= 0 && r.top < innerHeight - 50"
    )
    stayed_home(page, base)


def test_enter_without_a_choice_opens_the_search_page_and_escape_closes(page, where):
    base, index = where
    page.goto(base + f"competencies/execution/{index}")
    box = page.locator(".site-search input")
    box.click()
    page.keyboard.type("coach")
    page.locator("[role='listbox']").wait_for()
    page.keyboard.press("Escape")
    assert page.locator("[role='listbox']").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search/{index}?q=coach")
    assert results(page)[0] == "Mentoring and coaching"
    assert page.input_value("#search-q") == "coach"
    stayed_home(page, base)


def test_filters_keep_the_kind_and_the_track_or_level_asked_for(page, base_url):
    page.goto(base_url + "search/?q=strategy&kind=expectation&in=l:pm")
    found = results(page)
    assert found[0] == "Product strategy at Product Manager"
    assert all(t.endswith(" at Product Manager") for t in found)
    page.select_option("#search-kind", "")
    page.wait_for_function("location.search.indexOf('kind') === -1")
    everything = results(page)
    assert "Product strategy" in everything and len(everything) > 1
    page.select_option("#search-scope", "t:management")
    page.wait_for_function("location.search.indexOf('in=t%3Amanagement') !== -1")
    levels = [t for t in results(page) if " at " in t]
    assert levels and not any(t.endswith("at Principal Product Manager") for t in levels)


def test_without_javascript_the_box_submits_and_the_page_says_why(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "levels/pm/")
    page.fill(".site-search input", "roadmap")
    page.press(".site-search input", "Enter")
    page.wait_for_url("**/search/?q=roadmap")
    note = page.locator(".search-no-script")
    assert note.is_visible() and "needs JavaScript" in note.inner_text()
    assert note.locator("a").evaluate_all("l => l.map(a => a.getAttribute('href'))") == [
        "../ladder/",
        "../resources/",
    ]
    context.close()


HOSTILE = "<img src=x onerror=window.pwned=1> & <b>bold</b>"


def test_highlighting_shows_content_as_text_never_as_html(page, tmp_path):
    base = disk_copy(
        SITES / "minimal",
        tmp_path,
        {"content/pages/about.md": f"---\ntitle: About {HOSTILE}\n---\nOnerror {HOSTILE}\n"},
    )
    page.goto(base + "search/index.html?q=onerror")
    assert results(page) == [f"About {HOSTILE}"]
    excerpt = page.locator("#search-results .result-excerpt").inner_text()
    assert excerpt == f"Onerror {HOSTILE}"
    assert page.locator("#search-results img, #search-results b").count() == 0
    assert page.locator("#search-results mark").all_inner_texts() == [
        "onerror",
        "Onerror",
        "onerror",
    ]
    page.fill(".site-search input", "bold")
    page.locator("[role='listbox']").wait_for()
    assert page.locator("[role='listbox'] img, [role='listbox'] b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_a_result_for_a_section_of_a_free_page_opens_at_its_heading(page, base_url):
    page.goto(base_url + "search/?q=calibration+meeting&kind=page")
    assert results(page)[0] == "Promotions at Kestrel"
    link = page.locator("#search-results a").first
    assert link.locator(".result-kind").inner_text() == "Page · Calibration"  # its heading
    href = link.get_attribute("href")
    assert href == "../promotion-process/#calibration"
    link.click()
    anchor = href.split("#", 1)[1]
    heading = page.locator(f"[id='{anchor}']")
    assert heading.evaluate("e => /^H[1-6]$/.test(e.tagName)")


@pytest.mark.slow
def test_the_open_box_and_the_results_have_no_serious_accessibility_violations(page, base_url):
    page.goto(base_url + "search/?q=roadmap")
    results(page)
    page.fill(".site-search input", "strategy")
    page.locator("[role='listbox']").wait_for()
    page.keyboard.press("ArrowDown")
    found = Axe().run(page)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in found.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_box_and_its_results_fit_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "levels/pm/")
    page.fill(".site-search input", "stakeholder")
    listbox = page.locator("[role='listbox']")
    listbox.wait_for()
    box = listbox.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
