"""Evidence held to its hashes (newuser44b): a WARC record, a kept body and a post row edited after they were
written are named, never shown as what the source said."""

import gzip
import json
import zlib

from tests.cliworld import World
from tests.test_exhibit38 import GONE_TEXT, STORY, serve_gone_post

EDITED = GONE_TEXT.replace("closed", "opened")


def warc_members(path):
    """The WARC file's gzip members, each (its bytes, unpacked)."""
    raw, members, pos = path.read_bytes(), [], 0
    while pos < len(raw):
        reader = zlib.decompressobj(31)
        out = reader.decompress(raw[pos:])
        used = len(raw) - pos - len(reader.unused_data)
        members.append((raw[pos:pos + used], out))
        pos += used
    return members


def _edit_warc(path, old: bytes, new: bytes) -> None:
    """Edit the payload of the response records holding `old` (each gzip member re-packed), their headers kept, as a
    hand editing the file does: the records' WARC-Payload-Digest and WARC-Block-Digest then fail."""
    members = warc_members(path)
    edited = [gzip.compress(out.replace(old, new), mtime=0) if b"WARC-Type: response" in out and old in out
              else member for member, out in members]
    assert edited != [member for member, _ in members]
    path.write_bytes(b"".join(edited))


def _archived(fakenet, tmp_path):
    serve_gone_post(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    assert world("scan", "--archive", str(story)).exit_code == 0
    made = world("report", "--format", "json", "--offline", str(story))
    assert made.exit_code == 0, made.output
    (tmp_path / "before.json").write_text(made.stdout)
    return world, story


def test_an_edited_warc_record_is_named_in_the_report_and_by_compare(fakenet, tmp_path):
    """The capture's record in the WARC beside the database edited ("closed" -> "opened"), its headers kept: `warcio
    check` says "payload digest failed", yet the report listed the file as sound and --compare said "same verdicts,
    statuses and hashes", exit 0 (newuser44b #1). Each cited record is now read whole with its digests checked."""
    world, story = _archived(fakenet, tmp_path)
    [entry] = json.loads((tmp_path / "before.json").read_text())["warc_files_cited"]
    assert entry["records_failed"] == [], entry
    _edit_warc(tmp_path / "archive.warc.gz", GONE_TEXT.encode(), EDITED.encode())
    made = world("report", "--format", "json", "--offline", "--compare", str(tmp_path / "before.json"), str(story))
    assert made.exit_code == 6, made.output
    [entry] = json.loads(made.stdout)["warc_files_cited"]
    [failed] = entry["records_failed"]
    assert failed["record_id"].startswith("<urn:uuid:") and "payload digest failed" in failed["why"], failed
    assert f"WARC record {failed['record_id']} at offset {failed['offset']:,} of archive.warc.gz" in made.stderr
    assert "same verdicts" not in made.stderr
    md = world("report", "--offline", str(story))
    assert md.exit_code == 0, md.output
    assert (f"FAILED: record `{failed['record_id']}` at offset {failed['offset']:,} of `archive.warc.gz`: block "
            "digest failed: sha1:") in md.stdout, md.stdout
    assert "damaged or altered, and that record's words are no archived text" in md.stdout


def test_a_replay_of_a_warc_with_an_edited_record_refuses_it_by_name(fakenet, tmp_path):
    """`--replay` read the edited record and the report gave its words as the capture's archived text, exit 0
    (newuser44b #1)."""
    world, story = _archived(fakenet, tmp_path)
    warc = tmp_path / "court.warc.gz"
    warc.write_bytes((tmp_path / "archive.warc.gz").read_bytes())
    _edit_warc(warc, GONE_TEXT.encode(), EDITED.encode())
    (tmp_path / "r").mkdir()
    replay = World(fakenet, tmp_path / "r")
    made = replay("--replay", str(warc), "report", str(story))
    assert made.exit_code == 1, made.output
    assert EDITED not in made.output
    assert "fails its own digest (block digest failed: sha1:" in made.stderr and "payload digest failed" in made.stderr, made.stderr
    assert "WARC-Record-ID <urn:uuid:" in made.stderr and "damaged or altered" in made.stderr


def _tamper(db, sql_edit):
    import sqlite3

    with sqlite3.connect(db) as conn:
        sql_edit(conn)


def _capture_body(conn):
    for sha256, data in conn.execute("SELECT sha256, data FROM bodies"):
        if GONE_TEXT.encode() in zlib.decompress(data) and b"<html" in zlib.decompress(data).lower():
            return sha256, data
    raise AssertionError("no capture body kept")


def test_a_kept_body_edited_under_its_old_hash_is_named_and_not_shown(fakenet, tmp_path):
    """The capture's body edited inside `bodies`, kept under its old sha256: the report showed the edited words as
    the capture's, citing that sha256 (newuser44b #2). A cited body is now hashed against its key."""
    world, story = _archived(fakenet, tmp_path)

    def forge(conn):
        sha256, data = _capture_body(conn)
        edited = zlib.decompress(data).replace(GONE_TEXT.encode(), EDITED.encode())
        conn.execute("UPDATE bodies SET data = ? WHERE sha256 = ?", [zlib.compress(edited), sha256])
    _tamper(world.db, forge)
    made = world("report", "--format", "json", "--offline", "--compare", str(tmp_path / "before.json"), str(story))
    assert made.exit_code == 6, made.output
    assert EDITED not in made.stdout
    [failed] = json.loads(made.stdout)["evidence_failed"]
    assert failed["kind"] == "body" and failed["fetch_ids"], failed
    assert "not to the sha256 it is kept under: the database is damaged or altered" in failed["why"]
    assert f"evidence failed: body {failed['body_sha256']} (fetch #{failed['fetch_ids'][0]})" in made.stderr
    [copy] = json.loads(made.stdout)["embeds"][0]["post"]["archived"]
    assert copy["status"] == "unknown" and copy["text"] is None, copy
    md = world("report", "--offline", str(story))
    assert md.exit_code == 0 and EDITED not in md.stdout, md.output
    assert f"**FAILED, evidence not what it cites**: body {failed['body_sha256']}" in md.stdout
    page = world("report", "--offline", "--format", "html", str(story))
    assert page.exit_code == 0 and EDITED not in page.stdout, page.output
    assert ('<p class="warn"><strong>FAILED, evidence not what it cites</strong>: '
            f"body {failed['body_sha256']}") in page.stdout


def test_a_damaged_kept_body_is_named_and_the_rest_reported(fakenet, tmp_path):
    """A bit flipped in the capture body's compressed blob: "internal error: Error -3 while decompressing data" and no
    report at all (newuser44b #8). The body and its fetch are named, the rest reported."""
    world, story = _archived(fakenet, tmp_path)

    def flip(conn):
        sha256, data = _capture_body(conn)
        damaged = bytearray(data)
        damaged[len(damaged) // 2] ^= 1
        conn.execute("UPDATE bodies SET data = ? WHERE sha256 = ?", [bytes(damaged), sha256])
    _tamper(world.db, flip)
    made = world("report", "--format", "json", "--offline", str(story))
    assert made.exit_code == 0, made.output
    report = json.loads(made.stdout)
    [failed] = report["evidence_failed"]
    assert failed["why"].startswith("its compressed bytes cannot be read (Error -3"), failed
    assert report["embeds"][0]["status"] == json.loads((tmp_path / "before.json").read_text())["embeds"][0]["status"]
    # the capture it was is not known: no words, no passed text check resting on it
    [copy] = report["embeds"][0]["post"]["archived"]
    assert copy["status"] == "unknown" and copy["text"] is None, copy
    assert f"the capture's kept body {failed['body_sha256']} is damaged or altered in the database" in copy["reason"]
    checks = {c["name"]: c["result"] for c in report["embeds"][0]["checks"]}
    assert checks["text"] == "skip" and checks["archived-copy"] != "pass", checks


def test_a_post_row_edited_in_the_database_does_not_match_its_cited_fetch(fakenet, tmp_path):
    """A word changed in the post's row and its observation: the report gave the edited words as the source's,
    citing a body that says otherwise (newuser44b #2). The row is held to its cited body read again."""
    world, story = _archived(fakenet, tmp_path)

    def edit(conn):
        for table in ("posts", "post_observations"):
            conn.execute(f"UPDATE {table} SET record = replace(record, 'closed', 'opened')")
    _tamper(world.db, edit)
    made = world("report", "--format", "json", "--offline", "--compare", str(tmp_path / "before.json"), str(story))
    assert made.exit_code == 6, made.output
    [failed] = json.loads(made.stdout)["evidence_failed"]
    assert failed["kind"] == "post" and failed["embed"] == 1, failed
    assert "the row does not match its cited fetch (changed in the database, or kept by an earlier version that read " \
        "this body otherwise: `fetch --reparse` reads every kept body again), and what the source said is not known" \
        in failed["why"], failed
    assert "evidence failed: embed 1's post (fetch #" in made.stderr


def test_cache_verify_names_every_body_row_and_record_not_as_recorded(fakenet, tmp_path):
    """No command checked a database's evidence (newuser44b #2: "No such command"). `cache verify` checks every kept
    body against its key, every post observation against its body read again, every cited WARC record."""
    world, _ = _archived(fakenet, tmp_path)
    clean = world("cache", "verify")
    assert clean.exit_code == 0, clean.output
    assert clean.stdout.endswith("WARC records cited: all as recorded\n"), clean.stdout
    # the capture's observation edited (its body kept as it was): the syndication one is a tombstone, with no words,
    # date or author to compare, so the edit this test made there changed nothing and no post failure was asserted
    # (review45b)
    _tamper(world.db, lambda conn: conn.execute(
        "UPDATE post_observations SET record = replace(record, 'closed', 'opened') WHERE method = 'wayback'"))
    edited = world("cache", "verify", "--json")
    assert edited.exit_code == 1, edited.output
    [post] = json.loads(edited.stdout)["failed"]
    assert post["kind"] == "post" and post["post"] == "twitter/1600000000000000002" and post["fetch_ids"], post
    assert post["why"].startswith("the text its observation of fetch #"), post
    # an earlier version's reader is as likely as an edit (every build says 0.1.0): neither is claimed alone
    assert post["why"].endswith("read again by this version: the row does not match its cited fetch (changed in the "
                                "database, or kept by an earlier version that read this body otherwise: `fetch "
                                "--reparse` reads every kept body again)"), post

    def edit(conn):
        sha256, data = _capture_body(conn)
        conn.execute("UPDATE bodies SET data = ? WHERE sha256 = ?", [data[:-1] + bytes([data[-1] ^ 1]), sha256])
    _tamper(world.db, edit)
    _edit_warc(tmp_path / "archive.warc.gz", GONE_TEXT.encode(), EDITED.encode())
    made = world("cache", "verify", "--json")
    assert made.exit_code == 1, made.output
    done = json.loads(made.stdout)
    kinds = sorted(f["kind"] for f in done["failed"])
    assert kinds[0] == "body" and "warc" in kinds, done["failed"]
    [body] = [f for f in done["failed"] if f["kind"] == "body"]
    assert body["fetch_ids"] and "cannot be read" in body["why"], body
    assert any("digest failed" in f["why"] for f in done["failed"] if f["kind"] == "warc"), done["failed"]
    said = world("cache", "verify")
    assert said.exit_code == 1
    assert f"FAILED body {body['body_sha256']} (fetch #{body['fetch_ids'][0]})" in said.stdout
    # (records after the edited one, moved by its new length, are named whole: newuser47c #2)
    assert f"WARC records cited: {len(done['failed'])} failed" in said.stdout.splitlines()[-1], said.stdout


def serve_capture_not_as_listed(fakenet) -> str:
    """A deleted post whose one capture's body is not the one CDX lists (another digest); the capture's body."""
    from dataclasses import dataclass

    from tests import waybacknet
    from tests import xfixtures as fx
    from tests.fakenet import page
    from tests.test_exhibit38 import GONE
    from tests.test_fetch import by_id, json_page

    @dataclass(frozen=True)
    class Listed(waybacknet.Capture):
        @property
        def digest(self) -> str:
            return "QWERTYUIOPASDFGHJKLZXCVBNM234567"

    body = waybacknet.classic_page(fx.GONE_ID, "RivertonRoads", "Riverton Roads", GONE_TEXT)
    waybacknet.serve(fakenet, [Listed("20221206060000", GONE, body)])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("", 404))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.GONE_ID}", page("", 404))
    return body


