"""Worksheets in the browser: print to PDF in A4 and Letter, fill in, restore, clear, save and load.
Nothing may leave the page; a site's own worksheet template without the buttons still works."""

from __future__ import annotations

import functools
import io
import json
import re
import threading
import unicodedata
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from generator.commands.build import build
from generator.commands.check import check_site
from generator.content.model import Site
from generator.site.worksheets import plan_targets
from tests.browser.pdfpages import page_fill
from tests.conftest import REPO, SITES

SITES_BY_NAME: dict[str, Site] = {}
for _name, _root in {
    "ladder": REPO,
    "one-track": SITES / "one-track",
    "three-tracks": SITES / "three-tracks",
}.items():
    _site = check_site(_root).site
    assert _site is not None
    SITES_BY_NAME[_name] = _site
SITE = SITES_BY_NAME["ladder"]


def worksheets(name: str) -> list[tuple[str, str, str, int]]:
    """(site, level, path, most pages) of every worksheet of a site: at most four pages, or
    six for one that shows the thirteen statements of one-track's cell at pm."""
    site = SITES_BY_NAME[name]
    found = []
    for level in site.levels:
        for i, target in enumerate(plan_targets(site, level) or (None,)):
            path = f"levels/{level.id}/plan/" + (
                "" if i == 0 or target is None else f"{target.id}/"
            )
            thirteen = name == "one-track" and "pm" in (level.id, target.id if target else "")
            found.append((name, level.id, path, 6 if thirteen else 4))
    found.append((name, "", "plan/", 4))
    return found


WORKSHEETS = [w for name in SITES_BY_NAME for w in worksheets(name)]
#: Printable width in CSS px: paper width minus the 10 mm side margins of worksheet.css.
PRINTABLE_WIDTH = {"a4": (210 - 20) / 25.4 * 96, "letter": (215.9 - 20) / 25.4 * 96}


def words(text: str) -> str:
    """Comparable text: ligatures (ﬁ) unfolded, Markdown marks and line breaks dropped."""
    text = re.sub(r"(?<=\w)-\s+", "-", unicodedata.normalize("NFKC", text))  # non-\nfunctional
    return " ".join(re.sub(r"[*_`]", "", text).split())


