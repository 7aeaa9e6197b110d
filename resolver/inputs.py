"""Where articles come from, streamed: files and directories, JSON Lines, WARC/ARC files; and which shard takes each.

Readers yield `Item`s: a name for people, a resume key, and what is needed to load the article, but not the
article itself when that can wait (a file is read, a JSON line parsed, by whoever loads the item: a worker
process). Nothing holds more than one record in memory, so a 1 GB JSON Lines file or WARC costs what its
largest record costs. A reader never raises for one bad entry: it yields an item with a `problem`, and goes on.

Resume keys say what an item is without reading it: a file by its absolute path, size and mtime (an edited file
is scanned again); a record by its container's absolute path and byte offset, and a JSON Lines record also by a
checksum of its line (appending to a JSON Lines file keeps the keys of the lines already there; an edited line is
read again).
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, Any

from resolver import jsonparse, own_files
from resolver.article import (MAX_ARTICLE_BYTES, Article, TooLarge, cannot_open, charset_of, from_bytes, from_path,
                              looks_binary, not_a_page, printable, refuse_container)
from resolver.errors import EmptyInput, InputError
from resolver.lazy import LazyPattern, lazy_dataclass
from resolver.targets import classify, walk

Skip = Callable[[str], bool]
"""Told an item's resume key, answers True when that item is already done (it is then not read)."""

# What a folder given to --jsonl or --warc-input is searched for, unless --glob says otherwise.
JSONL_GLOBS = tuple(f"*{s}{c}" for s in (".jsonl", ".ndjson") for c in ("", ".gz", ".bz2", ".xz"))
WARC_GLOBS = ("*.warc", "*.warc.gz", "*.arc", "*.arc.gz")
CRLF = b"\r\n"


@lazy_dataclass(frozen=True)
class Shard:
    """The K-th of N slices of the input (K counts from 1). Which slice an item falls in depends only on the
    item's place in its input (path under the folder named, or line/record offset), never on the order of
    reading or on where the input is mounted, so N machines given the same input split it with no overlap."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """'3/8' -> Shard(3, 8). Slurm array ids work as they are: `--array=1-8` with `--shard $ID/8`."""
        try:
            k, n = (int(part) for part in text.split("/"))
        except ValueError:
            raise InputError(f"--shard {text!r}: expected K/N, e.g. 1/4") from None
        if n < 1:
            raise InputError(f"--shard {text!r}: N, the number of shards, must be at least 1 (e.g. 1/4)")
        if not 1 <= k <= n:
            raise InputError(f"--shard {text!r}: K must be between 1 and N (shards count from 1: 1/{n} to {n}/{n})")
        return cls(k, n)

    def takes(self, locator: str) -> bool:
        # crc32, not hash(): the same in every process and on every machine.
        return zlib.crc32(locator.encode("utf-8", "surrogateescape")) % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


@dataclass(frozen=True)
class JsonlFields:
    """Which fields of a JSON Lines record hold what. A dotted name reaches into objects (`meta.url`),
    unless the record has a field of that very name.
    With neither text nor html named, a record's `html` is used, else (none, null or blank) its `text`."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Item:
    """One article to read, not read yet (except what a container forced us to read: a WARC record, stdin)."""

    source: str                       # for people and the store: "a/b.html", "feed.jsonl:12", "crawl.warc.gz#4096"
    key: str | None                   # resume key; None when the input cannot be found again (stdin)
    locator: str = ""                 # what the shard choice hashes
    path: Path | None = None          # a file, read when loaded
    data: bytes | None = field(default=None, repr=False)   # bytes already read
    line: bytes | None = field(default=None, repr=False)   # a JSON Lines record, parsed when loaded
    fields: JsonlFields | None = None
    kind: str | None = None           # "html" | "text" when the input says which
    url: str | None = None            # the page's URL, when the input says (WARC-Target-URI, --url-field)
    charset: str | None = None        # the charset its HTTP Content-Type named (a WARC record, a fetched page)
    remote: bool = False              # `url` is an article still to fetch, through the run's client (scan URL)
    final_url: str | None = None      # a fetched article's: where the redirects from `url` ended
    record_id: str | None = None      # the record's own id (WARC-Record-ID, --id-field)
    warc_date: str | None = None      # when a WARC record's page was crawled (its WARC-Date, as the cache writes times)
    truncated: str | None = None      # why the crawler cut the record's payload short (WARC-Truncated)
    explicit: bool = False            # named on the command line (a failure is an error, not a warning)
    problem: str | None = None        # could not be listed or read: report it and go on
    files: int = 1                    # the files a problem stands for (a folder's line of what is no article)
    denied: bool = False              # its problem: it may not be read or listed (an error, found by a walk too)
    fetched: tuple[dict[str, object], ...] = field(default=(), repr=False)   # fetch rows of a fetched article,
    #                                   written with it (#11)
    max_bytes: int | None = None      # a file's or stdin's `[scan] max_article_bytes` (0: none); None: a record's cap
    # Where its bytes can be read again, whatever name it was given by (review34r4): a file's real path, an
    # article's URL as given; None for stdin and a record (a feed's line or a WARC's offset holds another article in
    # another file of that name), whose article is never a newer version of another (`Store._supersede`).
    place: str | None = None

    @property
    def unmatched(self) -> bool:
        """A folder none of whose files --glob matched: its problem is no file of its own (newuser34b #5)."""
        return self.problem is not None and self.locator == UNMATCHED


@dataclass(frozen=True)
class Loaded:
    """An item read and decoded: the article, and what the input said about it."""

    article: Article
    url: str | None
    record_id: str | None
    truncated: str | None = None      # why the crawler cut the page short (a WARC record's WARC-Truncated)
    warc_date: str | None = None      # when the crawler fetched the page (a WARC record's WARC-Date)
    unread: tuple[tuple[str, str], ...] = ()   # a JSON Lines record's fields not read: ("url", "a number")


@dataclass(frozen=True)
class InputSpec:
    """Everything a command was told to read. `files` may hold directories and `-` (stdin, one article)."""

    files: tuple[str, ...] = ()
    jsonl: tuple[str, ...] = ()       # JSON Lines files or folders of them; `-` is stdin
    warc: tuple[str, ...] = ()        # WARC/ARC files (gzipped or not) or folders of them
    globs: tuple[str, ...] = ()       # in folders, only files whose path matches one of these
    fields: JsonlFields = JsonlFields()
    shard: Shard | None = None
    leave_out: tuple[str, ...] = ()   # real paths of what the run writes (its --output file or folder): not read
    max_bytes: int = MAX_ARTICLE_BYTES   # the most a file or stdin may hold (`[scan] max_article_bytes`; 0: none)

    def __post_init__(self) -> None:
        # One path given where a tuple goes is one path, as pathlib takes it (newuser30 #5: "a." was read as the
        # file `a` and the folder `.`, and a "/" walked the filesystem's root); a Path among them is its str.
        for name in ("files", "jsonl", "warc", "globs", "leave_out"):
            object.__setattr__(self, name, _paths(name, getattr(self, name)))

    @property
    def empty(self) -> bool:
        return not (self.files or self.jsonl or self.warc)


