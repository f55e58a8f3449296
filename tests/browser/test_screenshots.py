"""Screenshots of the key pages at desktop and phone widths.

They are written to a temporary folder on every run (and checked to be real
pictures); set LADDERPRESS_SCREENSHOTS=docs/images to refresh the ones the
README shows.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from tests.conftest import REPO

SHOTS = {
    "home": "",
    "matrix": "ladder/",
    "level": "levels/senior-pm/",
    "compare": "compare/pm/senior-pm/",
}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", SHOTS)
def test_screenshot(browser, base_url, tmp_path, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
    page = context.new_page()
    page.goto(base_url + SHOTS[name])
    target = os.environ.get("LADDERPRESS_SCREENSHOTS")
    folder = REPO / target if target else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=False)
    context.close()
    header = Path(path).read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24])[0] == width
