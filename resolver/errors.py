"""The errors embed-resolver raises, all one-line messages a user can act on.

EmbedResolverError
  InputError        the file, URL or option given cannot be used
    CannotOpen      a file that could not be opened; an OSError too (NoSuchFile a FileNotFoundError,
                    IsADirectory an IsADirectoryError, NoPermission a PermissionError), .errno, .filename
    UsageError      options that contradict each other (the CLI exits 2)
    DiskFull        a file the run writes could not grow: its disk (or a size limit) is full (the CLI exits 7)
    NotDecodable    an article's bytes are not valid in the encoding given (an error even in a folder walk)
    EmptyInput      a file or record with nothing in it (no bytes, or only white space): skipped, never an article
  SessionBusy       a Session asked to run a job while it runs another (also a RuntimeError)
  ConfigError       the configuration file or an environment setting is invalid
    InvalidSetting  a Settings(...) made in code holds a value a config file could not (also a ValueError)
    UnsafeSecret    a secret too short to redact (the CLI exits 2: it refuses to run with it)
  FetchError        .url;  a request did not give us what we asked for
    UnsafeTarget    the SSRF guard refused a host or an address
      NotMapped     [origins] only_configured refused an origin [origins] does not map
    BodyTooLarge    a body passed max_body_bytes, or the deadline passed

Warnings: BudgetNotKept (a RuntimeWarning), the article budget cannot be enforced in the thread a run reads in.

Fetches and resolutions report what went wrong as values ("<kind>: <message>"), not exceptions: a run over
thousands of links records each failure and goes on. The cache raises cache.CacheError (it imports nothing
from here).
"""

from __future__ import annotations

import errno
from typing import Any


class EmbedResolverError(Exception):
    """Base of every error this package raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as made, whatever the subclass's constructor takes: a worker process hands an item's failure
        back pickled, and Exception's way calls the class with the message alone, which `TooLarge(source, limit,
        size)` refused: the skip became "internal error: WorkerError" with --workers 2 (newuser31b #4)."""
        return _rebuilt, (type(self), self.args, self.__dict__)


def _rebuilt(cls: type[EmbedResolverError], args: tuple[Any, ...], state: dict[str, Any]) -> EmbedResolverError:
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class InputError(EmbedResolverError):
    """The file, URL or option given cannot be used."""


class CannotOpen(InputError, OSError):
    """A file that could not be opened: an InputError saying the one line a user reads ("cannot read PATH: no such
    file"), and the OSError the open raised, with its errno and file name, so `except FileNotFoundError` or `except
    OSError` around a library call catches it as it would the open's own (newuser33b #10: only InputError before)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its errno and file name (OSError keeps them outside __dict__)."""
        return _reopened, (type(self), self.args, self.errno, self.filename)


class NoSuchFile(CannotOpen, FileNotFoundError):
    """A file that is not there."""


class IsADirectory(CannotOpen, IsADirectoryError):
    """A folder where a file was wanted."""


class NoPermission(CannotOpen, PermissionError):
    """A file the user may not read."""


def cannot_open_error(message: str, exc: OSError, path: Any = None) -> CannotOpen:
    """The CannotOpen (of the kind `exc` is) saying `message`, with `exc`'s errno and file name (else `path`'s: a
    read of an open folder names none)."""
    kind = next((ours for theirs, ours in ((FileNotFoundError, NoSuchFile), (IsADirectoryError, IsADirectory),
                                           (PermissionError, NoPermission)) if isinstance(exc, theirs)), CannotOpen)
    return _reopened(kind, (message,), exc.errno, exc.filename if exc.filename is not None else path)


def _reopened(cls: type[CannotOpen], args: tuple[Any, ...], errno: int | None, filename: Any) -> CannotOpen:
    error = cls(*args)
    error.errno, error.filename = errno, filename
    return error


class UsageError(InputError):
    """Options that cannot be used together, such as --offline with --refresh."""


class NotDecodable(InputError):
    """An article (text, not binary data) whose bytes the encoding the user gave cannot decode: it could not be
    read as asked. Unlike a file that is no article, it is an error when a folder walk found it too."""


class EmptyInput(InputError):
    """A file or a record with nothing in it (no bytes, or only white space): skipped with a warning, named or not.
    It was scanned as an article with nothing in it, and recorded in the cache as one."""


class SessionBusy(EmbedResolverError, RuntimeError):
    """A `Session` asked to run a job (`pipeline.run`, `Session.run`) while it runs another, in another thread or
    from inside that job: refused at once. A session's state (its client, its loop, the cache-only flag of a step run
    outside the loop) is one job's; shared by a web app's request threads it gave live posts as "not_found", "attached
    to a different loop" errors and hangs (newuser43b #2). One session per job, per thread; sessions may share a
    Store."""


