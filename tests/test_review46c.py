"""Review of stop 45's review45b (revisit records held to the payload they name; --replay's refusals) and review45d
(quotes matched by fewest edits; a right quote cut with "…") by review46c: each test a wrong answer found."""

import gzip
import json
import re

from tests.test_fixnu44d import warc_members as _members
from tests.test_fixnu44e import archive_with_revisits

PHOTO = b"https://pbs.twimg.com/media/FjRivertonBridge.jpg"
POSTER = b"https://pbs.twimg.com/ext_tw_video_thumb/1600000000000000009/pu/img/RiverPoster.jpg"


def _record(members, kind, uri):
    """The index of the one member holding a `kind` record of WARC-Target-URI `uri`."""
    [index] = [i for i, (_, out) in enumerate(members)
               if b"WARC-Type: " + kind + b"\r\n" in out and b"WARC-Target-URI: " + uri + b"\r\n" in out]
    return index


def _header(out, name):
    return re.search(name + rb": (\S+)\r\n", out).group(1)


def _rewrite(warc, members, index, *swaps):
    """The file with member `index` edited (each (old, new) of one length, so no record after it moves)."""
    out = members[index][1]
    for old, new in swaps:
        assert len(old) == len(new) and old in out
        out = out.replace(old, new)
    warc.write_bytes(b"".join(gzip.compress(out, mtime=0) if i == index else member
                              for i, (member, _) in enumerate(members)))


def _failed_at(world, warc, members, index):
    done = world("cache", "verify", "--json")
    at = sum(len(member) for member, _ in members[:index])
    return done.exit_code, [f for f in json.loads(done.stdout)["failed"] if f["offset"] == at]


def test_cache_verify_names_a_revisit_edited_to_name_another_payload_and_a_record_no_row_cites(fakenet, tmp_path):
    """A revisit whose body the cache does not keep (a photo) was held only to the record its WARC-Refers-To and
    WARC-Refers-To-Target-URI name, found by the fetch log; when no row cited that record, the revisit was "sound"
    (review45b). Its payload digest and reference edited together (to another payload, a record that is not there),
    `cache verify` said nothing, exit 0. The record holding the body is found by the fetch log's rows of that body."""
    world, warc = archive_with_revisits(fakenet, tmp_path)
    members = _members(warc)
    index = _record(members, b"revisit", PHOTO)
    digest, refers = _header(members[index][1], b"WARC-Payload-Digest"), _header(members[index][1], b"WARC-Refers-To")
    _rewrite(warc, members, index, (digest, digest[:5] + b"A" * (len(digest) - 5)),
             (refers, refers[:10] + b"0" * 8 + refers[18:]))
    code, [failed] = _failed_at(world, warc, members, index)
    assert code == 1 and failed["kind"] == "warc", failed
    assert "revisit record" in failed["why"], failed


def test_cache_verify_names_a_revisit_edited_to_refer_to_another_record_that_replay_refuses(fakenet, tmp_path):
    """A revisit whose body the cache keeps was held to that body by the digest it names, and its reference never
    read: one edited to refer to another record (another payload) was "sound" in `cache verify`, exit 0, while
    --replay refuses that very file. Its WARC-Refers-To, -Target-URI and -Date are held to the record it names."""
    import pytest

    from resolver.warc import ReplayIndex

    world, warc = archive_with_revisits(fakenet, tmp_path)
    members = _members(warc)
    cdx = [i for i, (_, out) in enumerate(members) if b"WARC-Type: revisit" in out and b"/cdx/search/cdx?" in out]
    index = cdx[0]
    refers = _header(members[index][1], b"WARC-Refers-To")
    other = _header(members[_record(members, b"response", POSTER)][1], b"WARC-Record-ID")
    _rewrite(warc, members, index, (refers, other))
    with pytest.raises(ValueError, match="the revisit record at offset"):
        ReplayIndex([warc])
    code, [failed] = _failed_at(world, warc, members, index)
    assert code == 1 and "revisit record" in failed["why"], failed
    # its date of the record it refers to edited alone: that record is still found, and the date is not its
    _rewrite(warc, members, index, (b"WARC-Refers-To-Date: 2", b"WARC-Refers-To-Date: 1"))
    code, [failed] = _failed_at(world, warc, members, index)
    assert code == 1 and "WARC-Refers-To-Date" in failed["why"], failed
    # and untouched, every revisit of the run is sound
    warc.write_bytes(b"".join(member for member, _ in members))
    done = world("cache", "verify", "--json")
    assert done.exit_code == 0 and json.loads(done.stdout)["failed"] == [], done.output


