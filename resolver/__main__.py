"""`python -m resolver` runs the command line tool; `main` is the installed `embed-resolver` command too."""

import gc


def main() -> None:
    """Run the command line tool in this process. What importing it made (modules, functions, compiled patterns,
    dataclasses: most of a one-file scan's heap, and none of it garbage) is first put out of the garbage collector's
    reach (`gc.freeze`), so that neither a collection while the command runs nor the one at exit walks it again: 3.7%
    of a one-file scan's instructions (perf37, #14). Only the command's own process does this: a library caller, or a
    test calling `cli.main`, keeps its collector as it was. The help's width is given to click (`help_width`), which
    would import shutil to find it (perf42)."""
    from resolver.cli import cli, help_width, stop_on_sigterm

    gc.freeze()
    stop_on_sigterm()
    cli(terminal_width=help_width())


if __name__ == "__main__":
    main()
