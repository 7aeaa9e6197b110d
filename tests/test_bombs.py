"""Compression bombs: a body is decoded in bounded steps, so a few KB that expand to a GiB cost no more memory
than the byte cap. Each fetch runs in a child process whose peak RSS is measured (tests/memory.py)."""

from __future__ import annotations

import functools
import gzip
import random
import struct
import zlib

import pytest

from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings
from tests.memory import run_measured

BOMB_BYTES = 1 << 30              # what each bomb decodes to: 1 GiB of zeros
RSS_LIMIT_KB = 200 * 1024         # the peak a child may reach
CHILD = """
import sys
from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings

settings = Settings(allow_private=True, retries=0)
outcome = Session(settings).run(lambda s: fetch(s, sys.argv[1]))
result = {"status": outcome.status, "error_kind": outcome.error_kind, "error": outcome.error}
"""


MIB = b"\0" * (1 << 20)


def _stream(compressor, finish, flush=lambda: b"") -> bytes:
    """What `compressor` writes for the bomb, given a MiB of zeros at a time and `flush()`ed after each MiB: from the
    second MiB on, every MiB comes out as the same bytes (zeros after zeros, from the same state), so two MiB are
    compressed and the second's bytes written again for the rest. Compressing the whole GiB took 0.3-1.3 s of CPU a
    bomb. The third MiB is compressed too, to check that premise."""
    first, second, third = (compressor(MIB) + flush() for _ in range(3))
    assert second == third, "the compressor's output for a MiB of zeros is not yet the same each MiB"
    return first + second * ((BOMB_BYTES >> 20) - 1) + finish()


@functools.cache
def _deflated() -> bytes:
    """The bomb deflated at level 1, with no wrapper, each MiB ended by a full flush (which resets the compressor, so
    each MiB is the same bytes), made once a process (a bomb is read, never changed) and wrapped by `_gzip` in each of
    the three ways a server sends it."""
    c = zlib.compressobj(1, zlib.DEFLATED, -15)
    return _stream(c.compress, c.flush, lambda: c.flush(zlib.Z_FULL_FLUSH))


def _crc32_of_zeros() -> int:
    """zlib.crc32 of the bomb. Over zeros, crc32 maps the value it starts from to M·v ^ k (bits, GF(2)); M and k of
    one MiB are read off zlib.crc32 itself (33 calls), then the map is composed with itself 10 times: 1 GiB. Feeding
    zlib.crc32 the whole GiB took 0.22 s."""
    k = zlib.crc32(MIB)
    columns = [zlib.crc32(MIB, 1 << bit) ^ k for bit in range(32)]

    def apply(v: int, constant: int) -> int:
        for bit in range(32):
            if v >> bit & 1:
                constant ^= columns[bit]
        return constant

    for _ in range((BOMB_BYTES >> 20).bit_length() - 1):     # M(Mv ^ k) ^ k = M²v ^ (Mk ^ k)
        columns, k = [apply(column, 0) for column in columns], apply(k, k)
    return k


@functools.cache
def _gzip(wbits: int) -> bytes:
    """The deflated bomb in one of the three ways a server sends it: gzip's wrapper (31: header, then CRC-32 and
    size), zlib's (15: header 78 01, then Adler-32) or none (-15, raw deflate)."""
    if wbits == -15:
        return _deflated()
    if wbits == 31:
        return (b"\x1f\x8b\x08\0\0\0\0\0\x04\x03" + _deflated()
                + struct.pack("<II", _crc32_of_zeros(), BOMB_BYTES & 0xFFFFFFFF))
    assert wbits == 15, wbits
    # Adler-32 over zeros: its sum a stays 1 and its sum b gains a (1) a byte, both mod 65521.
    return b"\x78\x01" + _deflated() + struct.pack(">I", (BOMB_BYTES % 65521) << 16 | 1)


