"""How the code is laid out: layers that only look down, modules of one job and a
readable size, public functions with a docstring, and a README that maps the folders."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "generator"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts)

#: Each layer may import from its own layer and the layers below it, never above.
LAYERS = {
    "errors": 0,
    "paths": 0,
    "content": 1,
    "site": 2,
    "commands": 3,
    "console": 3,
    "cli": 4,
    "__main__": 5,
    "__init__": 0,
}


def layer(name: str) -> str:
    """The layer of a module of generator/, from its dotted name below generator."""
    return name.split(".")[0]


def dotted(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imported(path: Path) -> set[str]:
    """The modules of generator/ that a module imports (below generator, dotted)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "generator":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("generator."):
                found.add(node.module.removeprefix("generator."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("generator.")
                for a in node.names
                if a.name.startswith("generator.")
            )
    return found


@pytest.mark.parametrize("path", MODULES, ids=dotted)
def test_a_module_imports_only_from_its_layer_and_below(path):
    mine = LAYERS[layer(dotted(path))]
    upward = [
        name
        for name in imported(path)
        if layer(name) in LAYERS and LAYERS[layer(name)] > mine and name != "__version__"
    ]
    assert upward == [], f"{dotted(path)} imports from a layer above it: {upward}"


@pytest.mark.parametrize("path", MODULES, ids=dotted)
def test_a_module_says_its_job_and_stays_readable(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{dotted(path)} has no docstring saying what it is for"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{dotted(path)} has {lines} lines; split it by job"


@pytest.mark.parametrize("path", MODULES, ids=dotted)
def test_public_functions_have_a_docstring(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = []
    for node in tree.body:
        found = [node]
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            found += [n for n in node.body if isinstance(n, ast.FunctionDef)]
        for item in found:
            if (
                isinstance(item, ast.FunctionDef)
                and not item.name.startswith("_")
                and not ast.get_docstring(item)
            ):
                missing.append(item.name)
    assert missing == [], f"{dotted(path)}: public functions without a docstring: {missing}"


def test_the_readme_maps_every_module():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    unnamed = [
        dotted(p)
        for p in MODULES
        if p.name != "__init__.py" and p.name != "__main__.py" and f"`{p.name}`" not in section
    ]
    assert unnamed == [], f"README's layout section does not name {unnamed}"
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    for folder in folders:
        assert f"`{folder}/`" in section, f"README's layout section does not name {folder}/"


#: The modules that talk to the terminal (click); errors.py only to make user errors click's.
TERMINAL = ("cli", "console", "errors")


@pytest.mark.parametrize("path", MODULES, ids=dotted)
def test_only_the_cli_and_console_talk_to_the_terminal(path):
    if layer(dotted(path)) in TERMINAL:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [
        name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        )
    ]
    assert not [n for n in names if n.split(".")[0] == "click"], (
        f"{dotted(path)} imports click: raise an errors.py error or report through a callback"
    )


def test_a_command_module_named_for_a_command_is_what_that_command_runs():
    """A commands/ module whose docstring begins `ladderpress NAME` (or `… and `NAME``) is
    imported by each command it names, so its first line says which commands it does."""
    from generator.cli import main

    for path in sorted((PACKAGE / "commands").glob("*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        first = docstring.split("\n")[0]
        if not first.startswith("`ladderpress "):
            continue
        named = re.findall(r"`(?:ladderpress )?([a-z]+)`", first.split(":")[0])
        for name in named:
            source = inspect.getsource(main.commands[name].callback)
            assert f"generator.commands.{path.stem} import" in source, (
                f"commands/{path.name} says it is `ladderpress {name}`, which does not run it"
            )
