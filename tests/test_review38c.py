"""review38c: adversarial review of stop 37's unreviewed merges (views37, resolution37, sig37, perf37 and the lead's
unshown-source pattern). Each test failed on main at b7580e1."""

import json

import pytest

from click.testing import CliRunner

from resolver.cli import cli

FEEDS_HTML = (
    '<html><body><p>The council\'s videos:</p><iframe src="https://www.youtube.com/embed/videoseries?list='
    'PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe><p>Its uploads:</p><iframe src="https://www.youtube.com/embed/'
    'videoseries?list=UUabcdefghijklmnopqrstuv"></iframe><p>Its feed:</p><a class="twitter-timeline" href='
    '"https://twitter.com/RivertonCouncil?ref_src=twsrc%5Etfw">Posts by RivertonCouncil</a></body></html>')


def test_playlists_and_a_timeline_are_no_posts_in_the_summary(tmp_path):
    """Two playlists and a timeline are no posts: the summary's "Post status" counted the two playlists (whose list
    id sits in post_id) as "not looked up 2", "In short" said "3 embedded posts" and "the status of 0 of the 2 posts
    is known" (sig37's known 2 of 3)."""
    article = tmp_path / "feeds.html"
    article.write_text(FEEDS_HTML, encoding="utf-8")
    base = ["--db", str(tmp_path / "c.db"), "report", "--offline"]
    result = CliRunner().invoke(cli, [*base, "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["posts"] == {"named": 0, "status_known": 0, "status_not_known": 0, "gone": 0}
    assert summary["by_status"] == {}
    assert summary["not_posts"] == 3
    text = CliRunner().invoke(cli, [*base, str(article)]).stdout
    assert "| Post status | — |" in text, text
    assert "3 embedded posts" not in text
    assert "3 embeds (youtube 2, twitter 1), none of them a post (each such links to what is no post" in text, text
    assert "the status of 0 of the 2 posts" not in text
    assert "- **Checked against the sources**: no post to look up; 0 of the 15 checks could be made." in text, text
    html = CliRunner().invoke(cli, [*base, "--format", "html", str(article)]).stdout
    assert "not looked up 2" not in html


def test_a_story_beside_a_post_is_counted_apart(tmp_path):
    """A post and an Instagram story: one post named, the story no post."""
    article = tmp_path / "mixed.html"
    article.write_text(
        '<html><body><p>Her story:</p><p><a href="https://www.instagram.com/stories/riverton.council/3141592653589793'
        '238/">story</a></p><blockquote class="twitter-tweet"><p>Roads closed</p>&mdash; Riverton (@RivertonCouncil)'
        ' <a href="https://twitter.com/RivertonCouncil/status/1790000000000000001">May 1, 2024</a></blockquote>'
        '</body></html>', encoding="utf-8")
    base = ["--db", str(tmp_path / "c.db"), "report", "--offline"]
    result = CliRunner().invoke(cli, [*base, "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert sorted(e["kind"] for e in report["embeds"]) == ["post", "story"], report["embeds"]
    assert report["summary"]["posts"]["named"] == 1
    assert report["summary"]["not_posts"] == 1
    text = CliRunner().invoke(cli, [*base, str(article)]).stdout
    assert "2 embeds (" in text and "1 of them no post" in text, text


def test_the_dead_view_counts_no_playlist_as_a_post(fakenet, tmp_path):
    """The dead view's `embeds` is of embedded posts: a YouTube playlist and a channel's uploads (their list id in
    post_id) were counted as posts whose status is not known (`status_unknown` 2), though the report says each is no
    post and nothing is looked up for them. By hand: the blockquote's deleted post alone, checked and dead."""
    from tests.test_link_rot import DELETED, blockquote
    from tests.test_review36b import posts_world
    from tests.test_views37 import counts, story

    world = posts_world(fakenet, tmp_path)
    feeds = FEEDS_HTML.removeprefix("<html><body>").removesuffix("</body></html>")
    story(world, tmp_path, blockquote(DELETED) + feeds, "--fetch")
    assert counts(world) == {"embeds": 1, "embeds_checked": 1, "doubtful_id": 0, "status_unknown": 0,
                             "not_checked": 0, "dead": 1, "dead_percent": [100.0]}


def test_a_short_news_page_with_a_login_form_in_its_header_is_no_sign_in_page():
    """A site's login box in its header, menu or footer (a password field there) is the site's furniture: a short
    story (a video page, a breaking-news line) that a link led to read as "a sign-in page (a password field)", its end
    unsure. A sign-in form in the page's own body still reads as one."""
    from resolver.end_pages import PageReading, read_end_page

    furniture = ('<header><form action=/login><input name=user><input type="password" name=pw><button>Log in</button>'
                 '</form></header>')
    story = "<title>Watch: the bridge reopens | Riverton Gazette</title>" + furniture + \
        "<main><h1>Watch: the bridge reopens</h1><p>The bridge reopened on Monday after two years.</p></main>"
    assert read_end_page(story.encode(), "https://news.example/video/bridge") is None
    aside = story.replace("<header>", "<aside>").replace("</header>", "</aside>")
    assert read_end_page(aside.encode(), "https://news.example/video/bridge") is None
    wall = ('<title>Riverton Gazette</title><main><form action=/session><input name=user><input type=PASSWORD name=pw>'
            '<button>Continue</button></form></main>')
    assert read_end_page(wall.encode(), "https://news.example/entry") == PageReading("sign-in", "a password field", ())


_POST = "https://twitter.com/RivertonCouncil/status/1790000000000000001"
_WORDS = "<p>" + "The council met on Monday and voted to reopen the bridge. " * 5 + "</p>"


@pytest.mark.parametrize(("between", "after", "unshown"), [
    # a <template> inside a <template>: the post is in the outer one, after the inner one closed
    ("<template id=a><template id=b><p>x</p></template>", "</template>", "inside <template>"),
    ("<TEMPLATE><template></TEMPLATE >", "</template>", "inside <template>"),
    # '<!--' or '<template' inside an attribute's value starts nothing
    ('<a title="<!-- see below" href="/x">x</a>', "", None),
    ("<a title='<template x' href=/x>x</a>", "", None),
    ('<div data-note="a > b <!-- c"></div>', "", None),
    # a comment closed by '-->' , '--!>' (an error the parser forgives), or empty ('<!-->', '<!--->')
    ("<!-- x --!>", "", None),
    ("<!-->", "", None),
    ("<!--->", "", None),
    # a CDATA section (in <svg>: text; elsewhere a bogus comment ending at its first '>') opens no comment
    ("<svg><![CDATA[ <!-- ]]></svg>", "", None),
    # as before: a comment, an unclosed comment, a template
    ("<!-- <p>", " --> <p>x</p>", "inside an HTML comment"),
    ("<!-- never closed ", "", "inside an HTML comment"),
    ("<template>", "</template>", "inside <template>"),
], ids=["nested-template", "nested-uppercase", "comment-in-attribute", "template-in-attribute", "gt-in-attribute",
        "bang-closed-comment", "empty-comment", "empty-comment-dash", "cdata", "comment", "unclosed-comment",
        "template"])
def test_the_unshown_source_ranges_read_as_the_parser_does(between, after, unshown):
    """The page-state post URL after `between` is unshown as the parser reads the page: the regular expression's
    ranges ended a <template> at the first '</template>' (a post in the outer of two nested templates was shown, its
    checks able to pass), and opened a comment at a '<!--' inside an attribute's value or a CDATA section and closed
    one only at '-->' (every post URL to the end of the page 'kept in an HTML comment')."""
    from resolver.extract import find_all

    page = (f"<html><body><article>{_WORDS}{between}<div data-x='{_POST}'></div>{after}<p>The end.</p></article>"
            "</body></html>")
    embeds, _ = find_all(page, "html")
    assert [(e.detector, e.post_id, e.unshown) for e in embeds] == [("html-source", "1790000000000000001", unshown)]


def test_a_forged_embed_code_in_the_outer_of_two_nested_templates_is_unshown():
    """newuser37 #1's attack with one more template: an embed code the page never shows, after a template inside the
    one holding it, was read from the source as shown (its checks of the article's copy able to pass)."""
    from resolver.extract import find_all

    code = ('<blockquote class="twitter-tweet"><p>Roads closed</p>&mdash; Riverton (@RivertonCouncil) '
            f'<a href="{_POST}">May 1, 2024</a></blockquote>')
    page = (f"<html><body><article>{_WORDS}<template><template><p>x</p></template>{code}</template></article>"
            "</body></html>")
    embeds, _ = find_all(page, "html")
    assert [e.post_id for e in embeds] == ["1790000000000000001"]
    assert all(e.unshown == "inside <template>" for e in embeds), embeds


def test_in_short_never_says_every_status_is_known_when_one_is_not(tmp_path):
    """A post pasted as text with no link (not identified: nothing to look up, nothing unreachable): "In short" said
    "the status of 0 of the 1 post is known" and then "What to do next: nothing: every post's status is known"."""
    article = tmp_path / "flat.html"
    article.write_text(
        "<html><body><article><p>The council met on Monday and voted to reopen the bridge after two years of repairs."
        "</p><p>Roads closed at the weir. — Riverton Council (@RivertonCouncil) May 1, 2024</p></article></body>"
        "</html>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(article)])
    assert result.exit_code == 0, result.output
    assert "The status of 0 of the 1 post is known" in result.stdout, result.stdout
    assert "every post's status is known" not in result.stdout
    assert ("- **What to do next**: see why the status of 1 post is not known (its Status below)."
            in result.stdout), result.stdout


@pytest.mark.parametrize(("page", "expected"), [
    # the words only in an attribute's value: a card's label, a site's exit-link message on its links
    ('<title>Bridge</title><p>The bridge reopened.</p><a aria-label="Link preview" '
     'href="https://twitter.com/RivertonCouncil/status/1790000000000000001">card</a>', None),
    ('<title>Permits</title><p>Apply for a permit.</p><a data-confirm="You are now leaving the council\'s site" '
     'href="https://forms.example/permit">Form</a>', None),
    # a notice's words in its text, or in the script that renders it, still read
    ('<title>Notice</title><p>You are leaving Riverton.</p><a href="https://forms.example/permit">Continue</a>',
     ("notice", "you are leaving")),
    ('<title>Notice</title><div id=app></div><script>render("This link may be unsafe", '
     '"https://forms.example/permit")</script>', ("notice", "this link may be unsafe")),
], ids=["card-label", "exit-link-attribute", "notice-text", "notice-script"])
def test_a_notices_words_in_an_attribute_alone_make_no_notice(page, expected):
    """A short page whose notice words stand only in an attribute's value (`aria-label="Link preview"`, a gov site's
    `data-confirm="You are now leaving…"` on its links) read as a notice, the post it links named its likely end."""
    from resolver.end_pages import read_end_page

    reading = read_end_page(page.encode(), "https://council.example/page")
    assert ((reading.reads_as, reading.words) if reading else None) == expected


def test_the_dead_view_leaves_out_every_kind_the_resolver_says_is_no_post():
    """cache/ knows nothing of resolver/, so v73's dead view holds its own list of the kinds that are no post; this
    holds it to the resolver's `platforms.NOT_POSTS` (the lead, stop 38's diff reread): a kind added there and not
    here would be counted as a post whose status is not known. A new kind needs a new migration, not an edit of
    m073's list."""
    from cache.migrations import NOT_POST_KINDS
    from resolver.platforms import NOT_POSTS

    assert {kind for _, kind in NOT_POSTS} == set(NOT_POST_KINDS)