def test_cache_verify_names_a_record_edited_with_its_digests_made_again_and_a_content_encoding_added(fakenet, tmp_path):
    """A response record's payload is held to the body whose sha256 the fetch log keeps, but not when its HTTP head
    names a Content-Encoding (a crawler's record kept gzip-encoded): every record this tool writes is decoded. Its
    words edited, gzipped, the head given `Content-Encoding: gzip` and both digests made again, the record passed
    `cache verify` (exit 0) and the report as sound, while a replay of it gives the edited words. An encoded payload is
    now hashed decoded, as a replay reads it."""
    import io

    from warcio.archiveiterator import ArchiveIterator

    from resolver.warc import ReplayIndex, replayed_payload

    world, warc = archive_with_revisits(fakenet, tmp_path)
    members = _members(warc)
    [index] = [i for i, (_, out) in enumerate(members)
               if b"WARC-Type: response" in out and b"cdn.syndication.twimg.com/tweet-result" in out]
    record = next(iter(ArchiveIterator(io.BytesIO(members[index][0]))))
    words = record.content_stream().read()
    edited = words.replace(b"Riverton", b"Rivertown")
    assert edited != words
    _forge_encoded(warc, members, index, record, gzip.compress(edited, mtime=0))
    replayed = ReplayIndex([warc]).take("GET", record.rec_headers.get_header("WARC-Target-URI"))
    # what a replay of it now reads (a crawler's gzip-encoded record reads as the page, README "Replay")
    assert b"Rivertown" in gzip.decompress(b"".join(replayed_payload(replayed)))
    done = world("cache", "verify", "--json")
    at = sum(len(member) for member, _ in members[:index])
    [failed] = [f for f in json.loads(done.stdout)["failed"] if f["offset"] == at]
    assert done.exit_code == 1 and "not the body" in failed["why"], failed
    # bytes that are no gzip stream (a replay cannot read them): not the body either, where they were "sound"
    _forge_encoded(warc, members, index, record, b"\x1f\x8b" + edited)
    done = world("cache", "verify", "--json")
    [failed] = [f for f in json.loads(done.stdout)["failed"] if f["offset"] == at]
    assert done.exit_code == 1 and "does not decode" in failed["why"], failed


def _forge_encoded(warc, members, index, record, packed):
    """The file with record `index` written again by warcio, its payload `packed` under `Content-Encoding: gzip`,
    both digests made for it."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    head = [(k, v) for k, v in record.http_headers.headers if k.lower() != "content-length"]
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    keep = {k: v for k, v in record.rec_headers.headers
            if k not in ("WARC-Payload-Digest", "WARC-Block-Digest", "Content-Length", "Content-Type", "WARC-Type")}
    forged = writer.create_warc_record(
        record.rec_headers.get_header("WARC-Target-URI"), "response", payload=io.BytesIO(packed),
        warc_headers_dict=keep,
        http_headers=StatusAndHeaders(record.http_headers.statusline,
                                      head + [("Content-Encoding", "gzip"), ("Content-Length", str(len(packed)))],
                                      protocol=record.http_headers.protocol))
    writer.write_record(forged)
    warc.write_bytes(b"".join(out.getvalue() if i == index else member for i, (member, _) in enumerate(members)))


def test_a_replayed_crawlers_record_kept_encoded_is_held_to_the_body_read_from_it_not_said_changed(tmp_path, store):
    """The other side of the encoded check: a crawler's record kept as it came (deflate-raw, zstd, brotli, gzip under
    chunks) is hashed decoded as a replay decodes it, and an untouched one is sound, each encoding."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from resolver.http import fetch
    from resolver.session import Session
    from resolver.settings import Settings
    from resolver.verify import verify
    from resolver.warc import ReplayIndex
    from tests.test_bombs import _small

    page = b"<p>" + bytes(range(256)) * 40 + b"</p>"
    warc = tmp_path / "crawl.warc.gz"
    urls = []
    with warc.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, chunked in (("gzip", True), ("deflate-raw", False), ("br", False), ("zstd", False)):
            payload = _small(name, page)
            headers = [("Content-Type", "text/html"), ("Content-Encoding", name.removesuffix("-raw"))]
            if chunked:
                headers.append(("Transfer-Encoding", "chunked"))
                payload = b"%x\r\n%s\r\n0\r\n\r\n" % (len(payload), payload)
            urls.append(f"https://news.example/{name}")
            writer.write_record(writer.create_warc_record(
                urls[-1], "response", payload=io.BytesIO(payload), length=len(payload),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))
    session = Session(Settings(retries=0), store=store, replay=ReplayIndex([warc]))
    for url in urls:
        outcome = session.run(lambda s, url=url: fetch(s, url))
        assert (outcome.status, outcome.via, outcome.body) == (200, "warc", page), url
    done = verify(store)
    assert done.warc_records == 4 and done.failed == [], done.failed
    import hashlib

    from resolver.warc import read_record, record_offsets
    assert {read_record(warc, at).payload_sha256 for at in record_offsets(warc).values()} == {
        hashlib.sha256(page).hexdigest()}   # each held to the page, none to nothing


