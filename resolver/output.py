"""A corpus run's own output file (`scan --output FILE`, #13): what stdout cannot do after a kill.

Printed lines cannot be taken back: a run killed after printing a chunk's lines, before the transaction that marks
their articles finished commits, prints them again when run again. A file the run owns can be cut back. Its lines
are held until the transaction that marks their items finished; inside it they are written, flushed and fsync'ed,
and the file's new length is recorded with the progress rows (the store's `run_outputs`). A re-run of the same job
cuts the file back to that length before it goes on, so after any kill the file holds every finished article once,
in input order, with no partial line. A file the interrupted run finished and that was edited since is done again:
its new lines take the place of the stale ones (`OutputFile.replacing`, newuser34b #2). That rewrites the file in
two phases: the new file is written beside it and recorded (its length and sha256) in the transaction, renamed
over it once that commits, and a re-run completes a rename a kill left undone (`OutputFile.open`, outfile35).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from resolver import own_files
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


def _places(data: bytes, sources: set[str | None], *, form: str) -> dict[str | None, list[tuple[int, int]]]:
    """Where in an output file's bytes the lines of each of `sources` are: a JSON line beginning with its source,
    or an article's table, from its first line (beginning with its source) to the next article's; every one, in
    the file's order (a retried input has a line of each run that tried it: an error line, then its article's)."""
    starts: list[tuple[int, bytes]] = []   # each article's first line: where, and the line
    at = 0
    for line in data.splitlines(keepends=True):
        if form == "json" or own_files.TABLE_HEAD.search(line):
            starts.append((at, line))
        at += len(line)
    heads = {(json_line({"source": source})[:-1] + ", " if form == "json" else f"{source}  ").encode("utf-8"): source
             for source in sources if source is not None}
    found: dict[str | None, list[tuple[int, int]]] = {}
    for n, (start, line) in enumerate(starts):
        for head, source in heads.items():
            if line.startswith(head):
                found.setdefault(source, []).append((start, starts[n + 1][0] if n + 1 < len(starts) else len(data)))
    return found


def _sha256_of(path: Path, length: int) -> str | None:
    """The sha256 of a file's first `length` bytes (None: it is not there, or shorter)."""
    try:
        with open(path, "rb") as handle:
            digest, left = hashlib.sha256(), length
            while left and (block := handle.read(min(left, 1 << 20))):
                digest.update(block)
                left -= len(block)
    except OSError:
        return None
    return None if left else digest.hexdigest()


