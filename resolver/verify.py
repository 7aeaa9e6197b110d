"""`cache verify`: the whole database held to its hashes, for the recipient of an exhibit (newuser44b #2).

Every kept body against the sha256 it is kept under; every post observation made from a kept body against that body
read again as the fetch read it (resolver.fetch.reparse), and each post row's words against its observations'; every
WARC record the fetch log cites, at its offset, against its WARC-Record-ID, its own digests and the body the log
keeps. Linear, and streamed: one body, one post, one record at a time (a 300 MB cache is never read whole)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cache.store import unpack_body

if TYPE_CHECKING:
    from cache import Store


# Why an observation may hold other words than its kept body gives read again: an edit, or a reader changed since (the
# version string says nothing of which: every build is 0.1.0), so neither is claimed alone (review45b: "the row was
# changed" was said of a cache an earlier version filled, which `fetch --reparse` exists to read again)
READ_OTHERWISE = ("changed in the database, or kept by an earlier version that read this body otherwise: "
                  "`fetch --reparse` reads every kept body again")


@dataclass
class Verified:
    """What `verify` checked, and each failure as a dict: kind ("body", "post", "warc"), what it names, why."""

    bodies: int = 0
    observations: int = 0
    warc_records: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    # each WARC file read, by its path here: {file (as the fetch log names it), path, beside_database, records, failed}
    warc_files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"bodies": self.bodies, "observations": self.observations, "warc_records": self.warc_records,
                "warc_files": list(self.warc_files.values()), "failed": self.failed}


def verify(store: Store, *, on_failure: Any = None) -> Verified:
    """Check the whole cache; `on_failure(entry)` is called with each failure as it is found."""
    done = Verified()

    def failed(entry: dict[str, Any]) -> None:
        done.failed.append(entry)
        if on_failure is not None:
            on_failure(entry)

    damaged = set()
    for sha256, data in store.conn.execute("SELECT sha256, data FROM bodies"):
        done.bodies += 1
        if (why := unpack_body(sha256, data)[1]) is not None:
            damaged.add(sha256)
            failed({"kind": "body", "body_sha256": sha256, "fetch_ids": store.fetches_of_body(sha256),
                    "why": f"{why}: the database is damaged or altered"})
    for row in _posts(store):
        done.observations += _check_post(store, row, damaged, failed)
    last: dict[Path | None, tuple[tuple[Any, ...], str | None]] = {}
    for entry in _cited_records(store):
        done.warc_records += 1
        key = (entry["warc_file"], entry["warc_offset"], entry["warc_record_id"], entry["body_sha256"])
        here: list[tuple[Path | None, bool]] = [*_files_here(store, entry["warc_file"])] or [(None, False)]
        for path, beside in here:
            before, wrong = last.get(path, ((), None))
            wrong = wrong if key == before else _record_fails(store, entry, path)   # rows of one record: read once
            last[path] = (key, wrong)
            if path is not None:
                read = done.warc_files.get(str(path)) or done.warc_files.setdefault(str(path), {
                    "file": entry["warc_file"], "path": str(path), "beside_database": beside, "records": 0,
                    "failed": 0, "ends_inside_record": _cut_at(path)})
                read["records"] += 1
                read["failed"] += bool(wrong)
            if wrong:
                moved = _moved_to(path, entry) if wrong.endswith(MOVED) else None
                failed({"kind": "warc", "file": entry["warc_file"], "offset": entry["warc_offset"],
                        "record_id": entry["warc_record_id"], "fetch_ids": [entry["id"]], "why": wrong,
                        **({"moved_to": moved} if moved is not None else {})})
    return done


def _files_here(store: Store, recorded: str) -> list[tuple[Path, bool]]:
    """Each file on this machine a fetch-log row's WARC path names, with whether it lies beside the database: the
    file `warc_file_here` finds, and a file of its name beside the database when that is another file (newuser47c
    #1: a database and its WARC copied to a hand-over folder were checked against the original alone, so a damaged
    copy was "all as recorded")."""
    found = store.warc_file_here(recorded)
    if found is None:
        return []
    beside = store.path.parent / Path(recorded).name
    here = [(found, found.parent == beside.parent.absolute())]
    if beside.is_file() and not here[0][1] and not _same_file(found, beside):
        here.append((beside.absolute(), True))
    return here


def _cut_at(path: Path) -> dict[str, int] | None:
    """Where a WARC file ends inside a record (a run stopped while writing it, or the file cut): the offset of the
    bytes after its last whole record and how many, else None (newuser47c #5: `warcio check` failed on such a file,
    and `cache verify` said nothing of it)."""
    from resolver.warc import cut_tail

    try:
        at = cut_tail(path)
        return None if at is None else {"offset": at, "bytes": path.stat().st_size - at}
    except OSError:
        return None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _posts(store: Store) -> Iterator[dict[str, Any]]:
    cursor = store.conn.execute("SELECT * FROM posts ORDER BY id")
    names = [c[0] for c in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def _check_post(store: Store, row: dict[str, Any], damaged: set[str], failed: Any) -> int:
    """Check one post row's observations made from a kept body; how many were checked."""
    from resolver.fetch.reparse import reparse_observation

    checked, texts = 0, set()
    for observation in store.observations(row["id"]):
        if not observation.get("record"):
            continue
        kept = json.loads(observation["record"])
        texts.add(kept.get("text"))   # the row's words are one of its observations'
        fetch = store.fetch(observation["fetch_id"]) if observation.get("fetch_id") else {}
        if not fetch.get("body_sha256") or fetch["body_sha256"] in damaged:
            continue
        again = reparse_observation(row, observation, store)
        if again is None:
            continue
        checked += 1
        if differing := fields_not_read_again(kept, again):
            failed({"kind": "post", "post": f"{row['platform']}/{row['post_id']}",
                    "fetch_ids": [observation["fetch_id"]], "body_sha256": fetch["body_sha256"],
                    "why": (f"the {differing} its observation of fetch #{observation['fetch_id']} keeps "
                            "are not those the fetch's body gives when read again by this version: the row does not "
                            f"match its cited fetch ({READ_OTHERWISE})")})
    if row.get("text") and texts - {None} and row["text"] not in texts:
        failed({"kind": "post", "post": f"{row['platform']}/{row['post_id']}", "fetch_ids": [], "body_sha256": None,
                "why": "the post row's words are none of those its observations keep: the row was changed"})
    return checked


