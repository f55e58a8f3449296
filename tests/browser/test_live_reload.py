"""The authoring loop in a real browser: an edit appears without touching the page,
a mistake shows the error page, the fix brings the page back."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_edits_and_mistakes_show_up_in_the_open_page(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{served.port}/levels/pm/")
    page.wait_for_function("window.LiveReload !== undefined")  # the reload client connected
    path = served.root / "content/levels/pm.md"
    good = path.read_text()

    path.write_text(good.replace("title: Product Manager", "title: Product Manager II"))
    page.wait_for_function(
        "document.querySelector('h1').textContent === 'Product Manager II'", timeout=5000
    )

    path.write_text(good.replace("rank: 2", "rank: two"))
    page.wait_for_selector("text=The site cannot be built", timeout=5000)
    assert "content/levels/pm.md:3:7" in page.text_content("main")
    assert "rank: two" in page.text_content("pre")

    path.write_text(good)
    page.wait_for_function(
        "document.querySelector('h1').textContent === 'Product Manager'", timeout=5000
    )
    context.close()
