"""Run the command line as ``python -m generator``; ``run`` is also the console script."""

import sys

from generator import __version__


def run() -> None:
    """The `ladderpress` command: the version at once (without loading the command line,
    which takes most of a short command's time), anything else through the click group."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"ladderpress, version {__version__}")  # what click's version_option prints
        sys.exit(0)
    from generator.cli import main

    main()


if __name__ == "__main__":
    run()
