"""`fetch`'s table and `scan --fetch`'s post lines as a fact-checker reads them (newuser42b #8, #12): an edit's time is
said to be the edit's, and each block follows the input order and names the target it answers."""

from tests import waybacknet
from tests import xfixtures as fx
from tests.fakenet import redirect
from tests.test_cli_fetch import setup
from tests.test_fetch import by_id, json_page

ORIGINAL = "1600000000000000101"   # minted 2022-12-06T05:31:41Z
EDIT = str(int(ORIGINAL) + (20 * 60 * 1000 << 22))   # its edit, 20 minutes later
EDITED = fx.SYNDICATION_TWEET | {
    "id_str": EDIT, "created_at": "2022-12-06T05:51:41.000Z", "text": "Bridge reopened this morning after the repairs.",
    "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": []}, "mediaDetails": [], "photos": [],
    "edit_control": {"edit_tweet_ids": [ORIGINAL, EDIT], "editable_until_msecs": "1670306501000",
                     "is_edit_eligible": False, "edits_remaining": "4"}}


def edited_setup(fakenet, tmp_path):
    invoke = setup(fakenet, tmp_path)
    with (tmp_path / "config.toml").open("a") as config:   # an edited post's copies are looked up: none
        config.writelines(f'"https://{host}" = "{fakenet.origin}"\n' for host in ("web.archive.org", "archive.org"))
    waybacknet.serve(fakenet, [])
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)],
                                                                       ORIGINAL: [json_page(EDITED)]}))
    return invoke


def test_an_edits_time_is_not_shown_as_the_posts_creation_time(fakenet, tmp_path):
    invoke = edited_setup(fakenet, tmp_path)
    table = invoke("fetch", "--no-media", f"https://twitter.com/RivertonRoads/status/{ORIGINAL}")
    assert table.exit_code == 0, table.output
    assert ("created 2022-12-06T05:51:41Z (its edit's time; this post's id was minted 2022-12-06T05:31:41Z)"
            in table.stdout), table.stdout
    plain = invoke("fetch", "--no-media", f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    assert "created 2022-12-06T05:31:41Z\n" in plain.stdout   # no edit: the time alone, as before
    article = tmp_path / "a.html"
    article.write_text('<p>Roads.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning after repairs.'
                       '</p>&mdash; Riverton Roads (@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/'
                       f'{ORIGINAL}">December 6, 2022</a></blockquote>\n')
    scanned = invoke("scan", "--fetch", str(article))
    assert scanned.exit_code == 0, scanned.output
    assert "@RivertonRoads 2022-12-06T05:51:41Z (its edit's time)" in " ".join(scanned.stdout.split()), scanned.stdout


def test_fetch_blocks_follow_the_input_order_and_name_what_they_answer(fakenet, tmp_path):
    invoke = edited_setup(fakenet, tmp_path)
    fakenet.route("t.co", "/Qq12Ww34Ee", redirect(f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"))
    table = invoke("fetch", "--no-media", "https://t.co/Qq12Ww34Ee",
                   f"https://mobile.twitter.com/RivertonRoads/status/{ORIGINAL}")
    assert table.exit_code == 0, table.output
    first, second = table.stdout.split("\n\n")[:2]
    assert first.startswith(f"twitter {fx.POST_ID}") and "  for https://t.co/Qq12Ww34Ee\n" in first, table.stdout
    assert second.startswith(f"twitter {ORIGINAL}") and "  for " not in second   # a post URL names itself
    article = tmp_path / "story.html"
    article.write_text('<p>Roads.</p><blockquote class="twitter-tweet"><p>Bridge reopened this morning after repairs.'
                       '</p>&mdash; Riverton Roads (@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/'
                       f'{fx.POST_ID}">December 6, 2022</a></blockquote>\n')
    from_article = invoke("fetch", "--no-media", str(article))
    assert f"  for {article}, embed #1\n" in from_article.stdout, from_article.stdout
