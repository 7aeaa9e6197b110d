"""Secrets are never written (#11). Every secret is set to a marker, a full online run goes through every command
against loopback servers playing X (API, syndication, oEmbed), Meta's Graph API and Threads oEmbed, the Wayback
APIs and Save Page Now; then the database (raw file, its -wal, every decompressed body), the WARC (decompressed),
the logs, the reports and every byte the commands printed are searched for the markers."""

import gzip
import json
import logging
import zlib

import pytest
from werkzeug.wrappers import Response

from cache import Store
from tests import xfixtures as fx
from tests.cliworld import World
from tests.fakenet import page, redirect
from tests.test_fetch import by_id, json_page, serve_media

MARKERS = {"X_BEARER_TOKEN": "MRKxbearer7Q2", "IA_ACCESS_KEY": "MRKiaaccess4Z9", "IA_SECRET_KEY": "MRKiasecret8W1",
           "META_ACCESS_TOKEN": "MRKmetatoken3K5"}
POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
INSTAGRAM = "https://www.instagram.com/p/CxAbC123dEf/"
THREADS = "https://www.threads.net/@riverwatch/post/C1aBcDeFgHi"
ARTICLE = (f"Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx\n"
           f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n\n"
           f"The council posted a photo: {INSTAGRAM}\nAnd on Threads: {THREADS}\n\n"
           "Crews worked overnight.\n— Riverton Roads (@RivertonRoads) December 5, 2022\n")
INSTAGRAM_OEMBED = {"version": "1.0", "author_name": "riverton.council", "provider_name": "Instagram",
                    "provider_url": "https://www.instagram.com/", "type": "rich", "width": 658,
                    "html": '<blockquote class="instagram-media">The bridge</blockquote>',
                    "thumbnail_url": fx.PHOTO_URL, "thumbnail_width": 64, "thumbnail_height": 48}
THREADS_OEMBED = {"version": "1.0", "provider_name": "Threads", "provider_url": "https://www.threads.net/",
                  "type": "rich", "width": 658, "html": '<blockquote class="text-post-media">Bridge</blockquote>'}
JOB = "spn2-00000000000000000000000000000000000marker"


def serve_everything(fakenet):
    seen: dict[str, list[str]] = {"authorization": [], "query": []}

    def remember(request):
        seen["authorization"].append(request.headers.get("Authorization") or "")
        seen["query"].append(request.query_string.decode())

    def answer(data):
        def handle(request):
            remember(request)
            return Response(fx.as_json(data), content_type="application/json; charset=utf-8")
        return handle
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(POST + "/photo/1"))
    fakenet.route("api.twitter.com", "/2/tweets", answer(fx.X_API_LOOKUP))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)],
                                                                       "1600000000000000000": [page("", 404)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", answer(INSTAGRAM_OEMBED))
    fakenet.route("graph.threads.net", "/v1.0/oembed", answer(THREADS_OEMBED))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    fakenet.route("www.instagram.com", "/p/CxAbC123dEf/", page("<html>the photo</html>"))
    fakenet.route("www.threads.net", "/@riverwatch/post/C1aBcDeFgHi", page("<html>the thread</html>"))
    captures = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
                ["com,twitter)/rivertonroads/status/1600000000000000000", "20221205120000",
                 "https://twitter.com/RivertonRoads/status/1600000000000000000", "text/html", "200", "AAAA", "100"]]
    fakenet.route("web.archive.org", "/cdx/search/cdx", answer(captures))
    fakenet.route("archive.org", "/wayback/available", answer({"archived_snapshots": {}}))
    fakenet.route("web.archive.org", "/save", answer({"url": POST, "job_id": JOB}))
    fakenet.route("web.archive.org", f"/save/status/{JOB}", answer({
        "status": "success", "job_id": JOB, "original_url": POST, "timestamp": "20261125230000", "resources": []}))
    serve_media(fakenet)
    return seen


