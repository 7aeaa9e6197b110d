"""HTML detectors on small fictional fixtures modelled on real embed markup."""

import re
import string
from dataclasses import replace

import hypothesis
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolver import extract
from resolver.extract import html, html_credits
from tests.test_platforms import MASTODON_POSTS, NOT_MASTODON
from tests.test_text_detector import BARE_NOT_MASTODON


def _by_url(embeds):
    return {e.url: e for e in embeds}


def test_tweet_blockquote_with_media_and_the_link_to_it_are_one_embed(fixture_text):
    page = fixture_text("tweet_blockquote_with_media.html")
    embeds, credits = html.scan(page)
    [embed] = embeds
    assert embed.detector == "html-blockquote"
    assert embed.url == "https://twitter.com/RivertonRoads/status/1600000000000000001"
    assert (embed.author_name, embed.author_handle, embed.date_text, embed.date, embed.lang) == (
        "Riverton Roads", "RivertonRoads", "December 6, 2022", "2022-12-06", "en")
    assert embed.text.startswith("Bridge reopened this morning after repairs 🌉 #Riverton")
    assert embed.media_links == ("https://pic.twitter.com/Zz98Yy76Xx",)
    assert embed.links == ("https://t.co/Ab12Cd34Ef", "https://t.co/Zz98Yy76Xx")
    assert page[embed.span[0]:embed.span[1]].startswith('<blockquote class="twitter-tweet"')
    assert page[embed.span[0]:embed.span[1]].endswith("</blockquote>")
    [(start, end)] = embed.also_at
    assert page[start:end].startswith('<a href="https://x.com/RivertonRoads/status/1600000000000000001">')
    assert credits == []


def test_tweet_variants(fixture_text):
    page = fixture_text("tweet_variants.html")
    embeds, _ = html.scan(page)
    got = [(e.detector, e.kind, e.url) for e in embeds]
    assert got == [
        ("html-blockquote", "post", "https://twitter.com/kawanomachi/status/917000000000000002"),
        ("html-blockquote", "post", "https://twitter.com/FictionalDesk/status/1790000000000000003"),
        ("html-wp-embed", "post", "https://twitter.com/wpdesk/status/1679000000000000004"),
        ("html-amp", "post", "https://twitter.com/i/status/638000000000000005"),
        ("html-iframe", "post", "https://twitter.com/i/status/1790000000000000006"),
        ("html-timeline", "timeline", "https://twitter.com/RivertonNews"),
        ("html-link", "post", "https://twitter.com/oldhand/status/20000000000000007"),
        ("html-link", "post", "https://twitter.com/i/status/1500000000000000008"),
    ]
    video = embeds[0]
    assert (video.author_name, video.lang, video.date) == ("川の町", "ja", "2017-10-09")
    assert video.media_links == ("https://pic.twitter.com/Qq11Ww22Ee",)
    minimal = embeds[1]
    assert minimal.author_name is None and minimal.author_handle == "FictionalDesk"
    for embed in embeds:   # every span starts at the element it names
        assert page[embed.span[0]] == "<"


def test_other_platforms(fixture_text):
    embeds, _ = html.scan(fixture_text("other_platforms.html"))
    assert [(e.platform, e.post_id) for e in embeds] == [
        ("instagram", "CxAbC123dEf"), ("instagram", "OldCode99"), ("youtube", "AbCdEfGhIjK"),
        ("youtube", "ZyXwVuTsRqP"), ("tiktok", "7300000000000000001"), ("facebook", "10150000000000001"),
        ("facebook", "4242"), ("telegram", "rivertonchannel/416"), ("reddit", "1abcde"), ("bluesky", "did:plc:abcdefghijklmnop/3kabcdefg2x"),
        ("mastodon", "social.example.net/112000000000000001"), ("threads", "C1aBcDeFgHi"), ("vimeo", "796000001"),
    ]
    old_instagram = embeds[1]
    assert (old_instagram.author_name, old_instagram.author_handle) == ("Jo", "jo.example")
    bluesky = embeds[9]
    assert (bluesky.author_name, bluesky.author_handle, bluesky.text, bluesky.date) == (
        "River Watch", "riverwatch.example.org", "River levels are normal again.", "2026-03-10")


@pytest.mark.parametrize("para,text", [
    ('Shelters are open.<br><br><a href="{post}?ref_src=embed">[image or embed]</a>', "Shelters are open."),
    ('Shelters are open<br><br><a href="{post}?ref_src=embed">[image or embed]</a>', "Shelters are open"),
    ('<a href="{post}?ref_src=embed">[image or embed]</a>', None),
    ("Line one.<br>Line two.", "Line one.\nLine two."),
    ("The [image or embed] marker is only a tail here.", "The [image or embed] marker is only a tail here."),
], ids=["after-words", "no-stop", "image-only", "line-break", "in-words"])
def test_a_bluesky_embeds_image_or_embed_link_is_no_word_of_its_text(para, text):
    """embed.bsky.app writes "[image or embed]", a link to the post, after the words of a post with an image or an
    embed: it was read as the post's last word, glued to it ("open.[image or embed]", newuser29 §9)."""
    post = "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg2x"
    page = ('<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:abcdefghijklmnop/app.bsky.feed.post/'
            f'3kabcdefg2x"><p lang="en">{para.format(post=post)}</p>&mdash; River Watch (<a href="https://bsky.app/'
            f'profile/did:plc:abcdefghijklmnop">@riverwatch.example.org</a>) <a href="{post}">March 10, 2026 at 9:00 '
            'AM</a></blockquote>')
    [embed] = html.scan(page)[0]
    assert embed.text == text


def test_credits_in_html(fixture_text):
    page = fixture_text("credits_in_html.html")
    _, credits = html.scan(page)
    got = [(c.source, c.creator, c.organization, c.image) for c in credits]
    assert got == [
        ("json-ld", "Ana Fictional", "Riverton Post", "https://img.example.org/bridge.jpg"),
        ("caption", "Ben Example", "AP", "https://img.example.org/bridge.jpg"),
        ("caption", "Cal Sample", "Reuters", "https://img.example.org/mayor.jpg"),
        ("attribute", "Dee Fiction", "River Agency", "https://img.example.org/river.jpg"),
        ("caption", "Eve Example", "REUTERS", None),
        ("caption", None, "Riverton Post", None),
        ("text", "Gil Sample", "AFP via Getty Images", None),
    ]
    assert page[credits[1].span[0]:credits[1].span[1]].startswith("<figcaption>")


def test_page_without_markers_is_not_parsed(fixture_text, monkeypatch):
    def fail(_page):
        raise AssertionError("a page with no markers must not be parsed")
    monkeypatch.setattr(html, "parse", fail)
    assert html.scan(fixture_text("no_markers.html")) == ([], [])


@pytest.mark.parametrize("line, creator", [
    ("(AP Photo/Jane Doe)", "Jane Doe"), ("Photo: José Núñez / Agencia Ejemplo", "José Núñez"),
    ("(Photo by Lee Sample on Unsplash)", "Lee Sample"),
], ids=["ap-photo", "photo-colon", "photo-by"])
def test_a_credit_in_the_prose_of_a_page_with_no_other_marker_is_found(line, creator):
    """A page is parsed only when it holds a marker; the prose credit words were none, so a page whose only credit
    is a line of its text was skipped unparsed, where the same text as a plain-text file gave the credit."""
    page = f"<html><body><p>The bridge reopened on Tuesday.</p><p>{line}</p><p>More of the story.</p></body></html>"
    assert [c.creator for c in html.scan(page)[1]] == [creator]


@pytest.mark.parametrize("url,canonical,post_id,handle", [r[1:] for r in MASTODON_POSTS],
                         ids=[r[0] for r in MASTODON_POSTS])
def test_a_mastodon_post_url_is_found_in_a_page_whose_only_marker_it_is(url, canonical, post_id, handle):
    """A Mastodon URL on an instance not named "mastodon" was no marker: a page holding nothing else was not
    parsed, and its post was missed, written in the text or linked (#11)."""
    written = f"<html><body><h1>Council</h1><p>The council answered ({url}) an hour later.</p></body></html>"
    linked = f'<html><body><h1>Council</h1><p>The council <a href="{url}">answered</a>.</p></body></html>'
    link = f'<a href="{url}">answered</a>'
    bare = written.replace(url, url.removeprefix("https://"))   # "hachyderm.io/@jane/<id>" in prose was missed
    for page, detector, where in ((written, "html-text-url", url), (linked, "html-link", link),
                                  (bare, "html-text-url", url.removeprefix("https://"))):
        [embed] = html.scan(page)[0]
        assert (embed.platform, embed.kind, embed.url, embed.post_id, embed.author_handle, embed.detector) == (
            "mastodon", "post", canonical, post_id, handle, detector)
        assert page[embed.span[0]:embed.span[1]] == where


def test_other_sites_at_name_paths_without_a_scheme_in_a_page_are_no_mastodon_posts():
    page = "<html><body>" + "".join(f"<p>See {url} and more.</p>" for _, url, _ in BARE_NOT_MASTODON) + "</body></html>"
    assert [(e.platform, e.detector) for e in html.scan(page)[0]] == [("tiktok", "html-text-url")]


def test_other_sites_at_name_paths_in_a_page_are_no_mastodon_posts():
    written = "".join(f"<p>See {url} and more.</p>" for _, url, _ in NOT_MASTODON)
    linked = "".join(f'<p>See <a href="{url}">this</a>.</p>' for _, url, _ in NOT_MASTODON)
    page = f"<html><body>{written}{linked}</body></html>"
    # The TikTok video, written and linked: one embed.
    assert [(e.platform, e.detector) for e in html.scan(page)[0]] == [("tiktok", "html-link")]


@pytest.mark.parametrize("after", [" now", ".", ",", ").", "!", ";", ":", "?"],
                         ids=["space", "period", "comma", "paren-period", "bang", "semicolon", "colon", "question"])
def test_a_post_url_in_a_pages_text_is_found_whatever_punctuation_follows(after):
    """A post URL written in a paragraph (not a link) was found only when a space or a quote followed it: "...
    /status/20." read as the URL "/status/20." and was dropped, where the same text as plain text gave the post."""
    page = f"<html><body><p>The first post (https://twitter.com/jack/status/20{after}</p></body></html>"
    [embed] = html.scan(page)[0]
    assert (embed.post_id, page[embed.span[0]:embed.span[1]]) == ("20", "https://twitter.com/jack/status/20")


def test_an_instagram_caption_line_in_a_paragraph_is_instagrams():
    """What a failed Instagram embed leaves ("A post shared by Name (@handle) on date"), in a page's paragraph, was
    read as a flattened tweet and, the handle holding a dot, called a Bluesky post (bsky.app/profile/ann.example),
    where the same line as plain text is Instagram's."""
    page = ("<html><body><p>Story.</p><p>A post shared by Ann Example (@ann.example) on Dec 6, 2022 at 10:15am PST"
            "</p></body></html>")
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.url, embed.author_name, embed.date) == (
        "instagram", "https://www.instagram.com/ann.example/", "Ann Example", "2022-12-06")


def test_an_instagram_blockquote_in_german_names_its_author():
    """Instagram's embed code (version 7, captioned) in the reader's language: "Ein Beitrag geteilt von SKEP
    (@skep.association) am <time datetime=...>" gave the post but no author and no date."""
    page = ('<html><body><p>Story.</p><blockquote class="instagram-media" data-instgrm-captioned data-instgrm-version="7">'
            '<div><p><a href="https://www.instagram.com/p/BxAmPlE1234/" target="_blank">Our team at work #riverton</a>'
            '</p><p>Ein Beitrag geteilt von Riverton Crew (@riverton.crew) am <time datetime="2017-10-23T07:31:37+00:00">'
            '23. Okt 2017 um 0:31 Uhr</time></p></div></blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.post_id, embed.author_handle, embed.author_name, embed.date) == (
        "BxAmPlE1234", "riverton.crew", "Riverton Crew", "2017-10-23")