@functools.cache
def _br() -> bytes:
    brotli = pytest.importorskip("brotli")
    c = brotli.Compressor(quality=5)
    return _stream(c.process, c.finish, c.flush)


@functools.cache
def _zstd() -> bytes:
    zstandard = pytest.importorskip("zstandard")
    c = zstandard.ZstdCompressor(level=3).compressobj()
    return _stream(c.compress, c.flush)


BOMBS = {"br": _br, "gzip": lambda: _gzip(31), "deflate": lambda: _gzip(15), "deflate-raw": lambda: _gzip(-15),
         "zstd": _zstd}
# The tests that take a bomb run in one worker under --dist loadgroup (scripts/test), which makes each bomb once:
# spread over the workers, each worker that ran one made it again (1.3-1.5 s of CPU each for the deflated and br ones).
BOMB_TAKERS = pytest.mark.xdist_group("bombs")


@BOMB_TAKERS
@pytest.mark.parametrize("name", list(BOMBS))
def test_a_compression_bomb_is_a_clean_too_large_error_in_bounded_memory(name, httpserver):
    encoding = "deflate" if name.startswith("deflate") else name
    httpserver.expect_request("/bomb").respond_with_data(
        BOMBS[name](), content_type="text/html", headers={"Content-Encoding": encoding})
    outcome, peak_kb = run_measured(CHILD, httpserver.url_for("/bomb"))
    assert outcome == {"status": None, "error_kind": "too-large", "error": "body larger than 20,000,000 bytes"}
    assert peak_kb < RSS_LIMIT_KB, f"peak RSS {peak_kb // 1024} MB"
    [(request, _)] = httpserver.log
    assert encoding in request.headers["Accept-Encoding"]      # httpx asks for it: the path is really exercised


def _small(name: str, data: bytes) -> bytes:
    if name == "gzip":
        c = zlib.compressobj(6, zlib.DEFLATED, 31)
    elif name == "deflate":
        c = zlib.compressobj(6, zlib.DEFLATED, 15)
    elif name == "deflate-raw":
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
    elif name == "br":
        return pytest.importorskip("brotli").compress(data)
    else:
        return pytest.importorskip("zstandard").ZstdCompressor().compress(data)
    return c.compress(data) + c.flush()


def _get(url: str, **overrides) -> object:
    settings = Settings(allow_private=True, retries=0, **overrides)
    return Session(settings).run(lambda s: fetch(s, url))


@pytest.mark.parametrize("name", list(BOMBS))
def test_encoded_bodies_are_decoded(name, httpserver):
    body = b"<p>" + bytes(range(256)) * 2000 + b"</p>"     # bigger than one decoding step
    encoding = "deflate" if name.startswith("deflate") else name
    httpserver.expect_request("/").respond_with_data(_small(name, body), headers={"Content-Encoding": encoding})
    assert _get(httpserver.url_for("/")).body == body


def test_stacked_encodings_are_undone_in_reverse_order(httpserver):
    body = b"twice encoded " * 1000
    httpserver.expect_request("/").respond_with_data(_small("br", _small("gzip", body)),
                                                     headers={"Content-Encoding": "gzip, br"})
    assert _get(httpserver.url_for("/")).body == body


def test_the_cap_counts_decoded_bytes(httpserver):
    httpserver.expect_request("/").respond_with_data(_small("gzip", b"a" * 50_000),
                                                     headers={"Content-Encoding": "gzip"})
    outcome = _get(httpserver.url_for("/"), max_body_bytes=10_000)
    assert (outcome.error_kind, outcome.error) == ("too-large", "body larger than 10,000 bytes")


def test_a_corrupt_encoded_body_is_a_one_line_error(httpserver):
    httpserver.expect_request("/").respond_with_data(b"\x1f\x8b\x08\x00not really gzip",
                                                     headers={"Content-Encoding": "gzip"})
    outcome = _get(httpserver.url_for("/"))
    assert outcome.status is None and outcome.error_kind == "http"
    assert outcome.error.startswith("DecodingError: ") and "\n" not in outcome.error


