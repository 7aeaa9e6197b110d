"""A corpus run's own output file (`scan --output FILE`, #13): what stdout cannot do after a kill.

Printed lines cannot be taken back: a run killed after printing a chunk's lines, before the transaction that marks
their articles finished commits, prints them again when run again. A file the run owns can be cut back. Its lines
are held until the transaction that marks their items finished; inside it they are written, flushed and fsync'ed,
and the file's new length is recorded with the progress rows (the store's `run_outputs`). A re-run of the same job
cuts the file back to that length before it goes on, so after any kill the file holds every finished article once,
in input order, with no partial line.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from resolver.errors import InputError

if TYPE_CHECKING:
    from cache import Store


def json_line(data: Any) -> str:
    """A JSON Lines run's line: `json.dumps(data, ensure_ascii=False)`, by one encoder made once, which does not
    look for cycles: a result's JSON is a tree made for the line (#13: a fifth of the encoding of a warm run's
    lines). The line breaks JSON leaves raw come out escaped (`cache.maintenance.one_line`). `resolver.memo` joins
    two of them into one (`splice`): keep it a compact encoder of one object a line."""
    return _line_encoder()(data)


@functools.cache
def _line_encoder() -> Callable[[Any], str]:
    import json

    from cache.maintenance import one_line

    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    return lambda data: one_line(encode(data))


class OutputChanged(InputError):
    """The output file is not as the interrupted run left it: going on could lose or repeat lines (the CLI
    exits 2)."""


class OutputFile:
    """The file a run writes its results to. `form` ("json", "table") is part of what the run is: a re-run in
    another form is another job. Use: `describe()` for the job name, `open()`, `add()` per result, `commit()` in
    each transaction that marks items finished, `close()`."""

    def __init__(self, path: Path, *, form: str) -> None:
        self.path, self.form = path, form
        self.held: list[bytes] = []
        self.length = 0
        self.store: Store | None = None
        self.job: str | None = None
        self._handle: BinaryIO | None = None

    def describe(self) -> str:
        return f"output={self.path.resolve()}({self.form})"

    def open(self, *, store: Store | None, job: str | None, resume: bool) -> None:
        """Open the file where the job's interrupted run left it (cut back to the length it recorded), or, for a
        fresh run, empty (the job's earlier progress forgotten with it: the file must hold what was finished).
        A file shorter than recorded, or whose recorded length no longer ends a line, is refused (OutputChanged)."""
        recording = store is not None and not store.read_only and job is not None
        recorded = store.output_length(job) if recording and resume and store is not None and job is not None \
            else None
        if recorded and not self.path.exists():
            raise self._changed(f"it is gone (the interrupted run wrote {recorded:,} bytes)")
        try:
            handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666), "r+b")
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self._handle = handle
        if recorded is not None:
            self._check(handle, recorded)
        elif recording and store is not None and job is not None:
            with store.write():     # recorded before the file is emptied: a kill in between empties it again
                store.forget_progress(job)
                store.record_output(job, str(self.path), 0)
        self.store, self.job = (store, job) if recording else (None, None)
        self.length = recorded or 0
        handle.truncate(self.length)
        handle.seek(self.length)

    def _check(self, handle: BinaryIO, recorded: int) -> None:
        size = os.fstat(handle.fileno()).st_size
        if size < recorded:
            raise self._changed(f"it holds {size:,} bytes, fewer than the {recorded:,} the interrupted run wrote")
        handle.seek(max(recorded - 1, 0))
        if recorded and handle.read(1) != b"\n":
            raise self._changed(f"byte {recorded:,}, where the interrupted run's lines end, no longer ends a line")

    def _changed(self, why: str) -> OutputChanged:
        self.close()
        return OutputChanged(f"cannot go on writing {self.path}: {why}; run again with --no-resume to start it "
                             "over, or choose another --output")

    def add(self, text: str) -> None:
        """One result's lines (ending in a newline), held until its item is marked finished."""
        self.held.append(text.encode("utf-8"))

    def mark(self) -> int:
        return len(self.held)

    def drop(self, mark: int) -> None:
        """Forget what was added after `mark`: its item is not marked finished, and will be done again."""
        del self.held[mark:]

    def commit(self) -> None:
        """Write the lines held, flush, fsync and record the file's new length. Called inside the transaction
        that marks their items finished, so the file and the store agree whatever happens next: a kill before
        the commit leaves bytes past the recorded length, which the re-run cuts off. Without a store nothing is
        recorded (there is no resume), so nothing needs to reach the disk first."""
        held, self.held = self.held, []
        if not held or self._handle is None:
            return
        data = b"".join(held)
        try:
            self._handle.seek(self.length)
            self._handle.write(data)
            self._handle.flush()
            if self.store is not None and self.job is not None:
                os.fsync(self._handle.fileno())
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self.length += len(data)
        if self.store is not None and self.job is not None:
            self.store.record_output(self.job, str(self.path), self.length)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
