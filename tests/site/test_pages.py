"""The page list and what each page is made from: inputs derived from the views, checked
against what really changes when each content file of the example is edited in turn."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.commands.build import prepare, render_pages
from generator.commands.check import check_site
from generator.site.pages import PageSpec, affected, page_inputs, pages
from tests.conftest import REPO, SITES, example_copy

#: Keys whose values are ids, numbers or settings: editing them changes the ladder's shape,
#: not its text. Every other string in a content file is text some page shows.
STRUCTURE = {
    "id", "track", "tracks", "rank", "next", "order", "levels", "competencies", "kind",
    "url", "cost", "tags", "extra", "category",
}  # fmt: skip


def edited(value: Any, key: str = "") -> Any:
    """Every shown string in a YAML value, with a word added."""
    if key in STRUCTURE:
        return value
    if isinstance(value, str):
        return value + " Edited"
    if isinstance(value, list):
        return [edited(v) for v in value]
    if isinstance(value, dict):
        # An expectation's level ids are keys: their values are text.
        return {k: edited(v, "" if key == "expectations" else k) for k, v in value.items()}
    return value


def edit(path: Path) -> None:
    """Change all the text of one content file, and nothing of its structure."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        data = edited(yaml.safe_load(text))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        return
    _, front, body = text.split("---\n", 2)
    data = edited(yaml.safe_load(front))
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{dumped}---\n{body}\n\nAn added paragraph.\n", encoding="utf-8")


def rendered(root: Path) -> tuple[Any, dict[str, bytes]]:
    """The prepared site and every page's bytes, rendered in memory."""
    prepared = prepare(root)
    return prepared, render_pages(prepared, root, prepared.specs)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, dict[str, bytes]]:
    root = example_copy(tmp_path_factory.mktemp("example") / "site")
    prepared, files = rendered(root)
    return root, prepared, files


def content_files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in (root / "content").rglob("*")
        if p.suffix in (".md", ".yml") and p.is_file()
    )


EXAMPLE_FILES = content_files(REPO)  # the copies hold the same files


@pytest.mark.slow
@pytest.mark.parametrize("changed", EXAMPLE_FILES)
def test_an_edit_rebuilds_exactly_the_pages_whose_bytes_change(example, tmp_path, changed):
    root, before, old = example
    copy = tmp_path / "site"
    shutil.copytree(root, copy)
    edit(copy / changed)
    after, new = rendered(copy)
    really = {path for path in new if new[path] != old.get(path)}
    named = {
        spec.path
        for spec in affected(
            after.site, after.specs, {changed}, before.site, before.specs, before.renderer.read
        )
    }
    assert really, f"the edit of {changed} changed no page"
    assert named == really, (
        f"{changed}: named but unchanged {sorted(named - really)[:5]}; "
        f"changed but not named {sorted(really - named)[:5]}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("changed", [f for f in EXAMPLE_FILES if f.endswith(".md")])
def test_an_edit_of_a_body_alone_rebuilds_every_page_that_changes(example, tmp_path, changed):
    """The common edit, a paragraph added, changes fewer pages than the file's inputs name
    (inputs are whole files), but never one that affected() leaves out."""
    root, before, old = example
    copy = tmp_path / "site"
    shutil.copytree(root, copy)
    path = copy / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n\nAn added paragraph.\n")
    after, new = rendered(copy)
    really = {p for p in new if new[p] != old.get(p)}
    named = {
        spec.path
        for spec in affected(
            after.site, after.specs, {changed}, before.site, before.specs, before.renderer.read
        )
    }
    assert really <= named, f"{changed}: changed but not named {sorted(really - named)[:5]}"


def test_inputs_are_the_files_a_page_shows():
    site = check_site(SITES / "minimal").site
    assert site is not None
    specs = pages(site)
    inputs = page_inputs(site, specs)
    level = inputs["levels/principal-pm/index.html"]
    assert "content/levels/principal-pm.md" in level
    assert "content/competencies/strategy.md" in level
    assert "content/competencies/coaching.md" not in level  # not on the IC track
    assert inputs["sitemap.xml"] == frozenset()
    assert "content/pages/about.md" in inputs["index.html"]  # the navigation names it


def test_every_page_is_listed_once_in_a_stable_order():
    site = check_site(SITES / "minimal").site
    assert site is not None
    specs = pages(site)
    assert len({s.path for s in specs}) == len(specs)
    assert [s.path for s in specs[:3]] == [
        "index.html",
        "ladder/index.html",
        "ladder/ic/index.html",
    ]
    assert specs[-1].path == "sitemap.xml"  # it lists every other page, so it comes last
    assert all(isinstance(s, PageSpec) for s in specs)
