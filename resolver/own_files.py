"""Files embed-resolver writes, found by a folder walk: its cache and the cache's -wal, -shm and -journal files, a
`scan --summary-json`, a `scan --json` output and a WARC it wrote. None is an article: a later run read the summary
JSON as an article of 0 embeds and warned of the cache as "an SQLite database, not an article" (fix47c, #13).

Told apart before the file is read, by its name and its first bytes: only a name a database, JSON, JSON Lines or
WARC file may have is opened (an article's `.html` or `.txt` costs nothing), and no more than its first 4 KiB are
read (a JSON Lines file's first line, to 1 MiB)."""

from __future__ import annotations

import os
import re
import zlib

# What each kind is called where a run counts them (`counted`):
# "3 files the tool wrote left out, not articles (1 cache, 1 --summary-json file, 1 WARC)"
CACHE = "cache"
CACHE_SIDE = "cache -wal/-shm/-journal file"
SUMMARY_JSON = "--summary-json file"
JSON_OUTPUT = "--json output file"
WARC = "WARC"
THIS_RUN = "file this run writes"

_PLURAL = {THIS_RUN: "files this run writes"}


# Said of a WARC the tool wrote, left out of a walk: it may hold articles' pages (`archive URL` of an article keeps
# the page's copy there), so it is never said to hold no article, and how to read it is said (review47e).
WARC_READ_WHEN_NAMED = "a WARC it wrote may hold articles' pages, and is read when named"


def said(kinds: dict[str, int]) -> str:
    """What the summary line says, after their count, of the files the tool wrote a walk left out: "files the tool
    wrote left out, not articles (1 cache, 1 --summary-json file, 1 --json output file)"; one of them a WARC, how to
    read it in place of "not articles"."""
    own = sum(kinds.values())
    named = ", ".join(counted(kind, n) for kind, n in sorted(kinds.items(), key=lambda k: (-k[1], k[0])))
    if WARC in kinds:
        return f"file{'s' * (own != 1)} the tool wrote left out ({named}: {WARC_READ_WHEN_NAMED})"
    return f"file{'s' * (own != 1)} the tool wrote left out, not articles ({named})"


def counted(kind: str, n: int) -> str:
    """"1 cache", "2 caches", "3 files this run writes"."""
    return f"{n:,} {kind if n == 1 else _PLURAL.get(kind, kind + 's')}"


SIDE_ENDS = ("-wal", "-shm", "-journal")
PEEKED_ENDS = (".db", ".sqlite", ".sqlite3", ".json", ".jsonl", ".ndjson", ".warc", ".warc.gz", ".arc", ".arc.gz")
MIGRATION_SET = "embed-resolver-cache"   # cache.store.MIGRATION_SET: a cache's rows in _sqlite_migrations say it
SQLITE_HEADER = b"SQLite format 3\x00"
HEAD = 4096
LINE = 1 << 20
_SUMMARY = re.compile(rb'\A\s*\{\s*"this_run"\s*:\s*\{')
_SOFTWARE = re.compile(rb"^software: embed-resolver\b", re.MULTILINE | re.IGNORECASE)


def kind_of(path: str | os.PathLike[str]) -> str | None:
    """Which of the tool's own files this is (CACHE, CACHE_SIDE, SUMMARY_JSON, JSON_OUTPUT, WARC), or None: any
    other file, or one that cannot be read (reading it as an article says what is wrong)."""
    name = os.fspath(path)
    lowered = name.lower()
    if lowered.endswith(SIDE_ENDS):
        base = name[:name.rindex("-")]
        return CACHE_SIDE if os.path.isfile(base) and _head(base).startswith(SQLITE_HEADER) and _is_cache(base) \
            else None
    if not lowered.endswith(PEEKED_ENDS):
        return None
    head = _head(name)
    if head.startswith(SQLITE_HEADER):
        return CACHE if _is_cache(name) else None
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, HEAD)
        except zlib.error:
            return None
    if head.startswith(b"WARC/"):
        # its first record, the warcinfo, names the software that wrote it (warc.WarcWriter)
        headers, _, block = head.partition(b"\r\n\r\n")
        return WARC if b"WARC-Type: warcinfo" in headers and _SOFTWARE.search(block) else None
    if _SUMMARY.match(head):
        return SUMMARY_JSON
    if head.lstrip().startswith(b"{") and _json_output_line(name):
        return JSON_OUTPUT
    return None


def _head(name: str) -> bytes:
    try:
        with open(name, "rb") as file:
            return file.read(HEAD)
    except OSError:
        return b""


def _is_cache(name: str) -> bool:
    """Whether an SQLite file is an embed-resolver cache: its migrations table holds the cache's set. Opened read-only
    and immutable: no lock is taken and no -shm made beside it, whoever has it open."""
    import sqlite3
    from urllib.parse import quote

    try:
        connection = sqlite3.connect(f"file:{quote(os.path.abspath(name))}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        return connection.execute("SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1",
                                  (MIGRATION_SET,)).fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _json_output_line(name: str) -> bool:
    """Whether a file's first line is one `scan --json` writes: an article's (its source, sha256, embeds and credits)
    or an input that failed ({"source", "error"}, perhaps "skipped")."""
    import json

    try:
        with open(name, "rb") as file:
            first = json.loads(file.readline(LINE))
    except (OSError, ValueError):
        return False
    if not isinstance(first, dict):
        return False
    keys = set(first)
    return {"source", "sha256", "embeds", "credits"} <= keys or keys in ({"source", "error"},
                                                                         {"source", "error", "skipped"})