def test_an_instagram_blockquote_in_an_unknown_language_keeps_its_handle_and_date():
    """A lead-in the detector does not know leaves the name unread (it cannot tell the words apart from the name);
    the handle and the <time datetime> are read all the same."""
    page = ('<html><body><blockquote class="instagram-media" data-instgrm-version="7"><div><p><a '
            'href="https://www.instagram.com/p/BxAmPlE1234/">Work</a></p><p>Riverton Crew (@riverton.crew) tarafından '
            'paylaşılan bir gönderi <time datetime="2017-10-23T07:31:37+00:00">23 Eki 2017</time></p></div></blockquote>'
            '</body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.author_handle, embed.author_name, embed.date) == ("riverton.crew", None, "2017-10-23")


@pytest.mark.parametrize("host", ["twitter.com", "x.com", "mobile.x.com"])
def test_a_post_url_in_page_state_is_found_on_either_host(host):
    """Page state keeping an embed's URL (a framework renders it from data) was read for twitter.com only: the same
    post under x.com, the host X has written in its own links since 2023, was missed."""
    page = ('<html><head><script>window.__STATE__={"embed":"https:\\/\\/' + host + '\\/jack\\/status\\/20"}</script>'
            '</head><body><p>Story.</p><a href="https://twitter.com/share">share</a></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.detector, embed.url, embed.post_id) == ("html-source", "https://twitter.com/jack/status/20", "20")


def test_flattened_tweet_inside_a_page_paragraph():
    page = "<html><body><p>Water is back. — Town Hall (@townhall_ex) June 2, 2021</p></body></html>"
    [embed] = html.scan(page)[0]
    assert (embed.detector, embed.author_handle, embed.text) == ("html-text-signature", "townhall_ex", "Water is back.")


def test_broken_and_empty_markup_does_not_raise():
    for page in ("", "<", "<blockquote class='twitter-tweet'>", "<?xml version='1.0' encoding='utf-8'?><p>credit</p>",
                 "<iframe src='http://[::1'></iframe>", "\x00\x01twitter"):
        html.scan(page)


def test_embeds_kept_in_script_data_and_escaped_markup():
    page = ('<html><body><div data-state="{&quot;html&quot;:&quot;&lt;iframe src=\\&quot;//www.youtube.com/embed/'
            'AbCdEfGhIjK?wmode=opaque\\&quot;&gt;&quot;}"></div>'
            '<script>renderExternalContent("https://www.youtube.com/embed/ZyXwVuTsRqP?&&fs=1")</script>'
            '<script type="application/json">{"tweet":"https:\\/\\/twitter.com\\/someone\\/status\\/1600000000000000001"}</script>'
            '<iframe src="//www.youtube.com/embed/QwErTyUiOpA"></iframe>'
            '<iframe src="https://www.youtube.com/embed/videoseries?list=PLabc123"></iframe>'
            '<a href="https://twitter.com/intent/tweet?text=share">Tweet</a></body></html>')
    embeds, _ = html.scan(page)
    got = sorted((e.detector, e.kind, e.post_id) for e in embeds)
    assert got == [("html-iframe", "playlist", "PLabc123"), ("html-iframe", "video", "QwErTyUiOpA"),
                   ("html-source", "post", "1600000000000000001"), ("html-source", "video", "AbCdEfGhIjK"),
                   ("html-source", "video", "ZyXwVuTsRqP")]


def test_one_post_under_two_handles_is_one_embed():
    page = ('<html><body><a title="http://twitter.com/Real/status/551343232613773312/photo/1">pic</a>'
            '<a href="https://twitter.com/widgetname/status/551343232613773312">2 mins ago</a></body></html>')
    [embed] = html.scan(page)[0]
    assert embed.post_id == "551343232613773312" and len(embed.also_at) == 1


def test_spans_survive_entities_in_attributes():
    page = ("<html><body>\n<iframe class='youtube-player' src='http://www.youtube.com/embed/G83gI7qjWug?version=3&#038;rel=1'>"
            "</iframe>\n<a href='https://twitter.com/a/status/123456789?s=20&amp;t=1'>x</a>\n<iframe\n  width='5'\n"
            "  src='https://www.youtube.com/embed/c8aFcHFu8QM'></iframe></body></html>")
    embeds, _ = html.scan(page)
    assert [page[e.span[0]:e.span[0] + 7] for e in embeds] == ["<iframe", "<a href", "<iframe"]
    assert "c8aFcHFu8QM" in page[embeds[2].span[0]:embeds[2].span[1]]   # a start tag over several lines


def _tweet(body, handle="ann_ex", status="1600000000000000001", date="December 6, 2022"):
    return (f'<blockquote class="twitter-tweet">{body}&mdash; Ann Example (@{handle}) '
            f'<a href="https://twitter.com/{handle}/status/{status}">{date}</a></blockquote>')


def test_br_in_a_tweet_is_a_line_break():
    [embed] = html.scan(f"<html><body>{_tweet('<p lang=en>Bridge closed in neighbouring towns<br>It opens <br/>soon</p>')}"
                        "</body></html>")[0]
    assert embed.text == "Bridge closed in neighbouring towns\nIt opens\nsoon"
    assert embed.text_confidence == "high"


def test_tweet_in_several_paragraphs_with_the_signature_in_its_own():
    page = ('<html><body><blockquote class="twitter-tweet" data-lang="de"><p lang="de">Erste Zeile <a href="'
            'https://twitter.com/hashtag/Brücke">#Brücke</a></p>\n<p>„Zweite!“<br>\n„Dritte!“</p>\n'
            '<p>— Anna Beispiel (@anna_b) <a href="https://twitter.com/anna_b/status/1067000000000000001">'
            '26. November 2018</a></p></blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert embed.text == "Erste Zeile #Brücke\n„Zweite!“\n„Dritte!“"
    assert (embed.author_name, embed.author_handle, embed.date, embed.lang) == ("Anna Beispiel", "anna_b", "2018-11-26", "de")


def test_a_mention_in_the_tweet_is_not_its_signature():
    [embed] = html.scan(f"<html><body>{_tweet('<p>Thanks (@bob_ex) for the help</p>')}</body></html>")[0]
    assert (embed.author_name, embed.author_handle) == ("Ann Example", "ann_ex")


QUOTED = "https://twitter.com/CouncilEx/status/1600000000000000009"


@pytest.mark.parametrize("link,text,links,media", [
    (f'<a href="{QUOTED}">https://t.co/Qq12Ww34Ee</a>', "Not true. We never approved it. https://t.co/Qq12Ww34Ee",
     (QUOTED,), ()),
    (f'<a href="{QUOTED.replace("twitter.com", "x.com")}">x.com/CouncilEx/statu…</a>',
     "Not true. We never approved it. x.com/CouncilEx/statu…", (QUOTED.replace("twitter.com", "x.com"),), ()),
    ('<a href="https://twitter.com/ann_ex/status/1600000000000000001/photo/1">pic.twitter.com/Zz98Yy76Xx</a>',
     "Not true. We never approved it. pic.twitter.com/Zz98Yy76Xx",
     ("https://twitter.com/ann_ex/status/1600000000000000001/photo/1",), ("https://pic.twitter.com/Zz98Yy76Xx",)),
], ids=["quoted-post-t.co-words", "quoted-post-x.com-words", "own-photo-link"])
def test_a_link_to_a_post_in_a_tweets_words_is_part_of_its_text(link, text, links, media):
    """A quote-tweet's expanded link to the post it quotes (or the tweet's own /photo/1 link) is in its words: the
    text was null, so the report skipped the text check and a changed quote passed. Only the signature's own date
    link is not text; the quoted post is kept among the tweet's links."""
    [embed] = html.scan(f"<html><body>{_tweet(f'<p lang=en>Not true. We never approved it. {link}</p>')}"
                        "</body></html>")[0]
    assert (embed.text, embed.text_confidence, embed.links, embed.media_links) == (text, "high", links, media)
    assert (embed.post_id, embed.date_text, embed.author_handle) == ("1600000000000000001", "December 6, 2022", "ann_ex")


@pytest.mark.parametrize("link,post_id,url", [
    (f'<a href="{QUOTED}">https://t.co/Qq12Ww34Ee</a>', None, "https://twitter.com/ann_ex"),
    ('<a href="https://twitter.com/ann_ex/status/1600000000000000001/photo/1">pic.twitter.com/Zz98Yy76Xx</a>',
     "1600000000000000001", "https://twitter.com/ann_ex/status/1600000000000000001"),
], ids=["quoted-post", "own-photo-link"])
def test_with_no_date_link_a_link_in_the_words_is_no_date_and_another_accounts_post_is_not_this_one(link, post_id, url):
    """A signature whose date is plain text: the last link to a post was taken as the date link, so a quote-tweet
    took the quoted post's id as its own (under its own handle) and "https://t.co/…" as its date. A link in the
    words is never the date link; the tweet's own /photo/1 link still names it."""
    page = (f'<html><body><blockquote class="twitter-tweet"><p lang="en">Not true. {link}</p>&mdash; Ann Example '
            '(@ann_ex) December 6, 2022</blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.post_id, embed.url, embed.author_handle, embed.date_text) == (post_id, url, "ann_ex", None)
    assert embed.text.startswith("Not true. ") and embed.text_confidence == "high"


OTHER = "https://twitter.com/other/status/1570000000000000999"


@pytest.mark.parametrize("body,post_id,date_text,text", [
    (f'<p lang="en">No way <a href="{OTHER}">{OTHER}</a></p>Ann Example (@ann_ex) May 1, 2024', None, None,
     f"No way {OTHER}"),
    (f'<p lang="en">No way <a href="{OTHER}">https://t.co/Qq12Ww34Ee</a></p>Ann Example (@ann_ex) May 1, 2024', None,
     None, "No way https://t.co/Qq12Ww34Ee"),
    ('<div>Ann Example @ann_ex <a href="https://twitter.com/ann_ex/status/1570000000000000001">May 1, 2024</a></div>'
     f'<p>Look at this <a href="{OTHER}">twitter.com/other/status/1570000000000000999</a></p>', "1570000000000000001",
     "May 1, 2024", "Look at this twitter.com/other/status/1570000000000000999"),
], ids=["no-dash-plain-date-url-words", "no-dash-plain-date-t.co-words", "card-date-link-first"])
def test_a_quote_tweets_quoted_post_is_never_its_own_id(body, post_id, date_text, text):
    """A quote-tweet took the post it quotes as its own id (under its own handle, the quoted URL as its date) when
    the signature had no dash and the date was plain text, or when a card's date link came first (review27b §5). A
    post link in the words is a link, never the id; a link whose words are an address is no date link; with no
    date link, no id rather than the quoted one."""
    [embed] = html.scan(f'<html><body><blockquote class="twitter-tweet">{body}</blockquote></body></html>')[0]
    assert (embed.post_id, embed.author_handle, embed.date_text, embed.text) == (post_id, "ann_ex", date_text, text)
    assert embed.links == (OTHER,) and embed.url == (
        f"https://twitter.com/ann_ex/status/{post_id}" if post_id else "https://twitter.com/ann_ex")


def test_a_date_link_ending_the_words_paragraph_before_a_dashed_signature_is_the_date():
    """The date link inside the words' <p>, the dashed signature after it: the link was read as words ("Big news
    May 1, 2024" at `high`) and the date was lost (review27b §6). An own-post link ending the last words paragraph,
    its words a date, is the date link; the words before it are the text, read around it (`uncertain`)."""
    page = ('<html><body><blockquote class="twitter-tweet"><p lang="en">Big news <a href="https://twitter.com/ann_ex/'
            'status/1570000000000000001">May 1, 2024</a></p>&mdash; Ann Example (@ann_ex)</blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.date_text, embed.date, embed.post_id) == ("May 1, 2024", "2024-05-01", "1570000000000000001")
    assert (embed.text, embed.text_confidence, embed.links) == ("Big news", "uncertain", ())


def test_a_paragraph_starting_with_a_hyphen_is_words_unless_it_signs():
    """A list written with hyphens ("- rain") was left out as if each line were the signature's "- Name (@handle)":
    the text at `high` was only "Today:". A hyphen starts the signature's paragraph only with its "(@handle)"."""
    page = ('<html><body><blockquote class="twitter-tweet"><p>Today:</p><p>- rain</p><p>- wind</p><p>- Ann Example '
            '(@ann_ex) <a href="https://twitter.com/ann_ex/status/1570000000000000001">May 1, 2024</a></p></blockquote>'
            '</body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.text, embed.text_confidence, embed.date_text) == ("Today:\n- rain\n- wind", "high", "May 1, 2024")


def test_a_web_intent_link_in_the_words_keeps_its_paragraph():
    """A tweet whose words hold a Web Intent link lost its paragraph as a card's buttons; the text came back only
    from the words-outside-<p> reading, `uncertain` (review27b §7). Only a paragraph of intent links and nothing
    else is buttons; the intent's post is not the embed's."""
    intent = "https://twitter.com/intent/retweet?tweet_id=1570000000000000777"
    for date in ('<a href="https://twitter.com/ann_ex/status/1570000000000000001">May 1, 2024</a>', "May 1, 2024"):
        page = (f'<html><body><blockquote class="twitter-tweet"><p lang="en">Retweet this! <a href="{intent}">{intent}'
                f'</a></p>&mdash; Ann Example (@ann_ex) {date}</blockquote></body></html>')
        [embed] = html.scan(page)[0]
        assert (embed.text, embed.text_confidence) == (f"Retweet this! {intent}", "high")
        assert embed.post_id == ("1570000000000000001" if "<a" in date else None)


DATE_LINK = '<a href="https://twitter.com/ann_ex/status/1600000000000000001">December 6, 2022</a>'


@pytest.mark.parametrize("signature", [f"<p>Ann Example (@ann_ex) {DATE_LINK}</p>",
                                       f"<p>&mdash; Ann Example (@ann_ex)</p><p>{DATE_LINK}</p>"],
                         ids=["no-dash", "date-in-a-paragraph-after-the-signatures"])
def test_the_paragraph_holding_the_date_link_is_still_no_text(signature):
    """Some embed codes put the signature in its own <p>, with no dash first, or the date link in a <p> after it:
    those paragraphs stay out, and the date link is the date."""
    page = f'<html><body><blockquote class="twitter-tweet"><p>Road open.</p>{signature}</blockquote></body></html>'
    [embed] = html.scan(page)[0]
    assert (embed.text, embed.date_text, embed.author_handle) == ("Road open.", "December 6, 2022", "ann_ex")


OWN = "https://twitter.com/portauth/status/1712345678901234501"


@pytest.mark.parametrize("after", [
    f'<p>&mdash; Port Authority (@portauth)</p><p><a href="{OWN}">October 12, 2023</a></p>'
    f'<p><a href="{OWN}">View on Twitter</a></p>',
    f'&mdash; Port Authority (@portauth) <a href="{OWN}">October 12, 2023</a><p><a href="{OWN}">View post on X</a></p>',
    f'&mdash; Port Authority (@portauth) <a href="{OWN}">October 12, 2023</a><p><a href="{OWN}">View on Twitter</a> '
    f'&middot; <a href="{OWN.replace("twitter.com", "x.com")}">Open</a></p>',
], ids=["signature-and-date-in-paragraphs", "signature-bare", "two-links"])
def test_a_view_on_twitter_link_after_the_date_is_no_words_and_no_date(after):
    """A card's "View on Twitter" / "View post on X" link to the post itself, in a <p> after the date link, was read
    as words (at `high`, the date's paragraph with it) and, the last link winning, took the date's place (review27b
    §4). A paragraph of links to the embed's own post after its date is no words; the date link is the one with
    digits."""
    page = f'<html><body><blockquote class="twitter-tweet"><p>Harbour closed today.</p>{after}</blockquote></body></html>'
    [embed] = html.scan(page)[0]
    assert (embed.text, embed.text_confidence, embed.links) == ("Harbour closed today.", "high", ())
    assert (embed.date_text, embed.date, embed.post_id) == ("October 12, 2023", "2023-10-12", "1712345678901234501")


@pytest.mark.parametrize("inner,text", [
    ("Harbour closed today. — Port Authority (@portauth) ", "Harbour closed today."),
    ("Harbour closed today.<br>Ferries stop at noon.&mdash; Port Authority (@portauth) ",
     "Harbour closed today.\nFerries stop at noon."),
    ("<div>Harbour closed today.</div>&mdash; Port Authority (@portauth) ", "Harbour closed today."),
    ("<p>Harbour closed today. — Port Authority (@portauth) <a href=\"{url}\">October 12, 2023</a></p>",
     "Harbour closed today."),
    ("<div>Harbour closed today.</div><div>Ferries stop at noon.</div>&mdash; Port Authority (@portauth) ",
     "Harbour closed today.\nFerries stop at noon."),
    ("<ul><li>Harbour closed</li><li>Ferries stop</li></ul>&mdash; Port Authority (@portauth) ",
     "Harbour closed\nFerries stop"),
    ('<div class="hdr">Port Authority @portauth</div><div class="body">Harbour closed today.</div><p><a href="https://'
     'twitter.com/intent/tweet?in_reply_to=1712345678901234501">Reply</a> <a href="https://twitter.com/intent/retweet?'
     'tweet_id=1712345678901234501">Retweet</a></p>&mdash; Port Authority (@portauth) ', "Harbour closed today."),
    ('<div class="hdr">Port Authority @portauth · Follow</div><div>Harbour closed today.</div>&mdash; Port Authority '
     '(@portauth) ', "Harbour closed today."),
], ids=["bare", "line-break", "div", "one-paragraph-with-the-signature", "sibling-divs", "list", "card-chrome",
        "card-header-with-follow"])
def test_a_tweet_whose_words_are_not_in_a_paragraph_keeps_them_as_uncertain_text(inner, text):
    """A CMS stripped the embed code's <p>: the words before the signature's "— Name (@handle)" are the text
    (newuser27 §10); where they start is the blockquote's, so they are `uncertain`. The text was null, and the
    report skipped its text check. Sibling blocks were glued ("Harbour closed today.Ferries stop…") and a card's
    header and Reply/Retweet buttons taken as words, so the text check failed a correct quote (review27b §1)."""
    url = "https://twitter.com/portauth/status/1712345678901234501"
    date = "" if "October" in inner else f'<a href="{url}">October 12, 2023</a>'
    page = f'<html><body><blockquote class="twitter-tweet">{inner.format(url=url)}{date}</blockquote></body></html>'
    [embed] = html.scan(page)[0]
    assert (embed.text, embed.text_confidence) == (text, "uncertain")
    assert (embed.author_name, embed.author_handle, embed.date, embed.post_id) == (
        "Port Authority", "portauth", "2023-10-12", "1712345678901234501")


@pytest.mark.parametrize("inner", [
    '<a href="https://x.com/portauth/status/1712345678901234501">View post on X</a>',
    '(@portauth) <a href="https://twitter.com/portauth/status/1712345678901234501">October 12, 2023</a>',
    '<p>&mdash; Port Authority (@portauth) <a href="https://twitter.com/portauth/status/1712345678901234501">'
    'October 12, 2023</a></p>',
], ids=["minimal-embed-code", "no-dash", "signature-alone"])
def test_a_tweet_blockquote_with_no_words_before_its_signature_has_no_text(inner):
    [embed] = html.scan(f'<html><body><blockquote class="twitter-tweet">{inner}</blockquote></body></html>')[0]
    assert (embed.text, embed.text_confidence, embed.author_handle) == (None, None, "portauth")


@pytest.mark.parametrize("body,name", [
    ("<p>Closed every winter - not just in March.</p>", "Ann Example"),
    ("<p>Closed every winter -- not just in March.</p>", "Ann Example"),
    ("<p>Closed – again. <a href=\"https://t.co/Ab12Cd34Ef\">pic.twitter.com/Ab12Cd34Ef</a></p>", "Ann Example"),
], ids=["hyphen", "double-hyphen", "en-dash"])
def test_a_dash_in_the_tweet_is_not_where_the_name_starts(body, name):
    """widgets.js puts the em dash right after </p>: the name starts at the last dash, not at one in the words."""
    [embed] = html.scan(f"<html><body>{_tweet(body)}</body></html>")[0]
    assert (embed.author_name, embed.author_handle) == (name, "ann_ex")


@pytest.mark.parametrize("signature,name", [
    ("&mdash; Riverton FC - Official (@ann_ex)", "Riverton FC - Official"),
    ("&mdash; Jean-Luc Example (@ann_ex)", "Jean-Luc Example"),
    ("- Ann Example (@ann_ex)", "Ann Example"),
    # Display names with a part in brackets (a title, pronouns): the name was lost whole (a real Japanese page).
    ("&mdash; 透析テツ(脱被曝) (@ann_ex)", "透析テツ(脱被曝)"),
    ("&mdash; Ann Example (she/her) (@ann_ex)", "Ann Example (she/her)"),
    ("- Ann Example (Riverton FC) (@ann_ex)", "Ann Example (Riverton FC)"),
], ids=["spaced-hyphen-in-name", "hyphenated-name", "hyphen-signature", "bracket-glued", "pronouns", "hyphen-bracket"])
def test_names_with_hyphens_or_brackets_are_kept_whole(signature, name):
    page = (f'<html><body><blockquote class="twitter-tweet"><p>Open - at last</p>{signature} '
            '<a href="https://twitter.com/ann_ex/status/1600000000000000001">December 6, 2022</a></blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert embed.author_name == name


@pytest.mark.parametrize("inner", [
    "Bridge open. pic.twitter.com/Zz98Yy76Xx<br>Sam Doe (@samdoe_ex) September 12, 2022",
    "Bridge open. pic.twitter.com/Zz98Yy76Xx<br>- Sam Doe (@samdoe_ex) September 12, 2022",
    "Bridge open. pic.twitter.com/Zz98Yy76Xx<br/>\n— Sam Doe (@samdoe_ex) September 12, 2022",
], ids=["no-dash", "hyphen", "dash"])
def test_a_line_break_before_a_flattened_signature_is_a_line_break(inner):
    """The signature detector read the paragraph's text with its <br> dropped: "...Zz98Yy76XxSam Doe (@..." gave
    the name "Doe" and the text "... pic.twitter.com/Zz98Yy76XxSam", where the same lines as plain text gave
    "Sam Doe" and the text alone."""
    [embed] = html.scan(f"<html><body><p>{inner}</p></body></html>")[0]
    assert (embed.detector, embed.author_name, embed.text) == (
        "html-text-signature", "Sam Doe", "Bridge open. pic.twitter.com/Zz98Yy76Xx")


@pytest.mark.parametrize("element", [
    "<p>Line one<br>Line two — Ann Lee (@annlee_fict) December 6, 2022</p>",
    "<blockquote>Line one<br>\nLine two<br>\n— Ann Lee (@annlee_fict) December 6, 2022</blockquote>",
    "<blockquote><p>Line one</p><p>Line two</p>— Ann Lee (@annlee_fict) December 6, 2022</blockquote>",
], ids=["br-inline", "br-own-line", "paragraphs"])
def test_a_flattened_tweet_of_several_lines_in_an_element_keeps_them_all(element):
    """An element is one block: the tweet's text is every line above its signature, as in plain text. The lines
    were glued ("Line oneLine two") or all but the last lost ("Line two", marked uncertain)."""
    [embed] = html.scan(f"<html><body><p>Story.</p>{element}<p>More.</p></body></html>")[0]
    assert (embed.author_name, embed.text, embed.text_confidence) == ("Ann Lee", "Line one\nLine two", "high")


@pytest.mark.parametrize("body, texts", [
    ("<blockquote><p>Line one</p><p>Line two — Ann Lee (@annlee_fict) December 6, 2022</p></blockquote>",
     ["Line one\nLine two"]),
    ("<blockquote><p>Line one<br>Line two</p><p>— Ann Lee (@annlee_fict) December 6, 2022</p></blockquote>",
     ["Line one\nLine two"]),
    ("<p>First one — Ann Lee (@annlee_fict) December 6, 2022 Second one — Ann Lee (@annlee_fict) December 6, 2022</p>",
     ["First one", "Second one"]),
    ("<blockquote><p>First one — Ann Lee (@annlee_fict) December 6, 2022</p><p>Second one — Ann Lee (@annlee_fict) "
     "December 6, 2022</p></blockquote>", ["First one", "Second one"]),
], ids=["nested-once", "nested-signature-paragraph", "two-in-one-paragraph", "two-in-a-blockquote"])
def test_each_flattened_tweet_is_counted_once(body, texts):
    """A class-less blockquote and each paragraph in it read the same signature: one tweet gave two embeds. And two
    tweets by one author on one day in one element gave one: a post with no id was known by its element's span."""
    found = html.scan(f"<html><body><p>Story.</p>{body}<p>More.</p></body></html>")[0]
    assert [e.text for e in found] == texts and {e.author_name for e in found} == {"Ann Lee"}


def test_two_tweets_on_a_one_line_page_get_their_own_spans():
    page = ("<html><body>" + _tweet("<p>First post</p>") + "<p>Between.</p>"
            + _tweet("<p>Second post</p>", handle="bo_ex", status="1600000000000000002") + "</body></html>")
    first, second = html.scan(page)[0]
    assert "First post" in page[first.span[0]:first.span[1]] and "Second post" not in page[first.span[0]:first.span[1]]
    assert page[second.span[0]:second.span[1]].startswith('<blockquote class="twitter-tweet"><p>Second post')


@pytest.mark.parametrize("written", [
    'class="twitter&#45;tweet"', "class='twitter&#x2d;tweet'", 'CLASS="&#116;witter-tweet"',
    'hidden data-a=1 CLASS=twitter&#45;tweet class="other" data-a=2',
], ids=["decimal-reference", "hex-reference", "reference-first", "unquoted-after-valueless-repeated"])
def test_a_tweet_whose_class_is_written_with_a_reference_keeps_its_own_span(written):
    """The first tweet's class reads "twitter-tweet" only once decoded: its start tag was not found by searching
    for "twitter-tweet", so the first tweet was given the second's span and the second none. Every start tag of
    the name is read when the search finds fewer than the document holds."""
    first = _tweet("<p>First post</p>").replace('<blockquote class="twitter-tweet"', f"<BLOCKQUOTE {written}")
    page = ("<html><body>" + first
            + "<p>Between.</p>" + _tweet("<p>Second post</p>", handle="bo_ex", status="1600000000000000002")
            + "</body></html>")
    spans = {e.post_id: page[e.span[0]:e.span[1]] for e in html.scan(page)[0]}
    assert spans["1600000000000000001"].startswith(f"<BLOCKQUOTE {written}><p>First post")
    assert spans["1600000000000000002"].startswith('<blockquote class="twitter-tweet"><p>Second post')


def test_a_start_tag_cut_off_by_the_end_of_the_page_is_no_element_to_give_a_span():
    """A start tag the page ends inside is dropped by the parser: counted with the tags, it made up for the tag the
    search missed (its class written with a reference), and both tweets were given the wrong spans. Markup in a
    script, a comment and a CDATA section is no element either."""
    page = ("<html><head><script>var t = '<blockquote class=\"twitter-tweet\">';</script></head><body>"
            '<!-- <blockquote class="twitter-tweet"> -->'
            + _tweet("<p>First post</p>").replace('class="twitter-tweet"', 'class="twitter&#45;tweet"')
            + '<![CDATA[ <blockquote class="twitter-tweet"> ]]>'
            + _tweet("<p>Second post</p>", handle="bo_ex", status="1600000000000000002")
            + '<p>Cut <blockquote class="twitter-tweet" data-x="')
    spans = {e.post_id: page[e.span[0]:e.span[1]] for e in html.scan(page)[0]}
    assert spans["1600000000000000001"].startswith('<blockquote class="twitter&#45;tweet"><p>First post')
    assert spans["1600000000000000002"].startswith('<blockquote class="twitter-tweet"><p>Second post')


def test_links_past_the_many_kinds_line_each_get_their_own_span():
    """Past MANY_KINDS kinds of element on a page, every start tag of a name is read once into an index: each link
    still gets its own start tag, not one in a comment or one the page ends inside."""
    from resolver.extract.spans import MANY_KINDS

    links = [f'<p><a href="https://twitter.com/ann_ex/status/{1600000000000000000 + i}">post {i}</a></p>'
             for i in range(MANY_KINDS + 8)]
    page = ('<html><body><!-- <a href="https://twitter.com/ann_ex/status/1600000000000000003"> -->' + "".join(links)
            + '<p>Cut <a href="https://twitter.com/ann_ex/status/1600000000000000005" title="')
    embeds = html.scan(page)[0]
    assert len(embeds) == MANY_KINDS + 8
    for embed in embeds:
        number = int(embed.post_id) - 1600000000000000000
        assert page[embed.span[0]:embed.span[1]] == f'<a href="{embed.url}">post {number}</a>'


def test_an_element_the_parser_copied_gets_no_span_and_the_next_keeps_its_own():
    """A misnested <a> or <em> is copied by the parser into the next paragraph, with the same attributes: one more
    element of its kind than the source has start tags. Ranked blindly, the copy was given the next element's start
    tag and that one none; each is now checked against what follows the tag in the source (#14)."""
    from resolver.extract import dom
    from resolver.extract.spans import MANY_KINDS, SourceMap

    page = '<html><body><p><a class="x" href="/1">one<p>two</a><p><a class="x" href="/3">three</a></body></html>'
    tree = dom.parse(page)
    smap = SourceMap(page, tree)
    quoted = [(el.text(), page[slice(*smap.span(el))]) for el in dom.select(tree, "a")]
    assert quoted == [("one", '<a class="x" href="/1">one<p>two</a>'), ("two", ""),
                      ("three", '<a class="x" href="/3">three</a>')]
    # the same past MANY_KINDS kinds, where every start tag of a name is indexed at once
    many = "".join(f'<span class="k{number}">{number}</span>' for number in range(MANY_KINDS + 2))
    page = page.replace("<body>", "<body>" + many)
    tree = dom.parse(page)
    smap = SourceMap(page, tree)
    assert [page[slice(*smap.span(el))] for el in dom.select(tree, "span")][-1].startswith("<span class=")
    quoted = [(el.text(), page[slice(*smap.span(el))]) for el in dom.select(tree, "a")]
    assert quoted == [("one", '<a class="x" href="/1">one<p>two</a>'), ("two", ""),
                      ("three", '<a class="x" href="/3">three</a>')]
    page = ('<html><body><p><em class="photo-credit">Photo: Jane Doe/Reuters<p>More text</em>'
            '<p><em class="photo-credit">Photo: John Roe/AP</em></p></body></html>')
    credits = html.scan(page)[1]
    assert [(c.raw, page[c.span[0]:c.span[1]]) for c in credits] == [
        ("Photo: Jane Doe/Reuters", '<em class="photo-credit">Photo: Jane Doe/Reuters<p>More text</em>'),
        ("Photo: John Roe/AP", '<em class="photo-credit">Photo: John Roe/AP</em>')]


def test_telegraph_style_hosted_tweet_iframe():
    page = ('<html><body><p><iframe src="http://s.example.co.uk/graphics/html/TwitterEmbed/Version1/web101.html" '
            'width="460" id="tweetframe1600000000000000000012345"><noframe>Twitter: Ann Example - The bridge &amp; the '
            'road are open <a href="https://twitter.com/search?q=%23Riverton">#Riverton</a></noframe></iframe></p>'
            '</body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.post_id, embed.author_name, embed.detector) == ("twitter", None, "Ann Example", "html-iframe")
    assert embed.text == "The bridge & the road are open #Riverton"
    assert embed.url == "http://s.example.co.uk/graphics/html/TwitterEmbed/Version1/web101.html"
    assert page[embed.span[0]:].startswith("<iframe")


def test_a_publishers_own_tweet_frame_is_an_unidentified_tweet_not_a_post_at_the_frames_address(fixture_text):
    """A publisher's re-hosted tweet frame (the Telegraph's TwitterEmbed pages) names no tweet: its src is the
    publisher's page, its fallback gives a name and the words, its id digits run a post-id-like number into others
    with no mark where it ends. It was a `twitter post` whose canonical `url` was the frame's address (newuser29 §12):
    now a `twitter unidentified` embed, its `url` where the page shows it, no id claimed. A frame with no fallback
    words is no embed: nothing on the page says what it shows."""
    page = fixture_text("hosted_tweet_frames.html")
    embeds = html.scan(page)[0]
    frames = "http://s.gazette.example/graphics/html/TwitterEmbed/Version1/"
    assert [(e.platform, e.kind, e.post_id, e.author_handle, e.author_name, e.url) for e in embeds] == [
        ("twitter", "unidentified", None, None, "Ann Example", frames + "web4102.html"),
        ("twitter", "unidentified", None, None, "River Desk", frames + "web4101.html")]
    assert [(e.text, e.text_confidence) for e in embeds] == [
        ("The crews worked through the night. Thank you all, from the whole of #Riverton", "high"),
        ("The Old Bridge is closed until further notice & the ferry runs every hour", "high")]
    assert all(page[e.span[0]:e.span[1]].startswith('<iframe src="' + frames) for e in embeds)


def test_rendered_tweet_iframe_keeps_only_its_id():
    page = ('<html><body><iframe id="twitter-widget-0" class="twitter-tweet twitter-tweet-rendered" '
            'data-tweet-id="800000000000000001" title="Twitter Tweet"></iframe></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.post_id, embed.detector) == ("800000000000000001", "html-iframe")


# BuzzFeed's cards end with Reply, Retweet and Favorite links to intents naming the post: the date is the status
# link's text, not the last button's ("Favorite", no date, as a real page gave).
BUTTONS = ('<div><a href="https://twitter.com/intent/tweet?in_reply_to=781000000000000001">Reply</a>'
           '<a href="https://twitter.com/intent/retweet?tweet_id=781000000000000001">Retweet</a>'
           '<a href="https://twitter.com/intent/favorite?tweet_id=781000000000000001">Favorite</a></div>')


@pytest.mark.parametrize("buttons", ["", BUTTONS, BUTTONS.replace("<div>", "<p>").replace("</div>", "</p>")],
                         ids=["bare", "with-buttons", "with-buttons-in-a-paragraph"])
def test_cms_tweet_card(buttons):
    page = ('<html><body><blockquote class="subbuzz-tweet__container js-tweet__placeholder"><div>'
            '<a class="subbuzz-tweet__display-name" href="https://twitter.com/card_ex">Card Example &#x1F47C;</a>'
            '<a class="subbuzz-tweet__username" href="https://twitter.com/card_ex">@card_ex</a></div>'
            '<p class="subbuzz-tweet__text">Open at last @riverton</p><time><a class="subbuzz-tweet__created-at" '
            'href="https://twitter.com/card_ex/status/781000000000000001">Fri Sep 30\n 15:13:45 UTC+0000 2016</a></time>'
            '{buttons}</blockquote></body></html>')
    [embed] = html.scan(page.format(buttons=buttons))[0]
    assert (embed.text, embed.author_name, embed.author_handle, embed.date, embed.date_text) == (
        "Open at last @riverton", "Card Example 👼", "card_ex", "2016-09-30", "Fri Sep 30 15:13:45 UTC+0000 2016")
    assert embed.url == "https://twitter.com/card_ex/status/781000000000000001"


@pytest.mark.parametrize("box", ['<div class="c-related-list"><ul><li>Story</li></ul><div class="c-related-list__video">',
                                 '<div id="promo-7-2175804" class="promo"><div class="promo-html">'])
def test_a_playlist_in_a_box_of_other_stories_is_no_embed(box):
    """SB Nation's related-stories box and the Daily News' promo box each hold a YouTube playlist: the site's own
    promotion, not the article's embed. A single video there, and a playlist in the article, still are embeds."""
    playlist = '<iframe src="https://www.youtube.com/embed/videoseries?list=PLexampleRivertonPromo00000000001"></iframe>'
    video = '<iframe src="https://www.youtube.com/embed/AbCdEfGhIjK"></iframe>'
    page = (f'<html><body><article><p>Story.</p>{playlist.replace("001", "002")}</article>'
            f'{box}{playlist}{video}</div></div></body></html>')
    found = [(e.kind, e.post_id) for e in html.scan(page)[0]]
    assert found == [("playlist", "PLexampleRivertonPromo00000000002"), ("video", "AbCdEfGhIjK")]


def test_feed_widgets_and_follow_us_blocks_are_not_embeds(fixture_text):
    embeds, _ = html.scan(fixture_text("feed_widgets_and_follow_us.html"))
    assert [(e.detector, e.post_id) for e in embeds] == [("html-link", "1600000000000000011")]


def test_post_urls_in_json_page_state_with_escaped_slashes():
    page = ('<html><body><script>window.state={"is":"instagram","props":{"instagramUrl":'
            '"https:\\u002F\\u002Fwww.instagram.com\\u002Fp\\u002FFicTion02-\\u002F"}}</script></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.post_id, embed.detector) == ("instagram", "FicTion02-", "html-source")


def test_credits_as_real_pages_carry_them(fixture_text):
    page = fixture_text("credits_real_page_forms.html")
    _, credits = html.scan(page)
    got = [(c.creator, c.organization, c.image) for c in credits]
    assert got == [
        ("Kim Example", "Riverton Post", "https://img.example.org/cdata.jpg"),   # JSON-LD inside CDATA
        ("Lee Example", "AFP/Getty Images", "https://img.example.org/boats.jpg"),   # data-credit on a slide
        (None, "Getty Images", "http://img.example.org/search.jpg"),   # a caption attribute's ending
        ("MAX EXAMPLE", "EPA", "http://img.example.org/search.jpg"),   # copyright= on <image>
        (None, "AP", None),
        (None, "ITV via AP", "https://img.example.org/ministers.jpg"),
        ("Ned Example", "AP", "https://img.example.org/lazy.jpg"),
        ("Oli Example", "Riverton News", "https://img.example.org/set-1x.jpg"),
        ("PatSample", None, "https://img.example.org/shot.jpg"),
        ("quinn_example", "Instagram", "https://img.example.org/post.jpg"),
        (None, "Getty Images", "https://img.example.org/lead.jpg"),
        (None, "Getty", None),
    ]
    for credit in credits:   # every span points into the page at the credit's own markup or words
        assert 0 <= credit.span[0] < credit.span[1] <= len(page)
        assert page[credit.span[0]] in "<(" or page[credit.span[0]:credit.span[1]].startswith(credit.raw[:5])


@pytest.mark.parametrize("css", ["credit", "caption-credit", "photo-credit", "image-source", "subbuzz__attribution",
                                 "wp-media-credit", "story-image-copyright"])
def test_cms_credit_classes(css):
    page = (f'<html><body><figure><img src="https://img.example.org/a.jpg"><div><span class="{css}">'
            'Ann Example/Riverton Post</span></div></figure><p>Follow us on Twitter</p></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.image) == ("Ann Example", "Riverton Post", "https://img.example.org/a.jpg")


def test_a_captions_source_slot_is_its_credit():
    """NBC News' figcaption: the caption's words end with the wire's credit glued twice, then a source slot holds
    the credit as the page shows it. The whole caption was read as one "AP Photo/" credit whose creator ran on
    into the slot's words ("ANN EXAMPLEANN EXAMPLE/AFP/Getty Images ANN EXAMPLE / AFP - Getty Images")."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><figcaption class="caption article__caption">'
            '<span class="caption__container">The rocket on its pad before the launch.     AFP PHOTO/ ANN EXAMPLE'
            'ANN EXAMPLE/AFP/Getty Images</span><span class="caption__source">ANN EXAMPLE / AFP - Getty Images</span>'
            '</figcaption></figure></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.image) == ("ANN EXAMPLE", "AFP - Getty Images",
                                                                   "https://img.example.org/a.jpg")
    assert page[credit.span[0]:credit.span[1]].startswith('<span class="caption__source">')


def test_caption_parts_beside_a_credit_element_keep_their_own_credits():
    """A gallery caption (the Houston Chronicle's) with its words in caption-full and a span.credit beside them:
    only a source slot speaks for the caption's words; a credit element does not silence them. Both name one agency
    (AP, Associated Press) for one photo: one credit, the credit element's place in `also_at` (#11)."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><div class="caption"><div class="caption-full">'
            '<p>Trucks at a dealership in Riverton. (AP Photo/Ann Example)</p></div><span class="credit">Photo: Ann '
            'Example, STF / Associated Press</span></div></figure></body></html>')
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization, c.form) for c in credits] == [("Ann Example", "AP", "agency-photo")]
    assert [page[start:end][:21] for start, end in credits[0].also_at] == ['<span class="credit">']


def test_a_credit_line_opening_with_images_in_the_plural_is_read():
    """Bustle ends its story with "<i>Images: </i><a><i>Pexels</i></a><i>; ...</i>": "Image:" was a hint of a
    credit line in the prose, "Images:" was not, and the line was never read."""
    page = ('<html><body><p>Story about twitter.</p><p><i>Images: </i><a href="https://stock.example.org"><i>Rivershots'
            '</i> </a><i>; Ann Example</i></p></body></html>')
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization) for c in credits][:1] == [(None, "Rivershots")]


def test_a_caption_class_written_in_capitals_is_a_caption():
    """The Oregonian's <div class="Caption"> under its lead image ends in "(The Associated Press)": the candidate was
    selected case-blind, then read as a caption only when its class said "caption" in small letters."""
    page = ('<html><body><div id="top_images"><div><img src="https://img.example.org/a.jpg"></div><div class="Caption">'
            '\n   The river at dawn.\n   <em>(The Associated Press)</em></div></div><p>Follow us on Twitter</p></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.image) == (None, "The Associated Press",
                                                                   "https://img.example.org/a.jpg")


def test_a_caption_with_a_hidden_credit_label_before_its_credit_is_read():
    """The New York Times' video figcaption: the caption's words, a visually hidden "Credit", then "Credit..." and
    the credit, in spans whose classes say nothing. "Credit Credit... Name for Outlet" was no credit line."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><figcaption class="css-y5g5d7"><span '
            'class="css-jevhma">The envoy will leave her post by the end of the year.</span><span class="css-cch8ym">'
            '<span class="css-1dv1kvn">Credit</span><span class="css-1u46b97"><span class="css-1ly73wi">Credit...</span>'
            '<span>Ann Example for The Riverton Times</span></span></span></figcaption></figure>'
            '<p>Follow us on Twitter</p></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.image) == ("Ann Example", "The Riverton Times",
                                                                   "https://img.example.org/a.jpg")


def test_a_credit_box_holding_the_caption_credits_with_its_other_part():
    """Gothamist's figcaption: <div class="image-with-caption-credit"> holds the caption's words in a caption div and
    the credit in a plain span. The whole box was read as the credit: a short caption became the organisation
    ("The basement. Scott Heins") and the real one the creator; a long caption lost the credit altogether."""
    for words in ("The basement.", "The basement at 80 Example Avenue is one of many once-certified fallout shelters "
                  "that you probably would not want to spend much time in, say the people of Riverton."):
        page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><figcaption><div '
                f'class="image-with-caption-credit"><div class="riverton-caption">{words}</div> <span>\n  Ann Example/'
                'Riverton Post\n </span></div></figcaption></figure></body></html>')
        [credit] = html.scan(page)[1]
        assert (credit.creator, credit.organization, credit.image) == ("Ann Example", "Riverton Post",
                                                                       "https://img.example.org/a.jpg")
        assert page[credit.span[0]:credit.span[1]].startswith("<span>")


def test_an_italic_caption_under_a_bare_image_is_its_caption():
    """Gothamist puts a caption in an <i> under a bare <img> (a <br> between, no figure or figcaption); its credit,
    the photographer's name a link, was missed: in prose a caption's "(Name/Flickr)" is three text nodes. An <i>
    after a line break in a paragraph is no caption: "(Name/Riverton Post)" there names no agency."""
    page = ('<html><body><p>Story.</p><div class="image-none"><img alt="hall.jpg" src="https://img.example.org/a.jpg" '
            'width="640"><br><i> The hall is now a mail room. (<a href="https://www.flickr.com/photos/ann_ex/" '
            'target="_blank">Ann Example</a>/Flickr)</i></div><p>More story.</p><div><img src="https://img.example.org/b.jpg">'
            '\n <br/>\n<i>The square at dawn. (Ben Sample/Riverton Post)</i></div><p>A party.<br><i>(Cal Example/'
            'Riverton Post)</i></p><footer>© 2017 Riverton Media</footer></body></html>')
    got = [(c.creator, c.organization, c.image, c.source) for c in html.scan(page)[1]]
    assert got == [("Ann Example", "Flickr", "https://img.example.org/a.jpg", "caption"),
                   ("Ben Sample", "Riverton Post", "https://img.example.org/b.jpg", "caption")]
    [first, _] = html.scan(page)[1]
    assert page[first.span[0]:first.span[1]].startswith("<i> The hall")
    assert first.raw == "Ann Example/Flickr"


# A caption ending in a link, in brackets, whose words name the site it points to (Gothamist's "... (<a href=
# "http://boingboing.net/…">Boing Boing</a>)"): the site supplied the picture (#11). A name alone in brackets, or a
# link to another site, says nothing of who made it.
FIG = '<figure><img src="https://img.example.org/a.jpg"><figcaption>'
LINKED_SITE_CAPTIONS = [
    ("italic-caption", '<div><img src="https://img.example.org/a.jpg"><br><i> A still from a 1957 film. (<a href="http'
     '://rivertonblog.example/2015/02/a-still.html" target="_blank">Riverton Blog</a>)</i></div>',
     [(None, "Riverton Blog", "uncertain", "(Riverton Blog)")]),
    ("figcaption", f'{FIG}The dam in 1950. (<a href="https://www.quux-quux.example/dams">Quux Quux</a>)</figcaption>'
     '</figure>', [(None, "Quux Quux", "uncertain", "(Quux Quux)")]),
    # a person's own site, named after them: a common first name says it is a person's
    ("persons-site", f'{FIG}The dam. (<a href="https://janequux.example/">Jane Quux</a>)</figcaption></figure>',
     [("Jane Quux", None, "high", "(Jane Quux)")]),
    # not the site the words name: a place linked to an encyclopedia, a year, a note, a person linked to a profile
    ("place-linked-elsewhere", f'{FIG}The dam. (<a href="https://en.wikipedia.example/wiki/Riverton">Riverton</a>)'
     '</figcaption></figure>', []),
    ("year", f'{FIG}The dam. (<a href="https://riverton.example/2019">2019</a>)</figcaption></figure>', []),
    ("note", f'{FIG}The dam. (<a href="https://riverton.example/file">file</a>)</figcaption></figure>', []),
    ("person-linked-elsewhere", f'{FIG}The dam. (<a href="https://social.example/@zedquux">Zed Quux</a>)'
     '</figcaption></figure>', []),
    # no link: a name, a place or a note in brackets is no credit, an agency is one
    ("unlinked-name", f'{FIG}A still. (Riverton Blog)</figcaption></figure>', []),
    ("unlinked-notes", f'{FIG}The dam (left) in 2019. (file)</figcaption></figure>{FIG}The dam. (2019)</figcaption>'
     '</figure>', []),
    ("agency", f'{FIG}The dam. (Reuters)</figcaption></figure>', [(None, "Reuters", "high", "(Reuters)")]),
    # more words in the brackets than the link's: not the site alone
    ("more-words", f'{FIG}The dam. (as seen on <a href="http://rivertonblog.example/">Riverton Blog</a>)</figcaption>'
     '</figure>', []),
    # in running text a site in brackets cites where a fact came from
    ("prose", '<p>The dam was finished in 1950 (<a href="http://rivertonblog.example/dam">Riverton Blog</a>)</p>', []),
]


@pytest.mark.parametrize("body,expected", [c[1:] for c in LINKED_SITE_CAPTIONS],
                         ids=[c[0] for c in LINKED_SITE_CAPTIONS])
def test_a_caption_ending_in_a_link_to_the_site_it_names_credits_that_site(body, expected):
    """Gothamist's "(<a href="http://boingboing.net/…">Boing Boing</a>)" ending a caption was missed: two capitalised
    words in brackets read as a person's name, and a person's name alone there is no credit (#11)."""
    from resolver.extract import find_all

    page = f'<html><body><p>Story.</p>{body}<p>More.</p><footer>© 2017 Riverton Media</footer></body></html>'
    found = [(c.creator, c.organization, c.split_confidence, c.raw) for c in find_all(page, "html")[1]]
    assert found == expected


def test_a_credit_naming_its_photographer_in_a_link_keeps_the_words_as_printed():
    """A name that is a link beside its outlet ("<a>Ann Example</a>/Riverton Post") was read "Ann Example
    /Riverton Post": a space was put between every child's text, as a caption's glued credit span needs."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><span class="credit"><a href="https://'
            'example.org/ann">Ann Example</a>/Riverton Post</span></figure><figure><img src="https://img.example.org/'
            'b.jpg"><figcaption>The hall at dusk. (<a href="https://example.org/ben">Ben Sample</a>/Reuters)'
            '</figcaption></figure><figure><img src="https://img.example.org/c.jpg"><figcaption><span>The square, May '
            '2, 2019.</span><span>Cal Example / AP</span></figcaption></figure></body></html>')
    got = [(c.raw, c.creator, c.organization) for c in html.scan(page)[1]]
    assert got == [("Ann Example/Riverton Post", "Ann Example", "Riverton Post"),
                   ("Ben Sample/Reuters", "Ben Sample", "Reuters"), ("Cal Example / AP", "Cal Example", "AP")]


def test_a_credit_in_prose_naming_its_photographer_in_a_link_is_read():
    """In running text "(<a>Ann Example</a>/Getty Images)" is three text nodes: the one naming the agency, "/Getty
    Images)", was read alone and gave nothing. It is read back to where its block starts. "The <a>Riverton</a>/AFP
    deal" stays no credit, as it is with no link."""
    page = ('<html><body><p>Intro.</p><p>Crowds gathered on the square. (<a href="https://example.org/ann">Ann '
            'Example</a>/Getty Images)</p><div>He left.<br><a href="https://example.org/ben">Ben Sample</a>/AFP'
            '</div><p>The <a href="https://example.org/r">Riverton</a>/AFP deal closed.</p></body></html>')
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization, c.source) for c in credits] == [("Ann Example", "Getty Images", "text"),
                                                                         ("Ben Sample", "AFP", "text")]
    # each span quotes the credit itself, from its first character to its last, its link's tags and all (it was the
    # whole block from its start, "Crowds gathered on the square. (<a ...", newuser37b #2)
    assert [page[c.span[0]:c.span[1]] for c in credits] == [
        'Ann Example</a>/Getty Images', 'Ben Sample</a>/AFP']
    # a credit read before in the same block is not read again
    page = ('<html><body><p>Story.</p><p>Crowds at the gate. Photo: EPA. The hall (<a href="https://example.org/ann">'
            'Ann Example</a>/Getty Images)</p></body></html>')
    assert [(c.creator, c.organization) for c in html.scan(page)[1]] == [(None, "EPA"), ("Ann Example", "Getty Images")]


def test_a_flickr_users_credit_in_running_text_is_read():
    """Upworthy's "About" note: "Thumbnail <a>image</a> by Flickr user <a>ann.ex</a> used under a Creative Commons
    license." The user is the creator, Flickr the platform; the licence names no one."""
    page = ('<html><body><dl><dt>About:</dt><dd><p><a href="https://www.youtube.com/watch?v=x">Video</a> from the '
            'Riverton Center. Thumbnail <a href="https://www.flickr.com/photos/annex/1/">image</a> by Flickr user '
            '<a href="https://www.flickr.com/photos/annex/">ann.ex</a> used under a Creative Commons license.</p></dd>'
            '</dl></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.source, credit.form) == ("ann.ex", "Flickr", "text", "flickr-user")
    assert page[credit.span[0]:credit.span[1]] == 'image</a> by Flickr user <a href="https://www.flickr.com/photos/annex/">ann.ex'
    assert credit.raw == "image by Flickr user ann.ex"   # the span quotes the credit exactly (newuser37b #2)


ABOUT_NOTE = ('<dl><dt>About:</dt><dd><p>Thumbnail <a href="https://www.flickr.com/photos/annex/1/">image</a> by '
              'Flickr user <a href="https://www.flickr.com/photos/annex/">ann.ex</a> used under a Creative Commons '
              'license.</p></dd></dl>')
# An article's own <footer> (HTML's footer of its nearest article) is the story's: its credits are read as its prose
# is. The site's footer, outside the article, is not read (#11).
ARTICLE_FOOTERS = [
    ("about-note", f'<article><p>Story.</p><footer>{ABOUT_NOTE}</footer></article>', [("ann.ex", "Flickr")]),
    ("photo-line", '<article><p>Story.</p><footer><p>Photo: Ann Example/Riverton Post</p></footer></article>',
     [("Ann Example", "Riverton Post")]),
    # a video's end credits in a transcript there: music "courtesy of", a magazine's © with a year, a thank-you
    ("end-credits", '<article><p>Story.</p><footer><div id="transcript"><p>ARCHIVE FOOTAGE<br>© Riverton Weekly '
     'magazine 1975</p><p>"Riverside," written by Cal Example Courtesy of Riverton Music</p><p>SPECIAL THANKS TO Dee '
     'Example</p></div></footer></article>', []),
    # the site's footer, and one inside it (nested footers are removed outermost first: nothing is freed twice)
    ("site-footer", f'<article><p>Story.</p></article><footer><p>Photo: Ann Example/Riverton Post</p><footer>'
     f'{ABOUT_NOTE}</footer></footer>', []),
    # a site's footer inside a page-wide <article>, and a comment's footer, are not the story's (review26)
    ("site-footer-in-article", '<article class="page"><p>Story.</p><footer class="site-footer"><p>Photo: Zed Quux/AP'
     '</p></footer></article>', []),
    ("colophon", '<article><p>Story.</p><footer id="colophon"><p>Photo: Zed Quux/AP</p></footer></article>', []),
    ("comment", '<article><p>Story.</p></article><section id="comments"><article class="comment"><p>nice</p><footer>'
     'Photo: Bob Roe/AP</footer></article></section>', []),
    ("comment-section", '<article><p>Story.</p><section class="comments"><article><p>nice</p><footer>Photo: Bob Roe/AP'
     '</footer></article></section></article>', []),
    # a footer in the article's footer is the article's too
    ("nested-in-article", f'<article><p>Story.</p><footer><div><footer>{ABOUT_NOTE}</footer></div></footer></article>'
     '<footer><p>Photo: Ben Sample/Riverton Post</p></footer>', [("ann.ex", "Flickr")]),
]


@pytest.mark.parametrize("body,expected", [c[1:] for c in ARTICLE_FOOTERS], ids=[c[0] for c in ARTICLE_FOOTERS])
def test_an_articles_own_footer_is_read_for_credits(body, expected):
    """Upworthy's "About" note credits the story's thumbnail ("by Flickr user fo.ol") in a <footer> inside the
    <article>; every <footer> was set aside as the site's, so it was missed (#11)."""
    page = f'<html><body>{body}<footer>© 2017 Riverton Media</footer></body></html>'
    assert [(c.creator, c.organization) for c in html.scan(page)[1]] == expected


@pytest.mark.parametrize("opening,closing", [
    ('<body class="avada-footer-fx-none">', "</body>"),
    ('<body><main class="has-footer-bar">', "</main></body>"),
    ('<body><article class="with-footer-bar">', "</article></body>"),
], ids=["body", "main", "article"])
def test_a_page_wide_element_whose_class_names_a_footer_is_no_footer(opening, closing):
    """chunks27: the Avada theme writes `avada-footer-fx-none` on every page's <body>: the whole page was the site's
    footer, and a figure's caption credit came back from the text, tied to no image."""
    page = (f'<html>{opening}<figure><img src="https://img.example.org/a.jpg"><figcaption>The pier. Photo: Ann '
            f'Example/Riverton Post</figcaption></figure>{closing}</html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.image, credit.source) == ("Ann Example", "https://img.example.org/a.jpg", "caption")


def test_a_post_named_in_an_articles_own_footer_is_read_as_its_text_is():
    """The article's footer is read as its prose (#11), for bare post URLs too: the site's footer still is not."""
    page = ('<html><body><article><p>Story.</p><footer><p>First posted at https://bsky.app/profile/riverton.example/'
            'post/3karticle001</p></footer></article><footer><p>Our pick: https://bsky.app/profile/riverton.example/'
            'post/3kfooter0001</p></footer></body></html>')
    assert [e.post_id for e in html.scan(page)[0]] == ["riverton.example/3karticle001"]


def test_a_picture_source_slot_holding_a_bare_name_is_its_credit():
    """Rolling Stone: <p class="c-picture__source">Dale Example</p> under the caption's title, a name alone."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><div class="c-picture__caption">'
            '<p class="c-picture__title">Inside: how a film got made.</p><p class="c-picture__source t-semibold">'
            'Dale Example </p></div></figure></body></html>')
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.organization, credit.image) == ("Dale Example", None, "https://img.example.org/a.jpg")


@pytest.mark.parametrize("alt", ["Image: US-SPACE-AEROSPACE-NASA", "Photo: FBL-EUR-C1-RIVERTON"])
def test_a_wire_slug_after_image_in_an_alt_text_is_no_credit(alt):
    """NBC News writes alt="Image: <the wire's slug>": the slug names the story's topics, no one who made it."""
    page = f'<html><body><figure><img src="https://img.example.org/a.jpg" alt="{alt}"></figure></body></html>'
    assert html.scan(page)[1] == []


def test_an_image_title_holding_a_credit_is_read():
    """U.S. News keeps a photo's credit in its <img title>, the caption in its alt: the credit was missed. A link's
    or a figure's title is not read (it names a page or a gallery)."""
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg" alt="The senator speaks in Riverton." '
            'title="Ann B. Example/AP"></figure><p>Story. <a href="https://example.org/gallery" title="Photos: Ben '
            'Sample/AP">More</a></p><figure title="Cal Example/Reuters"><img src="https://img.example.org/b.jpg">'
            '</figure></body></html>')
    got = [(c.creator, c.organization, c.image, c.form) for c in html.scan(page)[1]]
    assert got == [("Ann B. Example", "AP", "https://img.example.org/a.jpg", "title")]


@pytest.mark.parametrize("title, expected", [
    ("Anna Example for RDN", [("Anna Example", "RDN", "title")]),   # U.S. News: "Diana ... for USNWR"
    ("Jane Example for Riverton Daily", [("Jane Example", "Riverton Daily", "title")]),
    ("Jane Example for The New York Times", [("Jane Example", "The New York Times", "title")]),   # wire28b
    ("Latino fans dress up for Halloween", []),                    # a title that only says what the image shows
    ("Justice League Vigil for Slain Officers Asks Whose Life Matters", []),
    ("Zed Quux for Riverton", []),                                  # no first name known: a name or a headline?
    ("Jane Example for Congress", []),                              # a campaign's picture: no outlet
    ("Mary Example for Mayor", []),
], ids=["initials", "outlet", "outlet-of-four-words", "description", "headline", "unknown-first-name", "campaign",
        "office"])
def test_an_image_title_naming_a_person_for_an_outlet_is_its_credit(title, expected):
    """An <img title> holding only "Name for Outlet" (U.S. News' headshots) credits the image; a title that reads
    as a description or a headline does not. Strict: a name of two or three words starting with a common first
    name, an outlet of one to four capitalised words ("The New York Times" was too long, wire28b), nothing else
    (#11)."""
    page = (f'<html><body><figure><img src="https://img.example.org/a.jpg" alt="The senator speaks." '
            f'title="{title}"><figcaption>The senator in Riverton.</figcaption></figure><p>Story.</p></body></html>')
    assert [(c.creator, c.organization, c.form) for c in html.scan(page)[1]] == expected


def test_a_copyright_holder_naming_a_person_and_an_outlet_is_split():
    page = ('<html><body><figure><img src="https://img.example.org/a.jpg"><span class="a-credit" itemprop="copyrightHolder">'
            'Kay Example/for Riverton Daily News</span></figure><figure><img src="https://img.example.org/b.jpg">'
            '<span itemprop="copyrightHolder">Riverton Daily News</span></figure></body></html>')
    got = [(c.creator, c.organization) for c in html.scan(page)[1]]
    assert got == [("Kay Example", "Riverton Daily News"), (None, "Riverton Daily News")]


def test_a_credit_class_with_no_image_near_must_read_as_names():
    """An ad player's 'credits' corner ("inRead invented by Teads") and a truncated licence line are no photo's."""
    page = ('<html><body><article><p>Story.</p><div class="ad-player-credits"><a href="https://ads.example.org">'
            '<span class="ad-player-credits-colored">inRead</span> invented by Adco</a></div>'
            '<p class="image-credit">1996-98 Acme Inc., All right</p>'
            '<p class="photo-credit">Ann Example/Riverton Post</p></article></body></html>')
    assert [(c.creator, c.organization) for c in html.scan(page)[1]] == [("Ann Example", "Riverton Post")]


@pytest.mark.parametrize("tag, expected", [
    ('<div id="a&amp;b" class="c">', ("div", "id", "a&b")),
    ('<div class="x&region=2" data-a=1>', ("div", "class", "x&region=2")),
    ("<img data-src='p.jpg' alt=\"&copy; Jo\">", ("img", "data-src", "p.jpg")),
    ('<p data-a=1 data-a=2 class=>', ("p", "class", "")),
    ('<a HREF=https://x.example/?a=1&amp;b=2>', ("a", "href", "https://x.example/?a=1&b=2")),
    ('<br>', ("br", None, "")),
    ('<span title="a > b" id=k>', ("span", "id", "k")),
], ids=["id-first-decoded", "ampersand-kept", "first-attribute", "class-empty", "unquoted", "none", "gt-in-quotes"])
def test_a_start_tag_is_known_by_its_key_as_the_parser_decodes_it(tag, expected):
    from resolver.extract.spans import read_start_tag_key

    name_end = 1 + len(expected[0])
    assert read_start_tag_key(tag, name_end, len(tag), expected[0]) == (len(tag), expected)


CREDIT_ATTR_PAGES = [
    # "credit=" only in a script and in a URL: no credit, and the page's layout is never worked out (#14)
    ('<html><body><script>var q = "?credit=1";</script><p>Boats</p>'
     '<img src="/img/boats.jpg?credit=riverton" alt="Boats at dawn"></body></html>', [], False),
    # a data-credit in the article is read; one in the site's footer is not
    ('<html><body><img src="/img/boats.jpg" data-credit="Jane Example/Riverton Daily">'
     '<footer><img src="/img/logo.png" data-credit="Site Team/Riverton Daily"></footer></body></html>',
     [("Jane Example", "Riverton Daily")], True),
    # the footer's first, a script's credit= before it: the article's is read all the same
    ('<html><body><script>var q = "?credit=1";</script><nav><img src="/a.png" data-credit="Site Team/Riverton Daily">'
     '</nav><p>Boats</p><img src="/img/boats.jpg" data-credit="Jane Example/Riverton Daily"></body></html>',
     [("Jane Example", "Riverton Daily")], True),
    # only the footer's: nothing, after looking at the layout
    ('<html><body><p>Boats</p><footer><img src="/img/logo.png" data-credit="Site Team/Riverton Daily"></footer>'
     '</body></html>', [], True),
]


@pytest.mark.parametrize("page, expected, laid_out", CREDIT_ATTR_PAGES, ids=["script-and-url", "article-and-footer",
                                                                            "nav-then-article", "footer-only"])
def test_credit_attributes_are_read_outside_blocks_and_the_layout_only_when_a_tag_could_credit(page, expected,
                                                                                              laid_out, monkeypatch):
    from resolver.extract import spans

    built = []
    real = spans.Layout.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(spans.Layout, "__init__", counting)
    _, credits = html.scan(page)
    assert [(c.creator, c.organization) for c in credits] == expected
    assert bool(built) == laid_out


# HTML names are case-insensitive: a credit attribute or a tag written in capitals gives what the lower-case page
# gives, its span on the tag as written (#11: `<div DATA-CREDIT=...>` gave no credit).
CASED_CREDIT_TAGS = [
    ('<div data-credit="Jane Doe/Getty Images"></div>', '<div DATA-CREDIT="Jane Doe/Getty Images"></div>'),
    ('<div data-photo-credit="Jane Doe/Getty Images"></div>', '<div Data-Photo-Credit="Jane Doe/Getty Images"></div>'),
    ('<div credit="Jane Doe/Getty Images"></div>', '<div CREDIT="Jane Doe/Getty Images"></div>'),
    ('<div data-credit="Jane Doe/Getty Images"></div>', '<DIV DATA-CREDIT="Jane Doe/Getty Images"></DIV>'),
    ('<img src="/img/boats.jpg" credit="Jane Doe/Getty Images">', '<IMG SRC="/img/boats.jpg" CREDIT="Jane Doe/Getty Images">'),
    ('<img src="/img/boats.jpg" data-image-credit="Jane Doe/Getty Images">',
     '<Img Src="/img/boats.jpg" Data-Image-Credit="Jane Doe/Getty Images">'),
    ('<div data-credit="Jane Doe/Getty Images"></div>', '<div data-crEDit="Jane Doe/Getty Images"></div>'),
]


@pytest.mark.parametrize("lower, cased", CASED_CREDIT_TAGS, ids=["DATA-CREDIT", "Data-Photo-Credit", "CREDIT", "DIV",
                                                                "IMG-SRC", "Img-Data-Image-Credit", "crEDit"])
@pytest.mark.usefixtures("both_searches")
def test_a_credit_attribute_in_capitals_gives_the_credit_of_the_lower_case_page(lower, cased):
    def page(tag: str) -> str:
        return f'<html><body><p>Boats</p><figure><img src="/img/a.jpg">{tag}</figure><p>Hi</p></body></html>'

    [expected] = html.scan(page(lower))[1]
    assert (expected.creator, expected.organization, expected.source) == ("Jane Doe", "Getty Images", "attribute")
    credits = html.scan(page(cased))[1]
    assert credits == [expected]   # the same form, image and span: a case changes no length
    start, end = credits[0].span
    assert page(cased)[start:end].startswith(cased[:cased.index(" ")])   # the tag as the page writes it


@pytest.mark.parametrize("source, expected", [
    ('<DIV DATA-CREDIT="X">', '<div data-credit="x">'), ("İstanbul <IMG>", "İstanbul <img>"),
    ("\u212a <B>", "\u212a <b>"), ("Ä <P>", "ä <p>"), ("", ""),
], ids=["ascii", "dotted-capital-i", "kelvin-sign", "other-capital", "empty"])
def test_source_lower_cased_keeps_each_character_in_its_place_and_makes_no_ascii_letter(source, expected):
    """The source's names are looked for in a lower-cased copy read at the source's offsets (#11)."""
    from resolver.extract.dom import ascii_lower

    assert ascii_lower(source) == expected and len(ascii_lower(source)) == len(source)


# Every raw source pass reads tag and attribute names as the parser does, in any case (#11): a page written in
# capitals gives what the lower-case page gives, spans included (a case changes no length).
CAPITALS_PAGES = [
    '<html><head><link rel="canonical" href="https://news.example.org/a"></head><body><article><p>Words here.</p>'
    '<figure class="photo"><img src="https://img.example.org/a/boats-0001.jpg" alt="Boats (Photo: Ann Example/Getty '
    'Images)"><figcaption>Boats. <span class="credit">Jane Doe/Getty Images</span></figcaption></figure>'
    '<blockquote class="twitter-tweet"><p lang="en">Bridge open</p>&mdash; Riverton Roads (@RivertonRoads) '
    '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
    '<iframe src="https://www.youtube.com/embed/AbCdEfGhIjK" width="560"></iframe>'
    '<p>Read <a href="https://www.instagram.com/p/CaBcDeFgHiJ/">this</a>. (AP Photo/Lee Example)</p>'
    '<div class="fb-post" data-href="https://www.facebook.com/riverton/posts/1234567890"></div>'
    '<span itemprop="creditText">Ken Example/Reuters</span><img src="https://img.example.org/b.jpg" '
    'data-credit="Max Example/AFP"><script type="application/ld+json">{"@type":"ImageObject","contentUrl":'
    '"https://img.example.org/c.jpg","creditText":"Sam Example/EPA"}</script></article>'
    '<footer><p class="copyright">© Riverton</p></footer></body></html>',
    '<html><body><script>var q = "?credit=1";</script><nav><img src="/a.png" data-credit="Site Team/Riverton Daily">'
    '</nav><p>Boats</p><div class="related-stories"><img src="/r.png" data-credit="Other Team/Riverton Daily"></div>'
    '<script>var s = \'<img data-credit="Script Team/Riverton Daily">\';</script><img src="/img/boats.jpg" '
    'data-credit="Jane Example/Riverton Daily"><footer><img src="/img/logo.png" data-credit="Site Team/Riverton Daily">'
    '</footer></body></html>',
]


@pytest.mark.parametrize("page", CAPITALS_PAGES, ids=["embeds-and-credits", "blocks-ruled-out"])
@pytest.mark.parametrize("names", ["tags", "tags-and-attributes"])
@pytest.mark.usefixtures("both_searches")
def test_a_page_written_in_capitals_gives_what_the_lower_case_page_gives(page, names):
    import re

    cased = re.sub(r"</?[a-z][a-z0-9-]*", lambda m: m.group().upper(), page)
    if names == "tags-and-attributes":
        cased = re.sub(r"(?<=\s)[a-z][a-z-]*(?==)", lambda m: m.group().upper(), cased)
    assert cased != page and len(cased) == len(page)
    expected = html.scan(page)
    assert expected[1]
    assert html.scan(cased) == expected


# str.lower() turns "İ" into two characters: every offset in a lower-cased copy after one was off by one, and the
# value read from the source was shifted ("ne Doe/Getty Images\">", Doe of Getty), as was a block's end.
@pytest.mark.parametrize("markup", [
    '<figure><img src="/img/a.jpg" alt="{I}stanbul, {I}zmir" data-credit="Jane Doe/Getty Images"></figure>',
    '<figure><img src="/img/a.jpg" title="{I}{I}{I}{I}" alt="Boats at dawn (Photo: Jane Doe/Getty Images)"></figure>',
    '<p>Image Credit: <em>Jane Doe/Getty Images</em> at {I}zmir</p>',
    '<p>At {I}zmir.</p><p>Ann said (<a href="/x">Ann Example</a>/Getty Images)</p>',
], ids=["attribute-after", "caption-after", "block-end", "block-start"])
@pytest.mark.usefixtures("both_searches")
def test_a_capital_that_lower_cases_to_two_characters_moves_no_credit(markup):
    def page(capital: str) -> str:
        return f"<html><body><p>Boats</p>{markup.replace('{I}', capital)}<p>Next</p></body></html>"

    expected = html.scan(page("I"))[1]
    assert expected and all(c.organization.startswith("Getty") for c in expected)
    credits = html.scan(page("\u0130"))[1]
    assert [replace(c, raw=c.raw.replace("\u0130", "I")) for c in credits] == expected   # same length: same spans


def test_both_youtube_hosts_in_script_data_are_found_by_one_search_in_the_hosts_order():
    page = ('<html><body><p>Boats</p><script>var cfg = {"youtubeId": "x", "player": "youtube-player", '
            '"a": "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK", "b": "https://www.youtube.com/embed/AbCdEfGhIjK",'
            ' "c": "https://www.youtube-nocookie.com/embed/ZyXwVuTsRqP"};</script></body></html>')
    embeds, _ = html.scan(page)
    assert [(e.detector, e.post_id) for e in embeds] == [("html-source", "AbCdEfGhIjK"), ("html-source", "ZyXwVuTsRqP")]
    first = embeds[0]   # the same video under both hosts: youtube.com is listed first, so its place wins
    assert page[first.span[0]:first.span[1]] == "https://www.youtube.com/embed/AbCdEfGhIjK"
    [(start, end)] = first.also_at
    assert page[start:end] == "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK"


def test_the_page_state_search_finds_every_host_in_one_pass_per_last_label():
    """Hosts are found by one regex per last label ('.com' with each host as a look-behind), not a str.find each
    (#14): every place a host ends is found, its branch names the host, a host ending another's way (x.com, box.com)
    is tried with it, and hosts under another last label have a pattern of their own."""
    hosts = {"twitter.com": ("status/",), "x.com": ("status/",), "box.com": ("p/",), "youtu.be": ("",)}
    searches = html._source_searches(hosts)
    assert [branches for _, branches in searches] == [
        [("twitter.com", ()), ("x.com", ("box.com",)), ("box.com", ())], [("youtu.be", ())]]
    page = "x.com/a twitter.com\\/b inbox.com/c x.co/d youtu.be/e"
    hits = [(hit.end(), branches[hit.lastindex - 1][0]) for pattern, branches in searches
            for hit in pattern.finditer(page)]
    assert hits == [(page.index(end) + len(end), first) for end, first in (
        ("x.com", "x.com"), ("twitter.com", "twitter.com"), ("inbox.com", "x.com"), ("youtu.be", "youtu.be"))]


SIGNED = "Lake. — Jane Doe (@jdoe) September 12, 2022"


@pytest.mark.parametrize("page, start", [
    ("<p>no handle here</p>", 0),
    ("<p>mail me@example.org, (@ alone, (@jdoe) no date</p>", 0),
    (f"<p>{SIGNED}</p>", 0),
    (f"(@{SIGNED}", 0),
    (f"<p>{SIGNED}</p>", 30),                       # the slice starts past the signature
    (f"<p>{SIGNED}</p>", 21),                       # ... between its "(" and its "@"
    ("a@b " * 100 + f"<p>{SIGNED}</p>", 0),         # more '@' than are tried one by one: the regex takes over
    ("a@b " * 100 + "(@x) " * 50 + "<p>none</p>", 0),
    # the head every signature starts with, then a date's first character (#14), in each of the head's forms
    ('<p>— Jane (@jdoe) <a href="https://twitter.com/jdoe/status/1">September 12, 2022</a></p>', 0),
    ("<p>— Jane (@jdoe)\u00a0ON [Sept. 12, 2022]</p>", 0),
    ("<p>— Jane (@jdoe) on\u202f12 de septiembre de 2022</p>", 0),
    ("<p>— Jane (@jdoe) ١٢ مايو ٢٠٢٢</p>", 0),
    ("<p>— Jane (@jdoe)2022年9月12日</p>", 0),
    ("<p>— Jane (@jdoe) on [<b>September 12, 2022</b>]</p>", 0),
    ("<p>— Jane (@jdoe) once, September 12, 2022</p>", 0),
    ('<p>— Jane (@<span class=SpellE>jdoe</span>) <a href="https://twitter.com/jdoe/status/1">September 12, 2022</a>'
     "</p>", 0),
    ('<blockquote class="twitter-tweet"><p>Lake.</p>— Jane (@jdoe) <a href="https://twitter.com/jdoe/status/1">'
     "September 12, 2022</a></blockquote>", 0),
    ("<p>— Jane (\u200f@jdoe\u200f) ١٢ مايو ٢٠٢٢</p>", 0),   # a right-to-left copy's marks (newuser43a #4)
    ("<p>— Jane (\u200e@jdoe) no date</p>", 0),
], ids=["none", "handles-no-date", "signed", "open-paren-before", "start-past", "start-between", "many-at-then-signed",
        "many-at-none", "date-in-a-link", "caps-on-bracket", "on-thin-space", "arabic-digits", "cjk-year",
        "date-in-markup", "on-then-word", "handle-in-a-span", "in-a-blockquote", "rlm-before-at", "lrm-no-date"])
@pytest.mark.usefixtures("both_searches")
def test_a_slice_is_signed_exactly_when_the_signature_pattern_finds_a_signature_in_it(page, start):
    """The signature gate tries the pattern at each "(@" (or "(<RLM>@") the page's needles found (#14): its answer is the
    pattern's own over the slice, with the needles searched for it alone or with the page's others; or, outside a
    blockquote (whose embed markup reads it), over the slice's words without their tags: a date in a link, a handle
    in a Word export's span (newuser37b #5: such a post in a page's paragraphs was never read as one)."""
    import re
    from html import unescape

    from resolver.extract import text
    from resolver.extract.needles import Needles

    for end in (len(page), len(page) - 3):
        words = unescape(re.sub(r"<[^>]*>?", "", page[start:end]))
        expected = text.SIGNATURE_RE.search(page, start, end) is not None or (
            "<blockquote" not in page and text.SIGNATURE_RE.search(words) is not None)
        assert html._signed(page, start, end, Needles(page, html.SIGNATURE_OPENS)) == expected
        needles = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES)
        assert html._signed(page, start, end, needles) == expected


@pytest.fixture(params=["hyperscan", "str-find", "small"])
def both_searches(request, monkeypatch):
    """The test runs with hyperscan, then as where hyperscan cannot be imported (no wheel for the platform): the
    needles found in the string (#14); then as a process's first pages are searched, hyperscan or not (their names
    and words as hyperscan finds them, perf35b). The first two search every page so, however few came before."""
    from resolver.extract import needles

    monkeypatch.setattr(needles, "_SMALL_LEFT", [10**12 if request.param == "small" else 0])
    if request.param == "str-find":
        monkeypatch.setattr(needles, "hyperscan_module", lambda: None)
    elif request.param == "hyperscan" and needles.hyperscan_module() is None:
        pytest.skip("hyperscan has no wheel for this platform")
    return request.param


def _starts(page: str, needle: str) -> list[int]:
    """Every place `needle` starts in `page`, overlapping ones too: the plain `str.find` loop; for a caseless
    needle of the page (`credit=`, #11), a loop of searches in any ASCII case."""
    if needle not in html.CASELESS_NEEDLES:
        starts, at = [], page.find(needle)
        while at >= 0:
            starts.append(at)
            at = page.find(needle, at + 1)
        return starts
    pattern = re.compile(re.escape(needle), re.IGNORECASE | re.ASCII)
    starts, hit = [], pattern.search(page)
    while hit:
        starts.append(hit.start())
        hit = pattern.search(page, hit.start() + 1)
    return starts


NEEDLE_PAGES = {
    "ascii": '<img data-credit="x" credit=y> {"credit":1} (@a) twitter.com x.com',
    "accents-before": 'Café — “quoted” <p data-credit="é">credit=</p> (@a) {"photoCredit":"Zoë"} x.com/a',
    "between-every-hit": "é".join(html.PAGE_NEEDLES) + "ü",
    "astral": "😀 credit= 😀😀 (@x) 𝕏 x.com twitter.com 😀",
    "cjk": "写真 credit=写真 (@写真) 写真" * 20 + '"caption":"写真"',
    "lone-surrogate": "a\udc80credit=\ud800(@a)",
    "utf16-straddle": "\u2841\u4000\u4100 (@ \u7263\u6500",   # "(@" and "credit" across UTF-16 units' bytes
    "overlapping": "x.com.x.com twitter.comtwitter.com credit=credit= (@(@",
    "none": "plain text, no needle é",
    "empty": "",
    "capitals": 'İ <DIV DATA-CREDIT="İ"> Data-Photo-Credit=x CREDIT= crEDit= CREDİT= cred\u212ait= İ (@a)',
    "blanks": 'é <IMG DATA-CREDIT \t= x credit\r\n=y Credit\x0c= z> Photo credit  goes CREDİT \n cred\u212ait\r İ',
}


@pytest.mark.parametrize("page", list(NEEDLE_PAGES.values()), ids=list(NEEDLE_PAGES))
@pytest.mark.usefixtures("both_searches")
def test_the_pages_needles_are_found_where_a_find_loop_finds_them(page):
    """One search finds every needle of the raw passes (#14); each at the offsets `str.find` gives in the string
    (`credit=` in any ASCII case, #11: not "CREDİT=", nor a Kelvin sign for its 'k'), whatever the characters around
    it, whether or not the page's UTF-8 bytes are given."""
    from resolver.extract.needles import Needles

    for utf8 in (None, page.encode("utf-8", "surrogatepass")):
        needles = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES, utf8=utf8)
        assert needles.starts == {needle: _starts(page, needle) for needle in html.PAGE_NEEDLES}
        for start, end in ((0, len(page)), (3, len(page) - 2), (len(page) // 2, len(page))):
            for needle in html.PAGE_NEEDLES:
                assert needles.within(needle, start, end) == [
                    at for at in _starts(page, needle) if start <= at and at + len(needle) <= end]


@pytest.mark.usefixtures("both_searches")
def test_the_needles_of_a_many_hits_page_stay_in_order():
    """A needle met many times among many non-ASCII characters is placed hit by hit (a window each)."""
    from resolver.extract.needles import Needles

    page = "".join(f"{'é' * (i % 7)}{'credit=' if i % 2 else 'CREDIT='}{'“' * (i % 3)}(@" for i in range(500))
    assert Needles(page, ("credit=", "(@"), caseless=("credit=",)).starts == {
        "credit=": _starts(page, "credit="), "(@": _starts(page, "(@")}
    assert len(Needles(page, ("credit=",)).starts["credit="]) == 250   # exact case unless said caseless


@pytest.mark.usefixtures("both_searches")
@pytest.mark.parametrize("page", ["aaaa", "éaaaa“aa", "AaAa é aA"], ids=["ascii", "non-ascii", "caseless"])
def test_overlapping_places_of_a_needle_are_all_found(page):
    """A needle that overlaps itself is found at every start, as a `str.find` loop from each start + 1 finds it."""
    from resolver.extract.needles import Needles

    pattern = re.compile("(?=aa)", re.IGNORECASE)
    assert Needles(page, ("aa", "Aa"), caseless=("aa",)).starts == {
        "aa": [hit.start() for hit in pattern.finditer(page)], "Aa": _starts(page, "Aa")}


@pytest.mark.usefixtures("both_searches")
def test_a_caseless_needle_folds_ascii_letters_only():
    """A caseless needle is found in any ASCII case, as HTML folds names: a Kelvin sign, which `str.lower` makes a
    "k", is none, nor is "İ" an "i" (#11, #14)."""
    from resolver.extract.needles import Needles

    page = "KELVIN= \u212aelvin= kelvİn= Kelvin= é kelvin="
    found = Needles(page, ("kelvin=", "elvin="), caseless=("kelvin=", "elvin="))
    assert found.starts == {"kelvin=": [0, 24, 34], "elvin=": [1, 9, 25, 35]}


def test_the_credit_keys_searched_for_are_the_anchor_patterns_look_behinds():
    """ANCHOR_RE is tried only where one of ANCHOR_KEYS ends (#14): the two lists must be the same."""
    import re

    from resolver.extract import script_credits

    behinds = re.findall(r"\(\?<=((?:[^()\\]|\\.)*)\)", script_credits.ANCHOR_RE.pattern)
    assert behinds[0] == '[entr][";]:'   # the first: a filter every key passes
    assert tuple(behind.replace("\\", "") for behind in behinds[1:]) == script_credits.ANCHOR_KEYS
    assert all(re.fullmatch(r'.*[entr][";]:', key, re.DOTALL) for key in script_credits.ANCHOR_KEYS)


@pytest.mark.parametrize("page", [
    '<script>{"image":{"url":"/a.jpg","credit":"Jane Doe/AP"}}</script>',
    '<div data-m="{&quot;credit&quot;:&quot;Jane&quot;}"></div><script>{"copyrightHolder":"Riverton"}</script>',
    '<script>{"caption":"Fans at the game. REUTERS/Jane Doe","photographer":"x"}</script>{"source":{"name":"AP"}}',
    '<script>{"caption":"No agency here","source":"AP","creditText":"Ann"}</script>',
    'é “” <script>{"photoCredit":"Zoë","credit":"写真"}</script>',
    "<p>no keys at all</p>",
], ids=["json", "attribute-and-holder", "caption-and-source", "caption-without-slash", "non-ascii", "none"])
@pytest.mark.usefixtures("both_searches")
def test_credit_keys_are_found_where_the_anchor_pattern_finds_them(page):
    """The JSON credit keys found from the page's needles are the anchor pattern's own matches (#14)."""
    from resolver.extract import script_credits
    from resolver.extract.needles import Needles

    colons = [m.start() for m in script_credits.ANCHOR_RE.finditer(page)]
    expected = ([c for c in colons if page[c - 1] == '"'], [c for c in colons if page[c - 1] != '"']) if colons \
        else None
    assert script_credits.find_anchors(page, Needles(page, script_credits.ANCHOR_KEYS)) == expected
    needles = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES)
    assert script_credits.find_anchors(page, needles) == expected


def test_a_post_in_page_state_under_a_host_ending_another_hosts_way_is_found_under_each(monkeypatch):
    """With two hosts where one ends the other (x.com, box.com), a URL on the longer one is tried under both, as
    the search per host did: the post is not lost to the first branch that matched."""
    from resolver.extract.needles import Needles

    shapes = {"x.com": ("status/",), "box.com": ("status/",)}
    monkeypatch.setattr(html, "SOURCE_HOSTS", shapes)
    monkeypatch.setattr(html, "SOURCE_SEARCHES", html._source_searches(shapes))
    monkeypatch.setattr(html, "SHAPE_CORES", {"x.com": ("status",), "box.com": ("status",)})
    page = '<script>var s = {"u": "https://box.com/jane/status/1234567890123"};</script>'
    tried = []
    monkeypatch.setattr(html, "_source_url_at", lambda page, at, host, tail, taken: tried.append((at, host)))
    html._source_urls(page, taken=html.Intervals([]), needles=Needles(page, tuple(shapes)))
    at = page.index("box.com")
    assert tried == [(at + 2, "x.com"), (at, "box.com")]


@pytest.mark.parametrize("name", ["credits_in_html.html", "credits_real_page_forms.html", "credits_in_page_state.html",
                                  "credits_in_next_data_slideshow.html",
                                  "documented_embed_markup.html",
                                  "other_platforms.html", "report_article.html", "tweet_variants.html"])
def test_a_page_parsed_from_its_own_bytes_gives_what_its_text_gives(name):
    """A UTF-8 page's bytes go to the parser as they are (#14): the same embeds and credits, spans included."""
    from pathlib import Path

    from resolver import extract
    from resolver.article import from_bytes

    article = from_bytes((Path(__file__).parent / "fixtures" / name).read_bytes(), name)
    assert article.utf8 is not None and article.utf8 == article.text.encode("utf-8")
    assert extract.find_all(article.text, "html", utf8=article.utf8) == extract.find_all(article.text, "html")


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf<p>caf\xc3\xa9</p>",                       # a UTF-8 BOM: the text has none
    "<p>café (Photo: Jane Doe/AFP)</p>".encode("cp1252"),   # not UTF-8
    "<p>café</p>".encode("utf-16"),
])
def test_bytes_that_are_not_the_texts_utf8_are_never_parsed_in_its_place(data):
    from resolver.article import from_bytes

    article = from_bytes(data, "page.html", kind="html")
    assert article.utf8 is None


TEXT_URLS = [
    ("https://bsky.app/profile/ann.example.com/post/3kabc123xyz", "bluesky", "post", "ann.example.com/3kabc123xyz"),
    ("https://www.threads.net/@ann.example/post/C1abcDEFgh2", "threads", "post", "C1abcDEFgh2"),
    ("https://www.threads.com/@ann.example/post/C1abcDEFgh2", "threads", "post", "C1abcDEFgh2"),
    ("https://youtu.be/AbCdEfGhIjK", "youtube", "video", "AbCdEfGhIjK"),
    ("https://www.facebook.com/annexample/posts/pfbid02abcdefghijklmnop", "facebook", "post",
     "pfbid02abcdefghijklmnop"),
    ("https://www.facebook.com/watch/?v=1234567890", "facebook", "video", "1234567890"),
    ("https://fb.watch/abcDEF123/", "facebook", "short-link", None),
    ("https://t.me/annchannel/1234", "telegram", "post", "annchannel/1234"),
    ("https://www.reddit.com/r/news/comments/abc123/some_title/", "reddit", "post", "abc123"),
    ("https://www.reddit.com/r/news/comments/abc123/some_title/def456/", "reddit", "comment", "t1_def456"),   # newuser36
    ("https://redd.it/abc123", "reddit", "post", "abc123"),
    ("https://mastodon.example/@ann/109876543210987654", "mastodon", "post", "mastodon.example/109876543210987654"),
    ("https://vimeo.com/123456789", "vimeo", "video", "123456789"),
    ("pic.twitter.com/Zz98Yy76Xx", "twitter", "media-link", None),
    ("bsky.app/profile/ann.example.com/post/3kabc123xyz", "bluesky", "post", "ann.example.com/3kabc123xyz"),
]


@pytest.mark.parametrize(("url", "platform", "kind", "post_id"), TEXT_URLS, ids=[row[0] for row in TEXT_URLS])
def test_a_bare_post_url_in_the_pages_text_is_found_for_every_platform_as_in_plain_text(url, platform, kind, post_id):
    """Only twitter.com/x.com, YouTube, Instagram and TikTok URLs were found in a page's text (by the page-state
    search): the same line gave a Bluesky, Threads, Facebook, Telegram, Reddit, Mastodon or Vimeo post, a youtu.be
    link or a lone pic.twitter.com link in a .txt, and nothing in an HTML page."""
    from resolver.extract import text

    line = f"Read: {url}."
    page = f"<html><body><h1>Story</h1><p>{line}</p><p>More words.</p></body></html>"
    [embed] = html.scan(page)[0]
    [plain] = text.find_embeds(line)
    assert (embed.platform, embed.kind, embed.post_id, embed.detector) == (platform, kind, post_id, "html-text-url")
    assert (embed.url, embed.author_handle) == (plain.url, plain.author_handle)
    assert page[embed.span[0]:embed.span[1]] == url


def test_a_post_url_in_text_beside_a_link_or_an_embed_of_it_is_one_embed():
    post = "https://bsky.app/profile/ann.example.com/post/3kabc123xyz"
    page = (f'<html><body><p>Ann wrote <a href="{post}">this</a>: {post}</p>'
            '<blockquote class="twitter-tweet"><p>Tide out 🌊 https://t.me/annchannel/77</p>&mdash; Ann (@ann_ex) '
            '<a href="https://twitter.com/ann_ex/status/1600000000000000001">December 6, 2022</a></blockquote>'
            '<p>As she said: https://twitter.com/ann_ex/status/1600000000000000001 and '
            f'<a href="{post}">{post}</a></p></body></html>')
    embeds = html.scan(page)[0]
    assert [(e.detector, e.platform, e.post_id) for e in embeds] == [
        ("html-link", "bluesky", "ann.example.com/3kabc123xyz"), ("html-blockquote", "twitter", "1600000000000000001")]
    bluesky, tweet = embeds
    assert [page[s:e] for s, e in bluesky.also_at] == [post, f'<a href="{post}">{post}</a>']
    assert [page[s:e] for s, e in tweet.also_at] == ["https://twitter.com/ann_ex/status/1600000000000000001"]


def test_share_buttons_profiles_and_footers_in_a_pages_text_are_not_embeds():
    """As for twitter.com links: a profile, a share intent or the site's own footer and nav name no embedded post."""
    page = ('<html><body><article><p>Follow us: https://www.facebook.com/riverton.news, https://t.me/rivertonnews, '
            'https://bsky.app/profile/riverton.example, twitter.com/rivertonnews, https://www.threads.net/@riverton '
            'and https://mastodon.example/@riverton</p>'
            '<p>Share: https://www.facebook.com/sharer/sharer.php?u=https://riverton.example/story and '
            'https://twitter.com/intent/tweet?url=https://riverton.example/story</p></article>'
            '<nav>Latest: https://t.me/rivertonnews/12</nav>'
            '<footer><p>Our pick: https://bsky.app/profile/riverton.example/post/3kfooter0001</p></footer>'
            '<script>var more = "https://www.threads.net/@riverton";</script></body></html>')
    assert html.scan(page)[0] == []


def test_a_post_url_with_an_entity_in_the_pages_text_points_at_it_as_written():
    page = ('<html><body><p>Watch: https://www.facebook.com/watch/?v=1234567890&amp;ref=share &mdash; '
            'from the mayor&#39;s page</p></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.post_id) == ("facebook", "1234567890")
    assert page[embed.span[0]:embed.span[1]] == "https://www.facebook.com/watch/?v=1234567890&amp;ref=share"


def test_one_post_url_twice_in_a_text_node_with_entities_keeps_each_place():
    url = "https://t.me/annchannel/1234"
    page = f"<html><body><p>Ann&#39;s post {url} &mdash; again: {url}</p></body></html>"
    [embed] = html.scan(page)[0]
    first, second = page.index(url), page.rindex(url)
    assert (embed.span, embed.also_at) == ((first, first + len(url)), ((second, second + len(url)),))


def test_a_photo_link_in_the_paragraph_above_a_flattened_posts_signature_is_that_posts():
    """Found in a page's text, the pic.twitter.com link of a tweet flattened into two paragraphs was a second embed
    beside the signature's; in plain text it is the post's photo. A lone one, or one further up, is its own."""
    signed = ("<html><body><p>Bridge reopened. pic.twitter.com/Zz98Yy76Xx</p>\n<p> </p><p>— Riverton Roads "
              "(@RivertonRoads) December 6, 2022</p></body></html>")
    assert [e.detector for e in html.scan(signed)[0]] == ["html-text-signature"]
    apart = signed.replace("<p> </p>", "<p>The mayor spoke at noon.</p>")
    assert [(e.detector, e.kind) for e in html.scan(apart)[0]] == [("html-text-url", "media-link"),
                                                                   ("html-text-signature", "post")]


@pytest.mark.parametrize("written, found", [
    ("https://example.com/x.com/jane/status/1234567890123", False),          # a folder of another site's path
    ("https:\\/\\/example.com\\/twitter.com\\/jane\\/status\\/1234567890123", False),
    ("https:\\u002F\\u002Fexample.com\\u002Fx.com\\u002Fjane\\u002Fstatus\\u002F1234567890123", False),
    ("https://x.com/jane/status/1234567890123", True),
    ("//x.com/jane/status/1234567890123", True),
    ("https:\\/\\/x.com\\/jane\\/status\\/1234567890123", True),
    ("https:\\u002F\\u002Fwww.x.com\\u002Fjane\\u002Fstatus\\u002F1234567890123", True),
    ("x.com/jane/status/1234567890123", True),
])
def test_a_post_host_in_page_state_starts_a_url_only_after_two_slashes_or_none(written, found):
    """`example.com/x.com/jane/status/1`: x.com there is a folder in another site's path, not a post (the
    page-state search read it as @jane's post); after "//" (or JSON's escaped slashes), or with nothing before
    it, it starts the post's URL."""
    page = (f'<html><head><script>window.__STATE__={{"u":"{written}"}}</script></head><body><p>Hi</p>'
            '<a href="https://twitter.com/share">share</a></body></html>')
    embeds, _ = html.scan(page)
    assert [(e.detector, e.post_id) for e in embeds] == ([("html-source", "1234567890123")] if found else [])


def test_an_instagram_cards_handle_is_read_from_its_figures_attribution_footer():
    """BuzzFeed shows an Instagram card's author only as "Instagram: @handle" in the card's figure footer; it was
    not read (#11). Only there: a footer naming the site alone or another platform, a figure holding two cards, a
    footer linking to another post, and the same words in the article's prose give no handle."""
    from pathlib import Path

    page = (Path(__file__).parent / "fixtures" / "instagram_card_with_attribution_footer.html").read_text()
    found = {e.post_id: e.author_handle for e in html.scan(page)[0] if e.platform == "instagram"}
    assert found == {"BXmplCard01": "ann_example", "BXmplCard02": None, "BXmplCard03": None, "BXmplCard04": None,
                     "BXmplCard05": None, "BXmplCard06": None, "BXmplOther9": None, "BXmplCard07": None}


def test_credits_kept_only_in_script_data_are_read_for_the_images_the_article_shows(fixture_text):
    """Page state (a config object, NBC News' `window.__data`, a WordPress `wp:featuredmedia`) also holds other
    stories' images: a credit is taken only for an image the article shows, at any size (#11)."""
    page = fixture_text("credits_in_page_state.html")
    _, credits = html.scan(page)
    got = [(c.source, c.creator, c.organization) for c in credits]
    assert got == [
        ("script-data", "Dana Example", None),                      # rendered in the body at another width
        ("script-data", None, "Riverton Harbour Board"),            # rendered, displayCredit false
        ("script-data", "Sam Example", "Wire Images"),              # the JSON-LD image; og:image at a named size
        ("script-data", "Alex Example", "StockAgency for Riverton"),   # rendered as -1024x683; its IPTC credit
    ]                                                               # is the same words as its caption's
    names = {name for c in credits for name in (c.creator, c.organization)}
    # A related box's image, images the page never shows, the article's own authors and source: none is a credit.
    assert not names & {"Pat Promo", "Ray Elsewhere", "Quinn Promo", "River Person", "Robin Reporter", "Riverton Post",
                        "Getty Images", "StockAgency"}
    assert [page[slice(*c.span)] for c in credits[:2]] == ["Photograph: Dana Example", "Photograph: Riverton Harbour Board"]
    assert page[slice(*credits[2].span)] == 'Sam Example"}],"source":{"name":"Wire Images file'
    assert "(Photo by Alex Example\\/StockAgency for Riverton)" in page[slice(*credits[3].span)]
    assert credits[2].image == "https://media1.example.org/i/cms/2024_20/777/240512-seals-lead_ab12cd34ef56.JPG"


def test_slideshow_credits_kept_in_the_articles_own_page_state_object_are_read(fixture_text):
    """Next.js page state (Reuters' `__NEXT_DATA__`) keeps an article's slideshow images, which the HTML shows only
    as "Slideshow ( 3 images )", in the article's own object (its `canonical` is the page's), each a
    `{caption, content_type: "image/jpeg", url}` whose URL names the image by its query; only their captions credit
    them (#11). The og:image's is taken at another width; the others because they sit in the article's own object.
    Related stories, the next article, a story card in the body, the navigation, an AMP copy: none is taken."""
    page = fixture_text("credits_in_next_data_slideshow.html")
    _, credits = html.scan(page)
    got = [(c.source, c.creator, c.organization) for c in credits]
    assert got == [("script-data", "Jane Example", "REUTERS"), ("script-data", "Dana Example", "REUTERS"),
                   ("script-data", "Lee Example", "REUTERS")]
    assert [page[slice(*c.span)] for c in credits] == [
        "Riverton harbour, Riverton, May 12, 2024 - Seals rest on the harbour wall. REUTERS/Jane Example",
        'Riverton harbour, Riverton, May 12, 2024 - A pup on the \\"old\\" slipway. REUTERS/Dana Example',
        "Riverton harbour, Riverton, May 12, 2024 - Volunteers count the seals. REUTERS/Lee Example"]
    assert credits[0].image == "https://static.example-wire.org/resources/r/?m=02&d=20240512&t=2&i=1001&r=EXMPL1001"


OWN_URLS = ('<link rel="canonical" href="https://www.example-wire.org/article/harbour-idEXMPL01"/>\n'
            '<meta property="og:url" content="https://www.example-wire.org/article/harbour-idEXMPL01"/>')


@pytest.mark.parametrize("changes,taken", [
    ([], ["Jane Example", "Dana Example", "Lee Example"]),
    ([(OWN_URLS.split("\n")[0] + "\n", "")], ["Jane Example", "Dana Example", "Lee Example"]),
    ([(OWN_URLS, "")], ["Jane Example"]),
    ([(OWN_URLS, '<link rel="canonical" href="https://www.example-wire.org/article/elsewhere-idEXMPL99"/>')],
     ["Jane Example"]),
    ([(OWN_URLS, ""), ("&amp;r=EXMPL1001&amp;w=800", "&amp;r=EXMPL1002&amp;w=800")], []),
    ([(OWN_URLS, ""), ("&amp;r=EXMPL1001&amp;w=800", "&amp;r=EXMPL1001&amp;width=1200&amp;fit=crop")],
     ["Jane Example"]),
], ids=["as-is", "og-url-only", "no-own-url", "canonical-of-another-story", "og-image-of-another-image",
        "og-image-at-another-size"])
def test_a_page_state_slideshow_is_the_articles_only_when_the_page_names_its_object(fixture_text, changes, taken):
    """The tie to the article's own object needs the page's canonical URL or og:url as that object's own; without
    one (or naming a story the state does not hold), only the og:image's credit is taken: its image is named by
    its query less the size parameters, one other parameter making it another image (#11)."""
    page = fixture_text("credits_in_next_data_slideshow.html")
    for old, new in changes:
        assert old in page
        page = page.replace(old, new)
    assert [c.creator for c in html.scan(page)[1]] == taken


@pytest.mark.parametrize("state,taken", [
    ('{"url":"https://news.example.org/a/seals","headline":"Seals","gallery":[{IMG}]}', ["Ann Example"]),
    ('{"page":{"canonical":"https://news.example.org/a/seals","title":"Seals","media":{"images":[{IMG}]}}}',
     ["Ann Example"]),
    ('{"url":"https:\\/\\/news.example.org\\/a\\/seals","headline":"Seals","gallery":[{IMG}]}', ["Ann Example"]),
    ('{"url":"https://news.example.org/a/seals","navigation":{"images":[{IMG}]}}', []),
    ('{"url":"https://news.example.org/a/seals","gallery":[{"url":"https://news.example.org/a/gulls","images":[{IMG}]}]}',
     []),
    ('{"url":"https://news.example.org/a/seals","relatedImages":[{IMG}]}', []),
    ('{"url":"https://news.example.org/a/seals-2","gallery":[{IMG}]}', []),
    ('{"shareUrl":"https://news.example.org/a/seals","gallery":[{IMG}]}', []),
], ids=["state-is-the-article", "nested-canonical", "escaped-slashes", "not-a-media-key", "in-another-story",
        "related-key", "another-url", "not-an-own-url-key"])
def test_an_image_of_the_articles_own_state_object_is_tied_only_through_its_own_media(state, taken):
    """The article's own object may be the whole script (its first character the object's), name its URL with
    escaped slashes, or sit deeper; its images count under a key naming its media, never under another key, in
    another story it holds, or under a key naming related stories (#11)."""
    image = ('{"caption":"Seals on the slipway. AFP/Ann Example","content_type":"image/jpeg",'
             '"url":"https://img.example.org/r/?id=81&w=1200"}')
    page = ('<html><head><link rel="canonical" href="https://news.example.org/a/seals"></head><body><article>'
            '<p>Words.</p></article><script type="application/json" id="state">'
            f"{state.replace('{IMG}', image)}</script></body></html>")
    assert [c.creator for c in html.scan(page)[1]] == taken


def test_a_script_data_credit_on_an_image_the_page_does_not_show_is_not_taken():
    state = ('<script>window.s={"images":[{"credit":"Photograph: Dana Example",'
             '"src":"https://img.example.org/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/master/4000.jpg"}]};</script>')
    shown = ('<article><p>Words.</p><img src="https://img.example.org/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6'
             '/master/4000.jpg?width=300"></article>')
    other = '<article><p>Words.</p><img src="https://img.example.org/media/ffff/master/4000.jpg?width=300"></article>'
    assert [c.creator for c in html.scan(f"<html><body>{shown}{state}</body></html>")[1]] == ["Dana Example"]
    assert html.scan(f"<html><body>{other}{state}</body></html>")[1] == []
    # in a footer, or only in a teaser <article> beside a longer one: not the article's
    footer = f"<footer>{shown}</footer>"
    teaser = f"{shown}<article><p>{'The article itself, much longer. ' * 20}</p></article>"
    assert html.scan(f"<html><body><article><p>Words.</p></article>{footer}{state}</body></html>")[1] == []
    assert html.scan(f"<html><body>{teaser}{state}</body></html>")[1] == []
    # in a box a class names as other stories' (a promo, "most read"), inside the article too
    for box in ("c-promo", "most-read", "onward-journey"):
        boxed = shown.replace("<img", f"<div class='{box}'><img").replace("</article>", "</div></article>")
        assert html.scan(f"<html><body>{boxed}{state}</body></html>")[1] == [], box


NODE_STATE = ('<script>window.s={"photo":{"credit":"Photo: Jane Doe/Wire Images",'
              '"url":"https://img.example.org/media/Photo-Abc123def456.jpg"}};</script>')


@pytest.mark.parametrize("shown,taken", [
    ('<img src="https://img.example.org/media/Photo-Abc123def456.jpg?w=300&amp;h=200">', True),
    ('<img src="//IMG.example.org/MEDIA/photo-abc123def456.JPG">', True),
    ('<img src="https://img.example.org/media/Photo%2DAbc123def456.jpg">', True),
    ('<img src="https://img.example.org/media/Photo-Abc123&amp;#100;ef456.jpg">', True),
    ('<img src="https://img.example.org/media/Photo-Abc123def456-1024x683.jpg">', True),
    ('<picture><source srcset="https://img.example.org/a/other.jpg 300w, '
     'https://img.example.org/media/Photo-Abc123def456.jpg?w=600 600w"><img src="/x.png"></picture>', True),
    ('<img src="https://img.example.org/media/Photo-Abc123def457.jpg">', False),
    ('<img src="https://img.example.org/resize?src=/media/Photo-Abc123def456.jpg">', False),
    ('<img src="https://img.example.org/media/Abc123def456/photo.jpg">', False),
], ids=["query", "case", "percent-escape", "escaped-twice", "size-name", "srcset", "other-image", "in-the-query",
        "a-folder"])
def test_the_image_a_script_data_credit_belongs_to_is_known_however_the_page_writes_its_url(shown, taken):
    """Only the images that may be an image node's are read further (#14): however the article writes the same
    image (a query, upper case, an escape in its path, a size name, a srcset's second image), it is still the
    node's; another image, or one naming the file only in its query or a folder, is not."""
    page = f"<html><body><article><p>Words.</p>{shown}</article>{NODE_STATE}</body></html>"
    got = [(c.creator, c.organization) for c in html.scan(page)[1]]
    assert got == ([("Jane Doe", "Wire Images")] if taken else [])


@pytest.mark.parametrize("body,taken", [
    ('<div class="related"><img src="{IMG}"></div><article><p>Words.</p><img src="{IMG}"></article>', True),
    ('<article><p>Words.</p><img src="{IMG}"></article><div class="related"><img src="{IMG}"></div>', True),
    ('<div class="promo"><img src="{IMG}"></div><div class="related"><img src="{IMG}"></div>', False),
    ('<aside><img srcset="/a.jpg 1x, {IMG} 2x"></aside><article><p>Words.</p><img srcset="/a.jpg 1x, {IMG} 2x"></article>',
     True),
], ids=["box-then-article", "article-then-box", "boxes-only", "same-srcset-twice"])
def test_an_image_shown_twice_is_the_articles_wherever_the_article_shows_it(body, taken):
    """The images are looked at once each (#14): the same image in a related box and in the article is shown by the
    article, in either order; only in boxes, it is not."""
    img = "https://img.example.org/media/Photo-Abc123def456.jpg"
    page = f"<html><body>{body.replace('{IMG}', img)}{NODE_STATE}</body></html>"
    got = [(c.creator, c.organization) for c in html.scan(page)[1]]
    assert got == ([("Jane Doe", "Wire Images")] if taken else [])


@pytest.mark.parametrize("scripts", [
    "<script>a()</script>" * 40 + "<script>window.s={STATE};</script>",
    '<script type="application/ld+json">{"@type":"Thing"}</script><script>b()</script><script>window.s={STATE};</script>',
    '<script>a()</script><script data-x="</script>">window.s={STATE};</script>',
    '<script>a()</script><script data-x="</script>"></script><p>x</p><script>window.s={STATE};</script>',
], ids=["after-many", "after-json-ld", "end-tag-in-a-start-tag", "after-an-end-tag-in-a-start-tag"])
def test_the_script_holding_a_credit_key_is_found_past_the_scripts_before_it(scripts):
    """The scripts ending before a credit key are skipped unread, from the last "</script" before it (#14): one
    written inside a script's start tag ends no script, and a JSON-LD script before the key's is not the key's."""
    state = '{"photo":{"credit":"Photo: Jane Doe/Wire Images","url":"https://img.example.org/media/Photo-Abc123def456.jpg"}}'
    page = ('<html><body><article><p>Words.</p><img src="https://img.example.org/media/Photo-Abc123def456.jpg">'
            f"</article>{scripts.replace('{STATE}', state)}</body></html>")
    assert [(c.creator, c.organization) for c in html.scan(page)[1]] == [("Jane Doe", "Wire Images")]


@pytest.mark.parametrize("scripts", [
    "<SCRIPT>window.s={STATE};</SCRIPT>",
    "<Script>window.s={STATE};</Script>",
    "<script>a()</script><SCRIPT>b()</SCRIPT><script>window.s={STATE};</script>",
    '<SCRIPT TYPE="application/ld+json">{"@type":"Thing"}</SCRIPT><SCRIPT>window.s={STATE};</SCRIPT>',
    "<SCRIPT>a()</SCRIPT>" * 40 + "<Script>window.s={STATE};</Script>",
    '<script>a()</script><SCRIPT DATA-X="</SCRIPT>">window.s={STATE};</SCRIPT>',
    '<SCRIPT>a()</SCRIPT><script data-x="</Script>"></script><p>x</p><SCRIPT>window.s={STATE};</SCRIPT>',
], ids=["upper-case", "capitalised", "lower-case-after-upper-case", "after-json-ld", "after-many",
        "end-tag-in-a-start-tag", "after-an-end-tag-in-a-start-tag"])
def test_a_credit_key_in_a_script_written_in_capitals_is_read(scripts):
    """HTML names are case-insensitive: a script tag in capitals holds script data as a lower-case one does (#11:
    `<SCRIPT>` page state gave no credit)."""
    state = '{"photo":{"credit":"Photo: Jane Doe/Wire Images","url":"https://img.example.org/media/Photo-Abc123def456.jpg"}}'
    page = ('<html><body><article><p>Words.</p><img src="https://img.example.org/media/Photo-Abc123def456.jpg">'
            f"</article>{scripts.replace('{STATE}', state)}</body></html>")
    [credit] = html.scan(page)[1]
    assert (credit.source, credit.creator, credit.organization) == ("script-data", "Jane Doe", "Wire Images")
    assert page[slice(*credit.span)] == "Photo: Jane Doe/Wire Images"


def test_a_page_cut_off_inside_a_script_start_tag_holding_a_credit_key_is_scanned():
    """A page ending inside a `<script` start tag (a download cut short) after a credit key: finding the script
    around the key took the tag's end, which never comes, for position 0 and went round the same script for ever
    (#14). The tag never ends, so it holds no script text and the key is no credit."""
    import signal

    def stop(signum, frame):
        raise TimeoutError("the scan did not end")

    page = ('<html><body><article><p>Words.</p><img src="https://img.example.org/a/shown-image-0001.jpg"></article>'
            '<script>var a = 1;</script><script data-x="{"credit":"Jane Doe/Getty Images",'
            '"src":"https://img.example.org/a/shown-image-0001.jpg"}')
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        embeds, credits = html.scan(page)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert (embeds, credits) == ([], [])


@pytest.mark.parametrize("a,b,same", [
    ("https://i.example.org/img/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/0_0_4800_3200/master/4800.jpg?width=700&s=1",
     "//i.example.org/img/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/0_0_4800_3200/master/4800.jpg?width=465&s=2", True),
    ("https://i.example.org/img/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/0_0_4800_3200/master/4800.jpg",
     "https://i.example.org/img/media/0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6/0_320_4800_2880/master/4800.jpg", True),
    ("https://i.example.org/img/media/aaaa/master/4800.jpg", "https://i.example.org/img/media/bbbb/master/4800.jpg", False),
    ("https://media1.example.org/i/cms/2024_20/777/240512-seals_ab12cd34ef56.JPG",
     "https://media4.example.org/j/cms/2024_20/777/240512-seals_ab12cd34ef56.riverton-fp-1200-630.JPG", True),
    ("https://www.example.org/wp-content/uploads/2024/05/StockAgency-20240512001.jpg",
     "https://www.example.org/wp-content/uploads/2024/05/StockAgency-20240512001-1024x683.jpg?w=600", True),
    ("https://www.example.org/wp-content/uploads/2024/05/StockAgency-20240512001.jpg",
     "https://www.example.org/wp-content/uploads/2024/05/StockAgency-20240512002.jpg", False),
    ("https://media.example.org/assets/img/2024/05/12/ap_1001-0f1e2d3c4b5a6978-s1100-c50.jpg",
     "https://media.example.org/assets/img/2024/05/12/ap_1001-0f1e2d3c4b5a6978-s1200.jpg", True),
    ("https://media.example.org/assets/img/2024/05/12/ap_1001-0f1e2d3c4b5a6978-s1200.jpg",
     "https://media.example.org/assets/img/2024/05/12/ap_1002-0f1e2d3c4b5a6978-s1200.jpg", False),
    ("https://www.example.org/uploads/photo1.jpg", "https://cdn.example.org/other/photo1.jpg", False),
    ("https://www.example.org/uploads/story.html", "https://www.example.org/uploads/story.html", False),
    ("https://static.example.org/resources/r/?m=02&d=20240512&i=1001&r=EXMPL1001&w=800",
     "https://static.example.org/resources/r/?r=EXMPL1001&i=1001&d=20240512&m=02", True),
    ("https://static.example.org/resources/r/?m=02&i=1001&r=EXMPL1001", "https://static.example.org/resources/r/?m=02&i=1002&r=EXMPL1001",
     False),
    ("https://static.example.org/resources/r/?i=1001", "https://other.example.org/resources/r/?i=1001", False),
    ("https://static.example.org/resources/r/?w=800", "https://static.example.org/resources/r/?w=400", False),
], ids=["query", "crop", "other-hash", "nbc-size-name", "wp-size", "wp-other", "npr-size", "npr-other", "short-name",
        "not-an-image",
        "named-by-query", "other-query", "query-other-host", "query-size-only"])
def test_an_image_at_another_size_is_the_same_image(a, b, same):
    from resolver.extract.script_credits import image_keys

    assert bool(image_keys(a) & image_keys(b)) is same


def _media_placeholder(image: str, holder: str) -> str:
    from html import escape

    meta = escape('{"duration":"PT1M","image":{"height":360,"width":640,"href":"http:\\/\\/files.example.org\\/'
                  f'production\\/{image}","altText":"A holding image","copyrightHolder":"{holder}"}},'
                  '"caption":"What the minister said"}', quote=True)
    return f'<div class="media-placeholder" data-media-type="video" data-media-meta="{meta}"></div>'


def test_a_credit_in_json_kept_by_a_placeholder_of_the_article_is_read():
    """The BBC keeps its video players' holding-image credits in the placeholder's data-media-meta JSON: the
    placeholder is in the article as a rendered image would be; one in a related box or an aside is not (#11)."""
    page = ("<html><body class='ads-outbrain'><div class='story-body'><p>The minister spoke on Monday.</p>"
            f"{_media_placeholder('_111_minister.jpg', 'Wire Images')}</div>"
            f"<div class='related-videos'>{_media_placeholder('_222_other.jpg', 'Promo Agency')}</div>"
            f"<aside>{_media_placeholder('_333_aside.jpg', 'Aside Agency')}</aside></body></html>")
    _, credits = html.scan(page)
    assert [(c.source, c.form, c.creator, c.organization, c.image) for c in credits] == [
        ("attribute", "json-attribute", None, "Wire Images", "http://files.example.org/production/_111_minister.jpg")]
    start, end = credits[0].span
    assert page[start - len('data-media-meta="'):start] == 'data-media-meta="' and page[end] == '"'


@pytest.mark.parametrize("name", ["DATA-MEDIA-META", "Data-Media-Meta"])
def test_a_credit_in_json_kept_by_a_placeholder_whose_attribute_is_in_capitals_is_read(name):
    """HTML names are case-insensitive: a placeholder's JSON attribute written in capitals gives the credit of the
    lower-case page, its span on the value as written (#11)."""
    lower = f"<html><body><div class='story-body'><p>Spoke.</p>{_media_placeholder('_111_minister.jpg', 'Wire Images')}"
    lower += "</div></body></html>"
    [expected] = html.scan(lower)[1]
    page = lower.replace("data-media-meta", name).replace("<div class=\"media", "<DIV CLASS=\"media")
    assert page != lower and len(page) == len(lower)
    assert html.scan(page)[1] == [expected]
    start, end = expected.span
    assert page[start - len(f'{name}="'):start] == f'{name}="' and page[end] == '"'


# The credit candidates are selected with "[class*=source i]" standing for its three credit words (#14): whatever
# else "source" selects is asked again, so the selection is the one the three words give.
@pytest.mark.parametrize("fragment,selected", [
    ('<span id="a" class="Image-Source">x</span><span id="b" class="resource-list">x</span>', ["a"]),
    ('<p id="a" class="PHOTO-SOURCE x">x</p><p id="b" class="source">x</p><p id="c" class="x__SOURCE">x</p>', ["a", "c"]),
    ('<div id="a" class="opensource"><span id="b" class="caption__source">x</span></div>', ["b"]),
    # asked again in the whole tree: a figure above, a line break before, an itemprop, a class word
    ('<figure><div><cite id="a" class="source">x</cite></div></figure><p><br><i id="b" class="source">x</i></p>'
     '<i id="c" class="source">x</i><b id="d" class="source" itemprop>x</b><b id="e" class="source credit">x</b>',
     ["a", "b", "d", "e"]),
    ('<span id="a" class="source" class="credit">x</span><span id="b" class>x</span><span id="c" CLASS="SOURCE">x</span>',
     []),
], ids=["upper-case", "three-words", "holder", "other-selectors", "repeated-valueless-upper"])
def test_credit_candidates_asked_as_one_source_word_are_the_three_words_ones(fragment, selected):
    from selectolax.lexbor import LexborHTMLParser

    from resolver.extract import html_credits
    from resolver.extract.dom import select

    page = f"<html><body>{fragment}</body></html>"
    body = LexborHTMLParser(page).body
    ids = [el.attributes.get("id") for el in html_credits._candidates(body, html.page_needles(page))]
    assert ids == selected
    assert ids == [el.attributes.get("id") for el in select(body, html_credits.CANDIDATE_SELECTOR)]


@pytest.mark.usefixtures("both_searches")
def test_a_page_writing_source_but_none_of_its_credit_words_is_not_asked_for_source_classes(monkeypatch):
    """"[class*=source i]" stands for "image-source", "photo-source" and "__source": a page writing "source" only
    elsewhere (a <source> tag, a class "resource-list", a script) is not asked for it, and its candidates stay
    those the whole candidate selector gives (#14: 25 us a page on 112 of 146 corpus pages)."""
    from resolver.extract import dom, needles

    asked: list[str] = []

    def select(node, selector):
        asked.append(selector)
        return dom.select(node, selector)

    monkeypatch.setattr(html_credits, "select", select)
    page = ('<html><body><picture><source srcset="/a.webp"><img src="/a.jpg"></picture>'
            '<ul class="resource-list"><li>x</li></ul><figure><img src="/b.jpg"><figcaption class="source-caption">'
            'A dog. Photo: Jane Doe/AP</figcaption></figure><script>var source = 1;</script></body></html>')
    credits = extract.find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.image) for c in credits] == [("Jane Doe", "AP", "/b.jpg")]
    joined = " | ".join(asked)
    assert ("[class*=source i]" in joined) == (needles.hyperscan_module() is None)
    assert "[class*=caption i]" in joined


JSONLD_PHOTO = ('{"@type": "ImageObject", "url": "https://example.org/a.jpg", "creditText": "Jane Doe/AP"}')


@pytest.mark.usefixtures("both_searches")
@pytest.mark.parametrize("type_value, asked", [
    ("application/ld+json", True),
    ("APPLICATION/LD+JSON", True),
    ("application/ld&plus;json", True),   # the "+" as a reference
    ("application/ld&#43;json", True),
    ("application/&#108;d+json", True),    # a letter as a reference: every word may be written
    (None, False),   # "json" only elsewhere: "application/json", a URL
], ids=["plain", "upper-case", "plus-named", "plus-decimal", "letter-reference", "json-elsewhere"])
def test_the_json_ld_selector_is_asked_only_where_the_page_may_write_its_type(monkeypatch, type_value, asked):
    """The JSON-LD selector is asked when the page may write "ld+json" (its "+" maybe as a reference), not wherever
    "json" is: "json" alone is on 112 of 146 corpus pages, "ld+json" on 80 (#14). Its credits stay."""
    from resolver.extract import dom, needles

    seen: list[str] = []

    def select(node, selector):
        seen.append(selector)
        return dom.select(node, selector)

    monkeypatch.setattr(html_credits, "select", select)
    script = f'<script type="{type_value}">{JSONLD_PHOTO}</script>' if type_value else \
        '<script type="application/json">{"a": 1}</script><a href="/feed.json">feed</a>'
    page = (f'<html><head>{script}</head><body><img src="https://example.org/a.jpg"><figure><img src="/b.jpg">'
            '<figcaption>A dog. Photo: Ann Example/Reuters</figcaption></figure></body></html>')
    credits = extract.find_all(page, "html")[1]
    assert [(c.creator, c.organization) for c in credits] == \
        [*([("Jane Doe", "AP")] if asked else []), ("Ann Example", "Reuters")]
    assert any("ld+json" in selector for selector in seen) == (asked or needles.hyperscan_module() is None)


# The detectors read an element's class, id, itemprop and type from `el.attributes` (one dict) where they ask for
# several (#14): it must give what `el.attrs.get` gives, repeated, valueless, empty and upper-case names included.
@pytest.mark.parametrize("markup", [
    '<span class="credit" class="caption" id="a" id="b">x</span>',   # repeated: the parser keeps the first
    '<span class itemprop id>x</span>',                                # no value: None
    '<span class="" itemprop="" type="">x</span>',                     # empty: ""
    '<span CLASS="Credit" ItemProp="creditText" ID="c" TYPE="t">x</span>',
    '<svg><text class="credit" id="d" type="t">x</text></svg>',       # foreign content
    '<span data-class="credit" xlink:id="e">x</span>',               # other names that end the same
], ids=["repeated", "valueless", "empty", "upper-case", "svg", "similar-names"])
def test_an_elements_attributes_as_one_dict_read_as_attrs_does(markup):
    from selectolax.lexbor import LexborHTMLParser

    el = LexborHTMLParser(f"<html><body>{markup}</body></html>").body.child
    if el.tag == "svg":
        el = el.child
    for name in ("class", "id", "itemprop", "type"):
        assert el.attributes.get(name) == el.attrs.get(name), name


@pytest.mark.parametrize("footer", ['<div CLASS="site-footer" class="article">', '<div id="x" ID="y" class="page-footer">',
                                    '<footer class>'], ids=["upper-case", "repeated-id", "valueless"])
def test_a_credit_in_the_sites_footer_read_from_its_attributes_is_no_photo_credit(footer):
    tag = footer[1:footer.index(" ") if " " in footer else -1]
    page = (f'<html><body><figure><img src="https://img.example.org/a.jpg"><span class="credit">Ann Example/Riverton '
            f'Post</span></figure>{footer}<span class="credit">Ben Sample/Riverton Post</span></{tag}></body></html>')
    assert [c.creator for c in html.scan(page)[1]] == ["Ann Example"]


# Caption attributes are read only when their lower-cased value holds a hint, asked word by word with `in` (#14):
# the same answers as the regex it replaced, "[(\[/©]|credit|photo|getty|courtesy|image:|foto|copyright".
@pytest.mark.parametrize("value,hint", [
    ("crowds at the rally (ann example)", True), ("a [file] picture", True), ("ann example/riverton post", True),
    ("© ann example", True), ("photo credit ann", True), ("photograph", True), ("getty", True), ("courtesy ann", True),
    ("image: nasa", True), ("fotografie", True), ("copyright 2020", True), ("image of a dog", False),
    ("crowds at the rally", False), ("", False), ("credi t", False),
])
def test_a_caption_attribute_is_read_when_it_holds_a_hint(value, hint):
    import re

    from resolver.extract import html_credits

    assert html_credits._caption_hint(value) is hint
    assert hint is bool(re.search(r"[(\[/©]|credit|photo|getty|courtesy|image:|foto|copyright", value))


@pytest.mark.parametrize("selector,found", [
    ("p", ["a", "b"]), ("p, p.x", ["a", "b"]), ("p.x, p", ["a", "b"]), ("p:unknown((", []), ("[[[", []), ("", []),
], ids=["one", "list-each-once", "list-in-document-order", "refused", "unparsable", "empty"])
def test_a_selection_gives_each_element_once_in_document_order_and_nothing_for_a_refused_selector(selector, found):
    from resolver.extract.dom import parse, select

    tree = parse('<html><body><p id="a">x</p><p id="b" class="x">y</p></body></html>')
    assert [el.attributes.get("id") for el in select(tree.root, selector)] == found
    assert select(tree.root, selector) is not select(tree.root, selector)   # a list of its own at each call


@pytest.mark.parametrize("title", ["Mary Johnson for Congress", "John Smith for Senate", "Tom Miller for Mayor",
                                   "Michael Brown for President", "David Jones for City Council",
                                   "Sarah Lee for Governor", "Laura King for State Assembly"])
def test_review25_a_campaign_image_title_is_no_credit(title):
    """A campaign's sign or logo ("Name for Congress") reads as "Name for Outlet": the candidate is not the image's
    photographer, nor Congress an outlet."""
    page = (f'<html><body><figure><img src="https://img.example.org/a.jpg" alt="The candidate speaks." '
            f'title="{title}"><figcaption>At the rally.</figcaption></figure><p>Story.</p></body></html>')
    assert html.scan(page)[1] == []


@pytest.mark.parametrize("page, texts", [
    ('<html><body><p><em class="c">one<p><b>two</b></em><p><em class="c"><br>three</em></body></html>',
     ["one", "two", "three"]),                          # the copy's first child a <b>, the next one's source a <br>
    ('<html><body><p><em class="c">Photo: A<p>Photo: more</em><p><em class="c">Photos: B/AP</em></body></html>',
     ["Photo: A", "Photo: more", "Photos: B/AP"]),      # the copy's text "Photo", the next one's source "Photos"
], ids=["b-br", "photo-photos"])
def test_review25_a_copy_is_not_given_the_start_tag_of_an_element_that_only_begins_like_it(page, texts):
    """`_begins_as` read a tag name or a text's head as a prefix: "<br" began as a <b>, "Photos" as "Photo", so the
    copy still took the next element's start tag and that element had none."""
    from resolver.extract import dom
    from resolver.extract.spans import SourceMap

    tree = dom.parse(page)
    smap = SourceMap(page, tree)
    quoted = [(el.text(), page[slice(*smap.span(el))]) for el in dom.select(tree, "em")]
    assert [text for text, _ in quoted] == texts
    assert quoted[1][1] == "" and quoted[2][1].startswith('<em class="c">') and quoted[2][1].endswith("</em>")


@pytest.mark.usefixtures("both_searches")
def test_what_the_raw_passes_find_after_non_ascii_text_has_its_own_spans():
    """Needles are found in the page's UTF-8 bytes and placed in its string (#14): after accents, curly quotes and
    an emoji, a post URL in page state, a data-credit and a flattened tweet's signature each span their own words."""
    from resolver import extract

    page = ('<html><body><p>Zoë’s café 😀 “quoted”</p>'
            '<figure><img src="/a.jpg" data-credit="Jane Doe/AP"></figure>'
            '<p>Words here — Ann Example (@annexample) September 12, 2022</p>'
            '<script>var s = {"u": "https:\\/\\/twitter.com\\/jane\\/status\\/1234567890123"};</script></body></html>')
    for utf8 in (None, page.encode()):
        embeds, credits = extract.find_all(page, "html", utf8=utf8)
        source = next(e for e in embeds if e.detector == "html-source")
        assert page[source.span[0]:source.span[1]] == "https:\\/\\/twitter.com\\/jane\\/status\\/1234567890123"
        signed = next(e for e in embeds if e.detector == "html-text-signature")
        assert page[signed.span[0]:signed.span[1]].startswith("<p>Words here")
        credit = next(c for c in credits if c.raw == "Jane Doe/AP")
        assert "Jane Doe/AP" in page[credit.span[0]:credit.span[1]]


@pytest.mark.parametrize("page, names", [
    ('<img ALT="x">', {"alt"}),
    ('<div\tCopyright DATA-CREDIT="Jane Doe/Getty Images">', {"copyright"}),
    ("<p data-caption='x'>", {"data-caption"}),
    ('<img alt="x"caption="y">', {"alt", "caption"}),           # a name right after a quoted value's quote
    ("<img/caption>", {"caption"}),
    ("<img\ncaption\r\n=x>", {"caption"}),
    ("<img src=x photographer", set()),                          # a tag cut off by the page's end is no element
    ("<figure><figcaption>A caption</figcaption></figure>", set()),
    ("<table><caption>x<img data-alt-text=x><img xalt=y><img =caption>", set()),
    ('<img data-caption="x">', {"data-caption"}),               # not "caption": "-" is no separator
    ("<p>A copyright notice</p></caption>", {"copyright", "caption"}),   # words and end tags may say yes, never no
    ("caption=x> <b ", set()),                                   # a name at the page's start: no tag holds it
], ids=["upper-case", "valueless", "single-quoted", "after-quote", "after-slash", "new-lines", "at-end",
        "figcaption", "tag-and-longer-names", "data-only", "words", "at-start"])
def test_the_hinted_names_a_page_may_hold_are_read_as_the_tokenizer_reads_names(page, names, both_searches):
    """A hinted attribute name is asked of lexbor only when the page may write it as an attribute (#14)."""
    from resolver.extract import html_credits
    from resolver.extract.needles import Needles

    found = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES, names=html_credits.HINTED_ATTRS)
    if both_searches == "str-find":   # without hyperscan every name is asked of lexbor: checking cost more than it spared
        names = set(html_credits.HINTED_ATTRS)
    assert {name for name in html_credits.HINTED_ATTRS if name in found.names} == names
    assert all(found.may_hold(name) for name in names) and Needles(page, ()).may_hold("caption")


# Start tags whose attribute names and class values are built from the hinted names and credit class words, in
# any case, spelled with references, quoted or not, glued or spaced every way the tokenizer reads.
VALUE_PIECES = [*html_credits.CREDIT_WORDS, *(w.upper() for w in html_credits.CREDIT_WORDS), "Credit", "cred", "it",
                "&#105;", "&#x69;", "&amp;", "&", "-", "_", " ", "\t", "\n", "\r", "x", "é", "ſ", "\x00", "'", '"', ">",
                "=", "/"]
NAMES = [*html_credits.HINTED_ATTRS, *(n.upper() for n in html_credits.HINTED_ATTRS), "class", "CLASS", "data-x", "x",
         "=", "/"]
VALUES = st.tuples(st.sampled_from(['"', "'", ""]), st.lists(st.sampled_from(VALUE_PIECES), max_size=5).map("".join)) \
    .map(lambda quoted: quoted[0] + quoted[1] + quoted[0])
ATTRIBUTES = st.tuples(st.sampled_from([" ", "\t", "\n", "\r", "\f", "/", "", '"', "'", " = ", "="]),
                       st.sampled_from(NAMES),
                       st.one_of(st.just(""),
                                 st.tuples(st.sampled_from(["=", " =", "= ", "\n=\t"]), VALUES).map("".join)))
TAGS = st.tuples(st.sampled_from(["<div", "<img", "<span", "<svg>", "<p", "<table", "<math", "<template"]),
                 st.lists(ATTRIBUTES.map("".join), max_size=4).map("".join),
                 st.sampled_from([">", "/>", " >", ""]),
                 st.sampled_from(["", "text ", "credit", "</div>", "<!--", "-->", "<script>", "</script>"]))
MARKUP_PAGES = st.lists(TAGS.map("".join), min_size=1, max_size=6).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MARKUP_PAGES)
def test_lexbor_gives_an_element_a_hinted_attribute_only_where_the_needles_say_the_page_may_hold_it(page):
    """Whatever the markup, lexbor gives no element a hinted attribute the needles say the page cannot hold:
    skipping those selectors drops nothing (#14)."""
    from resolver.extract.dom import parse, select
    from resolver.extract.needles import Needles

    tree = parse(page)
    found = Needles(page, (), names=html_credits.HINTED_ATTRS)
    if tree is None or tree.root is None:
        return
    for name in html_credits.HINTED_ATTRS:
        assert found.may_hold(name) or not select(tree.root, f"[{name}]"), name


