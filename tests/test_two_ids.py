"""newuser37 #2: one embed code naming two posts (a blockquote's data-tweet-id and its link; amp-twitter's
data-tweetid and its placeholder's link; an iframe's id and the link shown beside it) passed every check for one of
them with no doubt raised. Both ids are kept, in an `id_doubt` naming both, and the checks of the article's copy warn,
never pass. Fictional posts; the source is the loopback 'internet'."""

from __future__ import annotations

import json

import pytest

from resolver.extract import html
from tests.test_fetch import json_page
from tests.test_verdicts import POST, blockquote, by_id, reporter, serve, tweet  # noqa: F401 - reporter: a fixture

OTHER = "1790328702366658617"
WORDS = "The ferry runs on Monday as planned."
LINKED = f"https://twitter.com/river_desk/status/{POST}"


@pytest.mark.parametrize("markup,post_id,doubt", [
    (blockquote(POST, WORDS).replace('class="twitter-tweet"', f'class="twitter-tweet" data-tweet-id="{OTHER}"'),
     POST, f"the embed code names post {OTHER} in data-tweet-id and {POST} in its link"),
    (f'<amp-twitter width="375" height="472" data-tweetid="{OTHER}">'
     f'{blockquote(POST, WORDS).replace("twitter-tweet", "twitter-tweet").replace("<blockquote ", "<blockquote placeholder ")}'
     "</amp-twitter>",
     OTHER, f"the embed code names post {OTHER} in data-tweetid and {POST} in its placeholder's link"),
    (f'<div class="embed-twitter"><iframe src="https://platform.twitter.com/embed/Tweet.html?id={OTHER}"></iframe>'
     f'<p>{WORDS} &mdash; River Desk (@river_desk) <a href="{LINKED}">May 3, 2021</a></p></div>',
     OTHER, f"the embed code names post {OTHER} in its iframe and {POST} in the link beside it"),
], ids=["blockquote-data-tweet-id", "amp-placeholder", "iframe-beside-a-link"])
def test_an_embed_code_naming_two_posts_keeps_both_in_its_doubt(markup, post_id, doubt):
    page = f"<html><body><p>The story.</p>{markup}<p>More.</p></body></html>"
    embeds = html.scan(page)[0]
    [embed] = [e for e in embeds if e.post_id == post_id]
    assert embed.id_doubt == doubt
    assert page[embed.span[0]:embed.span[1]].startswith("<")   # spanned on its element, as before


@pytest.mark.parametrize("markup", [
    blockquote(POST, WORDS).replace('class="twitter-tweet"', f'class="twitter-tweet" data-tweet-id="{POST}"'),
    f'<amp-twitter data-tweetid="{POST}">{blockquote(POST, WORDS)}</amp-twitter>',
    f'<div><iframe src="https://platform.twitter.com/embed/Tweet.html?id={POST}"></iframe>'
    f'<p>{WORDS} &mdash; River Desk (@river_desk) <a href="{LINKED}">May 3, 2021</a></p></div>',
], ids=["blockquote", "amp", "iframe"])
def test_an_embed_code_naming_one_post_twice_has_no_doubt(markup):
    embeds = html.scan(f"<html><body><p>The story.</p>{markup}</body></html>")[0]
    assert [(e.post_id, e.id_doubt) for e in embeds] == [(POST, None)]


def test_a_blockquote_naming_two_posts_warns_and_never_passes(fakenet, reporter):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, WORDS))],
                                                                       OTHER: [json_page(tweet(OTHER, "Other."))]}))
    serve(fakenet, [])
    code_ = blockquote(POST, WORDS).replace('class="twitter-tweet"', f'class="twitter-tweet" data-tweet-id="{OTHER}"')
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body><p>The ferry.</p>{code_}</body></html>")
    [embed] = json.loads(out)["embeds"]
    doubt = f"the embed code names post {OTHER} in data-tweet-id and {POST} in its link"
    assert embed["id_doubt"] == doubt
    copy = [c for c in embed["checks"] if c["name"] in ("author", "date", "snowflake-date", "text")]
    assert copy and all(c["result"] == "warn" for c in copy), copy
    assert all(c["evidence"].startswith(f"uncertain id: {doubt}, so this is no pass") for c in copy), copy
    code, page = reporter("report", "--format", "md", "article.html")
    assert doubt in page.replace("\\", "")


