"""What several commands accept: the site folder, where to write, and -q/-v after the command
name too; and how a usage problem that a command finds is shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from generator.console import Verbosity
from generator.errors import UsageProblem

SITE_OPTION = click.option(
    "-s",
    "--site",
    "site_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The site folder.",
)
SITE_DIR = click.argument(
    "site_dir",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """Set -q or -v given after the command name, as if given before it."""
    if value:
        setattr(ctx.ensure_object(Verbosity), str(param.name), True)


QUIET_HELP = "Print only errors."
VERBOSE_HELP = "Print more detail, such as what each step took."


def verbosity_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The command, accepting -q and -v after its name too (`ladderpress build -q`)."""
    for flags, name, text in (
        (("-v", "--verbose"), "verbose", VERBOSE_HELP),
        (("-q", "--quiet"), "quiet", QUIET_HELP),
    ):
        command = click.option(
            *flags,
            name,
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_set_verbosity,
            help=text,
        )(command)
    return command


def output_option(
    help: str, default: Path | None = None, **kinds: bool
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The -o/--output option: where a command writes (kinds: file_okay or dir_okay=False)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, **kinds),
        default=default,
        show_default=default is not None,
        help=help,
    )


@contextmanager
def shown_as_usage() -> Iterator[None]:
    """A block whose UsageProblem click shows as it shows its own: after the command's usage
    line, `Error: Invalid value for LEVEL: …` when it names the parameter, else the message."""
    try:
        yield
    except UsageProblem as exc:
        if exc.exit_code != click.UsageError.exit_code:  # writing failed: not a usage error
            raise
        if exc.param_hint:
            raise click.BadParameter(exc.message, param_hint=exc.param_hint) from None
        raise click.UsageError(exc.message) from None