# Every selector a scan asks only when the page may write its words (#14), with those words.
SELECTOR_PARTS = [*html.STRUCTURE_PARTS, *html.FACEBOOK_PARTS, *html.TIMELINE_PARTS,
                  *html_credits.BROAD_CANDIDATE_PARTS, *html_credits.JSONLD_PARTS]


@pytest.mark.parametrize("page, written", [
    ('<DIV Class="Photo-CREDIT">x</DIV>', {"credit"}),
    ('<div class="caption copyright">x</div>', {"caption", "copyright"}),   # words, not the hinted names
    ('<figure><FIGCAPTION>x</FIGCAPTION><Cite>y</Cite></figure>', {"<figcaption", "caption", "<cite"}),   # "caption" in "figcaption"
    ("<p>a</BR>b", {"</br"}),
    ("<p>a<br/><i>b</i>", {"<br"}),
    ('<script TYPE="application/LD+JSON">{}</script>', {"ld+json"}),
    ('<script type="application/ld&plus;json">{}</script><p>application/json</p>', {"ld&"}),
    ('<div class="FB-Post"></div><a href=/x class="twitter-TIMELINE">t</a>', {"fb-post", "twitter-timeline"}),
    ("<p>It&#8217;s &#39;quoted&#39; &#x2014; &amp; &#47; &#64; &#x2E; &#1001;</p>", set()),   # no letter or "-"
    ('<div class="&#99;redit">x</div>', "all"),        # a letter written as a reference: any word may be
    ('<div class="fb&#x2Dpost">x</div>', "all"),       # hexadecimal, no semicolon
    ('<div class="cr&#x65d;it">x</div>', set()),        # U+065D, not "e" and "d"
    ('<div class="&#0000115;ource">x</div>', "all"),   # leading zeros
    ('<div class="fb&#45;post">x</div>', "all"),       # a hyphen
    ("<p>&fjlig;</p>", "all"),                          # the one named reference that writes letters
    ("<p>No markup that any selector needs.</p>", set()),
], ids=["class-any-case", "not-names", "tag-names", "end-br", "br", "json-type", "json-type-reference", "quirks-classes", "other-references",
        "decimal-reference", "hex-reference", "longer-hex", "zeros", "hyphen", "fjlig", "none"])
