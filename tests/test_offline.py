"""Offline means offline (#11): every command, with every network flag, run with --offline against a config whose
[origins] send every service to ONE loopback server, over inputs that would otherwise make requests. Not one
request may reach the server and not one row may land in the fetch log; --offline with --refresh is a usage error."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import Store
from resolver.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
SERVICES = ("t.co", "pic.twitter.com", "twitter.com", "x.com", "cdn.syndication.twimg.com", "publish.twitter.com",
            "api.twitter.com", "pbs.twimg.com", "video.twimg.com", "web.archive.org", "archive.org", "bit.ly",
            "www.youtube.com", "news.example")
# A flattened tweet that kept only a media link and its signature: resolve, fetch and identify all want the network.
REMNANT = ("Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx\n"
           "— Riverton Roads (@RivertonRoads) December 6, 2022\n"
           "Details: https://bit.ly/riverton\n")
POST = "https://twitter.com/RivertonRoads/status/1600000000000000001"

COMMANDS = {
    "scan-resolve": (["scan", "--resolve", "articles"], 3),
    "scan-fetch": (["scan", "--fetch", "articles"], 3),
    "scan-archive": (["scan", "--archive", "articles"], 3),
    "scan-archive-save": (["scan", "--archive", "--save", "articles"], 3),
    "scan-identify": (["scan", "--identify", "articles"], 3),
    "resolve": (["resolve", "https://t.co/Zz98Yy76Xx", "https://bit.ly/riverton"], 3),
    "fetch": (["fetch", POST, "articles"], 3),
    "archive": (["archive", POST, "articles"], 3),
    "archive-save": (["archive", "--save", POST, "articles"], 3),
    "report": (["report", "-o", "reports", "articles"], 0),   # a report names what it could not reach: a success
    # every network flag of a command at once, and the flags that widen what is asked
    "scan-every-step": (["scan", "--resolve", "--fetch", "--archive", "--save", "--identify", "--json", "articles"], 3),
    "scan-article-url": (["scan", "--fetch", "https://news.example/story.html"], 3),
    "resolve-follow-all": (["resolve", "--follow-all", "https://t.co/Zz98Yy76Xx"], 3),
    "fetch-every-method": (["fetch", "--all-methods", "--download-video", "--keep-media", POST, "articles"], 3),
    "archive-near": (["archive", "--save", "--near", "20221206", POST, "articles"], 3),
    # several reports go into a folder: -o names one (a report file's name is a usage error, newuser42a #13)
    "report-json-url": (["report", "--format", "json", "-o", "reports", "articles",
                         "https://news.example/story.html"], 1),   # the URL, never fetched, is an input that failed
}


@pytest.fixture
def world(httpserver, tmp_path, monkeypatch):
    """Inputs that want the network, a config pointing every service at one loopback server that answers
    anything, and every key set (X API, Internet Archive), so no step is skipped for want of one."""
    httpserver.expect_request(re.compile(".*")).respond_with_data("{}", content_type="application/json")
    origin = f"http://127.0.0.1:{httpserver.port}"
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n\n[x]\nbearer_token = \"AAAA-offline-test\"\n\n"
                      "[internet_archive]\nia_access_key = \"k-access\"\nia_secret_key = \"s-secret\"\n\n[origins]\n"
                      + "".join(f'"{scheme}://{h}" = "{origin}"\n' for h in SERVICES for scheme in ("https", "http")))
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(FIXTURES / "report_article.html", articles / "article.html")
    (articles / "remnant.txt").write_text(REMNANT)
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
    return invoke


@pytest.mark.parametrize("name", COMMANDS)
def test_offline_makes_no_request_and_logs_no_fetch(world, httpserver, tmp_path, name):
    args, expected_exit = COMMANDS[name]
    result = world(*args[:1], "--offline", *args[1:])
    assert httpserver.log == [], f"{len(httpserver.log)} requests reached the server"
    store = Store(tmp_path / "c.db")
    assert store.count("fetches") == 0
    # A "not cached" answer is no fact: no resolution, observation, media row, queued save or identification.
    for table in ("resolutions", "post_observations", "media", "saves", "identifications", "snapshots"):
        assert store.count(table) == 0, table
    assert result.exit_code == expected_exit, result.output


def test_no_network_is_the_same_as_offline_for_report(world, httpserver, tmp_path):
    result = world("report", "--no-network", "-o", "reports", "articles")
    assert result.exit_code == 0, result.output
    assert httpserver.log == [] and Store(tmp_path / "c.db").count("fetches") == 0


@pytest.mark.parametrize("name", COMMANDS)
def test_offline_with_refresh_is_a_usage_error(world, httpserver, name):
    args, _ = COMMANDS[name]
    result = world(*args[:1], "--offline", "--refresh", *args[1:])
    assert result.exit_code == 2 and "--offline and --refresh" in result.output
    assert httpserver.log == []


def _leaf_commands(group, path=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _leaf_commands(command, path + (name,))
        else:
            yield path + (name,), command


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in _leaf_commands(cli)])
def test_every_command_accepts_offline(path):
    """The README: "--offline (every command accepts it)". Before, `stats` and the `cache` commands refused it
    ("No such option"), so a script passing --offline everywhere broke on them."""
    command = dict((" ".join(p), c) for p, c in _leaf_commands(cli))[path]
    assert "--offline" in {opt for param in command.params for opt in getattr(param, "opts", ())}


@pytest.mark.parametrize("args", [["stats"], ["cache", "stats"], ["cache", "metadata", "-o", "m.json"],
                                  ["cache", "export", "posts", "-o", "posts.csv"], ["cache", "vacuum"],
                                  ["cache", "prune", "--memos"]],
                         ids=lambda a: " ".join(a[:2]))
def test_the_local_commands_run_offline(world, httpserver, tmp_path, args):
    assert world("scan", "articles").exit_code == 0
    result = world(*args, "--offline")
    assert result.exit_code == 0, result.output
    assert httpserver.log == []


def test_offline_after_an_online_run_makes_no_request(fakenet, tmp_path, monkeypatch):
    """With a warm cache (posts, media, resolutions, snapshots recorded by an online run), every command offline
    still sends nothing: what the cache holds is answered, the rest is "not cached"."""
    from tests.cliworld import World
    from tests.test_secrets import ARTICLE, MARKERS, serve_everything

    monkeypatch.chdir(tmp_path)
    serve_everything(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE + "More at https://t.co/NeverSeen1\n")
    online = world("scan", "--fetch", "--archive", "--identify", "--json", str(source), env=MARKERS)
    assert online.exit_code in (0, 1), online.output
    hits, fetches = len(fakenet.hits), Store(world.db).count("fetches")
    assert hits > 10
    for args in (["scan", "--resolve", "--fetch", "--archive", "--save", "--identify", str(source)],
                 ["fetch", "--all-methods", str(source)], ["archive", "--save", str(source)],
                 ["resolve", "https://t.co/Zz98Yy76Xx", "https://t.co/NeverSeen1"],
                 ["report", "--format", "json", "-o", "r.json", str(source)], ["scan", "https://news.example/a"]):
        result = world(args[0], "--offline", *args[1:], env=MARKERS)
        assert result.exit_code in (0, 1, 3), result.output
        assert len(fakenet.hits) == hits, args
    assert Store(world.db).count("fetches") == fetches


def test_a_save_asked_offline_says_it_was_not_made(fakenet, tmp_path, monkeypatch):
    """`scan --archive --save --offline` queued each save and reported it "pending", with no word that nothing was
    submitted, `unavailable` false and exit 0 (`archive --save --offline` said 3). Offline, a save is not made."""
    import json

    from tests.cliworld import World
    from tests.test_secrets import ARTICLE, MARKERS, serve_everything

    monkeypatch.chdir(tmp_path)
    serve_everything(fakenet)
    world = World(fakenet, tmp_path, extra="[archive]\nsave_timeout = 2\n")
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    assert world("scan", "--archive", "--json", str(source), env=MARKERS).exit_code in (0, 1)
    hits = len(fakenet.hits)
    result = world("scan", "--archive", "--save", "--offline", "--json", str(source), env=MARKERS)
    assert len(fakenet.hits) == hits
    [data] = [json.loads(line) for line in result.stdout.splitlines()]
    saves = [a["saved"] for a in data["archives"] if a["saved"]]
    assert saves and all(s["message"] == "offline: not submitted (queued for the next online run)" for s in saves)
    assert (result.exit_code, data["unavailable"]) == (3, True)


@pytest.mark.parametrize("keys", [True, False], ids=["keys", "no-keys"])
@pytest.mark.parametrize("command", ["archive", "scan"])
def test_a_save_asked_offline_of_a_url_never_looked_up_says_it_was_not_submitted(fakenet, tmp_path, monkeypatch,
                                                                                 command, keys):
    """`archive --offline --save` of a URL never looked up gave `"saved": null` with keys set (the README: null only
    without --save) and no `save:` line; without keys it said "no-keys", though offline nothing is ever submitted.
    `scan --archive --save --offline` the same."""
    import json

    from tests.cliworld import World, lines

    monkeypatch.chdir(tmp_path)
    world = World(fakenet, tmp_path)
    source = tmp_path / "article.txt"
    source.write_text(f"Bridge reopened.\n— Riverton Roads (@RivertonRoads) December 6, 2022 {POST}\n")
    env = {"IA_ACCESS_KEY": "fictional", "IA_SECRET_KEY": "fictional"} if keys else {}
    args = ["archive", POST] if command == "archive" else ["scan", "--archive", str(source)]
    result = world(*args, "--save", "--offline", "--json", env=env)
    assert result.exit_code == 3, result.output
    found = [json.loads(line) for line in lines(result.stdout)]
    archives = found if command == "archive" else found[0]["archives"]
    assert archives and all(a["saved"] == {"job_id": None, "status": "offline", "snapshot_url": None,
                                           "timestamp": None, "status_ext": None,
                                           "message": "not submitted: the run is offline"} for a in archives)
    table = world(*args, "--save", "--offline", env=env)
    assert table.exit_code == 3, table.output
    said = ("save: offline (not submitted: the run is offline)" if command == "archive"
            else f"archive {POST}: not looked up (offline); save: not submitted (offline)")
    assert said in table.stdout, table.stdout
    assert fakenet.hits == []


# URLs an offline run is asked for: plain ones, answered "not cached" without the client (#14), and every kind the
# client must see (refused, or read otherwise by httpx: an address, an IDNA name, a port, a user part, characters
# httpx rewrites or refuses), answered as it answers them.
OFFLINE_URLS = (
    "https://t.co/Zz98Yy76Xx", "http://bit.ly/riverton?x=1&y=%2F#top", "https://news.example./a_b/(c)!*'@:;=+$,[]",
    "HTTPS://X.COM/jack/status/20", "https://localhost/", "https://a-b_c.example", "https://1234/x", "https://1.example/",
    "https://1.2.3.4/", "https://1.2.3.999", "https://[::1]/", "https://[::1/", "https://xn--/x", "https://a.xn--zz/",
    "https://XN--bcher-kva.example/", "https://bücher.example/", "https://ſ.example/", "https://example.com:8080/",
    "https://example.com:0/", "https://example.com:99999/", "https://user:pw@example.com/", "ftp://example.com/",
    "https://", "https:///x", "https://a..b/", "https://.a/", "https://%31%32%37.0.0.1/", "https://a b/",
    "https://example.com/a b", "https://example.com/a\tb", "https://example.com/\x7f", "https://example.com/a\\b",
    'https://example.com/"q"', "https://example.com/{x}|^`", "https://example.com/é", "https://example.com/%zz",
    "https://" + "a" * 64 + ".example/", "https://" + "a" * 63 + ".example/", "https://example.com/" + "a" * 5000,
    "javascript:alert(1)", "//example.com/", "example.com/x", "",
)


@pytest.mark.parametrize("built", [False, True], ids=["no-client-yet", "client-built"])
def test_an_offline_request_is_answered_as_the_offline_client_answers_it(built):
    """An offline request for a plain URL is answered "not cached" with no client built, so no httpx imported (#14:
    half of `resolve --offline`'s start-up); its outcome, and the progress counts, are those of the client's answer
    (`built`: a client made first, which takes every request), and any other URL is answered by the client."""
    import asyncio

    from resolver import http
    from resolver.session import Mode, Session
    from resolver.settings import Settings

    async def ask(session, url):
        flight = http.Flight(session)
        try:
            outcome = await http._attempt(session, "GET", url, headers={"Accept": "text/html"}, data=None,
                                          content=None, max_bytes=1000, flight=flight)
        finally:
            flight.landed()
        return outcome, flight.flying

    def answers(urls, built):
        session = Session(Settings(), store=None, mode=Mode(offline=True))
        if built:
            session.client   # noqa: B018 - built by the property
        found = {}
        for url in urls:
            outcome, flew = asyncio.run(ask(session, url))
            found[url] = (outcome.url, outcome.contacted_url, outcome.method, outcome.status, outcome.error_kind,
                          outcome.error, outcome.via, outcome.body, outcome.headers, flew)
        return found, session._client is not None

    theirs, _ = answers(OFFLINE_URLS, True)
    plain = [url for url in OFFLINE_URLS if http.plain_url(url)]
    if built:   # each URL asked of a session of its own: the plain ones first, then the others
        assert {url: answers([url], False)[0][url] for url in OFFLINE_URLS} == theirs
    else:   # the plain URLs answered with no client made; the first other one makes it
        mine, made = answers(plain, False)
        assert mine == {url: theirs[url] for url in plain} and not made
        assert answers([*plain, "https://[::1/"], False)[1]
        assert len(plain) == 9 and all(theirs[url][4] == "not_cached" for url in plain)
        assert {theirs[url][4] for url in OFFLINE_URLS} == {"not_cached", "invalid-url", "unsafe"}
