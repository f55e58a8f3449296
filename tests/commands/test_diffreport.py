"""How `ladderpress diff` shows a comparison (commands/diffreport.py), from a comparison made
in memory: text, a pull-request comment in Markdown, GitHub annotations and JSON."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

from generator.commands.diffing import Compared, Side
from generator.commands.diffreport import COMMENT_MARK, REASONS, show
from generator.content.model import Change, Site, WordRun
from generator.content.sources import load
from generator.content.validate import validate
from generator.content.versions import suggest
from tests.conftest import SITES

STRATEGY = "content/competencies/strategy.md"


@pytest.fixture(scope="module")
def site() -> Site:
    sources, _ = load(SITES / "minimal")
    found, report = validate(sources)
    assert found is not None, report.items
    return found


def versioned(site: Site, version: str) -> Site:
    return replace(site, config=replace(site.config, version=version))


CHANGES = (
    Change(
        "expectation",
        "changed",
        ("senior-pm", "strategy"),
        "Senior PM",
        "Product strategy",
        "expectation changed",
        "major",
        (WordRun("same", "Says"), WordRun("removed", "no"), WordRun("added", "yes")),
        STRATEGY,
        7,
    ),
    Change(
        "level",
        "reranked",
        ("pm",),
        "PM",
        "PM",
        "re-ranked from 1 to 2",
        "major",
        (),
        "content/levels/pm.md",
        1,
    ),
    Change(
        "track",
        "removed",
        ("design",),
        "Tracks",
        "Design",
        "removed",
        "minor",
        (),
        "content/tracks/design.md",
        1,
    ),
)


def compared(site: Site, changes=CHANGES, old: str = "1.0.0", new: str = "1.0.0") -> Compared:
    before = Side("v1", versioned(site, old), prefix="docs/ladder/", commit="a" * 40)
    after = Side("the working tree", versioned(site, new), folder=".")
    return Compared(before, after, tuple(changes), suggest(changes))


def test_text_lists_the_changes_under_their_headings_then_the_bump(site):
    assert show(compared(site, new="2.0.0"), "text") == "\n".join(
        [
            "Changes to the framework from v1 (version 1.0.0) to the working tree (version 2.0.0):",
            "",
            "Senior PM",
            "  Product strategy: expectation changed [major]",
            "    Says [-no-]{+yes+}",
            "",
            "PM",
            "  Re-ranked from 1 to 2 [major]",
            "",
            "Tracks",
            "  Design: removed [minor]",
            "",
            "Suggested version bump: major, because:",
            "  Senior PM · Product strategy: expectation changed",
            "  PM: re-ranked from 1 to 2",
        ]
    )


def test_text_says_when_nothing_changed_and_why_the_version_is_short(site):
    assert show(compared(site, ()), "text") == (
        "No changes to the framework from v1 (version 1.0.0) to the working tree (version 1.0.0)."
    )
    text = show(compared(site), "text", "the bump is short")
    assert text.endswith("\nNot bumped enough: the bump is short")


def test_only_the_first_reasons_are_named(site):
    many = [
        replace(CHANGES[1], ids=(f"l{i}",), group=f"L{i}", label=f"L{i}")
        for i in range(REASONS + 3)
    ]
    text = show(compared(site, many), "text")
    assert text.endswith(f"  L{REASONS - 1}: re-ranked from 1 to 2\n  and 3 more")
    assert f"L{REASONS}: re-ranked" not in text.split("because:")[1]


def test_markdown_is_a_pull_request_comment_found_by_its_first_line(site):
    comment = show(compared(site), "markdown")
    lines = comment.split("\n")
    assert lines[0] == COMMENT_MARK
    assert lines[1] == "### Changes to the career framework"
    assert "**Suggested version bump: major**, because:" in lines
    assert "- Senior PM · Product strategy: expectation changed" in lines
    assert "#### Senior PM" in lines and "#### Tracks" in lines
    assert "- Product strategy: expectation changed *(major)*<br>Says ~~no~~**yes**" in lines
    assert "- Design: removed *(minor)*" in lines
    empty = show(compared(site, ()), "markdown").split("\n")
    assert empty[0] == COMMENT_MARK and empty[-1].startswith("No changes to the framework")


def test_github_annotates_the_changed_lines_and_says_the_bump(site):
    lines = show(compared(site), "github", "raise it").split("\n")
    assert lines == [
        "::notice file=content/competencies/strategy.md,line=7,"
        "title=Senior PM · Product strategy (major)::expectation changed: Says [-no-]{+yes+}",
        "::notice file=content/levels/pm.md,line=1,title=PM (major)::re-ranked from 1 to 2",
        # A removed file is in no line of the new version.
        "::notice title=Design (minor)::removed",
        "::notice title=Suggested version bump::major — Senior PM · Product strategy: "
        "expectation changed; PM: re-ranked from 1 to 2",
        "::error title=Version not bumped enough::raise it",
        "3 changes to the framework; suggested version bump: major.",
    ]
    assert show(compared(site, ()), "github") == (
        "0 changes to the framework; suggested version bump: none."
    )


def test_github_annotations_escape_what_would_end_them(site):
    odd = replace(CHANGES[1], label="A, B: C", group="A, B: C", detail="50% more")
    (line, *_) = show(compared(site, [odd]), "github").split("\n")
    assert line == "::notice file=content/levels/pm.md,line=1,title=A%2C B%3A C (major)::50%25 more"


def test_json_holds_both_sides_the_bump_and_every_change(site):
    data = json.loads(show(compared(site), "json", "short"))
    assert data["old"] == {"label": "v1", "version": "1.0.0", "commit": "a" * 40}
    assert data["new"] == {"label": "the working tree", "version": "1.0.0", "commit": None}
    assert (data["bump"], data["shortfall"]) == ("major", "short")
    assert data["reasons"] == [
        "Senior PM · Product strategy: expectation changed",
        "PM: re-ranked from 1 to 2",
    ]
    first, _, removed = data["changes"]
    assert first == {
        "area": "expectation",
        "action": "changed",
        "ids": ["senior-pm", "strategy"],
        "title": "Senior PM · Product strategy",
        "group": "Senior PM",
        "label": "Product strategy",
        "detail": "expectation changed",
        "bump": "major",
        "path": STRATEGY,
        "line": 7,
        "words": [
            {"op": "same", "text": "Says"},
            {"op": "removed", "text": "no"},
            {"op": "added", "text": "yes"},
        ],
    }
    # A file removed is shown where it was: in the old revision, from the repository's top.
    assert removed["path"] == "docs/ladder/content/tracks/design.md"
    nothing = json.loads(show(compared(site, ()), "json"))
    assert (nothing["bump"], nothing["shortfall"], nothing["changes"]) == (None, None, [])


HOSTILE = "a `code` #1 | cell <b>x</b> *em* _u_ [link](http://x) @team ~~s~~ $m$ &amp; \\ !\nline"


def test_markdown_shows_hostile_text_as_written(site):
    """Every character Markdown could read as markup is a character reference, put in once:
    a backtick is `&#96;`, never `&&#35;96;` (its `#` escaped again)."""
    odd = replace(
        CHANGES[0],
        group=HOSTILE,
        label=HOSTILE,
        words=(WordRun("same", HOSTILE), WordRun("removed", "`#|"), WordRun("added", "<*_[]>")),
    )
    comment = show(compared(site, [odd]), "markdown")
    body = comment.split("\n", 1)[1]  # the mark is our own HTML comment
    assert "&&#" not in body and "&#35;" in body and "&#96;" in body
    heading = next(line for line in body.split("\n") if line.startswith("#### "))
    shown = heading.removeprefix("#### ")
    assert html.unescape(shown) == HOSTILE
    assert not set("`#|<>*_[]@~$&\\!\n") & set(re.sub(r"&#\d+;", "", shown))
    item = next(line for line in body.split("\n") if "<br>" in line)
    assert item.endswith("~~&#96;&#35;&#124;~~**&#60;&#42;&#95;&#91;&#93;&#62;**")
