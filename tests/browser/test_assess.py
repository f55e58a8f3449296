"""The self-assessment in a browser: choices saved, reloaded, downloaded, loaded and cleared;
the chart's values are the choices; "Start my plan" fills the worksheet; a printable form
without JavaScript; the chart prints on one page; and no request leaves the site."""

from __future__ import annotations

import io
import json
import math

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.browser.test_search import disk_copy
from tests.conftest import REPO

#: A product manager's picture of themselves: competency → the level chosen.
CHOICES = {
    "product-strategy": "pm",
    "business-acumen": "apm",
    "customer-discovery": "senior-pm",
    "data-analytics": "pm",
    "execution": "senior-pm",
    "technical-fluency": "apm",
    "communication": "pm",
    "stakeholder-management": "pm",
    "mentoring": "principal-pm",
}
#: The individual-contributor track's ladder, from its first level up.
IC = ["apm", "pm", "senior-pm", "principal-pm", "distinguished-pm"]


@pytest.fixture
def assessment(browser, base_url):
    """The assessment page in a fresh profile, with every request after load recorded."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "assess/")
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()
    assert errors == []


def choose(page, choices=CHOICES, current="pm", target="senior-pm"):
    page.select_option("#assess-track", "ic")
    page.select_option("#assess-current", current)
    page.select_option("#assess-target", target)
    for competency, level in choices.items():
        page.check(f"input[name='assess.place.{competency}'][value='{level}']")
    page.fill("textarea[name='reflect.evidence.execution']", "Shipped the billing export in Q2.")


def chart_values(page) -> dict[str, int]:
    """Each competency's value as the chart draws it: from the dot's distance to the centre,
    on a scale where the outer ring is the track's last level."""
    dots = page.locator("#chart .chart-dot").evaluate_all(
        "ds => ds.map(d => [d.dataset.competency, +d.getAttribute('cx'), +d.getAttribute('cy')])"
    )
    rings = len(IC)
    outer = page.locator("#chart .chart-ring").last.get_attribute("points").split()[0]
    ox, oy = (float(v) for v in outer.split(","))
    axis = page.locator("#chart .chart-axis").first
    cx, cy = (float(axis.get_attribute(a)) for a in ("x1", "y1"))
    full = math.hypot(ox - cx, oy - cy)
    return {c: round(math.hypot(x - cx, y - cy) / full * rings) for c, x, y in dots}


def test_the_chart_and_its_table_show_the_choices(assessment):
    page, requests = assessment
    assert page.locator("#picture").is_hidden()  # nothing chosen, nothing drawn
    choose(page)
    expected = {c: IC.index(level) + 1 for c, level in CHOICES.items()}
    assert chart_values(page) == expected
    assert page.locator("#chart svg").get_attribute("role") == "img"
    rows = page.locator(".assess-table tbody tr")
    assert rows.count() == len(CHOICES)  # people leadership is not on this track
    first = rows.first.locator("th, td").all_inner_texts()
    assert first == [
        "Product strategy",
        "Product Manager",
        "Product Manager",
        "Senior Product Manager",
        "Below target",
    ]
    table = {r.locator("th").inner_text(): r.get_attribute("data-value") for r in rows.all()}
    assert table["Mentoring and coaching"] == "4"
    assert page.locator("input[name='assess.place.people-leadership']").first.is_hidden()
    # Choosing and drawing send nothing (the browser asks for the page's icon when it likes).
    assert [u for u in requests if not u.endswith("/favicon.svg")] == []


@pytest.mark.slow
def test_more_than_twelve_competencies_draw_bars(browser, tmp_path):
    files = {
        f"content/competencies/extra-{i}.md": (
            f"---\nname: Extra {i}\nexpectations:\n  pm: Does {i}.\n  senior-pm: Leads {i}.\n---\n"
        )
        for i in range(5)
    }
    base = disk_copy(REPO, tmp_path, files)
    page = browser.new_page()
    page.goto(base + "assess/index.html")
    choose(page)
    page.check("input[name='assess.place.extra-3'][value='senior-pm']")
    assert page.locator("#chart .chart-dot").count() == 0
    bars = page.locator("#chart .chart-bar")
    assert bars.count() == len(CHOICES) + 5
    values = dict(bars.evaluate_all("bs => bs.map(b => [b.dataset.competency, +b.dataset.value])"))
    assert values["extra-3"] == 3 and values["mentoring"] == 4 and values["extra-0"] == 0
    widths = dict(
        bars.evaluate_all("bs => bs.map(b => [b.dataset.competency, +b.getAttribute('width')])")
    )
    assert widths["extra-3"] / widths["mentoring"] == pytest.approx(3 / 4)
    page.close()