class BudgetNotKept(RuntimeWarning):
    """A warning: a run's articles are read off the main thread (a web app's request thread, a thread pool, the
    worker thread of a run called where a loop runs), where `[scan] article_budget` cannot be enforced (Python's timer
    signal reaches the main thread only), so a page that takes long holds its thread as long as it takes (newuser43b
    #5: the same page was an error in the main thread and 4.7 s of work in a pool thread, with no word). Given once
    per calling line; `article_budget = 0` says the caller accepts it, and silences it."""


class ConfigError(EmbedResolverError):
    """The configuration file or an environment setting is invalid."""


class InvalidSetting(ConfigError, ValueError):
    """A `Settings(...)` field given in code that a config file could not hold (a number as a string, an X method
    that is none, an origin with a path): named in the message, as `Settings(timeout=…)`, before anything runs
    (newuser43b #4: `timeout="15"` was "internal error: TypeError" mid-run, `x_methods=("synd",)` a live post said
    not_found). A ValueError too, as Python's own constructors raise for a bad value."""


class UnsafeSecret(ConfigError):
    """A configured secret that cannot be used as given: too short to be found again in free text, so it could not
    be kept out of what is written, or holding a character a request cannot carry (#11): refused before anything
    is read or sent (exit 2, both "check it was pasted whole")."""


class FetchError(EmbedResolverError):
    """A request was made (or refused) and did not give us what we asked for."""

    kind = "fetch"

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


# What the guard says of a host it refused for its addresses: the one refusal `allow_private` lifts (resolver.resolve
# keeps such an answer only for runs that would refuse it again, #12).
NON_PUBLIC = "resolves to non-public address"


class UnsafeTarget(FetchError):
    """The SSRF guard refused the host: it is not public, or not http(s)."""

    kind = "unsafe"


class NotMapped(UnsafeTarget):
    """`[origins] only_configured = true`, and [origins] does not map the request's origin: refused before any name
    lookup or connection. A refusal of this config, not of the URL: never kept as the link's answer."""

    kind = "unmapped"


NOT_MAPPED_WORDS = "its origin is not mapped in [origins]"   # how transport.not_mapped says why, after the URL


def refused_by_config(error: str | None) -> bool:
    """Whether a step's error ("unmapped: refused …") is `NotMapped`'s: not asked, by the user's own config, so no
    failure (an image's, newuser39b #6; an archive lookup's, newuser42a #2)."""
    return bool(error) and str(error).startswith(f"{NotMapped.kind}: ")


# What a step `[origins] only_configured` refused is said as, in every command (newuser43b #9): not checked, by the
# user's own config; no failure (no `error:` line, no exit 1).
NOT_CHECKED = "not checked: refused by [origins]"


def not_checked_words(error: str | None) -> str:
    """"not checked: refused by [origins]: its origin is not mapped in [origins], …; to allow it, add …"."""
    return f"{NOT_CHECKED}: {not_mapped_words(error)}"


def not_mapped_words(error: str | None) -> str:
    """Why `refused_by_config` says a request was not made, without the URL refused: "its origin is not mapped in
    [origins], and …" (the URL of a CDX query is long, and says nothing the reader needs)."""
    said = str(error or "")
    at = said.find(NOT_MAPPED_WORDS)   # a redacted URL may have lost the ": " after it (syndication's token=…)
    return said[at:] if at >= 0 else said.removeprefix(f"{NotMapped.kind}: ").partition(": ")[2] or said


class BodyTooLarge(FetchError):
    """A response body passed the byte cap or the per-fetch deadline. `head`: for the cap, the body's first bytes
    (at most HEAD_BYTES, decoded), read before it was refused; None for the deadline."""

    kind = "too-large"
    head: bytes | None = None


class BodyTooSlow(BodyTooLarge):
    """A response body still arriving at the per-fetch deadline, seen by the body's reader before asyncio's timeout
    around the fetch saw it: the fetch says it as that timeout (`http.fetch`)."""


class DiskFull(InputError):
    """A file the run writes (the output file, the cache) could not grow: the disk holding it is full, or a quota or
    a file-size limit was reached. The run's problem, not one article's: it stops the run (the CLI exits 7, newuser39b
    #1: "internal error" and exit 1, the code of one article that failed)."""


# ENOSPC: no space left; EDQUOT: over quota; EFBIG: over a file-size limit (ulimit -f) or the filesystem's
_FULL = {code for code in (getattr(errno, name, None) for name in ("ENOSPC", "EDQUOT", "EFBIG")) if code is not None}


def disk_full(exc: BaseException) -> bool:
    """Whether `exc` says a file could not grow: an OSError of a full disk, a quota or a size limit, or SQLite's
    "database or disk is full" (SQLITE_FULL)."""
    from cache import CacheFull

    if isinstance(exc, (DiskFull, CacheFull)):
        return True
    if isinstance(exc, OSError):
        return exc.errno in _FULL
    import sqlite3

    return isinstance(exc, sqlite3.Error) and (getattr(exc, "sqlite_errorcode", None) == 13   # SQLITE_FULL
                                               or "database or disk is full" in str(exc))
