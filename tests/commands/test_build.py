"""End-to-end builds: every page exists and shows the right content; links resolve;
output is deterministic, atomic and never written where it must not be."""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.commands.build import build
from generator.commands.check import check_site
from generator.errors import ContentError
from generator.site import render as render_module
from generator.site.output import MARKER, OutputError
from generator.site.pages import affected, pages
from tests.conftest import REPO, SITES
from tests.htmlscan import parse_file


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    build(REPO, out)
    return out


@pytest.fixture(scope="module")
def model():
    site = check_site(REPO).site
    assert site is not None
    return site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_home_page(example, model):
    doc = parse_file(example / "index.html")
    assert doc.find("h1").text == model.home.title
    ladder = doc.find("ol", class_="ladder-grid")
    linked = {a.attrs["href"] for a in ladder.find_all("a")}
    assert linked == {f"levels/{lv.id}/" for lv in model.levels}
    # the header's navigation (shown as a menu on phones) and the "where to start" cards
    assert {a.text for a in doc.find_all("a", href="compare/")} == {"Compare", "Compare levels"}
    assert doc.find("nav", id="start").find("a", href="compare/").text == "Compare levels"


def test_matrix_pages(example, model):
    # the tracks diverge, so the ladder shows one table per track, the shared trunk in each
    doc = parse_file(example / "ladder/index.html")
    tables = doc.find_all("table", class_="matrix")
    assert len(tables) == len(model.tracks)
    for table, track in zip(tables, model.tracks):
        headers = [th.text for th in table.find("thead").find_all("th")]
        assert headers == ["Competency", *(lv.title for lv in model.levels_of(track.id))]
        rows = [th.text for th in table.find_all("th", scope="row")]
        levels = model.levels_of(track.id)
        assert rows == [
            c.name for c in model.competencies if any(model.applies(c, lv) for lv in levels)
        ]
    for track in model.tracks:
        doc = parse_file(example / f"ladder/{track.id}/index.html")
        headers = [th.text for th in doc.find("thead").find_all("th")][1:]
        assert headers == [lv.title for lv in model.levels_of(track.id)]


def test_level_pages(example, model):
    for level in model.levels:
        doc = parse_file(example / f"levels/{level.id}/index.html")
        assert doc.find("h1").text == level.title
        shown = [
            s.attrs["id"] for s in doc.find("section", id="expectations").find_all("section")[1:]
        ]
        assert shown == [f"c-{c.id}" for c in model.competencies if model.applies(c, level)]
        for competency in model.competencies:
            expectation = competency.expectations.get(level.id)
            if expectation:
                section = doc.find("section", id=f"c-{competency.id}")
                first_words = " ".join(expectation.statements[0].source.split()[:5])
                assert first_words in section.text


def test_level_page_shows_what_changes_from_below(example):
    doc = parse_file(example / "levels/principal-pm/index.html")
    changes = doc.find("section", id="changes")
    assert changes.find("h2").text == "What changes from Senior Product Manager"
    assert changes.find("a", href="../../compare/senior-pm/principal-pm/")
    moves = doc.find("section", id="moves")
    assert {a.text for a in moves.find_all("h3")} == {
        "Distinguished Product Manager",
        "Group Product Manager",
    }


def test_competency_pages(example, model):
    for competency in model.competencies:
        doc = parse_file(example / f"competencies/{competency.id}/index.html")
        assert doc.find("h1").text == competency.name
        steps = {
            p.find("a").text
            for p in doc.find("section", id="progression").find_all("p", class_="step-level")
        }
        assert steps == {lv.title for lv in model.levels if model.applies(competency, lv)}


def test_compare_pages(example, model):
    pairs = sorted(
        p.parent.relative_to(example / "compare").as_posix()
        for p in (example / "compare").glob("*/*/index.html")
    )
    # A page for each pair a level page links to (up, down, sideways), not for every pair.
    assert pairs == sorted(
        [
            "apm/pm",
            "pm/senior-pm",
            "senior-pm/principal-pm",
            "senior-pm/group-pm",
            "principal-pm/group-pm",
            "principal-pm/distinguished-pm",
            "group-pm/director",
            "distinguished-pm/director",
            "director/vp-product",
        ]
    )
    assert len(model.levels) == 8  # 28 pairs in all: the others are compared on compare/
    doc = parse_file(example / "compare/pm/senior-pm/index.html")
    heads = [th.text for th in doc.find("thead").find_all("th")]
    assert heads == ["Competency", "Product Manager", "Senior Product Manager"]
    assert len(doc.find("tbody").find_all("tr")) == len(model.competencies)