class Everything(logging.Handler):
    """Every log record of the run, formatted, whatever its logger and level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.tool_lines: list[str] = []   # without the loopback test server's own request log (werkzeug)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        if not record.name.startswith("werkzeug"):
            self.tool_lines.append(self.lines[-1])


@pytest.fixture
def logs():
    root, handler = logging.getLogger(), Everything()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch, logs):
    monkeypatch.chdir(tmp_path)
    seen = serve_everything(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    printed: list[str] = []

    def invoke(*args):
        result = world(*args, env=MARKERS)
        printed.append(result.output)
        return result
    invoke("scan", "--archive", "--save", "--identify", "--warc", "run.warc.gz", "--json", str(source))
    invoke("fetch", "--all-methods", "--refresh", "--json", str(source))
    invoke("fetch", "--all-methods", "--refresh", str(source))
    invoke("archive", "--save", "--warc", "run.warc.gz", "--json", str(source))
    invoke("resolve", "--refresh", "--json", "https://t.co/Zz98Yy76Xx")
    for fmt in ("md", "json", "html"):
        invoke("report", "--refresh", "--format", fmt, "-o", f"report.{fmt}", str(source))
    invoke("report", "--refresh", "-o", "reports", str(source), str(source))
    assert any("connect_tcp.started host=" in line for line in logs.lines)   # the logs were heard
    return world, seen, "\n".join(printed + logs.lines)


def test_no_secret_is_written_anywhere(run, tmp_path):
    world, seen, output = run
    # The markers must have been sent, or the search below proves nothing.
    sent = " ".join(seen["authorization"] + seen["query"])
    assert f"Bearer {MARKERS['X_BEARER_TOKEN']}" in sent
    assert f"LOW {MARKERS['IA_ACCESS_KEY']}:{MARKERS['IA_SECRET_KEY']}" in sent
    assert f"Bearer {MARKERS['META_ACCESS_TOKEN']}" in seen["authorization"]   # Graph API: in a header
    assert any(f"access_token={MARKERS['META_ACCESS_TOKEN']}" in q for q in seen["query"])   # Threads: in the query

    places = {"output and logs": output.encode()}
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name not in ("config.toml", "article.txt"):
            data = path.read_bytes()
            places[str(path)] = gzip.decompress(data) if path.name.endswith(".gz") else data
    store = Store(world.db)
    for row in store.db["bodies"].rows:
        places[f"bodies/{row['sha256']}"] = zlib.decompress(row["data"])
    places["database rows"] = json.dumps([list(store.db[t].rows) for t in store.db.table_names() if t != "bodies"],
                                         default=str).encode()
    leaks = {where: name for where, data in places.items() for name, marker in MARKERS.items()
             if marker.encode() in data}
    assert leaks == {}

    # A redacted URL keeps the parameter's name, so a reader sees that a token was sent.
    urls = [r["url"] for r in store.db["fetches"].rows if "graph.threads.net" in r["url"]]
    assert urls and all("access_token=REDACTED" in u for u in urls)


def test_a_url_carrying_a_secret_is_never_sent_to_the_archive(fakenet, tmp_path):
    """`archive URL` put the URL in the CDX and availability queries' url= parameter: a signed link's signature
    went to the archive, and its answers (which list the URL of every capture) into the kept bodies, the captures
    recorded and the WARC. It is not looked up: the answer says why, and that whether a copy exists is not known
    (an error: never "no archived copy"); the live copy is still fetched, and nothing keeps the signature."""
    from tests import waybacknet

    signature = "SIGmarker0123456789abcdef"
    url = f"https://news.example/files/report.pdf?X-Amz-Signature={signature}&v=2"
    fakenet.route("news.example", "/files/report.pdf", page(b"%PDF-1.4 report", content_type="application/pdf"))
    # An archive that knows the URL, as the real one may: its answers would carry the signature back.
    waybacknet.serve(fakenet, [waybacknet.Capture("20240102030405", url, b"%PDF-1.4 report", "application/pdf")])
    world = World(fakenet, tmp_path)
    result = world("archive", "--json", "--warc", str(tmp_path / "run.warc.gz"), url)
    assert result.exit_code == 0, result.output   # withheld on purpose, said in the output: no failure
    assert not any(h[0] in ("web.archive.org", "archive.org") for h in fakenet.hits), fakenet.hits
    assert any(h[0] == "news.example" for h in fakenet.hits)   # the live copy
    [found] = [json.loads(line) for line in result.stdout.splitlines()]
    assert found["error"] == ("withheld: not looked up: the URL carries a secret (X-Amz-Signature=…), which asking "
                              "the archive would send it; whether an archived copy exists is not known")
    assert (found["count"], found["snapshots"], found["saved"]) == (None, [], None)
    store = Store(world.db)
    rows = json.dumps([list(store.db[t].rows) for t in store.db.table_names()], default=str)
    warc = gzip.decompress((tmp_path / "run.warc.gz").read_bytes())
    assert signature not in rows and signature.encode() not in warc and signature not in result.stdout


def test_a_url_carrying_a_secret_is_never_submitted_to_save_page_now(fakenet, tmp_path, logs):
    """Save Page Now publishes what it is given in the public Wayback Machine: a URL with a secret in it (a
    token, a signature) must never be submitted, by `archive --save` or `scan --archive --save`. Its save says why;
    nothing of the secret reaches the saves table, the database, the WARC, a log or the output of `archive`."""
    from tests import waybacknet

    token = "TOKmarker4242abcdef"
    secret = f"https://news.example/photo.jpg?token={token}&w=800"
    plain = "https://news.example/plain.jpg"
    for path in ("/photo.jpg", "/plain.jpg"):
        fakenet.route("news.example", path, page(fx.jpeg(), content_type="image/jpeg"))
    waybacknet.serve(fakenet, [])
    submitted = waybacknet.serve_save_page_now(fakenet)
    keys = {"IA_ACCESS_KEY": "k-ia-access", "IA_SECRET_KEY": "s-ia-secret"}
    refusal = "not saved: the URL carries a secret (token=…); saving it would publish it in the public archive"

    # scan --archive --save of an article whose credited photo is a signed URL (the article's own words, the
    # credit's image, are kept as written: what is checked here is the save and the archive output)
    article = tmp_path / "a.html"
    article.write_text("<html><body>" + "".join(
        f'<figure><img src="{src}"><figcaption>The bridge. (Photo: Bea Example/Riverton Post)</figcaption></figure>'
        for src in (secret, plain)) + "</body></html>")
    (tmp_path / "scan").mkdir()
    world = World(fakenet, tmp_path / "scan", extra="[archive]\nsave_timeout = 2\n")
    scanned = world("scan", "--archive", "--save", "--warc", str(tmp_path / "scan.warc.gz"), "--json", str(article),
                    env=keys)
    # the URL with a secret is not looked up either, which the output says: no failure (exit 0), as the refused save
    assert scanned.exit_code == 0, scanned.output
    assert submitted == [plain]   # the server works: the URL without a secret was saved, the other never sent
    [by_scan] = [a for a in json.loads(scanned.stdout)["archives"] if "photo.jpg" in a["url"]]
    assert by_scan["url"] == "https://news.example/photo.jpg?token=REDACTED&w=800"
    assert by_scan["saved"]["status"] == "refused" and by_scan["saved"]["message"] == refusal
    assert by_scan["error"].startswith("withheld: not looked up: the URL carries a secret (token=…)")
    assert [r["url"] for r in Store(world.db).db["saves"].rows] == [plain]

    # archive --save of the URL itself, JSON and the view for people
    (tmp_path / "archive").mkdir()
    world = World(fakenet, tmp_path / "archive", extra="[archive]\nsave_timeout = 2\n")
    warc = str(tmp_path / "run.warc.gz")
    archived = world("archive", "--save", "--json", "--warc", warc, secret, env=keys)
    shown = world("archive", "--save", "--warc", warc, secret, env=keys)
    assert (archived.exit_code, shown.exit_code) == (0, 0), archived.output + shown.output
    assert submitted == [plain]
    [result] = [json.loads(line) for line in archived.stdout.splitlines()]
    assert result["url"] == "https://news.example/photo.jpg?token=REDACTED&w=800"
    assert (result["saved"]["status"], result["saved"]["message"]) == ("refused", refusal)
    assert refusal in " ".join(shown.stdout.split())
    assert "not looked up: the URL carries a secret (token=…)" in " ".join(shown.stdout.split())
    store = Store(world.db)
    assert list(store.db["saves"].rows) == []
    places = {"output": (archived.output + shown.output + "\n".join(logs.tool_lines)).encode(),
              "warc": gzip.decompress((tmp_path / "run.warc.gz").read_bytes()),
              "database": json.dumps([list(store.db[t].rows) for t in store.db.table_names() if t != "bodies"],
                                     default=str).encode()}
    places |= {f"bodies/{row['sha256']}": zlib.decompress(row["data"]) for row in store.db["bodies"].rows}
    assert {where for where, data in places.items() if token.encode() in data} == set()


def test_a_report_on_a_post_whose_url_carries_a_secret_says_its_archive_lookup_was_withheld(fakenet, tmp_path):
    """An embed's URL carrying a secret (here a configured key) is not looked up in the archive, and its archive
    result's URL is redacted. The report matched archive results by the URL as written, which no redacted result
    matches, and fell back to the snapshots the cache kept under that URL: "an archived copy exists", from a
    listing this run never made, the secret in its URL. It says the lookup was withheld: whether a copy exists
    is not known (never "no archived copy")."""
    from tests import waybacknet

    key, secret_id, plain_id = "Tok3nHolder9", "1600000000000000101", "1600000000000000102"
    secret_url = f"https://twitter.com/{key}/status/{secret_id}"
    plain_url = f"https://twitter.com/PlainDesk/status/{plain_id}"
    quote = ('<blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk {n} (@{handle}) '
             '<a href="{url}">December 6, 2022</a></blockquote>')
    (tmp_path / "a.html").write_text("<html><body><p>Story.</p>" + quote.format(n=1, handle=key, url=secret_url)
                                     + quote.format(n=2, handle="PlainDesk", url=plain_url) + "</body></html>")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        secret_id: [json_page(fx.TOMBSTONE_DELETED)], plain_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    # The archive holds the plain post; a gone post's captures are read by prefix listings (no lookup of it).
    waybacknet.serve(fakenet, [waybacknet.Capture("20221206120000", plain_url, b"<html><title>Desk</title></html>")])
    world = World(fakenet, tmp_path)
    # What an earlier version recorded of the secret URL: the report must not show it as this post's copies.
    Store(world.db).record_snapshots([{"service": "wayback", "original": secret_url, "timestamp": "20200101000000",
                                       "url": f"https://web.archive.org/web/20200101000000/{secret_url}",
                                       "status": "200", "digest": "X", "mimetype": "text/html", "found_via": "cdx",
                                       "observed_at": "2020-01-01T00:00:00Z", "fetch_id": None}])
    env = {"META_ACCESS_TOKEN": key}
    result = world("report", "--format", "json", str(tmp_path / "a.html"), env=env)
    assert result.exit_code == 0, result.output
    lookups = [h[1] for h in fakenet.hits if h[0] in ("web.archive.org", "archive.org")]   # prefix listings too
    assert any(plain_id in h for h in lookups) and not any(key in h for h in lookups), lookups
    first, second = json.loads(result.stdout)["embeds"]
    withheld = ("not known: not looked up: the URL carries a secret (a configured key), which asking the archive "
                "would send it; whether an archived copy exists is not known")
    assert ({c["name"]: (c["result"], c["evidence"]) for c in first["checks"]}["archive"], first["snapshots"],
            first["archive_looked_up"]) == (("skip", withheld), [], False)
    assert {c["name"]: c["result"] for c in second["checks"]}["archive"] == "warn"   # deleted, a copy exists
    markdown = world("report", str(tmp_path / "a.html"), env=env)
    assert markdown.exit_code == 0, markdown.output
    assert withheld in " ".join(markdown.stdout.split()) and "20200101000000" not in markdown.stdout
    first_section = markdown.stdout.split("\n### ")[1]
    assert first_section.startswith("1.") and "no archived copy" not in first_section, first_section


def test_a_gone_posts_captures_are_not_listed_under_a_url_that_carries_a_secret(fakenet, tmp_path):
    """Reading a gone post's archived copies lists its URL forms by CDX prefix (twitter.com/<handle>/status/<id>,
    x.com, mobile., publish.twitter.com's oEmbed): a configured secret in the post's URL (here its handle) was sent
    to CDX. The forms that carry it are not looked up, and the lookup says so: a withheld lookup, no failure (exit
    0), never "no archived copy"; the forms without it (the syndication answer, by id) still are."""
    from tests import waybacknet

    key, post_id = "Tok3nHolder9", "1600000000000000103"
    url = f"https://twitter.com/{key}/status/{post_id}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({post_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    waybacknet.serve(fakenet, [waybacknet.Capture("20221206120000", url, b"<html><title>Desk</title></html>")])
    world = World(fakenet, tmp_path)
    env = {"META_ACCESS_TOKEN": key}
    withheld = ("withheld: not looked up under 4 of its 5 URL forms: they carry a secret (a configured key), which "
                "asking the archive would send it; whether an archived copy exists is not known")
    for run in ("fresh", "cached"):
        result = world("fetch", "--json", url, env=env)
        assert result.exit_code == 0, result.output
        [post] = [json.loads(line) for line in result.stdout.splitlines()]
        assert (post["status"], post["archived"], post["archive_lookup"], post["from_cache"]) == (
            "deleted", [], withheld, run == "cached"), run
    archive = [path for host, path in fakenet.hits if host in ("web.archive.org", "archive.org")]
    assert not any(key in path for path in archive), archive
    [listed] = [path for path in archive if "matchType=prefix" in path]   # the form by id, once (then cached)
    assert listed.startswith(f"/cdx/search/cdx?url=cdn.syndication.twimg.com%2Ftweet-result%3Fid%3D{post_id}&"), listed
    shown = world("fetch", url, env=env)
    assert shown.exit_code == 0 and "no archived copy" not in shown.stdout, shown.stdout
    assert "archive lookup withheld: not looked up under 4 of its 5 URL forms" in " ".join(shown.stdout.split())


def test_identifying_a_flattened_post_lists_no_account_whose_handle_is_a_secret(fakenet, tmp_path):
    """Identification lists the account's captures by CDX prefix (twitter.com/<handle>/status/...): a handle that
    is a configured secret was sent to CDX. Not listed; the identification is not checked, and says why, which is
    no failure (exit 0)."""
    from tests import waybacknet

    key = "Tok3nHolder9"
    waybacknet.serve(fakenet, [])
    source = tmp_path / "a.txt"
    source.write_text(f"Bridge reopened this morning after repairs.\n— Desk (@{key}) December 6, 2022\n")
    result = World(fakenet, tmp_path)("scan", "--identify", "--json", str(source), env={"META_ACCESS_TOKEN": key})
    assert result.exit_code == 0, result.output
    assert not any(key in path for host, path in fakenet.hits if host in ("web.archive.org", "archive.org"))
    [identification] = json.loads(result.stdout)["identifications"]
    withheld = ("not looked up: the URL carries a secret (a configured key), which asking the archive would send "
                "it; whether an archived copy exists is not known")
    assert (identification["verdict"], identification["evidence"]["error"]) == ("not-checked", "withheld: " + withheld)
    shown = World(fakenet, tmp_path)("scan", "--identify", str(source), env={"META_ACCESS_TOKEN": key})
    assert shown.exit_code == 0 and "failed" not in shown.stdout, shown.stdout
    assert f"#1 not identified: {withheld}" in " ".join(shown.stdout.split())


# -- redact26: an X token the servers echo back, in every encoding, reaches nothing we write -----------------------

ECHO_TOKEN = "AAAAAAAAAAAAAAAAAAAAAFicTionalEcho%2FBearer%3DToken0123456789%2Bplus%3D%3D"   # fictional, as X issues


def _lower_escapes(text: str) -> str:
    import re

    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), text)


def _echoes(token: str) -> dict[str, str]:
    """The token as a server may send it back: as sent, decoded, its escapes in lower case, and encoded again (in a
    URL carried in another URL's parameter) once or twice, in either case."""
    from urllib.parse import quote, unquote

    lower = _lower_escapes(token)
    return {"as-sent": token, "decoded": unquote(token), "lower": lower, "twice": quote(token, safe=""),
            "twice-lower": quote(lower, safe=""), "thrice-lower": quote(quote(lower, safe=""), safe="")}


def _shows(data: bytes, token: str) -> list[str]:
    """The forms of the token `data` shows: decoded any number of times, or in base64 (a Basic or Bearer header)."""
    import base64
    from urllib.parse import unquote

    found = []
    text = data.decode("utf-8", "replace")
    while True:
        if unquote(token) in text or token in text:
            found.append(text[max(0, text.find(unquote(token))) - 60:][:200])
            break
        if (decoded := unquote(text)) == text:
            break
        text = decoded
    found += [form.decode() for form in (base64.b64encode(token.encode()), base64.b64encode(f"Bearer {token}".encode()))
              if form in data]
    return found


def _shown_anywhere(tmp_path, db, printed: list[str], logs, *, source: str,
                    token: str = ECHO_TOKEN) -> dict[str, list[str]]:
    """Where a run left a form of `token` (`_shows`), and which: what the commands printed, the tool's log
    records, every file of the run but the config and the article (the WARC decompressed), the database's SQL dump
    (every table, FTS shadow tables included) and every kept body decompressed."""
    import sqlite3
    from contextlib import closing

    places = {"output": "\n".join(printed).encode(), "logs": "\n".join(logs.tool_lines).encode()}
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name not in ("config.toml", source):
            data = path.read_bytes()
            places[str(path)] = gzip.decompress(data) if path.name.endswith(".gz") else data
    with closing(sqlite3.connect(db)) as conn:
        places["sql dump"] = "\n".join(conn.iterdump()).encode()
        for sha256, data in conn.execute("SELECT sha256, data FROM bodies"):
            places[f"bodies/{sha256}"] = zlib.decompress(data)
    return {where: shown for where, data in places.items() if (shown := _shows(data, token))}


def test_redact26_an_x_token_echoed_in_urls_and_bodies_reaches_no_output_log_row_or_warc(fakenet, tmp_path,
                                                                                          monkeypatch, logs):
    """A run with an X token set, against the loopback X API, t.co and the archive, where the servers send the
    token back in every form (a redirect's Location, a post's expanded URL, an answer's body, a header), encoded
    once, twice or three times with escapes in either case: stdout, stderr, the log records, every row of every
    table (FTS included: the database's SQL dump), every kept body, the WARC and every file of the run show none."""
    from urllib.parse import quote

    monkeypatch.chdir(tmp_path)
    echoes = _echoes(ECHO_TOKEN)
    carried = "https://news.example/landing?next=" + quote("https://api.example/cb?q=" + echoes["twice-lower"], safe="")
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(carried))
    fakenet.route("news.example", "/landing", page("<html>landed</html>", **{"X-Echo": echoes["lower"]}))
    lookup = json.loads(fx.as_json(fx.X_API_LOOKUP))
    lookup["data"][0]["entities"]["urls"][0]["expanded_url"] = (
        f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}/photo/1?ref=" + echoes["thrice-lower"])
    lookup["errors"] = [{"title": "Echo", "detail": " ".join(echoes.values())}]
    sent: list[str] = []

    def x_api(request):
        sent.append(request.headers.get("Authorization") or "")
        return Response(json.dumps(lookup), content_type="application/json; charset=utf-8",
                        headers={"Link": carried, "X-Echo": echoes["decoded"]})
    fakenet.route("api.twitter.com", "/2/tweets", x_api)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page(fx.SYNDICATION_TWEET))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.txt"
    source.write_text(f"Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx\n"
                      f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed = []
    for args in (("scan", "--fetch", "--archive", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("fetch", "--all-methods", "--refresh", "--json", "-v", POST),
                 ("resolve", "--refresh", "--json", "https://t.co/Zz98Yy76Xx"),
                 ("report", "--refresh", "--format", "json", "-o", "report.json", str(source))):
        result = world(*args, env=env)
        printed.append(result.output)
    assert sent and all(s == f"Bearer {ECHO_TOKEN}" for s in sent)   # the token was sent, so the search means something
    assert any("news.example" in host for host, _ in fakenet.hits)

    assert _shown_anywhere(tmp_path, world.db, printed, logs, source="article.txt") == {}


def test_secrets27_a_credited_images_url_carrying_a_secret_is_stored_and_output_redacted(fakenet, tmp_path,
                                                                                       monkeypatch, logs):
    """A credited image whose URL carries the configured X token (as issued, and twice encoded in lower case in a URL
    carried in its query): `scan --fetch --json` printed it in full (`credits[].image`, `credited_images[].url`),
    the cache kept it (`credits.image`, `media.url`, FTS) and so did every report. The image is still fetched at its
    real URL (the server sees the token), and its metadata is still tied to its credit."""
    from urllib.parse import quote

    monkeypatch.chdir(tmp_path)
    echoes = _echoes(ECHO_TOKEN)
    harbour = f"https://news.example/img/harbour.jpg?key={ECHO_TOKEN}"
    bridge = "https://news.example/img/bridge.jpg?u=" + quote("https://cdn.example/x?t=" + echoes["lower"], safe="")
    asked: list[str] = []

    def image(request):
        asked.append(request.query_string.decode())
        return Response(fx.jpeg(iptc={(2, 80): b"Bea Example", (2, 110): b"Riverton Post"}), content_type="image/jpeg")
    fakenet.route("news.example", "/img/harbour.jpg", image)
    fakenet.route("news.example", "/img/bridge.jpg", image)
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><figure><img src="{harbour}"><figcaption>The harbour. (Photo: Bea Example/'
                      f'Riverton Post)</figcaption></figure><p>Text.</p><figure><img src="{bridge}"><figcaption>'
                      'The bridge. (Photo: Cy Example/Riverton Post)</figcaption></figure></body></html>')
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed, stdout = [], []
    for args in (("scan", "--fetch", "--archive", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("scan", "--fetch", "--json", str(source)),   # a second run: from the cache
                 ("scan", "--fetch", str(source)),
                 *(("report", "--format", fmt, "-o", f"report.{fmt}", str(source)) for fmt in ("md", "json", "html"))):
        result = world(*args, env=env)
        printed.append(result.output)
        stdout.append(result.stdout)
    assert sorted(set(asked)) == sorted({f"key={ECHO_TOKEN}", bridge.partition("?")[2]})   # the real URLs, asked
    data = json.loads(stdout[0])
    assert [c["image"] for c in data["credits"]] == ["https://news.example/img/harbour.jpg?key=REDACTED",
                                                     "https://news.example/img/bridge.jpg?u="
                                                     + quote("https://cdn.example/x?t=REDACTED", safe="")]
    assert [i["url"] for i in data["credited_images"]] == [c["image"] for c in data["credits"]]
    assert [i["credit"] for i in data["credited_images"]] == [{"byline": "Bea Example", "credit_line": "Riverton Post"}] * 2
    assert json.loads(stdout[1])["credits"] == data["credits"]
    report = json.loads((tmp_path / "report.json").read_text())
    assert [c["image_metadata"]["url"] for c in report["credits"]] == [c["image"] for c in data["credits"]]

    assert _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html") == {}


def test_secrets27_a_body_kept_with_a_secret_redacted_says_so_in_the_warc_the_cache_stats_and_reports(fakenet,
                                                                                                     tmp_path):
    """The X API answer quotes the token: its body is kept with it redacted (redact26), and nothing said so. Now
    its WARC response record carries `WARC-Embed-Resolver-Redacted: body` (its digests those of the body kept, as
    warcio checks them), its `bodies` row `redacted` 1, `cache stats` counts it and the report's provenance of
    the post says it. An answer with no secret in it is marked nowhere."""
    from warcio.archiveiterator import ArchiveIterator

    lookup = json.loads(fx.as_json(fx.X_API_LOOKUP))
    lookup["errors"] = [{"title": "Echo", "detail": f"token {ECHO_TOKEN} was used"}]
    fakenet.route("api.twitter.com", "/2/tweets", json_page(lookup))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", json_page(fx.SYNDICATION_TWEET))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    fakenet.route("web.archive.org", "/cdx/search/cdx", json_page([]))
    fakenet.route("archive.org", "/wayback/available", json_page({"archived_snapshots": {}}))
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.txt"
    source.write_text(f"The bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    warc = tmp_path / "run.warc.gz"
    done = world("scan", "--fetch", "--archive", "--warc", str(warc), str(source), env=env)
    assert done.exit_code == 0, done.output
    assert world("fetch", "--all-methods", "--refresh", POST, env=env).exit_code == 0
    marks = {}
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream, check_digests="raise"):
            if record.rec_type == "response":
                record.content_stream().read()
                marks[record.rec_headers.get_header("WARC-Target-URI").split("?")[0]] = \
                    record.rec_headers.get_header("WARC-Embed-Resolver-Redacted")
    assert marks["https://api.twitter.com/2/tweets"] == "body"
    assert {url: mark for url, mark in marks.items() if mark} == {"https://api.twitter.com/2/tweets": "body"}
    store = Store(world.db)
    redacted = {row["sha256"]: row["redacted"] for row in store.db.query("SELECT sha256, redacted FROM bodies")}
    assert sorted(redacted.values()) == [0] * (len(redacted) - 1) + [1]
    stats = world("cache", "stats", "--json")
    assert json.loads(stats.stdout)["bodies_redacted"] == 1
    assert "bodies kept with a configured secret redacted: 1" in world("cache", "stats").stdout
    assert world("report", "--format", "json", "-o", str(tmp_path / "report.json"), str(source), env=env).exit_code == 0
    report = json.loads((tmp_path / "report.json").read_text())
    sources = report["embeds"][0]["post"]["sources"]
    marked = {s["method"]: s["body_redacted"] for s in sources}
    assert marked["x-api"] is True and marked["syndication"] is False
    assert world("report", "--format", "md", "-o", str(tmp_path / "report.md"), str(source), env=env).exit_code == 0
    assert "(secret redacted)" in (tmp_path / "report.md").read_text()
    # Replayed from the WARC into another cache, the body is still known to be redacted.
    (tmp_path / "replay").mkdir()
    again = World(fakenet, tmp_path / "replay")
    done = again("--replay", str(warc), "scan", "--fetch", str(source), env=env)
    assert done.exit_code == 0, done.output
    assert [row["redacted"] for row in Store(again.db).db.query(
        "SELECT redacted FROM bodies WHERE content_type LIKE 'application/json%'")] == [1]


def _serve_shortener(fakenet) -> list[str]:
    """t.co sending its link to the post's photo, and the post; the query string of each request t.co had."""
    asked: list[str] = []

    def shortener(request):
        asked.append(request.query_string.decode())
        return redirect(POST + "/photo/1")(request)
    fakenet.route("t.co", "/Zz98Yy76Xx", shortener)
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}/photo/1", page("<html>the post</html>"))
    return asked


def _tweet_with_link(link: str) -> str:
    """An article embedding the post, its photo's t.co link written as `link`."""
    return (f'<html><body><blockquote class="twitter-tweet"><p>Bridge open <a href="{link}">'
            'pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; Riverton Roads (@RivertonRoads) <a href="'
            f'{POST}">December 6, 2022</a></blockquote></body></html>')


def test_secrets27_an_embeds_links_carrying_a_secret_are_stored_and_output_redacted(fakenet, tmp_path, monkeypatch,
                                                                                    logs):
    """A tweet blockquote whose t.co link carries the configured X token: `scan --json` printed it in full
    (`embeds[].links`), and the cache kept it (`embeds.links`, `embed_links.url`), as a credited image's URL was.
    The link is still resolved at its real URL (t.co sees the token), and its resolution tied to the embed."""

    monkeypatch.chdir(tmp_path)
    asked = _serve_shortener(fakenet)
    world = World(fakenet, tmp_path)
    link = f"https://t.co/Zz98Yy76Xx?tok={ECHO_TOKEN}"
    source = tmp_path / "article.html"
    source.write_text(_tweet_with_link(link))
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed, stdout = [], []
    for args in (("scan", "--resolve", "--json", "-v", str(source)), ("scan", "--resolve", "--json", str(source)),
                 ("scan", "--resolve", str(source)), ("report", "--format", "json", "-o", "report.json", str(source))):
        result = world(*args, env=env)
        printed.append(result.output)
        stdout.append(result.stdout)
    assert asked and set(asked) == {f"tok={ECHO_TOKEN}"}   # the real link, asked
    data = json.loads(stdout[0])
    assert data["embeds"][0]["links"] == ["https://t.co/Zz98Yy76Xx?tok=REDACTED"]
    assert data["resolutions"][0]["url"] == data["embeds"][0]["links"][0]
    assert data["resolutions"][0]["final_url"] == POST + "/photo/1"
    assert json.loads(stdout[1])["embeds"] == data["embeds"]

    assert _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html") == {}


def test_secrets27_fetch_records_an_articles_links_carrying_a_secret_redacted(fakenet, tmp_path):
    """`fetch ARTICLE` records the article's scan too: its embeds' links were kept with the token in them."""
    import sqlite3
    from contextlib import closing

    fakenet.route("api.twitter.com", "/2/tweets", json_page(fx.X_API_LOOKUP))
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><blockquote class="twitter-tweet"><p>Bridge open <a href="https://t.co/Zz98Yy76Xx'
                      f'?tok={ECHO_TOKEN}">pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; Riverton Roads (@RivertonRoads) '
                      f'<a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    result = world("fetch", "--json", str(source), env={"X_BEARER_TOKEN": ECHO_TOKEN})
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(world.db)) as conn:
        assert conn.execute("SELECT links FROM embeds").fetchall() == [('["https://t.co/Zz98Yy76Xx?tok=REDACTED"]',)]
        dump = "\n".join(conn.iterdump()).encode()
    assert _shows(dump, ECHO_TOKEN) == [] and _shows(result.output.encode(), ECHO_TOKEN) == []


def test_secrets27_an_internal_errors_line_is_said_with_a_configured_secret_redacted(fakenet, tmp_path, monkeypatch):
    """The last line of defence, "error: internal error: …", printed the exception's text as it was: an error whose
    text quotes the URL it was working on (a link carrying the configured token) printed the token."""
    from resolver import resolve as resolving

    def broken(links, **_):
        raise RuntimeError(f"tripped on {links[0]}")
    monkeypatch.setattr(resolving, "resolve_many", broken)
    world = World(fakenet, tmp_path)
    result = world("resolve", f"https://t.co/Zz98Yy76Xx?tok={ECHO_TOKEN}", env={"X_BEARER_TOKEN": ECHO_TOKEN})
    assert result.exit_code == 1
    assert result.stderr.startswith("error: internal error: RuntimeError: tripped on https://t.co/Zz98Yy76Xx?tok=REDACTED")
    assert _shows(result.output.encode(), ECHO_TOKEN) == []


def test_fix27s_two_credited_images_differing_only_in_a_signature_stay_apart_when_they_carry_a_secret(
        fakenet, tmp_path, logs):
    """Two credited images whose URLs carry the configured token and differ only in their own `sig=`: redaction
    blanked `sig=` too, so both had one redacted form, one image was fetched and both credits were checked against
    it (review27a #3: a wrong answer). Each is fetched at its own URL, and its metadata tied to its own credit."""
    asked: list[str] = []
    people = {"111": (b"Jane Doe", b"Reuters"), "222": (b"John Roe", b"AP")}

    def image(request):
        asked.append(request.query_string.decode())
        byline, agency = people[request.args["sig"]]
        return Response(fx.jpeg(iptc={(2, 80): byline, (2, 110): agency}), content_type="image/jpeg")
    fakenet.route("news.example", "/img/a.jpg", image)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text('<html><body><article><p>Story text about the bridge and pier that reopened this week.</p>'
                      + "".join(f'<figure><img src="https://news.example/img/a.jpg?key={ECHO_TOKEN}&amp;sig={sig}">'
                                f'<figcaption>{n}. Photo: {who}</figcaption></figure>'
                                for n, sig, who in (("One", 111, "Jane Doe/Reuters"), ("Two", 222, "John Roe/AP")))
                      + "</article></body></html>")
    result = world("scan", "--fetch", "--json", str(source), env={"X_BEARER_TOKEN": ECHO_TOKEN})
    assert result.exit_code == 0, result.output
    assert sorted(asked) == [f"key={ECHO_TOKEN}&sig=111", f"key={ECHO_TOKEN}&sig=222"]
    data = json.loads(result.stdout)
    images = ["https://news.example/img/a.jpg?key=REDACTED&sig=111", "https://news.example/img/a.jpg?key=REDACTED&sig=222"]
    assert [c["image"] for c in data["credits"]] == images
    assert {i["url"]: i["credit"] for i in data["credited_images"]} == {
        images[0]: {"byline": "Jane Doe", "credit_line": "Reuters"},
        images[1]: {"byline": "John Roe", "credit_line": "AP"}}
    assert _shown_anywhere(tmp_path, world.db, [result.output], logs, source="article.html") == {}


def test_fix27s_an_embeds_text_and_a_records_id_carrying_a_secret_are_stored_and_output_redacted(
        fakenet, tmp_path, monkeypatch, logs):
    """A scraped tweet's text holding its t.co link with the configured token, in a JSON Lines record whose id holds
    the token too: `links` was redacted, but `embeds[].text` (JSON, `embeds.text`, its FTS index, the Markdown
    report) and `record_id` kept the token (review27a #2). The credit's raw text and the date's text go the same
    way; spans still point at the article as read."""
    monkeypatch.chdir(tmp_path)
    world = World(fakenet, tmp_path)
    text = (f"Bridge open https://t.co/abc?tok={ECHO_TOKEN} \u2014 Riverton Roads (@RivertonRoads) December 6, 2022. "
            f"Photo: Jane Doe/Reuters {ECHO_TOKEN}")
    records = tmp_path / "feed.jsonl"
    records.write_text(json.dumps({"id": f"rec-{ECHO_TOKEN}", "url": "https://news.example/x", "text": text}) + "\n")
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed = []
    result = world("scan", "--json", "--jsonl", str(records), "--id-field", "id", env=env)
    assert result.exit_code == 0, result.output
    printed.append(result.output)
    data = json.loads(result.stdout)
    assert data["record_id"] == "rec-REDACTED"
    [embed] = data["embeds"]
    assert embed["links"] == ["https://t.co/abc?tok=REDACTED"]
    assert embed["text"] == "Bridge open https://t.co/abc?tok=REDACTED"
    assert [(c["raw"], c["span"]) for c in data["credits"]] == [("Photo: Jane Doe/Reuters REDACTED",
                                                                  [text.index("Photo"), len(text)])]
    report = world("report", "--offline", "-o", "rep", "--jsonl", str(records), "--id-field", "id", env=env)
    assert report.exit_code == 0, report.output
    printed.append(report.output)
    assert any("tok=REDACTED" in p.read_text() for p in (tmp_path / "rep").rglob("*.md"))
    assert _shown_anywhere(tmp_path, world.db, printed, logs, source="feed.jsonl") == {}


def test_secrets28_an_embeds_own_url_and_handle_carrying_a_secret_are_stored_and_output_redacted(fakenet, tmp_path,
                                                                                              monkeypatch, logs):
    """A tweet blockquote whose post URL and author handle hold the configured key, a flattened tweet signed by it
    and a status link carrying it in its query: `embeds[].url` and `author_handle` were kept in the cache (`embeds`,
    its FTS index) and printed in the JSON, every report and a failed post's URL, as they were written (#11). Now
    they are redacted; the steps still ask for the post as written (its id, its live copy at its real URL), its
    archive lookup and the identification of the flattened tweet are still withheld, and say so."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    key, gone_id, other_id = "Tok3nHolder9Zq", "1600000000000000101", "1600000000000000102"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        gone_id: [json_page(fx.TOMBSTONE_DELETED)], other_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("twitter.com", f"/{key}/status/{gone_id}", page("<html>the post</html>"))
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>Words one</p>&mdash; Desk '
                      f'(@{key}) <a href="https://twitter.com/{key}/status/{gone_id}">December 6, 2022</a>'
                      f'</blockquote><p>Bridge reopened this morning after repairs.<br>&mdash; Desk (@{key}) '
                      f'December 6, 2022</p><p>See https://x.com/desk/status/{other_id}?token={key} too.</p>'
                      '</body></html>')
    env = {"META_ACCESS_TOKEN": key}
    printed, stdout = [], []
    for args in (("scan", "--fetch", "--archive", "--identify", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("scan", "--fetch", "--identify", "--json", str(source)),   # a second run: from the cache
                 ("scan", "--fetch", str(source)), ("fetch", "--json", str(source)),
                 *(("report", "--format", fmt, "-o", f"report.{fmt}", str(source)) for fmt in ("md", "json", "html"))):
        result = world(*args, env=env)
        assert result.exit_code == 0, result.output
        printed.append(result.output)
        stdout.append(result.stdout)
    data = json.loads(stdout[0])
    redacted = f"https://twitter.com/REDACTED/status/{gone_id}"
    assert [(e["url"], e["author_handle"]) for e in data["embeds"]] == [
        (redacted, "REDACTED"), ("https://twitter.com/REDACTED", "REDACTED"),
        (f"https://twitter.com/desk/status/{other_id}", "desk")]
    assert json.loads(stdout[1])["embeds"] == data["embeds"]
    # the post as written: fetched by its id, its live copy at its real URL; no archive asked with the key
    assert (("twitter.com", f"/{key}/status/{gone_id}")) in fakenet.hits
    assert not any(key in path for host, path in fakenet.hits if host in ("web.archive.org", "archive.org"))
    [post] = [p for p in data["posts"] if p["embed"] == 0]
    assert (post["status"], post["url"]) == ("deleted", redacted)
    assert post["archive_lookup"].startswith("withheld: not looked up under 4 of its 5 URL forms")
    [archived] = [a for a in data["archives"] if a["url"] == redacted]
    assert archived["error"].startswith("withheld: not looked up: the URL carries a secret (a configured key)")
    [identification] = data["identifications"]
    assert identification["evidence"]["error"].startswith("withheld: not looked up")
    report = json.loads((tmp_path / "report.json").read_text())
    assert [e["url"] for e in report["embeds"]] == [e["url"] for e in data["embeds"]]
    assert {c["name"]: c["result"] for c in report["embeds"][0]["checks"]}["archive"] == "skip"

    shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
    assert shown == {}, json.dumps(shown, indent=1)


def test_secrets28_a_secret_written_with_an_ordinary_letter_percent_escaped_is_redacted(fakenet, tmp_path,
                                                                                       monkeypatch, logs):
    """A link carrying the configured token with ordinary letters percent-escaped ("%6e" for "n", "%45" for "E":
    any unreserved character may legally be, in either hex case, and a server reads the same token): redaction did
    not recognise it, and `embeds[].links`, the cache, the fetch log and the reports kept the token. Now it is
    redacted as the token is; t.co is still asked with the link as written."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    asked = _serve_shortener(fakenet)
    waybacknet.serve(fakenet, [])   # the reports' archive lookups answer: no capture
    world = World(fakenet, tmp_path)
    escaped = ECHO_TOKEN.replace("FicTional", "FicTio%6eal").replace("Echo", "%45cho").replace("Bearer", "Be%61rer")
    assert escaped != ECHO_TOKEN
    link = f"https://t.co/Zz98Yy76Xx?tok={escaped}"
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><blockquote class="twitter-tweet"><p>Bridge open <a href="{link}">'
                      'pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; Riverton Roads (@RivertonRoads) <a href="'
                      f'{POST}">December 6, 2022</a></blockquote><p>Text {escaped}</p></body></html>')
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed, stdout = [], []
    for args in (("scan", "--resolve", "--json", "-v", str(source)), ("scan", "--resolve", str(source)),
                 *(("report", "--format", fmt, "-o", f"report.{fmt}", str(source)) for fmt in ("md", "json", "html"))):
        result = world(*args, env=env)
        assert result.exit_code == 0, result.output
        printed.append(result.output)
        stdout.append(result.stdout)
    assert asked and set(asked) == {f"tok={escaped}"}   # the real link, asked
    data = json.loads(stdout[0])
    assert data["embeds"][0]["links"] == ["https://t.co/Zz98Yy76Xx?tok=REDACTED"]

    shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html")
    assert shown == {}, json.dumps(shown, indent=1)