def test_a_plain_link_elsewhere_does_not_settle_an_embed_code_naming_two_posts():
    """a04: the blockquote naming two posts, and a plain link to its link's post further down: one embed, and the
    doubt stays (a place naming the post plainly settles a run-on URL's id, not a conflict inside an embed code)."""
    code = blockquote(POST, WORDS).replace('class="twitter-tweet"', f'class="twitter-tweet" data-tweet-id="{OTHER}"')
    page = f'<html><body><p>The story.</p>{code}<p>See <a href="{LINKED}">the post</a>.</p></body></html>'
    [embed] = html.scan(page)[0]
    assert embed.id_doubt == f"the embed code names post {OTHER} in data-tweet-id and {POST} in its link"


def test_a_flattened_quote_of_another_accounts_post_of_the_day_neither_fails_nor_passes(fakenet, reporter):
    """A plain-text copy of a post quoting another account's post of the same day ends its words with the quoted
    post's link, the form of a flattened quote post. fixnu37e took that link as the post's candidate id (newuser37
    §6), so the honest quote failed its author ("article says @MayorJaneHill, the post's author is @river_desk") and
    its words. Which post the signature's words are is not known: the checks of the article's copy warn, saying the
    conflict, as for an embed code naming two posts (review37e)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, WORDS))]}))
    serve(fakenet, [])
    article = (f"The ferry will run.\n\nProud of our crew for keeping it going. {LINKED}\n"
               "— Jane Hill (@MayorJaneHill) May 3, 2021\n\nThe council meets on Tuesday.\n")
    code, out = reporter("report", "--format", "json", "article.txt", article=article, name="article.txt")
    [embed] = [e for e in json.loads(out)["embeds"] if e["detector"] == "text-signature"]
    doubt = "the link names a post by @river_desk; the signature says @MayorJaneHill"
    assert (embed["post_id"], embed["id_doubt"]) == (POST, doubt)
    copy = [c for c in embed["checks"] if c["name"] in ("author", "date", "snowflake-date", "text")]
    assert copy and all(c["result"] == "warn" for c in copy), copy
    assert all(c["evidence"].startswith(f"uncertain id: {doubt}, so this is no ") for c in copy), copy


def test_a_signatures_link_of_another_day_neither_fails_nor_passes(fakenet, reporter):
    """t21 (stop 37's left alone): a signature of May 3, 2024 and, on the line below, a link to the account's post of
    May 3, 2021. The link was its own embed, the signature's copy had no id, and nothing said they disagree. The link
    is the signature's candidate and the conflict is said: the checks of the article's copy warn."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, WORDS))]}))
    serve(fakenet, [])
    article = (f"The ferry will run.\n\n{WORDS}\n— River Desk (@river_desk) May 3, 2024\n{LINKED}\n\n"
               "The council meets on Tuesday.\n")
    code, out = reporter("report", "--format", "json", "article.txt", article=article, name="article.txt")
    [embed] = json.loads(out)["embeds"]
    doubt = "the link names a post made on 2021-05-03 (UTC); the signature says May 3, 2024"
    assert (embed["detector"], embed["post_id"], embed["id_doubt"]) == ("text-signature", POST, doubt)
    copy = [c for c in embed["checks"] if c["name"] in ("author", "date", "snowflake-date", "text")]
    assert copy and all(c["result"] == "warn" for c in copy), copy
    assert all(c["evidence"].startswith(f"uncertain id: {doubt}, so this is no ") for c in copy), copy