WARC_CHILD = """
import io, sys
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter
from resolver.errors import InputError
from resolver.inputs import InputSpec, iter_items, load

with open(sys.argv[1], "wb") as handle:
    writer = WARCWriter(handle, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "br")], protocol="HTTP/1.1")
    bomb = open(sys.argv[2], "rb").read()
    writer.write_record(writer.create_warc_record("https://news.example/bomb", "response", payload=io.BytesIO(bomb),
                                                  http_headers=http, length=len(bomb)))
del bomb
(item,) = iter_items(InputSpec(warc=(sys.argv[1],)))
try:
    load(item)
    result = "loaded"
except InputError as exc:
    result = str(exc)
"""


@BOMB_TAKERS
def test_a_brotli_bomb_in_a_warc_input_is_refused_in_bounded_memory(tmp_path):
    """warcio decodes a br record body a block at a time, each block whole: a few KB of br became a GiB at once.
    A record's body stops at one byte past the article limit, so it is refused as too large."""
    (tmp_path / "bomb.br").write_bytes(BOMBS["br"]())
    outcome, peak_kb = run_measured(WARC_CHILD, str(tmp_path / "bomb.warc.gz"), str(tmp_path / "bomb.br"))
    assert outcome == (f"cannot scan {tmp_path / 'bomb.warc.gz'}#0: 50,000,001 bytes is more than the 50,000,000 "
                       f"byte limit")
    assert peak_kb < RSS_LIMIT_KB, f"peak RSS {peak_kb // 1024} MB"


# -- JSON nested past the parser's depth (#12) ----------------------------------------------------------------------
# A few hundred KB of "[" that json.loads cannot recurse into: RecursionError, which no reader caught (they catch
# ValueError), so one such answer or page ended the whole command with an internal error.
NESTED = b"[" * 100_000


def _parsers():
    from resolver import archive
    from resolver.fetch import oembed, syndication, wayback

    return {
        "syndication": lambda: syndication.parse("1", 200, "application/json", NESTED).reason,
        "oembed": lambda: oembed.parse("youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", 200,
                                       "application/json", NESTED).reason,
        "wayback-capture": lambda: wayback.read("1", 200, "application/json", NESTED).form,
        "wayback-availability": lambda: _raised(archive.parse_availability, NESTED),
        "wayback-cdx": lambda: _raised(archive.parse_cdx, NESTED),
    }


_IDS = ("syndication", "oembed", "wayback-capture", "wayback-availability", "wayback-cdx")


def _raised(parse, body: bytes) -> str:
    try:
        parse(body)
    except ValueError as exc:
        return f"ValueError: {exc}"
    return "no error"


@pytest.mark.parametrize("name, said", [
    ("syndication", "syndication sent malformed JSON: JSON nested too deeply to read"),
    ("oembed", "oEmbed sent malformed JSON: JSON nested too deeply to read"),
    ("wayback-capture", "none"),
    ("wayback-availability", "ValueError: JSON nested too deeply to read"),
    ("wayback-cdx", "ValueError: JSON nested too deeply to read"),
], ids=lambda v: v if v in _IDS else "said")
def test_sec28_json_nested_past_the_parsers_depth_is_malformed_json_to_every_reader(name, said):
    assert _parsers()[name]() == said


DEEP = "[" * 100_000
# Each place a page's JSON is parsed: a JSON-LD ImageObject, a JSON-LD article's images, an image node in script data
# (its credit key found, the object around it parsed), JSON in a data attribute.
NESTED_IN_PAGES = {
    "json-ld-image": f'<script type="application/ld+json">{{"@type": "ImageObject", "x": {DEEP}</script>',
    "json-ld-article": f'<script type="application/ld+json">{{"@type": "NewsArticle", "image": {DEEP}</script>',
    "script-data": f'<script>window.__STATE__ = {{"url": "https://cdn.example/a.jpg", "credit": "Jane Doe/AP", '
                   f'"x": {DEEP}</script>',
    "data-attribute": '<div data-media-meta="{&quot;url&quot;: &quot;https://cdn.example/a.jpg&quot;, &quot;credit'
                      f'&quot;: &quot;Jane Doe/AP&quot;, &quot;x&quot;: {DEEP}"></div>',
}