def appears(needle: str, text: str) -> bool:
    """Every word of needle, in order, in text (table cells wrap, and a PDF's text
    interleaves the lines of neighbouring cells)."""
    hay = iter(words(text).split())
    return all(any(word == h for h in hay) for word in words(needle).split())


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    ("name", "level_id", "path", "most"), WORKSHEETS, ids=[f"{w[0]}:{w[2]}" for w in WORKSHEETS]
)
def test_worksheet_prints_within_its_pages_and_ends_on_a_full_page(
    browser, site_urls, name, level_id, path, most, paper
):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_urls[name] + path)
    page.select_option("#paper", paper)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    context.close()
    assert 1 <= len(pdf.pages) <= most
    # No last page of one or two rows: it holds at least a quarter of a page.
    assert page_fill(pdf.pages[-1]) >= 0.25
    text = words(" ".join(p.extract_text() for p in pdf.pages))
    site = SITES_BY_NAME[name]
    for competency in site.competencies:
        if level_id and not site.applies(competency, site.level(level_id)):
            continue
        assert appears(competency.name, text), competency.name
        expectation = competency.expectations.get(level_id)
        if expectation:
            for statement in expectation.statements:
                assert appears(statement.source, text), statement.source


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_nothing_falls_outside_the_printable_area(browser, site_urls, paper):
    width = PRINTABLE_WIDTH[paper]
    context = browser.new_context(viewport={"width": int(width), "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    for name, _, path, _ in WORKSHEETS:
        page.goto(site_urls[name] + path)
        outside = page.evaluate(
            """(w) => [...document.querySelectorAll('#worksheet *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > w + 0.5); })
                .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
            width,
        )
        assert outside == [], path
    context.close()


#: Every field that holds text shows all of it: none is wider or taller inside than its box.
CLIPPED = """() => [...document.querySelectorAll('#worksheet textarea, #worksheet input[type=text]')]
    .filter(f => f.value && f.checkVisibility())
    .filter(f => f.scrollWidth > f.clientWidth + 1 || f.scrollHeight > f.clientHeight + 1)
    .map(f => f.name)"""


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_field_clips_its_text(browser, site_urls, width, media):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    # The longest titles: a 52-character target level, and a top level aiming deeper.
    for name, path in [
        ("three-tracks", "levels/senior-distinguished-pm/plan/"),
        ("three-tracks", "levels/senior-director/plan/"),
        ("one-track", "levels/executive/plan/"),
        ("ladder", "levels/senior-pm/plan/"),
    ]:
        page.goto(site_urls[name] + path)
        page.wait_for_load_state("networkidle")
        long = "Distinguished Product Manager, Platform and Ecosystem Strategy (interim)"
        for field in ("header.name", "header.manager", "header.mentor", "header.cadence"):
            page.fill(f"[name='{field}']", long)
        page.fill("[name='action.1.step']", "Ship")
        page.emulate_media(media=media)
        assert page.evaluate(CLIPPED) == [], (name, path)
        page.emulate_media(media="screen")
    context.close()


def test_ratings_take_the_room_they_need_and_the_expectations_the_rest(watched, site_urls):
    page = watched.page
    page.goto(site_urls["three-tracks"] + "levels/staff-pm/plan/")
    rating = page.locator(".reflect-table thead th.col-rate").bounding_box()
    expects = page.locator(".reflect-table thead th").nth(1).bounding_box()
    assert rating is not None and expects is not None
    assert rating["width"] < 200 and expects["width"] > 2 * rating["width"]
    label = page.locator(".reflect-table .rating label").nth(2)  # "Consistently"
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")


def test_the_top_of_a_track_has_no_gap_table(watched, site_urls):
    page = watched.page
    page.goto(site_urls["one-track"] + "levels/executive/plan/")
    assert page.locator(".gap-table").count() == 0
    assert page.input_value("[name='header.target']").startswith("Deeper and wider impact")
    assert page.input_value("[name='header.current']") == "Executive Product Lead"


@pytest.fixture
def sheet(browser, base_url):
    """A worksheet page in a fresh browser profile, with every request after load recorded."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "levels/pm/plan/")
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()


def fill(page):
    page.fill(
        "textarea[name='reflect.evidence.execution']",
        "Shipped the billing export in Q2.\nLed the launch review.",
    )
    page.fill("[name='header.name']", "Ada Lovelace")
    page.check("input[name='reflect.rating.execution'][value='Consistently']")
    page.check("input[name='action.1.done']")
    page.fill("textarea[name='goals.short.specific']", "Own the onboarding area's strategy")


@pytest.mark.slow
def test_fill_in_is_saved_restored_printed_and_cleared(sheet):
    page, requests = sheet
    fill(page)
    page.wait_for_timeout(400)  # entries are saved a moment after typing
    assert requests == []  # typing and saving send nothing
    page.reload()
    page.wait_for_load_state("networkidle")
    loaded = len(requests)
    assert page.input_value("[name='header.name']") == "Ada Lovelace"
    assert page.input_value("textarea[name='reflect.evidence.execution']").startswith(
        "Shipped the billing"
    )
    assert page.is_checked("input[name='reflect.rating.execution'][value='Consistently']")
    assert page.is_checked("input[name='action.1.done']")
    assert page.input_value("[name='header.current']") == "Product Manager"  # prefilled, untouched

    page.emulate_media(media="print")
    area = page.locator("textarea[name='reflect.evidence.execution']")
    assert area.is_visible()
    assert area.evaluate("e => e.scrollHeight <= e.clientHeight + 1")  # all of it shows on paper
    assert not page.is_visible(".sheet-tools")
    pdf_text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages
    )
    assert "Ada Lovelace" in pdf_text and "Led the launch review." in pdf_text
    page.emulate_media(media="screen")
    assert len(requests) == loaded  # printing sends nothing

    page.once("dialog", lambda d: d.dismiss())
    page.click("button[data-action='clear']")
    assert page.input_value("[name='header.name']") == "Ada Lovelace"  # cancelled: kept
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-action='clear']")
    assert page.input_value("[name='header.name']") == ""
    assert page.input_value("[name='header.current']") == "Product Manager"
    assert not page.is_checked("input[name='action.1.done']")
    assert len(requests) == loaded  # clearing sends nothing
    page.reload()
    assert page.input_value("textarea[name='reflect.evidence.execution']") == ""


@pytest.mark.slow
def test_download_and_load_a_plan(sheet, tmp_path):
    page, requests = sheet
    fill(page)
    with page.expect_download() as info:
        page.click("button[data-action='download']")
    saved = tmp_path / "plan.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["fields"]["header.name"] == "Ada Lovelace"
    assert data["fields"]["reflect.rating.execution"] == "Consistently"
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-action='clear']")
    page.set_input_files("input[data-action='load']", str(saved))
    page.wait_for_function(
        "document.querySelector(\"[name='header.name']\").value === 'Ada Lovelace'"
    )
    assert page.is_checked("input[name='reflect.rating.execution'][value='Consistently']")
    assert [u for u in requests if not u.startswith(("blob:", "data:"))] == []


