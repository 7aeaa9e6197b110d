"""newuser44a (a conflict-monitoring analyst: Telegram, X; Ukrainian and Russian): what `fetch` and `archive` say of
the captures of a post read and found not to be it, said as the report says it. Fixtures are fictional."""

from resolver.fetch import FetchedPost
from resolver.fetch.records import PostRecord
from resolver.fetch.wayback import ArchivedCopy
from resolver.report import _copies_lines

PAGE = "https://t.me/frontnews_ua/103"


def capture(timestamp: str, original: str, reason: str) -> ArchivedCopy:
    return ArchivedCopy(timestamp, original, "unknown",
                        PostRecord("telegram", "frontnews_ua/103", original, "unknown", "wayback", reason))


HEAD = "the page holds no message of the post (the post's own page: its head does not tell the post's words)"
NEIGHBOURS = "the page shows other posts of the channel (frontnews_ua/100, frontnews_ua/101), not this one"


def gone(*copies: ArchivedCopy, looked: str = "answered") -> FetchedPost:
    record = PostRecord("telegram", "frontnews_ua/103", PAGE, "not_found", "telegram-widget")
    return FetchedPost(record, archived=copies, archive_lookup=looked, archive_looked_under=(PAGE,))


def test_fetch_says_each_capture_read_that_is_not_the_post_in_one_line_as_the_report_does():
    """#8: "2 captures read, none holds the post's words (<the first reason only>)", then "no archived copy found …
    (the archive answered)": the second reason was lost, and the two lines read as a contradiction."""
    lines = [line for line, _ in _copies_lines(gone(capture("20220912120000", PAGE, HEAD),
                                                    capture("20220915080000", "https://t.me/s/frontnews_ua/103",
                                                            NEIGHBOURS)))]
    [line] = lines
    assert line.startswith(f"no archived copy found under {PAGE} ") and line.endswith(
        f"(the archive answered: 2 captures read, none is the post: {HEAD}; {NEIGHBOURS})"), line


def test_one_capture_read_that_is_not_the_post_is_said_as_the_report_says_it():
    lines = [line for line, _ in _copies_lines(gone(capture("20220912120000", PAGE,
                                                            "the capture shows the login wall, not the post")))]
    [line] = lines
    assert line.startswith(f"no archived copy found under {PAGE} ") and line.endswith(
        "(the archive answered: 1 capture read; it shows the login wall, not the post)"), line


def test_captures_read_after_a_failed_list_keep_every_reason():
    lines = [line for line, _ in _copies_lines(gone(capture("20220912120000", PAGE, HEAD),
                                                    capture("20220915080000", PAGE, NEIGHBOURS),
                                                    looked="error: cdx: HTTP 503"))]
    assert lines[0] == f"2 captures read, none is the post: {HEAD}; {NEIGHBOURS}"


def test_fetch_of_a_lookalike_channels_link_says_the_letters_as_scan_does_and_asks_nothing(fakenet, tmp_path):
    """#9: `scan` said "its link names the account ukrаinenow (CYRILLIC SMALL LETTER A U+0430 in place of a) …";
    `fetch` of the same link said only "it is no post", after asking t.me for the look-alike account's page."""
    import json

    from tests.test_cli_fetch import setup

    invoke = setup(fakenet, tmp_path)
    url = "https://t.me/ukr\u0430inenow/78"
    result = invoke("fetch", "--json", url)
    assert result.exit_code == 1, result.output
    why = (f"it is no post: its link names the account ukr\u0430inenow (CYRILLIC SMALL LETTER A U+0430 in place of a), "
           "which passes for ukrainenow: no Telegram account is spelt so; nothing was asked")
    assert result.stderr.splitlines() == [f"error: cannot fetch {url}: {why}"]
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"source": url, "link": url, "error": f"input: cannot fetch {url}: {why}"}]
    assert fakenet.hits == []