def test_resource_library(example, model):
    doc = parse_file(example / "resources/index.html")
    titles = {
        el.find("p", class_="resource-title").text.split(" — ")[0]
        for el in doc.find_all("li", class_="resource")
    }
    assert titles == {r.title for r in model.resources}
    assert doc.find("form", id="filters").attrs.get("hidden") == ""


def test_free_pages_and_data_files(example, model):
    for page in model.pages:
        assert parse_file(example / page.id / "index.html").find("h1").text == page.title
    data = json.loads((example / "framework.json").read_text())
    assert [lv["id"] for lv in data["levels"]] == [lv.id for lv in model.levels]
    assert len(data["resources"]) == len(model.resources)
    rows = list(csv.reader(io.StringIO((example / "ladder.csv").read_text())))
    assert rows[0][2:] == [lv.title for lv in model.levels]
    assert len(rows) == len(model.competencies) + 1
    locs = [
        el.text
        for el in ET.parse(example / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert "/levels/pm/" in locs and "/" in locs and "/404.html" not in locs
    assert len(locs) == sum(1 for p in example.rglob("*.html")) - 1
    assert (example / "404.html").is_file()
    assert (example / MARKER).is_file()
    assert (example / "static/style.css").is_file()


def internal_links(root: Path):
    """(page, url) for every href and src in every HTML file that is not external."""
    for page in sorted(root.rglob("*.html")):
        if page.name == "404.html":
            continue
        for el in parse_file(page).iter():
            for attr in ("href", "src"):
                url = el.attrs.get(attr)
                if url is None or urlsplit(url).scheme or url.startswith("//"):
                    continue
                yield page, url


def test_every_internal_link_resolves(example):
    checked = 0
    ids: dict[Path, set[str]] = {}
    for page, url in internal_links(example):
        parts = urlsplit(url)
        target = page if not parts.path else (page.parent / unquote(parts.path))
        if target.is_dir():
            target = target / "index.html"
        target = Path(posixpath.normpath(target.as_posix()))
        assert target.is_file(), f"{page.relative_to(example)}: broken link {url}"
        assert example in target.parents
        if parts.fragment:
            if target not in ids:
                ids[target] = {
                    el.attrs["id"] for el in parse_file(target).iter() if "id" in el.attrs
                }
            assert unquote(parts.fragment) in ids[target], (
                f"{page.relative_to(example)}: no #{parts.fragment} in {url}"
            )
        checked += 1
    assert checked > 1000


def test_no_external_requests_in_pages(example):
    for page in example.rglob("*.html"):
        for el in parse_file(page).iter():
            if el.tag in ("script", "link", "img", "iframe"):
                url = el.attrs.get("src") or el.attrs.get("href") or ""
                assert not urlsplit(url).scheme, f"{page}: external {el.tag} {url}"


def test_directory_urls_false_links_to_index_files(make_site, tmp_path):
    root = make_site({"site.yml": "title: T\ndirectory_urls: false\n"})
    out = tmp_path / "out"
    build(root, out)
    for page, url in internal_links(out):
        path = urlsplit(url).path
        assert not path or not path.endswith("/"), f"{page}: {url}"


def test_build_is_deterministic(tmp_path):
    """Processes with different hash seeds write the same bytes, so no page follows the order
    of a set or dict of strings (two builds in one process share a seed and could not show it)."""
    command = [sys.executable, "-m", "generator", "-q", "build", str(REPO), "-o"]
    for seed in ("1", "2"):
        result = subprocess.run(
            [*command, str(tmp_path / seed)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    first, second = snapshot(tmp_path / "1"), snapshot(tmp_path / "2")
    assert "index.html" in first and len(first) > 50
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_failed_build_keeps_previous_output(make_site, tmp_path):
    root = make_site()
    out = tmp_path / "out"
    build(root, out)
    before = snapshot(out)
    (root / "content/levels/pm.md").write_text("---\ntitle: PM\nrank: [1]\n---\n")
    with pytest.raises(ContentError):
        build(root, out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


@pytest.mark.parametrize("error", [RuntimeError("template blew up"), KeyboardInterrupt()])
def test_build_interrupted_while_rendering_keeps_previous_output(
    make_site, tmp_path, monkeypatch, error
):
    root = make_site()
    out = tmp_path / "out"
    build(root, out)
    before = snapshot(out)
    original = render_module.Renderer.render
    calls = []

    def failing(self, spec):
        calls.append(spec.path)
        if len(calls) == 5:
            raise error
        return original(self, spec)

    monkeypatch.setattr(render_module.Renderer, "render", failing)
    with pytest.raises(type(error)):
        build(root, out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def test_build_interrupted_while_writing_keeps_previous_output(make_site, tmp_path, monkeypatch):
    from generator.site import output

    root = make_site()
    out = tmp_path / "out"
    build(root, out)
    before = snapshot(out)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.shutil, "copyfile", full_disk)
    with pytest.raises(OutputError, match="No space left on device"):
        build(root, out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


@pytest.mark.parametrize(
    "where",
    ["/", "~", "site", "site/content", "site/content/levels", "site/themes", "."],
    ids=["root", "home", "site-folder", "content", "inside-content", "themes", "parent-of-site"],
)
def test_refused_output_folders(make_site, tmp_path, where, monkeypatch):
    root = make_site()
    monkeypatch.chdir(tmp_path)
    out = Path(where).expanduser() if where.startswith(("/", "~")) else tmp_path / where
    before = snapshot(root)
    with pytest.raises(OutputError):
        build(root, out)
    assert snapshot(root) == before


def test_non_empty_foreign_folder_needs_force(make_site, tmp_path):
    root = make_site()
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not made by Ladderpress"):
        build(root, out)
    assert (out / "notes.txt").read_text() == "keep me"
    build(root, out, force=True)
    assert (out / MARKER).is_file() and not (out / "notes.txt").exists()


def test_output_that_is_a_file_is_refused(make_site, tmp_path):
    root = make_site()
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        build(root, tmp_path / "out")


def test_cli_build_summary_and_failure(make_site, tmp_path):
    root = make_site()
    ok = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "out")])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("Built ") and f"→ {tmp_path / 'out'}/" in ok.output
    refused = CliRunner().invoke(main, ["build", str(root), "-o", str(root)])
    assert refused.exit_code == 2
    assert "it holds the site's own files" in refused.output
    (root / "content/levels/pm.md").write_text("---\ntitle: PM\ntrack: ics\nrank: 1\n---\n")
    bad = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "out")])
    assert bad.exit_code == 1
    assert "content/levels/pm.md:3:8: error: 'track': unknown track 'ics'" in bad.output
    assert "Build failed: nothing was written." in bad.output


