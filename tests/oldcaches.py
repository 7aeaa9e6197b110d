"""Caches as an older version made them, empty: the migrations applied up to one of them (#14).

`made_before(path, name)` writes at `path` the database `migrations.apply(Database(path), stop_before=name)` makes of
an empty file: every migration before `name` applied, in order, each recorded as sqlite-utils records it. Stepping
through the migrations costs a test 0.2-0.3 s of CPU (most of test_review34r5.py's time), so each stopping point is
made once a process and copied (SQLite's backup) into the test's own file: no test sees another's writes. A point is
made from the nearest one made before it, applying only the migrations between: what `apply` does to a database that
already holds the earlier ones (the pending ones, in order), as a cache an older version left behind is.
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from pathlib import Path

_MADE: dict[str, Path] = {}   # a migration's name -> a database made before it, kept for this process
_DIR: list[Path] = []


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def made_before(path: Path, stop_before: str) -> None:
    """Write at `path` (a new file) an empty cache with every migration before `stop_before` applied."""
    from sqlite_utils import Database

    from cache.store import MIGRATIONS

    if stop_before not in MIGRATIONS:
        raise ValueError(f"no migration {stop_before}")
    if stop_before not in _MADE:
        if not _DIR:
            _DIR.append(Path(tempfile.mkdtemp(prefix="embed-resolver-made-before-")))
            atexit.register(shutil.rmtree, _DIR[0], True)
        from cache.migrations import migrations

        made = _DIR[0] / f"{stop_before}.db"
        index = MIGRATIONS.index(stop_before)
        earlier = [name for name in _MADE if MIGRATIONS.index(name) < index]
        if earlier:
            _copy(_MADE[max(earlier, key=MIGRATIONS.index)], made)
        db = Database(made)
        migrations.apply(db, stop_before=stop_before)
        db.conn.close()
        _MADE[stop_before] = made
    if Path(path).exists():
        raise FileExistsError(path)
    _copy(_MADE[stop_before], Path(path))
