"""Every ```console block in README.md and docs/*.md is run, and its output compared.

The convention the docs follow (README.md's "Developing" section sums it up):

- A block runs in a fresh temporary folder that holds a copy of the example site
  (site.yml and content/ from the repository root). Its `$ ladderpress ARGS` lines are
  run there one after the other, and `$ cd DIR` moves into a folder. No other commands.
  The copy stands for the repository's own example, as if the commands ran in a clone:
  `check` does not warn that it kept the example's name, as it does for a site `init` made.
- The lines after a command, up to the next `$ ` line, are exactly what it prints
  (standard output and standard error, as a terminal shows them, without colour);
  blank lines at the end of an output are ignored.
- `…` stands for any text within a line (`Built 66 pages in … s → site/`); a line that
  is only `…` stands for any number of lines. Use it for what depends on time or the
  machine, or to shorten a long list. The progress line, which depends on time, is off.
- An HTML comment just before the block (blank lines between are fine) sets it up, one
  instruction per line:

      <!-- docs-example:
      replace content/levels/principal-pm.md "track: ic" "track: ics"
      -->

  `replace FILE "OLD" "NEW"` edits the copy first (OLD must occur exactly once in FILE,
  a path inside the site); `commit TAG` makes the site a git repository the first time,
  commits the copy as it is at that point and tags the commit TAG, so that replacements
  before and after it make two versions (for `diff`; commits are dated 2026-01-15); `site
  DIR` puts the copy into DIR inside the folder instead of the folder itself; `skip (why)`
  does not run the block, and says why (`serve` runs until stopped, `print` needs
  Chromium). A block that is neither run nor skipped with a reason fails, and so does
  skipping one that runs init, new, build, check, schema, import or export (an import
  example exports the example site first: `$ ladderpress export -o ladder.xlsx`).
"""

from __future__ import annotations

import io
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import console
from generator.cli import main
from tests.conftest import REPO, needs
from tests.gitrepo import GIT_ENV, Repo

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
#: Commands whose examples must always be run: they are fast and need nothing installed.
MUST_RUN = {"init", "new", "build", "check", "schema", "import", "export"}
ELLIPSIS = "…"

_FENCE = re.compile(r"^```console\s*$")
_COMMENT = re.compile(r"<!--\s*docs-example:(.*?)-->", re.S)


@dataclass
class Command:
    line: str
    expected: list[str]


@dataclass
class Block:
    path: str
    line: int
    commands: list[Command]
    setup: list[str] = field(default_factory=list)
    skip: str | None = None

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}"


def blocks() -> list[Block]:
    """Every console block of the docs, with the instructions in the comment before it."""
    found = []
    for doc in DOCS:
        lines = doc.read_text(encoding="utf-8").split("\n")
        for number, text in enumerate(lines):
            if not _FENCE.match(text):
                continue
            end = next(i for i in range(number + 1, len(lines)) if lines[i].startswith("```"))
            block = Block(
                doc.relative_to(REPO).as_posix(), number + 1, _commands(lines[number + 1 : end])
            )
            for instruction in _instructions(lines[:number]):
                if instruction.startswith("skip"):
                    block.skip = instruction[len("skip") :].strip(" ()")
                else:
                    block.setup.append(instruction)
            found.append(block)
    return found


def _commands(body: list[str]) -> list[Command]:
    commands: list[Command] = []
    for text in body:
        if text.startswith("$ "):
            commands.append(Command(text[2:], []))
        elif commands:
            commands[-1].expected.append(text)
    for command in commands:
        while command.expected and not command.expected[-1].strip():
            command.expected.pop()
    return commands


def _instructions(before: list[str]) -> list[str]:
    """The lines of a docs-example comment that ends just before a block (blank lines aside)."""
    text = "\n".join(before).rstrip()
    if not text.endswith("-->"):
        return []
    start = text.rfind("<!--")
    match = _COMMENT.fullmatch(text[start:])
    if match is None:
        return []
    return [line.strip() for line in match.group(1).strip().split("\n") if line.strip()]


def pattern(expected: list[str]) -> re.Pattern[str]:
    """A regular expression for an expected output: `…` is any text, a `…` line any lines."""
    parts = []
    for line in expected:
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split(ELLIPSIS)) + r"\n")
    return re.compile("".join(parts))


def set_up(block: Block, folder: Path) -> Path:
    """The example site copied into the folder, with the block's instructions applied."""
    site = folder
    for instruction in block.setup:
        words = shlex.split(instruction)
        if words[0] == "site" and len(words) == 2:
            site = folder / words[1]
    site.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yml", site / "site.yml")
    shutil.copytree(REPO / "content", site / "content")
    repo = None
    for instruction in block.setup:
        words = shlex.split(instruction)
        if words[0] == "site" and len(words) == 2:
            continue
        if words[0] == "commit" and len(words) == 2:
            repo = repo or Repo(site)
            repo.commit(words[1], tag=words[1])
            continue
        assert words[0] == "replace" and len(words) == 4, f"{block.id}: cannot {instruction!r}"
        path, old, new = site / words[1], words[2], words[3]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{block.id}: {old!r} is not in {words[1]} exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return site


