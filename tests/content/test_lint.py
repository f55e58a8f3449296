"""Warnings for valid content that is probably a mistake: ladder shape, example leftovers."""

from __future__ import annotations

import shutil

import pytest

from generator.commands.check import check_site
from generator.content.lint import EXAMPLE_EDIT_URL
from generator.paths import example_dir

LEVEL = "---\ntitle: {title}\n{track}rank: {rank}\n{extra}---\n"


def level(title: str, rank: int, track: str = "", extra: str = "") -> str:
    return LEVEL.format(
        title=title, rank=rank, track=f"track: {track}\n" if track else "", extra=extra
    )


def found(root) -> list[tuple[str, int, int, str]]:
    """Every problem but the expectations and resources a new level lacks."""
    return [
        (d.path, d.line, d.col, d.code)
        for d in check_site(root).diagnostics
        if d.code not in ("missing-expectation", "no-resources")
    ]


SHAPES = [
    pytest.param(
        {"content/levels/staff-pm.md": level("Staff", 7)},
        [("content/levels/staff-pm.md", 3, 7, "shared-above-branch")],
        id="a level every track shares, ranked above the branches",
    ),
    pytest.param(
        {"content/tracks/design.md": "---\nname: Design\n---\n"},
        [("content/tracks/design.md", 1, 1, "track-without-own-level")],
        id="a track whose levels are all on other tracks too",
    ),
    pytest.param(
        {
            "content/tracks/design.md": "---\nname: Design\n---\n",
            "content/levels/pm.md": level("PM", 1, "[ic, management]"),
            "content/levels/senior-pm.md": level("Senior PM", 2, "[ic, management]"),
        },
        [("content/tracks/design.md", 1, 1, "empty-track")],
        id="a track with no levels",
    ),
    pytest.param(
        {"content/levels/pm.md": level("PM", 1, extra="next: [principal-pm, group-pm]\n")},
        [("content/levels/senior-pm.md", 3, 7, "unreached-level")],
        id="a level that no 'next' reaches",
    ),
]


@pytest.mark.parametrize(("files", "expected"), SHAPES)
def test_ladder_shapes_that_read_wrong_are_warned(make_site, files, expected):
    assert found(make_site(files)) == expected


def test_a_well_shaped_ladder_has_no_shape_warnings(make_site):
    assert found(make_site()) == []


def test_shape_waits_while_levels_have_errors(make_site):
    # principal-pm is dropped for its error; the ic track must not then look empty.
    root = make_site({"content/levels/principal-pm.md": level("P", 3, "ics")})
    assert [code for *_, code in found(root)] == ["unknown-ref"]


def test_shape_messages_say_what_to_write(make_site):
    root = make_site({"content/levels/staff-pm.md": level("Staff", 7)})
    (warning,) = [d for d in check_site(root).diagnostics if d.code == "shared-above-branch"]
    assert warning.message == (
        "'staff-pm' is on every track (it has no 'track:') but ranks 7, above 'group-pm' (3), "
        "where the tracks have already branched"
    )
    assert warning.hint == "give it a track (`track: management`), or a rank below 3"


@pytest.fixture
def example_copy(tmp_path):
    """The example as a site of one's own: its site.yml no longer the example's (here, with
    the edit_url that only the example has taken out, as init does)."""
    root = tmp_path / "copy"
    shutil.copytree(example_dir() / "content", root / "content")
    text = (example_dir() / "site.yml").read_text()
    (root / "site.yml").write_text(text.replace(EXAMPLE_EDIT_URL, "https://git.example.com/x/"))
    return root


def test_the_example_itself_is_not_warned_about_its_own_name(tmp_path):
    assert check_site(example_dir()).diagnostics == []
    # Wherever it is: in a checkout, installed, or copied whole.
    shutil.copytree(example_dir() / "content", tmp_path / "content")
    shutil.copy(example_dir() / "site.yml", tmp_path / "site.yml")
    assert check_site(tmp_path).diagnostics == []


def test_a_copy_of_the_example_hears_once_that_it_kept_the_name(example_copy):
    diagnostics = check_site(example_copy).diagnostics
    assert [(d.path, d.line, d.code) for d in diagnostics] == [
        ("site.yml", 2, "example-leftover"),
        ("site.yml", 8, "example-url"),
    ]
    assert "still the example's, Kestrel (and " in diagnostics[0].message


def test_each_file_that_kept_the_name_is_warned_once(example_copy):
    site_yml = example_copy / "site.yml"
    site_yml.write_text(
        site_yml.read_text()
        .replace("organization: Kestrel", "organization: Acme")
        .replace("Kestrel", "Acme")
    )
    level_file = example_copy / "content/levels/pm.md"
    text = level_file.read_text().replace("Kestrel", "Acme")
    level_file.write_text(text + "\nAt Kestrel and at Kestrel.\n")
    by_path = {d.path: d for d in check_site(example_copy).diagnostics}
    pm = by_path["content/levels/pm.md"]
    line = len(text.splitlines()) + 2
    assert (pm.line, pm.col, pm.code) == (line, 4, "example-leftover")
    assert pm.message == "'Kestrel' is the example framework's organization (here 2 times)"
    assert pm.hint == "write Acme (site.yml's 'organization') instead"
    assert "content/levels/apm.md" in by_path  # untouched files still name it
    assert "site.yml" in by_path and by_path["site.yml"].code == "example-url"


def test_example_addresses_are_found_in_resources(make_site):
    root = make_site(
        {
            "content/resources/more.yml": "- title: T\n  kind: book\n"
            "  url: https://www.example.org/book\n"
        }
    )
    assert found(root) == [("content/resources/more.yml", 3, 8, "example-url")]