def test_the_words_a_page_may_write_are_read_in_any_case_and_through_references(page, written, both_searches):
    """A selector is asked of lexbor only when the page may write one of its words (#14): in any ASCII case, and
    every word when a character reference may write a letter or a hyphen. Without hyperscan, every one."""
    from resolver.extract.needles import Needles

    found = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES, names=html_credits.HINTED_ATTRS,
                    words=html.PAGE_WORDS)
    if written == "all" or both_searches == "str-find":
        written = set(html.PAGE_WORDS)
    assert {word for word in html.PAGE_WORDS if found.may_write(word)} == written
    assert Needles(page, ()).may_write("credit")   # a word not asked about may be written
    # The words are kept apart from the hinted names: "caption" in a class is no `caption` attribute.
    names = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES, names=html_credits.HINTED_ATTRS)
    assert {name for name in html_credits.HINTED_ATTRS if found.may_hold(name)} == \
        {name for name in html_credits.HINTED_ATTRS if names.may_hold(name)}


@pytest.mark.usefixtures("both_searches")
def test_a_page_without_the_rare_words_is_not_asked_for_their_selectors(monkeypatch):
    """lexbor tests every element of a page against each selector of a list: the ones whose words the page never
    writes (a photographer class, Facebook posts, timelines, JSON-LD...) are not asked, and a page still gives
    what it holds (#14)."""
    from resolver import extract
    from resolver.extract import dom, needles

    asked: list[str] = []

    def select(node, selector):
        asked.append(selector)
        return dom.select(node, selector)

    for module in (html, html_credits):
        monkeypatch.setattr(module, "select", select)
    page = ('<html><body><figure><img src="/a.jpg"><figcaption class="wp-caption">A dog. Photo: Jane Doe/AP'
            '</figcaption></figure><blockquote class="twitter-tweet"><p>Hi</p>&mdash; Sam (@sam) '
            '<a href="https://twitter.com/sam/status/1234567890123">May 1, 2020</a></blockquote></body></html>')
    embeds, credits = extract.find_all(page, "html")
    assert [e.url for e in embeds] == ["https://twitter.com/sam/status/1234567890123"]
    assert [(c.creator, c.organization) for c in credits] == [("Jane Doe", "AP")]
    joined = " | ".join(asked)
    rare = ["photographer", "attribution", "fb-post", "twitter-timeline", "ld+json", "iframe", "figure cite", "itemprop"]
    if needles.hyperscan_module() is None:
        assert all(word in joined for word in rare)   # without hyperscan every selector is asked, as before
    else:
        assert [word for word in rare if word in joined] == []
        assert "[class*=caption i]" in joined and "figcaption" in joined and "blockquote" in joined


