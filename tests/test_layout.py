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


def readme_paragraphs() -> tuple[str, dict[str, str]]:
    """README's layout section, and each folder's paragraph in it (the one that starts with
    the folder's name in bold: **`content/`**)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    paragraphs = [p.strip() for p in section.split("\n\n")]
    folders = {}
    for paragraph in paragraphs:
        if paragraph.startswith("**`") and "/`**" in paragraph.split("\n", 1)[0]:
            name = paragraph[3:].split("/`**", 1)[0]
            assert name not in folders, f"README's layout section has two paragraphs for {name}/"
            folders[name] = paragraph
    return section, folders


def test_the_readme_maps_every_module():
    """Each module is named in its own folder's paragraph (pages.py and workbook.py are in
    two folders); a top-level module anywhere in the section."""
    section, paragraphs = readme_paragraphs()
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    for folder in folders:
        assert f"`{folder}/`" in section, f"README's layout section does not name {folder}/"
    layers = sorted({p.parent.name for p in MODULES if p.parent != PACKAGE})
    assert sorted(paragraphs) == layers, "README's layout section needs a paragraph a folder"
    unnamed = []
    for p in MODULES:
        if p.name in ("__init__.py", "__main__.py"):
            continue
        folder = p.relative_to(PACKAGE).parent.as_posix()
        where = section if folder == "." else paragraphs[folder]
        if f"`{p.name}`" not in where:
            unnamed.append(dotted(p))
    assert unnamed == [], (
        f"README's layout section does not name {unnamed} in their folder's paragraph"
    )


TESTS = REPO / "tests"

#: The modules whose mirror is not the module's own name, each with why. A module that is
#: not here has tests/<folder>/test_<name>.py; a package's __init__.py is the package as a
#: module one folder up (cli/__init__.py: tests/test_cli.py); __main__.py: tests/test_main.py.
MIRRORED_AS = {
    # generator/__init__.py holds only the version, which test_package.py checks against
    # pyproject.toml, the changelog and the installed wheel.
    "__init__": "test_package.py",
}

#: Mirrors that so far test their module only through the command line (or check_site),
#: never importing it: each is to import its module and test its public functions directly
#: (issue 10, point 8), and then leave this list (the test below fails once it imports it).
THROUGH_THE_COMMAND_LINE: set[str] = set()


def mirror(path: Path) -> Path:
    """The test module that mirrors a module of generator/."""
    if dotted(path) in MIRRORED_AS:
        return TESTS / MIRRORED_AS[dotted(path)]
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return TESTS.joinpath(*parts[:-1], f"test_{parts[-1].strip('_')}.py")


def has_code(path: Path) -> bool:
    """False for a module that holds only its docstring (a layer's __init__.py)."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return any(
        not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        and not (isinstance(node, ast.ImportFrom) and node.module == "__future__")
        for node in body
    )


def modules_imported_by(path: Path) -> set[str]:
    """What a test module imports from generator/, dotted below it ('' for the package
    itself); `from generator.site import links` counts as site.links."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "generator" or alias.name.startswith("generator."):
                    found.add(alias.name.removeprefix("generator").removeprefix("."))
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module == "generator" or (node.module or "").startswith("generator."))
        ):
            below = (node.module or "").removeprefix("generator").removeprefix(".")
            found.add(below)
            found.update(f"{below}.{a.name}".lstrip(".") for a in node.names)
    return found


@pytest.mark.parametrize("path", MODULES, ids=dotted)
def test_every_module_has_its_mirror_test_module_that_imports_it(path):
    if not has_code(path):
        assert path.name == "__init__.py", f"{dotted(path)} holds nothing but its docstring"
        return  # a layer's package: its modules have their mirrors
    test = mirror(path)
    assert test.is_file(), f"{dotted(path)} has no test module: write {test.relative_to(REPO)}"
    module = dotted(path).removesuffix("__init__").rstrip(".")
    imports = module in modules_imported_by(test)
    if module in THROUGH_THE_COMMAND_LINE:
        assert not imports, f"{test.relative_to(REPO)} imports it now: take {module} off the list"
        return
    assert imports, f"{test.relative_to(REPO)} does not import generator.{module or '__init__'}"


def test_the_lists_name_modules_there_are():
    for name in [*MIRRORED_AS, *THROUGH_THE_COMMAND_LINE]:
        module = PACKAGE.joinpath(*name.split(".")).with_suffix(".py")
        assert module.is_file(), f"tests/test_layout.py names {name}, which is no longer a module"


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