def test_fixsec28_a_secret_inside_a_handle_leaves_the_checks_as_written_and_every_value_shown_redacted(
        fakenet, tmp_path, monkeypatch, logs):
    """A configured key that a tweet's handle merely contains ("tonRoads" in @RivertonRoads), the post available:
    the checks compared the handle redacted ("RiverREDACTED") with the post's, so the author check failed ("may be
    misattributed", `--fail-on fail` exit 4) on a correctly attributed post, and its evidence printed the post's
    handle as the source gave it, key and all (review28c #1). Now the checks compare the handle as written, pass as
    they do with no key set, and every handle and URL they show is redacted, in every report and the cache."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    key = "tonRoads"   # 8 characters: a key settings accept, inside the handle, not the handle
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    serve_media(fakenet)
    waybacknet.serve(fakenet, [])
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text('<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning '
                      'after repairs. <a href="https://t.co/Zz98Yy76Xx">pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; '
                      f'Riverton Roads (@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote>'
                      '</body></html>')

    def checks(env: dict[str, str]) -> dict[str, tuple[str, str]]:
        result = world("report", "--format", "json", "--fail-on", "fail", "-o", "report.json", str(source), env=env)
        assert result.exit_code == 0, result.output
        [embed] = json.loads((tmp_path / "report.json").read_text())["embeds"]
        return {c["name"]: (c["result"], c["evidence"]) for c in embed["checks"]}
    plain = checks({})
    # the archive is not asked with the key in the post's URL, and says so (secrets28)
    assert plain.pop("archive")[0] == "warn"
    assert plain["author"] == ("pass", "@RivertonRoads (Riverton Roads)")
    env = {"META_ACCESS_TOKEN": key}

    def secret_checks(name: str) -> dict[str, tuple[str, str]]:
        [embed] = json.loads((tmp_path / name).read_text())["embeds"]
        assert (embed["author_handle"], embed["post"]["author"]["handle"]) == ("RiverREDACTED", "RiverREDACTED")
        found = {c["name"]: (c["result"], c["evidence"]) for c in embed["checks"]}
        assert found.pop("archive")[0] == "skip"
        return found
    # the cache that run filled, before the key was set, answers (review28c's case): its post names @RivertonRoads
    for fmt in ("json", "md", "html"):
        result = world("report", "--format", fmt, "--fail-on", "fail", "-o", f"cached.{fmt}", str(source), env=env)
        assert result.exit_code == 0, result.output
        assert not _shows((tmp_path / f"cached.{fmt}").read_bytes() + result.output.encode(), key), fmt
    assert secret_checks("cached.json") == {name: (result, evidence.replace(key, "REDACTED"))
                                            for name, (result, evidence) in plain.items()}
    result = world("scan", "--fetch", "--json", str(source), env=env)
    assert result.exit_code == 0 and not _shows(result.output.encode(), key), result.output
    assert json.loads(result.stdout)["posts"][0]["author"]["handle"] == "RiverREDACTED"
    for name in ("report.json", "cached.json", "cached.md", "cached.html"):
        (tmp_path / name).unlink()
    world.db.unlink()   # a fresh cache: the run with the key set fetches, and keeps nothing of it
    printed = []
    for args in (*(("report", "--format", fmt, "--fail-on", "fail", "-o", f"report.{fmt}", str(source))
                   for fmt in ("json", "md", "html")),   # a fresh cache: the report fetches
                 ("scan", "--fetch", "--archive", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("scan", "--fetch", str(source)), ("fetch", "--json", str(source)),
                 ("report", "--format", "json", "--fail-on", "fail", "-o", "again.json", str(source))):
        result = world(*args, env=env)
        assert result.exit_code == 0, result.output
        printed.append(result.output)
    for name in ("report.json", "again.json"):
        assert secret_checks(name) == {name: (result, evidence.replace(key, "REDACTED"))
                                       for name, (result, evidence) in plain.items()}, name

    shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
    assert shown == {}, json.dumps(shown, indent=1)


def test_left28_a_post_reached_through_a_link_is_asked_by_its_real_url_and_kept_redacted(fakenet, tmp_path,
                                                                                        monkeypatch, logs):
    """A t.co link in a tweet blockquote leading to a gone post whose handle is the configured key: the resolution's
    end was redacted (`twitter.com/REDACTED/status/…`) and the post's target built from it, so its archived copies
    were looked for under `twitter.com/REDACTED/…` (a wrong lookup, and "no archived copy"), and the end's
    `author_handle` kept the key (`resolutions[].post`, the cache). Now the steps ask by the real end, the lookup
    withholds the forms carrying the key and says so, and only the redacted end is kept and printed."""
    from resolver.resolve import END_WITHHELD
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    key, gone_id = "Tok3nHolder9Zq", "1600000000000000104"
    real, redacted = f"https://twitter.com/{key}/status/{gone_id}", f"https://twitter.com/REDACTED/status/{gone_id}"
    fakenet.route("t.co", "/Qq11Ww22Ee", redirect(real))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)], gone_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    waybacknet.serve(fakenet, [waybacknet.Capture("20221206120000", redacted, b"<html><title>Other</title></html>")])
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text('<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>As they said <a href="https://'
                      't.co/Qq11Ww22Ee">https://t.co/Qq11Ww22Ee</a></p>&mdash; Riverton Roads (@RivertonRoads) '
                      f'<a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    env = {"META_ACCESS_TOKEN": key}
    printed, stdout = [], []
    for args in (("scan", "--fetch", "--archive", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("scan", "--fetch", "--archive", "--json", str(source)),   # a second run: from the cache
                 ("scan", "--fetch", str(source)), ("fetch", "--json", "--refresh", "https://t.co/Qq11Ww22Ee"),
                 ("resolve", "--json", "https://t.co/Qq11Ww22Ee"),
                 *(("report", "--format", fmt, "-o", f"report.{fmt}", str(source)) for fmt in ("md", "json", "html"))):
        result = world(*args, env=env)
        assert result.exit_code == 0, (args, result.output)
        printed.append(result.output)
        stdout.append(result.stdout)
    archive = [path for host, path in fakenet.hits if host in ("web.archive.org", "archive.org")]
    assert not any(key in path or "REDACTED" in path for path in archive), archive   # neither the key nor its mask
    withheld = "withheld: not looked up under 4 of its 5 URL forms: they carry a secret (a configured key)"
    for data in map(json.loads, stdout[:2]):
        [end] = [r["post"] for r in data["resolutions"] if r["url"] == "https://t.co/Qq11Ww22Ee"]
        assert (end["url"], end["author_handle"], end["post_id"]) == (redacted, "REDACTED", gone_id)
        [gone] = [p for p in data["posts"] if p["post_id"] == gone_id]
        assert (gone["status"], gone["url"], gone["archived"]) == ("deleted", redacted, [])
        assert gone["archive_lookup"].startswith(withheld), gone["archive_lookup"]
        [archived] = [a for a in data["archives"] if a["url"] == redacted]
        assert archived["error"].startswith("withheld: not looked up: the URL carries a secret"), archived
    fetched = [json.loads(line) for line in stdout[3].splitlines()]
    [gone] = [p for p in fetched if p["post_id"] == gone_id]
    assert gone["archive_lookup"].startswith(withheld) and gone["url"] == redacted, gone
    assert json.loads(stdout[4])["post"]["author_handle"] == "REDACTED"
    assert "no archived copy" not in " ".join(printed[2].split())
    # offline, the cache holds only the redacted end: which post the link leads to is not known, not asked wrongly
    offline = world("scan", "--offline", "--fetch", "--archive", "--json", str(source), env=env)
    printed.append(offline.output)
    assert offline.exit_code == 3, offline.output
    data = json.loads(offline.stdout)
    [resolution] = [r for r in data["resolutions"] if r["url"] == "https://t.co/Qq11Ww22Ee"]
    assert (resolution["post"], resolution["error"]) == (None, END_WITHHELD)
    assert data["unavailable"] and not [p for p in data["posts"] if p["post_id"] == gone_id]

    shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
    assert shown == {}, json.dumps(shown, indent=1)


def test_left28_an_available_posts_handle_read_redacted_is_not_the_handle_its_captures_are_listed_under(fakenet,
                                                                                                        tmp_path):
    """A post by an account whose handle is the configured key, read with every method: the answer's body is
    redacted before it is read, so the record's handle is "REDACTED", and its captures were listed under
    twitter.com/REDACTED/…, a wrong lookup. They are listed by the post's real URL: the forms carrying the key
    withheld, and said to be."""
    from tests import waybacknet

    key, post_id = "Tok3nHolder9Zq", "1600000000000000105"
    answer = json.loads(fx.as_json(fx.SYNDICATION_TWEET))
    answer["id_str"], answer["user"]["screen_name"] = post_id, key
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({post_id: [json_page(answer)]}))
    waybacknet.serve(fakenet, [])
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    result = world("fetch", "--all-methods", "--json", f"https://twitter.com/{key}/status/{post_id}",
                   env={"META_ACCESS_TOKEN": key})
    assert result.exit_code == 0, result.output
    [post] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (post["status"], post["author"]["handle"]) == ("available", "REDACTED")
    assert post["archive_lookup"].startswith("withheld: not looked up under 4 of its 5 URL forms"), post
    archive = [path for host, path in fakenet.hits if host in ("web.archive.org", "archive.org")]
    assert archive and not any(key in path or "REDACTED" in path for path in archive), archive
    assert _shows(result.output.encode(), key) == []


@pytest.mark.parametrize("env", [{}, {"META_ACCESS_TOKEN": "Tok3nHolder9Zq"}], ids=["no-key", "another-key"])
def test_secrets29_an_account_really_named_redacted_is_cached_like_any_other(fakenet, tmp_path, monkeypatch, env,
                                                                            logs):
    """A link to a post by an account whose handle is "REDACTED" itself: its cached end looked like one kept with a
    secret redacted out of it, so every online run followed the link again, and offline it was "not in the cache".
    Only an end the run redacted (which the cache says) is followed again; this one is answered from the cache. With
    no secret set, the gone post's captures are listed under its handle too (they were under none)."""
    from resolver.resolve import END_WITHHELD
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    post_id = "1600000000000000106"
    fakenet.route("t.co", "/Rr33Tt44Yy", redirect(f"https://twitter.com/REDACTED/status/{post_id}"))
    fakenet.route("twitter.com", f"/REDACTED/status/{post_id}", page("<html>gone</html>", 404))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)], post_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    waybacknet.serve(fakenet, [])
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text('<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>As they said <a href="https://'
                      't.co/Rr33Tt44Yy">https://t.co/Rr33Tt44Yy</a></p>&mdash; Riverton Roads (@RivertonRoads) '
                      f'<a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    printed = []
    for args in (("scan", "--fetch", "--json", str(source)), ("scan", "--fetch", "--archive", "--json", str(source)),
                 ("scan", "--offline", "--fetch", "--json", str(source))):
        result = world(*args, env=env)
        assert result.exit_code == 0, (args, result.output)
        printed.append(result.output)
        [end] = [r for r in json.loads(result.stdout)["resolutions"] if r["url"] == "https://t.co/Rr33Tt44Yy"]
        assert end["error"] != END_WITHHELD and end["post"]["author_handle"] == "REDACTED", (args, end)
    # its post's live copy is taken and looked up under its URL, a known one (the link led there), key set or not
    assert ("twitter.com", f"/REDACTED/status/{post_id}") in fakenet.hits
    assert [path for host, path in fakenet.hits if host == "t.co"] == ["/Rr33Tt44Yy"]   # followed once, then cached
    asked = [path for host, path in fakenet.hits if host == "cdn.syndication.twimg.com" and post_id in path]
    assert len(asked) == 1, asked   # and its post fetched once
    # with no secret set nothing was redacted: the gone post's captures are listed under its handle too
    listed = [path for host, path in fakenet.hits
              if host == "web.archive.org" and f"url=twitter.com%2FREDACTED%2Fstatus%2F{post_id}" in path]
    assert bool(listed) is not bool(env), listed
    for key in env.values():
        shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
        assert shown == {}, json.dumps(shown, indent=1)


def test_secrets29_a_url_known_only_redacted_is_never_asked_for(fakenet, tmp_path, monkeypatch, logs):
    """A configured key that a post's photo URL happens to contain ("onBridge" in …/FjRivertonBridge.jpg): the
    answer is redacted before it is read, so the record holds only …/FjRivertREDACTED.jpg, and the media step
    downloaded it and the archive step took a live copy of it and looked it up in the archive: requests for a URL
    that never existed, whose answers (a 404, "no archived copy") were recorded as the photo's. The URL it stands for
    is not known: it is not asked for, and its archive entry and its media facts say so."""
    from resolver.archive import URL_NOT_KNOWN
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    key = "onBridge"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    serve_media(fakenet)
    waybacknet.serve(fakenet, [])
    submitted = waybacknet.serve_save_page_now(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    source = tmp_path / "article.html"
    source.write_text('<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning '
                      'after repairs.</p>&mdash; Riverton Roads (@RivertonRoads) '
                      f'<a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    env = {"META_ACCESS_TOKEN": key, "IA_ACCESS_KEY": "kIAaccess123", "IA_SECRET_KEY": "sIAsecret456"}
    printed, stdout = [], []
    for args in (("scan", "--fetch", "--archive", "--warc", "run.warc.gz", "--json", str(source)),
                 ("archive", "--save", "--json", POST), ("fetch", "--json", "--refresh", POST),
                 *(("report", "--format", fmt, "-o", f"report.{fmt}", str(source)) for fmt in ("md", "json"))):
        result = world(*args, env=env)
        assert result.exit_code == 0, (args, result.output)
        printed.append(result.output)
        stdout.append(result.stdout)
    asked = [f"{host}{path}" for host, path in fakenet.hits if "REDACTED" in path]
    assert asked == [], asked
    assert any(path == "/media/FjRivertonBridge.jpg" for _, path in fakenet.hits) is False   # never known either
    photo = "https://pbs.twimg.com/media/FjRivertREDACTED.jpg"
    [archived] = [a for a in json.loads(stdout[0])["archives"] if a["url"] == photo]
    assert (archived["error"], archived["live_status"], archived["count"]) == (URL_NOT_KNOWN, None, None)
    [by_archive] = [a for a in map(json.loads, stdout[1].splitlines()) if a["url"] == photo]
    assert by_archive["error"] == URL_NOT_KNOWN and by_archive["saved"]["status"] == "refused"
    assert submitted and not [url for url in submitted if "REDACTED" in url or key in url], submitted
    [post] = [json.loads(line) for line in stdout[2].splitlines()]
    [media] = [m for m in post["media"] if m["url"] == photo]
    assert media["error"] == URL_NOT_KNOWN, media
    shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
    assert shown == {}, json.dumps(shown, indent=1)


def test_secrets29_rows_cached_before_a_key_was_set_are_shown_redacted_by_every_output(fakenet, tmp_path,
                                                                                        monkeypatch, logs):
    """Everything a run with no key cached (the article's embeds and credits, its links' hops and ends, the post,
    its media, its archived copies) holds values that became secrets later: keys set today must be hidden in
    yesterday's rows too, by every command that prints them offline (scan text and JSON, fetch, resolve, archive,
    report in every format, the logs)."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    keys = {"META_ACCESS_TOKEN": "tonRoads", "IA_ACCESS_KEY": "Qq11Ww22", "IA_SECRET_KEY": "Examplewood"}
    gone_id = "1600000000000000107"
    fakenet.route("t.co", "/Qq11Ww22Ee", redirect(f"https://twitter.com/RivertonRoads/status/{gone_id}"))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)], gone_id: [json_page(fx.TOMBSTONE_DELETED)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    fakenet.route("news.example", "/bridge-Examplewood.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    waybacknet.serve(fakenet, [waybacknet.Capture("20221206120000", POST,
                                                  b"<html><title>RivertonRoads</title></html>")])
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text('<html><body><p>Story.</p><blockquote class="twitter-tweet"><p>Bridge reopened, said '
                      'RivertonRoads. <a href="https://t.co/Qq11Ww22Ee">https://t.co/Qq11Ww22Ee</a></p>&mdash; '
                      f'Riverton Roads (@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote>'
                      '<figure><img src="https://news.example/bridge-Examplewood.jpg"><figcaption>The bridge. '
                      '(Photo: Beatrix Examplewood/Examplewood Post)</figcaption></figure></body></html>')
    for args in (("scan", "--fetch", "--archive", "--identify", "--json", str(source)),
                 ("report", "--format", "json", "-o", "before.json", str(source))):
        result = world(*args)
        assert result.exit_code in (0, 4), (args, result.output)
    shown = _shown_anywhere(tmp_path, world.db, [], logs, source="article.html", token=keys["IA_SECRET_KEY"])
    assert shown, "the cache holds the values the keys are set to below, or this test proves nothing"
    (tmp_path / "before.json").unlink()
    written_before = {str(path) for path in tmp_path.rglob("*")}   # the WARC the archive step wrote, the database
    logs.lines.clear()
    logs.tool_lines.clear()

    printed = []
    for args in (("scan", "--offline", str(source)), ("scan", "--offline", "--json", str(source)),
                 ("scan", "--offline", "--fetch", "--archive", "--identify", str(source)),
                 ("scan", "--offline", "--fetch", "--archive", "--identify", "--json", "-v", str(source)),
                 ("fetch", "--offline", str(source)), ("fetch", "--offline", "--json", str(source)),
                 ("resolve", "--offline", "https://t.co/Qq11Ww22Ee"),
                 ("resolve", "--offline", "--json", "https://t.co/Qq11Ww22Ee"),
                 ("archive", "--offline", "--json", str(source)), ("archive", "--offline", str(source)),
                 *(("report", "--offline", "--format", fmt, "-o", f"report.{fmt}", str(source))
                   for fmt in ("md", "json", "html")),
                 ("report", "--offline", str(source)), ("stats",), ("stats", "--json"),
                 ("cache", "export", "embeds"), ("cache", "export", "--json", "posts")):
        result = world(*args, env=keys)
        printed.append(result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    for shown_redacted in ("RiverREDACTED", "Beatrix REDACTED", "t.co/REDACTEDEe", "bridge-REDACTED.jpg"):
        assert any(shown_redacted in out for out in printed), shown_redacted   # the rows were printed, redacted
    for name, key in keys.items():
        shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=key)
        shown.pop("sql dump", None)   # the rows themselves were written before the key was set: kept as they are
        shown = {where: found for where, found in shown.items()
                 if not where.startswith("bodies/") and where not in written_before}
        assert shown == {}, (name, json.dumps(shown, indent=1))


@pytest.mark.parametrize("split", ["%09", "%0A", "\t"], ids=["tab-escaped", "line-feed-escaped", "tab"])
def test_secrets29_a_link_carrying_a_secret_split_by_whitespace_is_stored_and_output_redacted(fakenet, tmp_path,
                                                                                           monkeypatch, logs, split):
    """A t.co link in a tweet blockquote whose query holds the configured key split by a tab, raw or escaped (a URL
    reader sends the raw one as the key itself): it was kept and printed as written, in the embed's links, the
    resolution's hops, the fetch log and the reports. Now every form of it is redacted everywhere."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    key = f"{fx.POST_ID[:4]}Tok3nHolder9Zq"
    written = key[:8] + split + key[8:]
    asked = _serve_shortener(fakenet)
    waybacknet.serve(fakenet, [])   # the reports' archive lookups answer: no capture
    world = World(fakenet, tmp_path)
    link = f"https://t.co/Zz98Yy76Xx?tok={written}"
    source = tmp_path / "article.html"
    source.write_text(_tweet_with_link(link))
    env = {"META_ACCESS_TOKEN": key}
    printed, stdout = [], []
    for args in (("scan", "--resolve", "--json", "-v", str(source)), ("scan", "--resolve", str(source)),
                 ("report", "--format", "json", "-o", "report.json", str(source)),
                 ("report", "--format", "md", "-o", "report.md", str(source))):
        result = world(*args, env=env)
        # a raw tab: the link is refused as an invalid URL (exit 1; a report's too, newuser32 #5), and said so redacted
        assert result.exit_code == (1 if split == "\t" else 0), (args, result.output)
        printed.append(result.output)
        stdout.append(result.stdout)
    assert asked or split == "\t"   # the link was resolved
    assert json.loads(stdout[0])["embeds"][0]["links"] == ["https://t.co/Zz98Yy76Xx?tok=REDACTED"]
    for token in (key, written, key[:8] + "%09" + key[8:], key[:8] + "\t" + key[8:]):
        shown = _shown_anywhere(tmp_path, world.db, printed, logs, source="article.html", token=token)
        assert shown == {}, (token, json.dumps(shown, indent=1))


def test_fixnu29b_a_posts_other_places_words_carrying_a_secret_are_stored_and_output_redacted(
        fakenet, tmp_path, monkeypatch, logs):
    """A post shown twice, the second time with words of its own holding the configured token: those words are kept
    in `other_words` and checked (newuser29b §1), and like the embed's own words they are stored and shown redacted."""
    monkeypatch.chdir(tmp_path)
    world = World(fakenet, tmp_path)
    sign = " \u2014 Riverton Roads (@RivertonRoads) December 6, 2022 https://twitter.com/RivertonRoads/status/" \
           "1600000000000000001\n"
    text = f"Bridge open today.{sign}\nMore news.\n\nBridge open https://t.co/abc?tok={ECHO_TOKEN}{sign}"
    records = tmp_path / "feed.jsonl"
    records.write_text(json.dumps({"url": "https://news.example/x", "text": text}) + "\n")
    env = {"X_BEARER_TOKEN": ECHO_TOKEN}
    printed = []
    result = world("scan", "--json", "--jsonl", str(records), env=env)
    assert result.exit_code == 0, result.output
    printed.append(result.output)
    [embed] = json.loads(result.stdout)["embeds"]
    assert [o["text"] for o in embed["other_words"]] == ["Bridge open https://t.co/abc?tok=REDACTED"]
    report = world("report", "--offline", "-o", "rep", "--jsonl", str(records), env=env)
    assert report.exit_code == 0, report.output
    printed.append(report.output)
    assert any("tok=REDACTED" in p.read_text() for p in (tmp_path / "rep").rglob("*.md"))
    assert _shown_anywhere(tmp_path, world.db, printed, logs, source="feed.jsonl") == {}


def test_review29d_stats_says_an_embed_whose_url_holds_a_key_set_later_was_looked_up(fakenet, tmp_path):
    """review29d: `stats` showed each row redacted (secrets29), then asked the fetch log whether its embed had been
    looked up in the archive by the row's URL as shown: a URL holding a key set after the lookup was asked about as
    `…/RiverREDACTED/…`, a URL never looked up, and `at_risk_embeds` said the embed "was never looked up in the archive
    (unknown, not lost)", which the cache contradicts. The lookup is asked by the URL as kept; the row is shown
    redacted."""
    from tests import waybacknet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    waybacknet.serve(fakenet, [])   # the archive holds no copy: the embed is at risk, and was looked up
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                      f'(@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    assert world("scan", "--fetch", "--archive", str(source)).exit_code in (0, 4)
    before = [json.loads(line) for line in world("stats", "--json").output.splitlines()
              if line.startswith("{") and '"at_risk_embeds"' in line]
    assert [row["looked_up"] for row in before] == [True], before
    keys = {"META_ACCESS_TOKEN": "tonRoads"}
    result = world("stats", "--json", env=keys)
    after = [json.loads(line) for line in result.output.splitlines()
             if line.startswith("{") and '"at_risk_embeds"' in line]
    assert [row["url"] for row in after] == [POST.replace("tonRoads", "REDACTED")]
    assert [row["looked_up"] for row in after] == [True], after
    assert "never looked up" not in world("stats", env=keys).output and "tonRoads" not in result.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_secrets30_cache_export_bodies_redacts_a_key_set_after_the_body_was_kept(fakenet, tmp_path, fmt):
    """`cache export bodies` wrote the kept bodies as stored: one kept before a key was set (or by an older version)
    gave the key to whoever read the export, while every other output of those rows redacts it (secrets29). Each body
    is decompressed, redacted, and written compressed again; a body that changed says so (`redacted` 1, `bytes` its
    new size); the others are written as stored."""
    import base64
    import csv
    import io

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.html"
    source.write_text(f'<html><body><blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                      f'(@RivertonRoads) <a href="{POST}">December 6, 2022</a></blockquote></body></html>')
    assert world("scan", "--fetch", str(source)).exit_code in (0, 4)
    with Store(world.db) as store:
        kept = {sha: zlib.decompress(data) for sha, data in store.conn.execute("SELECT sha256, data FROM bodies")}
        store.keep_body("f" * 64, b'{"note": "plain"}', "application/json")
    assert any(b"tonRoads" in body for body in kept.values()), "the key below must be in a kept body"
    result = world("cache", "export", "bodies", "--format", fmt, env={"META_ACCESS_TOKEN": "tonRoads"})
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output))) if fmt == "csv" else \
        [json.loads(line) for line in result.output.splitlines()]
    bodies = {row["sha256"]: (row, zlib.decompress(base64.b64decode(row["data"] if fmt == "csv" else
                                                                     row["data"]["encoded"]))) for row in rows}
    assert set(bodies) == {*kept, "f" * 64}
    for sha, (row, body) in bodies.items():
        assert b"tonRoads" not in body and str(row["redacted"]) == ("1" if b"tonRoads" in kept.get(sha, b"") else "0")
        assert int(row["bytes"]) == len(body) and body == kept.get(sha, b'{"note": "plain"}').replace(b"tonRoads",
                                                                                                        b"REDACTED")
    assert "tonRoads" not in result.output


def _post_with_a_photo(fakenet, tmp_path, photo: str):
    """An article embedding the post, whose syndication answer gives `photo` as its photo's URL; the archive holds
    no copy of anything. Returns the world and the article."""
    from tests import waybacknet

    answer = json.loads(json.dumps(fx.SYNDICATION_TWEET).replace(fx.PHOTO_URL, photo))
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(answer)]}))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    serve_media(fakenet)
    waybacknet.serve(fakenet, [])
    source = tmp_path / "article.html"
    source.write_text('<html><body><blockquote class="twitter-tweet"><p>Bridge reopened this morning after repairs.'
                      f'</p>&mdash; Riverton Roads (@RivertonRoads) <a href="{POST}">December 6, 2022</a>'
                      '</blockquote></body></html>')
    return World(fakenet, tmp_path), source