# Start tags built from the selectors' words and their pieces, in any case, spelled with references.
WORD_PIECES = [*html.PAGE_WORDS, *(w.upper() for w in html.PAGE_WORDS), "fb", "-post", "post", "twitter", "timeline",
               "cred", "it", "t", "capt", "on", "&#105;", "&#x69;", "&#105", "&#45;", "&#x2d", "&#0116;", "&fjlig;",
               "&amp;", "&#8217;", "&", "#", ";", " ", "x", "é", "&plus;", "&#43;", "application/", "ld", "+json", "ſ", "\u212a", "\x00", "'", '"', ">", "<", "="]
# A word with some of its characters in another case or written as references of each kind.
SPELLED = st.sampled_from([w.lstrip("</") for w in html.PAGE_WORDS]).flatmap(lambda word: st.tuples(*(
    st.sampled_from([c, c.upper(), f"&#{ord(c)};", f"&#x{ord(c):x};", f"&#X{ord(c):X};", f"&#00{ord(c)}"])
    for c in word)).map("".join))
WORD_TAGS = st.tuples(
    st.sampled_from(["<div", "<DIV", "<a href=x", "<blockquote", "<iframe", "<script", "<figure", "<figcaption",
                     "<cite", "<br", "</br", "<BR", "<i", "<p", "<svg", "<table", "<template", "<x"]),
    st.lists(st.tuples(st.sampled_from([" class=", " CLASS=", " type=", " itemprop=", " data-telegram-post=",
                                        " id=", " "]),
                       st.sampled_from(['"', "'", ""]),
                       st.lists(st.one_of(st.sampled_from(WORD_PIECES), SPELLED), max_size=5).map("".join))
             .map(lambda a: a[0] + a[1] + a[2] + a[1]), max_size=3).map("".join),
    st.sampled_from([">", "/>", " >", ""]),
    st.sampled_from(["", "text", "<i>x</i>", "</div>", "</figure>", "<!--", "-->", "<script>", "</script>"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", "<!doctype html>"]), st.lists(WORD_TAGS.map("".join), min_size=1, max_size=6).map("".join))
def test_lexbor_selects_nothing_with_a_selector_whose_words_the_needles_say_the_page_cannot_write(doctype, markup):
    """Whatever the markup (quirks mode or not), a selector the needles leave out selects nothing: leaving it out of
    the list drops no element (#14)."""
    from resolver.extract.dom import parse, select
    from resolver.extract.needles import Needles

    page = doctype + markup
    tree = parse(page)
    found = Needles(page, (), words=html.PAGE_WORDS)
    if tree is None or tree.root is None:
        return
    for selector, words in SELECTOR_PARTS:
        if words == html_credits.SOURCE_WORDS:
            continue   # "source" stands for its three words: what else it selects is asked again (the next test)
        assert found.may_write(*words) or not select(tree.root, selector), selector


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("", '<div class="_&#95;source">')   # resolution36's find: "__source" with a "_" written as a reference
@example("", '<div class="&lowbar;_source">')
@example("", '<div class="_&#x5F;source">')
@given(st.sampled_from(["", "<!doctype html>"]), st.lists(WORD_TAGS.map("".join), min_size=1, max_size=6).map("".join))
def test_the_credit_candidates_are_what_the_whole_candidate_selector_selects(doctype, markup):
    """Whatever the markup, the candidates the needles' selectors give are the elements the whole CANDIDATE_SELECTOR
    selects, in document order: "[class*=source i]", asked only when the page may write one of its three words,
    drops only elements no other selector of the list selects (#14)."""
    from resolver.extract.dom import parse, select

    page = doctype + markup
    tree = parse(page)
    if tree is None or (tree.body or tree.root) is None:
        return
    root = tree.body or tree.root
    assert [el.mem_id for el in html_credits._candidates(root, html.page_needles(page))] == \
        [el.mem_id for el in select(root, html_credits.CANDIDATE_SELECTOR)]


NEEDLE_TEXT = st.lists(st.one_of(st.sampled_from([*html.PAGE_NEEDLES, "é", "“", "😀", "写真", "\udc80", "credit", "(", "@",
                                                  ".com", "a", "CREDIT=", "Credit=", "DATA-", "İ", "\u212a", "X.COM"]),
                                 st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(NEEDLE_TEXT)
def test_needles_in_any_text_are_found_where_a_find_loop_finds_them(page):
    """Whatever characters stand between them, the needles are placed where `str.find` finds them (#14)."""
    from resolver.extract.needles import Needles

    needles = Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES)
    assert needles.starts == {needle: _starts(page, needle) for needle in html.PAGE_NEEDLES}


def _quoted_spans(page, selector):
    """(text, the source its span quotes) of every element the selector picks, in document order."""
    from resolver.extract import dom
    from resolver.extract.spans import SourceMap

    tree = dom.parse(page)
    smap = SourceMap(page, tree)
    return [(el.text(), page[slice(*smap.span(el))]) for el in dom.select(tree, selector)]


@pytest.mark.parametrize("page", [
    '<html><body><p><a class="x" href="/1">one<p>three</a><p><a class="x" href="/3">three</a></body></html>',
    '<html><body><p><em class="c">Photo: A<p>Photo: B/AP</em><p><em class="c">Photo: B/AP</em></body></html>',
    '<html><body><div><b>one</div>three</b><p><b>three</b></body></html>',
], ids=["a-in-next-paragraph", "em-credit", "b-after-closed-div"])
def test_a_copy_whose_text_equals_the_next_elements_gets_no_span(page):
    """The parser copies a formatting element left open (a misnested <a>, <em>, <b>) into the content that follows.
    When the copy's text is the next such element's, nothing in the source after that element's start tag tells
    them apart: the copy was given the next element's span and that element none (review25, #14)."""
    quoted = _quoted_spans(page, "a" if "<a " in page else "em" if "<em" in page else "b")
    assert [text for text, _ in quoted][1] == quoted[2][0]
    assert quoted[1][1] == ""   # the copy: no start tag of its own
    assert quoted[2][1].startswith(("<a class=\"x\" href=\"/3\">", '<em class="c">Photo: B/AP</em>', "<b>three</b>"))
    assert quoted[0][1].startswith(("<a class=\"x\" href=\"/1\">one", '<em class="c">Photo: A', "<b>one"))


@pytest.mark.parametrize("written, text", [
    ("&#74;ane Doe/AP", "Jane Doe/AP"), ("&#x4A;ane Doe/AP", "Jane Doe/AP"), ("Jane&#32;Doe/AP", "Jane Doe/AP"),
    ("&#80;hoto: Jane Doe", "Photo: Jane Doe"),
    ("&copy; Jane Doe", "© Jane Doe"), ("&#169; Jane Doe", "© Jane Doe"),   # the brief's examples: these held
], ids=["decimal-letter", "hex-letter", "space-in-head", "photo", "named-copy", "decimal-copy"])
def test_an_element_whose_text_begins_with_a_character_reference_keeps_its_span_beside_a_copy(written, text):
    """Where the parser copied an element of the kind (so the source has fewer start tags than the document has
    elements), each element was checked against the text after a start tag: a text whose first letters are written
    as character references did not begin as the element's, so the real element lost its span (review25, #14)."""
    page = (f'<html><body><p><em class="c">one<p>two</em><p><em class="c">{written}</em>'
            '<p>More.</p></body></html>')
    quoted = _quoted_spans(page, "em")
    assert quoted == [("one", '<em class="c">one<p>two</em>'), ("two", ""),
                      (text, f'<em class="c">{written}</em>')]


@pytest.mark.parametrize("copied, real", [("&copy; Ann Lee", "Photo: Bo Ray/AP"), ("&#169; Ann Lee", "&copy; Bo Ray/AP")],
                         ids=["named", "decimal"])
def test_a_copy_whose_text_begins_with_a_character_reference_gets_no_span(copied, real):
    """A copy whose text began with a character reference ("&copy;": its first letters told nothing) was given the
    next element's start tag, so the credit "(c) Ann Lee" quoted "Photo: Bo Ray/AP", and that one had none (#14)."""
    from html import unescape

    page = f'<html><body><p><em class="c">one<p>{copied}</em><p><em class="c">{real}</em></body></html>'
    assert _quoted_spans(page, "em") == [("one", f'<em class="c">one<p>{copied}</em>'), (unescape(copied), ""),
                                         (unescape(real), f'<em class="c">{real}</em>')]


def test_elements_the_parser_moves_out_of_a_table_keep_their_own_spans():
    """Content written inside a <table> but outside its cells is moved before the table by the parser (foster
    parenting): the document's order of a kind's elements is then not the source's, with as many of each, so
    counting paired them wrongly: each credit, and each tweet, quoted the other's source (#14)."""
    page = ('<html><body><p>Story.</p><table><tr><td><em class="photo-credit">Photo: Ann Lee/AP</em></td></tr>'
            '<em class="photo-credit">Photo: Bo Ray/AP</em></table><p>More.</p></body></html>')
    assert {c.raw: page[c.span[0]:c.span[1]] for c in html.scan(page)[1]} == {
        "Photo: Ann Lee/AP": '<em class="photo-credit">Photo: Ann Lee/AP</em>',
        "Photo: Bo Ray/AP": '<em class="photo-credit">Photo: Bo Ray/AP</em>'}
    page = ("<html><body><table><tr><td>" + _tweet("<p>First post</p>") + "</td></tr>"
            + _tweet("<p>Second post</p>", handle="bo_ex", status="1600000000000000002") + "</table></body></html>")
    spans = {e.post_id: page[e.span[0]:e.span[1]] for e in html.scan(page)[0]}
    assert spans["1600000000000000001"].startswith('<blockquote class="twitter-tweet"><p>First post')
    assert spans["1600000000000000002"].startswith('<blockquote class="twitter-tweet"><p>Second post')
    # moved out of an inner table into the outer one's cell, and out of a table beside a caption
    for page in ['<table><tr><td><table><tr><td><em class="c">A</em></td></tr><em class="c">B</em></table></td></tr>'
                 '</table>', '<table><caption><em class="c">A</em></caption><em class="c">B</em></table>']:
        assert _quoted_spans(page, "em") == [("B", '<em class="c">B</em>'), ("A", '<em class="c">A</em>')]


_MISNESTED = ["EM", "</em>", "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", '<a href="/z">', "</a>",
              "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<caption>", "</caption>", "x ",
              "EM<p>x </em>", "<div>EM</div>x ", "<table><tr><td>EM</td></tr>EM</table>"]   # a copy; a move


@hypothesis.settings(max_examples=150, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))
@hypothesis.example(   # more than three alike <em> open: told apart by their marks, the parser made them otherwise
    ["EM", "<table><tr><td>EM</td></tr>EM</table>", "<table>", "EM", "<tr>", "<td>", "x ", "EM", "</td>", "EM",
     "</tr>", "EM", "</table>", "EM", "<table>", "EM", "EM", "<table><tr><td>EM</td></tr>EM</table>", "</em>", "EM"],
    False)
@hypothesis.given(st.lists(st.sampled_from(_MISNESTED), min_size=5, max_size=50), st.booleans())
def test_every_span_given_is_the_elements_own_start_tag(tokens, many_kinds):
    """Over misnested markup (formatting elements the parser copies, tables whose stray content it moves out): each
    <em> start tag is followed by its own word tN, so an element made of start tag N has "tN" for first child, and a
    copy has not. A span given must begin at the element's own start tag; a copy gets none (#14)."""
    from resolver.extract import dom
    from resolver.extract.spans import MANY_KINDS, SourceMap

    words = iter(range(3 * len(tokens)))
    body = re.sub("EM", lambda _: f'<em class="c">t{next(words)} ', "".join(tokens))
    kinds = "".join(f'<span class="k{number}">{number}</span>' for number in range(MANY_KINDS + 2)) if many_kinds else ""
    page = f"<html><body>{kinds}{body}</body></html>"
    tree = dom.parse(page)
    smap = SourceMap(page, tree)
    for el in dom.select(tree, "span"):   # past MANY_KINDS kinds, every start tag of a name is indexed at once
        assert page[smap.span(el)[0]:].startswith(f'<span class="k{el.text()}">')
    for el in dom.select(tree, "em"):
        first = el.child
        own = re.match(r"t\d+ ", first.text_content or "") if first is not None and first.tag == "-text" else None
        start, _ = smap.span(el)
        if own is None:
            assert (start, _) == (0, 0), page
        elif (start, _) != (0, 0):
            assert start == page.index(f'<em class="c">{own.group()}'), page


# Pages for the two searches (#14): needle text, markup with hinted names in any case, non-ASCII pieces, together.
BOTH_SEARCHES_PAGES = st.lists(st.one_of(NEEDLE_TEXT, MARKUP_PAGES,
                                         st.sampled_from(["é", "İ", "\u212a", "😀", "写真", "\udc80", " DATA-CREDIT=",
                                                          ' ALT="x"', "\tCaption>"])),
                               max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOTH_SEARCHES_PAGES, st.booleans())
def test_the_search_without_hyperscan_finds_what_hyperscan_finds(page, with_utf8):
    """Where hyperscan cannot be imported, the needles are found in the string (#14): the same starts of every
    needle (`credit=` in any ASCII case), ASCII page or not, bytes given or not; every hinted name may be held."""
    from resolver.extract import needles

    pytest.importorskip("hyperscan")

    def found() -> tuple[dict[str, list[int]], frozenset[str]]:
        utf8 = page.encode("utf-8", "surrogatepass") if with_utf8 else None
        search = needles.Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES,
                                 names=html_credits.HINTED_ATTRS, utf8=utf8)
        return search.starts, search.names

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(needles, "_SMALL_LEFT", [0])   # as once a process has searched enough pages (perf35b)
        patch.setattr(needles, "hyperscan_module", lambda: None)
        without = found()
        patch.undo()
        patch.setattr(needles, "_SMALL_LEFT", [0])
        assert needles.hyperscan_module() is not None
        starts, names = found()
    # Every name may be held without hyperscan (lexbor is asked each): never fewer than hyperscan finds.
    assert starts == without[0] and names <= without[1] == frozenset(html_credits.HINTED_ATTRS)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BOTH_SEARCHES_PAGES, st.booleans())
@example("<p>&#X2D;</p>", False)                    # a hyphen's reference, its "x" in upper case
@example('<div class="&#0000115;ource">x</div>', True)
@example("<p>&FJLIG;</p><p>&#8217;</p>", False)
@example("<p>&#8217; then &#x2014; then &#99;</p>", True)   # the first numeric prefix writes no letter, a later one does
@example('alt="x"', False)                          # a name at the page's start: no tag holds it
@example("<img src=x ALT", False)                   # at its end: none either
@example("<img\tDATA-CAPTION\f=x alt/caption>", True)
@example("<img alt=\"é\"caption=1>", False)
def test_a_process_s_first_pages_are_searched_without_hyperscan_and_find_what_hyperscan_finds(page, with_utf8):
    """A process's first pages, up to SMALL_BUDGET characters in all, are searched without hyperscan (perf35b, #14:
    a one-file scan of a page of up to 100,000 characters neither imports it nor compiles its database, 6-8 ms):
    the same starts of every needle, the same hinted names the page may hold and the same words it may write (a
    reference that may write a letter: every word) as hyperscan finds, ASCII page or not, bytes given or not."""
    from resolver.extract import needles

    pytest.importorskip("hyperscan")

    def found() -> tuple[dict[str, list[int]], frozenset[str], frozenset[str]]:
        utf8 = page.encode("utf-8", "surrogatepass") if with_utf8 else None
        search = needles.Needles(page, html.PAGE_NEEDLES, caseless=html.CASELESS_NEEDLES,
                                 names=html_credits.HINTED_ATTRS, words=html.PAGE_WORDS, utf8=utf8)
        return search.starts, search.names, search.words

    assert len(page) < needles.SMALL_BUDGET
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(needles, "_SMALL_LEFT", [needles.SMALL_BUDGET])   # a new process's
        patch.setattr(needles, "hyperscan_module", lambda: pytest.fail("a first page imported hyperscan"))
        small = found()
        assert needles._SMALL_LEFT == [needles.SMALL_BUDGET - len(page)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(needles, "_SMALL_LEFT", [0])
        assert found() == small


def test_once_a_process_has_searched_its_budget_of_characters_hyperscan_searches_every_page(monkeypatch):
    """The string's search is for a process's first pages only: a page longer than what is left of SMALL_BUDGET is
    searched by hyperscan, and so is every page after it, however short (hyperscan's pass is the cheaper for a page
    of any length once its database is compiled)."""
    from resolver.extract import needles

    pytest.importorskip("hyperscan")
    small: list[int] = []
    searched = needles._found_in_small
    monkeypatch.setattr(needles, "_found_in_small", lambda page, *args, **kwargs: (small.append(len(page)),
                                                                                    searched(page, *args, **kwargs))[1])
    monkeypatch.setattr(needles, "_SMALL_LEFT", [needles.SMALL_BUDGET])
    short, long = '<img alt="x">', '<img caption="x">'.ljust(needles.SMALL_BUDGET - 20, " ")
    for page, names in ((short, {"alt"}), (long, {"caption"}), (long, {"caption"}), (short, {"alt"})):
        assert needles.Needles(page, html.PAGE_NEEDLES, names=html_credits.HINTED_ATTRS).names == names
    assert small == [len(short), len(long)] and needles._SMALL_LEFT == [0]


def test_hyperscan_that_cannot_be_imported_leaves_the_search_to_the_string(monkeypatch):
    """A platform with no hyperscan wheel (Linux aarch64 after 0.7.23) imports none: the scan still finds every
    embed and credit, an upper-case credit attribute's too (#14)."""
    import importlib.util
    import sys

    from resolver.extract import needles

    page = ('<html><body><p>Zoë’s café</p><figure><img src="/a.jpg" DATA-CREDIT="Jane Doe/AP"></figure>'
            '<p>Words here — Ann Example (@annexample) September 12, 2022</p><img ALT="Boats (Photo: Bo Ray/AP)">'
            '<script>var s = {"u": "https:\\/\\/twitter.com\\/jane\\/status\\/1234567890123"};</script></body></html>')
    expected = html.scan(page)
    monkeypatch.setitem(sys.modules, "hyperscan", None)   # `import hyperscan` raises ImportError
    needles.hyperscan_module.cache_clear()
    try:
        assert needles.hyperscan_module() is None
        assert html.scan(page) == expected
        assert {c.raw for c in expected[1]} >= {"Jane Doe/AP"} and len(expected[0]) == 2
    finally:
        monkeypatch.undo()
        needles.hyperscan_module.cache_clear()
    assert (needles.hyperscan_module() is None) == (importlib.util.find_spec("hyperscan") is None)


def _photo_bucket(name: str, caption: str, credit: str, *, enlarge: bool = True) -> str:
    """A photo as NPR marks it up: the image, a caption holding the credit, the credit again after the caption, and
    an "enlarge" copy of the photo at another size with the caption and credit a third time."""
    base = f"https://media.example.org/assets/img/2024/05/12/{name}-0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6"
    copy = (f'<div class="enlarge_measure"><div class="img_wrap"><picture><img alt="" src="{base}-s1200.jpg">'
            f'</picture></div></div><div class="enlarge_html"><div class="image_data"><p class="caption">{caption}</p>'
            f'<span class="credit" aria-label="Image credit">{credit}</span></div></div>') if enlarge else ""
    return (f'<div class="bucketwrap image large"><div class="imagewrap"><picture>'
            f'<source srcset="{base}-s400-c85.webp 400w, {base}-s800-c85.webp 800w" type="image/webp">'
            f'<img src="{base}-s1100-c50.jpg" class="img" alt="" loading="lazy"></picture>'
            f'<div class="enlarge-options"><a class="enlargelink" href="{base}-s1200.jpg">Enlarge this image</a></div>'
            f'</div><div class="credit-caption"><div class="caption-wrap"><div class="caption" aria-label="Image caption">'
            f'<p>{caption} <b class="credit" aria-label="Image credit">{credit}</b>'
            f'<b class="hide-caption"><b>hide caption</b></b></p></div><b class="toggle-caption"><b>toggle caption</b></b>'
            f'</div><span class="credit" aria-label="Image credit">{credit}</span></div>{copy}</div>')


def test_a_photos_credit_repeated_around_it_is_one_credit_tied_to_the_photo():
    """NPR prints a photo's credit three times (in the caption, after it, in the "enlarge" copy): one photo, one
    credit, tied to the photo (an image at two sizes is one photo), its other places in `also_at` (#11)."""
    page = ("<html><body><div class='storytext'>"
            + _photo_bucket("ap_1001", "Ann Example leaves court.", "Kay Example/AP") + "<p>The trial ended.</p>"
            + _photo_bucket("gettyimages-2002", "A vigil in Riverton.", "Lee Sample/Getty Images")
            + "<p>More.</p></div></body></html>")
    credits = html.scan(page)[1]
    got = [(c.creator, c.organization, c.image.rsplit("/", 1)[1][:20] if c.image else None, len(c.also_at))
           for c in credits]
    assert got == [("Kay Example", "AP", "ap_1001-0f1e2d3c4b5a", 2), ("Lee Sample", "Getty Images", "gettyimages-2002-0f1", 2)]
    for credit in credits:
        assert [page[start:end] for start, end in [credit.span, *credit.also_at]] == [
            f'<b class="credit" aria-label="Image credit">{credit.raw}</b>',
            f'<span class="credit" aria-label="Image credit">{credit.raw}</span>',
            f'<span class="credit" aria-label="Image credit">{credit.raw}</span>']
        assert credit.to_json()["also_at"] == [list(s) for s in credit.also_at]


def test_a_credit_after_a_caption_is_tied_to_the_one_photo_its_block_shows_at_two_sizes():
    """The credit's block holds the photo and its "enlarge" copy at another size: one photo, so the credit is
    tied to it (#11). A credit given once has no other places: `also_at` is []."""
    page = ("<html><body><div class='storytext'><div class='bucketwrap'>"
            "<img src='https://media.example.org/img/ap_1001-0f1e2d3c4b5a69788796-s1100-c50.jpg'>"
            "<div class='credit-caption'><p>Ann Example leaves court.</p><span class='credit'>Kay Example/AP</span></div>"
            "<img src='https://media.example.org/img/ap_1001-0f1e2d3c4b5a69788796-s1200.jpg'></div>"
            "<p>The trial ended.</p></div></body></html>")
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.image, credit.also_at) == (
        "Kay Example", "https://media.example.org/img/ap_1001-0f1e2d3c4b5a69788796-s1100-c50.jpg", ())
    assert credit.to_json()["also_at"] == []


@pytest.mark.parametrize("body", [
    # two photos by one photographer, each with its caption credit, side by side in one box
    "<div class='gallery'><figure><img src='https://img.example.org/a/riverton-vigil-0001.jpg'><figcaption>The vigil."
    " <span class='credit'>Kay Example/AP</span></figcaption></figure><figure>"
    "<img src='https://img.example.org/a/riverton-march-0002.jpg'><figcaption>The march."
    " <span class='credit'>Kay Example/AP</span></figcaption></figure></div>",
    # the same, with no figure: two photo blocks in one story box
    "<div class='story'><div class='photo'><img src='https://img.example.org/a/riverton-vigil-0001.jpg'>"
    "<div class='caption'><span class='credit'>Kay Example/AP</span></div></div><div class='photo'>"
    "<img src='https://img.example.org/a/riverton-march-0002.jpg'><div class='caption'>"
    "<span class='credit'>Kay Example/AP</span></div></div></div>",
    # a gallery's slides and thumbnails each carry the credit: the block holds several photos, nothing is merged
    "<div class='slideshow'><div class='slides'><div class='slide'><img src='https://img.example.org/a/riverton-vigil-0001.jpg'>"
    "<span class='credit'>Kay Example/AP</span></div><div class='slide'>"
    "<img src='https://img.example.org/a/riverton-march-0002.jpg'><span class='credit'>Kay Example/AP</span></div></div>"
    "<div class='thumbs'><div><img src='https://img.example.org/a/riverton-vigil-0001-150x100.jpg'>"
    "<span class='credit'>Kay Example/AP</span></div><div><img src='https://img.example.org/a/riverton-march-0002-150x100.jpg'>"
    "<span class='credit'>Kay Example/AP</span></div></div></div>",
    # two credit lines with no photo in their block: nothing says they are one photo's
    "<div class='story'><div class='credit-caption'><span class='credit'>Kay Example/AP</span></div>"
    "<p>Text.</p><div class='credit-caption'><span class='credit'>Kay Example/AP</span></div></div>",
    # two captions in one block holding two photos whose addresses are not sizes of one another
    "<div class='pair'><img src='https://img.example.org/a/vigil.jpg'><img src='https://img.example.org/a/march.jpg'>"
    "<div class='credit-caption'><span class='credit'>Kay Example/AP</span></div>"
    "<div class='credit-caption'><span class='credit'>Kay Example/AP</span></div></div>",
    # a folder every image of a site shares (Squarespace's 24-hex site id), and one file name in two folders: two
    # photos, not one (review26b)
    "<div class='row'><figure><img src='https://images.example.org/content/v1/5a1b2c3d4e5f6a7b8c9d0e1f/1601234567890-AB12"
    "/fire.jpg'><figcaption>Fire. <span class='credit'>Kay Example/AP</span></figcaption></figure><figure><img src="
    "'https://images.example.org/content/v1/5a1b2c3d4e5f6a7b8c9d0e1f/1601234599999-CD34/flood.jpg'><figcaption>Flood."
    " <span class='credit'>Kay Example/AP</span></figcaption></figure></div>",
    "<div class='row'><figure><img src='https://img.example.org/2022/09/a/photo-20220912.jpg'><figcaption>One. <span "
    "class='credit'>Kay Example/AP</span></figcaption></figure><figure><img src='https://img.example.org/2022/09/b/"
    "photo-20220912.jpg'><figcaption>Two. <span class='credit'>Kay Example/AP</span></figcaption></figure></div>",
    # two untied credits under a block whose one image is above both: the tie rule ties neither, a merge neither
    "<div class='wrap'><img src='https://img.example.org/hero/main-photo-2022.jpg'><div><p>Caption one. <span "
    "class='credit'>Kay Example/AP</span></p></div><div><p>A second photo. <span class='credit'>Kay Example/AP</span>"
    "</p></div></div>",
], ids=["two-figures", "two-photo-blocks", "gallery-slides-and-thumbnails", "no-photo", "two-photos-one-block",
        "one-hex-folder", "one-file-name-two-folders", "untied-under-a-hero"])
def test_one_photographers_credits_on_different_photos_stay_separate(body):
    """A repeated credit is merged only where its block shows one photo: two photos by one photographer are two
    credits, and none is tied to a photo it may not be of (#11)."""
    page = f"<html><body><article><p>Story.</p>{body}<p>End.</p></article></body></html>"
    credits = html.scan(page)[1]
    expected = body.count("<span class='credit'>")
    assert [(c.creator, c.organization, c.also_at) for c in credits] == [("Kay Example", "AP", ())] * expected
    if "two-photos" in body or "<div class='pair'>" in body or "hero" in body:
        assert all(c.image is None for c in credits)
    if "<figure>" in body:   # each tied to its own photo
        assert len({c.image for c in credits}) == expected


def test_an_images_credit_in_its_alt_and_its_caption_is_one_credit():
    """The alt text and the caption of one image both credit it: one photo, one credit, the caption's place in
    `also_at` (#11). The same photographer's credit on another image stays a credit of its own."""
    page = ("<html><body><article><p>Story.</p><figure><img src='https://img.example.org/2024/05/riverton-vigil-0001.jpg'"
            " alt='A vigil in Riverton. (AP Photo/Kay Example)'><figcaption>A vigil in Riverton. (AP Photo/Kay Example)"
            "</figcaption></figure><p>More.</p><figure><img src='https://img.example.org/2024/05/riverton-march-0002.jpg'"
            " alt='The march. (AP Photo/Kay Example)'><figcaption>The march. (AP Photo/Kay Example)</figcaption></figure>"
            "<p>End.</p></article></body></html>")
    from resolver.extract import find_all

    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.image.rsplit("/", 1)[1], len(c.also_at)) for c in credits] == [
        ("Kay Example", "AP", "riverton-vigil-0001.jpg", 1), ("Kay Example", "AP", "riverton-march-0002.jpg", 1)]
    assert all(page[slice(*c.also_at[0])].startswith("<figcaption>") for c in credits)


