"""newuser39a §4: words quoted beside a link the text check never read, while it said "no quoted words were read
beside the link". A short link (vm.tiktok.com) had its beside words left unread, where the post's own link had them
read: they are now read as the link's, and compared once the link is followed to the post."""

import json

import pytest

from werkzeug import Response

from resolver.extract import find_all
from tests.fakenet import redirect
from tests.test_cli_resolve import config_for, invoke
from tests.test_verdicts import check_named
from tests.waybacknet import serve

VIDEO = "7301234567890123456"
CAPTION = "Колонна техники прошла через Покровск утром, потерь нет #фронт"
SAID = ('<p>Военкор <a href="{link}">написал в TikTok</a> вечером: "Колонна техники прошла через Покровск вечером, '
        'потерь нет".</p>')


def test_words_quoted_beside_a_short_link_are_read_as_the_links():
    [embed], _ = find_all(SAID.format(link="https://vm.tiktok.com/ZMr1aBcD/"), "html")
    assert (embed.kind, embed.text) == ("short-link", "Колонна техники прошла через Покровск вечером, потерь нет")


def test_a_changed_word_beside_a_short_link_fails_once_the_link_leads_to_the_post(fakenet, tmp_path):
    fakenet.route("vm.tiktok.com", "/ZMr1aBcD/", redirect(f"https://www.tiktok.com/@voenkor_ua/video/{VIDEO}?_r=1"))
    fakenet.route("www.tiktok.com", "/oembed", lambda _: Response(json.dumps({
        "version": "1.0", "type": "video", "title": CAPTION, "author_url": "https://www.tiktok.com/@voenkor_ua",
        "author_name": "Военкор", "author_unique_id": "voenkor_ua", "provider_name": "TikTok"}),
        content_type="application/json"))
    serve(fakenet, [])
    config = config_for(fakenet, tmp_path, hosts=["vm.tiktok.com", "www.tiktok.com", "web.archive.org", "archive.org"])
    (tmp_path / "story.html").write_text(f"<html><body>{SAID.format(link='https://vm.tiktok.com/ZMr1aBcD/')}"
                                         "</body></html>")
    out = invoke(tmp_path, config, "report", "--format", "json", str(tmp_path / "story.html"))
    assert out.exit_code == 0, out.output
    [embed] = json.loads(out.stdout)["embeds"]
    text = check_named(embed, "text")
    assert text["result"] == "fail", text
    assert "утром → вечером" in text["evidence"], text


@pytest.mark.parametrize("said,quoted", [
    ('Военкор опубликовал видео https://www.tiktok.com/@voenkor_ua/video/7301234567890123456: "Колонна прошла '
     'вечером"\n\nДальше.', "Колонна прошла вечером"),
    ("Военкор опубликовал видео https://www.tiktok.com/@voenkor_ua/video/7301234567890123456: «Колонна прошла "
     "вечером»", "Колонна прошла вечером"),
    ("Военкор опубликовал видео https://vm.tiktok.com/ZMr1aBcD/ : “Колонна прошла вечером”", "Колонна прошла вечером"),
    ("Видео https://www.tiktok.com/@voenkor_ua/video/7301234567890123456. «Колонна прошла вечером»", None),
    ("Видео https://www.tiktok.com/@voenkor_ua/video/7301234567890123456: колонна прошла вечером", None),
    # newuser44a #12: a URL in brackets, the colon after them
    ("Военкор пишет (https://t.me/rus_voenkor_24/5532): «Потери противника составили 150 человек».",
     "Потери противника составили 150 человек"),
    ("Военкор пишет [https://t.me/rus_voenkor_24/5532]: «Потери составили 150 человек».", "Потери составили 150 человек"),
    ("Военкор пишет (https://t.me/rus_voenkor_24/5532). «Потери составили 150 человек».", None),
], ids=["straight-marks", "guillemets", "short-link-curly", "sentence-ended", "no-marks", "brackets", "square-brackets",
        "brackets-sentence-ended"])
def test_a_quote_a_colon_opens_after_a_bare_url_in_plain_text_is_read_as_the_links(said, quoted):
    [embed], _ = find_all(said, "text")
    assert embed.text == quoted, embed
    assert embed.text_confidence == ("high" if quoted else None)


@pytest.mark.parametrize("shown,evidence", [
    ('"Мы будем отступать из Авдеевки"', "not checked: the article links this post with quoted words as the link's own "
     "(“Мы будем отступать из Авдеевки”), which are not read as the post's (a link set in quoted words may name a "
     "story, not quote the post): compare them by hand"),
    ("Мы будем отступать из Авдеевки", "not checked: the article links this post; no quoted words were read beside the "
     "link (quoted words the link is set inside, or that are its own words, are not read)"),
], ids=["anchor-is-a-quote", "plain-anchor"])
def test_a_link_whose_quote_is_not_read_says_what_was_not_read(shown, evidence):
    from resolver.provenance import text_check

    post = {"status": "available", "text": "Мы не будем отступать из Авдеевки", "archived": []}
    assert text_check({"text": None, "detector": "html-link", "quote": shown}, post) == {
        "name": "text", "result": "skip", "evidence": evidence}