def _paths(name: str, given: object) -> tuple[str, ...]:
    """An InputSpec field as the tuple of str it holds, or TypeError naming the field."""
    if isinstance(given, (str, os.PathLike)):
        given = (given,)
    elif isinstance(given, (bytes, bytearray)) or not isinstance(given, Iterable):
        raise TypeError(f"InputSpec {name}: expected a path or a sequence of paths, not {type(given).__name__}")
    paths = tuple(given)
    for path in paths:
        if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
            raise TypeError(f"InputSpec {name}: expected paths, not {type(path).__name__} ({path!r})")
    return tuple(os.fspath(path) for path in paths)


def reading_order(spec: InputSpec, source: str) -> tuple[int, tuple[str, ...], int]:
    """Where a JSON Lines record ("feed.jsonl:12") comes in the order `iter_items` reads: its file's place among
    --jsonl, then its path (a folder's files are read in sorted order, level by level), then its line. Shards read
    their records apart; this says which came first."""
    path, _, line = source.rpartition(":")
    place = next((i for i, name in enumerate(spec.jsonl)
                  if path == name or path.startswith(name.rstrip(os.sep) + os.sep)), len(spec.jsonl))
    return place, Path(path).parts, int(line) if line.isdigit() else 0


class Census:
    """How many inputs a run's spec names, when that is known cheaply (newuser30 #9: a folder of 30 files showed
    "0 articles" and no total): files named, URLs, and the files of folders, counted from the listings the walk
    makes anyway to read them (a folder's entries are sorted before its first file is read), so the first file comes
    no later. Known once every folder named has been listed to its depth (a flat folder: at its first file), or
    sooner, once a walk ahead of the run has counted the whole tree (`count_ahead`): a folder of month folders was
    listed a month at a time, and had no total, nor a time left, until the walk reached its last folder (newuser46b
    #1). None for a stream (stdin, JSON Lines, WARC: records are known only as read), a shard's run, or a run with
    --glob."""

    def __init__(self, *, ahead: bool = True) -> None:
        self.counted = 0
        self.unlisted = 0   # folders found whose listing is still to come
        self.ahead: int | None = None   # the whole tree's count, made by a walk ahead of the run (`count_ahead`)
        self.counts_ahead = ahead   # False: only the walk that reads the files counts them
        self._counting: Any = None   # that walk's thread
        self._stopped = False

    @property
    def total(self) -> int | None:
        if self.unlisted == 0 and self.counted:
            return self.counted
        return self.ahead

    def listed(self, items: int, folders: int) -> None:
        """A folder was listed (or found listed before): `items` inputs in it, `folders` folders still to list."""
        self.counted += items
        self.unlisted += folders - 1

    def passed(self) -> None:
        """An input counted that the run leaves out: its own output (review30r4: a report folder inside the input
        folder, run again, was in the total: "3/5 articles" at the end)."""
        self.counted -= 1

    def count_ahead(self, spec: InputSpec) -> None:
        """Count the spec's folders to their depth now, in a thread of its own, by the walk's own rules (hidden
        names, links, loops, the run's own output left out), so the total is known within milliseconds for
        thousands of files, and a huge tree or a slow network mount never holds back the first article: the run
        reads as it would without it. Stops when the run's own walk has listed every folder, or the run ends."""
        if not self.counts_ahead or self.unlisted == 0:
            return
        import threading

        self._counting = threading.Thread(target=self._count, args=(spec,), name="count-inputs", daemon=True)
        self._counting.start()

    def wait(self, timeout: float | None = None) -> int | None:
        """The total, once the count ahead has ended (or `timeout` seconds have passed): for a caller that wants
        the total before it goes on, and for tests."""
        if self._counting is not None:
            self._counting.join(timeout)
        return self.total

    def stop(self) -> None:
        self._stopped = True

    def _count(self, spec: InputSpec) -> None:
        try:
            self.ahead = _count_all(spec, until=lambda: self._stopped or self.unlisted == 0)
        except Exception:  # noqa: BLE001 - a count is a nicety: the run goes on without it, as before
            self.ahead = None


def _count_all(spec: InputSpec, *, until: Callable[[], bool]) -> int | None:
    """How many inputs the walk of the spec's names will give, found by walking them now as `iter_items` will (None
    once `until()` says to stop)."""
    census = _counts(spec, Census(ahead=False))
    if census is None:
        return None
    for name in spec.files:
        try:
            if classify(name, among=spec.files).kind != "folder":
                continue
        except InputError:
            continue
        # The run's own output is looked for only in a folder holding it (a report folder inside the corpus): a
        # link to it from elsewhere is the walk's own count's to find (it ends the run the total), not worth a
        # system call a file here (an --output file beside the corpus: 2 of 3 parts of the count's time).
        real = os.path.realpath(name).rstrip(os.sep) + os.sep
        inside = _Taker(None, None, leave_out=frozenset(path for path in spec.leave_out if path.startswith(real)))
        for path, _, explicit, problem, _ in _named(name, (), listed=census.listed):
            if until():
                return None
            if problem is None and not explicit and (inside.leave_out and _own_output(path, inside)
                                                     or own_files.kind_of(path) is not None):
                census.passed()
    return census.total


def _own_output(path: Path, taken: _Taker) -> bool:
    """Whether a walked file is one the run leaves out as its own output, as `_Taker` judges it by its key."""
    try:
        return taken.left_out(printable(_real_path(path, os.lstat(path))))
    except OSError:
        return False


def _counts(spec: InputSpec, census: Census | None) -> Census | None:
    """The census to keep for this spec, its names counted (folders as folders to list), or None: not cheap."""
    if census is None or spec.jsonl or spec.warc or spec.shard is not None or spec.globs or "-" in spec.files:
        return None
    census.unlisted += 1   # the names themselves, until all are counted
    for name in spec.files:
        try:
            folder = classify(name).kind == "folder"
        except InputError:
            folder = False   # an input all the same: its error is said
        census.listed(0 if folder else 1, 2 if folder else 1)
    census.listed(0, 0)
    return census


