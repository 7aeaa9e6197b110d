"""Review of stop 44's evidence-holding work (fixnu44d: digests and `cache verify`; fixnu44e: revisit records,
warcinfo, --compare) by review45b: each test a wrong answer found, or a promise checked."""

import gzip
import json
import re

from tests.test_fixnu44d import warc_members as _members
from tests.test_fixnu44e import archive_with_revisits, page_of


def test_cache_verify_holds_a_revisit_record_to_the_payload_it_names_not_to_its_empty_block(fakenet, tmp_path):
    """A payload one run wrote twice is written the second time as an identical-payload-digest revisit record, which
    holds no payload (fixnu44e). `cache verify` (fixnu44d) hashed that empty payload against the body the fetch log
    keeps and said of every revisit "its payload has sha256 e3b0c442…, not the body … one of them was changed",
    exit 1, on a cache nobody had touched. A revisit is now held to the body by the payload digest it names; one whose
    digest names another payload is still named."""
    world, warc = archive_with_revisits(fakenet, tmp_path)
    members = _members(warc)
    assert any(b"WARC-Type: revisit" in out for _, out in members)
    done = world("cache", "verify", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["failed"] == []
    # one revisit made to name another record's payload (warcio checks no digest of a revisit: WARC 1.1 gives none)
    digests = [m.group(1) for _, out in members for m in [re.search(rb"WARC-Payload-Digest: (\S+)", out)] if m]
    index = next(i for i, (_, out) in enumerate(members) if b"WARC-Type: revisit" in out)
    own = re.search(rb"WARC-Payload-Digest: (\S+)", members[index][1]).group(1)
    other = next(d for d in digests if d != own)
    edited = [gzip.compress(out.replace(own, other), mtime=0) if i == index else member
              for i, (member, out) in enumerate(members)]
    warc.write_bytes(b"".join(edited))
    done = world("cache", "verify", "--json")
    assert done.exit_code == 1, done.output
    at = sum(len(member) for member, _ in members[:index])
    [failed] = [f for f in json.loads(done.stdout)["failed"] if f["offset"] == at]   # (the records after it moved)
    assert failed["kind"] == "warc" and "revisit record naming the payload " + other.decode() in failed["why"], failed


def test_a_replay_refuses_a_revisit_record_made_to_refer_to_another_payload(fakenet, tmp_path):
    """--replay answers a revisit record with the payload of the record its WARC-Refers-To names (fixnu44e), and
    warcio checks no digest of a revisit. A revisit edited to refer to another record (the photo's to the poster's)
    was answered with the poster's bytes as the photo, the file sound. The revisit's WARC-Payload-Digest must now be
    that of the record it refers to, or the file is refused naming it, as a record failing its digest is."""
    import pytest

    from resolver.warc import ReplayIndex, replayed_payload

    _, warc = archive_with_revisits(fakenet, tmp_path)
    members = _members(warc)
    photo, poster = (b"https://pbs.twimg.com/media/FjRivertonBridge.jpg",
                     b"https://pbs.twimg.com/ext_tw_video_thumb/1600000000000000009/pu/img/RiverPoster.jpg")

    def record_id(out):
        return re.search(rb"WARC-Record-ID: (\S+)", out).group(1)

    [poster_id] = [record_id(out) for _, out in members
                   if b"WARC-Type: response" in out and b"WARC-Target-URI: " + poster + b"\r\n" in out]
    [index] = [i for i, (_, out) in enumerate(members)
               if b"WARC-Type: revisit" in out and b"WARC-Target-URI: " + photo + b"\r\n" in out]
    refers = re.search(rb"WARC-Refers-To: (\S+)", members[index][1]).group(1)
    sound = ReplayIndex([warc]).take("GET", photo.decode())
    assert b"".join(replayed_payload(sound)) != b"".join(
        replayed_payload(ReplayIndex([warc]).take("GET", poster.decode())))
    court = tmp_path / "court.warc.gz"
    court.write_bytes(b"".join(gzip.compress(out.replace(refers, poster_id), mtime=0) if i == index else member
                               for i, (member, out) in enumerate(members)))
    with pytest.raises(ValueError, match=r"the revisit record at offset [\d,]+ .*FjRivertonBridge.jpg\) names the "
                                         r"payload sha1:\S+, but the record it refers to .* holds sha1:"):
        ReplayIndex([court])
    # the photo's own record with its digests taken out and a byte changed: nothing checked it, and it replayed as
    # the photo; every response record this tool writes carries both digests
    [first] = [i for i, (_, out) in enumerate(members)
               if b"WARC-Type: response" in out and b"WARC-Target-URI: " + photo + b"\r\n" in out]

    def stripped(out):
        out = re.sub(rb"WARC-(Block|Payload)-Digest: \S+\r\n", b"", out)
        return out[:-8] + bytes([out[-8] ^ 1]) + out[-7:]
    court.write_bytes(b"".join(gzip.compress(stripped(out), mtime=0) if i == first else member
                               for i, (member, out) in enumerate(members)))
    with pytest.raises(ValueError, match=r"the response record at offset [\d,]+ .*FjRivertonBridge.jpg\) carries no "
                                         r"WARC-Block-Digest or WARC-Payload-Digest, which every response record "
                                         r"embed-resolver writes carries"):
        ReplayIndex([court])


def test_a_replay_answers_no_request_with_a_server_not_modified_revisit_given_another_records_payload(tmp_path):
    """A crawler's server-not-modified revisit (a 304's head, WARC-Refers-To the record of the page it still had) was
    indexed by --replay as an identical-payload one (fixnu44e): the newest answer to the page was then "304" with the
    200's payload. Only an identical-payload-digest revisit answers with the payload it refers to."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from resolver.warc import ReplayIndex, replayed_payload

    url, path = "https://news.example/story", tmp_path / "crawl.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        page = writer.create_warc_record(
            url, "response", payload=io.BytesIO(b"<html>the page</html>"),
            warc_headers_dict={"WARC-Date": "2024-01-01T00:00:00Z"},
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"))
        writer.write_record(page)
        again = writer.create_revisit_record(
            url, "sha1:" + "A" * 32, url, "2024-01-01T00:00:00Z", warc_headers_dict={"WARC-Date": "2024-02-01T00:00:00Z"},
            http_headers=StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1"))
        again.rec_headers.replace_header("WARC-Profile",
                                         "http://netpreserve.org/warc/1.0/revisit/server-not-modified")
        again.rec_headers.add_header("WARC-Refers-To", page.rec_headers.get_header("WARC-Record-ID"))
        again.rec_headers.remove_header("WARC-Payload-Digest")   # a 304 names no payload
        writer.write_record(again)
    found = ReplayIndex([path]).take("GET", url)
    assert found is not None and found.status == 200, found
    assert b"".join(replayed_payload(found)) == b"<html>the page</html>"


def test_compare_counts_one_of_two_cited_warc_files_of_one_name_gone():
    """A report citing records of two WARC files of one name (archive.warc.gz beside the database, and a --warc
    court/archive.warc.gz) lists each (review39a). --compare kept one entry per name, the last: the first gone was
    "same verdicts, statuses and hashes", exit 0 (fixnu44e). Each file of a name is compared."""
    from resolver.provenance import report_differences
    from tests.test_fixnu44e import _report

    def file(path, records, missing):
        return {"file": "archive.warc.gz", "path": path, "sha256": None if path is None else "b" * 64, "bytes": 10,
                "beside_database": False, "records": records, "records_not_found": missing}

    checks = [("author", "pass", "")]
    both = [file("/case/archive.warc.gz", 2, 0), file("/case/court/archive.warc.gz", 3, 0)]
    assert report_differences(_report(checks, both), _report(checks, [
        file("/elsewhere/archive.warc.gz", 2, 0), file("/elsewhere/court/archive.warc.gz", 3, 0)])) == []
    gone = [file(None, 2, 2), file("/case/court/archive.warc.gz", 3, 0)]
    assert report_differences(_report(checks, both), _report(checks, gone)) == [
        "WARC archive.warc.gz: holds 2 of the 2 records cited, now not found on this machine (2 records cited)"]
    assert report_differences(_report(checks, both), _report(checks, both[1:])) == [
        "WARC archive.warc.gz (holds 2 of the 2 records cited): cited before, not now"]
    twice = [file("/case/archive.warc.gz", 2, 0), file("/case/court/archive.warc.gz", 2, 0)]
    assert report_differences(_report(checks, twice), _report(checks, twice[:1])) == [
        "WARC archive.warc.gz (holds 2 of the 2 records cited): cited before, not now"]
