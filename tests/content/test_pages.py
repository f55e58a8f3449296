"""Free pages and the home page."""

from __future__ import annotations

from generator.content.pages import build_home, build_pages
from generator.errors import Report
from tests.content.helpers import entries


def test_pages_in_navigation_order():
    found = entries(
        "page",
        {"b": "title: Beta\n", "a": "title: alpha\n", "z": "title: Zed\norder: 1\n"},
    )
    assert [p.id for p in build_pages(found, Report())] == ["z", "a", "b"]


def test_the_home_page_s_title_defaults_to_the_site_s():
    (home,) = entries("home", {"index": None})
    page = build_home([home], "Acme ladder")
    assert page is not None and (page.id, page.title, page.path) == (
        "index",
        "Acme ladder",
        "content/index.md",
    )
    titled = build_home(entries("home", {"index": "title: Welcome\n"}), "Acme ladder")
    assert titled is not None and titled.title == "Welcome"
    assert build_home([], "Acme ladder") is None
