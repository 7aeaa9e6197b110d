"""fixleft43b: items earlier helpers found and left. Fictional posts, served on 127.0.0.1 in the real formats.

1. (newuser42b #10) A quote opened with only a space after a bare post URL in scraped text was not read, so a changed
   word went unchecked; and a failing quote's words at its ends that are not the post's were in no change list.
2. (newuser42b #7) `report` asked to run `resolve --text-links` after it ran, and never said where the links led."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from resolver.budgets import DEFAULT_LIMITS
from resolver.cli import cli
from resolver.extract import find_all
from resolver.provenance import text_check
from resolver.quotes import compare
from tests import xfixtures as fx
from tests.fakenet import redirect
from tests.test_fetch import by_id, json_page
from tests.waybacknet import serve

POST_ID = "1635717429457846273"   # minted 2023-03-14T19:00:00Z
URL = f"https://mobile.twitter.com/MayorWhitfield/status/{POST_ID}"
WORDS = "The council approved 12 new shelters for the winter, funded in full by the state grant."


@pytest.mark.parametrize("said, quoted, confidence", [
    (f'The mayor\'s shelter announcement: {URL} "The council approved 12 new shelters for the winter, funded in '
     'full by the federal grant."', "The council approved 12 new shelters for the winter, funded in full by the "
     "federal grant.", "uncertain"),
    (f"Announcement: {URL}  “Funded in full by the federal grant.”\n\nNext item.",
     "Funded in full by the federal grant.", "uncertain"),
    (f'Announcement: {URL}: "Funded in full by the federal grant."', "Funded in full by the federal grant.", "high"),
    (f'Announcement: {URL}\n"Funded in full by the federal grant."', None, None),
    (f'Announcement: {URL}. "Funded in full by the federal grant."', None, None),
    (f'Announcement: {URL} funded in full by the "federal" grant.', None, None),
], ids=["space-straight", "spaces-curly", "colon-still-sure", "next-line", "sentence-ended", "no-opening-quote"])
def test_a_quote_opened_with_a_space_after_a_bare_url_is_read_uncertain(said, quoted, confidence):
    [embed], _ = find_all(said, "text")
    assert (embed.text, embed.text_confidence) == (quoted, confidence), embed


def test_a_failing_quote_names_the_words_at_its_ends_that_are_not_the_posts():
    compared = compare("Sadly, we will cut 300 jobs this year, he said", "We will cut 30 jobs this year")
    assert compared.result == "fail"
    assert compared.evidence == ('1 change in the quoted words: 30 → 300; and words that are not the post\'s: "Sadly" '
                                 'before and "he said" after (glued on by the page or a scraper?)')
    checked = text_check({"text": "Sadly, we will cut 300 jobs this year, he said", "detector": "html-blockquote",
                          "text_confidence": "high"},
                         {"status": "available", "text": "We will cut 30 jobs this year", "archived": []})
    assert checked["result"] == "fail"
    assert checked["changes"] == ["30 → 300", 'added "Sadly" before the post\'s words (glued on by the page or a '
                                  'scraper?)', 'added "he said" after the post\'s words (glued on by the page or a '
                                  'scraper?)']


def test_a_warning_quote_keeps_its_ends_in_its_evidence_alone():
    checked = text_check({"text": "Sadly, we will cut 30 jobs this year", "detector": "text-signature",
                          "text_confidence": "uncertain"},
                         {"status": "available", "text": "We will cut 30 jobs this year", "archived": []})
    assert checked["result"] == "warn" and "changes" not in checked, checked
    assert 'words that are not the post\'s: "Sadly" before' in checked["evidence"]


@pytest.fixture
def cli_run(fakenet, tmp_path):
    """The CLI with syndication answering the post on loopback (t.co routes added by a test), no capture."""
    answer = dict(fx.SYNDICATION_TWEET, id_str=POST_ID, text=WORDS, created_at="2023-03-14T19:00:00.000Z",
                  display_text_range=[0, len(WORDS)], mediaDetails=[],
                  user=dict(fx.SYNDICATION_TWEET["user"], screen_name="MayorWhitfield", name="Dana Whitfield"),
                  entities={"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
                  edit_control={"edit_tweet_ids": [POST_ID], "editable_until_msecs": "1678824000000",
                                "is_edit_eligible": False, "edits_remaining": "5"})
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST_ID: [json_page(answer)]}))
    serve(fakenet, [])
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n[limits]\n" + "".join(f'"{p}" = 0\n' for p in DEFAULT_LIMITS)
                      + "[origins]\n" + "".join(f'"https://{h}" = "{fakenet.origin}"\n' for h in (
                          "cdn.syndication.twimg.com", "publish.twitter.com", "web.archive.org", "archive.org",
                          "t.co")))

    def run(*args: str, exit_code: int = 0) -> str:
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        assert result.exit_code == exit_code, result.output
        return result.stdout
    return run


@pytest.fixture
def report(cli_run, tmp_path):
    """`report --format json` of a scraped text: its one embed's text check."""
    def run(text: str, *, exit_code: int = 0) -> dict:
        article = tmp_path / "roundup.txt"
        article.write_text(text, encoding="utf-8")
        [embed] = json.loads(cli_run("report", "--format", "json", "--fail-on", "fail", str(article),
                                     exit_code=exit_code))["embeds"]
        return next(c for c in embed["checks"] if c["name"] == "text")
    return run