def iter_items(spec: InputSpec, *, skip: Skip | None = None, stdin: IO[bytes] | StdinLines | None = None,
               repeated: Callable[[], None] | None = None, passed_over: PassedOver | None = None,
               met: Callable[[str], object] | None = None, census: Census | None = None,
               own: OwnFile | None = None) -> Iterator[Item]:
    """Every item the spec names, in a stable order, less those of other shards, those `skip` says are done and
    files already taken by another path (a link, a file named twice: `repeated` is called for each), all decided
    before the item is read. Items with a problem are always yielded: the user must hear of them. A WARC response
    that is no page (not 2xx, not HTML, a revisit) is no item: `passed_over` is called for each of this shard's.
    `met` is called with every item's resume key, in that order, before the shard choice: what it makes of the
    order is then the same in every shard and for any number of shards (pipeline.ProgressKeys). `census`: the
    inputs counted, when that is cheap, as the first item is asked for (see Census). A file a folder walk finds that
    the run writes (`spec.leave_out`) or that the tool wrote (its cache, a summary JSON, a --json output, a WARC:
    `own_files`) is no item: `own` is called with its path and what it is."""
    if not isinstance(spec, InputSpec):
        raise TypeError(f"spec must be an InputSpec, not {type(spec).__name__}")
    stdin = stdin if stdin is not None else sys.stdin.buffer
    counts = _counts(spec, census)
    taken = _Taker(spec.shard, skip, repeated, leave_out=frozenset(spec.leave_out), passed_over=passed_over, met=met,
                   own=counts.passed if counts is not None else None, own_file=own)
    if counts is None:
        yield from _items(spec, taken, stdin, listed=None)
        return
    counts.count_ahead(spec)
    try:
        yield from _items(spec, taken, stdin, listed=counts.listed)
    finally:
        counts.stop()


def _items(spec: InputSpec, taken: _Taker, stdin: IO[bytes] | StdinLines, *,
           listed: Callable[[int, int], None] | None) -> Iterator[Item]:
    """`iter_items`' items, its census (if any) told of each folder's listing."""
    for name in spec.files:
        try:
            named = classify(name, among=spec.files)   # the one rule for what a name is (#11): stdin, a URL, a file or a folder
        except InputError as exc:
            yield Item(source=name, key=None, locator=name, explicit=True, problem=str(exc))
            continue
        if named.kind == "stdin":
            if taken.wants("-", None):
                yield _stdin_item(stdin, spec.max_bytes)
        elif named.kind == "url":
            # The URL as given names the article (its source); the resume key is the URL fetched.
            yield from taken(Item(source=name, key=named.url, locator=name, url=named.url, remote=True,
                                  explicit=True, place=name))
        else:
            for path, locator, explicit, problem, files in _named(name, spec.globs, listed=listed):
                if problem:
                    yield Item(source=str(path), key=None, locator=locator, explicit=explicit, problem=problem,
                               files=files, denied=_denied(problem))
                else:
                    yield from taken(_file_item(path, locator, explicit, max_bytes=spec.max_bytes))
    for name in spec.jsonl:
        if name == "-":
            yield from _jsonl_records(stdin, "-", "-", spec.fields, taken, resumable=False)
            continue
        for path, locator, explicit, problem, files in _named(name, spec.globs or JSONL_GLOBS, given=bool(spec.globs)):
            if problem:
                yield Item(source=str(path), key=None, locator=locator, explicit=explicit, problem=problem,
                               files=files)
            elif taken.first_reading(path, explicit=explicit):
                yield from _jsonl_file(path, locator, spec.fields, taken)
    for name in spec.warc:
        for path, locator, explicit, problem, files in _named(name, spec.globs or WARC_GLOBS, given=bool(spec.globs)):
            if problem:
                yield Item(source=str(path), key=None, locator=locator, explicit=explicit, problem=problem,
                               files=files)
            elif taken.first_reading(path, explicit=explicit):
                yield from _warc_file(path, locator, taken)


def _denied(problem: str) -> bool:
    """Whether a walk's problem is a folder or file the user may not list or read (`targets._walk` says the
    OSError's strerror, EACCES's "Permission denied"): an article lost, an error (newuser39b #2)."""
    return problem.endswith(": " + os.strerror(errno.EACCES)) and not problem.startswith("broken link")


def _stdin_item(stdin: IO[bytes] | StdinLines, limit: int) -> Item:
    """stdin as one article, read no further than one byte past `limit` (0: to its end): `cat /dev/zero | scan -`
    read until the machine killed it (newuser30)."""
    data = stdin.read(limit + 1) if limit else stdin.read()
    if limit and len(data) > limit:
        return Item(source="-", key=None, locator="-", explicit=True, problem=str(TooLarge("-", limit)))
    return Item(source="-", key=None, locator="-", data=data, explicit=True, max_bytes=limit)


# A file of the tool's own left out: (its path, what it is: own_files.CACHE, ... or own_files.THIS_RUN)
OwnFile = Callable[[str, str], None]
# A WARC record left out, not a page: (source "crawl.warc.gz#4096", its target URL, kind "HTTP 404", in full
# "HTTP 404 Not Found").
PassedOver = Callable[[str, str, str, str], None]


class _Taker:
    """Decides, before anything is read, whether an item is wanted: in this shard, not done already, and not a file
    this run has taken by another path (its key is the real path, size and time)."""

    def __init__(self, shard: Shard | None, skip: Skip | None, repeated: Callable[[], None] | None = None, *,
                 leave_out: frozenset[str] = frozenset(), passed_over: PassedOver | None = None,
                 met: Callable[[str], object] | None = None, own: Callable[[], None] | None = None,
                 own_file: OwnFile | None = None) -> None:
        self.shard, self.skip, self.repeated, self.leave_out = shard, skip, repeated, leave_out
        self.own = own   # told of each file left out as the run's own output (Census.passed)
        self.own_file = own_file   # told of each, with what it is
        self.passed_over, self.met = passed_over, met
        self.files: set[str] = set()   # keys of the files taken (not of JSON Lines or WARC records: no need)
        self.containers: set[str] = set()   # real paths of the JSON Lines and WARC files read

    def first_reading(self, path: Path, *, explicit: bool = True) -> bool:
        """Whether this run reads a JSON Lines or WARC file for the first time (every shard reads it whole, for
        its records): one named twice, or reached through a folder and by name, was read, and each record scanned,
        twice."""
        try:
            real = _real_path(path, os.lstat(path))
        except OSError:
            return True   # reading it says what is wrong
        # one named is read wherever it is; a --json output or a WARC the tool wrote, found in a folder, is none of
        # the feed's or the crawl's (fix47c, #13)
        if not explicit and (why := own_files.kind_of(path) or (own_files.THIS_RUN if self.left_out(real) else None)):
            if self.own_file is not None:
                self.own_file(str(path), why)
            return False
        if real in self.containers:
            if self.repeated is not None:
                self.repeated()
            return False
        self.containers.add(real)
        return True

    def left_out(self, real: str) -> bool:
        """Whether a file is, or is in, something the run writes: its output file, or a report's folder."""
        return any(real == path or real.startswith(path.rstrip(os.sep) + os.sep) for path in self.leave_out)

    def _own(self, item: Item) -> str | None:
        """What a file a walk found is, when it is the run's output or one the tool wrote (its cache, a summary JSON:
        a later run read it as an article, fix47c #13); None for any other file."""
        mine = self.leave_out and item.key is not None and self.left_out(item.key.rsplit("|", 2)[0])
        what = own_files.kind_of(item.path) if item.path is not None else None
        return what or (own_files.THIS_RUN if mine else None)

    def wants(self, locator: str, key: str | None) -> bool:
        if key is not None and self.met is not None:
            self.met(key)   # every shard meets every key, in the input's order
        if self.shard is not None and not self.shard.takes(locator):
            return False
        return not (key is not None and self.skip is not None and self.skip(key))

    def __call__(self, item: Item) -> Iterator[Item]:
        if item.problem is None and item.path is not None and item.key is not None:
            # A file's key: real path|size|time. One named is read whatever folder it is in.
            if not item.explicit and (why := self._own(item)) is not None:
                if self.own is not None:
                    self.own()
                if self.own_file is not None:
                    self.own_file(item.source, why)
                return
            if item.key in self.files:
                if self.repeated is not None:
                    self.repeated()
                return
            if self.shard is None or self.shard.takes(item.locator):
                self.files.add(item.key)
        if item.problem is not None or self.wants(item.locator, item.key):
            yield item


