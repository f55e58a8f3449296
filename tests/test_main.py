"""`python -m generator` (__main__.py) runs the command line, as the console script does."""

from __future__ import annotations

import sys

import pytest

from generator import __version__


def test_running_the_package_runs_ladderpress(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["python -m generator", "--version"])
    monkeypatch.delitem(sys.modules, "generator.__main__", raising=False)
    with pytest.raises(SystemExit) as caught:
        import generator.__main__  # noqa: F401  (importing it runs it)
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"ladderpress, version {__version__}\n"


def test_a_usage_error_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["python -m generator", "no-such-command"])
    monkeypatch.delitem(sys.modules, "generator.__main__", raising=False)
    with pytest.raises(SystemExit) as caught:
        import generator.__main__  # noqa: F401  (importing it runs it)
    assert caught.value.code == 2
    assert "No such command 'no-such-command'" in capsys.readouterr().err
