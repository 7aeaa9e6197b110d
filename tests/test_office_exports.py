"""Pages made by Word ("Save as Web Page") and Google Docs ("Web page" export) (newuser37b #5): a flattened tweet
("words pic.twitter.com/x" then "— Name (@handle) <a>date</a>", each line a paragraph of Office spans and <o:p>, the
date a link to the post) is one post with its words, name and date, as the same story in plain text is; and Google
Docs' https://www.google.com/url?q=TARGET&sa=... wrapper around every link is read as its target. Fixtures are
fictional, written in the exports' shapes."""

import pytest

from resolver.extract import find_all
from resolver.platforms import parse_url

PROSE = "<p>The council voted on Thursday to approve the bridge first proposed in 2009, after many delays.</p>"
STATUS = "https://twitter.com/LarkResidents/status/1631700000000000002"

WORD = ("<p class=MsoNormal><span lang=EN-US>Finally! The bridge is happening. "
        "<a href=\"https://t.co/Zz9Yy8Xx7W\"><span style='color:#0563C1'>pic.twitter.com/Zz9Yy8Xx7W</span></a>"
        "<o:p></o:p></span></p>\n"
        "<p class=MsoNormal><span lang=EN-US>\u2014 Lark Valley Residents (@<span class=SpellE>LarkResidents</span>) "
        f"<a href=\"{STATUS}\">March 3, 2023</a><o:p></o:p></span></p>")
GDOCS_WRAP = "https://www.google.com/url?q={}&amp;sa=D&amp;source=editors&amp;ust=1665480000000000&amp;usg=AOvVaw0ab"
GDOCS = ('<p class="c2"><span class="c0">Finally! The bridge is happening. </span><span class="c5"><a class="c4" '
         f'href="{GDOCS_WRAP.format("https://t.co/Zz9Yy8Xx7W")}">pic.twitter.com/Zz9Yy8Xx7W</a></span></p>\n'
         '<p class="c2"><span class="c0">&mdash; Lark Valley Residents (@LarkResidents) </span><span class="c5">'
         f'<a class="c4" href="{GDOCS_WRAP.format(STATUS + "?ref_src%3Dtwsrc%255Etfw")}">March 3, 2023</a></span></p>')
ONE_PARAGRAPH = ("<p>Finally! The bridge is happening. <a href=\"https://t.co/Zz9Yy8Xx7W\">pic.twitter.com/Zz9Yy8Xx7W"
                 f"</a> \u2014 Lark Valley Residents (@LarkResidents) <a href=\"{STATUS}\">March 3, 2023</a></p>")


def _page(body):
    return f"<html><body><h1>Bridge</h1>{PROSE}\n{body}\n<p>More prose follows here.</p></body></html>"


@pytest.mark.parametrize("body", [WORD, GDOCS, ONE_PARAGRAPH], ids=["word", "google-docs", "one-paragraph"])
def test_a_flattened_tweet_with_its_date_in_a_link_is_one_post_with_its_words(body):
    embeds, _ = find_all(_page(body), "html")
    assert [(e.platform, e.kind, e.post_id) for e in embeds] == [("twitter", "post", "1631700000000000002")]
    [post] = embeds
    assert (post.author_handle, post.author_name, post.date) == ("LarkResidents", "Lark Valley Residents",
                                                                 "2023-03-03")
    assert post.text is not None and post.text.startswith("Finally! The bridge is happening.")
    assert "https://pic.twitter.com/Zz9Yy8Xx7W" in post.media_links


@pytest.mark.parametrize("wrapped, platform, post_id", [
    ("https://www.google.com/url?q=https://twitter.com/LarkResidents/status/1631700000000000002&sa=D&source=editors",
     "twitter", "1631700000000000002"),
    ("https://www.google.com/url?q=https://www.instagram.com/p/CjXyZ12AbCd/&amp;sa=D&amp;ust=1665480000000000",
     "instagram", "CjXyZ12AbCd"),
    ("https://google.com/url?q=https%3A%2F%2Ft.me%2Fcvk_news%2F882&sa=D", "telegram", "cvk_news/882"),
    ("https://www.google.com/url?sa=t&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DAbCdEfGhIjK&usg=AOv",
     "youtube", "AbCdEfGhIjK"),
], ids=["docs-tweet", "docs-instagram", "encoded", "search-result-url"])
def test_a_google_redirect_is_read_as_its_target(wrapped, platform, post_id):
    ref = parse_url(wrapped)
    assert ref is not None and (ref.platform, ref.post_id) == (platform, post_id)
    assert "google.com" not in ref.url