def test_each_worksheet_keeps_its_own_entries(sheet, base_url):
    page, _ = sheet
    page.fill("[name='header.name']", "Grace Hopper")
    page.wait_for_timeout(400)
    page.goto(base_url + "levels/apm/plan/")
    assert page.input_value("[name='header.name']") == ""


def test_paper_switch_changes_the_page_size(sheet):
    page, _ = sheet
    page.select_option("#paper", "letter")
    box = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    page.select_option("#paper", "a4")
    box = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_without_javascript_it_is_a_blank_worksheet(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "levels/pm/plan/")
    assert not page.is_visible(".sheet-tools")
    assert page.is_visible(".no-script-note")
    assert page.locator("textarea.write-in").count() > 20
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 4
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_worksheet_has_no_serious_accessibility_violations(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + "levels/senior-pm/plan/")
    results = Axe().run(page)
    context.close()
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_worksheet_fits_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "levels/senior-pm/plan/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_level_page_links_to_its_worksheet(watched, base_url):
    page = watched.page
    page.goto(base_url + "levels/senior-pm/")
    page.click("text=Plan your growth")
    page.wait_for_url("**/levels/senior-pm/plan/")
    assert "Principal Product Manager" in page.input_value("[name='header.target']")


#: A site's own worksheet template with no `.sheet-tools` (no buttons, no status line).
PLAN_WITHOUT_TOOLS = """{% extends "base.html" %}
{% block content %}
<article id="worksheet" class="worksheet" data-storage-key="{{ storage_key }}">
  <h1>{{ plan.title }}</h1>
  <label>Name <input type="text" name="header.name"></label>
</article>
<script src="{{ url('static/worksheet.js') }}" defer></script>
{% endblock %}
"""


@pytest.fixture
def own_plan_url(make_site, tmp_path) -> Iterator[str]:
    """A worksheet page of a site whose own plan.html has no `.sheet-tools`, served locally."""
    root = make_site({"themes/default/templates/plan.html": PLAN_WITHOUT_TOOLS})
    out = tmp_path / "out"
    build(root, out)
    handler = functools.partial(_Quiet, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/levels/pm/plan/"
    server.shutdown()
    server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_worksheet_template_without_its_tools_still_saves_and_throws_nothing(
    watched, own_plan_url
):
    page = watched.page
    page.goto(own_plan_url)
    page.wait_for_load_state("networkidle")
    assert page.locator(".sheet-tools").count() == 0
    assert page.evaluate("document.documentElement.classList.contains('has-script')")
    page.fill("[name='header.name']", "Ada Lovelace")
    page.wait_for_timeout(400)  # entries are saved a moment after typing
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.input_value("[name='header.name']") == "Ada Lovelace"
    assert watched.errors == [] and watched.failed == []