# -- files and folders ---------------------------------------------------------------------------------------

def _named(name: str, globs: Iterable[str], *, given: bool = True,
           listed: Callable[[int, int], None] | None = None) -> Iterator[tuple[Path, str, bool, str | None, int]]:
    """`_files`, and for a folder named that holds nothing a walk reads (empty, only hidden names: a mistyped path,
    a disk not mounted) a problem of its own, an error: before, one beside other targets went unsaid (#11).
    `listed`: told of each folder's listing (Census.listed)."""
    found = False
    for entry in _files(name, globs, given=given, listed=listed):
        found = True
        yield entry
    if not found:
        if listed is not None:
            listed(1, 1)   # the problem is an input
        yield Path(name), name, True, f"no article in {name} ({NO_ARTICLE_HINT})", 1


# The locator of a folder none of whose files a --glob matched (`Item.unmatched`)
UNMATCHED = "."
# Why a folder may hold no article: what every command says of one (most likely a typo).
NO_ARTICLE_HINT = "an empty folder? check the path, and that its disk is mounted"


def _files(name: str, globs: Iterable[str], *, given: bool = True,
           listed: Callable[[int, int], None] | None = None) -> Iterator[tuple[Path, str, bool, str | None, int]]:
    """(path, locator, named on the command line, problem, files it stands for) for a file, or for every file under a folder in sorted
    order (targets.walk: hidden entries left out, a folder reached twice through symbolic links walked once,
    broken links reported). --glob patterns apply to what a folder holds, not to a file named; a folder whose files
    all fail them is a problem (`given`: the patterns are the user's --glob, not a reader's default)."""
    path = Path(name)
    if not path.is_dir():
        yield path, path.name, True, None, 1
        return
    patterns = tuple(globs)
    matched = left_out = 0
    for entry in walk(path, listed=listed):
        if entry.problem is not None:
            yield entry.path, entry.relative.as_posix(), False, entry.problem, entry.files
        elif not patterns or any(_matches(entry.relative, g) for g in patterns):
            matched += 1
            yield entry.path, entry.relative.as_posix(), False, None, 1
        else:
            left_out += 1
    if left_out and not matched:
        # `scan --glob '*.html' articles/ --warc-input crawls/` read nothing of crawls/ and said nothing.
        names = [repr(g) if given else g for g in patterns]
        said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
        yield path, UNMATCHED, False, (f"nothing in {path} matches {'--glob ' if given else ''}{said} ({left_out:,} "
                                 f"file{'s' * (left_out != 1)} left out){'' if given else '; give --glob'}"), 1


def _matches(relative: PurePath, pattern: str) -> bool:
    """Whether a file's path under its folder ends like `pattern`, where a `**` part stands for any number of
    folders, none included, as in the shell and pathlib's glob: PurePath.match reads it as `*`, one folder, so
    `**/*.html` left out the files at the top of the folder."""
    if "**" not in pattern:
        return relative.match(pattern)
    parts = PurePath(pattern).parts
    return _match_parts(parts if PurePath(pattern).is_absolute() else ("**", *parts), relative.parts)