def fields_not_read_again(kept: dict[str, Any], again: Any) -> str | None:
    """The facts a post observation keeps (its words, date, author) that its fetch's body read again does not give,
    named ("text, created_at"); None when they all agree. Only facts the body read again gives are compared."""
    author = kept.get("author") or {}
    pairs = (("text", kept.get("text"), again.text), ("created_at", kept.get("created_at"), again.created_at),
             ("author handle", author.get("handle"), again.author_handle),
             ("author name", author.get("name"), again.author_name))
    differing = [name for name, was, now in pairs if now is not None and was != now]
    return ", ".join(differing) or None


def _cited_records(store: Store) -> Iterator[dict[str, Any]]:
    cursor = store.conn.execute(
        "SELECT id, warc_file, warc_offset, warc_record_id, body_sha256 FROM fetches "
        "WHERE warc_file IS NOT NULL AND warc_offset IS NOT NULL ORDER BY warc_file, warc_offset, id")
    names = [c[0] for c in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def _record_fails(store: Store, entry: dict[str, Any], path: Path | None) -> str | None:
    """Why a fetch-log row's WARC record is not as written in the file at `path` (None: no file found), or None when
    it is."""
    from resolver.provenance import record_check

    if path is None:
        return "the WARC file is not found on this machine (beside the database, or at the path kept): not checked"
    why = record_check(path, entry["warc_offset"], entry["warc_record_id"], entry["body_sha256"], store)
    if why is None:
        if (size := _size(path)) is not None and entry["warc_offset"] >= size:   # newuser47c #6
            return (f"{path} ends at byte {size:,}, before offset {entry['warc_offset']:,} where the fetch log cites "
                    "this record: the file was cut short (or is another, shorter file of that name)")
        if (at := _moved_to(path, entry)) is not None and \
                record_check(path, at, entry["warc_record_id"], entry["body_sha256"], store) == "":
            return (f"{path} holds record {entry['warc_record_id']} at offset {at:,}, not at offset "
                    f"{entry['warc_offset']:,} where the fetch log cites it: {MOVED}")
        return (f"{path} holds no record {entry['warc_record_id'] or ''} at offset {entry['warc_offset']:,} "
                "(another file of that name, or changed since)").replace("record  at", "record at")
    return f"{path}: {why}" if why else None


# A cited record found whole by its WARC-Record-ID at another offset (newuser47c #2: one record edited to longer words
# made every record after it "not at its offset", as if each had been altered)
MOVED = ("the bytes before it changed length since it was written (a record before it edited, added or removed); this "
         "record itself is whole and as written")


def _moved_to(path: Path | None, entry: dict[str, Any]) -> int | None:
    """The offset the file holds a cited record at, found by its WARC-Record-ID, when not the one the log cites."""
    from resolver.warc import record_offsets

    if path is None or not entry["warc_record_id"]:
        return None
    at = record_offsets(path).get(entry["warc_record_id"])
    return at if at is not None and at != entry["warc_offset"] else None