def test_a_changed_word_quoted_after_a_bare_url_and_a_space_is_checked(report):
    checked = report(f'Round-up\n\nThe mayor\'s shelter announcement: {URL} "The council approved 12 new shelters '
                     'for the winter, funded in full by the federal grant."\n')
    assert checked == {"name": "text", "result": "warn", "changes": ["state → federal"],
                       "evidence": "the words quoted beside the link differ from the post: 1 change in the quoted "
                                   "words: state → federal (they may quote something else, so this is no fail)"}


def test_a_failing_quote_after_a_bare_url_lists_its_added_ends_in_the_report(report):
    checked = report(f'Round-up\n\nThe mayor wrote {URL}: "Tonight: the council approved 21 new shelters for the '
                     'winter, funded in full by the state grant."\n', exit_code=4)
    assert checked["result"] == "fail", checked
    assert checked["changes"] == ["12 → 21", 'added "Tonight" before the post\'s words (glued on by the page or a '
                                  'scraper?)'], checked


OTHER = "https://twitter.com/SenOkafor/status/1635717429457846274"
CLERK = "https://twitter.com/CityClerk/status/1635717429457846275"


def test_a_report_says_where_t_co_links_an_earlier_resolve_followed_and_asks_only_for_the_others(
        cli_run, fakenet, tmp_path):
    fakenet.route("t.co", "/AbC123xyz", redirect(OTHER))
    fakenet.route("t.co", "/Zz9Yy8Xx", redirect(CLERK))
    article = tmp_path / "roundup.txt"
    article.write_text(f"Round-up\n\nThe senator's post is at https://t.co/AbC123xyz and the minutes at "
                       f"https://t.co/Zz9Yy8Xx.\n\nThe mayor wrote {URL}: \"{WORDS}\"\n", encoding="utf-8")
    before = cli_run("report", str(article))
    assert "follow the 2 t.co links in the text that no embed carries: `embed-resolver resolve --text-links" in before
    assert "Links followed" not in before

    cli_run("resolve", "https://t.co/AbC123xyz")
    data = json.loads(cli_run("report", "--format", "json", str(article)))
    warnings = {w["kind"]: w for w in data["article"]["warnings"]}
    assert warnings["links-not-followed"]["count"] == 1
    assert warnings["links-not-followed"]["first"] == "https://t.co/Zz9Yy8Xx"
    [followed] = warnings["links-followed"]["links"]
    assert (followed["url"], followed["final_url"], followed["post_id"]) == ("https://t.co/AbC123xyz", OTHER,
                                                                              "1635717429457846274")
    assert followed["fetch_ids"], followed   # where it leads traces to the recorded hop
    markdown = cli_run("report", str(article))
    assert "follow the 1 t.co link in the text that no embed carries" in markdown
    assert (f"- **Links followed**: 1 t.co link in the text, in no embed, was followed by an earlier embed-resolver resolve: "
            f"https://t.co/AbC123xyz → {OTHER} (a twitter post, not among this report's embeds nor checked here; "
            f"resolved ") in markdown

    cli_run("resolve", "--text-links", str(article))
    after = cli_run("report", str(article))
    assert "resolve --text-links" not in after and "Links not followed" not in after, after
    assert "2 t.co links in the text, in no embed, were followed by an earlier embed-resolver resolve" in after
    assert f"https://t.co/Zz9Yy8Xx → {CLERK} (a twitter post, not among this report's embeds nor checked here; " in after
    html = cli_run("report", "--format", "html", str(article))
    assert "<strong>Links followed</strong>: 2 t.co links" in html and "resolve --text-links" not in html