def subcommand(line: str) -> str | None:
    """The ladderpress command a `$ ` line runs (check, build, ...), if any."""
    words = shlex.split(line, comments=True)
    return words[1] if len(words) > 1 and words[0] == "ladderpress" else None


ALL = blocks()


@pytest.mark.parametrize("block", ALL, ids=[b.id for b in ALL])
def test_console_example_shows_what_the_command_prints(block, tmp_path, monkeypatch):
    if block.skip:
        pytest.skip(block.skip)
    assert block.commands, (
        f"{block.id}: no `$ ` command to run; mark it skip (why) if it is not run"
    )
    monkeypatch.setattr(console.Progress, "DELAY", float("inf"))
    monkeypatch.setenv("NO_COLOR", "1")
    if any(instruction.startswith("commit ") for instruction in block.setup):
        needs("git", shutil.which("git"), "apt-get install -y git")
        for name, value in GIT_ENV.items():
            monkeypatch.setenv(name, value)
    set_up(block, tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in block.commands:
        words = shlex.split(command.line, comments=True)
        if words[0] == "cd" and len(words) == 2:
            monkeypatch.chdir(words[1])
            continue
        assert words[0] == "ladderpress", (
            f"{block.id}: `{command.line}` is not a ladderpress command"
        )
        result = CliRunner().invoke(main, words[1:], prog_name="ladderpress")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        shown = "\n".join(command.expected)
        same = pattern(command.expected).fullmatch(result.output) is not None
        assert same, (
            f"{block.id}: `$ {command.line}` printed\n{result.output}\nbut the docs show\n{shown}"
        )


def test_every_console_example_is_run_or_says_why_not():
    for block in ALL:
        if block.skip is not None:
            assert block.skip, f"{block.id}: a skipped example must say why: skip (why)"
            run = {subcommand(c.line) for c in block.commands}
            assert not run & MUST_RUN, f"{block.id}: {sorted(run & MUST_RUN)} examples must be run"
    checked = {subcommand(c.line) for b in ALL if b.skip is None for c in b.commands}
    assert checked >= MUST_RUN, f"no example runs {sorted(MUST_RUN - checked)}"


def test_the_convention_itself():
    example = [
        "<!-- docs-example:",
        'replace content/levels/pm.md "rank: 2" "rank: two"',
        "-->",
        "",
    ]
    assert _instructions(example) == ['replace content/levels/pm.md "rank: 2" "rank: two"']
    assert _instructions(["<!-- docs-example: skip (runs until stopped) -->"]) == [
        "skip (runs until stopped)"
    ]
    assert _instructions(["<!-- another comment -->"]) == []
    assert pattern(["Built 66 pages in … s → site/"]).fullmatch("Built 66 pages in 0.4 s → site/\n")
    assert not pattern(["Built 66 pages"]).fullmatch("Built 65 pages\n")
    assert pattern(["a", "…", "z"]).fullmatch("a\nb\nc\nz\n")
    assert pattern(["a", "…", "z"]).fullmatch("a\nz\n")
    assert not pattern(["a …"]).fullmatch("a b\nc\n")


def test_the_progress_line_is_as_cli_md_describes(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(console.Progress, "DELAY", 0.0)
    shown = []
    for stream in (Terminal(), io.StringIO()):
        progress = console.Progress(stream=stream)
        for _ in range(120):
            progress.step(None)
        progress.done()
        shown.append(stream.getvalue())
    on_terminal, in_a_log = shown
    assert on_terminal.endswith("\rRendering pages… 120\r\033[K")  # counted up, then erased
    assert in_a_log == "Rendering pages… (1 so far)\n"
    cli = " ".join((REPO / "docs/cli.md").read_text(encoding="utf-8").split())
    assert "a line `Rendering pages… 120` that counts up and is erased" in cli
    assert "one line `Rendering pages… (120 so far)`, printed once" in cli


def test_deploy_md_counts_the_theme_s_files():
    static = list((REPO / "themes/default/static").iterdir())
    words = {1: "one", 2: "two", 3: "three", 4: "four"}
    css = [p for p in static if p.suffix == ".css"]
    js = [p for p in static if p.suffix == ".js"]
    text = " ".join((REPO / "docs/deploy.md").read_text(encoding="utf-8").split())
    assert f"{words[len(css)]} CSS file{'s' if len(css) > 1 else ''}," in text
    assert f"{words[len(js)]} small script{'s' if len(js) > 1 else ''}," in text