def test_credits_whose_images_are_known_only_to_a_comma_are_not_one():
    """The raw `credit=` pass reads an image's srcset to its first comma ("/cdn-cgi/image/fit=contain"): that names
    no image, so two photos' credits are not merged for it (#11)."""
    page = ("<html><body><article><p>Story.</p>"
            + "".join(f"<div><img srcset='https://img.example.org/cdn-cgi/image/fit=contain,width=800/{name}.jpg 800w'"
                      f" data-credit='Kay Example/AP'></div><p>Text.</p>" for name in ("vigil", "march"))
            + "</article></body></html>")
    from resolver.extract import find_all

    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.also_at) for c in credits] == [("Kay Example", "AP", ())] * 2


def test_two_lazy_images_with_one_stand_in_are_not_one_photo():
    """Lazy images share a stand-in src ("blank.gif") whatever photo they show: two of them in a credit's block
    are not one photo, so the credit is tied to neither (#11)."""
    page = ("<html><body><article><p>Story.</p><div class='photo'>"
            "<img src='/img/blank.gif' data-src='https://img.example.org/a/riverton-vigil-0001.jpg'>"
            "<img src='/img/blank.gif' data-src='https://img.example.org/a/riverton-march-0002.jpg'>"
            "<div class='caption'><span class='credit'>Kay Example/AP</span></div></div><p>End.</p></article></body></html>")
    [credit] = html.scan(page)[1]
    assert (credit.creator, credit.image) == ("Kay Example", None)


# A credit attribute as HTML allows it written (#11): white space around its '=', a value without quotes, in any case;
# commented-out markup is no part of the page, and a JSON-LD script's type is a MIME type, read in any case.
SPELLED_CREDIT_TAGS = [
    '<img src="/img/boats.jpg" data-credit = "Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" data-credit\t=\n"Jane Doe/Getty Images">',
    "<img src='/img/boats.jpg' DATA-CREDIT = 'Jane Doe/Getty Images'>",
    '<img src="/img/boats.jpg" credit ="Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" DATA-CREDIT=Reuters>',
    '<img src=/img/boats.jpg data-photo-credit=Reuters alt="Boats">',
    # any run of HTML's blanks before the '=' (review27b #8)
    '<img src="/img/boats.jpg" data-credit  =  "Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" data-credit\t ="Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" data-credit\r="Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" data-credit\x0c="Jane Doe/Getty Images">',
    '<img src="/img/boats.jpg" DATA-CREDIT \r\n\t \n= Reuters>',
]


@pytest.mark.parametrize("tag", SPELLED_CREDIT_TAGS, ids=["spaces", "tab-newline", "single-quotes-capitals",
                                                          "space-before", "unquoted-capitals", "unquoted-src",
                                                          "two-blanks", "tab-space", "carriage-return", "form-feed",
                                                          "mixed-run"])
@pytest.mark.usefixtures("both_searches")
def test_a_credit_attribute_spelled_as_html_allows_gives_its_credit(tag):
    page = f'<html><body><p>Boats</p><figure>{tag}</figure><p>Hi</p></body></html>'
    credits = html.scan(page)[1]
    expected = ("Jane Doe", "Getty Images") if "Jane" in tag else (None, "Reuters")
    assert [(c.creator, c.organization, c.source, c.image) for c in credits] == [(*expected, "attribute",
                                                                                  "/img/boats.jpg")]
    start, end = credits[0].span
    assert page[start:end] == tag   # the start tag as the page writes it


@pytest.mark.parametrize("hidden", [
    '<!-- <img src="/img/old.jpg" data-credit="Hidden Team/Reuters"> -->',
    '<!--<div DATA-CREDIT="Hidden Team/Reuters"></div>-->',
    '<!-- <img src="/img/old.jpg" data-credit = "Hidden Team/Reuters"> -->',
], ids=["comment", "comment-capitals", "comment-spaces"])
@pytest.mark.usefixtures("both_searches")
def test_a_credit_attribute_inside_an_html_comment_is_no_credit(hidden):
    shown = '<figure><img src="/img/boats.jpg" data-credit="Jane Doe/Getty Images"></figure>'
    for page in (f'<html><body><p>Boats</p>{hidden}<p>Hi</p></body></html>',
                 f'<html><body><p>Boats</p>{hidden}{shown}<p>Hi</p></body></html>',
                 f'<html><body><p>Boats</p>{shown}{hidden}<p>Hi</p></body></html>'):
        assert [(c.creator, c.organization) for c in html.scan(page)[1]] == (
            [("Jane Doe", "Getty Images")] if shown in page else [])


@pytest.mark.parametrize("mime", ["application/LD+JSON", "Application/Ld+Json", "APPLICATION/LD+JSON"])
def test_a_json_ld_script_whose_type_is_in_capitals_is_read_as_json_ld(mime):
    script = ('{"@type":"ImageObject","contentUrl":"https://news.example/img/boats.jpg",'
              '"creditText":"Jane Doe/Riverton Post","copyrightHolder":"Riverton Post"}')

    def page(kind: str) -> str:
        return (f'<html><head><script type="{kind}">{script}</script></head>'
                '<body><p>Boats, photo credit below.</p></body></html>')

    [expected] = html.scan(page("application/ld+json"))[1]
    assert (expected.source, expected.form, expected.organization) == ("json-ld", "json-ld (creditText; organisation from copyrightHolder)",
                                                                      "Riverton Post")
    assert html.scan(page(mime))[1] == [expected]   # same source, names, image and span


# "©" written as a character reference is the same sign (#11): "&#169; Jane Doe/Reuters" in a page's text, an alt or
# a caption gives what "© Jane Doe/Reuters" gives; the span is on the source as written (the reference in it).
COPYRIGHT_SIGN_PLACES = {
    "prose-slash": "<p>A storm hit.</p><p>{c} Jane Doe/Reuters</p>",
    "prose-photo": "<p>A storm hit.</p><p>Photo: {c} Jane Doe</p>",
    "alt": '<figure><img src="/img/harbour.jpg" alt="A storm hits the harbour. {c} Jane Doe"></figure>',
    "caption-attribute": '<div data-caption="A storm hits the harbour {c} Jane Doe/Riverton Post"></div>',
    "figcaption": '<figure><img src="/img/harbour.jpg"><figcaption>A storm. {c} Jane Doe</figcaption></figure>',
    "credit-element": '<figure><img src="/img/harbour.jpg"><span class="credit">{c} Jane Doe</span></figure>',
}


def _copyright_page(place: str, sign: str) -> str:
    return f"<html><body><p>Intro to the story.</p>{COPYRIGHT_SIGN_PLACES[place].format(c=sign)}<p>End.</p></body></html>"


def _credits_as_with(page: str, signed_page: str) -> list:
    """The page's credits, checked to name, place and tie what the page with the sign gives (some)."""
    signed = html.scan(signed_page)[1]
    assert signed
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization, c.source, c.form, c.image) for c in credits] == [
        (c.creator, c.organization, c.source, c.form, c.image) for c in signed]
    return credits


@pytest.mark.parametrize("reference", ["&#169;", "&#xA9;", "&#xa9;", "&copy;"])
@pytest.mark.parametrize("place", list(COPYRIGHT_SIGN_PLACES))
@pytest.mark.usefixtures("both_searches")
def test_a_copyright_sign_written_as_a_reference_credits_as_the_sign_does(place, reference):
    def page(sign: str) -> str:
        return _copyright_page(place, sign)

    credits = _credits_as_with(page(reference), page("©"))
    for credit in credits:   # every reference used is six characters long: the spans are the same on each page
        start, end = credit.span
        assert reference in page(reference)[start:end] or page(reference)[start:end] == page("©")[start:end]
        assert credit.span == html.scan(page("&#169;"))[1][credits.index(credit)].span


# Every way HTML writes U+00A9 is the sign (review27b #8): decimal or hex (x or X, either case) with leading zeros,
# with or without its ';', and `&COPY;`. Each page credits as the one with "©" does, its spans on the source as written.
@pytest.mark.parametrize("reference", ["&#0169;", "&#00169;", "&#XA9;", "&#Xa9;", "&#x00a9;", "&#X00A9;", "&#169",
                                       "&COPY;", "&COPY"])
@pytest.mark.parametrize("place", list(COPYRIGHT_SIGN_PLACES))
@pytest.mark.usefixtures("both_searches")
def test_every_spelling_of_the_copyright_sign_credits_as_the_sign_does(place, reference):
    base = _copyright_page(place, "&#169;")
    credits = _credits_as_with(_copyright_page(place, reference), base)
    for credit, same in zip(credits, html.scan(base)[1]):
        grown = len(reference) - len("&#169;") if "&#169;" in base[same.span[0]:same.span[1]] else 0
        assert credit.span == (same.span[0], same.span[1] + grown)


@pytest.mark.parametrize("reference", ["&#0169;", "&#XA9;", "&#x00a9;", "&COPY;"])
@pytest.mark.usefixtures("both_searches")
def test_a_page_whose_only_credit_sign_is_a_reference_is_read(reference):
    page = f'<html><body><p>x</p><img src="https://cdn.example/a/p.jpg" alt="A dog {reference} Jane Roe"></body></html>'
    assert html.has_markers(page)
    assert [(c.creator, c.image) for c in html.scan(page)[1]] == [("Jane Roe", "https://cdn.example/a/p.jpg")]


# A credit element left open (common CMS output) is closed by the parser at the block's end: one credit, its span
# the element as the parser reads it, start tag to its words (review26b #9: its span held only the start tag, and
# the prose pass read the words after it as a second credit).
UNCLOSED_CREDITS = {
    "div-closes": '<div class="caption"><span class="credit">Photo: Ann Quux/AP</div><p>The story goes on.</p>',
    "figcaption": '<figure><img src="/img/pic-20220101xyz.jpg"><figcaption><span class="credit">Photo: Ann Quux/AP'
                  '</figcaption></figure><p>The story goes on.</p>',
    "table-caption": '<table><caption><span class="credit">Photo: Ann Quux/AP</caption><tr><td>Rain</td></tr></table>',
    "paragraph": '<p><span class="credit">Photo: Ann Quux/AP</p><p>The story goes on <span>here</span>.</p>',
    "nested-words": '<div><span class="photo-credit">Photo: <b>Ann Quux</b>/AP</div><p>The story goes on.</p>',
}


@pytest.mark.parametrize("shape", list(UNCLOSED_CREDITS))
def test_a_credit_element_left_unclosed_is_one_credit_spanning_its_words(shape):
    page = f"<html><body><p>Rain fell.</p>{UNCLOSED_CREDITS[shape]}</body></html>"
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization, c.source) for c in credits] == [("Ann Quux", "AP", "caption")]
    start, end = credits[0].span
    assert page[start:].startswith("<span class=") and page[start:end].endswith("/AP")
    assert credits[0].image == ("/img/pic-20220101xyz.jpg" if shape == "figcaption" else None)


# One photo at two widths in two size folders (the Globe and Mail's `.../ALTERNATES/w220/web-dip29nw1.JPG` and its
# spotlight copy `.../w620/...`, each path behind its own three-character CDN hash) is one photo (#11); a folder a
# site shares, one file name in unrelated folders, or folders differing in more than a size are not (review26b).
GLOBE = "http://static.example.ca/{shard}/multimedia/in-photos/article22232497.ece/ALTERNATES/{size}/web-dip29nw1.JPG"


@pytest.mark.parametrize("a, b, same", [
    (GLOBE.format(shard="4e8", size="w220"), GLOBE.format(shard="078", size="w620"), True),
    (GLOBE.format(shard="4e8", size="w220"), GLOBE.format(shard="4e8", size="w620"), True),
    ("https://img.example.org/news/620x349/riverton-vigil.jpg", "https://img.example.org/news/1200x675/riverton-vigil.jpg",
     True),
    ("https://img.example.org/news/1200w/riverton-vigil.jpg", "https://img.example.org/news/600w/riverton-vigil.jpg", True),
    ("https://img.example.org/resize-620/riverton-vigil.jpg", "https://img.example.org/resize-1200/riverton-vigil.jpg",
     True),
    ("https://img.example.org/c_fill,w_620/riverton-vigil.jpg", "https://img.example.org/c_fill,w_1200/riverton-vigil.jpg",
     True),
    # a shared site folder, two files; one file name in two unrelated folders; a size and another folder differ;
    # a CDN hash alone differing; two galleries' years; the file names differ
    ("https://images.example.org/content/v1/5a1b2c3d4e5f6a7b8c9d0e1f/w220/fire.jpg",
     "https://images.example.org/content/v1/5a1b2c3d4e5f6a7b8c9d0e1f/w620/flood.jpg", False),
    ("https://img.example.org/2022/09/a/photo-20220912.jpg", "https://img.example.org/2022/09/b/photo-20220912.jpg",
     False),
    ("https://img.example.org/a/w220/photo-20220912.jpg", "https://img.example.org/b/w620/photo-20220912.jpg", False),
    (GLOBE.format(shard="4e8", size="w220"), GLOBE.format(shard="078", size="w220").replace("multimedia", "sports"),
     False),
    (GLOBE.format(shard="4e8", size="w220"), GLOBE.format(shard="078", size="w220"), False),
    ("https://img.example.org/2021/w220/photo.jpg", "https://img.example.org/2022/w620/photo.jpg", False),
    ("https://img.example.org/news/w220/riverton-vigil.jpg", "https://img.example.org/news/large/riverton-vigil.jpg",
     False),
    ("https://img.example.org/news/w220/", "https://img.example.org/news/w620/", False),
    # one server whatever the scheme, the host's case or a "www." (review27b #3)...
    ("http://img.example.org/news/w220/vigil.jpg", "https://IMG.example.org/news/w620/vigil.jpg", True),
    ("//img.example.org/news/w220/vigil.jpg", "https://img.example.org/news/w620/vigil.jpg", True),
    ("https://www.example.org/news/w220/vigil.jpg", "https://example.org/news/w620/vigil.jpg", True),
    ("/news/w220/vigil.jpg", "/news/w620/vigil.jpg", True),
    # ...but two hosts, or a host and the page's own (a relative address), are two servers' files; a hex-looking
    # word is no CDN hash; a video codec is no size
    ("https://img.site-a.example/photos/w620/photo.jpg", "https://cdn.partner-b.example/photos/w1200/photo.jpg", False),
    ("https://img.site-a.example:8443/photos/w620/photo.jpg", "https://img.site-a.example/photos/w1200/photo.jpg",
     False),
    ("/photos/w620/photo.jpg", "https://img.site-a.example/photos/w1200/photo.jpg", False),
    ("https://cdn.example/bad/w620/1.jpg", "https://cdn.example/fed/w1200/1.jpg", False),
    ("https://cdn.example/ace/photos/w620/1.jpg", "https://cdn.example/4e8/photos/w1200/1.jpg", False),
    ("https://cdn.example/h264/poster.jpg", "https://cdn.example/h265/poster.jpg", False),
    ("https://cdn.example/clips/h264/w620/poster.jpg", "https://cdn.example/clips/h265/w1200/poster.jpg", False),
], ids=["globe-shards", "globe", "widthxheight", "1200w", "resize", "transform", "shared-site-folder",
        "one-name-two-folders", "size-and-another-folder", "another-section", "hash-alone", "years", "size-word",
        "no-file", "schemes-host-case", "protocol-relative", "www", "both-relative", "two-hosts", "two-ports",
        "relative-and-host", "hex-words", "hex-word-and-hash", "codecs", "codecs-and-sizes"])
def test_one_photo_in_two_size_folders_is_one_photo(a, b, same):
    assert html_credits._same_photo(a, b) is same
    assert html_credits._same_photo(b, a) is same


def test_the_globe_and_mails_photo_and_its_spotlight_copy_are_one_credit():
    """The photo's alt, its caption and the larger copy's alt credit one photo: one credit, the others in `also_at`."""
    alt = 'alt="A diver searches the sea. (Kay Example/AFP/Getty Images)"'
    page = (f'<html><body><article><p>Story.</p><figure><img src="{GLOBE.format(shard="4e8", size="w220")}" {alt}>'
            '<figcaption>A diver searches the sea. (Kay Example/AFP/Getty Images)</figcaption></figure><p>More.</p>'
            f'<div class="spotlight"><img src="{GLOBE.format(shard="078", size="w620")}" {alt}></div>'
            '<p>End.</p></article></body></html>')
    from resolver.extract import find_all

    [credit] = find_all(page, "html")[1]
    assert (credit.creator, credit.organization, credit.image) == (
        "Kay Example", "AFP/Getty Images", GLOBE.format(shard="4e8", size="w220"))
    assert [page[start:end][:12] for start, end in credit.also_at] == ["<figcaption>", '<img src="ht']


# Two photos with one file name on two servers, or behind hex-looking words, are two photos: each keeps its own
# credit, also when the credits name one agency in two ways (review27b #3: the second was only in `also_at`).
TWO_SERVERS_PAGE = ('<html><body><figure><img src="https://img.site-a.example/photos/w620/photo.jpg"><figcaption>A flood'
                    ' in Lyon. ({one})</figcaption></figure><p>Text.</p><figure><img src="{second}"><figcaption>A fire in'
                    ' Porto. ({two})</figcaption></figure></body></html>')


@pytest.mark.parametrize("second, one, two", [
    ("https://cdn.partner-b.example/photos/w1200/photo.jpg", "Reuters", "Reuters"),
    ("https://cdn.partner-b.example/photos/w1200/photo.jpg", "AP Photo", "Associated Press"),
    ("https://img.site-a.example/bad/w1200/photo.jpg", "Reuters", "Reuters"),
], ids=["two-hosts", "two-hosts-agency-names", "hex-word"])
def test_one_file_name_on_two_photos_is_two_credits(second, one, two):
    from resolver.extract import find_all

    page = TWO_SERVERS_PAGE.format(one=one, two=two, second=second)
    if "bad" in second:
        page = page.replace("/photos/w620/", "/fed/w620/")
    credits = find_all(page, "html")[1]
    assert [(c.image, c.also_at) for c in credits] == [
        (page.split('src="')[1].split('"')[0], ()), (second, ())]
    assert [page[start:end] for start, end in (c.span for c in credits)] == [
        f"<figcaption>A flood in Lyon. ({one})</figcaption>", f"<figcaption>A fire in Porto. ({two})</figcaption>"]


