"""review47e: a review of fix47a (Save Page Now's answer for another page) and fix47c (own outputs in a scanned folder,
redirect wrappers). Save Page Now on the loopback 'internet' (tests/fakenet.py); fictional pages and accounts."""

from __future__ import annotations

import pytest

from tests.fakenet import page
from tests.test_archive import run_archive, serve_wayback, settings_for, spn
from tests.test_fetch import json_page

JOB = "spn2-0f1e2d3c4b5a69788796a5b4c3d2e1f0076543e"


def saved_as(fakenet, store, url, original_url, resources=None):
    """The save of `url` when Save Page Now's job answers success for `original_url`."""
    from urllib.parse import urlsplit

    serve_wayback(fakenet)
    split = urlsplit(url)
    fakenet.route(split.hostname, split.path or "/", page("<html>a page</html>"))
    answer = {"status": "success", "job_id": JOB, "original_url": original_url, "timestamp": "20261125230000"}
    if resources is not None:
        answer["resources"] = resources
    spn(fakenet, submit=[json_page({"url": url, "job_id": JOB})], statuses={JOB: [json_page(answer)]})
    settings = settings_for(fakenet, ia_access_key="ia-key-k", ia_secret_key="ia-secret-s")
    [result] = run_archive([url], settings, store, save=True)
    return result["saved"]


# 1. X's own pages other than a post (an account's, its media tab) under twitter.com were another page than under
# x.com: Save Page Now, sent twitter.com/<handle> and answering for x.com/<handle> (where twitter.com sends every
# browser), was said to have captured another URL, "whether this URL was captured is not known".
@pytest.mark.parametrize("url, original_url", [
    ("https://twitter.com/RivertonRoads", "https://x.com/RivertonRoads"),
    ("https://twitter.com/RivertonRoads", "https://x.com/rivertonroads"),
    ("https://mobile.twitter.com/RivertonRoads/media", "https://x.com/RivertonRoads/media"),
    ("https://x.com/RivertonRoads", "https://twitter.com/RivertonRoads/"),
], ids=["profile", "profile-handle-case", "mobile-media-tab", "x-to-twitter"])
def test_an_x_page_under_another_x_host_is_the_same_page(fakenet, store, url, original_url):
    saved = saved_as(fakenet, store, url, original_url)
    assert (saved["status"], saved["message"]) == ("success", None), saved


@pytest.mark.parametrize("url, original_url", [
    ("https://twitter.com/RivertonRoads", "https://x.com/RivertonRoadz"),
    ("https://x.com/i/spaces/1YqKDqDXAbXxx", "https://x.com/i/spaces/1yqkdqdxabxxx"),
    ("https://twitter.com/RivertonRoads", "https://nitter.net/RivertonRoads"),
], ids=["other-handle", "space-id-case", "a-proxy-is-no-x-page"])
def test_another_x_page_is_still_another_page(fakenet, store, url, original_url):
    saved = saved_as(fakenet, store, url, original_url)
    assert saved["status"] == "error" and saved["snapshot_url"] is None, saved


# 2. A WARC the tool wrote, found in a folder given to --warc-input, is left out (fix47c): but such a WARC may hold the
# pages of articles (`archive URL` of an article, `scan --warc` of an article's URL), and the run said it held "not
# articles", or, alone in the folder, "no article in DIR (1 file the tool wrote left out)", exit 1, and never how to
# read it.
def warc_of_a_story(path, software):
    from resolver.warc import WarcWriter

    body = ('<html><body><p>Riverton\'s bridge reopened this morning after two years of repairs, the council said.</p>'
            '<blockquote class="twitter-tweet"><p>Open again!</p>&mdash; Riverton Roads (@rivertonroads) <a href="'
            'https://twitter.com/rivertonroads/status/1600000000000000042">December 6, 2022</a></blockquote>'
            '</body></html>').encode()
    writer = WarcWriter(path, software=software)
    writer.write_exchange(method="GET", url="https://news.example/2026/riverton-bridge",
                          contacted_url="https://news.example/2026/riverton-bridge", request_headers={}, status=200,
                          reason="OK", response_headers=[("Content-Type", "text/html; charset=utf-8")], body=body,
                          fetched_at="2026-11-25T10:00:00Z")
    writer.close()


def test_a_warc_the_tool_wrote_left_out_of_a_folder_is_never_said_to_hold_no_article(tmp_path):
    from click.testing import CliRunner

    from resolver.cli import cli

    warcs = tmp_path / "warcs"
    warcs.mkdir()
    warc_of_a_story(warcs / "archive.warc.gz", "embed-resolver/0.1.0")
    alone = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--warc-input", str(warcs)])
    assert alone.exit_code == 1, alone.output
    assert alone.stderr.strip() == (f"error: no article in {warcs} (1 file the tool wrote left out, 1 WARC: a WARC it "
                                    "wrote may hold articles' pages, and is read when named)"), alone.stderr
    warc_of_a_story(warcs / "crawl.warc.gz", "a-crawler/2.0")
    both = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--warc-input", str(warcs)])
    assert both.exit_code == 0, both.output
    assert "not articles" not in both.stderr, both.stderr
    assert "; 1 file the tool wrote left out (1 WARC: a WARC it wrote may hold articles' pages, and is read when " \
           "named)" in both.stderr, both.stderr
    named = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--json", "--warc-input",
                                     str(warcs / "archive.warc.gz")])
    assert named.exit_code == 0 and '"1600000000000000042"' in named.stdout, named.output