def test_resolve_says_a_lookalike_links_letters_as_scan_does():
    from resolver.report import resolution_text
    from resolver.resolve import Resolution

    said = resolution_text(Resolution("https://t.me/ukr\u0430inenow/78", None, None)).plain
    assert ("  look-alike link: its link names the account ukr\u0430inenow (CYRILLIC SMALL LETTER A U+0430 in place of "
            "a), which passes for ukrainenow: no Telegram account is spelt so") in said.splitlines(), said
    assert "look-alike" not in resolution_text(Resolution("https://t.me/ukrainenow/78", None, None)).plain


def test_fetch_help_names_how_telegram_is_read():
    """#12: `fetch --help` said "other platforms by oEmbed"; a Telegram post is read from its widget page."""
    from click.testing import CliRunner

    from resolver.cli import cli

    said = " ".join(CliRunner().invoke(cli, ["fetch", "--help"]).output.split())
    assert "a public Telegram channel's post by its widget page" in said, said


def test_archive_says_one_capture_in_the_singular():
    """#12: `archive` printed "1 captures"."""
    from resolver.archive import ArchivedUrl, Lookup, Snapshot, snapshot_url
    from resolver.report import archive_text

    one = Snapshot("wayback", snapshot_url("20220912120000", PAGE), "20220912120000", PAGE, "200")
    said = archive_text(ArchivedUrl(PAGE, Lookup(PAGE, (one,), closest=one))).plain
    assert "  1 capture, first 20220912120000, last 20220912120000" in said.splitlines(), said


def test_archive_says_what_the_fetch_read_of_the_closest_capture():
    """#8: `archive` said of a capture the fetch had read, and found not the post, "listed by the archive, not read"."""
    from resolver.archive import ArchivedUrl, Lookup, Snapshot, snapshot_url
    from resolver.report import archive_text

    first = Snapshot("wayback", snapshot_url("20220912120000", PAGE), "20220912120000", PAGE, "200")
    preview = "https://t.me/s/frontnews_ua/103"
    second = Snapshot("wayback", snapshot_url("20220915080000", preview), "20220915080000", preview, "200")
    copies = (capture("20220912120000", PAGE, HEAD), capture("20220915080000", preview, NEIGHBOURS))
    found = ArchivedUrl(PAGE, Lookup(PAGE, (first, second), closest=first), read=copies)
    said = archive_text(found).plain.splitlines()
    assert f"  closest: {snapshot_url('20220912120000', PAGE)} (read: it is not the post: {HEAD})" in said, said
    assert f"  2 captures read by the fetch, none is the post: {HEAD}; {NEIGHBOURS}" in said, said
    data = found.to_json()
    assert data["closest_read"] is True and [(c["status"], c["reason"]) for c in data["read"]] == [
        ("unknown", HEAD), ("unknown", NEIGHBOURS)], data


def test_fetch_counts_the_captures_it_read_never_says_that_is_all_the_archive_listed(fakenet, tmp_path, monkeypatch):
    """The fetch reads at most `--captures` (3) captures of distinct content: the archive listing 5 login walls, fetch
    said "(the archive answered: 3 captures listed; read, none is the post: …)", a count of the list it never made
    (review45a). It says the captures read."""
    from tests.fakenet import page
    from tests.test_cited_answers import ARTICLE
    from tests.test_fetch import by_id, json_page
    from tests.test_verdicts import DELETED, HOSTS, POST, cli_on_fakenet
    from tests.waybacknet import Capture, serve

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    wall = b"<html><head><title>Log in to X / X</title></head><body><h1>Happening now</h1><p>Join today %d.</p></body></html>"
    serve(fakenet, [Capture(f"2023010{n}000000", f"https://twitter.com/river_desk/status/{POST}", wall % n)
                    for n in range(1, 6)])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("fetch", "article.html", article=ARTICLE)
    said = " ".join(out.split())
    assert code == 0, said
    assert "captures listed" not in said, said
    assert "(the archive answered: 3 captures read, none is the post: the capture shows the login wall" in said, said