def test_broken_content_link_fails_check_and_build(make_site, tmp_path):
    root = make_site(
        {"content/pages/about.md": "---\ntitle: About\n---\nSee [gone](../levels/vp.md).\n"}
    )
    result = check_site(root)
    assert [(d.path, d.line, d.col, d.code) for d in result.diagnostics] == [
        ("content/pages/about.md", 4, 12, "bad-link")
    ]
    with pytest.raises(ContentError):
        build(root, tmp_path / "out")


def test_changing_one_competency_rebuilds_exactly_the_pages_that_show_it(make_site, tmp_path):
    root = make_site()
    build(root, tmp_path / "before")
    path = root / "content/competencies/coaching.md"
    path.write_text(path.read_text().replace("name: Coaching", "name: Coaching and mentoring"))
    build(root, tmp_path / "after")
    before, after = snapshot(tmp_path / "before"), snapshot(tmp_path / "after")
    changed = {p for p in after if before.get(p) != after[p]}
    site = check_site(root).site
    predicted = {
        spec.path for spec in affected(site, pages(site), {"content/competencies/coaching.md"})
    }
    assert changed == predicted
    assert "levels/principal-pm/index.html" not in predicted  # coaching is not on the IC track


def test_theme_override_replaces_one_block(make_site, tmp_path):
    root = make_site()
    build(root, tmp_path / "plain")
    (root / "themes/default/templates").mkdir(parents=True)
    (root / "themes/default/templates/level.html").write_text(
        '{% extends "!default/level.html" %}\n'
        '{% block level_resources %}<p class="custom">Ask your manager for a reading list.</p>{% endblock %}\n'
    )
    build(root, tmp_path / "themed")
    plain, themed = snapshot(tmp_path / "plain"), snapshot(tmp_path / "themed")
    changed = sorted(p for p in themed if plain.get(p) != themed[p])
    assert changed == sorted(
        f"levels/{lv}/index.html" for lv in ("pm", "senior-pm", "principal-pm", "group-pm")
    )
    page = parse_file(tmp_path / "themed/levels/pm/index.html")
    assert page.find("p", class_="custom").text == "Ask your manager for a reading list."
    assert page.find_all("section", id="resources") == []
    assert page.find("section", id="expectations")