@pytest.mark.parametrize("when", ["key-set", "key-set-later"])
def test_secrets30_a_photo_really_named_redacted_is_asked_for_when_no_redaction_made_it(fakenet, tmp_path,
                                                                                      monkeypatch, when):
    """secrets29 said any URL read from an answer that holds REDACTED, with a key set, is not known. A photo really
    named …/FjREDACTEDBridge.jpg, in an answer no secret was redacted out of (the kept body says so: `redacted` 0, and
    it carries no key set now), is the photo's real URL: it is downloaded, its live copy taken and looked up in the
    archive, as any photo is. Previously it was "withheld: not asked for"."""
    from resolver.archive import URL_NOT_KNOWN

    monkeypatch.chdir(tmp_path)
    photo = fx.PHOTO_URL.replace("FjRivertonBridge", "FjREDACTEDBridge")
    fakenet.route("pbs.twimg.com", "/media/FjREDACTEDBridge.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    world, source = _post_with_a_photo(fakenet, tmp_path, photo)
    env = {"META_ACCESS_TOKEN": "kMetaToken789", "IA_ACCESS_KEY": "kIAaccess123", "IA_SECRET_KEY": "sIAsecret456"}
    if when == "key-set-later":
        assert world("scan", "--fetch", str(source)).exit_code == 0
    result = world("scan", "--fetch", "--archive", "--json", str(source), env=env)
    assert result.exit_code == 0, result.output
    asked = [path for host, path in fakenet.hits if "REDACTED" in path]
    assert "/media/FjREDACTEDBridge.jpg" in asked, fakenet.hits
    [archived] = [a for a in json.loads(result.stdout)["archives"] if a["url"] == photo]
    assert archived["error"] != URL_NOT_KNOWN and archived["live_status"] == 200, archived
    fetched = json.loads(world("fetch", "--json", POST, env=env).stdout)
    [media] = [m for m in fetched["media"] if m["url"] == photo]
    assert media["error"] is None, media


def test_secrets30_a_photo_whose_redacted_url_a_key_set_later_made_is_still_not_asked_for(fakenet, tmp_path,
                                                                                      monkeypatch):
    """The other side of the narrowing: a post cached before the key "onBridge" was set holds …/FjRivertonBridge.jpg
    in its kept body (`redacted` 0); read with the key set it says …/FjRivertREDACTED.jpg, a URL the redaction made.
    It is not asked for."""
    from resolver.archive import URL_NOT_KNOWN

    monkeypatch.chdir(tmp_path)
    world, source = _post_with_a_photo(fakenet, tmp_path, fx.PHOTO_URL)
    assert world("scan", "--fetch", str(source)).exit_code == 0
    result = world("scan", "--fetch", "--archive", "--json", str(source), env={"META_ACCESS_TOKEN": "onBridge"})
    assert result.exit_code == 0, result.output
    assert [path for host, path in fakenet.hits if "REDACTED" in path] == []
    photo = "https://pbs.twimg.com/media/FjRivertREDACTED.jpg"
    [archived] = [a for a in json.loads(result.stdout)["archives"] if a["url"] == photo]
    assert archived["error"] == URL_NOT_KNOWN, archived


E2E_KEYS = {"X_BEARER_TOKEN": "AAAA-test-token-123", "IA_ACCESS_KEY": "kIAaccessE2E77", "IA_SECRET_KEY": "sIAsecretE2E88",
            "META_ACCESS_TOKEN": "EAABmetaE2Etoken99"}


def _html_escaped(text: str) -> str:
    """Every other letter of `text` as an HTML character reference, in the ways a page writes one (decimal, hex in
    either case, padded, and with no ";" where the next character ends it)."""
    forms = ("&#{};", "&#x{:x};", "&#X{:04X};", "&#{}")

    def form(i: int) -> str:
        return forms[i // 2 % 4 if i + 1 == len(text) or not text[i + 1].isdigit() else 0]
    return "".join(form(i).format(ord(c)) if i % 2 else c for i, c in enumerate(text))


def _json_escaped(text: str) -> str:
    """Every third character of `text` as a JSON \\u escape (upper- and lower-case hex)."""
    return "".join((f"\\u{ord(c):04x}" if i % 2 else f"\\u{ord(c):04X}") if i % 3 == 0 else c
                   for i, c in enumerate(text))


def _spellings(data: bytes, token: str) -> list[str]:
    """The spellings of `token` that `data` holds: read as a person or a program would read it, its %-escapes,
    HTML references and JSON escapes decoded (any number of times, any mix), or in base64 at any alignment."""
    import base64
    import html
    import re
    from urllib.parse import unquote

    found, seen = [], {data.decode("utf-8", "replace")}
    todo = list(seen)
    while todo:
        text = todo.pop()
        if token in text:
            at = text.find(token)
            found.append(text[max(0, at - 60):at + 60])
        for decoded in (unquote(text), html.unescape(text),
                        re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)):
            if decoded not in seen and len(seen) < 64:
                seen.add(decoded)
                todo.append(decoded)
    raw = token.encode()
    for pad in range(3):   # a token inside a longer base64 text is written one of three ways
        encoded = base64.b64encode(b"\0" * pad + raw)
        stable = encoded[-(-8 * pad // 6):(8 * (pad + len(raw))) // 6]
        found += [f"base64 {stable.decode()}" for form in (stable, stable.replace(b"+", b"-").replace(b"/", b"_"))
                  if form in data]
    return found


def test_secrets30_a_run_whose_servers_echo_every_secret_in_every_spelling_writes_none_of_them(fakenet, tmp_path,
                                                                                             monkeypatch, logs):
    """End to end (secrets30): every secret set (the X token "AAAA-test-token-123", the IA keys, the Meta token), and
    the loopback servers send each back as real servers do, refusing it: the X API a 401 whose JSON message writes it
    with \\u escapes and a WWW-Authenticate header, the Graph API a JSON error, Save Page Now an HTML error page writing
    its `LOW access:secret` header with character references. After scan, fetch, archive, resolve, report, stats and
    cache export, no file of the run (the database, its SQL dump and every kept body, the WARC, the reports), no
    output and no log record holds any secret in any spelling: plain, %-encoded, HTML or JSON escaped, base64."""
    from tests import waybacknet

    monkeypatch.chdir(tmp_path)
    sent: dict[str, list[str]] = {"x": [], "meta": [], "spn": []}

    def x_api(request):
        got = request.headers.get("Authorization") or ""
        sent["x"].append(got)
        return Response(json.dumps({"title": "Unauthorized", "type": "about:blank", "status": 401,
                                    "detail": "Unauthorized: " + _json_escaped(got)}).replace("\\\\u", "\\u"),
                        status=401, content_type="application/problem+json",
                        headers={"WWW-Authenticate": f'Bearer realm="api", error="invalid_token", token="{got[7:]}"'})

    def graph(request):
        got = request.headers.get("Authorization") or request.args.get("access_token") or ""
        sent["meta"].append(got)
        return Response('{"error": {"message": "Invalid OAuth access token - Cannot parse access token: '
                        + _json_escaped(got.removeprefix("Bearer ")) + '", "type": "OAuthException", "code": 190}}',
                        status=400, content_type="application/json")

    def save(request):
        got = request.headers.get("Authorization") or ""
        sent["spn"].append(got)
        return Response(f"<html><body><h2>Sorry</h2><p>Bad credentials: <code>{_html_escaped(got)}</code></p>"
                        f"<p>Also seen: {quote(got)}</p></body></html>", status=401, content_type="text/html")

    from urllib.parse import quote
    fakenet.route("api.twitter.com", "/2/tweets", x_api)
    fakenet.route("graph.facebook.com", "/v16.0/instagram_oembed", graph)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page(fx.OEMBED_TWEET))
    fakenet.route("twitter.com", f"/RivertonRoads/status/{fx.POST_ID}", page("<html>the post</html>"))
    fakenet.route("www.instagram.com", "/p/CxAbC123dEf/", page("<html>the photo</html>"))
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST + "/photo/1"))
    fakenet.route("web.archive.org", "/save", save)
    waybacknet.serve(fakenet, [])
    serve_media(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    source = tmp_path / "article.txt"
    source.write_text(f"Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx\n"
                      f"— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n\nThe photo: {INSTAGRAM}\n")
    printed = []
    for args in (("scan", "--fetch", "--archive", "--save", "--warc", "run.warc.gz", "--json", "-v", str(source)),
                 ("scan", "--fetch", "--archive", "--refresh", "--json", "-o", "scan.jsonl", str(source)),
                 ("fetch", "--all-methods", "--refresh", "--json", "-v", POST),
                 ("fetch", "--all-methods", "--refresh", INSTAGRAM),
                 ("archive", "--save", "--warc", "run2.warc.gz", POST),
                 ("resolve", "--refresh", "--json", "https://t.co/Zz98Yy76Xx"),
                 *(("report", "--refresh", "--format", fmt, "-o", f"report.{fmt}", str(source))
                   for fmt in ("md", "json", "html")),
                 ("report", "--offline", "-o", "reports", str(source), str(source)),
                 ("stats",), ("stats", "--json"), ("cache", "export", "bodies", "-o", "bodies.csv"),
                 ("cache", "export", "errors", "--format", "jsonl", "-o", "errors.jsonl"),
                 ("cache", "export", "fetches", "--format", "jsonl", "-o", "fetches.jsonl")):
        result = world(*args, env=E2E_KEYS)
        printed.append(result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    # each secret was sent, so finding none of them means something
    assert sent["x"] and all(s == f"Bearer {E2E_KEYS['X_BEARER_TOKEN']}" for s in sent["x"])
    assert sent["meta"] and E2E_KEYS["META_ACCESS_TOKEN"] in sent["meta"][0]
    assert sent["spn"] == [f"LOW {E2E_KEYS['IA_ACCESS_KEY']}:{E2E_KEYS['IA_SECRET_KEY']}"] * len(sent["spn"])
    assert sent["spn"]

    import sqlite3
    from contextlib import closing

    places = {"output": "\n".join(printed).encode(), "logs": "\n".join(logs.tool_lines).encode()}
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name not in ("config.toml", "article.txt"):
            data = path.read_bytes()
            places[str(path)] = gzip.decompress(data) if path.name.endswith(".gz") else data
    with closing(sqlite3.connect(world.db)) as conn:
        places["sql dump"] = "\n".join(conn.iterdump()).encode()
        for sha256, data in conn.execute("SELECT sha256, data FROM bodies"):
            places[f"bodies/{sha256}"] = zlib.decompress(data)
    import base64
    import csv
    for row in csv.DictReader((tmp_path / "bodies.csv").open()):
        places[f"bodies.csv/{row['sha256']}"] = zlib.decompress(base64.b64decode(row["data"]))
    leaks = {f"{name} in {where}": shown for where, data in places.items() for name, key in E2E_KEYS.items()
             if (shown := _spellings(data, key))}
    assert leaks == {}, json.dumps(leaks, indent=1)
    kept = [data for where, data in places.items() if where.startswith("bodies/")]
    for echo in (b"Unauthorized: ", b"OAuthException", b"Bad credentials"):   # each echo was kept, redacted
        assert [data for data in kept if echo in data and b"REDACTED" in data], echo


def test_secrets30_an_internal_errors_traceback_shown_for_debugging_has_the_secrets_redacted(fakenet, tmp_path,
                                                                                           monkeypatch):
    """EMBED_RESOLVER_DEBUG=1 shows where an internal error happened: the exception went out of the CLI as it was,
    and Python printed its traceback, whose last line quoted the URL carrying the token (a traceback is what a user
    pastes into a bug report). It is printed with the secrets redacted, exit 1, as the one-line message is."""
    from resolver import resolve as resolving

    def broken(links, **_):
        raise RuntimeError(f"tripped on {links[0]}")
    monkeypatch.setattr(resolving, "resolve_many", broken)
    monkeypatch.setenv("EMBED_RESOLVER_DEBUG", "1")
    world = World(fakenet, tmp_path)
    result = world("resolve", f"https://t.co/Zz98Yy76Xx?tok={ECHO_TOKEN}", env={"X_BEARER_TOKEN": ECHO_TOKEN,
                                                                                "EMBED_RESOLVER_DEBUG": "1"})
    assert result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))
    assert "Traceback (most recent call last)" in result.stderr and "in broken" in result.stderr
    assert "RuntimeError: tripped on https://t.co/Zz98Yy76Xx?tok=REDACTED" in result.stderr
    assert _shows(result.output.encode(), ECHO_TOKEN) == []
