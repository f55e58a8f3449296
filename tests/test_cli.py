"""The command line: output formats, exit codes, colour."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from click.testing import CliRunner

from generator import __version__, console
from generator.cli import main
from tests.conftest import REPO, SITES

BROKEN_LEVEL = {"content/levels/principal-pm.md": "---\ntitle: P\ntrack: ics\nrank: 3\n---\n"}


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_clean_site_exits_0_with_summary():
    result = run("check", str(SITES / "minimal"))
    assert result.exit_code == 0
    assert result.output == "Checked 11 files: no problems found.\n"


def test_json_format(make_site):
    root = make_site(BROKEN_LEVEL)
    result = run("check", "--format", "json", str(root))
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert items == [
        {
            "path": f"{root}/content/levels/principal-pm.md",
            "line": 3,
            "column": 8,
            "severity": "error",
            "code": "unknown-ref",
            "message": "'track': unknown track 'ics' (known: ic, management)",
            "hint": "did you mean 'ic'?",
        }
    ]


def test_github_format(make_site, monkeypatch):
    root = make_site(BROKEN_LEVEL)
    monkeypatch.chdir(root)
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first == (
        "::error file=content/levels/principal-pm.md,line=3,col=8,title=unknown-ref::"
        "'track': unknown track 'ics' (known: ic, management) — did you mean 'ic'?"
    )


def test_strict_turns_warnings_into_errors(make_site):
    root = make_site(
        {"content/competencies/strategy.md": "---\nname: S\nexpectations: {pm: a}\n---\n"}
    )
    relaxed = run("check", str(root))
    assert relaxed.exit_code == 0
    assert ": warning: no expectation for the level 'senior-pm'" in relaxed.output
    strict = run("check", "--strict", str(root))
    assert strict.exit_code == 1
    assert ": error: no expectation for the level 'senior-pm'" in strict.output


def test_usage_errors_exit_2(tmp_path):
    assert run("check", str(tmp_path / "missing")).exit_code == 2
    assert run("check", "--format", "xml").exit_code == 2


def test_version_and_help():
    assert run("--version").output.strip() == f"ladderpress, version {__version__}"
    result = run()
    assert "check" in result.output and "schema" in result.output
    assert "Example" in run("check", "--help").output
    for command in ("check", "build", "serve", "init", "new", "print", "schema"):
        assert command in result.output


def test_colour_only_on_a_terminal_and_never_with_no_color(make_site):
    """The real process: piped output has no escape codes; NO_COLOR wins over a terminal."""
    from generator import console

    class Tty:
        def isatty(self) -> bool:
            return True

    root = make_site(BROKEN_LEVEL)
    piped = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert piped.returncode == 1
    assert "\x1b[" not in piped.stdout
    assert console.use_color(Tty())  # type: ignore[arg-type]
    monkey_env = {"NO_COLOR": "1"}
    import os

    old = os.environ.get("NO_COLOR")
    os.environ.update(monkey_env)
    try:
        assert not console.use_color(Tty())  # type: ignore[arg-type]
    finally:
        if old is None:
            del os.environ["NO_COLOR"]
        else:
            os.environ["NO_COLOR"] = old


def test_help_does_not_import_jinja_or_markdown():
    code = (
        "import sys; from click.testing import CliRunner; from generator.cli import main;"
        "CliRunner().invoke(main, ['--help']);"
        "print(sorted(m for m in ('jinja2', 'markdown_it', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_every_command_has_a_description_and_an_example():
    for name, command in main.commands.items():
        text = run(name, "--help").output
        assert "Example" in text, name
        assert len(command.help or "") > 60, name


def test_quiet_prints_only_errors_and_verbose_adds_timings(make_site, tmp_path):
    root = make_site(
        {"content/competencies/strategy.md": "---\nname: S\nexpectations: {pm: a}\n---\n"}
    )
    assert run("-q", "check", str(root)).output == ""
    quiet_build = run("-q", "build", str(root), "-o", str(tmp_path / "out"))
    assert quiet_build.exit_code == 0 and quiet_build.output == ""
    loud = run("-v", "build", str(root), "-o", str(tmp_path / "out"))
    assert "warning: no expectation" in loud.output
    assert any(line.strip().startswith("render ") for line in loud.output.splitlines())
    broken = make_site({"content/levels/pm.md": "---\ntitle: PM\nrank: [1]\n---\n"})
    failed = run("-q", "check", str(broken))
    assert failed.exit_code == 1 and ": error: 'rank'" in failed.output


def test_progress_line_after_a_second():
    import io

    from generator.console import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(stream=stream)
    progress.DELAY = 0.0
    for _ in range(25):
        progress.step(None)
    progress.done()
    assert "Rendering pages… 20" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")
    quiet = Terminal()
    slow = Progress(stream=quiet)
    slow.step(None)
    assert quiet.getvalue() == ""  # nothing within the first second


def test_python_dash_m_works_like_the_console_script():
    out = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], capture_output=True, text=True, cwd=REPO
    )
    assert out.stdout.strip() == f"ladderpress, version {__version__}"


def test_schema_into_a_path_that_cannot_be_a_folder(tmp_path):
    (tmp_path / "afile").write_text("x")
    result = run("schema", "-o", str(tmp_path / "afile" / "sub"))
    # Writing failed: exit 1, as any failed write; it is not a usage error.
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: cannot write the schemas to {tmp_path}/afile/sub: Not a directory\n"
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_paths_are_shown_relative_to_where_the_command_runs(make_site, monkeypatch):
    root = make_site(BROKEN_LEVEL)
    monkeypatch.chdir(root.parent)
    result = run("check", "--format", "github", str(root))
    assert "file=site/content/levels/principal-pm.md," in result.output


def test_running_inside_the_content_folder_points_at_the_site_folder(make_site, monkeypatch):
    root = make_site()
    monkeypatch.chdir(root / "content/levels")
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"hint: this is inside the site folder {root.resolve()}: pass that folder instead"
        in result.output
    )


def test_quiet_and_verbose_work_after_the_command_too(tmp_path, monkeypatch):
    monkeypatch.setattr(console.Progress, "DELAY", float("inf"))  # a slow machine's progress line
    out = tmp_path / "out"
    before = run("-q", "build", str(SITES / "minimal"), "-o", str(out))
    after = run("build", str(SITES / "minimal"), "-o", str(out), "-q")
    assert before.exit_code == after.exit_code == 0
    assert before.output == after.output == ""
    verbose = run("build", str(SITES / "minimal"), "-o", str(out), "-v")
    assert "  render " in verbose.output and verbose.output.rstrip().endswith(f"→ {out}/")
    assert run("check", str(SITES / "minimal"), "--quiet").output == ""


def test_print_suggests_the_level_meant_and_takes_paper_in_any_case():
    # The level is checked before the browser is looked for: no browser is needed to hear it.
    nowhere = {"LADDERPRESS_CHROMIUM": "/nonexistent/chromium"}
    result = run("print", "senoir-pm", "--paper", "A4", "-s", str(SITES / "minimal"), env=nowhere)
    assert result.exit_code == 2
    assert "unknown level 'senoir-pm'; did you mean 'senior-pm'?" in result.output
    assert "--paper" not in result.output
    far = run("print", "zzz", "--paper", "Letter", "-s", str(SITES / "minimal"), env=nowhere)
    assert far.exit_code == 2
    assert "unknown level 'zzz' (known: pm, senior-pm, principal-pm, group-pm)" in far.output
    target = run(
        "print", "senior-pm", "--target", "grup-pm", "-s", str(SITES / "minimal"), env=nowhere
    )
    assert target.exit_code == 2
    assert target.output.endswith(
        "Error: Invalid value for --target: 'senior-pm' has no worksheet aiming at 'grup-pm'; "
        "did you mean 'group-pm'?\n"
    )
    assert target.output.startswith("Usage: main print [OPTIONS] LEVEL\n")


def test_check_renders_every_page_so_template_mistakes_show(make_site):
    level_html = (REPO / "themes/default/templates/level.html").read_text()
    assert "{{ level.title }}" in level_html
    line = next(
        n for n, text in enumerate(level_html.splitlines(), 1) if "{{ level.title }}" in text
    )
    root = make_site(
        {
            "themes/default/templates/level.html": level_html.replace(
                "{{ level.title }}", "{{ levle.title }}", 1
            )
        }
    )
    result = run("check", str(root))
    assert result.exit_code == 1
    assert (
        f"{root}/themes/default/templates/level.html:{line}:1: error: rendering " in result.output
    )
    assert "'levle' is undefined" in result.output
    assert result.output.count("'levle' is undefined") == 1
    assert not (root / "site").exists()


def test_a_folder_without_site_yml_gets_one_message(tmp_path):
    (tmp_path / "notes").mkdir()
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == (
        f"{tmp_path}/site.yml:1:1: error: no site.yml in {tmp_path}\n"
        "    hint: pass the site folder (the one with site.yml and content/), "
        "or start a new site with `ladderpress init`\n"
        "Checked 0 files: 1 error, 0 warnings.\n"
    )


def test_a_site_without_content_gets_one_message_not_three(make_site):
    root = make_site()
    shutil.rmtree(root / "content")
    result = run("check", str(root))
    assert result.exit_code == 1
    assert result.output == (
        f"{root}/content:1:1: error: no content/ folder\n"
        "    hint: create content/levels/ and content/competencies/ with one Markdown file each\n"
        "Checked 1 file: 1 error, 0 warnings.\n"
    )
