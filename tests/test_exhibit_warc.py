"""The WARC of a court exhibit (#4, #5; newuser35 F5, F7, F9): `fetch --warc` puts a re-observation of a post in it,
every record is headed as the warcinfo says the file is, an authenticated request says its credentials were taken
out (never what they were), and one run takes one live copy of a page however many articles name it. Run against
the loopback 'internet' (tests/fakenet.py); the WARCs are read back with warcio."""

import gzip
import hashlib
import json
import re
import threading
import time

from warcio.archiveiterator import ArchiveIterator

from cache import Store
from resolver.warc import check
from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import page, redirect
from tests.test_fetch import by_id, json_page, serve_media

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
INSTAGRAM = "https://www.instagram.com/p/CxAbC123dEf/"
META_TOKEN = "FAKEmetaTOKEN35q"   # fictional, only ever in this test's environment
INSTAGRAM_OEMBED = {"version": "1.0", "author_name": "riverton.council", "provider_name": "Instagram",
                    "provider_url": "https://www.instagram.com/", "type": "rich", "width": 658,
                    "html": '<blockquote class="instagram-media">The bridge</blockquote>'}


def records(path):
    """(type, WARC headers, HTTP headers) of every record, digests checked."""
    out = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            record.content_stream().read()
            out.append((record.rec_type, record.rec_headers, record.http_headers))
    return out


def serve_post(fakenet, *answers):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: list(answers)}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    # a deleted post's archive lookup: no capture listed, as CDX answers it (a 404 is a failed lookup: newuser36b #1)
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    serve_media(fakenet)


# F9 (a)

def test_every_record_is_headed_with_the_version_its_warcinfo_names_and_its_fractional_dates_allow(fakenet,
                                                                                                   tmp_path):
    """The warcinfo record said "format: WARC File Format 1.1" while every record, warcinfo included, was headed
    WARC/1.0 (newuser35 F9a). WARC/1.1 it is: the WARC-Date of each exchange carries the fraction of a second its
    fetch began at, which WARC 1.1 allows and 1.0 (seconds only) does not; warcio writes and reads 1.1."""
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path)
    warc = tmp_path / "run.warc.gz"
    source = tmp_path / "article.txt"
    source.write_text(f"The bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    done = world("scan", "--fetch", "--warc", str(warc), str(source))
    assert done.exit_code == 0, done.output
    found = records(warc)
    assert {headers.protocol for _, headers, _ in found} == {"WARC/1.1"}
    [info] = [headers for kind, headers, _ in found if kind == "warcinfo"]
    with open(warc, "rb") as stream:
        body = next(iter(ArchiveIterator(stream))).content_stream().read().decode()
    assert "format: WARC File Format 1.1" in body and info.get_header("WARC-Filename") == "run.warc.gz"
    dates = [headers.get_header("WARC-Date") for kind, headers, _ in found if kind == "response"]
    assert dates and all("." in date and date.endswith("Z") for date in dates)
    assert check(warc)[0]
    # a WARC/1.1 file is replayed as any other
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    replayed = again("--replay", str(warc), "fetch", "--json", POST)
    assert replayed.exit_code == 0, replayed.output
    assert json.loads(replayed.stdout.splitlines()[0])["status"] == "available"


# F9 (b)

def test_an_authenticated_requests_record_names_the_header_taken_out_and_never_holds_the_token(fakenet, tmp_path):
    """The request record of an authenticated call (Meta's Graph API, `Authorization: Bearer …` sent) had the
    header removed and no marker, so it read as if the request had gone without credentials (newuser35 F9b). Now
    the header is kept with its value REDACTED and the record carries WARC-Embed-Resolver-Redacted: authorization;
    the token itself is in no byte of the file. A request without credentials is marked nowhere."""
    sent = []

    def oembed(request):
        sent.append(request.headers.get("Authorization"))
        return json_page(INSTAGRAM_OEMBED)(request)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", oembed)
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path)
    warc = tmp_path / "run.warc.gz"
    done = world("fetch", "--no-media", "--warc", str(warc), INSTAGRAM, POST, env={"META_ACCESS_TOKEN": META_TOKEN})
    assert done.exit_code == 0, done.output
    assert sent == [f"Bearer {META_TOKEN}"]   # the credentials were sent
    requests = {headers.get_header("WARC-Target-URI").split("?")[0]: (headers, http)
                for kind, headers, http in records(warc) if kind == "request"}
    headers, http = requests["https://graph.facebook.com/v16.0/instagram_oembed"]
    assert http.get_header("Authorization") == "REDACTED"
    assert headers.get_header("WARC-Embed-Resolver-Redacted") == "authorization"
    syndication = requests["https://cdn.syndication.twimg.com/tweet-result"]
    assert syndication[0].get_header("WARC-Embed-Resolver-Redacted") is None
    assert syndication[1].get_header("Authorization") is None
    raw = warc.read_bytes()
    assert META_TOKEN.encode() not in gzip.decompress(raw) and META_TOKEN.encode() not in raw
    assert check(warc)[0]