def _write_all(handle: int, data: bytes) -> None:
    """`os.write` until all of `data` is written (a write may take part of it); an OSError (a full disk) as raised."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def _sync_folder(path: Path) -> None:
    """fsync the folder holding `path`, so that a rename into it outlives a crash of the machine too."""
    try:
        folder = os.open(path.resolve().parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass   # a folder some systems cannot fsync: the rename stands, only less durable
    finally:
        os.close(folder)


class OutputChanged(InputError):
    """The output file is not as the interrupted run left it: going on could lose or repeat lines (the CLI
    exits 2)."""


# The lock files this process holds (`OutputFile._take_lock`): a POSIX lock is the process's own, so a second
# OutputFile on one FILE in this process (a library caller's second thread) is refused here, before it opens the lock
# file: closing any descriptor of that file would release the first one's lock.
_HELD: set[Path] = set()
_HELD_GUARD = threading.Lock()


class OutputBusy(InputError):
    """Another run is writing the output file now: two at once would interleave or cut each other's lines (the CLI
    exits 2)."""


def _alive(pid: int) -> bool:
    """Whether a process `pid` is running (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


# Where a hard-linked FILE's lock by device and inode is kept (`OutputFile._take_lock`): one place for every run of
# the user's, whatever TMPDIR each has
_LOCK_ROOT = "/tmp"


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
        self.pending: tuple[Path, str] | None = None   # a rewrite written beside, to rename over once committed
        self.store: Store | None = None
        self.job: str | None = None
        self._handle: BinaryIO | None = None
        self._lock: int | None = None   # the descriptor of `.FILE.lock`, locked (lockf) while the run writes FILE
        # `.FILE.lock`'s path as named when it was taken: `close` removes that one, whatever the working folder is then
        # (review37c: named anew, it removed another folder's run's lock and kept this one's in `_HELD`)
        self._lock_name: Path | None = None
        # a hard-linked FILE's lock on the file itself (`_take_lock`): the descriptor and the lock file's path
        self._inode_lock: tuple[int, Path] | None = None
        # The progress keys this run's input holds (every shard's), kept by a resumed run only: the sources the
        # interrupted run finished that are no longer among them are taken out of FILE at the end (`take_out`).
        self.met: set[str] | None = None
        # Sources whose lines are to go at the next commit (`take_out_soon`), and those taken out by this run
        self._gone: set[str] = set()
        self.taken_out: set[str] = set()

    def describe(self) -> str:
        return f"output={self.path.resolve()}({self.form})"

    def open(self, *, store: Store | None, job: str | None, resume: bool) -> None:
        """Open the file where the job's interrupted run left it (cut back to the length it recorded), or, for a
        fresh run, empty (the job's earlier progress forgotten with it: the file must hold what was finished).
        A file shorter than recorded, or whose recorded length no longer ends a line, is refused (OutputChanged).
        One that raises has let the lock go (review37c: FILE a folder kept it, and this process refused every later
        run on FILE)."""
        self._take_lock()
        try:
            self._open(store=store, job=job, resume=resume)
        except BaseException:
            self.close()
            raise

    def _open(self, *, store: Store | None, job: str | None, resume: bool) -> None:
        self._remove_leftovers()
        recording = store is not None and not store.read_only and job is not None
        recorded = store.output_length(job) if recording and resume and store is not None and job is not None \
            else None
        pending = store.output_pending(job) if recorded and store is not None and job is not None else None
        if pending is not None and recorded is not None:
            self._complete(Path(pending[0]), pending[1], recorded)
        elif recording:
            with contextlib.suppress(OSError):   # one that cannot be there: the file's own open says why
                self._rewritten().unlink(missing_ok=True)   # a rewrite killed before its commit: the old file stands
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

    def _take_lock(self) -> None:
        """Hold `.FILE.lock` (beside the file FILE names) for the run: a second run on FILE is refused (OutputBusy)
        rather than interleaving its lines with this one's (outfile36: there was no lock). A lock file, not FILE:
        a rewrite renames a new file over FILE, which a lock on FILE itself would not follow. It is removed at
        `close`; one removed by a run ending just as this one opened it is opened again. A hard-linked FILE's file
        is locked too, by device and inode. Not on POSIX, or on a filesystem without locks, the run goes on
        unlocked."""
        try:
            import fcntl  # noqa: F401  (is there POSIX locking here?)
        except ImportError:
            return
        path = self.path.resolve()
        name = path.with_name(f".{path.name}.lock")
        self._lock, self._lock_name = self._held(name), name
        if self._lock is None:
            return
        # FILE hard-linked (two names, perhaps in two folders, for one file): its lock file names the file itself,
        # by device and inode, in a folder of this user's, so a run on either name holds it (review37c: two runs on
        # a.jsonl and its link b.jsonl each took their own `.NAME.lock` and wrote the one file at once)
        try:
            info = os.stat(path)
        except OSError:
            return   # not there yet: a new file has one name
        if info.st_nlink < 2:
            return
        # in /tmp, not $TMPDIR: two runs with different TMPDIRs (a cron job, a tool's shell) each took a lock of its
        # own and wrote the one file at once (review39b); /tmp is there on every POSIX system, whatever the environment
        folder = Path(_LOCK_ROOT) / f"embed-resolver-{os.getuid()}-locks"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            mine = os.lstat(folder)
        except OSError:
            return   # no temporary folder to lock in: the name's lock only, as before
        if not stat.S_ISDIR(mine.st_mode) or mine.st_uid != os.getuid():
            return   # a link or another user's folder in its place: the name's lock only, as before
        try:
            inode = self._held(folder / f"{info.st_dev}-{info.st_ino}.lock")
        except BaseException:
            self._unlock()
            raise
        if inode is not None:
            self._inode_lock = (inode, folder / f"{info.st_dev}-{info.st_ino}.lock")

    def _held(self, name: Path) -> int | None:
        """The lock file `name` locked for this run (`_locked`), refused when this process holds it already."""
        with _HELD_GUARD:
            if name in _HELD:
                raise OutputBusy(f"{self.path} is being written by another run (pid {os.getpid()}): wait for it to "
                                 "end, or choose another --output")
            _HELD.add(name)
        lock = None
        try:
            lock = self._locked(name)
        finally:
            if lock is None:
                with _HELD_GUARD:
                    _HELD.discard(name)
        return lock

    def _locked(self, name: Path) -> int | None:
        """The descriptor of the lock file `name`, locked; None where locks are not kept (OutputBusy if held)."""
        import fcntl

        while True:
            try:
                lock = os.open(name, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                # The lock file named when FILE's folder is one: FILE itself may be writable (review37c: "cannot
                # write FILE: Is a directory" of a plain FILE, a folder in the lock file's place)
                why = f"cannot make its lock file {name}: " if name.parent.is_dir() else ""
                raise InputError(f"cannot write {self.path}: {why}{exc.strerror or exc}") from None
            try:
                # A POSIX record lock, the process's own: a worker the run forks does not hold it, so a run killed
                # while its worker lives a moment longer leaves FILE free (an flock, shared with the worker through
                # the open file it inherited, refused the next run: the lead, stop 36).
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    os.close(lock)
                    return None   # a filesystem without locks: unlocked, as before
                holder = os.read(lock, 32).decode("ascii", "replace").strip()
                os.close(lock)
                raise OutputBusy(f"{self.path} is being written by another run"
                                 + (f" (pid {holder})" if holder.isdigit() else "")
                                 + ": wait for it to end, or choose another --output") from None
            try:
                same = os.stat(name).st_ino == os.fstat(lock).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(lock)
        os.ftruncate(lock, 0)
        try:
            _write_all(lock, f"{os.getpid()}\n".encode("ascii"))
        except OSError as exc:   # a full disk (newuser39b #1: "internal error", an empty lock file left)
            with contextlib.suppress(OSError):
                name.unlink()
            os.close(lock)
            raise self._write_error(exc, f"cannot write its lock file {name}: ") from None
        return lock

    def _remove_leftovers(self) -> None:
        """`.FILE.<pid>.new`, a rewrite left by a run killed under the code before outfile35 (it was never looked
        at again): removed when that process is gone; one of a running process (an older version's run) is left."""
        from glob import escape as glob_escape   # lazy (#14): glob is for this look only

        path = self.path.resolve()
        with contextlib.suppress(OSError):
            for old in path.parent.glob(f".{glob_escape(path.name)}.*.new"):
                pid = old.name[len(path.name) + 2:-len(".new")]
                if pid.isdigit() and not _alive(int(pid)):
                    old.unlink(missing_ok=True)

    def _rewritten(self) -> Path:
        """Where a rewrite of the file is written before it is renamed over it: one name, so that a re-run finds
        what a kill left there. Beside the file a symbolic link FILE points to, and renamed over that file
        (`path.resolve()`), not over the link: the link stays, and the rename never crosses filesystems (review35r3:
        the link was replaced by a plain file, its target left stale; a target on another filesystem, EXDEV)."""
        path = self.path.resolve()
        return path.with_name(f".{path.name}.rewrite")

    def _complete(self, new: Path, sha256: str, recorded: int) -> None:
        """The interrupted run committed a rewrite of the file (`recorded` bytes of this sha256, written at `new`):
        rename it over the file if the kill came before the rename; else the file is the rewrite already, which
        its sha256 shows (a rewrite at `new` that does not match is a later one, never committed: deleted)."""
        if _sha256_of(new, recorded) == sha256 and new.stat().st_size == recorded:
            try:
                self._put(new)
            except OSError as exc:
                raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
            return
        new.unlink(missing_ok=True)
        if self.path.exists() and _sha256_of(self.path, recorded) != sha256:   # a FILE gone: `open` says so
            raise self._changed(f"its first {recorded:,} bytes are not those the interrupted run wrote")

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
        gone: set[str] = set()
        if self._gone:   # in the same write as the lines held and the transaction marking them (`take_out_soon`)
            gone, self._gone = self._gone, set()
            self.replacing |= gone
            self.held.extend((b"", source) for source in sorted(gone))
            self.taken_out |= gone
        held, self.held = self.held, []
        if not held or self._handle is None:
            return
        try:
            if any(source in self.replacing for _, source in held):
                self._rewrite(held)
            else:
                data = b"".join(text for text, _ in held)
                self._handle.seek(self.length)   # flushes the handle: the bytes below go straight to the file
                self._append(data)
                if self.store is not None and self.job is not None:
                    os.fsync(self._handle.fileno())
                self.length += len(data)
        except OSError as exc:
            raise self._write_error(exc) from None
        if self.store is None or self.job is None:
            self._rename()   # a rewrite, if any: no resume, nothing to agree with
            return
        pending = (str(self.pending[0]), self.pending[1]) if self.pending is not None else None
        self.store.record_output(self.job, str(self.path), self.length, pending=pending)
        # their items are no longer finished, as their lines are no longer in FILE: a run killed after this one, an
        # input moved back in (its key unchanged), skipped it and FILE lacked its line (review38a)
        self.store.forget_sources(self.job, gone)
        if pending is not None:
            self.store.after_commit(self._rename)

    def _append(self, data: bytes) -> None:
        """Write `data` at the file's end (`self.length`), past the handle's buffer; one that cannot be written whole
        is taken back out, so the file ends in a whole line still (newuser39b #1: a full disk left half a line, which
        a loader reading the file before the next run choked on)."""
        assert self._handle is not None
        handle = self._handle.fileno()
        try:
            _write_all(handle, data)
        except OSError:
            with contextlib.suppress(OSError):   # a truncate frees space: it works on a full disk
                os.ftruncate(handle, self.length)
            raise

    def _write_error(self, exc: OSError, what: str = "") -> InputError:
        """The error of a write to the file (`what`: of the file beside it it was writing): DiskFull when its disk
        (or a size limit) is full."""
        from resolver.errors import DiskFull, disk_full

        why = f"cannot write {self.path}: {what}{exc.strerror or exc}"
        return DiskFull(why) if disk_full(exc) else InputError(why)

    def _rewrite(self, held: list[tuple[bytes, str | None]]) -> None:
        """Write the held lines, those of a source the file holds lines of already (its stale version) in their
        place, so that the file keeps each article once, in input order: the file made anew beside it and fsync'ed,
        its length and sha256 recorded in the transaction this commit is in, and renamed over the file once that
        commits (`_rename`). A kill before the commit leaves the old file, which the re-run goes on from (the items
        redone); after it, the re-run renames the new file over it if that was not done (`_complete`). Before
        (review34r4), the rename came first: a kill before the commit left the new file with the old length."""
        assert self._handle is not None
        self._handle.seek(0)
        old = self._handle.read(self.length)
        places = _places(old, {source for _, source in held if source in self.replacing}, form=self.form)
        texts: dict[str | None, list[bytes]] = {}
        for text, source in held:
            if source in places:
                texts.setdefault(source, []).append(text)
        # The new lines in the place of a source's first stale lines, its later ones taken out (review35r3: only the
        # first were replaced, and a retried input's later line, its old version's, stayed as if current).
        pieces, at, appended = [], 0, []
        for (start, end), source, first in sorted((span, source, n == 0) for source, spans in places.items()
                                                  for n, span in enumerate(spans)):
            pieces += [old[at:start], *(texts[source] if first else [])]
            at = end
        appended = [text for text, source in held if source not in places]
        data = b"".join([*pieces, old[at:], *appended])
        temporary = self._rewritten()
        mode = stat.S_IMODE(os.fstat(self._handle.fileno()).st_mode)
        # Made private, then given the file's own mode: a FILE the user made private stays so (review35r3: the
        # rewrite had the default mode, 0644 under the usual umask). A filesystem with no modes (FAT) may refuse.
        try:
            with os.fdopen(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
                with contextlib.suppress(OSError):
                    os.fchmod(handle.fileno(), mode)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            # removed at once: on a full disk the part written held the space the user is asked to free, until the
            # next run removed it (review40b)
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        self.pending = (temporary, hashlib.sha256(data).hexdigest())
        self.length = len(data)
        self.replacing -= set(places)

    def _rename(self) -> None:
        """The rewrite committed: rename it over the file, and go on writing there."""
        if self.pending is None or self._handle is None:
            return
        temporary, self.pending = self.pending[0], None
        try:
            self._put(temporary)
            self._handle.close()
            self._handle = open(self.path, "r+b")  # noqa: SIM115 - kept open for the run, closed by `close`
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        self._handle.seek(self.length)

    def _put(self, new: Path) -> None:
        """The rewrite at `new` made the file: renamed over it, or, for a file with other hard links, written over it
        in place, so that they show it too (outfile36: a `latest.jsonl` linked to FILE kept the stale lines). Not
        atomic, but `new` is removed only once the file is whole: a kill half-way leaves it for the next run
        (`_complete`)."""
        target = self.path.resolve()
        try:
            links = target.stat().st_nlink
        except FileNotFoundError:
            links = 1
        if links > 1:
            with open(new, "rb") as source, open(target, "r+b") as handle:
                size = 0
                while block := source.read(1 << 20):
                    handle.write(block)
                    size += len(block)
                handle.truncate(size)
                handle.flush()
                os.fsync(handle.fileno())
            new.unlink()
        else:
            os.replace(new, target)
        _sync_folder(self.path)

    def take_out(self, sources: set[str]) -> None:
        """Take the lines of `sources` out of the file: inputs the interrupted run finished that this run's input
        no longer holds (a feed cut short, a file deleted: outfile36, their lines stayed, read as this run's). To be
        called inside a transaction, as `commit`, which it is."""
        self._gone |= sources - self.taken_out
        if self._gone and self._handle is not None:
            self.commit()

    def take_out_soon(self, sources: set[str]) -> None:
        """`take_out`, as soon as it is safe: once the run's input was read to its end (every key it holds met), in
        the commit of the next finished items (a commit now would write lines held for items not yet marked
        finished), or now when none is held. Before (CLOSING-stop36 "Batch runs"), only at the run's normal end:
        a run killed after its last input was read, its last articles still being fetched, left the removed
        inputs' lines in FILE. To be called inside a transaction."""
        self._gone |= sources - self.taken_out
        if self._gone and not self.held and self._handle is not None:
            self.commit()

    def close(self) -> None:
        """Close FILE and let the lock go, even when closing FILE fails (NFS reports a deferred write's error at
        close; review37c: the lock stayed held, in `_HELD`, for the process's life); that error is raised after."""
        handle, self._handle = self._handle, None
        try:
            if handle is not None:
                handle.close()
        finally:
            self._unlock()

    def _unlock(self) -> None:
        if self._inode_lock is not None:
            (lock, name), self._inode_lock = self._inode_lock, None
            with contextlib.suppress(OSError):
                name.unlink()   # while held: a run that opened it looks again
            os.close(lock)
            with _HELD_GUARD:
                _HELD.discard(name)
        if self._lock is not None and self._lock_name is not None:
            name, self._lock_name = self._lock_name, None
            with contextlib.suppress(OSError):
                name.unlink()   # while held: a run that opened it looks again
            os.close(self._lock)
            self._lock = None
            with _HELD_GUARD:
                _HELD.discard(name)