@pytest.mark.parametrize("where", list(NESTED_IN_PAGES))
def test_sec28_json_in_a_page_nested_past_the_parsers_depth_loses_no_credit_of_the_page(where):
    """Before: the page was an internal error, its embeds and credits lost."""
    from resolver.extract import find_all

    html = (f"<html><body><article>{NESTED_IN_PAGES[where]}<img src=\"/b.jpg\"><figcaption>The bridge at dawn. "
            "(AP Photo/Jane Doe)</figcaption></article></body></html>")
    embeds, credits = find_all(html, "html")
    assert ("Jane Doe", "AP") in [(c.creator, c.organization) for c in credits]


def test_sec28_a_json_lines_record_nested_past_the_parsers_depth_is_that_records_error(tmp_path):
    from resolver.errors import InputError
    from resolver.inputs import InputSpec, iter_items, load

    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"html": ' + NESTED + b'\n{"html": "<p>fine</p>"}\n')
    first, second = iter_items(InputSpec(jsonl=(str(feed),)))
    with pytest.raises(InputError) as refused:
        load(first)
    assert str(refused.value) == f"cannot read {feed}:1: not JSON (JSON nested too deeply to read)"
    assert load(second).article.data == b"<p>fine</p>"


REPLAY_CHILD = """
import sys
from pathlib import Path
from resolver.http import fetch
from resolver.session import Session
from resolver.settings import Settings
from resolver.warc import ReplayIndex

index = ReplayIndex([Path(sys.argv[1])])
outcome = Session(Settings(retries=0), replay=index).run(lambda s: fetch(s, "https://news.example/story"))
result = {"status": outcome.status, "error_kind": outcome.error_kind, "error": outcome.error}
"""


@BOMB_TAKERS
def test_sec28_a_replayed_warc_record_that_decodes_to_a_gib_is_refused_in_bounded_memory(tmp_path):
    """A WARC of about 1 MB (a gzip member holding an answer gzip-encoded: 1 GiB of zeros) given to --replay: the
    index read every record's body whole, decoded, when the file was opened, 2.1 GB for this one, and a file of
    many such records held them all at once (#12). A record's body is read when it is asked for, up to the cap."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bomb = BOMBS["gzip"]()
    warc = tmp_path / "bomb.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/story", "response",
                                                      payload=io.BytesIO(bomb), http_headers=http, length=len(bomb)))
    outcome, peak_kb = run_measured(REPLAY_CHILD, str(warc))
    assert outcome == {"status": None, "error_kind": "too-large", "error": "body larger than 20,000,000 bytes"}
    assert peak_kb < RSS_LIMIT_KB, f"peak RSS {peak_kb // 1024} MB"


@pytest.mark.parametrize("encoding, chunked", [("gzip", False), ("br", False), ("gzip", True), (None, True)],
                         ids=["gzip", "br", "gzip-chunked", "chunked"])
def test_sec28_a_replayed_record_kept_encoded_or_chunked_reads_as_the_page(tmp_path, encoding, chunked):
    """A crawler's WARC keeps an answer as it came, encoded and chunked; replayed, its body is the page, decoded by
    the same bounded reader as a live answer. Before, warcio's decoding kept the Content-Encoding header on a decoded
    body, and the replay failed with a DecodingError."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = b"<p>" + bytes(range(256)) * 1000 + b"</p>"
    payload = _small(encoding, page) if encoding else page
    headers = [("Content-Type", "text/html")] + ([("Content-Encoding", encoding)] if encoding else [])
    if chunked:
        headers.append(("Transfer-Encoding", "chunked"))
        payload = b"".join(b"%x\r\n%s\r\n" % (len(payload[i:i + 5000]), payload[i:i + 5000])
                           for i in range(0, len(payload), 5000)) + b"0\r\n\r\n"
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warc_record(
            "https://news.example/story", "response", payload=io.BytesIO(payload), length=len(payload),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))
    from resolver.warc import ReplayIndex

    outcome = Session(Settings(retries=0), replay=ReplayIndex([warc])).run(
        lambda s: fetch(s, "https://news.example/story"))
    assert (outcome.status, outcome.via, outcome.error) == (200, "warc", None)
    assert outcome.body == page