# F5

def test_fetch_refresh_with_warc_appends_the_new_observation_to_the_exhibits_warc(fakenet, tmp_path):
    """`fetch` had no --warc: a `fetch --refresh` that found a post deleted put that fact in no WARC, though every
    other fact of the exhibit had its record (newuser35 F5). `fetch --warc FILE` appends every live answer to FILE
    with the writer scan's --warc uses: a second run goes on in the same file (with a warcinfo of its own, its id on
    each of its records: newuser44b #9), and the fetch log's warc_file and warc_offset of each observation point at
    its response record."""
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET), json_page(fx.TOMBSTONE_DELETED))
    world = World(fakenet, tmp_path)
    warc = tmp_path / "exhibit.warc.gz"
    first = world("fetch", "--no-media", "--json", "--warc", str(warc), POST)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout.splitlines()[0])["status"] == "available"
    size = warc.stat().st_size
    later = world("fetch", "--no-media", "--refresh", "--json", "--warc", str(warc), POST)
    assert later.exit_code == 0, later.output
    assert json.loads(later.stdout.splitlines()[0])["status"] == "deleted"
    assert warc.stat().st_size > size
    found = records(warc)
    infos = [headers.get_header("WARC-Record-ID") for kind, headers, _ in found if kind == "warcinfo"]
    assert len(infos) == 2 and found[0][0] == "warcinfo"
    assert {headers.get_header("WARC-Warcinfo-ID") for kind, headers, _ in found if kind != "warcinfo"} == set(infos)
    rows = [row for row in Store(world.db).db.query(
        "SELECT url, status, warc_file, warc_offset, body_sha256 FROM fetches WHERE url LIKE '%/tweet-result%' ORDER BY id")]
    assert len(rows) == 2 and all(row["warc_file"] == str(warc) for row in rows)
    with open(warc, "rb") as stream:
        for row in rows:
            stream.seek(row["warc_offset"])
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_type == "response"
            assert record.rec_headers.get_header("WARC-Target-URI") == row["url"]
            assert hashlib.sha256(record.content_stream().read()).hexdigest() == row["body_sha256"]
    assert check(warc)[0]


def test_fetch_warc_inside_the_folder_fetched_from_is_no_article_of_it(fakenet, tmp_path):
    """`fetch --warc corpus/exhibit.warc.gz corpus/`: the WARC the run writes is left out of the folder's articles (as
    scan's is), not read back as one; named itself as a target, it is refused before anything is written."""
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(f"Story.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    warc = corpus / "exhibit.warc.gz"
    done = world("fetch", "--no-media", "--json", "--warc", str(warc), str(corpus))
    assert done.exit_code == 0, done.output
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(line["source"], line["status"]) for line in lines] == [(str(corpus / "story.txt"), "available")]
    assert done.stderr == ""
    size = warc.stat().st_size
    refused = world("fetch", "--warc", str(warc), str(warc))
    assert refused.exit_code == 2 and "is both an input and the WARC this run writes" in refused.output
    assert warc.stat().st_size == size


def test_fetch_warc_is_documented_and_refused_where_nothing_is_fetched(fakenet, tmp_path):
    """`fetch --help` names --warc; with --reparse (no request made) it is a usage error, not a file left empty."""
    world = World(fakenet, tmp_path)
    shown = world("fetch", "--help")
    assert "--warc FILE" in shown.output
    refused = world("fetch", "--reparse", "--warc", str(tmp_path / "x.warc.gz"))
    assert refused.exit_code == 2 and "--warc" in refused.output and not (tmp_path / "x.warc.gz").exists()


# F7

