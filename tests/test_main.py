"""`python -m generator` (__main__.py) runs the command line, as the console script does."""

from __future__ import annotations

import runpy
import sys

import pytest

from generator import __version__
from generator.__main__ import run


def test_running_the_package_runs_ladderpress(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["python -m generator", "--version"])
    monkeypatch.delitem(sys.modules, "generator.__main__", raising=False)
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("generator", run_name="__main__")
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"ladderpress, version {__version__}\n"


def test_a_usage_error_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["python -m generator", "no-such-command"])
    monkeypatch.delitem(sys.modules, "generator.__main__", raising=False)
    with pytest.raises(SystemExit) as caught:
        runpy.run_module("generator", run_name="__main__")
    assert caught.value.code == 2
    assert "No such command 'no-such-command'" in capsys.readouterr().err


def test_run_is_the_console_script(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["ladderpress", "-V"])
    with pytest.raises(SystemExit) as caught:
        run()
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"ladderpress, version {__version__}\n"


def test_the_version_is_printed_without_loading_the_command_line():
    """`ladderpress --version` answers before click and the commands are imported (most of
    the time a short command takes); what it prints is what click's version option does."""
    import subprocess

    from click.testing import CliRunner

    from generator.cli import main

    script = (
        "import atexit, sys; sys.argv[1:] = ['--version']; from generator.__main__ import run; "
        "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith(('click', 'generator.cli', 'generator.commands', 'generator.site'))))); "
        "run()"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    version, loaded = out.stdout.splitlines()
    assert loaded == "[]"
    assert version + "\n" == CliRunner().invoke(main, ["--version"]).output