def test_a_cut_from_a_negation_into_another_sentence_fails_as_denying_what_the_post_does_not():
    """A right quote cut with "…" whose pieces stand whole in the post warns as a partial quote (review45d). One cut
    right after a negation, past the end of its sentence, makes the negation deny the words after the "…", which the
    post does not deny: "I will not … resign" of "I will not stay. I will resign." warned "partial quote", the reverse
    of what the post says passed to an editor as a fair cut. It fails, saying why; a cut inside the negation's sentence,
    or one whose last sentence denies again, does not."""
    from resolver.quotes import CUT_NEGATION_MOVED, compare

    for said, post in (("I will not … resign", "I will not stay. I will resign."),
                       ("“I will not … resign”", "I will not stay silent. Tomorrow I resign today."),
                       ("We never … supported the plan", "We never said that. We always supported the plan."),
                       ("I won't … resign", "I won't stay. I'll resign."),
                       ("He did not … win", "He did not lose! He said: I win.")):
        found = compare(said, post)
        assert found.result == "fail" and CUT_NEGATION_MOVED in found.evidence, (said, found)
    for said, post in (("I will not … resign", "I will not, under any circumstances, resign."),
                       ("I will not … resign", "I will not stay. I will not resign."),
                       ("The mayor did not … approve the budget", "The mayor did not, as the U.S. team did, approve the "
                                                                  "budget."),
                       ("He said no … the plan was approved", "He said no. Then the plan was approved."),
                       ("We will not raise taxes … We will cut fees", "We will not raise taxes. Schools come first. "
                                                                      "We will cut fees.")):
        found = compare(said, post)
        assert found.result != "fail" and CUT_NEGATION_MOVED not in found.evidence, (said, found)


def test_two_long_texts_too_many_edits_apart_are_said_unmatched_not_all_replaced_nor_of_no_word_of_the_post(
        monkeypatch):
    """Past its work budget, the fewest-edits match of a long repeated refrain gives up and leaves the stretch
    unmatched (review45d): a quote made of the post's words in another order was "no word of the post's 599 is in the
    quote", and one with every tenth word changed "599 words replaced by 599", each false as said. Such a comparison
    still fails, saying the words there were not matched word by word. (The budget is made small here: the same
    happens past a million steps, about a second, on texts of thousands of words.)"""
    import random

    from resolver import quotes

    monkeypatch.setattr(quotes, "_EDITS_WORK", 2_000)
    rng = random.Random(3)
    refrain = "we shall overcome we shall overcome someday".split()
    post = (refrain * 100)[:600]
    while post[-1] == "shall":
        post.pop()
    shuffled = ["overcome", *(rng.choice(["we", "shall", "overcome", "someday"]) for _ in range(598)), "shall"]
    tenth = [w if k % 10 else "x" for k, w in enumerate(post)]
    tenth[0], tenth[-1] = post[0], post[-1]
    for said in (shuffled, tenth):
        found = quotes.compare(" ".join(said), " ".join(post))
        assert found.result == "fail", found
        assert "no word of the post" not in found.evidence and "not matched word by word" in found.evidence, found
    # under the budget, the same refrain with one word changed is matched word by word, as before
    one = list(post)
    one[300] = "undercome"
    found = quotes.compare(" ".join(one), " ".join(post))
    assert found.result == "fail" and "not matched word by word" not in found.evidence and len(found.changes) == 1, found