@pytest.mark.parametrize("url", [
    "https://www.google.com/url?q=https://example.org/news/story.html&sa=D",   # no post
    "https://www.google.com/url?q=javascript:alert(1)&sa=D",                  # no web link
    "https://www.google.com/search?q=https://twitter.com/a/status/1631700000000000002",   # a search, no redirect
    "https://www.google.com/url?sa=D",                                         # no target
])
def test_what_a_google_link_names_no_post_by_stays_no_embed(url):
    assert parse_url(url) is None


def test_a_google_docs_link_to_a_post_is_an_embed_of_the_post_in_html_and_in_text():
    href = GDOCS_WRAP.format("https://www.instagram.com/p/CjXyZ12AbCd/")
    page = _page(f'<p class="c2"><span class="c0">Video: </span><span class="c5"><a class="c4" href="{href}">the '
                 "clip</a></span></p>")
    embeds, _ = find_all(page, "html")
    assert [(e.platform, e.post_id, e.url) for e in embeds] == [
        ("instagram", "CjXyZ12AbCd", "https://www.instagram.com/p/CjXyZ12AbCd/")]
    embeds, _ = find_all(f"Video: {href.replace('&amp;', '&')} today.", "text")
    assert [(e.platform, e.post_id) for e in embeds] == [("instagram", "CjXyZ12AbCd")]


@pytest.mark.parametrize("body, link", [(WORD, "https://t.co/Zz9Yy8Xx7W"), (GDOCS, "https://t.co/Zz9Yy8Xx7W")],
                         ids=["word", "google-docs"])
def test_the_posts_own_picture_link_is_its_link_and_no_t_co_link_in_no_embed(body, link):
    """The scan warned "1 t.co link in the text is in no embed" of the post's own picture link."""
    from resolver.prose_links import links_not_followed

    page = _page(body)
    [post] = find_all(page, "html")[0]
    assert post.links == (link,)   # the target, never google.com's wrapper; not the post's own date link
    assert links_not_followed(page, "html", [post]) is None


def test_review38b_a_link_after_a_flattened_posts_signature_is_not_the_posts():
    """A paragraph holding a flattened post and the article's words after its signature: every link of the paragraph
    was the post's, the article's "our earlier story" after the signature too (it would be reported, and resolved, as
    a link in the post). A post's links are the links in its words."""
    body = ("<p>Finally! The bridge is happening. <a href=\"https://t.co/Zz9Yy8Xx7W\">pic.twitter.com/Zz9Yy8Xx7W</a> "
            f"\u2014 Lark Valley Residents (@LarkResidents) <a href=\"{STATUS}\">March 3, 2023</a> Read "
            "<a href=\"https://news.example.org/earlier\">our earlier story</a> on the vote.</p>")
    [post] = find_all(_page(body), "html")[0]
    assert post.post_id == "1631700000000000002"
    assert post.links == ("https://t.co/Zz9Yy8Xx7W",)
    plain = body.replace(f"<a href=\"{STATUS}\">March 3, 2023</a>", "March 3, 2023")   # its date no link
    [post] = find_all(_page(plain), "html")[0]
    assert post.links == ("https://t.co/Zz9Yy8Xx7W",), post.links


@pytest.mark.parametrize("wrapped, target", [
    ("https://www.google.com/url?q=https://www.google.com/url?q%3Dhttps://t.co/Zz9Yy8Xx7W%26sa%3DD&sa=D",
     "https://t.co/Zz9Yy8Xx7W"),
    ("https://www.google.com/url?q=https://l.facebook.com/l.php?u%3Dhttps%253A%252F%252Ft.co%252FZz9Yy8Xx7W&sa=D",
     "https://t.co/Zz9Yy8Xx7W"),
], ids=["google-in-google", "facebook-in-google"])
def test_review38b_a_wrapper_in_a_wrapper_is_read_to_its_last_target(wrapped, target):
    """A link copied from one Docs export into another is wrapped twice: its inner wrapper was the post's link, so
    google.com was asked where it leads, when the link names its target itself."""
    from resolver.platforms import link_target

    assert link_target(wrapped) == target
