"""What only a browser shows of a right-to-left override in content: the text after it keeps
its order, because the site isolates the text that holds it (tests/hostile/test_round_two.py
checks the bytes)."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser

from generator.commands.build import build
from tests.conftest import SITES, write_files

#: The left edge of each word's first letter, found in the text of the element holding it.
WHERE = """(words) => {
  const holder = [...document.querySelectorAll('main p, main h1')]
    .find((e) => e.textContent.includes(words[0]));
  const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
  const found = {};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of words) {
      const at = node.data.indexOf(word);
      if (at >= 0 && !(word in found)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        found[word] = range.getBoundingClientRect().left;
      }
    }
  }
  return found;
}"""


def test_text_after_a_right_to_left_override_keeps_its_order(browser: Browser, tmp_path: Path):
    root = tmp_path / "site"
    shutil.copytree(SITES / "minimal", root)
    body = "Before \u202emiddle *after* end.\n"
    write_files(root, {"content/pages/about.md": f"---\ntitle: About\n---\n{body}"})
    build(root, tmp_path / "out")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "out/about/index.html").as_uri())
        x = page.evaluate(WHERE, ["Before", "middle", "after", "end"])
    finally:
        page.close()
    # "middle" itself is reversed, as its author wrote it; what follows it is not.
    assert x["Before"] < x["middle"] < x["after"] < x["end"], x
