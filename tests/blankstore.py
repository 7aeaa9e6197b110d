"""An empty cache as `Store(path)` makes it, made once a process and copied into each test's own file (#14).

A new cache costs about 23 ms of CPU (its schema made statement by statement, the switch to WAL); a copy of one
already made, opened by `Store`, about 6 ms. Tests that each open an empty cache by the hundred (test_guard's end to
end refusals) take a copy: the same file, byte for byte, as a new one but for the times its migrations are recorded
as applied at, and no test sees another's writes (each copy is its own file). test_verdicts' runs of the command
line find one at their --db (`blank_cache`): their first run opens it where it made it.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from cache import Store

_MADE: list[Path] = []   # the empty cache made for this process


def blank_store(path: Path) -> Store:
    """`Store(path)` for a `path` that does not exist yet, opened on a copy of an empty cache made once."""
    blank_cache(path)
    return Store(path)


def blank_cache(path: Path) -> None:
    """Write at `path` (a new file) a copy of an empty cache made once, for a `Store` or a command to open."""
    if not _MADE:
        folder = Path(tempfile.mkdtemp(prefix="embed-resolver-blank-"))
        atexit.register(shutil.rmtree, folder, True)
        Store(folder / "blank.db").close()   # the last connection closed: the WAL checkpointed into the file, removed
        assert not (folder / "blank.db-wal").exists()
        _MADE.append(folder / "blank.db")
    if Path(path).exists():
        raise FileExistsError(path)
    shutil.copyfile(_MADE[0], path)
