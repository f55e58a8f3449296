"""Versions in the browser, on the example built from a repository with two versions
(tests/gitrepo.py's example_repo): a level page's "Changed in" mark leads to its change on
/changes/ and prints; a worksheet records the framework's version in what it saves, and a
plan saved against the older version lists what changed since, with no request. Every
page with these parts is axe-core clean, with the list shown."""

from __future__ import annotations

import functools
import io
import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from generator.commands.build import build
from tests.browser.conftest import _QuietHandler
from tests.gitrepo import example_repo, git_environ

MARK = "version-2026-2-level-senior-pm_product-strategy"
CHANGE = "Senior Product Manager · Product strategy: expectation changed"
PLAN = "levels/senior-pm/plan/"


@pytest.fixture(scope="module")
def versioned_url(tmp_path_factory) -> Iterator[str]:
    """The example with versions 2026.1 and 2026.2, built and served under a sub-path."""
    root = tmp_path_factory.mktemp("versions")
    with git_environ():
        repo = example_repo(root / "repo")
        (root / "www").mkdir()
        build(repo.site, root / "www" / "ladder")
    handler = functools.partial(_QuietHandler, directory=str(root / "www"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/ladder/"
    server.shutdown()
    server.server_close()


def serious(page) -> list[tuple[str, list[str]]]:
    results = Axe().run(page)
    return [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_mark_leads_to_its_change_and_prints(watched, versioned_url):
    page = watched.page
    page.goto(versioned_url + "levels/senior-pm/")
    page.wait_for_load_state("networkidle")  # so that leaving it cancels no request
    mark = page.locator("#c-product-strategy .changed-in a")
    # Words, not a colour; a screen reader also hears which expectation.
    assert mark.inner_text().split("\n") == [
        "Changed in 2026.2",
        "(Product strategy: see what changed)",
    ]
    assert mark.locator(".visually-hidden").bounding_box()["width"] <= 1
    assert page.locator(".changed-in").count() == 1
    mark.click()
    page.wait_for_url(f"**/changes/#{MARK}")
    page.wait_for_load_state("networkidle")
    target = page.locator(f"#{MARK}")
    assert target.evaluate("e => e.matches(':target')") and target.is_visible()
    assert CHANGE.split(" · ")[1] in target.inner_text()
    page.goto(versioned_url + "levels/senior-pm/")
    page.emulate_media(media="print")
    assert page.locator(".changed-in").is_visible()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages)
    assert "Changed in 2026.2" in text
    assert watched.errors == [] and watched.failed == []


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["levels/senior-pm/", "changes/"])
def test_pages_with_versions_have_no_serious_accessibility_violations(
    browser, versioned_url, path, scheme
):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(versioned_url + path + (f"#{MARK}" if path == "changes/" else ""))
    assert serious(page) == []
    context.close()


@pytest.fixture
def sheet(browser, versioned_url):
    """The Senior PM worksheet in a fresh profile, every request after load recorded."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(versioned_url + PLAN)
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()


def saved_name(page, name: str) -> None:
    """Wait until the browser has saved the worksheet with this name in it (a moment after
    typing)."""
    key = page.get_attribute("#worksheet", "data-storage-key")
    page.wait_for_function(
        "([k, n]) => (JSON.parse(localStorage.getItem(k) || '{}').fields || {})['header.name'] === n",
        arg=[key, name],
    )


def stored(page) -> dict:
    key = page.get_attribute("#worksheet", "data-storage-key")
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key))


def test_a_worksheet_shows_and_saves_its_version(sheet, tmp_path):
    page, requests = sheet
    assert page.text_content(".sheet-version") == "Framework version 2026.2"
    assert page.is_visible(".sheet-version")
    assert page.locator("#changed-since").is_hidden()
    page.fill("[name='header.name']", "Ada Lovelace")
    saved_name(page, "Ada Lovelace")
    assert stored(page) == {
        "version": 2,
        "framework_version": "2026.2",
        "fields": {"header.name": "Ada Lovelace"},
    }
    with page.expect_download() as info:
        page.click("button[data-action='download']")
    info.value.save_as(tmp_path / "plan.json")
    saved = json.loads((tmp_path / "plan.json").read_text())
    assert (saved["version"], saved["framework_version"]) == (2, "2026.2")
    assert saved["worksheet"].endswith(":levels/senior-pm/plan/index.html")
    assert [u for u in requests if not u.startswith(("blob:", "data:"))] == []


def test_a_plan_saved_against_the_older_version_lists_what_changed_since(sheet, tmp_path):
    page, requests = sheet
    old = {"version": 2, "framework_version": "2026.1", "fields": {"header.name": "Ada"}}
    (tmp_path / "old.json").write_text(json.dumps(old))
    page.set_input_files("input[data-action='load']", str(tmp_path / "old.json"))
    notice = page.locator("#changed-since")
    notice.wait_for(state="visible")
    assert page.input_value("[name='header.name']") == "Ada"
    assert "saved against version 2026.1; the framework is now at version 2026.2" in (
        notice.inner_text()
    )
    assert notice.locator("h3").all_inner_texts() == ["Version 2026.2"]
    links = notice.locator("li a")
    assert links.all_inner_texts() == [CHANGE]
    assert links.first.get_attribute("href") == f"../../../changes/#{MARK}"
    assert stored(page)["framework_version"] == "2026.1"  # not yet edited: still the old one
    assert [u for u in requests if not u.startswith(("blob:", "data:"))] == []

    page.reload()  # restored from the browser: the same list
    notice.wait_for(state="visible")
    assert notice.locator("li a").all_inner_texts() == [CHANGE]
    page.emulate_media(media="print")
    assert notice.is_hidden()  # the list is for the screen
    page.emulate_media(media="screen")

    page.fill("[name='header.name']", "Ada Lovelace")  # edited: now against 2026.2
    saved_name(page, "Ada Lovelace")
    assert stored(page)["framework_version"] == "2026.2"
    page.reload()
    assert page.locator("#changed-since").is_hidden()


def saved_before(page, url: str, path: str, plan: dict) -> None:
    """Open the worksheet at path with plan in the browser's storage, as if saved earlier
    (written from the home page: a worksheet saves its own entries as it is left)."""
    page.goto(url + path)
    key = page.get_attribute("#worksheet", "data-storage-key")
    page.goto(url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(plan)])
    page.goto(url + path)


@pytest.mark.parametrize(
    ("plan", "says"),
    [
        ({"version": 1, "fields": {"header.name": "Ada"}}, None),  # before versions: none
        (
            {"version": 2, "framework_version": "2025.9", "fields": {}},
            "does not list version 2025.9",
        ),
    ],
)
def test_a_plan_of_an_unknown_version(sheet, tmp_path, plan, says):
    page, _ = sheet
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    page.set_input_files("input[data-action='load']", str(tmp_path / "plan.json"))
    page.wait_for_function(
        "document.querySelector('.sheet-status').textContent.startsWith('Loaded')"
    )
    notice = page.locator("#changed-since")
    if says is None:
        assert notice.is_hidden()
    else:
        assert says in notice.inner_text() and notice.locator("li").count() == 0


def test_apm_worksheet_says_nothing_it_shows_changed(browser, versioned_url):
    """APM's only change in 2026.2 was a typo's correction: nothing to list."""
    context = browser.new_context()
    page = context.new_page()
    old = {"version": 2, "framework_version": "2026.1", "fields": {"header.name": "Ada"}}
    saved_before(page, versioned_url, "levels/apm/plan/", old)
    notice = page.locator("#changed-since")
    notice.wait_for(state="visible")
    assert "Nothing this worksheet shows has changed since." in notice.inner_text()
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_list_of_changes_is_accessible(browser, versioned_url, scheme, tmp_path):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    old = {"version": 2, "framework_version": "2026.1", "fields": {}}
    saved_before(page, versioned_url, PLAN, old)
    page.locator("#changed-since").wait_for(state="visible")
    assert serious(page) == []
    context.close()