def test_one_archive_run_takes_one_live_copy_of_a_page_however_many_articles_name_it(fakenet, tmp_path):
    """Articles archived at once each passed the "live copy already in this WARC" check before either copy was
    written, and the WARC got two copies of the same post page milliseconds apart (newuser35 F7: 6 posts of 10).
    The run now takes one copy per URL: the others wait for it and name the same record."""
    arrived = threading.Semaphore(0)

    def slow_page(request):   # the copies of several articles overlap, as they do under load
        arrived.release()
        time.sleep(0.4)
        return page("<html>the post page</html>")(request)
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}",
                  redirect(f"https://x.com/RivertonRoads/status/{fx.POST_ID}"))
    fakenet.route("x.com", f"/RivertonRoads/status/{fx.POST_ID}", slow_page)
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    world = World(fakenet, tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4):
        (corpus / f"story{n}.txt").write_text(f"Story {n}.\n— Riverton Roads (@RivertonRoads) December 6, 2022 "
                                              f"{POST}\n")
    warc = tmp_path / "archive.warc.gz"
    done = world("archive", "--json", "--warc", str(warc), str(corpus))
    assert done.exit_code == 0, done.output
    copies = [headers.get_header("WARC-Target-URI") for kind, headers, _ in records(warc) if kind == "response"
              and headers.get_header("WARC-Target-URI").split("/")[2] in ("twitter.com", "x.com")]
    assert sorted(copies) == [POST, f"https://x.com/RivertonRoads/status/{fx.POST_ID}"]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    posts = [line for line in lines if line.get("url") == POST]
    assert len(posts) == 4 and len({json.dumps(p["warc"]) for p in posts}) == 1 and posts[0]["warc"]
    assert all(p["live_status"] == 200 for p in posts)


