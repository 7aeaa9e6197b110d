"""A corpus run's own output file (`scan --output FILE`, #13): what stdout cannot do after a kill.

Printed lines cannot be taken back: a run killed after printing a chunk's lines, before the transaction that marks
their articles finished commits, prints them again when run again. A file the run owns can be cut back. Its lines
are held until the transaction that marks their items finished; inside it they are written, flushed and fsync'ed,
and the file's new length is recorded with the progress rows (the store's `run_outputs`). A re-run of the same job
cuts the file back to that length before it goes on, so after any kill the file holds every finished article once,
in input order, with no partial line. A file the interrupted run finished and that was edited since is done again:
its new lines take the place of the stale ones (`OutputFile.replacing`, newuser34b #2).
"""

from __future__ import annotations

import functools
import os
import re
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


# The first line of an article's table in a plain output file: its source, kind and sha256 (report.scan_view).
_TABLE_HEAD = re.compile(rb"  (?:html|text)  sha256 [0-9a-f]{12}\xe2\x80\xa6  [0-9,]+ embeds?, [0-9,]+ credits?")


def _places(data: bytes, sources: set[str | None], *, form: str) -> dict[str | None, tuple[int, int]]:
    """Where in an output file's bytes the lines of each of `sources` are: a JSON line beginning with its source,
    or an article's table, from its first line (beginning with its source) to the next article's."""
    starts: list[tuple[int, bytes]] = []   # each article's first line: where, and the line
    at = 0
    for line in data.splitlines(keepends=True):
        if form == "json" or _TABLE_HEAD.search(line):
            starts.append((at, line))
        at += len(line)
    heads = {(json_line({"source": source})[:-1] + ", " if form == "json" else f"{source}  ").encode("utf-8"): source
             for source in sources if source is not None}
    found: dict[str | None, tuple[int, int]] = {}
    for n, (start, line) in enumerate(starts):
        for head, source in heads.items():
            if line.startswith(head) and source not in found:
                found[source] = (start, starts[n + 1][0] if n + 1 < len(starts) else len(data))
    return found


class OutputChanged(InputError):
    """The output file is not as the interrupted run left it: going on could lose or repeat lines (the CLI
    exits 2)."""


class OutputFile:
    """The file a run writes its results to. `form` ("json", "table") is part of what the run is: a re-run in
    another form is another job. Use: `describe()` for the job name, `open()`, `add()` per result, `commit()` in
    each transaction that marks items finished, `close()`."""

    def __init__(self, path: Path, *, form: str) -> None:
        self.path, self.form = path, form
        self.held: list[tuple[bytes, str | None]] = []
        # Sources whose lines an earlier run of the job wrote for bytes they no longer hold (the file was edited
        # since): the lines added for them replace those, in place (`commit`). Set as the run finds them.
        self.replacing: set[str] = set()
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

    def add(self, text: str, *, source: str | None = None) -> None:
        """One result's lines (ending in a newline), held until its item is marked finished. `source`: the input
        they are of, as printed (their first line begins with it), so that they can replace a stale version's."""
        self.held.append((text.encode("utf-8"), source))

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
        try:
            if any(source in self.replacing for _, source in held):
                self._rewrite(held)
            else:
                data = b"".join(text for text, _ in held)
                self._handle.seek(self.length)
                self._handle.write(data)
                self._handle.flush()
                if self.store is not None and self.job is not None:
                    os.fsync(self._handle.fileno())
                self.length += len(data)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        if self.store is not None and self.job is not None:
            self.store.record_output(self.job, str(self.path), self.length)

    def _rewrite(self, held: list[tuple[bytes, str | None]]) -> None:
        """Write the held lines, those of a source the file holds lines of already (its stale version) in their
        place, so that the file keeps each article once, in input order: the file made anew beside it, fsync'ed, and
        renamed over it (a kill leaves the old file or the new one whole; the new one's length is recorded in the
        transaction this commit is in, and a re-run of a kill in between redoes the items, whose lines then replace
        themselves)."""
        assert self._handle is not None
        self._handle.seek(0)
        old = self._handle.read(self.length)
        places = _places(old, {source for _, source in held if source in self.replacing}, form=self.form)
        pieces, at, appended = [], 0, []
        for (start, end), text in sorted((places[source], text) for text, source in held if source in places):
            pieces += [old[at:start], text]
            at = end
        appended = [text for text, source in held if source not in places]
        data = b"".join([*pieces, old[at:], *appended])
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.new")
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)
        self._handle.close()
        self._handle = open(self.path, "r+b")  # noqa: SIM115 - kept open for the run, closed by `close`
        self._handle.seek(len(data))
        self.length = len(data)
        self.replacing -= set(places)

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
