"""A quote-post's embed that shows the words of the post it quotes, put under the quoting account: the text check
names the quoted post and its author (newuser42b #3: it listed a change and never said whose words they were)."""

import json

from tests.test_fetch import by_id, json_page
from tests.test_verdicts import POST, blockquote, check_named, reporter, serve, snowflake, tweet  # noqa: F401

QUOTED = snowflake("2021-05-02T08:00:00Z")
THEIRS = "The bridge stays closed until the inspection is done in June."


def quote_post_report(fakenet, reporter, said: str) -> dict:
    quoted = tweet(QUOTED, THEIRS, handle="city_engineer", name="City Engineer") | {"reply_count": 0,
                                                                                     "retweet_count": 2}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({POST: [json_page(tweet(POST, "Not what the mayor said.") | {"quoted_tweet": quoted})]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body><p>Roads.</p>{blockquote(POST, said)}</body></html>")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    return check_named(embed, "text")


def test_the_quoted_posts_words_under_the_quoting_account_name_their_author(fakenet, reporter):
    text = quote_post_report(fakenet, reporter, THEIRS)
    assert text["result"] == "fail", text
    assert text["evidence"].endswith(
        f"; the article's words are those of the post it quotes, @city_engineer's {QUOTED} (“{THEIRS}”), not this "
        "post's: they are shown under the quoting account"), text


def test_other_words_say_nothing_of_the_quoted_post(fakenet, reporter):
    text = quote_post_report(fakenet, reporter, "Not what the governor said.")
    assert text["result"] == "fail" and "the post it quotes" not in text["evidence"], text