def test_one_archive_run_asks_a_post_and_reads_its_captures_once_however_many_articles_name_it(fakenet, tmp_path):
    """`archive` asks the sources afresh for the posts of each article (the WARC then holds what a replay reads),
    and it asked them afresh for each article: a deleted post three stories embedded was asked of syndication three
    times in one run, and each time its capture was read again, so the WARC held it three times (newuser35 F7:
    captures fetched 2-3 times, 80 ms apart). Afresh is now as --refresh is: nothing from before the run, this run's
    own answer reused, and the post's capture read once."""
    from tests import waybacknet

    gone = f"https://twitter.com/RivertonRoads/status/{fx.GONE_ID}"
    text = "The bridge is closed until further notice."
    capture = waybacknet.Capture("20221206060000", gone, waybacknet.classic_page(
        fx.GONE_ID, "RivertonRoads", "Riverton Roads", text))
    waybacknet.serve(fakenet, [capture])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.GONE_ID: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("", 404))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.GONE_ID}", page("", 404))
    world = World(fakenet, tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(20):   # the post in the first story and the last two: work on each begins as another's ends
        (corpus / f"story{n:02d}.txt").write_text(f"Story {n}.\n{text}\n— Riverton Roads (@RivertonRoads) December "
                                                  f"6, 2022 {gone}\n" if n in (0, 18, 19) else f"Story {n}.\n")
    warc = tmp_path / "archive.warc.gz"
    done = world("archive", "--json", "--workers", "1", "--warc", str(warc), str(corpus))
    assert done.exit_code == 0, done.output
    asked = [path for host, path in fakenet.hits if host == "cdn.syndication.twimg.com"]
    read = [path for host, path in fakenet.hits if host == "web.archive.org" and "id_/" in path]
    assert (len(asked), len(read)) == (1, 1)
    responses = [headers.get_header("WARC-Target-URI") for kind, headers, _ in records(warc) if kind == "response"]
    assert sum("id_/" in uri for uri in responses) == 1 and responses.count(gone) == 1
    # The later stories' page copy is the one this run took: not "kept: taken … by an earlier run", as it was said
    copies = [line for line in map(json.loads, done.stdout.splitlines()) if line.get("url") == gone]
    assert len(copies) == 3 and len({json.dumps(c["warc"]) for c in copies}) == 1 and copies[0]["warc"]
    assert [c["live_kept"] for c in copies] == [None] * 3
    # a second run asks afresh, as before: the WARC holds the answers of each archive run; the page copy it keeps
    # is the first run's, and said so
    again = world("archive", "--json", "--warc", str(warc), str(corpus))
    assert again.exit_code == 0, again.output
    assert len([path for host, path in fakenet.hits if host == "cdn.syndication.twimg.com"]) == 2
    kept = [line for line in map(json.loads, again.stdout.splitlines()) if line.get("url") == gone]
    assert len({c["live_kept"] for c in kept}) == 1 and kept[0]["live_kept"] is not None
    table = world("archive", "--warc", str(warc), str(corpus))
    assert table.stdout.count(f"(kept: taken {kept[0]['live_kept']} by an earlier run") == 3


# review36a: a WARC a crash cut short

def _exchange_of(fakenet, store, warc, url):
    """Fetch `url` live once, appending its exchange to `warc`; returns the outcome."""
    from resolver.http import fetch
    from resolver.session import Session
    from resolver.warc import WarcWriter

    writer = WarcWriter(warc, software="test")
    try:
        return Session(fakenet.settings(retries=0), store=store, warc=writer).run(
            lambda s: fetch(s, url, purpose="archive"))
    finally:
        writer.close()


def test_a_record_a_crash_cut_short_is_never_replayed_as_the_whole_answer(fakenet, store, tmp_path):
    """A run killed while it appended an exchange leaves the file ending inside a record. Replayed, that record was
    the answer, whole: status 200 and the sha256 of the bytes the file happened to hold, a body the server never sent
    (review36a). Its payload is read to its end as the index is made: a record its file ends inside is only the start
    of its answer, as one marked WARC-Truncated is; the replay says so and claims no hash for it."""
    import random

    from resolver.http import fetch
    from resolver.session import Mode, Session
    from resolver.warc import ReplayIndex

    body = random.Random(36).randbytes(200_000)   # incompressible: the cut lands inside the payload
    url = "https://news.example/report.pdf"
    fakenet.route("news.example", "/report.pdf", page(body, content_type="application/pdf"))
    warc = tmp_path / "run.warc.gz"
    live = _exchange_of(fakenet, store, warc, url)
    assert (live.status, live.sha256) == (200, hashlib.sha256(body).hexdigest())
    warc.write_bytes(warc.read_bytes()[:live.warc_offset + 120_000])   # the crash: the file ends inside the record

    replay = Session(fakenet.settings(retries=0), store=store, replay=ReplayIndex([warc]), mode=Mode(refresh=True))
    again = replay.run(lambda s: fetch(s, url, purpose="archive"))
    assert again.via == "warc" and again.sha256 is None
    assert again.error_kind == "body-cut" or again.error is not None
    # where: the byte the file ends at, and where the record begins (archive38)
    assert f"cut at byte {live.warc_offset + 120_000:,}" in (again.error or "") and str(warc) in again.error
    assert f"the record beginning at offset {live.warc_offset:,}" in again.error
    [*_, row] = store.fetches_for(url)
    assert row["via"] == "warc" and row["body_sha256"] is None


def test_a_run_appending_to_a_warc_a_crash_cut_short_sets_the_cut_bytes_aside_and_leaves_a_readable_file(fakenet,
                                                                                                       tmp_path):
    """The next `fetch --warc` (scan's and archive's the same writer) appended after the cut record: every reader of
    the file in order stopped there (`warcio check` failed, `--replay` refused the whole file with its bytes in the
    error line), though the new run's rows named records beyond it (review36a). Now the writer finds the file ending
    inside a record, moves those bytes to FILE.cut-at-OFFSET, says so, and appends from the last whole record: the
    file reads whole, each row's offset holds the body it hashes, and the replay answers the new observation."""
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET), json_page(fx.TOMBSTONE_DELETED))
    world = World(fakenet, tmp_path)
    warc = tmp_path / "exhibit.warc.gz"
    first = world("fetch", "--no-media", "--json", "--warc", str(warc), POST)
    assert first.exit_code == 0, first.output
    whole = warc.read_bytes()
    warc.write_bytes(whole[:-40])   # the run was killed while it appended its last record
    later = world("fetch", "--no-media", "--refresh", "--json", "--warc", str(warc), POST)
    assert later.exit_code == 0, later.output
    assert json.loads(later.stdout.splitlines()[0])["status"] == "deleted"
    [aside] = tmp_path.glob("exhibit.warc.gz.cut-at-*")
    offset = int(aside.name.rsplit("-", 1)[1])
    assert whole[:offset] == warc.read_bytes()[:offset] and aside.read_bytes() == whole[offset:-40]
    assert f"{warc} ended inside a record" in later.stderr and str(aside) in later.stderr
    assert check(warc)[0], check(warc)[1]
    found = records(warc)   # read in order, digests checked, to the end
    assert [kind for kind, _, _ in found].count("warcinfo") == 2   # the file's, and the one saying what was cut
    with open(warc, "rb") as stream:   # where the cut record began, the file says so itself
        stream.seek(offset)
        note = next(iter(ArchiveIterator(stream)))
        assert note.rec_type == "warcinfo"
        said = note.content_stream().read().decode()
    assert f"cut-at: {offset}" in said and f"cut-moved-to: {aside.name}" in said
    rows = list(Store(world.db).db.query("SELECT warc_offset, body_sha256 FROM fetches WHERE url LIKE '%/tweet-result%' "
                                         "ORDER BY id"))
    with open(warc, "rb") as stream:
        stream.seek(rows[-1]["warc_offset"])
        record = next(iter(ArchiveIterator(stream)))
        assert hashlib.sha256(record.content_stream().read()).hexdigest() == rows[-1]["body_sha256"]
    (tmp_path / "replay").mkdir()
    replayed = World(fakenet, tmp_path / "replay")("--replay", str(warc), "fetch", "--no-media", "--json", POST)
    assert replayed.exit_code == 0, replayed.output
    assert json.loads(replayed.stdout.splitlines()[0])["status"] == "deleted"


