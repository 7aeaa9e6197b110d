"""Local WARC copies of every exchange of a run, and replay from them.

Writing: request and response records with warcio, gzip per record, WARC-Target-URI the original URL (the
contacted one in WARC-Embed-Resolver-Contacted-URI when an [origins] override was used). Bodies are stored
decoded, so Content-Encoding is dropped and Content-Length set to match: replay tools then read them as they
are; each response record says how its message differs from the one received (REWRITTEN_HEADER). Secrets (Authorization, cookies, API keys) are never written: a credential header (a request's Authorization, a
response's Set-Cookie) is written by name with its value REDACTED, and its record says so (REDACTED_HEADER).

Replay: an index of the response records of one or more WARC files answers requests by method and URL (a
syndication URL whatever its token). Of several records answering one request the one with the latest WARC-Date
answers, and the others that answered otherwise are said beside it (ReplayIndex).

A run's writer and replay index live in its session (resolver.session.Session), never in module state.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import threading
from collections import defaultdict
from collections.abc import Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from resolver.redact import NO_SECRETS, SECRET_HEADERS, Redactor

DROPPED_RESPONSE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
CONTACTED_HEADER = "WARC-Embed-Resolver-Contacted-URI"
# On a response record whose payload is not byte for byte the one received: "body", a configured secret the server
# sent back was redacted out of it (#11). On a request or response record, the credential headers it had
# ("authorization", "set-cookie"), each written with its value REDACTED (newuser35 F9b, review36a). WARC 1.1 lets a writer add named fields of its own (readers ignore those
# they do not know), as CONTACTED_HEADER is; WARC-Block-Digest and WARC-Payload-Digest are of the payload written.
REDACTED_HEADER = "WARC-Embed-Resolver-Redacted"
# On a live response record: how its HTTP message differs from the one received, each rewrite said, "; "-separated
# (newuser44b #5: the decoded body, its Content-Encoding dropped, names lower-cased and a new Content-Length, said
# by nothing in the file). The body is kept decoded, its encoding headers dropped and Content-Length set to it, as
# replay tools read a record whose headers match its payload (HTTrack's and Scoop's WARCs do the same); the HTTP
# client keeps no header name's case, so every live record says so.
REWRITTEN_HEADER = "WARC-Embed-Resolver-Rewritten"
KEPT_PROTOCOLS = ("HTTP/1.1", "HTTP/1.0")   # a status line's protocol written as received; another as HTTP/1.1
NAMES_LOWER_CASED = "header names in lower case (the case received is not kept)"
BODY = "body"   # in REDACTED_HEADER: the payload; any other name in it is a header's, written with its value REDACTED

WARC_VERSION = "1.1"   # the version every record written is headed with (WARC/1.1)
WARC_FORMAT = f"WARC File Format {WARC_VERSION}"   # the warcinfo's `format`, as the WARC 1.1 specification writes it
WARC_CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"


def run_config(settings: Any, redactor: Redactor = NO_SECRETS) -> dict[str, str]:
    """The run's configuration as its warcinfo says it (newuser44b #9): the origins [origins] maps and whether it
    contacts only those, the X methods in order, the TTLs, the User-Agent. Each URL redacted (a password in its user
    part, a secret parameter, any configured secret); the secrets themselves (tokens, keys) are never named."""
    from resolver.settings import user_agent

    origins = "; ".join(f"{redactor.url(str(k))} = {redactor.url(str(v))}" for k, v in sorted(settings.origins.items()))
    return {"embed-resolver-origins": origins or "none (every origin its own)",
            "embed-resolver-only-configured": str(bool(settings.only_configured_origins)).lower(),
            "embed-resolver-x-methods": ", ".join(settings.x_methods),
            "embed-resolver-cache-ttl-days": f"{settings.cache_ttl_days:g}",
            "embed-resolver-error-ttl-days": f"{settings.error_ttl_days:g}",
            "embed-resolver-failure-ttl-minutes": f"{settings.failure_ttl_minutes:g}",
            "http-header-user-agent": redactor.text(user_agent(settings))}


# How a WARC-Profile of an identical-payload-digest revisit ends (WARC 1.0 and 1.1): the only revisit a replay answers
# with the payload it refers to; a server-not-modified one (a 304's head) stands for no payload of its own
IDENTICAL_PAYLOAD = "/revisit/identical-payload-digest"
# The most bytes an encoded record's payload is decoded to, to be hashed against the body its fetch row keeps: past it,
# it is held to nothing (a body that large was past any cap a replay reads under)
DECODED_MOST = 1 << 31
STEP = 64 * 1024   # decoded bytes one brotli call may produce when reading a WARC record
# ReplayedResponse.truncated of a record its file ends inside (a run stopped while appending it): its payload is only
# the start of the answer, as a WARC-Truncated one's is, though no header says so (review36a)
TORN = "torn"


class _BoundedBrotli:
    """warcio's decompressor for `br` record bodies. warcio's own sets `unused_data` on a brotli.Decompressor, which
    takes no attributes since brotli 1.2: the AttributeError ended a --warc-input run. It also decoded each block
    whole, so a few KB became a GiB at once (#12). Here a block is decoded in bounded steps, and no more than
    `limit` bytes in all: the reader then holds more than an article may, and the article is refused as too large."""

    unused_data = None   # what warcio reads to know a member ended (never, for br)

    def __init__(self, limit: int) -> None:
        import brotli

        self._d, self._left = brotli.Decompressor(), limit

    def decompress(self, data: bytes) -> bytes:
        parts = []
        out = self._d.process(data, output_buffer_limit=STEP) if self._left > 0 else b""
        while out and self._left > 0:
            parts.append(out[:self._left])
            self._left -= len(out)
            if self._left > 0:   # output held back past the step comes out on calls with empty input
                out = self._d.process(b"", output_buffer_limit=STEP)
        return b"".join(parts)


def teach_warcio_decoders(limit: int) -> None:
    """Make warcio decode `br` record bodies with _BoundedBrotli (when brotli is installed), and `x-gzip` ones as
    gzip, which HTTP/1.1 says it is (RFC 9110, 8.4.1.3): warcio left them encoded."""
    import importlib.util

    from warcio.bufferedreaders import BufferedReader

    if importlib.util.find_spec("brotli") is not None:
        BufferedReader.DECOMPRESSORS["br"] = lambda: _BoundedBrotli(limit)
    BufferedReader.DECOMPRESSORS["x-gzip"] = BufferedReader.DECOMPRESSORS["gzip"]


@contextmanager
def _appending(file: IO[bytes]) -> Iterator[None]:
    """The file locked against other processes appending (shards whose databases share a folder share its WARC):
    the end of the file is then where the next record goes. Each process's own position said so, and after another
    had appended it named the other's record."""
    try:
        import fcntl
    except ImportError:   # not on POSIX: a record's offset is read at the end of the file, unlocked
        yield
        return
    fcntl.flock(file.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)


GZIP_MEMBER = b"\x1f\x8b\x08"   # how a gzip member (one record, as WarcWriter writes them) begins


def _set_aside_cut_tail(path: Path, file: IO[bytes]) -> tuple[int, Path, int] | None:
    """When the file ends inside a record (a run stopped while appending an exchange), its bytes after the last
    whole record are moved to PATH.cut-at-OFFSET and the file ends at that record: appended after the cut record,
    every record written next was unreadable to a reader of the file in order (`warcio check`, --replay) (review36a).
    Returns (offset, the file they went to, how many bytes), or None when the file ends with a whole record (or is
    no gzip WARC or no regular file, which are not ours to judge)."""
    import stat

    if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
        return None
    offset = _cut_tail(path)
    if offset is None:
        return None
    with open(path, "rb") as stream:
        stream.seek(offset)
        cut = stream.read()
    aside, n = path.with_name(f"{path.name}.cut-at-{offset}"), 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.cut-at-{offset}-{n}")
    aside.write_bytes(cut)
    file.flush()
    os.ftruncate(file.fileno(), offset)
    return offset, aside, len(cut)


def _cut_tail(path: Path) -> int | None:
    """Where the bytes after the file's last whole gzip member begin when it does not end with one, else None. Read
    from the end: the last candidate start of a member (GZIP_MEMBER) that decompresses to a whole member (header,
    deflate stream, CRC and length) ends where the whole records end; a start that is no member's, or one the file
    ends inside, is passed over. A file ending cleanly costs the decompression of its last record."""
    with open(path, "rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        stream.seek(0)
        if size == 0 or stream.read(2) != GZIP_MEMBER[:2]:
            return None
        for start in _member_starts_from_end(stream, size):
            end = _whole_member_end(stream, start)
            if end is not None:
                return None if end == size else end
        return 0


def cut_tail(path: Path) -> int | None:
    """Where the bytes after a gzipped WARC's last whole record begin when it ends inside one, else None."""
    return _cut_tail(path)


def _member_starts_from_end(stream: IO[bytes], size: int) -> Iterator[int]:
    """The offsets where GZIP_MEMBER occurs in the file, last first, read a block at a time."""
    stop, after = size, b""
    while stop > 0:
        begin = max(0, stop - STEP)
        stream.seek(begin)
        block = stream.read(stop - begin) + after[:len(GZIP_MEMBER) - 1]
        found, at = [], block.find(GZIP_MEMBER)
        while at != -1:
            found.append(begin + at)
            at = block.find(GZIP_MEMBER, at + 1)
        yield from reversed(found)
        stop, after = begin, block


def _whole_member_end(stream: IO[bytes], start: int) -> int | None:
    """Where the gzip member beginning at `start` ends, or None when no whole member begins there (no member, or the
    file ends inside it). Output is decompressed a step at a time and dropped."""
    import zlib

    stream.seek(start)
    decompressor, read = zlib.decompressobj(16 + zlib.MAX_WBITS), 0
    while chunk := stream.read(STEP):
        try:
            decompressor.decompress(chunk, STEP)
            while decompressor.unconsumed_tail and not decompressor.eof:
                decompressor.decompress(decompressor.unconsumed_tail, STEP)
        except zlib.error:
            return None
        read += len(chunk)
        if decompressor.eof:
            return start + read - len(decompressor.unused_data)
    return None


def _durable(file: IO[bytes]) -> None:
    """What was written to `file` is on disk: flushed, then fsynced."""
    file.flush()
    os.fsync(file.fileno())


def _durable_folder(folder: Path) -> None:
    """A file made in `folder` is named in it on disk (its folder fsynced), where the system can say so (POSIX)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:   # a folder no process may open (Windows): its entries are kept by the file system itself
        return
    try:
        os.fsync(handle)
    except OSError:   # a file system that cannot sync a folder
        pass
    finally:
        os.close(handle)


class WarcWriter:
    """Appends exchanges to one WARC file; safe to share between tasks and threads."""

    def __init__(self, path: Path, *, software: str, config: Mapping[str, str] | None = None) -> None:
        """`config`: the run's configuration as the warcinfo says it (`run_config`: redacted, never a secret)."""
        from warcio.warcwriter import WARCWriter

        self.path = Path(path)
        # what the fetch log keeps: absolute, so a run from another folder finds the file (archive38: `--db c.db` in
        # one folder kept `archive.warc.gz`, which names another file, or none, from any other)
        self.recorded = str(self.path.absolute())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "ab")
        # WARC/1.1 records, as the warcinfo's `format` says: a WARC-Date here has the fraction of a second its fetch
        # began at, which 1.1 allows and 1.0 (seconds only) does not (newuser35 F9a: every record was headed
        # WARC/1.0 under a warcinfo naming 1.1). A file begun by an older version goes on with 1.1 records.
        self._writer = WARCWriter(self._file, gzip=True, warc_version=WARC_VERSION)
        self._lock = threading.Lock()
        # The whole payloads this writer wrote, by WARC-Payload-Digest: (WARC-Record-ID, WARC-Target-URI,
        # WARC-Date) of the response record holding it. The same payload again (a photo the media step took, then
        # its live copy) is written as a revisit record referring to it (newuser44b #7: two full records a run).
        self._payloads: dict[str, tuple[str, str, str]] = {}
        # (offset, file, bytes) when the file ended inside a record and those bytes were moved to that file
        self.set_aside: tuple[int, Path, int] | None = None
        with _appending(self._file):   # no other process is halfway through appending an exchange
            self.set_aside = _set_aside_cut_tail(self.path, self._file)
            fields = {"software": software, "format": WARC_FORMAT, "conformsTo": WARC_CONFORMS_TO, **(config or {})}
            if self.set_aside is not None:
                # Said in the file itself, where the cut record began: a fetch log row that named a record there (its
                # bytes lost with the machine, after the row was kept) finds this, not another record written there.
                offset, aside, size = self.set_aside
                fields |= {"cut-at": str(offset), "cut-bytes": str(size), "cut-moved-to": aside.name,
                           "cut-reason": "the file ended inside a record (a run stopped while writing it)"}
            new = os.fstat(self._file.fileno()).st_size == 0
            # Each run's own warcinfo, its id on every record the run writes (WARC-Warcinfo-ID): a run appending to
            # a file wrote none, and no record said which run, version or configuration wrote it (newuser44b #9).
            # A new file's is written now; an appending run's with its first exchange (a run that writes none adds
            # nothing to the file).
            self._info: Any = self._writer.create_warcinfo_record(self.path.name, fields)
            self.warcinfo_id: str = self._info.rec_headers.get_header("WARC-Record-ID")
            if new or self.set_aside is not None:
                self._writer.write_record(self._info)
                self._info = None
                _durable(self._file)
            if new:   # the file's name, in its folder: else a power cut could leave records with no file to be in
                _durable_folder(self.path.parent)

    def write_exchange(self, *, method: str, url: str, contacted_url: str, request_headers: Mapping[str, str],
                       status: int, reason: str, response_headers: Iterable[tuple[str, str]], body: bytes,
                       fetched_at: str, redactor: Redactor = NO_SECRETS, truncated: str | None = None,
                       redacted: bool = False, request_body: bytes = b"", durable: bool = True,
                       http_version: str = "HTTP/1.1") -> tuple[str, int, str]:
        """Write a request and its response; returns (file, offset of the response record, its WARC-Record-ID). The
        credential headers of each are written REDACTED and named in its REDACTED_HEADER; URLs (target, request line,
        Location) and other headers are redacted (#11). `truncated`: why the
        body written is only the start of the one received ("length": the byte cap), as WARC-Truncated says it.
        `redacted`: a configured secret was taken out of the body, as REDACTED_HEADER says it. `request_body`: what
        the request sent (a POST's form), written redacted (a form as a URL's query) in the request record.
        `durable=False`: not fsynced here; the caller calls `sync` before it records the row naming the offset.
        `http_version`: the protocol the answer came in, its status line's (HTTP/1.1 for another, HTTP/2, and
        REWRITTEN_HEADER says so, as every other way the message written is not the one received)."""
        from warcio.statusandheaders import StatusAndHeaders

        from urllib.parse import urlsplit

        url, contacted_url = redactor.url(url), redactor.url(contacted_url)
        split = urlsplit(url)
        target = (split.path or "/") + (f"?{split.query}" if split.query else "")
        # A credential header sent is kept by name with its value REDACTED, and the record names it (REDACTED_HEADER):
        # removed, it read as a request made without credentials (newuser35 F9b). Its value is never written.
        request_lines = redactor.headers(list(request_headers.items()))
        credentials = sorted({k.lower() for k in request_headers if k.lower() in SECRET_HEADERS})
        # The body sent, as a response's is kept: its record held none under a Content-Length saying it had one, and
        # what a POST /save submitted to be published was in no record (review36a).
        form = any(k.lower() == "content-type" and "x-www-form-urlencoded" in v.lower()
                   for k, v in request_headers.items())
        sent = (redactor.form(request_body) if form else redactor.body(request_body)) if request_body else b""
        if sent != request_body:
            credentials.insert(0, BODY)
        if sent or any(k.lower() == "content-length" for k in request_headers):
            request_lines = [(k, v) for k, v in request_lines if k.lower() != "content-length"]
            request_lines.append(("Content-Length", str(len(sent))))
        if not any(k.lower() == "host" for k, _ in request_lines):
            request_lines.insert(0, ("Host", split.netloc))
        # A response's too (Set-Cookie): left out, the record read as an answer that set no cookie (review36a).
        kept_response = [(k, v) for k, v in response_headers if k.lower() not in DROPPED_RESPONSE_HEADERS]
        response_lines = redactor.headers(kept_response)
        said = sorted({k.lower() for k, _ in kept_response if k.lower() in SECRET_HEADERS})
        response_lines.append(("Content-Length", str(len(body))))
        rewritten = rewrites(list(response_headers), len(body), http_version)
        warc_headers = {"WARC-Date": fetched_at} if fetched_at else {}   # W3C ISO 8601, fractions allowed (WARC 1.1)
        warc_headers["WARC-Warcinfo-ID"] = self.warcinfo_id
        if contacted_url != url:
            warc_headers[CONTACTED_HEADER] = contacted_url
        def http_head() -> Any:
            return StatusAndHeaders(_status_line(status, reason), list(response_lines),
                                    protocol=http_version if http_version in KEPT_PROTOCOLS else "HTTP/1.1")

        with self._lock:
            response = self._writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), warc_headers_dict=dict(warc_headers),
                http_headers=http_head())
            digest = response.rec_headers.get_header("WARC-Payload-Digest")
            whole = bool(body) and not truncated and bool(digest)   # any status: a redirect's page taken twice too
            earlier = self._payloads.get(digest) if whole else None
            if earlier is not None:
                # WARC 1.1's identical-payload-digest revisit: the answer's head, no payload, the record holding it
                refers_id, refers_url, refers_date = earlier
                response = self._writer.create_revisit_record(url, digest, refers_url, refers_date,
                                                              http_headers=http_head(),
                                                              warc_headers_dict=dict(warc_headers))
                response.rec_headers.add_header("WARC-Refers-To", refers_id)
            elif whole:
                self._payloads[digest] = (response.rec_headers.get_header("WARC-Record-ID"), url,
                                          response.rec_headers.get_header("WARC-Date"))
            request = self._writer.create_warc_record(
                url, "request", payload=io.BytesIO(sent), warc_headers_dict=dict(warc_headers),
                http_headers=StatusAndHeaders(f"{method} {target} HTTP/1.1", request_lines, is_http_request=True))
            request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
            if credentials:
                request.rec_headers.add_header(REDACTED_HEADER, ", ".join(credentials))
            if truncated:
                response.rec_headers.add_header("WARC-Truncated", truncated)
            if redacted or said:   # "body" first: what ReplayIndex reads as a payload a secret was taken out of
                response.rec_headers.add_header(REDACTED_HEADER, ", ".join([BODY] * redacted + said))
            response.rec_headers.add_header(REWRITTEN_HEADER, "; ".join(rewritten))
            # The exchange goes to the file in one write: a kill lands between two writes, and one that cut a
            # record left every record appended after it unreadable in order.
            exchange = io.BytesIO()
            self._writer.out = exchange
            try:
                if self._info is not None:   # this run's warcinfo, ahead of its first exchange in the one write
                    self._writer.write_record(self._info)
                    self._info = None
                start = exchange.tell()
                self._writer.write_record(response)
                self._writer.write_record(request)
            finally:
                self._writer.out = self._file
            with _appending(self._file):
                offset = self._file.seek(0, os.SEEK_END) + start
                self._file.write(exchange.getvalue())
                self._file.flush()
        # On disk before this returns, so before the fetch-log row naming the offset commits (archive38: it was only
        # flushed, and after a power cut the row could name bytes the disk never got). Outside the locks: a sync
        # takes milliseconds, and other writers' exchanges go on meanwhile (the system syncs them together).
        if durable:
            self.sync()
        return self.recorded, offset, response.rec_headers.get_header("WARC-Record-ID")

    def sync(self) -> None:
        """What was written to the file is on disk (fsynced): called on a worker thread by a fetch on the event loop,
        whose other requests go on meanwhile (review39c: each sync held the loop, 14 ms an exchange at load 25, 19% of
        an archive run of 500 posts)."""
        os.fsync(self._file.fileno())

    def holds(self, offset: int, url: str, status: int) -> bool:
        """Whether this file has, at `offset`, the response record of `url` (as written: redacted) with `status`: what
        the fetch log says a live copy wrote there is still there (the file may have been deleted and begun anew,
        or cut short by a crash)."""
        from warcio.archiveiterator import ArchiveIterator

        try:
            with open(self.path, "rb") as stream:
                stream.seek(offset)
                record = next(iter(ArchiveIterator(stream)), None)
        except Exception:  # noqa: BLE001 - no file, or bytes there that are no record: warcio raises several kinds
            return False
        return (record is not None and record.rec_type in ("response", "revisit") and record.http_headers is not None
                and record.rec_headers.get_header("WARC-Target-URI") == url
                and record.http_headers.get_statuscode() == str(status))

    def close(self) -> None:
        self._file.close()