def test_a_pictures_source_linked_in_an_articles_about_note_is_a_credit():
    """Upworthy's "About" note links the picture's word and the source's name: "<a>Infographic</a> source,
    <a>QuuxScience</a>." is one credit, its span from the word to the name, beside the note's Flickr credit (#11)."""
    page = ('<html><body><article id="content"><p>The story.</p><footer id="meta-data"><div id="attribution"><dl>'
            '<dt>About:</dt><dd><p><a href="https://video.example/watch?v=1">Video</a> from the <a href="http://riverton'
            '.example/">Riverton Center</a>, based on reporting by Kay Example and Lee Sample. <a href="http://www.'
            'quuxscience.example/2145-fruit.html">Infographic</a> source, <a href="http://www.quuxscience.example/">'
            'QuuxScience</a>. Thumbnail <a href="https://www.flickr.com/photos/annex/1/">image</a> by Flickr user '
            '<a href="https://www.flickr.com/photos/annex/">ann.ex</a> used under a Creative Commons license.</p></dd>'
            '</dl></div></footer></article></body></html>')
    credits = html.scan(page)[1]
    assert [(c.creator, c.organization, c.form) for c in credits] == [
        (None, "QuuxScience", "picture-source"), ("ann.ex", "Flickr", "flickr-user")]
    start, end = credits[0].span
    assert page[start:end] == 'Infographic</a> source, <a href="http://www.quuxscience.example/">QuuxScience'
    assert credits[1].span[0] >= end


# One agency under two of its names on one photo (Chron: the alt's "Photo: Kay Example, STF / Associated Press", the
# caption's "(AP Photo/Kay Example)") is one credit, the other wording's place in `also_at` (#11). Two agencies, or
# one agency's names on two photos, stay apart.
def _agency_figure(image: str, alt: str, caption: str) -> str:
    return f"<figure><img src='https://img.example.org/photos/{image}/920x920.jpg' alt='{alt}'><figcaption>{caption}</figcaption></figure>"


@pytest.mark.parametrize("figures, expected", [
    ([("18635622", "Photo: Kay Example, STF / Associated Press", "Car lots fill up. (AP Photo/Kay Example)")],
     [("Kay Example", "Associated Press", 1)]),
    ([("18635622", "Photo: Kay Example / Agence France-Presse", "Car lots fill up. (Kay Example/AFP)")],
     [("Kay Example", "Agence France-Presse", 1)]),
    ([("18635622", "Photo: Kay Example / The Associated Press", "Car lots fill up. (AP Photo/Kay Example)")],
     [("Kay Example", "The Associated Press", 1)]),
    # two agencies on one photo; one agency's two names on two photos
    ([("18635622", "Photo: Kay Example / Associated Press", "Car lots fill up. (Kay Example/AFP)")],
     [("Kay Example", "Associated Press", 0), ("Kay Example", "AFP", 0)]),
    ([("18635622", "Photo: Kay Example / Associated Press", "Car lots fill up."),
      ("18635699", "Car lots empty.", "Car lots empty. (AP Photo/Kay Example)")],
     [("Kay Example", "Associated Press", 0), ("Kay Example", "AP", 0)]),
], ids=["ap", "afp", "the-ap", "two-agencies", "two-photos"])
def test_one_agency_under_two_names_on_one_photo_is_one_credit(figures, expected):
    from resolver.extract import find_all

    page = ("<html><body><article><p>Story.</p>" + "<p>More.</p>".join(_agency_figure(*f) for f in figures)
            + "<p>End.</p></article></body></html>")
    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, len(c.also_at)) for c in credits] == expected
    for credit in credits:
        assert all(page[start:end].startswith("<figcaption>") for start, end in credit.also_at)


# One agency's two names are one credit only between credits each tied to the photo: a credit tied to none, merged
# through the block around both, keeps its own record when it names the agency otherwise (review27b #3); written
# the same, it is merged as before.
DEEP_CREDIT_PAGE = ("<html><body><article><p>Story.</p><div class='media'><figure><img src='https://img.example.org/"
                    "photos/1/pic.jpg'><figcaption>Boats. (AP Photo/Kay Example)</figcaption></figure><div class='a'>"
                    "<div class='b'><div class='c'><span class='credit'>Kay Example/{org}</span></div></div></div></div>"
                    "<p>End.</p></article></body></html>")


@pytest.mark.parametrize("org, expected", [
    ("AP", [("Kay Example", "AP", "https://img.example.org/photos/1/pic.jpg", 1)]),
    ("Associated Press", [("Kay Example", "AP", "https://img.example.org/photos/1/pic.jpg", 0),
                          ("Kay Example", "Associated Press", None, 0)]),
], ids=["same-name", "agency-names"])
def test_an_agencys_other_name_on_an_untied_credit_is_not_merged(org, expected):
    from resolver.extract import find_all

    page = DEEP_CREDIT_PAGE.format(org=org)
    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.image, len(c.also_at)) for c in credits] == expected
    for credit in credits:
        assert all(page[start:end].startswith("<span class='credit'>") for start, end in credit.also_at)


@pytest.mark.parametrize("a, b, same", [
    ("AP", "Associated Press", True), ("The Associated Press", "AP", True), ("AFP", "Agence France-Presse", True),
    ("AFP/Getty Images", "Agence France-Presse/Getty Images", True), ("UPI", "United Press International", True),
    ("dpa", "Deutsche Presse-Agentur", True), ("AP", "AFP", False), ("Associated Press", "Reuters", False),
    ("AP", "Getty Images", False), ("Associated Press Television", "AP", False), (None, "AP", False),
])
def test_an_agencys_names_are_one_agency(a, b, same):
    from resolver.extract.credit_names import agency_key

    assert (agency_key(a) == agency_key(b)) is same


@pytest.mark.parametrize("tag", [
    '<img @click="show(\'credit=Evil Corp\')" src="/img/boats.jpg" alt="Boats in the harbour">',
    '<img [attr.x]="a credit=Evil" src="/img/boats.jpg" alt="Boats in the harbour">',
    '<img v-on:load="data-credit = Evil" src="/img/boats.jpg" alt="Boats in the harbour">',
], ids=["vue-event", "angular-binding", "spaced-in-a-value"])
@pytest.mark.usefixtures("both_searches")
def test_credit_words_inside_another_attributes_value_are_no_credit(tag):
    """An unquoted value is read as HTML reads one (#11), so the words inside another attribute's quoted value,
    whatever its name, are never taken for an attribute of their own."""
    page = f'<html><body><p>Boats</p><figure>{tag}</figure><p>Hi</p></body></html>'
    assert html.scan(page)[1] == []


TWO_PHOTOS = ('<html><body><article><p>Story.</p><figure><img src="https://news.example/img/L4a.jpg" alt="a">'
              '<img src="https://news.example/img/L4b.jpg" alt="b"><figcaption>{}</figcaption></figure>'
              '<p>End.</p></article></body></html>')


@pytest.mark.parametrize("caption", [
    "Left Image: Dan Four/Getty Images, Right Image: Eve Five/EPA",
    "Left: Dan Four/Getty Images; right: Eve Five/EPA",
    "Dan Four/Getty Images (left); Eve Five/EPA (right)",
    "Top: Dan Four/Getty Images; Bottom: Eve Five/EPA",
    "Two views. Photos: Dan Four/Getty Images (left), Eve Five/EPA (right)",
], ids=["left-image-right-image", "left-right", "bracketed-after", "top-bottom", "bracketed-after-with-comma"])
def test_a_caption_crediting_two_photos_by_place_ties_each_credit_to_the_photo_in_that_place(caption):
    """newuser27 finding 2: both credits were tied to the first photo, so the report weighed Eve Five's credit
    against Dan Four's file."""
    credits = extract.find_all(TWO_PHOTOS.format(caption), "html")[1]
    assert [(c.creator, c.organization, c.image) for c in credits] == [
        ("Dan Four", "Getty Images", "https://news.example/img/L4a.jpg"),
        ("Eve Five", "EPA", "https://news.example/img/L4b.jpg")]


@pytest.mark.parametrize("caption, expected", [
    ("Two views. Photo: Dan Four/Getty Images", [("Dan Four", None)]),
    ("Above: Dan Four/Getty Images; Inset: Eve Five/EPA", [("Dan Four", None), ("Eve Five", None)]),
    ("Left: Dan Four/Getty Images; Center: Eve Five/EPA", [("Dan Four", None), ("Eve Five", None)]),
], ids=["no-place-word", "places-that-name-no-one-of-two", "a-third-place"])
def test_a_credit_whose_photo_among_several_cannot_be_told_is_tied_to_none(caption, expected):
    """One credit under two photos, or a place two images side by side cannot be matched to, was tied to the first
    photo: a wrong photo named. It is tied to none (nothing says which photo it is of)."""
    credits = extract.find_all(TWO_PHOTOS.format(caption), "html")[1]
    assert [(c.creator, c.image) for c in credits] == expected


def test_a_placed_credit_under_three_photos_is_tied_to_none():
    page = TWO_PHOTOS.replace('<figcaption>', '<img src="https://news.example/img/L4c.jpg"><figcaption>').format(
        "Left: Dan Four/Getty Images; right: Eve Five/EPA")
    assert [c.image for c in extract.find_all(page, "html")[1]] == [None, None]


def test_a_caption_under_a_lazy_image_and_its_noscript_copy_is_tied_to_the_photo_not_its_stand_in():
    """The Seattle Times' figure: a lazy img whose src is the site's stand-in, then the photo in <noscript>. The
    caption's credit was tied to the stand-in (the figure's first address)."""
    page = ('<html><body><article><p>Story.</p><figure><img class="lazy" src="https://news.example/img/lazy-loading.png"'
            ' data-src="https://news.example/img/hall-1020x680.jpg"><noscript><img src="https://news.example/img/'
            'hall-1020x680.jpg"></noscript><figcaption>The hall. (Ann Example / The Riverton Times)</figcaption>'
            '</figure><p>End.</p></article></body></html>')
    assert [c.image for c in extract.find_all(page, "html")[1]] == ["https://news.example/img/hall-1020x680.jpg"]


@pytest.mark.parametrize("body, image", [
    ('<div class="photo"><img src="https://news.example/img/L1.jpg" alt="one"></div>\n'
     '<p class="caption">The first photo. Photo: Ann One/Reuters</p>', "https://news.example/img/L1.jpg"),
    ('<div class="photo"><picture><source srcset="https://news.example/img/L1.webp"><img src="https://news.example/img'
     '/L1.jpg"></picture></div><div class="caption">The first photo. Photo: Ann One/Reuters</div>',
     "https://news.example/img/L1.jpg"),
    ('<p><img src="https://news.example/img/L6.jpg" alt="six"><br><em>Six. Photo: Ann One/Reuters</em></p>',
     "https://news.example/img/L6.jpg"),
    # not tied: words beside the image in the block before, two photos there, or no image right before
    ('<div class="photo"><img src="https://news.example/img/L1.jpg">A word.</div><p class="caption">Photo: Ann '
     'One/Reuters</p>', None),
    ('<div class="photo"><img src="https://news.example/img/L1.jpg"><img src="https://news.example/img/L2.jpg"></div>'
     '<p class="caption">Photo: Ann One/Reuters</p>', None),
    ('<div class="photo"><img src="https://news.example/img/L1.jpg"></div><p>Words.</p><p class="caption">Photo: Ann '
     'One/Reuters</p>', None),
], ids=["caption-after-photo-div", "caption-after-picture", "em-under-image-and-br", "words-beside-the-image",
        "two-photos-before", "paragraph-between"])
def test_a_caption_right_after_its_photos_block_is_tied_to_that_photo(body, image):
    """newuser27 finding 9: a <p class="caption"> right after its photo's <div class="photo"><img></div>, and an
    <em> under an <img> and a <br> (as the <i> there), were found with no image, so the image-metadata check was
    skipped."""
    page = f'<html><body><article><p>Story.</p>{body}<p>End.</p></article></body></html>'
    assert [(c.creator, c.image) for c in extract.find_all(page, "html")[1]] == [("Ann One", image)]


def test_a_caption_after_an_image_that_credits_itself_is_not_tied_to_it():
    page = ('<html><body><article><div class="media"><img src="https://news.example/img/L1.jpg" data-credit="Dee '
            'Fiction/River Agency"></div><p class="caption">Crowds. REUTERS/Eve Example</p></article></body></html>')
    assert [(c.creator, c.image) for c in extract.find_all(page, "html")[1]] == [
        ("Dee Fiction", "https://news.example/img/L1.jpg"), ("Eve Example", None)]


INNER_QUOTE = ('<blockquote class="twitter-tweet"><p lang="en">The bridge reopens Monday.</p>&mdash; City Desk (@citydesk) '
               '<a href="https://twitter.com/citydesk/status/1600000000000000002">December 5, 2022</a></blockquote>')
OUTER_SIGNATURE = ('&mdash; Ann Example (@ann_ex) <a href="https://twitter.com/ann_ex/status/1600000000000000001">'
                   'December 6, 2022</a>')


@pytest.mark.parametrize("outer", [
    f'<p lang="en">Finally! {INNER_QUOTE}</p>{OUTER_SIGNATURE}',
    f'<p lang="en">Finally!</p>{INNER_QUOTE}{OUTER_SIGNATURE}',
    f'<p lang="en">Finally!</p><div class="quoted">{INNER_QUOTE}</div><p>{OUTER_SIGNATURE}</p>',
], ids=["inside-the-words-paragraph", "between-words-and-signature", "in-a-box-signature-in-a-paragraph"])
def test_a_quoted_tweets_blockquote_inside_another_keeps_its_words(outer):
    """A CMS nests the quoted tweet's embed code inside the quoting tweet's blockquote: the outer tweet's text took
    the inner's words ("Finally!\nThe bridge reopens Monday."), so a check of the outer quote failed and the
    quoted post was lost. The inner blockquote is its own embed, with its own words, id and date (#10)."""
    page = f'<html><body><blockquote class="twitter-tweet">{outer}</blockquote></body></html>'
    outer_embed, inner_embed = html.scan(page)[0]
    assert (outer_embed.post_id, outer_embed.author_handle, outer_embed.date) == (
        "1600000000000000001", "ann_ex", "2022-12-06")
    assert (outer_embed.text, outer_embed.text_confidence) == ("Finally!", "high")
    assert (inner_embed.post_id, inner_embed.author_handle, inner_embed.date) == (
        "1600000000000000002", "citydesk", "2022-12-05")
    assert (inner_embed.text, inner_embed.text_confidence) == ("The bridge reopens Monday.", "high")
    assert outer_embed.span[0] < inner_embed.span[0] < inner_embed.span[1] < outer_embed.span[1]
    assert page[inner_embed.span[0]:inner_embed.span[1]] == INNER_QUOTE


SELF_QUOTED = "https://twitter.com/ann_ex/status/1600000000000000002"


@pytest.mark.parametrize("body", [
    f'<p lang="en">As I said yesterday: <a href="{SELF_QUOTED}">https://t.co/Ab12Cd34Ef</a></p>',
    f'<p lang="en">As I said yesterday: <a href="{SELF_QUOTED.replace("twitter.com", "x.com")}">'
    'x.com/ann_ex/status/1…</a></p>',
    f'<p lang="en">As I said yesterday:</p><blockquote class="twitter-tweet"><p lang="en">The bridge reopens Monday.'
    f'</p>&mdash; Ann Example (@ann_ex) <a href="{SELF_QUOTED}">December 5, 2022</a></blockquote>',
], ids=["t.co-words", "x.com-words", "nested-embed-code"])
@pytest.mark.parametrize("signature", ["&mdash; Ann Example (@ann_ex) December 6, 2022",
                                       "Ann Example (@ann_ex) December 6, 2022"], ids=["dash", "no-dash"])
def test_a_self_quote_with_no_date_link_takes_no_id_from_the_post_it_quotes(body, signature):
    """An account quoting its own earlier post, its date plain text: the outer embed took the older post's id
    (its link in the words is the account's own, as a /photo/1 link is), and with the nested embed code also its
    date. The outer post's id comes from its own date link; with none, it has no id rather than a wrong one."""
    page = f'<html><body><blockquote class="twitter-tweet">{body}{signature}</blockquote></body></html>'
    outer = html.scan(page)[0][0]
    assert (outer.post_id, outer.url, outer.author_handle) == (None, "https://twitter.com/ann_ex", "ann_ex")
    assert outer.text.startswith("As I said yesterday:") and "reopens" not in outer.text


@pytest.mark.parametrize("words", ["View post on X 2", "View post on X (2)", "Voir la publication sur X 3",
                                   "Read 25 replies", "Read 2,025 replies", "12 Reposts", "Loading 2"])
def test_link_words_with_a_number_are_no_date(words):
    """X's minimal embed code's link numbered by a CMS ("View post on X 2" for a second embed) was taken as the date
    link's words: any digit made words a date (#10). A date has its day and its year."""
    page = (f'<html><body><blockquote class="twitter-tweet"><a href="https://x.com/ann_ex/status/1600000000000000001">'
            f'{words}</a></blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.post_id, embed.author_handle, embed.date_text, embed.date) == (
        "1600000000000000001", "ann_ex", None, None)


@pytest.mark.parametrize("words,date", [("December 6, 2022", "2022-12-06"), ("6 déc. 2022", "2022-12-06"),
                                        ("2022年12月6日", "2022-12-06"), ("6 Δεκ 2022", None),
                                        ("٦ ديسمبر ٢٠٢٢", "2022-12-06"), ("6 ธ.ค. 2565", "2022-12-06")],
                         ids=["en", "fr", "ja", "el-unread-month", "ar-digits", "th-buddhist-year"])
def test_a_date_link_in_any_language_is_still_the_date(words, date):
    page = (f'<html><body><blockquote class="twitter-tweet"><p>Road open.</p>&mdash; Ann Example (@ann_ex) <a href="'
            f'https://twitter.com/ann_ex/status/1600000000000000001">{words}</a></blockquote></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.date_text, embed.date, embed.text) == (words, date, "Road open.")


@pytest.mark.parametrize("a, b, same", [
    ("https://img.site-a.example/photos/photo.jpg", "https://cdn.partner-b.example/photos/photo.jpg", False),
    ("https://img.site-a.example/photos/photo-1024x683.jpg", "https://cdn.partner-b.example/photos/photo.jpg", False),
    ("https://img.site-a.example:8443/photos/photo.jpg", "https://img.site-a.example/photos/photo.jpg", False),
    ("/photos/photo.jpg", "https://img.site-a.example/photos/photo.jpg", False),
    # one server however written: scheme, case, "www.", and one photo at another size
    ("http://IMG.site-a.example/photos/photo.jpg", "https://img.site-a.example/photos/photo-1024x683.jpg", True),
    ("https://www.site-a.example/photos/photo.jpg?w=620", "//site-a.example/photos/photo.jpg", True),
], ids=["two-hosts", "two-hosts-sized", "two-ports", "relative-and-host", "one-host-sized", "www-and-query"])
def test_one_path_on_two_hosts_is_two_photos(a, b, same):
    """#10: `photo_key` left the host out, so two sites' photos at one path were one photo, and one agency's credits
    on them were merged."""
    assert html_credits._same_photo(a, b) is same
    assert html_credits._same_photo(b, a) is same


def test_credits_on_one_path_on_two_hosts_stay_two():
    from resolver.extract.script_credits import photo_key

    second = "https://cdn.partner-b.example/photos/photo.jpg"
    page = TWO_SERVERS_PAGE.format(one="Reuters", two="Reuters", second=second).replace("/photos/w620/", "/photos/")
    credits = extract.find_all(page, "html")[1]
    assert [(c.image, c.also_at) for c in credits] == [("https://img.site-a.example/photos/photo.jpg", ()), (second, ())]
    assert photo_key("https://img.site-a.example/photos/photo.jpg") != photo_key(second)


@pytest.mark.parametrize("css", ["CR&#X45;DIT", "cr&#101;dit", "photo-cr&#x65;dit", "image-&#99;redit",
                                 "cr&#101dit"], ids=["hex-capital-x", "decimal", "hex", "first-letter", "no-semicolon"])
@pytest.mark.usefixtures("both_searches")
def test_a_credit_class_written_with_references_is_a_credit_class(css):
    """#10: HTML reads references in an attribute's value, so class="CR&#X45;DIT" is the class "CREDIT"; a page
    whose only credit word was so written was not even parsed."""
    page = (f'<html><body><article><p>Story.</p><div><img src="https://news.example/img/a.jpg"><span class="{css}">'
            'Jane Roe</span></div><p>End.</p></article></body></html>')
    credits = extract.find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.form, c.image) for c in credits] == [
        ("Jane Roe", None, "css-class", "https://news.example/img/a.jpg")]


# A credit element of its own (not the caption's words) under two photos, crediting each by its place (#10).
TWO_PHOTOS_CREDIT_ELEMENT = ('<html><body><article><p>Story.</p><div class="media"><div class="photos"><img src="https://'
                             'news.example/img/L4a.jpg" alt="a"><img src="https://news.example/img/L4b.jpg" alt="b"></div>'
                             '<div class="image-credit">{}</div></div><p>End.</p></article></body></html>')
TWO_PHOTOS_IN_FIGURE = ('<html><body><article><p>Story.</p><figure><img src="https://news.example/img/L4a.jpg" alt="a">'
                        '<img src="https://news.example/img/L4b.jpg" alt="b"><figcaption>Two views. <span class="credit">'
                        '{}</span></figcaption></figure><p>End.</p></article></body></html>')
L4A, L4B = "https://news.example/img/L4a.jpg", "https://news.example/img/L4b.jpg"


@pytest.mark.parametrize("page", [TWO_PHOTOS_CREDIT_ELEMENT, TWO_PHOTOS_IN_FIGURE], ids=["beside", "in-caption"])
@pytest.mark.parametrize("words, expected", [
    ("Left Image: Jane Roe/Riverton Agency; Right Image: Ben Sample/Reuters",
     [("Jane Roe", "Riverton Agency", L4A), ("Ben Sample", "Reuters", L4B)]),
    ("Left photo: Jane Roe/AFP, Right photo: Ben Sample/Reuters",
     [("Jane Roe", "AFP", L4A), ("Ben Sample", "Reuters", L4B)]),
    ("Left Image: Jane Roe", [("Jane Roe", None, L4A)]),
    ("Right photo: Riverton Weather Service", [(None, "Riverton Weather Service", L4B)]),
    ("Top: Jane Roe/AFP; Bottom: Ben Sample/Reuters", [("Jane Roe", "AFP", L4A), ("Ben Sample", "Reuters", L4B)]),
    ("Jane Roe/AFP (left); Ben Sample/Reuters (right)", [("Jane Roe", "AFP", L4A), ("Ben Sample", "Reuters", L4B)]),
    # places that do not tell one of two pictures from the other: tied to none, never both to one
    ("Left: Jane Roe/AFP; Center: Ben Sample/Reuters", [("Jane Roe", "AFP", None), ("Ben Sample", "Reuters", None)]),
    ("Above: Jane Roe/AFP; Inset: Ben Sample/Reuters", [("Jane Roe", "AFP", None), ("Ben Sample", "Reuters", None)]),
    ("Jane Roe/AFP; Ben Sample/Reuters", [("Jane Roe", "AFP", None), ("Ben Sample", "Reuters", None)]),
], ids=["left-image-right-image", "left-photo-right-photo", "left-only", "right-only", "top-bottom", "places-after",
        "a-third-place", "places-that-name-no-one", "no-places"])
def test_a_credit_element_under_two_photos_ties_each_part_to_the_photo_in_its_place(page, words, expected):
    """#10: a credit element (not a caption) reading "Left Image: ...; Right Image: ..." under two photos tied neither
    part to a photo; each is tied to the one in its place now (the first photo is the left or top one), and a part
    whose photo cannot be told is tied to none."""
    credits = extract.find_all(page.format(words), "html")[1]
    assert [(c.creator, c.organization, c.image) for c in credits] == expected


def test_a_placed_credit_element_under_three_photos_is_tied_to_none():
    page = TWO_PHOTOS_CREDIT_ELEMENT.replace('</div><div class="image-credit">',
                                             '<img src="https://news.example/img/L4c.jpg"></div><div class="image-credit">')
    credits = extract.find_all(page.format("Left Image: Jane Roe/AFP; Right Image: Ben Sample/Reuters"), "html")[1]
    assert [(c.creator, c.image) for c in credits] == [("Jane Roe", None), ("Ben Sample", None)]


STORY = "<p>The council met on Tuesday and argued about the bridge for a long time before it voted.</p>"


@pytest.mark.parametrize("body,text,confidence,spanned", [
    (f"{STORY}<p>Wow.</p><p>— Ann Example (@ann_ex) May 1, 2024</p>", "Wow.", "uncertain", "<p>Wow."),
    (f"{STORY}<p>Line one<br>Line two</p>\n<p>&mdash; Ann Example (@ann_ex) May 1, 2024</p>", "Line one\nLine two",
     "uncertain", "<p>Line one"),
    # the words and the signature in one paragraph: read as before, and sure
    (f"{STORY}<p>Wow.<br>— Ann Example (@ann_ex) May 1, 2024</p>", "Wow.", "high", "<p>Wow."),
    # nothing right above that can be the post's words: no text, as before
    (f"{STORY}<h2>Reactions</h2><p>— Ann Example (@ann_ex) May 1, 2024</p>", None, None, "<p>— Ann"),
    (f"{STORY}<figure><img src='a.jpg'></figure><p>— Ann Example (@ann_ex) May 1, 2024</p>", None, None, "<p>— Ann"),
    (f"{STORY}<p>First post — Bo Roe (@bo_roe) May 1, 2024</p><p>— Ann Example (@ann_ex) May 1, 2024</p>", None,
     None, "<p>— Ann"),
    (f"<p>Wow.</p>Loose words<p>— Ann Example (@ann_ex) May 1, 2024</p>", None, None, "<p>— Ann"),
], ids=["one-word", "lines", "one-paragraph", "under-a-heading", "under-a-figure", "under-another-signature",
        "words-between"])
def test_left28_a_signature_in_its_own_paragraph_takes_the_words_of_the_one_before(body, text, confidence, spanned):
    """A flattened post whose words and signature are separate paragraphs (`<p>Wow.</p><p>— Ann (@ann) …</p>`) came
    out with no text: the paragraph right before is its words when nothing else can be, read as plain text reads the
    block above a signature, and unsure (it may be the article's). Nothing else right above: no text (#10)."""
    page = f"<html><body><article>{body}</article></body></html>"
    embed = next(e for e in html.scan(page)[0] if e.author_handle == "ann_ex")
    assert (embed.detector, embed.text, embed.text_confidence) == ("html-text-signature", text, confidence)
    assert page[embed.span[0]:].startswith(spanned) and page[:embed.span[1]].endswith("2024</p>")


def test_left28_a_placeholder_in_the_paragraph_before_a_signature_is_no_text():
    """The paragraph before holds an embed's placeholder ("View post on X"): no words of the post, so no text."""
    page = (f"<html><body><article>{STORY}<p>View post on X</p><p>— Ann Example (@ann_ex) May 1, 2024</p>"
            "</article></body></html>")
    [embed] = extract.find_all(page, "html")[0]
    assert (embed.author_handle, embed.text, embed.text_confidence) == ("ann_ex", None, None)


# -- a scraped text read as HTML (sniff29) ------------------------------------------------------------------------
# A plain-text file a scraper left a tag in (an end tag, a list item, two bare tags) is sniffed as HTML. Its
# flattened tweet is loose text there, in no paragraph: the HTML reading must read it as the text reading does.
REMNANT = ("Something happened today. pic.twitter.com/q3uNO4mJHi\n"
           "\u2014 Jane Placeholder (@fictional_acct) September 12, 2022")
REMNANT_WITH_ID = ("Something happened today. pic.twitter.com/q3uNO4mJHi \u2014 Jane Placeholder (@fictional_acct) "
                   "September 12, 2022 https://twitter.com/fictional_acct/status/1569301234567890123")
SCRAPED = {
    "stray-list-item": f"Notes from the day.\n<li>one</li>\n\n{REMNANT}\n\nMore words of the article.\n",
    "stray-list-item-lines": f"Notes from the day.\n<li>one</li>\n{REMNANT}\nMore words of the article.\n",
    "stray-end-tag": f"Notes from the day. </div>\n\n{REMNANT}\n\nMore words of the article.\n",
    "two-bare-tags": f"Notes<br>\nfrom the day.<hr>\n\n{REMNANT}\n\nMore words.\n",
    "with-status-url": f"Notes from the day.\n<li>one</li>\n\n{REMNANT_WITH_ID}\n\nMore words.\n",
    "two-remnants": f"<li>one</li>\n\n{REMNANT}\n\nBetween them.\n\nSecond post here. \u2014 Ann Example (@ann_ex) "
                    "May 1, 2024\n\nEnd.\n",
}


def _as_read(embeds):
    return [(e.platform, e.kind, e.url, e.post_id, e.author_name, e.author_handle, e.date_text, e.date, e.text,
             e.media_links, e.links, e.span) for e in embeds]


@pytest.mark.parametrize("name", list(SCRAPED), ids=list(SCRAPED))
def test_a_scraped_texts_tweet_remnant_reads_the_same_as_html_and_as_text(name):
    """sniff29 (#10): a stray `<li>one</li>` (or an end tag, or two bare tags) made a scraped text HTML, where its
    flattened tweet was loose text no paragraph holds: the HTML reading gave a bare pic.twitter.com link (or
    nothing), no author, handle or date. Loose text is read as the text detector reads it: both readings of such a
    file give the same embeds, spanned on the same characters."""
    from resolver.article import from_bytes

    content = SCRAPED[name]
    assert from_bytes(content.encode(), "scraped.txt").kind == "html"
    as_html, as_text = extract.find_all(content, "html")[0], extract.find_all(content, "text")[0]
    assert _as_read(as_html) == _as_read(as_text) and as_text
    assert all(e.detector == "html-text-signature" for e in as_html)
    for embed in as_html:
        assert content[embed.span[0]:embed.span[1]].endswith(embed.date_text if embed.post_id is None
                                                              else embed.post_id)


def test_a_loose_remnant_inside_a_pages_div_is_read_and_spanned_as_written():
    """Loose text in a page's own block (a div, not a paragraph), with a <br> between the post's words and its
    signature: read as the lines a reader sees, spanned from the post's first word to the signature's date."""
    page = ('<html><body><div class="story">Intro words.<br><br>Bridge reopened. pic.twitter.com/Zz98Yy76Xx<br>'
            '\u2014 Riverton Roads (@RivertonRoads) December 6, 2022<br><br>More words.</div></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.detector, embed.author_name, embed.author_handle, embed.date, embed.text) == (
        "html-text-signature", "Riverton Roads", "RivertonRoads", "2022-12-06",
        "Bridge reopened. pic.twitter.com/Zz98Yy76Xx")
    assert page[embed.span[0]:embed.span[1]] == ("Bridge reopened. pic.twitter.com/Zz98Yy76Xx<br>\u2014 Riverton "
                                                 "Roads (@RivertonRoads) December 6, 2022")


def test_a_remnant_in_a_pages_paragraph_is_read_as_before():
    """The common case in the corpus, a real page whose <p> holds a flattened tweet, is read as it was before loose
    text was: one embed, spanned on its paragraph, its words sure (sniff29)."""
    page = ("<!DOCTYPE html><html><body><article><p>The council met on Tuesday.</p>\n<p>Something happened today. "
            "pic.twitter.com/q3uNO4mJHi<br>\u2014 Jane Placeholder (@fictional_acct) September 12, 2022</p>\n"
            "<p>More words.</p></article></body></html>")
    [embed] = extract.find_all(page, "html")[0]
    assert (embed.detector, embed.url, embed.author_name, embed.author_handle, embed.date, embed.text,
            embed.text_confidence, embed.media_links) == (
        "html-text-signature", "https://twitter.com/fictional_acct", "Jane Placeholder", "fictional_acct",
        "2022-09-12", "Something happened today. pic.twitter.com/q3uNO4mJHi", "high",
        ("https://pic.twitter.com/q3uNO4mJHi",))
    assert page[embed.span[0]:embed.span[1]].startswith("<p>Something") and page[:embed.span[1]].endswith("2022</p>")