def _match_parts(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_match_parts(pattern[1:], parts[start:]) for start in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatch(parts[0], pattern[0]) and _match_parts(pattern[1:], parts[1:])


def _file_item(path: Path, locator: str, explicit: bool, *, max_bytes: int | None = None) -> Item:
    """A file's Item, keyed by its real path, size and time (resume). `max_bytes` made with it, not by a
    `dataclasses.replace` after (about 10 us an article, perf30b #14)."""
    try:
        info = os.lstat(path)
        real = _real_path(path, info)
        if stat.S_ISLNK(info.st_mode):
            info = os.stat(path)
    except OSError:
        # No key (it cannot be resumed); reading it says what is wrong, in article.from_path's words.
        return Item(source=str(path), key=None, locator=locator, path=path, explicit=explicit, max_bytes=max_bytes)
    return Item(source=str(path), key=printable(f"{real}|{info.st_size}|{info.st_mtime_ns}"), locator=locator,
                path=path, explicit=explicit, max_bytes=max_bytes, place=printable(real))


def _real_path(path: Path, info: os.stat_result) -> str:
    """The file's path with every link resolved (what Path.resolve() gives): its folder's is resolved once per
    folder, not once per file (a walk of 1,000 files, #14)."""
    if stat.S_ISLNK(info.st_mode):
        return os.path.realpath(path)   # as Path.resolve() is made, less its RuntimeError for a loop (newuser46b #7)
    # Not normalised before resolving: "link/../x" is resolved as the file system reads it.
    return os.path.join(_real_folder(os.path.join(os.getcwd(), os.path.dirname(path))), path.name)


@lru_cache(maxsize=64)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


# -- JSON Lines -----------------------------------------------------------------------------------------------

def _opener(suffix: str) -> Callable[..., Any]:
    """open, or the decompressing open of a .gz, .bz2 or .xz file: imported for such a file only (#14)."""
    if suffix == ".gz":
        import gzip

        return gzip.open
    if suffix == ".bz2":
        import bz2

        return bz2.open
    if suffix == ".xz":
        import lzma

        return lzma.open
    return open


JSONL_IS_INPUT = "(--jsonl reads JSON Lines input, one article a line; --json writes JSON)"


def _jsonl_file(path: Path, locator: str, fields: JsonlFields, taken: _Taker) -> Iterator[Item]:
    opener = _opener(path.suffix.lower())
    try:
        handle = opener(path, "rb")
    except OSError as exc:
        # a user taking --jsonl for the output format ("scan --jsonl out.jsonl page.html", newuser38b #7)
        hint = f" {JSONL_IS_INPUT}" if isinstance(exc, FileNotFoundError) else ""
        yield Item(source=str(path), key=None, locator=locator, explicit=True, problem=cannot_open(path, exc) + hint)
        return
    with handle:
        yield from _jsonl_records(handle, str(path), locator, fields, taken, resumable=True,
                                  key_base=printable(os.path.realpath(path)))


# The longest JSON Lines record read: twice an article's limit, as JSON escapes may double an article's bytes.
JSONL_LINE_LIMIT = 2 * MAX_ARTICLE_BYTES
_SKIP_STEP = 1 << 20   # bytes read at a time of a line too long to keep


def _capped_lines(handle: IO[bytes] | StdinLines) -> Iterator[tuple[bytes, int]]:
    """(line, its length) for each line; a line longer than JSONL_LINE_LIMIT is measured, not kept (its first bytes
    stand for it): read whole, parsed and encoded, a 400 MB record took 1.3 GB, and a file with no line ends (or
    CR ones) is one line. Standard input's lines are read by their own thread, whole."""
    if isinstance(handle, StdinLines):   # its thread keeps no more of a line than the limit, and measures the rest
        yield from ((line, getattr(line, "length", len(line))) for line in handle.capped(JSONL_LINE_LIMIT))
        return
    limit = JSONL_LINE_LIMIT
    while line := handle.readline(limit + 1):
        length, rest = len(line), line
        while length > limit and not rest.endswith(b"\n") and (rest := handle.readline(_SKIP_STEP)):
            length += len(rest)
        yield line, length


def _jsonl_records(handle: IO[bytes] | StdinLines, name: str, locator: str, fields: JsonlFields, taken: _Taker, *,
                   resumable: bool, key_base: str = "") -> Iterator[Item]:
    """One item per non-blank line. Offsets are of the uncompressed stream (a gzipped file's are too)."""
    import lzma   # for its error: an .xz file's damage is found as it is read

    offset, first = 0, True
    try:
        for number, (line, length) in enumerate(_capped_lines(handle), start=1):
            start, offset = offset, offset + length
            if length > JSONL_LINE_LIMIT and not (length == JSONL_LINE_LIMIT + 1 and line.endswith(b"\n")):
                if taken.wants(f"{locator}@{start}", None):
                    hint = " (are its lines ended by CR alone?)" if b"\r" in line.rstrip(CRLF) else ""
                    yield Item(source=f"{name}:{number}", key=None, locator=f"{locator}@{start}", explicit=True,
                               problem=f"cannot read {name}:{number}: a record of {length:,} bytes, more than the "
                                       f"{JSONL_LINE_LIMIT:,}-byte limit of a line{hint}")
                continue
            if not line.strip():
                continue
            if first:
                first, unlike = False, _not_json_lines(line)
                if unlike is not None:   # one error for the file, not one a line (#11: 588 for one HTML page)
                    if taken.wants(f"{locator}@{start}", None):
                        yield Item(source=name, key=None, locator=f"{locator}@{start}", explicit=True,
                                   problem=f"cannot read {name}: it looks like {unlike}, not JSON Lines"
                                           + (" (give it as a SOURCE, without --jsonl)" if unlike == "HTML" else ""))
                    return
            # The offset and a checksum of the record: an edited record is read again, as an edited file is.
            key = f"{key_base}@{start}:{zlib.crc32(line.rstrip(CRLF)):08x}" if resumable else None
            if taken.wants(f"{locator}@{start}", key):
                yield Item(source=f"{name}:{number}", key=key, locator=f"{locator}@{start}", line=line,
                           fields=fields, explicit=True)
    except (OSError, EOFError, zlib.error, lzma.LZMAError) as exc:
        yield Item(source=name, key=None, locator=locator, explicit=True,
                   problem=f"cannot read {name} past byte {offset:,}: {exc}")


def _not_json_lines(line: bytes) -> str | None:
    """What a file whose first record is this line looks like when it is plainly no JSON Lines ("HTML", "binary
    data"), else None: a JSON Lines file with a bad first line still has each line read, and an error each."""
    head = line.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "HTML"
    # Text, unless it looks binary as an article would: a magic number, NUL bytes or many control bytes. One raw
    # control character in a record's string (scraped HTML in a hand-made export) made the whole file "binary data",
    # and every later record was lost (review26b).
    if looks_binary(line) is None:
        return None
    try:
        jsonparse.loads(line)   # JSON in UTF-16 or UTF-32, which json reads: its NULs are no sign of binary data
        return None
    except ValueError:
        return "binary data"


def _field(record: Any, name: str, *, missing: Any = None) -> Any:
    if isinstance(record, dict) and name in record:
        return record[name]   # a field named with dots, as flattened exports name them ("article.body")
    for part in name.split("."):
        if not isinstance(record, dict) or part not in record:
            return missing
        record = record[part]
    return record


_MISSING = object()
# What a JSON reader calls the types json.loads gives.
_JSON_TYPES = {str: "string", int: "number", float: "number", bool: "boolean", list: "list", dict: "object"}
_ARTICLES = {"number": "a", "boolean": "a", "list": "a", "object": "an", "string": "a"}


def _parse_line(item: Item) -> tuple[bytes, str | None, str | None, str | None, tuple[tuple[str, str], ...]]:
    """(article bytes, kind, url, id, unread) from one JSON Lines record; an InputError names the line and the
    field. A URL is text, an id text or a whole number (database ids are; 7 is "7"); any other value of theirs
    is not read, and `unread` says so: ("url", "a number")."""
    fields = item.fields or JsonlFields()
    try:
        record = jsonparse.loads(item.line or b"")
    except ValueError as exc:
        raise InputError(f"cannot read {item.source}: not JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"cannot read {item.source}: a JSON {_JSON_TYPES.get(type(record), 'value')}, not an object")
    kind: str | None
    if fields.html:
        name, kind = fields.html, "html"
    elif fields.text:
        name, kind = fields.text, "text"
    else:
        # A null or blank html with a text beside it is read from the text (it was an error, or an empty article).
        html = record.get("html")
        blank = html is None or (isinstance(html, str) and not html.strip())
        name, kind = ("html", "html") if "html" in record and not (blank and "text" in record) else ("text", None)
    body = _field(record, name, missing=_MISSING)
    if body is _MISSING:
        raise InputError(f"cannot read {item.source}: no field {name!r}; name the field with "
                         f"--html-field or --text-field")
    if not isinstance(body, str):
        what = "null" if body is None else f"{_ARTICLES[_JSON_TYPES[type(body)]]} {_JSON_TYPES[type(body)]}"
        raise InputError(f"cannot read {item.source}: {what} in field {name!r}, not text; name the field with "
                         f"--html-field or --text-field")
    url, record_id = (_field(record, f) if f else None for f in (fields.url or "url", fields.id or "id"))
    id_read = isinstance(record_id, (str, int)) and not isinstance(record_id, bool)
    unread = tuple((key, f"{_ARTICLES[_JSON_TYPES[type(value)]]} {_JSON_TYPES[type(value)]}")
                   for key, value, read in (("url", url, isinstance(url, str)), ("id", record_id, id_read))
                   if value is not None and not read)
    # A lone surrogate (an escape JSON allows) becomes "?": spans index the text these bytes decode to.
    return (body.encode("utf-8", "replace"), kind,
            url if isinstance(url, str) and url else None,
            str(record_id) if id_read and record_id != "" else None, unread)


# -- WARC and ARC -------------------------------------------------------------------------------------------

def _warc_file(path: Path, locator: str, taken: _Taker) -> Iterator[Item]:
    """Each HTML response (2xx) of a WARC or ARC file, as a crawl keeps it (Common Crawl, CC-News, wget). A record
    that cannot be read is one problem item, and the walk goes on at the next record header after it (#13)."""
    key_base = printable(os.path.realpath(path))
    offset = 0
    try:
        opened = path.open("rb")
    except OSError as exc:
        yield Item(source=str(path), key=None, locator=locator, explicit=True, problem=cannot_open(path, exc))
        return
    try:
        with opened as handle:
            if not _looks_like_warc(handle):
                yield Item(source=str(path), key=None, locator=locator, explicit=True,
                           problem=f"cannot read {path}: not a WARC or ARC file (it does not start with WARC/ "
                                   f"or filedesc://)")
                return
            gzipped = handle.read(2) == b"\x1f\x8b"
            cut = _cut_at(path, handle) if gzipped else None
            start: int | None = 0
            while start is not None:
                damage = yield from _warc_records(handle, start, path, locator, key_base, taken, gzipped=gzipped,
                                                  stop_at=cut)
                if damage is None:
                    break
                # Each search begins past every record already read, so nothing is read twice and the walk ends.
                after, bad = damage
                offset = bad if bad is not None else after
                start = _next_record_start(handle, after, gzipped=gzipped)
                if start is not None and start == bad:   # the header that failed: look past it
                    start = _next_record_start(handle, bad + 1, gzipped=gzipped)
                if start is not None and cut is not None and start >= cut:
                    break
            if cut is not None and taken.wants(f"{locator}#{cut}", None):   # one shard says it
                size = handle.seek(0, 2)
                yield Item(source=f"{path}#{cut}", key=None, locator=f"{locator}#{cut}", problem=(
                    f"{path} ends inside a record at offset {cut:,} (the file is cut at byte {size:,}: a crawl or "
                    "run stopped while writing it), left out"))
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        yield Item(source=str(path), key=None, locator=locator, explicit=True,
                   problem=f"cannot read {path} past byte {offset:,}: {_detail(exc)}")


@lru_cache(maxsize=1)
def _quiet_archive_iterator() -> type:
    """warcio's ArchiveIterator without what it writes to stderr itself (the damage is reported as an item
    instead): its warning on a record of the wrong length, and the zlib error of a gzip member that fails after
    its first block, which its reader prints before reading the member as ended."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    from resolver.warc import teach_warcio_decoders

    teach_warcio_decoders(MAX_ARTICLE_BYTES + 1)   # one byte more than an article may hold: it is then refused

    class QuietReader(DecompressingBufferedReader):
        def _decompress(self, data: bytes) -> bytes:
            if not (self.decompressor and data and self.num_block_read):
                return bytes(super()._decompress(data))   # the first block: warcio tells gzip from plain bytes
            try:
                return bytes(self.decompressor.decompress(data))
            except zlib.error:
                return b""   # warcio's own answer (the member ends here), without its line on stderr

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""
        reader: Any

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.reader = QuietReader(self.fh, block_size=self.reader.block_size)

    return QuietArchiveIterator


def _cut_at(path: Path, handle: IO[bytes]) -> int | None:
    """Where the record a gzipped WARC ends inside begins (a crawl, or a shard's run, stopped while writing it), or
    None when it ends with a whole record (resolver.warc's check, from the end: the last record is decompressed).
    Only of a regular file: a pipe read from its end would be read up."""
    import stat

    from resolver.warc import _cut_tail

    return _cut_tail(path) if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) else None


def _warc_records(handle: IO[bytes], start: int, path: Path, locator: str, key_base: str,
                  taken: _Taker, *, gzipped: bool,
                  stop_at: int | None = None) -> Generator[Item, None, tuple[int, int | None] | None]:
    """The items from byte `start` on, up to `stop_at` (where the record the file ends inside begins: said once by
    the caller, archive38: it was said nothing of, counted "not HTML" or failed as a damaged record, by where it was
    cut). Returns None at the end of the file; at damage, where to look for the next record header (just past the
    last record read: a record longer than it says swallows the start of the next one) and where the reading failed
    (None: a damaged record was reported)."""
    from warcio.exceptions import ArchiveLoadFailed

    handle.seek(start)
    # check_digests: a damaged record (a digest that does not match) is reported, not scanned.
    records = _quiet_archive_iterator()(handle, arc2warc=True, check_digests=True)
    last: int | None = None
    try:
        for record in records:
            # The iterator's offset is that of the record just parsed (get_record_offset() would read it first).
            offset = int(records.offset)
            if stop_at is not None and offset >= stop_at:
                return None
            if gzipped and records.reader.decompressor is None:
                # A gzip member that does not inflate: warcio reads it and the rest of the file as plain bytes,
                # finds a record of garbage in them (or none) and ends quietly; the records after it were lost.
                raise ArchiveLoadFailed("a gzip member that does not decompress")
            last = offset
            left_out = _left_out(record)
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            item_locator, key = f"{locator}#{offset}", f"{key_base}#{offset}:{_record_mark(record.rec_headers)}"
            if left_out is not None:
                if left_out[0] and taken.passed_over is not None and taken.wants(item_locator, None):
                    taken.passed_over(f"{path}#{offset}", url, *left_out)   # one shard says so, as for a damaged one
                continue
            if taken.wants(item_locator, key):
                item = _warc_item(record, path, offset, url, key, item_locator)
                yield item
                if item.problem is not None:
                    # Its length may be wrong (it then swallowed the records after it): look again from its start.
                    return offset + 1, None
    except (EOFError, zlib.error, ArchiveLoadFailed, ValueError) as exc:
        bad = int(records.offset)
        if stop_at is not None and bad >= stop_at:
            return None
        if taken.wants(f"{locator}#{bad}", None):   # one shard reports it, as it would have read the record
            yield Item(source=f"{path}#{bad}", key=None, locator=f"{locator}#{bad}", explicit=True,
                       problem=f"cannot read {path}#{bad}: {_detail(exc)}; skipped to the next record")
        return (bad if last is None else last) + 1, bad
    return None


def _record_mark(headers: Any) -> str:
    """What tells a record at an offset from another one there: a checksum of its date, URI, length and digests (a
    WARC made again under its name, restored from another backup or crawled again, holds other records at the
    offsets an interrupted run finished: outfile36, they were taken as done, the key being the offset alone). Not
    its WARC-Record-ID: warcio makes one anew at each reading of an ARC record."""
    fields = ("WARC-Date", "WARC-Target-URI", "Content-Length", "WARC-Block-Digest", "WARC-Payload-Digest")
    return f"{zlib.crc32(chr(10).join(str(headers.get_header(f) or '') for f in fields).encode('utf-8')):08x}"


def _detail(exc: BaseException) -> str:
    """One printable line about what went wrong (warcio quotes the raw bytes it could not read)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if text.startswith("Unknown archive format"):
        return "not a WARC or ARC record"
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 100 else text[:99] + "…"


# A record starts a line: a WARC header, or an ARC record line (URL, IP address, 14-digit date).
_RECORD_HEAD = LazyPattern(rb"(?m)^(?:WARC/1\.[01]\r?\n|[a-z][a-z0-9+.-]*:\S+ [0-9a-fA-F.:]+ \d{14} )")


def _next_record_start(handle: IO[bytes], after: int, *, gzipped: bool) -> int | None:
    """Where the first record header at or after byte `after` begins (for a gzipped file: the first gzip member
    that opens with one), read in blocks so memory stays flat; None when there is none."""
    block, overlap = 1 << 16, 64   # small: a run of damaged records starts a search at each
    position = after
    while True:
        handle.seek(position)
        data = handle.read(block + overlap)
        if not data:
            return None
        if gzipped:
            at = data.find(b"\x1f\x8b\x08")
            while 0 <= at < block:
                if _member_opens_a_record(handle, position + at):
                    return position + at
                at = data.find(b"\x1f\x8b\x08", at + 1)
        else:
            match = _RECORD_HEAD.search(data)
            if match is not None and match.start() < block:
                return position + match.start()
        if len(data) <= block:
            return None
        position += block


def _member_opens_a_record(handle: IO[bytes], at: int) -> bool:
    handle.seek(at)
    try:
        head = zlib.decompressobj(wbits=31).decompress(handle.read(4096), 512)
    except zlib.error:
        return False
    return _RECORD_HEAD.match(head) is not None


def _looks_like_warc(handle: IO[bytes]) -> bool:
    """warcio reads almost any text as an ARC record; a crawl file starts with a WARC or ARC header."""
    head = handle.read(4096)
    handle.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def _left_out(record: Any) -> tuple[str, str] | None:
    """Why a record is not read as an article, (kind, in full): ("HTTP 404", "HTTP 404 Not Found"), ("not HTML",
    "not HTML (image/png)"), ("revisit", ...); ("", "") for a record that holds no response (request, warcinfo,
    metadata); None when it is a page: a successful HTML response, or an HTML resource."""
    if record.rec_type == "revisit":
        return "revisit", "revisit (the page is an earlier record's, not in this one)"
    if record.rec_type not in ("response", "resource"):
        return "", ""
    if record.rec_type == "response":
        if record.http_headers is None:
            return "no HTTP headers", "no HTTP headers"
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            line = "".join(c if c.isprintable() else "?" for c in str(record.http_headers.statusline)[:100])
            return (f"HTTP {status[:10]}", f"HTTP {line}") if status else ("no HTTP status", "no HTTP status")
    why = not_a_page(_content_type(record))
    return ("not HTML", why) if why else None


def _content_type(record: Any) -> str:
    """The type of the page a record holds: its HTTP header's for a response, its own for a resource."""
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return str(headers.get_header("Content-Type") or "")


def _warc_item(record: Any, path: Path, offset: int, url: str, key: str, locator: str) -> Item:
    from resolver.warc import answered_at   # here: a scan of files does not import the WARC module (#14)

    source = f"{path}#{offset}"
    problem = None
    try:
        # content_stream() undoes chunked and gzip transfer encodings, as a browser would.
        data = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
        if len(data) <= MAX_ARTICLE_BYTES:
            while record.raw_stream.read(65536):   # to the record's end, so its length and digest are checked
                pass
            if getattr(record.raw_stream, "limit", 0) > 0:
                problem = f"cannot read {source}: the record is truncated"
            elif record.digest_checker is not None and record.digest_checker.passed is False:
                problem = f"cannot read {source}: the record is damaged (its digest does not match)"
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        problem = f"cannot read {source}: {exc}"
    if problem:
        return Item(source=source, key=None, locator=locator, explicit=True, url=url or None, problem=problem)
    return Item(source=source, key=key, locator=locator, data=data, kind="html", url=url or None,
                charset=charset_of(_content_type(record)), record_id=record.rec_headers.get_header("WARC-Record-ID"),
                warc_date=answered_at(record.rec_headers.get_header("WARC-Date")), truncated=_truncated(record),
                explicit=True)


TRUNCATED_REASON_RE = LazyPattern(r"[A-Za-z0-9_-]{1,40}")


def _truncated(record: Any) -> str | None:
    """Why the crawler cut the record's payload short (WARC 1.1: "length", "time", "disconnect", "unspecified"),
    or None for a whole one. A reason that is no plain word (empty, control characters) is "unspecified": the
    reason is printed in the article's result and table line."""
    reason = record.rec_headers.get_header("WARC-Truncated")
    if reason is None:
        return None
    reason = reason.strip()
    return reason if TRUNCATED_REASON_RE.fullmatch(reason) else "unspecified"


# -- standard input ------------------------------------------------------------------------------------------

class CutLine(bytes):
    """The first bytes of a line too long to keep; `length`: the whole line's."""

    length: int


class _LineBuilder:
    """A line read in pieces, keeping at most `limit` + 1 bytes of it (None: all), and its whole length."""

    def __init__(self, limit: int | None) -> None:
        self.limit, self.kept, self.length, self.cut = limit, 0, 0, False
        self.pieces: list[bytes] = []

    HEAD = 1 << 16   # what is kept of a line once it is known to be too long: what its refusal looks at

    def add(self, piece: bytes) -> None:
        self.length += len(piece)
        if self.cut:
            return
        room = len(piece) if self.limit is None else max(0, self.limit + 1 - self.kept)
        if room:
            self.pieces.append(piece[:room])
            self.kept += min(room, len(piece))
        ended = self.length == self.kept and self.pieces and self.pieces[-1].endswith(b"\n")
        if self.limit is not None and self.kept > self.limit and not (self.kept == self.limit + 1 and ended):
            self.cut = True   # (a line of the limit and its line end is whole: kept as it is)
            head, size = [], 0   # too long: its first bytes stand for it (the pieces, not a copy of them all)
            for kept in self.pieces:
                head.append(kept[:self.HEAD - size])
                size += len(head[-1])
                if size >= self.HEAD:
                    break
            self.pieces, self.kept = head, size

    def take(self) -> bytes:
        kept = b"".join(self.pieces)
        line: bytes = kept
        if self.length > len(kept) or self.limit is not None and self.length > self.limit:
            line = CutLine(kept)
            line.length = self.length
        self.pieces, self.kept, self.length, self.cut = [], 0, 0, False
        return line


class StdinLines:
    """Standard input read a line at a time by a thread of its own, a few lines ahead: a run with work in flight
    asks whether a whole line is there (`ready`) and never blocks on one still being written. (A run that read its
    stdin itself blocked, in the event loop, every request in flight until a line written in pieces was whole; and
    lines already in the reader's buffer were not seen by a `select` on its file.) Iterate it for the lines, or
    `read()` it whole."""

    QUEUED, QUEUED_BYTES = 64, 1 << 20   # read ahead of the run: a line, or more while they are this few and small

    def __init__(self, stream: IO[bytes]) -> None:
        import threading

        self.stream = stream
        self._lines: deque[bytes] = deque()
        self._bytes = 0
        self._ended = False
        self._error: BaseException | None = None
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._on_change: Callable[[], None] | None = None
        self._limit: int | None = None   # the most of a line kept (`capped`), None: all of it

    def on_change(self, call: Callable[[], None] | None) -> None:
        """Call `call` (from the reading thread) each time a line, or the end, is there to read; None: no more. An
        event loop waiting on work in flight hears of a new line at once (`loop.call_soon_threadsafe`), instead of
        when a piece of that work ends."""
        with self._changed:
            self._on_change = call
            waiting = bool(self._lines) or self._ended
        if call is not None and waiting:
            call()

    def _changed_now(self) -> None:
        call = self._on_change
        if call is not None:
            try:
                call()
            except RuntimeError:   # the loop listening has closed
                pass

    def _start(self) -> None:
        if self._thread is None and not self._ended:
            import threading

            self._thread = threading.Thread(target=self._pump, name="stdin", daemon=True)
            self._thread.start()

    def _pump(self) -> None:
        try:
            for line in self._read_lines():
                with self._changed:
                    while self._lines and (len(self._lines) >= self.QUEUED or self._bytes >= self.QUEUED_BYTES):
                        self._changed.wait()
                    self._lines.append(line)
                    self._bytes += len(line)
                    self._changed.notify_all()
                self._changed_now()
        except Exception as exc:  # noqa: BLE001 - raised in the run's thread, after the lines read before it
            self._error = exc
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()
            self._changed_now()

    def _read_lines(self) -> Iterator[bytes]:
        """The lines, read from the file descriptor itself when there is one: not through `sys.stdin.buffer`, whose
        lock this thread would hold while it waits, and which a worker process forked meanwhile closes as it
        starts (multiprocessing does): the worker would wait for that lock for ever."""
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):   # no descriptor (a test's BytesIO): the stream's own lines
            for whole in self.stream:
                line = _LineBuilder(self._limit)
                line.add(whole)
                yield line.take()
            return
        line = _LineBuilder(self._limit)   # the line being read, in the pieces it came in (a line may be 50 MB)
        while chunk := os.read(fd, 1 << 16):
            start, end = 0, chunk.find(b"\n")
            while end >= 0:
                line.add(chunk[start:end + 1])
                yield line.take()
                start, end = end + 1, chunk.find(b"\n", end + 1)
            if start < len(chunk):
                line.add(chunk[start:])
        if line.length:
            yield line.take()

    def capped(self, limit: int) -> StdinLines:
        """Itself, keeping no more than `limit` + 1 bytes of a line (a JSON Lines record): a longer one comes as its
        first bytes (64 KiB), a `CutLine` whose `length` is the whole line's. Set before it is first read."""
        self._limit = limit
        return self

    def ready(self, patience: float = 0.0) -> bool:
        """Whether a whole line (or the end) is there to read, waiting at most `patience` seconds for one."""
        self._start()
        with self._changed:
            return self._changed.wait_for(lambda: bool(self._lines) or self._ended, timeout=patience)

    def __iter__(self) -> Iterator[bytes]:
        self._start()
        while True:
            with self._changed:
                while not self._lines and not self._ended:
                    self._changed.wait(0.5)   # a timeout: Ctrl-C lands between waits
                if not self._lines:
                    if self._error is not None:
                        raise self._error
                    return
                line = self._lines.popleft()
                self._bytes -= len(line)
                self._changed.notify_all()
            yield line

    def read(self, size: int = -1) -> bytes:
        """All of it (one article on stdin), or at most `size` bytes of it."""
        if self._thread is None:
            self._ended = True   # read here, at once: nothing is left for a thread
            return self.stream.read(size)
        parts, held = [], 0
        for line in self:
            parts.append(line)
            held += len(line)
            if 0 <= size <= held:
                break
        return b"".join(parts)[:size] if size >= 0 else b"".join(parts)


# -- loading -------------------------------------------------------------------------------------------------

def load(item: Item, *, kind: str | None = None, encoding: str | None = None) -> Loaded:
    """Read and decode one item (in whichever process runs it). `kind` given by the user wins over the input's."""
    if item.problem is not None:
        raise InputError(item.problem)
    if item.remote:
        raise InputError(f"cannot read {item.source}: a URL is fetched through the run's client, not loaded")
    url, record_id = item.url, item.record_id
    unread: tuple[tuple[str, str], ...] = ()
    if item.line is not None:
        data, line_kind, url, record_id, unread = _parse_line(item)
        # The text came out of JSON: it is Unicode whatever `encoding` the files were given, and these bytes are
        # its UTF-8 (before, `--encoding latin-1` decoded them again: "José" was scanned as "JosÃ©").
        article = from_bytes(data, item.source, kind=kind or line_kind, encoding="utf-8", given=False,
                             holder="JSON Lines record")
    elif item.path is not None:
        article = from_path(item.path, kind=kind or item.kind, encoding=encoding,
                            max_bytes=MAX_ARTICLE_BYTES if item.max_bytes is None else item.max_bytes)
    else:
        if item.source == "-" and encoding is None:
            refuse_container(item.data or b"", item.source)   # stdin is read as one article: a feed is not one
        article = from_bytes(item.data or b"", item.source, kind=kind or item.kind, encoding=encoding,
                             declared=item.charset, max_bytes=item.max_bytes,
                             holder="WARC record" if item.warc_date is not None or item.record_id is not None else None)
    if _blank(article.text):   # no article: before, one with nothing in it was scanned and recorded (#11)
        raise EmptyInput(f"{item.source}: empty")
    return Loaded(article=article, url=url, record_id=record_id, truncated=item.truncated, warc_date=item.warc_date,
                  unread=unread)


def _blank(text: str) -> bool:
    """Nothing but white space (a byte-order mark aside). `isspace` stops at the first other character: an
    article costs a look at its first one."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return not text or text.isspace()