def test_a_crawlers_revisit_naming_its_payload_in_base16_replays_and_verifies_as_sound(tmp_path, store):
    """WARC 1.1 lets a digest be written in any RFC 4648 encoding, and a crawler's revisit may name its payload in
    another than its original record does (base16 against base32), or its WARC-Refers-To-Date without the fraction
    the original's WARC-Date has. --replay compared the two digests as written and refused the whole file as "damaged
    or altered" (review45b); they are compared as the hash they name, the dates to the second. Its row is then held to
    the original found in the file (no row cites it) by `cache verify`: sound."""
    import base64
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from resolver.http import fetch
    from resolver.session import Session
    from resolver.settings import Settings
    from resolver.verify import verify
    from resolver.warc import ReplayIndex

    page, path = b"<html>the page</html>", tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        first = writer.create_warc_record(
            "https://news.example/story", "response", payload=io.BytesIO(page),
            warc_headers_dict={"WARC-Date": "2024-01-01T00:00:00.250000Z"},
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        writer.write_record(first)
        digest = first.rec_headers.get_header("WARC-Payload-Digest")
        hex_digest = "sha1:" + base64.b32decode(digest.split(":", 1)[1]).hex()
        again = writer.create_revisit_record(
            "https://news.example/story?amp=1", hex_digest, "https://news.example/story", "2024-01-01T00:00:00Z",
            warc_headers_dict={"WARC-Date": "2024-02-01T00:00:00Z"},
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        again.rec_headers.add_header("WARC-Refers-To", first.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(again)
    outcome = Session(Settings(retries=0), store=store, replay=ReplayIndex([path])).run(
        lambda s: fetch(s, "https://news.example/story?amp=1"))
    assert (outcome.status, outcome.via, outcome.body) == (200, "warc", page)
    done = verify(store)
    assert done.warc_records == 1 and done.failed == [], done.failed


def test_a_row_a_stop_44_replay_made_of_a_server_not_modified_revisit_is_held_to_its_original_not_said_changed(
        tmp_path, store):
    """Stop 44's --replay answered a crawler's server-not-modified revisit (a 304's head, no payload digest) with the
    payload of the record it refers to, and logged the row citing the revisit. `cache verify` then held "the payload
    (none)" to that row's body: "one of them was changed", exit 1, on a cache nobody touched. Such a revisit names no
    payload; its row's body is held to its original's payload, and a body that is not that is still named."""
    import hashlib
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from resolver.verify import verify

    url, page, path = "https://news.example/story", b"<html>the page</html>", tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        first = writer.create_warc_record(
            url, "response", payload=io.BytesIO(page), warc_headers_dict={"WARC-Date": "2024-01-01T00:00:00Z"},
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        writer.write_record(first)
        offset = out.tell()
        again = writer.create_revisit_record(
            url, "sha1:" + "A" * 32, url, "2024-01-01T00:00:00Z", warc_headers_dict={"WARC-Date": "2024-02-01T00:00:00Z"},
            http_headers=StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1"))
        again.rec_headers.replace_header("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/server-not-modified")
        again.rec_headers.add_header("WARC-Refers-To", first.rec_headers.get_header("WARC-Record-ID"))
        again.rec_headers.remove_header("WARC-Payload-Digest")
        writer.write_record(again)

    def row(body):
        store.keep_body(hashlib.sha256(body).hexdigest(), body, "text/html")
        return store.record_fetch({
            "url": url, "contacted_url": url, "method": "GET", "fetched_at": "2024-02-01T00:00:00.000000Z",
            "status": 200, "body_sha256": hashlib.sha256(body).hexdigest(), "via": "warc", "warc_file": str(path),
            "warc_offset": offset, "warc_record_id": again.rec_headers.get_header("WARC-Record-ID")})

    row(page)
    done = verify(store)
    assert done.warc_records == 1 and done.failed == [], done.failed
    other = row(b"<html>another page</html>")
    assert [f["fetch_ids"] for f in verify(store).failed] == [[other]]