def test_site_theme_extending_default(make_site, tmp_path):
    root = make_site({"site.yml": "title: T\ntheme: acme\n"})
    (root / "themes/acme/static").mkdir(parents=True)
    (root / "themes/acme/theme.yml").write_text("extends: default\n")
    (root / "themes/acme/static/extra.css").write_text("body { color: red; }\n")
    build(root, tmp_path / "out")
    assert (tmp_path / "out/static/extra.css").is_file()
    assert (tmp_path / "out/static/style.css").is_file()


def test_unknown_theme_is_a_positioned_error(make_site, tmp_path):
    root = make_site({"site.yml": "title: T\ntheme: nope\n"})
    assert [(d.path, d.line, d.col, d.code) for d in check_site(root).diagnostics] == [
        ("site.yml", 2, 8, "unknown-theme")
    ]
    with pytest.raises(ContentError) as info:
        build(root, tmp_path / "out")
    assert [(d.path, d.line, d.code) for d in info.value.diagnostics] == [
        ("site.yml", 2, "unknown-theme")
    ]


def test_template_error_is_positioned(make_site, tmp_path):
    root = make_site()
    (root / "themes/default/templates").mkdir(parents=True)
    (root / "themes/default/templates/page.html").write_text(
        "{% extends 'base.html' %}\n{% block content %}{{ nope }}{% endblock %}\n"
    )
    with pytest.raises(ContentError) as info:
        build(root, tmp_path / "out")
    (d,) = info.value.diagnostics
    assert (d.path, d.line, d.code) == ("themes/default/templates/page.html", 2, "template")
    assert "'nope' is undefined" in d.message


def test_minimal_site_pages(tmp_path):
    site = check_site(SITES / "minimal").site
    specs = pages(site)
    kinds = [spec.kind for spec in specs]
    assert kinds.count("level") == 4 and kinds.count("compare") == 4 and kinds.count("matrix") == 3
    built = build(SITES / "minimal", tmp_path / "out")
    assert [spec.path for spec in built.pages] == [spec.path for spec in specs]
    # The output is those pages, the theme's static files and the marker: nothing else.
    written = set(snapshot(tmp_path / "out"))
    assert {p for p in written if not p.startswith("static/")} == {s.path for s in specs} | {MARKER}
    theme = REPO / "themes/default/static"
    assert {p for p in written if p.startswith("static/")} == {
        f"static/{f.relative_to(theme).as_posix()}" for f in theme.rglob("*") if f.is_file()
    }


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_build_with_the_cache_warm_or_corrupt_is_byte_identical_to_a_cold_one(
    tmp_path, monkeypatch
):
    """The build cache (.ladderpress-cache/) changes how fast, never what: a warm cache and a
    cache whose every entry was spoilt give the bytes a build without any cache gives."""
    import shutil

    from generator.site.cache import CACHE_FOLDER

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    site = tmp_path / "src"
    shutil.copytree(SITES / "minimal", site)
    build(site, tmp_path / "cold")
    entries = [p for p in (site / CACHE_FOLDER).rglob("*") if p.is_file()]
    assert entries  # the cold build filled the cache
    build(site, tmp_path / "warm")
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-3] + b"bad")
    build(site, tmp_path / "spoilt")
    shutil.rmtree(site / CACHE_FOLDER)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "no-cache-file"))
    (tmp_path / "no-cache-file").write_text("a file: no key can be kept, so no cache")
    build(site, tmp_path / "none")
    assert not (site / CACHE_FOLDER).exists()
    cold = _tree(tmp_path / "cold")
    assert _tree(tmp_path / "warm") == cold
    assert _tree(tmp_path / "spoilt") == cold
    assert _tree(tmp_path / "none") == cold
