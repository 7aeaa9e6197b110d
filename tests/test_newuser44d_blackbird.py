"""A newspaper archivist's findings (newuser44d), fixed by fixnu45e: a Blackbird Pie embed (Twitter's 2010 embed
code, and the WordPress plugin and blackbirdpy that wrote its markup) lost its words: the post's text, its author's
name and the date in the timestamp link's title were not read, and the report quoted the timestamp link's words
("less than a minute ago") as what the article shows (#7).

The fixtures are small fictional pages in Blackbird Pie's three markups: Twitter's (`p.bbpTweet`,
`span.timestamp > a[title]`, `span.metadata span.author strong`), the plugin's (`span.bbpTimestamp`,
`span.bbpAuthor`) and blackbirdpy's (`blockquote.bbpTweet` with `p.tweet`, `span.display_name`)."""

from __future__ import annotations

import json

import pytest

from tests.test_verdicts import reporter  # noqa: F401 - a fixture

ID = "14987654321012345"
URL = f"http://twitter.com/harlowschools/status/{ID}"
TEXT = "All Harlow County schools closed tomorrow, Dec. 15, due to ice. Stay safe!"
TWITTER = (f"<!-- tweet id : {ID} --><div class='bbpBox{ID}'><p class='bbpTweet'>{TEXT}<span class='timestamp'>"
           f"<a title='Tue Dec 14 22:10:05 +0000 2010' href='{URL}'>less than a minute ago</a> via web</span>"
           "<span class='metadata'><span class='author'><a href='http://twitter.com/harlowschools'>"
           "<img src='http://a1.twimg.com/profile_images/1/logo_normal.png' /></a><strong>"
           "<a href='http://twitter.com/harlowschools'>Harlow Schools</a></strong><br/>harlowschools</span></span>"
           "</p></div><!-- end of tweet -->")
PLUGIN = (f'<div class="bbpBox" style="padding:20px;"><p class="bbpTweet" style="color:#000;">{TEXT} '
          f'<span class="bbpTimestamp" style="font-size:12px;"><a title="Tue Dec 14 22:10:05 +0000 2010" href="{URL}">'
          "about 2 hours ago</a> via web</span> <span class=\"bbpMetadata\"><span class=\"bbpAuthor\">"
          '<a href="http://twitter.com/harlowschools"><img src="x.png"></a><strong><a href="http://twitter.com/'
          'harlowschools">Harlow Schools</a></strong><br/>harlowschools</span></span></p></div>')
BLACKBIRDPY = (f'<div id="bbpBox{ID}" class="bbpBox bbpBox_new"><blockquote class="bbpTweet"><p class="metadata">'
               '<a href="https://twitter.com/harlowschools"><img src="x.png" class="avatar"/><span class="display_name">'
               'Harlow Schools</span><span class="handle">@harlowschools</span></a></p>'
               f'<p class="tweet">{TEXT}</p><p class="timestamp"><a href="{URL}">Dec 14, 2010 10:10 PM</a></p>'
               "</blockquote></div>")


def page(embed: str) -> str:
    return ("<html><head><meta charset='utf-8'><title>Storm closes schools</title></head><body><h1>Storm</h1>"
            "<p>The district announced the closure on Twitter:</p>" + embed
            + "<p>Parents reacted with relief.</p></body></html>")


@pytest.mark.parametrize("embed, date_text", [
    (TWITTER, "Tue Dec 14 22:10:05 +0000 2010"), (PLUGIN, "Tue Dec 14 22:10:05 +0000 2010"),
    (BLACKBIRDPY, "Dec 14, 2010")])
def test_newuser44d_7_a_blackbird_pie_embed_is_read_for_its_text_name_and_date(embed, date_text):
    from resolver.pipeline import scan

    [found] = scan(page(embed), source="a.html").to_json()["embeds"]
    assert (found["post_id"], found["author_handle"], found["author_name"], found["text"], found["text_confidence"],
            found["date"], found["detector"]) == (ID, "harlowschools", "Harlow Schools", TEXT, "high", "2010-12-14",
                                                  "html-blackbird-pie"), found
    assert found["date_text"].startswith(date_text)


def test_newuser44d_7_the_report_never_quotes_the_timestamp_link_as_the_post(reporter):
    code, out = reporter("report", "--offline", "--format", "json", "article.html", article=page(TWITTER))
    [embed] = json.loads(out)["embeds"]
    assert embed["quote"].startswith(TEXT), embed["quote"]
    code, md = reporter("report", "--offline", "article.html")
    assert "> less than a minute ago" not in md and f"> {TEXT}" in md, md