def test_a_responses_cookie_is_named_redacted_in_its_record_and_not_read_as_a_redacted_body(fakenet, store, tmp_path):
    """A response's Set-Cookie was left out of its record with nothing to say so: the record read as an answer that
    set no cookie (review36a; newuser35 F9b fixed the same silence on request records). It is kept by name with its
    value REDACTED, and the record names it in WARC-Embed-Resolver-Redacted as a request record does; the cookie is
    in no byte of the file. Replayed, that mark is not taken for a body a secret was taken out of ("body")."""
    from resolver.http import fetch
    from resolver.session import Mode, Session
    from resolver.warc import ReplayIndex

    cookie = "sid=FAKEsessionCOOKIE36"
    url = "https://news.example/story"
    fakenet.route("news.example", "/story", page("<p>the story</p>", **{"Set-Cookie": f"{cookie}; Path=/",
                                                                         "X-Frame-Options": "DENY"}))
    warc = tmp_path / "run.warc.gz"
    live = _exchange_of(fakenet, store, warc, url)
    assert live.status == 200 and not live.redacted
    [(headers, http)] = [(h, x) for kind, h, x in records(warc) if kind == "response"]
    assert http.get_header("Set-Cookie") == "REDACTED" and http.get_header("X-Frame-Options") == "DENY"
    assert headers.get_header("WARC-Embed-Resolver-Redacted") == "set-cookie"
    assert b"FAKEsessionCOOKIE36" not in gzip.decompress(warc.read_bytes())
    assert check(warc)[0]
    replay = Session(fakenet.settings(retries=0), store=store, replay=ReplayIndex([warc]), mode=Mode(refresh=True))
    again = replay.run(lambda s: fetch(s, url, purpose="archive"))
    assert (again.via, again.status, again.sha256, again.redacted) == ("warc", 200, live.sha256, False)


