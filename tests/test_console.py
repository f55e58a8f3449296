"""console: the one report function in each format, quiet and strict; the failure block;
the progress line's block."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from generator import console
from generator.errors import ERROR, WARNING, ContentError, Diagnostic, Mark

BAD = Diagnostic(
    Mark("content/levels/pm.md", 3, 8),
    ERROR,
    "unknown-ref",
    "unknown track 'ics'",
    "did you mean 'ic'?",
)
MEH = Diagnostic(Mark("content/competencies/a.md", 2, 1), WARNING, "missing-expectation", "no pm")


def shown(*args: object, **kwargs: object) -> tuple[bool | None, str, str]:
    """What show_report returns, and what it prints on standard output and standard error."""
    result: list[bool] = []

    @click.command()
    def command() -> None:
        result.append(console.show_report(*args, **kwargs))  # type: ignore[arg-type]

    run = CliRunner().invoke(command, [], color=False)
    assert run.exception is None, run.exception
    return (result[0] if result else None), run.stdout, run.stderr


def test_text_lists_each_problem_with_its_hint_and_ends_with_the_summary():
    failed, out, err = shown([BAD, MEH], "site", files=7, quiet=False)
    assert failed
    assert out == (
        "site/content/levels/pm.md:3:8: error: unknown track 'ics'\n"
        "    hint: did you mean 'ic'?\n"
        "site/content/competencies/a.md:2:1: warning: no pm\n"
        "Checked 7 files: 1 error, 1 warning.\n"
    )
    assert err == ""


def test_no_summary_without_a_file_count_and_nothing_for_no_problems():
    assert shown([], ".", quiet=False) == (False, "", "")
    assert shown([], ".", files=3, quiet=False) == (
        False,
        "Checked 3 files: no problems found.\n",
        "",
    )
    assert shown([MEH], ".", quiet=False) == (
        False,
        "content/competencies/a.md:2:1: warning: no pm\n",
        "",
    )


def test_github_annotations():
    failed, out, _ = shown([BAD, MEH], ".", fmt="github", quiet=False)
    assert failed
    assert out.splitlines() == [
        "::error file=content/levels/pm.md,line=3,col=8,title=unknown-ref::"
        "unknown track 'ics' — did you mean 'ic'?",
        "::warning file=content/competencies/a.md,line=2,col=1,title=missing-expectation::no pm",
    ]


def test_json_lists_every_problem_even_when_quiet_and_has_no_summary():
    failed, out, _ = shown([MEH, BAD], "s", fmt="json", quiet=True, files=2)
    assert failed
    items = json.loads(out)
    assert [(i["path"], i["severity"], i["code"]) for i in items] == [
        ("s/content/competencies/a.md", "warning", "missing-expectation"),
        ("s/content/levels/pm.md", "error", "unknown-ref"),
    ]
    assert items[1]["hint"] == "did you mean 'ic'?" and items[1]["column"] == 8
    assert shown([], ".", fmt="json", quiet=False)[1] == "[]\n"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_quiet_shows_only_errors_and_no_summary(fmt):
    failed, out, _ = shown([BAD, MEH], ".", fmt=fmt, quiet=True, files=2)
    assert failed
    assert "unknown track 'ics'" in out
    assert "no pm" not in out and "Checked" not in out
    assert shown([MEH], ".", fmt=fmt, quiet=True, files=2) == (False, "", "")


def test_quiet_defaults_to_the_running_commands_setting():
    @click.command()
    def command() -> None:
        click.get_current_context().obj = console.Verbosity(quiet=True)
        console.show_report([MEH, BAD], ".", files=2)

    out = CliRunner().invoke(command, []).stdout
    assert (
        out
        == "content/levels/pm.md:3:8: error: unknown track 'ics'\n    hint: did you mean 'ic'?\n"
    )


@pytest.mark.parametrize("fmt", console.FORMATS)
def test_strict_makes_every_warning_an_error(fmt):
    failed, out, _ = shown([MEH], ".", fmt=fmt, strict=True, quiet=False, files=1)
    assert failed
    assert "error" in out and "warning" not in out.replace("warnings", "")
    assert shown([MEH], ".", fmt=fmt, strict=False, quiet=False)[0] is False


def test_strict_and_quiet_together_show_the_promoted_warnings():
    failed, out, _ = shown([MEH], ".", strict=True, quiet=True)
    assert failed and out == "content/competencies/a.md:2:1: error: no pm\n"


def test_colour_only_when_asked_for_and_on_a_terminal(monkeypatch):
    plain = console.format_report([BAD], ".", "text", color=False)
    coloured = console.format_report([BAD], ".", "text", color=True)
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert click.unstyle(coloured) == plain
    monkeypatch.setattr(console, "use_color", lambda stream=None: True)

    @click.command()
    def command() -> None:
        console.show_report([BAD], ".", quiet=False)
        console.show_report([BAD], ".", fmt="github", quiet=False)

    out = CliRunner().invoke(command, [], color=True).stdout
    text, github = out.split("::", 1)
    assert "\x1b[" in text and "\x1b[" not in github


def test_paths_are_shown_from_where_the_command_runs():
    assert console.display_path(".", "content/a.md") == "content/a.md"
    assert console.display_path("", "content/a.md") == "content/a.md"
    assert console.display_path("docs/ladder", "content/a.md") == "docs/ladder/content/a.md"


def test_reporting_shows_a_content_error_then_exits_with_its_code():
    @click.command()
    def command() -> None:
        with console.reporting("site", strict=True, then="Build failed: nothing was written."):
            raise ContentError([MEH])

    run = CliRunner().invoke(command, [])
    assert run.exit_code == ContentError.exit_code == 1
    assert run.stdout == "site/content/competencies/a.md:2:1: error: no pm\n"
    assert run.stderr == "Build failed: nothing was written.\n"


def test_reporting_lets_everything_else_through():
    @click.command()
    def command() -> None:
        with console.reporting("."):
            click.echo("done")

    run = CliRunner().invoke(command, [])
    assert (run.exit_code, run.stdout) == (0, "done\n")
    with pytest.raises(KeyError), console.reporting("."):
        raise KeyError("a bug keeps its traceback")


def test_progress_line_is_erased_when_its_block_ends_even_by_an_error():
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with pytest.raises(ContentError), console.Progress(stream=stream) as progress:
        progress.DELAY = 0.0
        progress.step(None)
        raise ContentError([BAD])
    assert stream.getvalue() == "\rRendering pages… 1\r\x1b[K"


FORGED = Diagnostic(
    Mark("content/levels/x\nsite.yml:1:1: error: forged\r\x1b[2K\x00.md", 1, 1),
    ERROR,
    "bad-id",
    "the file name 'x\nsite.yml:1:1: error: forged' is not a valid level id \u202e50%",
    "rename it\r\n::error::forged",
)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "text",
            [
                "content/levels/x\\nsite.yml:1:1: error: forged\\r\\x1b[2K\\x00.md:1:1: error: "
                "the file name 'x\\nsite.yml:1:1: error: forged' is not a valid level id \\u202e50%",
                "    hint: rename it\\r\\n::error::forged",
            ],
        ),
        (
            # escaped visibly first, then as workflow commands require (%, and : , in file=)
            "github",
            [
                "::error file=content/levels/x\\nsite.yml%3A1%3A1%3A error%3A forged\\r\\x1b[2K"
                "\\x00.md,line=1,col=1,title=bad-id::the file name 'x\\nsite.yml:1:1: error: "
                "forged' is not a valid level id \\u202e50%25 — rename it\\r\\n::error::forged",
            ],
        ),
    ],
)
def test_no_path_message_or_hint_can_forge_a_line(fmt, expected):
    assert console.format_report([FORGED], ".", fmt).splitlines() == expected


def test_json_keeps_the_text_with_bidi_characters_as_escapes():
    out = console.format_report([FORGED], ".", "json")
    assert "\u202e" not in out and "\\u202e" in out
    assert json.loads(out)[0]["path"] == FORGED.path


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("50% done", "50%25 done", "50%25 done"),
        ("a, b: c", "a, b: c", "a%2C b%3A c"),
        ("::error::forged", "::error::forged", "%3A%3Aerror%3A%3Aforged"),
    ],
)
def test_workflow_command_escapes_are_public_for_every_format_that_writes_them(text, data, prop):
    """One place escapes text for GitHub workflow commands; `diff --format github` uses it too."""
    assert console.escape_data(text) == data
    assert console.escape_property(text) == prop


def test_no_line_break_gets_through_a_workflow_command_escape():
    for escape in (console.escape_data, console.escape_property):
        assert not {"\n", "\r"} & set(escape("two\nlines\r"))
