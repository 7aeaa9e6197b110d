"""`python -m resolver` runs the command line tool; `main` is the installed `embed-resolver` command too."""


def main() -> None:
    """Run the command line tool in this process. What importing it made (modules, functions, compiled patterns,
    dataclasses: most of a one-file scan's heap, and none of it garbage) is first put out of the garbage collector's
    reach (`gc.freeze`), so that neither a collection while the command runs nor the one at exit walks it again: 3.7%
    of a one-file scan's instructions (perf37, #14). Only the command's own process does this: a library caller, or a
    test calling `cli.main`, keeps its collector as it was. No collection runs while it is imported: none of it is
    garbage (`imports_settled`, perf48a). The help's width is given to click (`help_width`), which would import
    shutil to find it (perf42)."""
    from resolver.lazy import OWN_PROCESS, imports_settled

    OWN_PROCESS[0] = True
    with imports_settled():   # no collection while importing, then frozen (perf48a)
        from resolver.cli import cli, help_width, stop_on_sigterm

    stop_on_sigterm()
    cli(terminal_width=help_width())


if __name__ == "__main__":
    main()