@pytest.mark.parametrize("name", ["gzip", "deflate", "deflate-raw", "br", "zstd"])
def test_review30n_an_encoded_body_that_ends_before_its_stream_is_an_error_not_the_page(name, httpserver, store):
    """A compressed body cut short (a proxy that stopped, a server closing an HTTP/1.0 answer early) whose length
    still matched: its first bytes were decoded, recorded as the whole answer with their sha256 (a brotli body gave
    b"" and a hash). The end of the stream is how a decoder knows the body is whole."""
    body = b"<p>" + bytes(range(256)) * 200 + b"</p>"
    encoding = "deflate" if name.startswith("deflate") else name
    whole = _small(name, body)
    httpserver.expect_request("/").respond_with_data(whole[:len(whole) // 2], headers={"Content-Encoding": encoding})
    outcome = Session(Settings(allow_private=True, retries=0), store=store).run(
        lambda s: fetch(s, httpserver.url_for("/")))
    assert (outcome.status, outcome.error_kind, outcome.sha256) == (None, "http", None)
    assert outcome.error == f"DecodingError: the body ended before its {encoding} stream did: cut short"
    [row] = store.db["fetches"].rows
    assert (row["error_kind"], row["body_sha256"]) == ("http", None)


def test_review30n_an_empty_body_said_to_be_encoded_is_an_empty_body(httpserver):
    """A redirect or a 204 with Content-Encoding: gzip and no body (servers send them) is no truncated stream."""
    httpserver.expect_request("/").respond_with_data(b"", status=204, headers={"Content-Encoding": "gzip"})
    outcome = _get(httpserver.url_for("/"))
    assert (outcome.status, outcome.error, outcome.body) == (204, None, b"")


@pytest.mark.parametrize("tail", [b"", b"\x00" * 16, b"garbage after the stream\n"], ids=["none", "nul-padding", "garbage"])
def test_review30r2_a_gzip_body_of_several_members_is_read_whole(tail, httpserver):
    """A gzip body may hold several members one after another (RFC 1952 §2.2; `cat a.gz b.gz`, a server compressing
    each flush apart): only the first was decoded and the rest left out silently, the page recorded as whole with its
    hash. Every member is the body, as gzip and Python's gzip module read it; bytes after the last member that start
    no member are ignored, as before."""
    first, second = b"<p>" + bytes(range(256)) * 50 + b"</p>", b"<p>the second half</p>"
    httpserver.expect_request("/").respond_with_data(gzip.compress(first) + gzip.compress(second) + tail,
                                                     headers={"Content-Encoding": "gzip"})
    outcome = _get(httpserver.url_for("/"))
    assert (outcome.status, outcome.error, outcome.body) == (200, None, first + second)


def _zstd_frames() -> tuple[bytes, bytes]:
    """A body as two zstd frames, several blocks each, with their checksums, and a skippable frame between them."""
    zstandard = pytest.importorskip("zstandard")
    noise = random.Random(31).randbytes(150_000)   # raw blocks beside compressed ones, and more than one block
    first, second = noise + bytes(range(256)) * 1200 + b"<p>first</p>", b"<p>" + bytes(range(7, 256)) * 900 + noise
    skippable = (0x184D2A53).to_bytes(4, "little") + (5).to_bytes(4, "little") + b"skip!"
    compressor = zstandard.ZstdCompressor(level=1, write_checksum=True)
    return first + second, compressor.compress(first) + skippable + compressor.compress(second)


def test_servers31_a_zstd_body_of_several_frames_is_read_whole(httpserver):
    body, encoded = _zstd_frames()
    httpserver.expect_request("/").respond_with_data(encoded, headers={"Content-Encoding": "zstd"})
    outcome = _get(httpserver.url_for("/"))
    assert (outcome.status, outcome.error, outcome.body) == (200, None, body)


@pytest.mark.parametrize("cut", [1, 4, 5, 0.25, 0.75, -4, -1])
def test_servers31_a_zstd_body_cut_inside_a_frame_is_cut_short(cut, httpserver):
    """zstandard's writer decodes what came and never says that a frame had not ended (review30n left it): a zstd body
    cut in a header, a block or its checksum was taken as the whole page, hash and all."""
    _, encoded = _zstd_frames()
    cut = int(len(encoded) * cut) if isinstance(cut, float) else cut
    httpserver.expect_request("/").respond_with_data(encoded[:cut], headers={"Content-Encoding": "zstd"})
    outcome = _get(httpserver.url_for("/"))
    assert (outcome.status, outcome.sha256) == (None, None)
    assert outcome.error == "DecodingError: the body ended before its zstd stream did: cut short"


def test_servers31_only_a_zstd_body_that_ends_where_a_frame_ends_is_whole():
    """Every cut point of the body above, read the way _read_capped reads it (in pieces): whole only at a frame's end."""
    from resolver.transport import _ZstdDecoder

    body, encoded = _zstd_frames()
    first_end = encoded.index((0x184D2A53).to_bytes(4, "little"))
    ends = {first_end, first_end + 13, len(encoded)}
    near = [end + step for end in ends for step in range(-12, 13)]
    for cut in sorted({c for c in [*range(1, 40), *range(40, len(encoded), 4099), *near] if 0 < c <= len(encoded)}):
        decoder = _ZstdDecoder(len(body), "https://news.example/")
        for start in range(0, cut, 1000):
            list(decoder.decode(encoded[start:min(start + 1000, cut)]))
        assert decoder.finished == (cut in ends), cut
    for cut in ends:
        decoder = _ZstdDecoder(len(body), "https://news.example/")
        list(decoder.decode(encoded[:cut]))
        assert decoder.finished, cut


def test_servers31_a_refused_body_keeps_the_status_that_came_in_its_row_not_in_the_answer(httpserver, store):
    """A body refused after its header came (past the cap, cut short) was logged with status NULL, as if no answer
    came (fixnu30a). The row now says the status beside why; the outcome still has no status, so nothing takes the
    refused answer for one (no hash, no body size)."""
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000, status=200)
    whole = _small("gzip", b"<p>" + bytes(range(256)) * 200 + b"</p>")
    httpserver.expect_request("/cut").respond_with_data(whole[:len(whole) // 2], status=404,
                                                        headers={"Content-Encoding": "gzip"})
    session = Session(Settings(allow_private=True, retries=0, max_body_bytes=1000), store=store)
    big = session.run(lambda s: fetch(s, httpserver.url_for("/big")))
    cut = Session(Settings(allow_private=True, retries=0), store=store).run(
        lambda s: fetch(s, httpserver.url_for("/cut")))
    assert (big.status, big.refused_status, big.sha256, big.error_kind) == (None, 200, None, "too-large")
    assert (cut.status, cut.refused_status, cut.sha256, cut.error_kind) == (None, 404, None, "http")
    rows = {row["url"].rsplit("/", 1)[1]: row for row in store.db["fetches"].rows}
    assert [(rows[name]["status"], rows[name]["error_kind"], rows[name]["body_sha256"], rows[name]["body_bytes"])
            for name in ("big", "cut")] == [(200, "too-large", None, None), (404, "http", None, None)]
