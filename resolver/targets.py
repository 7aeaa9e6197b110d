"""What the user named on the command line: files, directories, stdin, URLs.

`walk` lists the files of a directory tree for a batch. A symbolic link to a directory is followed, but no
directory is walked twice (by device and inode), so a link loop costs one visit, not one per turn of the loop
(#11: a loop made one file scan 41 times). A broken link is reported, not silently dropped. A link to a file is
listed as its own path (the cache keeps every path an article was read from; the bytes are recorded once).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    """A file found while walking, or (with `problem` set) something that could not be read, to warn about."""

    path: Path
    problem: str | None = None


def walk(directory: Path) -> Iterator[Entry]:
    """Every regular file under `directory`, hidden names skipped, each directory visited once: the real tree
    first, in sorted order, then what only links reach (so a file is named by its real path when it has one)."""
    seen: set[tuple[int, int]] = set()
    links: list[Path] = []
    yield from _walk(directory, seen=seen, links=links)
    while links:
        yield from _walk(links.pop(0), seen=seen, links=links)


def _walk(directory: Path, *, seen: set[tuple[int, int]], links: list[Path]) -> Iterator[Entry]:
    try:
        stat = directory.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            return   # reached again through a link: already walked
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield Entry(directory, f"cannot list {directory}: {exc.strerror or exc}")
        return
    seen.add((stat.st_dev, stat.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not entry.exists():
            yield Entry(entry, f"broken link {entry} -> {os.readlink(entry)}")
        elif entry.is_dir():
            if entry.is_symlink():
                links.append(entry)
            else:
                yield from _walk(entry, seen=seen, links=links)
        elif entry.is_file():
            yield Entry(entry)