def rewrites(received: list[tuple[str, str]], size: int, http_version: str = "HTTP/1.1") -> list[str]:
    """How a live response record's HTTP message differs from the one received (REWRITTEN_HEADER), one phrase each:
    the body decoded from its Content-Encoding, the Transfer-Encoding undone, the Content-Length written for the body
    kept, the status line's protocol, and always the header names' case."""
    def values(name: str) -> list[str]:
        return [v for k, v in received if k.lower() == name]

    said = [NAMES_LOWER_CASED]
    if values("content-encoding"):
        said.append(f"body decoded from Content-Encoding {', '.join(values('content-encoding'))}, that header "
                    "dropped")
    if values("transfer-encoding"):
        said.append(f"Transfer-Encoding {', '.join(values('transfer-encoding'))} undone, that header dropped")
    lengths = values("content-length")
    if not lengths:
        said.append(f"Content-Length {size} added")
    elif lengths != [str(size)]:
        said.append(f"Content-Length {size} written for the body kept (received: {', '.join(lengths)})")
    if http_version not in KEPT_PROTOCOLS:
        said.append(f"status line written as HTTP/1.1 (received over {http_version})")
    return said


@dataclass(frozen=True)
class ReplayedResponse:
    """A response record's head and where it is; its payload is read when the answer is (`replayed_payload`)."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    file: str
    offset: int
    truncated: str | None = None   # the record's WARC-Truncated: its payload is only the start of the answer
    redacted: bool = False         # the record's REDACTED_HEADER says BODY: a configured secret was taken out of its payload
    warc_date: str | None = None   # the record's WARC-Date: when the source answered, not when it is replayed (#4)
    payload_digest: str | None = None   # the record's WARC-Payload-Digest: two records of one answer share it
    record_id: str | None = None   # the record's WARC-Record-ID: finds it in any copy of the file (replay33)
    contacted: str | None = None   # the record's CONTACTED_HEADER: the server an [origins] override sent it to
    cut_at: int | None = None      # a TORN record's: the byte its file ends at, inside it
    # a revisit record's (identical payload): where the response record holding its payload begins in the same file
    payload_offset: int | None = None


class ReplayIndex:
    """Response records of WARC files by (method, URL). A request that some record answers (anything but a 429 or a
    5xx, which a live run would ask again) gets the one with the latest WARC-Date, every time: the answer as of the
    newest crawl, whatever the order the files were named in or the records written (newuser30b #1: the first named
    answered, and the others were never said). `others` gives the records that answered it otherwise. A request
    only ever answered 429 or 5xx replays those in recorded order, the last one repeating.

    The index holds each record's head and offset, not its payload: a payload is read from the file when its answer
    is, as it was received, a piece at a time, and decoded by the bounded reader every answer goes through (#12:
    every payload was read whole and decoded when the files were opened, so a 2 KB record of an answer encoded
    twice held 2.1 GB, and a file of such records all of them at once)."""

    def __init__(self, paths: Iterable[Path]) -> None:
        from warcio.archiveiterator import ArchiveIterator

        from resolver.article import MAX_ARTICLE_BYTES

        teach_warcio_decoders(MAX_ARTICLE_BYTES + 1)
        self._queues: dict[tuple[str, str], list[ReplayedResponse]] = defaultdict(list)
        self._used: dict[tuple[str, str], int] = defaultdict(int)
        self._lock = threading.Lock()
        self.paths = [Path(p) for p in paths]
        # The oldest time a record says its source answered at (microseconds since the epoch; None: no record says
        # one): a replay's "now" for the age of cached answers (Session._now_us)
        self.answered_from_us: int | None = None
        self.answered_from: str | None = None   # the same, as the cache writes times
        # Each file's sha256, by its path as given: a WARC is its content, whatever path names it (`digest`)
        self.digests: dict[str, str] = {}
        for path in self.paths:
            with open(path, "rb") as stream:
                self.digests[str(path)] = hashlib.file_digest(stream, "sha256").hexdigest()
                stream.seek(0)
                iterator = ArchiveIterator(stream, check_digests=True)
                methods: dict[str, str] = {}
                pending: list[tuple[str, ReplayedResponse]] = []
                # a response record's offset and WARC-Payload-Digest by its WARC-Record-ID: what a revisit refers to
                payloads: dict[str, tuple[int, str | None]] = {}
                ours: set[str] = set()   # the ids of this file's warcinfo records this tool wrote
                first = True
                for record in _readable(iterator, path):
                    kind = record.rec_type
                    if kind == "warcinfo":
                        if b"\nsoftware: embed-resolver/" in b"\n" + record.content_stream().read(1 << 16):
                            ours.add(record.rec_headers.get_header("WARC-Record-ID"))
                            if first:   # a record naming no warcinfo (an earlier version's) is the file's first's
                                ours.add("")
                    first = False
                    if kind == "response" and (record.rec_headers.get_header("WARC-Warcinfo-ID") or "") in ours:
                        _refuse_undigested(record, path, iterator.get_record_offset())
                    if kind == "request":
                        methods[record.rec_headers.get_header("WARC-Concurrent-To") or ""] = (
                            record.http_headers.protocol if record.http_headers else "GET")
                    elif kind == "response" and record.http_headers is not None or kind == "revisit" \
                            and record.http_headers is not None \
                            and (record.rec_headers.get_header("WARC-Profile") or "").endswith(IDENTICAL_PAYLOAD) \
                            and record.rec_headers.get_header("WARC-Refers-To") in payloads:
                        # an identical-payload revisit (one run's second take of a payload) answers with its own
                        # head and the payload of the record it refers to, earlier in the file (newuser44b #7)
                        # read to its end here (the iterator reads it anyway): a record its file ends inside answered
                        # whole, a body the source never sent and its hash (review36a)
                        torn = _ends_inside(record)
                        _refuse_altered(record, path, iterator.get_record_offset())
                        if kind == "revisit":
                            _refuse_unlike(record, path, iterator.get_record_offset(),
                                           payloads[record.rec_headers.get_header("WARC-Refers-To")][1])
                        headers = record.http_headers
                        status_line = headers.get_statuscode() or "0"
                        reason = headers.statusline.split(" ", 1)[1] if " " in headers.statusline else ""
                        replayed = ReplayedResponse(
                            record.rec_headers.get_header("WARC-Target-URI"), int(status_line), reason,
                            list(headers.headers), str(path), iterator.get_record_offset(),
                            TORN if torn else record.rec_headers.get_header("WARC-Truncated"),
                            BODY in _names(record.rec_headers.get_header(REDACTED_HEADER)),
                            record.rec_headers.get_header("WARC-Date"),
                            record.rec_headers.get_header("WARC-Payload-Digest"),
                            record.rec_headers.get_header("WARC-Record-ID"),
                            record.rec_headers.get_header(CONTACTED_HEADER),
                            os.fstat(stream.fileno()).st_size if torn else None,
                            payloads[record.rec_headers.get_header("WARC-Refers-To")][0] if kind == "revisit"
                            else None)
                        if kind == "response":
                            payloads[record.rec_headers.get_header("WARC-Record-ID")] = (
                                iterator.get_record_offset(), record.rec_headers.get_header("WARC-Payload-Digest"))
                        pending.append((record.rec_headers.get_header("WARC-Record-ID"), replayed))
                for record_id, replayed in pending:
                    self._queues[_key(methods.get(record_id, "GET"), replayed.url)].append(replayed)
                    self._answered(replayed.warc_date)

    def _answered(self, warc_date: str | None) -> None:
        from datetime import datetime, timedelta

        when = answered_at(warc_date)
        if when is not None:
            moment = datetime.fromisoformat(when.replace("Z", "+00:00"))
            micros = (moment - datetime(1970, 1, 1, tzinfo=moment.tzinfo)) // timedelta(microseconds=1)
            if self.answered_from_us is None or micros < self.answered_from_us:
                self.answered_from_us, self.answered_from = micros, when

    @property
    def files_digest(self) -> str:
        """The identity of this set of files, whatever their order or paths: the sha256 of their sha256s, sorted (one
        file: its own). Kept on a request none of them holds, so a replay of the same files takes that miss as
        theirs, and one of other files asks again (replay30 2e)."""
        digests = sorted(set(self.digests.values()))
        return digests[0] if len(digests) == 1 else hashlib.sha256("\n".join(digests).encode()).hexdigest()

    def digest(self, path: str | None) -> str | None:
        """The sha256 of one of the files, as a record's `file` names it (replay30: the same WARC given by another
        path, a symlink or a copy was taken for another, and every answer asked of it again)."""
        return self.digests.get(path) if path is not None else None

    def _held(self, method: str, url: str) -> tuple[str, str]:
        """The key the files hold this request under: its own, else for a CDX prefix query the same query as earlier
        versions sent it (cache.store.COLLAPSED_CDX), whose answer is what the WARC recorded of that lookup
        (archive38: a WARC written before answered no lookup of a post)."""
        from cache.store import COLLAPSED_CDX

        key = _key(method, url)
        if key in self._queues or "matchType=prefix" not in url or url.endswith(COLLAPSED_CDX):
            return key
        former = _key(method, url + COLLAPSED_CDX)
        return former if former in self._queues else key

    def answers(self, method: str, url: str) -> bool:
        """Whether the WARC files hold a response to this request (`take` would give one), taking none."""
        with self._lock:
            return bool(self._queues.get(self._held(method, url)))

    def take(self, method: str, url: str) -> ReplayedResponse | None:
        """The response for this request (the newest answer; see the class), or None when the WARC files never saw
        it."""
        with self._lock:
            key = self._held(method, url)
            queue = self._queues.get(key)
            if not queue:
                return None
            answers = [r for r in queue if not _asked_again(r.status)]
            # a record its file ends inside is only the start of its answer: a whole one of the request answers
            # before it, whatever their times (archive38: the newest, cut, failed the request, a whole one unread)
            answers = [r for r in answers if r.truncated != TORN] or answers
            if answers:   # stable: of records of one time (or none), the first recorded
                return max(answers, key=lambda r: answered_at(r.warc_date) or "")
            index = min(self._used[key], len(queue) - 1)
            self._used[key] += 1
            return queue[index]

    def others(self, method: str, found: ReplayedResponse) -> tuple[ReplayedResponse, ...]:
        """The answers recorded for `found`'s request other than it whose status or payload differs from it: what
        a report says beside the answer taken, so the reader sees that the WARCs disagree."""
        queue = self._queues.get(_key(method, found.url), [])
        return tuple(r for r in queue if r is not found and not _asked_again(r.status)
                     and (r.status, r.payload_digest) != (found.status, found.payload_digest or object()))

    def __len__(self) -> int:
        return sum(len(q) for q in self._queues.values())


def _status_line(status: int, reason: str) -> str:
    """A response record's status line: the reason as sent, else the status's own phrase, else none ("404 OK" was
    written for a 404 sent with no reason: review36a)."""
    from http import HTTPStatus

    if not reason:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            return str(status)
    return f"{status} {reason}"


def _readable(iterator: Any, path: Path) -> Iterator[Any]:
    """The records of a file in order; where none can be read, a ValueError naming the file and the offset in printable
    words (warcio's quotes the line it could not read: raw gzip bytes, written to the terminal)."""
    records = iter(iterator)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises several kinds for bytes that are no record
            words = str(exc).split(",", 1)[0].splitlines()[0] if str(exc) else ""
            why = "".join(c if c.isprintable() else "?" for c in words)[:80] or type(exc).__name__
            raise ValueError(f"{path}: no WARC record can be read at offset {iterator.offset:,} ({why})") from None
        yield record


def _refuse_altered(record: Any, path: Path, offset: int) -> None:
    """A ValueError naming a response record (read to its end) whose WARC-Payload-Digest or WARC-Block-Digest fails:
    its payload was changed after it was written, and a replay would give the changed words as the archived answer
    (newuser44b #1: an edited record was replayed as the capture's text)."""
    if record.digest_checker.passed is False:
        raise ValueError(f"{path}: the response record at offset {offset:,} (WARC-Record-ID "
                         f"{record.rec_headers.get_header('WARC-Record-ID')}, "
                         f"{record.rec_headers.get_header('WARC-Target-URI')}) fails its own digest "
                         f"({'; '.join(record.digest_checker.problems)}): it was changed after it was written, so "
                         "the file is damaged or altered and is not replayed")


def _refuse_undigested(record: Any, path: Path, offset: int) -> None:
    """A ValueError naming a response record this tool wrote that carries no WARC-Payload-Digest or WARC-Block-Digest:
    every one it writes carries both, so its headers were changed, and its payload, which nothing then checks, would be
    replayed as the answer (review45b: a record whose digests were taken out and whose words were edited replayed as
    sound, where one with its digests kept is refused)."""
    missing = [name for name in ("WARC-Block-Digest", "WARC-Payload-Digest") if not record.rec_headers.get_header(name)]
    if missing:
        raise ValueError(f"{path}: the response record at offset {offset:,} (WARC-Record-ID "
                         f"{record.rec_headers.get_header('WARC-Record-ID')}, "
                         f"{record.rec_headers.get_header('WARC-Target-URI')}) carries no {' or '.join(missing)}, "
                         "which every response record embed-resolver writes carries: its headers were changed after "
                         "it was written, so the file is damaged or altered and is not replayed")


def _refuse_unlike(record: Any, path: Path, offset: int, original: str | None) -> None:
    """A ValueError naming a revisit record whose WARC-Payload-Digest is not that of the record its WARC-Refers-To
    names: it would be answered with a payload it does not stand for, and no digest of a revisit is checked by warcio
    (review45b: a revisit edited to refer to another record replayed that record's payload as its answer)."""
    named = record.rec_headers.get_header("WARC-Payload-Digest")
    if not named or not same_digest(named, original):
        raise ValueError(f"{path}: the revisit record at offset {offset:,} (WARC-Record-ID "
                         f"{record.rec_headers.get_header('WARC-Record-ID')}, "
                         f"{record.rec_headers.get_header('WARC-Target-URI')}) names the payload {named or '(none)'}, "
                         f"but the record it refers to ({record.rec_headers.get_header('WARC-Refers-To')}) holds "
                         f"{original or 'none named'}: the file is damaged or altered and is not replayed")


def _names(value: str | None) -> set[str]:
    """The names a REDACTED_HEADER value lists ("body, set-cookie")."""
    return {name.strip().lower() for name in (value or "").split(",") if name.strip()}


def _ends_inside(record: Any) -> bool:
    """Whether the file ends inside this record (read to its end here): fewer bytes follow its head than its
    Content-Length says, as a run stopped while it appended the record leaves it."""
    while record.raw_stream.read(STEP):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


@dataclass(frozen=True)
class RecordRead:
    """A record read whole at an offset, its digests checked by warcio (`ArchiveIterator(check_digests=True)`)."""

    record_id: str | None
    failed: tuple[str, ...]        # warcio's words for each digest that does not match ("payload digest failed ...")
    payload_sha256: str | None     # the sha256 of its payload, decoded when encoded (Content-Encoding, chunked) as a
                                   # replay decodes it; None for a revisit's (none stored) or one not decodable
    payload_digest: str | None = None   # its WARC-Payload-Digest header ("sha1:BASE32"); a revisit's names the
                                        # payload of the record it refers to (it holds none of its own)
    # a revisit record's WARC-Refers-To and WARC-Refers-To-Target-URI: the record holding its payload; None for any
    # other record
    refers_to: tuple[str, str] | None = None
    target_uri: str | None = None    # its WARC-Target-URI and WARC-Date: what a revisit of it names it by
    date: str | None = None
    refers_date: str | None = None   # a revisit's WARC-Refers-To-Date (review46c)
    profile: str | None = None       # a revisit's WARC-Profile


def payload_digest_of(digest: str, body: bytes) -> bool | None:
    """Whether `body` is the payload a WARC-Payload-Digest ("sha1:BASE32", base16 too, as WARC 1.1 allows any RFC
    4648 encoding) names; None when the value cannot be read (no "algorithm:value", an algorithm hashlib lacks)."""
    import base64

    algorithm, _, value = digest.strip().partition(":")
    try:
        made = hashlib.new(algorithm.strip().lower().replace("-", ""), body).digest()
    except (ValueError, TypeError):
        return None
    value = value.strip()
    if not value:
        return None
    return value.upper() in (base64.b32encode(made).decode(), made.hex().upper()) \
        or value == base64.b64encode(made).decode()


def same_digest(one: str | None, other: str | None) -> bool:
    """Whether two WARC digests ("sha1:BASE32") name one hash: the same algorithm and value, each value read in base32,
    base16 or base64 as WARC 1.1 allows (a crawler may write a revisit's in another encoding than its original's).
    Two missing or unreadable ones are the same only when written alike."""
    import base64
    import binascii

    def read(digest: str) -> tuple[str, bytes] | None:
        algorithm, _, value = digest.strip().partition(":")
        value = value.strip()
        for decode in (lambda v: base64.b32decode(v.upper()), lambda v: bytes.fromhex(v),
                       lambda v: base64.b64decode(v, validate=True)):
            try:
                return algorithm.strip().lower().replace("-", ""), decode(value)
            except (ValueError, binascii.Error):
                continue
        return None

    if one == other:
        return True
    if not one or not other:
        return False
    read_one, read_other = read(one), read(other)
    return read_one is not None and read_one == read_other


def record_offsets(path: Path) -> Mapping[str, int]:
    """Where each record of the file begins, by its WARC-Record-ID (the first of an id), read once per file as it is
    now (its size and time of change): what a revisit refers to, when no fetch-log row cites that record (review46c).
    A file that cannot be read, or ends in bytes that are no record, gives the records before them."""
    try:
        stat = path.stat()
    except OSError:
        return {}
    return _record_offsets(str(path), stat.st_size, stat.st_mtime_ns)   # (not to be changed: it is kept)


@functools.lru_cache(maxsize=8)
def _record_offsets(path: str, size: int, changed: int) -> dict[str, int]:
    from warcio.archiveiterator import ArchiveIterator

    found: dict[str, int] = {}
    try:
        with open(path, "rb") as stream:
            iterator = ArchiveIterator(stream)
            for record in iterator:
                found.setdefault(str(record.rec_headers.get_header("WARC-Record-ID") or ""), iterator.get_record_offset())
    except Exception:  # noqa: BLE001 - bytes that are no record: warcio raises several kinds
        pass
    found.pop("", None)
    return found


def _decoded_sha256(stream: IO[bytes], offset: int) -> str | None:
    """The sha256 of the payload of the record at `offset` as a replay reads it: de-chunked as `replayed_payload`
    gives it, and its Content-Encoding undone by the bounded decoders every answer is read with: the body a replayed
    answer's row keeps the hash of. An encoded record was held to nothing, and one whose words were edited, gzipped,
    given `Content-Encoding: gzip` and its digests made again passed `cache verify` (review46c). None when it cannot be
    decoded, ends inside its encoding, or decodes past DECODED_MOST bytes."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import ChunkedDataReader

    from resolver.transport import _decode, _decoders, _whole

    try:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        payload, headers = record.raw_stream, record.http_headers
        if headers.get_header("transfer-encoding") == "chunked":
            payload = ChunkedDataReader(payload)
        decoders = _decoders(headers.get_header("content-encoding") or "", limit=DECODED_MOST,
                             url=str(record.rec_headers.get_header("WARC-Target-URI")))
        digest, size, wire = hashlib.sha256(), 0, 0
        while raw := payload.read(STEP):
            wire += len(raw)
            for piece in _decode(decoders, raw):
                size += len(piece)
                if size > DECODED_MOST:
                    return None
                digest.update(piece)
        _whole(decoders, wire)
        return digest.hexdigest()
    except Exception:  # noqa: BLE001 - a payload that is not what its encoding says: the decoders raise several kinds
        return None


def read_record(path: Path, offset: int) -> RecordRead | None:
    """The record that begins at `offset` of the file, read to its end with its WARC-Payload-Digest and
    WARC-Block-Digest checked, or None when none does (no file, bytes there that are no record). A record whose
    payload was changed after it was written, its headers kept, reads as one (newuser44b #1): its digests say so."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream, check_digests=True)), None)
            if record is None:
                return None
            headers = record.http_headers
            encoded = headers is not None and any(
                (headers.get_header(name) or "identity").strip().lower() != "identity"
                for name in ("content-encoding", "transfer-encoding"))
            digest = hashlib.sha256()
            while piece := record.raw_stream.read(STEP):
                digest.update(piece)
            checker = record.digest_checker
            revisit = record.rec_type == "revisit"
            sha256 = None if revisit else _decoded_sha256(stream, offset) if encoded else digest.hexdigest()
            return RecordRead(str(record.rec_headers.get_header("WARC-Record-ID") or "") or None,
                              tuple(checker.problems) if checker.passed is False else (),
                              sha256,
                              record.rec_headers.get_header("WARC-Payload-Digest"),
                              (record.rec_headers.get_header("WARC-Refers-To") or "",
                               record.rec_headers.get_header("WARC-Refers-To-Target-URI") or "") if revisit else None,
                              record.rec_headers.get_header("WARC-Target-URI"), record.rec_headers.get_header("WARC-Date"),
                              record.rec_headers.get_header("WARC-Refers-To-Date") if revisit else None,
                              record.rec_headers.get_header("WARC-Profile") if revisit else None)
    except Exception:  # noqa: BLE001 - no file, or bytes there that are no record: warcio raises several kinds
        return None


def cut_record(url: str, truncated: str, file: str | None, offset: int | None = None,
               cut_at: int | None = None) -> str:
    """What a replayed record holding only the start of its answer is: cut by its writer (WARC-Truncated), or by
    the end of its file (where the record begins, and the byte the file ends at, when known)."""
    if truncated == TORN:
        where = f"cut at byte {cut_at:,}" if cut_at is not None else "cut short"
        begins = f", the record beginning at offset {offset:,}" if offset is not None else ""
        return (f"the WARC record of {url} is {where}: {file} ends inside it{begins} (a run stopped while writing "
                "it), so its body is only the start of the answer, and the files hold no whole record of it")
    return f"the WARC record of {url} kept only the start of its body (WARC-Truncated: {truncated})"


def _asked_again(status: int) -> bool:
    """A status a live run asks again after (resolver.http retries 429 and 5xx): no answer about what was asked."""
    return status == 429 or status >= 500


def _key(method: str, url: str) -> tuple[str, str]:
    """What a record answers by, and a request is looked up by: its method and its URL in the form that names one
    answer (resolver.fetch.syndication.replay_key: a syndication URL whatever its token)."""
    from resolver.fetch.syndication import replay_key

    return method.upper(), replay_key(url)


def answered_at(warc_date: str | None) -> str | None:
    """A record's WARC-Date as the cache writes times ("2023-03-01T10:00:00Z" -> "2023-03-01T10:00:00.000000Z"),
    or None when it has none that reads as a UTC time."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat((warc_date or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:   # WARC-Date is UTC by definition
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def not_in_warcs(paths: Iterable[Path]) -> str:
    """What a request none of the replayed WARC files holds is: named as such, with the files."""
    return f"not in the replayed WARC files ({', '.join(str(p) for p in paths)})"


def no_answer_in_warcs(paths: Iterable[Path]) -> str:
    """Why a request the replayed WARC files do not hold has no time: there was no answer at all (newuser30b #4: it
    was recorded as a live fetch at the replay's time, and a report cited that time as the source's)."""
    return f"{not_in_warcs(paths)}{NO_ANSWER_IN_WARCS}"


NO_ANSWER_IN_WARCS = ": no answer, so no time of the source's"


def not_in_the_warcs(why: str | None) -> bool:
    """Whether an answer's `answered_at_unknown` is `no_answer_in_warcs`'s: the replayed files did not hold the request,
    so there is no answer at all, which a report counts apart from those it used (newuser38a F8)."""
    return why is not None and why.startswith("not in the replayed WARC files (") and why.endswith(NO_ANSWER_IN_WARCS)


UNKNOWN_ANSWER_TIME = "when the source gave this answer is not known"


def answer_time_unknown(warc_date: str | None) -> str:
    """Why a replayed record whose WARC-Date `answered_at` cannot read gives no time for its answer: the replay's own
    time is no time the source answered at (replay29: it was recorded, and reported, as one)."""
    said = (warc_date or "").strip()
    record = (f"the replayed WARC record's WARC-Date {said!r} is not a time" if said
              else "the replayed WARC record has no WARC-Date")
    return f"{record}: {UNKNOWN_ANSWER_TIME}"


def replayed_payload(found: ReplayedResponse) -> Generator[bytes, None, None]:
    """A replayed record's payload as it was received, de-chunked, in pieces of at most STEP bytes read from its file
    as they are asked for. Its Content-Encoding is left as it is, for the reader of the answer to decode in bounded
    steps under its caps, as it does a live answer's."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import ChunkedDataReader

    with open(found.file, "rb") as stream:
        stream.seek(found.offset if found.payload_offset is None else found.payload_offset)
        record = next(iter(ArchiveIterator(stream)))
        payload = record.raw_stream
        if record.http_headers is not None and record.http_headers.get_header("transfer-encoding") == "chunked":
            payload = ChunkedDataReader(payload)   # as warcio's content_stream de-chunks it, without decoding
        while piece := payload.read(STEP):
            yield piece


def check(path: Path) -> tuple[bool, str]:
    """warcio's own checker over a file: (passed, what it printed)."""
    import contextlib
    from types import SimpleNamespace

    from warcio.checker import Checker

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = Checker(SimpleNamespace(inputs=[str(path)], verbose=False)).process_all()
    return code == 0, output.getvalue()