def test_a_save_requests_record_holds_the_form_it_submitted_not_a_content_length_with_no_body(fakenet, tmp_path):
    """`archive --save --warc`: the request record of POST /save said the `content-length` sent and held no byte of a body:
    what was submitted to be published in the Wayback Machine (the URL) was in no record, and the record's own
    header said there was more than it held (review36a). The record holds the form as sent (secrets redacted as in a
    URL's query), its Content-Length that of the bytes written."""
    from urllib.parse import parse_qs

    from tests import waybacknet

    waybacknet.serve(fakenet, [])
    submitted = waybacknet.serve_save_page_now(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    warc = tmp_path / "run.warc.gz"
    url = "https://news.example/story"
    fakenet.route("news.example", "/story", page("<p>the story</p>"))
    done = world("archive", "--save", "--json", "--warc", str(warc), url,
                 env={"IA_ACCESS_KEY": "k-ia-access36", "IA_SECRET_KEY": "s-ia-secret36"})
    assert done.exit_code == 0, done.output
    assert submitted == [url]
    with open(warc, "rb") as stream:
        [(http, body)] = [(r.http_headers, r.content_stream().read()) for r in ArchiveIterator(stream)
                          if r.rec_type == "request" and r.http_headers.protocol == "POST"]
    assert parse_qs(body.decode())["url"] == [url]
    assert http.get_header("Content-Length") == str(len(body))
    assert http.get_header("Authorization") == "REDACTED"
    assert check(warc)[0]


def test_a_form_body_in_a_request_record_has_its_secrets_redacted(tmp_path):
    """A form sent (a POST's body) is written as a query is: a secret parameter's value REDACTED, a configured secret
    nowhere; the record names the body in its mark, as a response's redacted body is."""
    from resolver.redact import Redactor
    from resolver.warc import WarcWriter

    warc = tmp_path / "run.warc.gz"
    writer = WarcWriter(warc, software="test")
    writer.write_exchange(method="POST", url="https://api.example/save", contacted_url="https://api.example/save",
                          request_headers={"Content-Type": "application/x-www-form-urlencoded", "Content-Length": "61"},
                          request_body=b"url=https%3A%2F%2Fa.example%2F&access_token=tok123&note=KEYconf36",
                          status=200, reason="OK", response_headers=[], body=b"{}",
                          fetched_at="2026-01-01T00:00:00.000001Z", redactor=Redactor(secrets=("KEYconf36",)))
    writer.close()
    with open(warc, "rb") as stream:
        [(headers, http, body)] = [(r.rec_headers, r.http_headers, r.content_stream().read())
                                   for r in ArchiveIterator(stream) if r.rec_type == "request"]
    assert body == b"url=https%3A%2F%2Fa.example%2F&access_token=REDACTED&note=REDACTED"
    assert http.get_header("Content-Length") == str(len(body))
    assert headers.get_header("WARC-Embed-Resolver-Redacted") == "body"
    assert check(warc)[0]


def test_a_warc_damaged_in_the_middle_is_refused_in_one_line_naming_where(fakenet, tmp_path):
    """A file cut short and then appended to (as every --warc run did before review36a) cannot be read in order past
    the cut. `--replay` refused it with warcio's words, which quote the unreadable line: raw gzip bytes written to the
    terminal. It now names the file and the offset no record can be read at, in printable words."""
    serve_post(fakenet, json_page(fx.SYNDICATION_TWEET))
    world = World(fakenet, tmp_path)
    warc = tmp_path / "exhibit.warc.gz"
    assert world("fetch", "--no-media", "--warc", str(warc), POST).exit_code == 0
    whole = warc.read_bytes()
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(whole[:-40] + whole[300:])   # a cut record, and whole records after it
    (tmp_path / "replay").mkdir()
    refused = World(fakenet, tmp_path / "replay")("--replay", str(damaged), "fetch", "--no-media", POST)
    assert refused.exit_code == 1
    [line] = refused.stderr.splitlines()
    assert line.isprintable() and line.startswith(f"error: cannot replay {damaged}: ")
    assert re.search(r": no WARC record can be read at offset [0-9,]+ \(", line), line


def test_a_status_line_with_no_reason_is_not_written_as_ok(fakenet, store, tmp_path):
    """A server that sends no reason phrase ("HTTP/1.1 404 ", which HTTP/1.1 allows) had its answer written
    "HTTP/1.1 404 OK" in the WARC: a record saying a 404 was OK (review36a). The record now gives the status's own
    phrase ("Not Found"), or none for a status with none; the status is as sent."""
    from dataclasses import replace

    from resolver.http import fetch
    from resolver.session import Session
    from resolver.warc import WarcWriter

    from tests.fakenet import RawServer, answering

    raw = RawServer(answering(lambda path: (b"HTTP/1.1 404 \r\nContent-Length: 4\r\nConnection: close\r\n\r\ngone"
                                            if path == "/gone" else
                                            b"HTTP/1.1 599 \r\nContent-Length: 2\r\nConnection: close\r\n\r\nno")))
    try:
        settings = replace(fakenet.settings(retries=0), origins={"https://news.example": f"http://127.0.0.1:{raw.port}"})
        warc = tmp_path / "run.warc.gz"
        writer = WarcWriter(warc, software="test")
        session = Session(settings, store=store, warc=writer)
        for path in ("/gone", "/odd"):
            assert session.run(lambda s: fetch(s, f"https://news.example{path}")).status in (404, 599)
        writer.close()
    finally:
        raw.close()
    lines = [http.statusline for kind, _, http in records(warc) if kind == "response"]
    assert lines == ["404 Not Found", "599"]
    assert check(warc)[0]