def test_a_loose_remnant_written_with_references_and_crlf_is_spanned_on_its_source():
    """A loose remnant whose node HTML reads otherwise than it is written (a reference, CRLF line ends) is spanned
    on its own characters in the source, not on its whole node: two posts in one node share no span."""
    page = ("<li>one</li>\r\nNotes &amp; more.\r\n\r\nGr&eacute;at day. pic.twitter.com/q3uNO4mJHi\r\n"
            "\u2014 Jane Doe (@jdoe) September 12, 2022\r\n\r\nOpen &#8212; at last. \u2014 Ann Example (@ann_ex) "
            "May 1, 2024\r\n")
    embeds = html.scan(page)[0]
    assert [(e.author_handle, e.text) for e in embeds] == [
        ("jdoe", "Gréat day. pic.twitter.com/q3uNO4mJHi"), ("ann_ex", "Open — at last.")]
    assert [page[e.span[0]:e.span[1]] for e in embeds] == [
        "Gr&eacute;at day. pic.twitter.com/q3uNO4mJHi\r\n\u2014 Jane Doe (@jdoe) September 12, 2022",
        "Open &#8212; at last. \u2014 Ann Example (@ann_ex) May 1, 2024"]


def test_two_channels_posts_of_one_number_are_two_embeds():
    """review29 (#15): a Telegram message number counts within its channel. Two channels' post 416 were taken for
    one post: the second link went to the first one's `also_at` and out of the report."""
    page = ('<p>See <a href="https://t.me/rivertonchannel/416">this</a> and '
            '<a href="https://t.me/otherchannel/416">that</a>, and '
            '<script async src="https://telegram.org/js/telegram-widget.js" data-telegram-post="RivertonChannel/416">'
            '</script></p>')
    embeds, _ = html.scan(page)
    assert sorted((e.post_id, e.url, len(e.also_at)) for e in embeds) == [
        ("otherchannel/416", "https://t.me/otherchannel/416", 0),
        ("rivertonchannel/416", "https://t.me/rivertonchannel/416", 1)]


def _nodes_the_pattern_finds(text):
    """(start, end) of each NODE-joined text node holding a PROSE_HINT_RE match: the prose pass's loop before #14."""
    found, done = [], -1
    for hit in html_credits.PROSE_HINT_RE.finditer(text):
        if hit.start() < done:
            continue
        start = text.rfind(html_credits.NODE, 0, hit.start()) + 1
        end = text.find(html_credits.NODE, hit.start())
        done = end = len(text) if end < 0 else end
        found.append((start, end))
    return found


PROSE_TEXT = st.lists(st.one_of(st.sampled_from([*html_credits.PROSE_HINT_LITERALS, html_credits.NODE, "(APPLE", "(AP)",
                                                 "Images by", "Image", "Screenshot", "é", "😀", "写真", "\udc80", " ",
                                                 "Фото: ТАСС", "Illustration by", "Credits"]),
                                 st.text(max_size=4)), max_size=40).map("".join)


@pytest.mark.parametrize("searched", [0, 10**12], ids=["literals", "pattern"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PROSE_TEXT)
def test_the_prose_nodes_holding_a_credit_word_are_those_the_pattern_finds(searched, monkeypatch, text):
    """Once a process has searched enough prose, the credit words' first literals are found by hyperscan and each node
    holding one is asked the pattern (#14): the nodes read are the same, in order, whatever stands around them (a
    literal with no credit word: "(APPLE", "Image"; characters of 2, 3 and 4 UTF-8 bytes; a lone surrogate)."""
    monkeypatch.setattr(html_credits, "PROSE_LITERALS_AFTER", searched)
    assert list(html_credits.hinted_nodes(text)) == _nodes_the_pattern_finds(text)


def test_the_prose_search_by_literals_is_taken_once_a_process_has_searched_enough_prose(monkeypatch):
    """A one-file scan searches its prose with the pattern: compiling the literals (about 1 ms) would cost it more
    than they save; past PROSE_LITERALS_AFTER characters the literals are searched instead, with the same answer."""
    from resolver.extract import needles

    asked = []
    real = needles.literal_starts
    monkeypatch.setattr(html_credits, "literal_starts", lambda text, literals: asked.append(text) or real(text, literals))
    monkeypatch.setattr(html_credits, "_PROSE_SEARCHED", [0])
    monkeypatch.setattr(html_credits, "PROSE_LITERALS_AFTER", 50)
    text = f"Words.{html_credits.NODE}A fire. (AP Photo/Jane Doe){html_credits.NODE}More words about the fire here."
    assert list(html_credits.hinted_nodes(text)) == [(7, 34)] and asked == []
    assert list(html_credits.hinted_nodes(text)) == [(7, 34)] and asked == [text]


@pytest.mark.parametrize("pattern, literals", [
    (r"Photo|Images?(?: by| via)|\(AP\b|Фото(?:графи[яи])?|写真", ("Photo", "Image", "(AP", "Фото", "写真")),
    (r"Photo|PHOTO|Photo", ("Photo", "PHOTO")),
    (r"Photo|[Cc]redit", ()),                 # an alternative starting with a class
    (r"Photo|(?i:kuva)", ()),                 # ... or with a caseless group
    (r"(?i)photo|credit", ()),                # a caseless pattern
    (r"Credit|\bAP\b", ()),                   # ... or with an assertion
], ids=["words", "repeated", "class", "caseless-group", "caseless", "assertion"])
def test_a_patterns_leading_literals_are_those_every_match_starts_with(pattern, literals):
    assert html_credits.leading_literals(re.compile(pattern)) == literals


def test_the_prose_credit_words_are_all_searched_by_literals():
    """Every alternative of the prose's credit words starts with a literal: a new word starting otherwise would leave
    the prose searched by the pattern alone, without failing anything but this test."""
    assert html_credits.PROSE_HINT_LITERALS and "Photo" in html_credits.PROSE_HINT_LITERALS


@pytest.mark.usefixtures("both_searches")
@pytest.mark.parametrize("text", ["", "no words", "(AP) (AP", "Фото: ТАСС, 写真＝AFP 😀 AFP", "\udc80AFP\ud800(AP)",
                                  "AP)AP)" * 3])
def test_literals_are_placed_where_a_find_loop_finds_them(both_searches, text):
    from resolver.extract.needles import literal_starts

    literals = ("AFP", "(AP", "AP)", "Фото", "写真", "😀")
    expected = sorted({at for literal in literals for at in _starts_of(text, literal)})
    assert literal_starts(text, literals) == (None if both_searches == "str-find" else expected)


def _starts_of(text, literal):
    starts, at = [], text.find(literal)
    while at >= 0:
        starts.append(at)
        at = text.find(literal, at + 1)
    return starts


# Hosts are caseless (newuser29 #4): a page whose only post link writes its host in capitals was skipped by the
# marker gate unparsed, and gave no embed, where `platforms.parse_url` reads the same link.
UPPER_CASE_HOST_LINKS = {
    "telegram": ("HTTPS://T.ME/examplestadt_news/4700", "telegram", "examplestadt_news/4700"),
    "reddit": ("https://WWW.REDDIT.COM/r/ex/comments/1abc2dz/x/", "reddit", "1abc2dz"),
    "bluesky": ("https://BSKY.APP/profile/a.example/post/3kexamplerk29", "bluesky", "a.example/3kexamplerk29"),
    "facebook": ("https://WWW.FACEBOOK.COM/page/posts/10150000000000009", "facebook", "10150000000000009"),
    "threads": ("https://WWW.THREADS.NET/@a/post/C3xYzUpper1", "threads", "C3xYzUpper1"),
    "youtube": ("https://YOUTU.BE/AbCdEfGhIk9", "youtube", "AbCdEfGhIk9"),
    "instagram": ("https://WWW.INSTAGRAM.COM/p/Cx9UpperCase/", "instagram", "Cx9UpperCase"),
    "twitter": ("HTTPS://TWITTER.COM/jack/status/20", "twitter", "20"),
    "mixed": ("https://Www.TikTok.Com/@a/video/7311111111111111302", "tiktok", "7311111111111111302"),
}


@pytest.mark.parametrize("link", list(UPPER_CASE_HOST_LINKS.values()), ids=list(UPPER_CASE_HOST_LINKS))
@pytest.mark.usefixtures("both_searches")
def test_a_page_whose_only_post_link_has_an_upper_case_host_gives_its_embed(link):
    url, platform, post_id = link
    page = f'<p><a href="{url}">x</a></p>'
    assert html.has_markers(page)
    assert [(e.platform, e.post_id) for e in html.scan(page)[0]] == [(platform, post_id)]


# The words an official embed code shows in the article are what the article says of the post (newuser29 #3):
# TikTok's caption <p>, an Instagram captioned embed's caption, a Reddit card's title and u/author. Before, each
# embed's text (and Reddit's author) was null, and the report said "the article quotes no text of this post".
def test_embed_codes_give_the_caption_title_and_author_they_show(fixture_text):
    embeds, _ = html.scan(fixture_text("embed_code_captions.html"))
    got = [(e.platform, e.post_id, e.author_handle, e.text, e.text_confidence) for e in embeds]
    assert got == [
        ("tiktok", "7311111111111111111", "bridgefan", "The bridge is under water now #flood", "high"),
        ("instagram", "Cx7RiverCap", "riverwatch_ex",
         "Sandbags at the market square since 6am. Thank you @riverton_fire #flood", "high"),
        ("instagram", "Cx7NoCapts", "riverwatch_ex", None, None),   # v14: no caption in the code, none made up
        # a thread's title, not its body: the post's words or not, not known
        ("reddit", "1abc2de", "Local_Person_42", "The river is at the market square", "uncertain"),
    ]


# A link to a Wayback Machine capture of a post (newuser29 #5): found for Instagram, YouTube, TikTok and X only (by
# the raw source pass, as if a direct link to the live post), never for the others. Every platform's is the post
# now, and the embed says the article linked a capture, and which.
ARCHIVED_POSTS = {
    "telegram": ("https://t.me/examplestadt_news/4598", "examplestadt_news/4598"),
    "reddit": ("https://www.reddit.com/r/ex/comments/1abc2dy/x/", "1abc2dy"),
    "bluesky": ("https://bsky.app/profile/a.example/post/3kexamplerk28", "a.example/3kexamplerk28"),
    "mastodon": ("https://mastodon.social/@a/112233445566778998", "mastodon.social/112233445566778998"),
    "threads": ("https://www.threads.net/@a/post/C3xYzArch01", "C3xYzArch01"),
    "facebook": ("https://www.facebook.com/page/posts/10150000000000008", "10150000000000008"),
    "instagram": ("https://www.instagram.com/p/CxArchived2/", "CxArchived2"),
    "youtube": ("https://www.youtube.com/watch?v=AbCdEfGhIk7", "AbCdEfGhIk7"),
    "tiktok": ("https://www.tiktok.com/@a/video/7311111111111111301", "7311111111111111301"),
    "twitter": ("https://twitter.com/jack/status/21", "21"),
}


@pytest.mark.parametrize("platform", list(ARCHIVED_POSTS))
def test_a_link_to_an_archived_copy_of_a_post_is_the_post_and_says_it_is_a_capture(platform):
    inner, post_id = ARCHIVED_POSTS[platform]
    capture = f"https://web.archive.org/web/20260310120000/{inner}"
    page = f'<p>As it was: <a href="{capture}">the post</a></p>'
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.post_id, embed.detector) == (platform, post_id, "html-link")
    assert embed.linked_capture == capture
    assert page[embed.span[0]:embed.span[1]].startswith("<a href")
    [found] = extract.find_all(f"As it was: {capture} (archived).", "text")[0]
    assert (found.platform, found.post_id, found.linked_capture) == (platform, post_id, capture)


def test_a_capture_link_in_script_data_is_the_post_and_says_it_is_a_capture():
    """Script data keeping a capture link, its slashes escaped as JSON writes them: the raw source pass found the
    post captured as a direct link to the live post (newuser29 #5)."""
    capture = "https://web.archive.org/web/20260310120000/https://www.instagram.com/p/CxArchived2/"
    page = ('<html><body><p>x</p><script>window.__STATE__ = {"link": "'
            + capture.replace("/", "\\/") + '"};</script></body></html>')
    [embed] = html.scan(page)[0]
    assert (embed.platform, embed.post_id, embed.detector, embed.linked_capture) == (
        "instagram", "CxArchived2", "html-source", capture)


@pytest.mark.parametrize("platform", list(ARCHIVED_POSTS))
def test_a_capture_link_written_without_its_scheme_is_the_post_and_says_it_is_a_capture(platform):
    """Prose writes a capture link as it is shown, `web.archive.org/web/<timestamp>/<post URL>`: it was read from
    its inner scheme as a direct link to the live post (fixembed29, noticed)."""
    inner, post_id = ARCHIVED_POSTS[platform]
    written = f"web.archive.org/web/20260310120000/{inner}"
    text = f"As it was: {written}, archived before it went."
    [found] = extract.find_all(text, "text")[0]
    assert (found.platform, found.post_id, found.linked_capture) == (platform, post_id, "https://" + written)
    assert text[found.span[0]:found.span[1]] == written
    [embed] = html.scan(f"<p>{text}</p>")[0]
    assert (embed.post_id, embed.detector, embed.linked_capture) == (post_id, "html-text-url", "https://" + written)


EMBEDDED = ('<blockquote class="twitter-tweet"><p lang="en">We won the vote today</p>&mdash; Jane Placeholder '
            '(@fictional_acct) <a href="https://twitter.com/fictional_acct/status/1785000000000000000">May 1, 2024</a>'
            '</blockquote>')


@pytest.mark.parametrize("prose", [
    "<p>As she put it: We won the vote today \u2014 Jane Placeholder (@fictional_acct) May 1, 2024</p>",
    "<div>We won the vote today<br>\u2014 Jane Placeholder (@fictional_acct) May 1, 2024<br>The rest.</div>",
    "<div class=story>Later she wrote: we won the vote today \u2014 Jane Placeholder (@Fictional_Acct) May 1, 2024"
    "</div>",
], ids=["paragraph", "loose-div", "loose-case"])
def test_review29c_an_embedded_posts_signature_repeated_in_the_pages_prose_is_one_post(prose):
    """A page that embeds a post and quotes its words and signature again in its prose (a paragraph, or loose text
    that sniff29's reading now reads) has one post: the prose's mention, with no link, is a place it appears, not
    a second post with no id (review29c)."""
    page = f"<html><body>{EMBEDDED}{prose}</body></html>"
    [embed] = html.scan(page)[0]
    assert (embed.detector, embed.post_id, embed.text) == ("html-blockquote", "1785000000000000000",
                                                            "We won the vote today")
    [(start, end)] = embed.also_at
    assert "May 1, 2024" in page[start:end] and page.index(prose) <= start


@pytest.mark.parametrize("prose", [
    "<p>Another day \u2014 Jane Placeholder (@fictional_acct) May 1, 2024</p>",
    "<div>We lost the vote today<br>\u2014 Jane Placeholder (@fictional_acct) May 1, 2024</div>",
    "<div>We won the vote today<br>\u2014 Jane Placeholder (@fictional_acct) May 2, 2024</div>",
    "<div>We won the vote today<br>\u2014 Ann Example (@another_acct) May 1, 2024</div>",
], ids=["other-words", "changed-word", "other-day", "other-author"])
def test_review29c_another_post_of_the_same_author_or_words_stays_a_post(prose):
    """Only the same author, day and words are the embedded post: another post stays a post of its own."""
    embeds = html.scan(f"<html><body>{EMBEDDED}{prose}</body></html>")[0]
    assert [e.post_id for e in embeds] == ["1785000000000000000", None]
    assert embeds[0].also_at == ()


def test_review29c_a_short_post_ending_another_posts_words_is_not_joined_to_it():
    """A post of one or two words ("No.") ends many a post: another post of that author that day ending so stays
    its own."""
    page = ('<html><body><blockquote class="twitter-tweet"><p lang="en">No.</p>&mdash; Jane Placeholder '
            '(@fictional_acct) <a href="https://twitter.com/fictional_acct/status/1785000000000000000">May 1, 2024</a>'
            '</blockquote><p>Will we give up? No. \u2014 Jane Placeholder (@fictional_acct) May 1, 2024</p></body></html>')
    assert [e.post_id for e in html.scan(page)[0]] == ["1785000000000000000", None]


@pytest.mark.parametrize("byline", [
    "By Jane Placeholder (@fictional_acct) May 1, 2024", "BY JANE PLACEHOLDER (@fictional_acct) May 1, 2024",
    "Written by Jane Placeholder (@fictional_acct) May 1, 2024",
    "Posted by Jane Placeholder (@fictional_acct) on May 1, 2024"])
@pytest.mark.parametrize("holder", ['<div class="byline">{}</div>', "<p>{}</p>"], ids=["div", "paragraph"])
def test_review29c_a_byline_with_a_handle_and_a_date_is_no_post(byline, holder):
    """An article's byline naming its writer's account and the day ("By Jane Doe (@jane) May 1, 2024") reads like a
    tweet's signature with no dash; it was a post by "By Jane Doe" (or with the words "Written by"), in a paragraph
    and, since loose text is read (sniff29), in the <div class="byline"> most pages put it in (review29c)."""
    page = "<html><body>" + holder.format(byline) + "<div>The council met on Tuesday.</div></body></html>"
    assert html.scan(page)[0] == []


def test_review29c_a_posts_words_ending_in_by_are_still_a_post():
    """Only a line that is a byline: a post's words on the line before its signature ("Great shot by") keep it."""
    page = ("<html><body><p>Great shot by Jane Placeholder (@fictional_acct) May 1, 2024</p>"
            "<p>By Ann Example (@another_acct) May 1, 2024 https://twitter.com/another_acct/status/1785000000000000000"
            "</p></body></html>")
    assert [(e.author_handle, e.post_id) for e in html.scan(page)[0]] == [
        ("fictional_acct", None), ("another_acct", "1785000000000000000")]


def test_a_youtube_embeds_start_time_is_kept_and_the_same_videos_links_still_merge():
    """The moment an article cites (newuser29 #10): an iframe's ?start=, a link's ?t= or &t=2m5s. The same video's
    links are one embed; its time is the first place's that names one."""
    page = ('<p>The flood.</p><iframe src="https://www.youtube.com/embed/AbCdEfGhIj0?start=95"></iframe>'
            '<p>At 2:05 of <a href="https://www.youtube.com/watch?v=AbCdEfGhIj4&amp;feature=share">this video</a>, '
            'see <a href="https://youtu.be/AbCdEfGhIj4?t=125">here</a> and <a href="https://www.youtube.com/watch?'
            'v=AbCdEfGhIj4&amp;t=2m5s">on YouTube</a>; and <a href="https://youtu.be/AbCdEfGhIj5">another</a>.</p>')
    embeds, _ = html.scan(page)
    assert [(e.post_id, e.start_seconds, len(e.also_at)) for e in embeds] == [
        ("AbCdEfGhIj0", 95, 0), ("AbCdEfGhIj4", 125, 2), ("AbCdEfGhIj5", None, 0)]
    assert embeds[1].to_json()["start_seconds"] == 125
    text = "Watch https://youtu.be/AbCdEfGhIj4?t=125 from 2:05."
    [found], _ = extract.find_all(text, "text")
    assert (found.post_id, found.start_seconds) == ("AbCdEfGhIj4", 125)


def test_a_post_embedded_twice_with_other_words_keeps_the_other_places_words():
    """An embed code pasted twice, the second with a word changed, is one embed (one post, one status), the second
    place's words kept in `other_words` to be checked in their turn; a third place with the first's words needs no
    check of its own (newuser29b §1: the second place was kept only as a span, its words dropped unchecked)."""
    def code(words: str) -> str:
        return (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{words}</p>&mdash; River Desk '
                '(@river_desk) <a href="https://twitter.com/river_desk/status/1633407206814646272">March 8, 2023</a>'
                '</blockquote>')
    right, wrong = "Ferry service resumes Monday morning.", "Ferry service ends Monday morning."
    page = f"<html><body>{code(right)}<p>Later.</p>{code(wrong)}<p>Again.</p>{code(right)}</body></html>"
    [embed] = html.scan(page)[0]
    assert embed.text == right and len(embed.also_at) == 2
    [other] = embed.other_words
    assert (other.text, other.detector, other.span) == (wrong, "html-blockquote", embed.also_at[0])
    assert page[other.span[0]:other.span[1]].startswith('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">'
                                                         + wrong)
    assert embed.to_json()["other_words"] == [{"span": list(other.span), "detector": "html-blockquote",
                                              "text": wrong, "text_confidence": other.text_confidence}]


@pytest.mark.parametrize("first,second", [
    ("https://bsky.app/profile/ann.example.com/post/3kabc123xyz", "https://bsky.app/profile/bob.example.org/post/3kabc123xyz"),
    ("https://mastodon.social/@ann/112000000000000001", "https://another.example/@bob/112000000000000001"),
], ids=["bluesky-two-accounts", "mastodon-two-instances"])
def test_two_accounts_or_instances_posts_of_one_id_are_two_embeds(first, second):
    """urlforms30 (#15): a Bluesky rkey is unique within its account, a Mastodon id within its instance. Two accounts'
    posts of one rkey (two instances' of one id) were one embed, the second only in `also_at`."""
    embeds, _ = html.scan(f'<p>See <a href="{first}">this</a> and <a href="{second}">that</a>.</p>')
    assert [(e.url, e.also_at) for e in embeds] == [(first, ()), (second, ())]


def test_a_bluesky_embed_and_a_link_to_its_post_by_handle_are_one_embed():
    """urlforms30 (#15): the embed names its post by the account's DID and shows the handle; a link beside it names
    the same post by that handle. One post, one embed; a link by another account's handle stays a post of its own."""
    did = "did:plc:abcdefghijklmnop"
    page = (f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{did}/app.bsky.feed.post/3kabc123xyz"><p lang="en">'
            f'The bridge is closed.</p>&mdash; River Watch (<a href="https://bsky.app/profile/{did}?ref_src=embed">'
            f'@riverwatch.example.org</a>) <a href="https://bsky.app/profile/{did}/post/3kabc123xyz?ref_src=embed">'
            'May 1, 2024 at 9:15 AM</a></blockquote><p>As <a href="https://bsky.app/profile/RiverWatch.example.org/post/'
            '3kabc123xyz">River Watch said</a>, and <a href="https://bsky.app/profile/other.example.org/post/3kabc123xyz">'
            'another</a>.</p>')
    embeds, _ = html.scan(page)
    assert [(e.post_id, len(e.also_at)) for e in embeds] == [
        (f"{did}/3kabc123xyz", 1), ("other.example.org/3kabc123xyz", 0)]


@pytest.mark.parametrize("intent", [
    "https://twitter.com/intent/like?tweet_id=1600000000000000001",
    "https://twitter.com/intent/retweet?tweet_id=1600000000000000001",
    "https://x.com/intent/tweet?in_reply_to=1600000000000000001",
], ids=["like", "retweet", "reply"])
def test_a_lone_web_intent_is_a_button_not_an_embedded_post(intent):
    """urlforms30 (#15): a Like, Retweet or Reply button (a Web Intent naming one post) was reported as an embedded
    post, with nothing of the post on the page. Beside the post's embed or a link to it, it is a place that post
    appears (every intent in the corpus sits in the card of the post it names); alone, it is a button."""
    assert html.scan(f'<p>Story.</p><p><a href="{intent.replace("&", "&amp;")}">Retweet</a></p>')[0] == []
    card = ('<div class="tweet"><p>Bridge reopened.</p><a href="https://twitter.com/RivertonRoads/status/'
            f'1600000000000000001">Dec 6</a> <a href="{intent}">Like</a></div>')
    page = f'<p>Story.</p>{card}'
    [embed] = html.scan(page)[0]
    assert (embed.post_id, embed.detector, len(embed.also_at)) == ("1600000000000000001", "html-link", 1)
    assert "intent" in page[embed.also_at[0][0]:embed.also_at[0][1]]


@pytest.mark.parametrize("instance", ["https://social.example", "https://social.example:8443"],
                         ids=["no-port", "port"])
def test_a_mastodon_embed_code_is_one_embed_of_its_post_on_any_port(instance):
    """urlforms31 (#15): Mastodon's two embed codes, the iframe of <post>/embed and (since 4.3) the blockquote whose
    data-embed-url names it, with the link inside. On an instance with a port of its own the blockquote's post was
    missed (the link pattern knew no port); without one it was found only as a link inside, not as the embed."""
    url = f"{instance}/@alice/112233445566778899"
    script = f'<script data-allowed-prefixes="{instance}/" async src="{instance}/embed.js"></script>'
    iframe = (f'<iframe src="{url}/embed" class="mastodon-embed" style="max-width: 100%; border: 0" width="400" '
              f'allowfullscreen="allowfullscreen"></iframe>')
    blockquote = (f'<blockquote class="mastodon-embed" data-embed-url="{url}/embed" style="background: #FCF8FF;"> '
                  f'<a href="{url}" target="_blank"> <div>Post by @alice@social.example</div> <div>View on Mastodon'
                  f'</div> </a> </blockquote>')
    place = instance.removeprefix("https://")
    for markup, detector in ((iframe, "html-iframe"), (blockquote, "html-blockquote")):
        page = f"<html><body><p>The council answered.</p>{markup}{script}</body></html>"
        [embed] = html.scan(page)[0]
        assert (embed.platform, embed.url, embed.post_id, embed.author_handle, embed.detector, embed.also_at) == (
            "mastodon", url, f"{place}/112233445566778899", "alice@social.example", detector, ())
        assert page[embed.span[0]:].startswith(markup[:12])


@pytest.mark.parametrize("page,opens,closes", [
    ("<p>a</p><!--> <script>x</script> -->", [8, 14], [23, 33]),   # "<!-->" opens a comment; its "-->" closes none
    ("<!---> <SCRIPT>a<b</Script >", [0, 7], [18]),
    ("<\u017fcript>x</\u017fcript><!-- c --><!-- d -->", [0, 18, 28], [9, 25, 35]),   # a long s is an s in any case
    ("<p>no marks</p>", [], []),
    ("x --> y <!-- z", [8], [2]),
], ids=["comment-open-sharing-its-close", "capitals", "long-s-and-two-comments", "none", "close-before-open"])
def test_where_scripts_and_comments_open_and_close_is_read_as_one_pass_over_the_page_reads_it(page, opens, closes):
    """`_Marks.raw_text` finds a script's tags with one pattern and comments' marks with str.find (#14): the
    marks are the ones one left-to-right pass of `<(/?)script|<!--|-->` in any case gives."""
    assert html._Marks(page).raw_text() == (opens, closes)


_ONE_PASS_MARKS_RE = re.compile(r"<(/?)script|<!--|-->", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<", "!", "-", "--", ">", "/", "script", "Script", "SCRIPT", "\u017fcript", "x", " "]),
                max_size=30).map("".join))
def test_raw_text_marks_are_those_of_one_pass_over_the_page(page):
    opens, closes = [], []
    for mark in _ONE_PASS_MARKS_RE.finditer(page):
        (closes if mark.group(1) or mark.group() == "-->" else opens).append(mark.start())
    assert html._Marks(page).raw_text() == (opens, closes)


@pytest.mark.parametrize("page,at,inside", [
    ('<footer class="site"><a href="https://x.com/a/status/1"></footer>', 40, True),
    ('<nav\n><a href="https://x.com/a/status/1"></nav>', 20, True),
    ('<navbar><a href="https://x.com/a/status/1"></navbar>', 20, False),   # no nav: a name of its own
    ('<NAV><a href="https://x.com/a/status/1"></NAV>', 20, True),   # a tag in capitals too, as HTML reads it
    ('<article><footer><a href="https://x.com/a/status/1"></footer></article>', 30, False),   # the story's own
    ('<!-- <aside> --><a href="https://x.com/a/status/1">', 30, False),   # in a comment
    ('<aside/><a href="https://x.com/a/status/1">', 20, False),   # never closed: no span is known
], ids=["footer", "nav-newline", "navbar", "capitals", "inside-article", "commented", "never-closed"])
def test_a_place_in_the_sites_furniture_is_told_by_its_tags_as_written(page, at, inside):
    assert html._Marks(page).in_furniture(at) is inside


def _furniture_marks_by_each_mark(page):
    """The furniture tags found mark by mark with str.find, as `_Marks._furniture` found them before one pattern,
    in any ASCII case (review33r4: a tag in capitals was not read)."""
    marks = [f"<{close}{name}" for name in ("footer", "nav", "aside", "article", "main") for close in ("", "/")]
    folded = page.translate(str.maketrans(string.ascii_uppercase, string.ascii_lowercase))
    return sorted((at, mark) for mark in marks for at in html._found_all(folded, mark)
                  if page[at + len(mark):at + len(mark) + 1] in frozenset(" \t\n\r\f/>"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<", "/", ">", " ", "\n", "\t", "\r", "\f", "\v", "footer", "nav", "aside", "article",
                                 "main", "Nav", "ASIDE", "a\u017fide", "x", "<!--", "-->"]), max_size=40).map("".join))
@example(page="<nav\f<main\r</footer\t<aside\v<article/")
@example(page="<NAV <Footer></ARTICLE>")
def test_furniture_tags_are_those_found_mark_by_mark(page):
    assert html._Marks(page).furniture_marks() == _furniture_marks_by_each_mark(page)


_EACH_NAME_LAYOUT_RE = re.compile(r"<(?:(!--)|([!?])|(script|style|textarea|title|xmp|iframe|noembed|noframes|template"
                                  r"|plaintext|footer|nav)(?=[\s/>]))", re.IGNORECASE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.lists(st.sampled_from(["<", "/", ">", " ", "!--", "-->", "?", "script", "SCRIPT", "\u017fcript", "Style",
                                      "iframe", "\u0130frame", "\u0131frame", "title", "nav", "NAV", "footer", "x",
                                      "span"]), max_size=40).map("".join))
@example(page="<iframe>x<\u0130frame/>y</iframe>")
@example(page="<\u017fcript>a</SCRIPT><NAV >b</nav><!-- c --><?x>")
def test_a_pages_layout_is_the_one_each_name_tried_at_every_tag_gives(page, monkeypatch):
    """`spans._LAYOUT_RE` tests the names' first letters before the names (#14): the same comments, raw text and
    prose blocks as the pattern trying each name, in any case (a long s, a dotted or dotless i too)."""
    from resolver.extract import spans

    layout = spans.Layout(page)
    with monkeypatch.context() as patched:
        patched.setattr(spans, "_LAYOUT_RE", _EACH_NAME_LAYOUT_RE)
        expected = spans.Layout(page)
    assert (layout.raw, layout.blocks) == (expected.raw, expected.blocks)


# perf34 (#14): the post links' hosts written as a tree of their characters (`_names_pattern`), not one by one
# longest first. A match runs from its line's "\n" to the line's end, so the lines matched are the same.
_HOST_BY_HOST_HREF_RE = re.compile(r"""\n(?:https?:)?//(?:[a-z0-9-]+\.)*(?:"""
                                   rf"""{html.platforms.DOMAIN_PATTERN}|{html.platforms.mastodon.HOST_PATTERN})"""
                                   r"""/[^"'\s>]*$""", re.MULTILINE)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.lists(st.sampled_from([
    "https://", "//", "http:", "www.", "mobile.", "x.com", "t.co", "t.me", "twitter.com", "fxtwitter.com", "bsky.app",
    "instagr.am", "instagram.com", "youtu.be", "youtube-nocookie.com", "invidio.us", "invidious.io", "redd.it",
    "reddit.com", "threads.net", "mastodon.social", "example.org", ":8080", "/", "/@jane", "/users/jane", "/status/1",
    ".", "-", "x", "\"", " ", ">"]), max_size=8).map("".join), max_size=6))
@example(lines=["https://t.co/abc", "https://t.com/x", "//x.com./a", "https://mastodon.social/@jane/1"])
def test_post_links_hosts_as_a_tree_match_the_lines_each_host_tried_longest_first_matches(lines):
    joined = "".join("\n" + line for line in lines)
    assert [m.span() for m in html.HREF_VALUE_RE.finditer(joined)] == \
        [m.span() for m in _HOST_BY_HOST_HREF_RE.finditer(joined)]


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.text(alphabet="ab.-(*[\\", min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
       other=st.text(alphabet="ab.-(*[\\", max_size=5))
@example(names=["a", "ab", "abc", "b.c"], other="a.c")
def test_a_names_pattern_matches_each_name_as_written_and_nothing_else(names, other):
    pattern = re.compile(f"(?:{html._names_pattern(sorted(names))})")
    assert all(pattern.fullmatch(name) for name in names)
    assert (pattern.fullmatch(other) is not None) == (other in names)