def test_a_capture_whose_body_is_not_the_cdx_digest_is_not_evidence(fakenet, tmp_path):
    """The CDX row listed digest Q...; the id_ body read had another SHA-1, and the report said the capture "holds
    the post's words" (newuser44b #11). The CDX digest is the base32 SHA-1 of the capture's original payload: a 200
    listed as a 200 whose plain body hashes otherwise is not the capture listed, online and offline alike."""
    from tests import waybacknet
    from tests.test_exhibit38 import GONE

    body = serve_capture_not_as_listed(fakenet)
    world = World(fakenet, tmp_path)
    story = tmp_path / "story.html"
    story.write_text(STORY)
    for offline in ((), ("--offline",)):
        made = world("report", "--format", "json", *offline, str(story))
        assert made.exit_code == 0, made.output
        [embed] = json.loads(made.stdout)["embeds"]
        archived = {c["name"]: c for c in embed["checks"]}["archived-copy"]
        assert archived["result"] != "pass", archived
        [copy] = embed["post"]["archived"]
        assert copy["status"] == "unknown" and copy["text"] is None, copy
        assert ("the archive's CDX digest QWERTYUIOPASDFGHJKLZXCVBNM234567 is not the SHA-1 of the body read "
                f"({waybacknet.Capture('x', GONE, body).digest}): the body is not the capture the archive lists"
                ) in copy["reason"], copy