def test_choices_are_saved_reloaded_downloaded_loaded_and_cleared(assessment, base_url, tmp_path):
    page, requests = assessment
    choose(page)
    page.wait_for_timeout(400)  # saved a moment after the last change
    page.reload()
    page.wait_for_load_state("networkidle")
    loaded = len(requests)
    assert page.input_value("#assess-current") == "pm"
    assert page.is_checked("input[name='assess.place.execution'][value='senior-pm']")
    assert page.input_value("textarea[name='reflect.evidence.execution']").startswith("Shipped")
    assert chart_values(page)["execution"] == 3  # drawn again from what was restored

    with page.expect_download() as info:
        page.click("button[data-action='download']")
    saved = tmp_path / "assessment.json"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "self-assessment.json"
    data = json.loads(saved.read_text())
    fields = data["fields"]
    assert fields["assess.track"] == "ic" and fields["assess.place.mentoring"] == "principal-pm"
    # The worksheet's own fields, derived from the choices: one format for both.
    assert fields["reflect.rating.execution"] == "Role model"  # above the current level
    assert fields["reflect.rating.product-strategy"] == "Consistently"  # at it
    assert fields["reflect.rating.business-acumen"] == "Not yet"  # below it
    assert fields["reflect.evidence.execution"] == "Shipped the billing export in Q2."
    assert fields["grow.gaps"].split("\n")[:2] == ["Business acumen", "Technical fluency"]

    page.once("dialog", lambda d: d.dismiss())
    page.click("button[data-action='clear']")
    assert page.input_value("#assess-current") == "pm"  # cancelled: kept
    page.once("dialog", lambda d: d.accept())
    page.click("button[data-action='clear']")
    assert page.input_value("#assess-current") == ""
    assert not page.is_checked("input[name='assess.place.execution'][value='senior-pm']")
    assert page.locator("#picture").is_hidden()
    page.reload()
    assert page.input_value("#assess-current") == ""

    page.set_input_files("input[data-action='load']", str(saved))
    page.wait_for_function("document.getElementById('assess-current').value === 'pm'")
    assert page.is_checked("input[name='assess.place.mentoring'][value='principal-pm']")
    assert chart_values(page)["mentoring"] == 4
    assert len(requests) > loaded
    assert all(u.startswith((base_url, "blob:")) for u in requests), requests


@pytest.mark.parametrize("where", ["http", pytest.param("disk", marks=pytest.mark.slow)])
def test_start_my_plan_fills_the_worksheet(assessment, base_url, tmp_path_factory, where):
    page, requests = assessment
    if where == "disk":
        base = disk_copy(REPO, tmp_path_factory.mktemp("assess"))
        page.goto(base + "assess/index.html")
    else:
        base = base_url
    choose(page)
    page.click("button[data-action='start']")
    page.wait_for_url("**/levels/pm/plan/**")
    assert page.url.split("#")[0].endswith(
        "/levels/pm/plan/" + ("index.html" if where == "disk" else "")
    )
    page.wait_for_function(
        "document.querySelector('.sheet-status').textContent.includes('assessment')"
    )
    assert page.is_checked("input[name='reflect.rating.execution'][value='Role model']")
    assert page.is_checked("input[name='reflect.rating.business-acumen'][value='Not yet']")
    assert page.input_value("textarea[name='reflect.evidence.execution']").startswith("Shipped")
    gaps = page.locator("[name='grow.gaps']")
    assert gaps.is_visible()
    assert gaps.input_value().split("\n")[0] == "Business acumen"
    # In "Develop skills", the resources for the gaps come before the others.
    order = page.locator(".checklist li").evaluate_all(
        "ls => ls.map(l => l.dataset.competencies.split(' '))"
    )
    gap_ids = {
        "business-acumen",
        "technical-fluency",
        "product-strategy",
        "data-analytics",
        "communication",
        "stakeholder-management",
    }
    firsts = [bool(set(ids) & gap_ids) for ids in order]
    assert firsts == sorted(firsts, reverse=True) and firsts[0]
    # Kept by the worksheet: there again after a reload, without the assessment in the address.
    page.wait_for_timeout(300)
    page.goto(page.url.split("#")[0])
    assert page.is_checked("input[name='reflect.rating.execution'][value='Role model']")
    assert all(u.startswith(base) for u in requests), requests


def test_without_javascript_it_is_a_form_to_print_and_fill_in(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "assess/")
    assert page.is_visible(".no-script-note")
    assert page.locator(".sheet-tools").is_hidden() and page.locator("#picture").is_hidden()
    # Every competency with every level that has an expectation for it, and room to write.
    assert page.locator(".assess-row").count() == 10
    assert page.locator("input[name='assess.place.product-strategy']").count() == 8
    assert page.locator("textarea[name^='reflect.evidence.']").count() == 10
    pdf = PdfReader(io.BytesIO(page.pdf()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Sets a direction" in text or "strategy" in text
    context.close()


@pytest.mark.slow
def test_the_chart_prints_on_one_page(assessment):
    page, _ = assessment
    choose(page)
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        # As "Print the chart" does (the class goes again after each printing).
        page.evaluate("document.documentElement.classList.add('print-picture')")
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text()
        assert "Mentoring and coaching" in text and "Below target" in text


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_accessibility_violations_and_fits_a_phone(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + "assess/")
    choose(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    found = Axe().run(page)
    context.close()
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in found.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
