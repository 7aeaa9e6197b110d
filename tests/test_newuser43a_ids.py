"""newuser43a (a Middle East desk's pass), item 5: a post's id written in Arabic-Indic or Persian digits, and a
direction mark or a non-joiner inside Telegram's `data-telegram-post`, were dropped without a word. A link whose id is
in other digits is said as a look-alike id is, never read as a post (an id is written in ASCII digits: the link names
none); a mark in the attribute is said, and the post read without it; `fetch` of such a link names the digits and asks
nothing."""

from __future__ import annotations

import json

import pytest

from resolver.extract import find_all
from tests.test_cli_fetch import setup

PERSIAN_ID = "۱۵۶۹۳۱۵۷۲۲۴۶۸۷۳۷۰۲۴"    # 1569315722468737024 in Persian (EXTENDED ARABIC-INDIC) digits
ARABIC_ID = "١٥٦٩٣١٥٧٢٢٤٦٨٧٣٧٠٢٤"     # the same in ARABIC-INDIC digits


def _page(body: str) -> str:
    return f'<html lang="fa" dir="rtl"><body><article><p>متن خبر.</p>{body}</article></body></html>'


@pytest.mark.parametrize("body, platform, written, ascii_id", [
    ('<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="ostannews/۴۵۲۱"></script>',
     "telegram", "۴۵۲۱", "4521"),
    (f'<p>توییت: <a href="https://x.com/WahaEnergy/status/{PERSIAN_ID}">اینجا</a></p>', "twitter", PERSIAN_ID,
     "1569315722468737024"),
    ("<p>نص: t.me/ostannews/٤٥٢٩ و</p>", "telegram", "٤٥٢٩", "4529"),
], ids=["telegram-attribute", "x-link", "telegram-in-words"])
def test_an_id_in_other_digits_is_said_never_read_as_a_post(body, platform, written, ascii_id):
    [embed], _ = find_all(_page(body), "html")
    assert (embed.platform, embed.post_id) == (platform, None)
    digits = "EXTENDED ARABIC-INDIC" if written[0] in "۰۱۲۳۴۵۶۷۸۹" else "ARABIC-INDIC"
    assert embed.id_doubt is not None and embed.id_doubt.startswith(
        f"its link names the post by the post id {written} in {digits} digits, which reads {ascii_id} in ASCII digits"), \
        embed.id_doubt


def test_an_id_in_other_digits_in_a_text_is_said():
    [embed], _ = find_all(f"خبر.\n\nhttps://twitter.com/WahaEnergy/status/{ARABIC_ID}\n", "text")
    assert embed.post_id is None and "in ARABIC-INDIC digits" in (embed.id_doubt or ""), embed


@pytest.mark.parametrize("value, named", [
    ("\u200fostannews/4527\u200f", "RIGHT-TO-LEFT MARK U+200F"),
    ("ostannews/4528\u200c", "ZERO WIDTH NON-JOINER U+200C"),
], ids=["rlm-around", "zwnj-after"])
def test_a_mark_inside_data_telegram_post_is_said_and_the_post_read_without_it(value, named):
    script = f'<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="{value}"></script>'
    [embed], _ = find_all(_page(script), "html")
    post = value.strip("\u200f\u200c")
    assert (embed.platform, embed.url) == ("telegram", f"https://t.me/{post}")
    assert embed.id_doubt == (f'its embed code\'s data-telegram-post "{post}" holds {named}, which no post\'s name '
                              f"holds: read as {post} without it"), embed.id_doubt


@pytest.mark.parametrize("url, digits, shown", [
    (f"https://twitter.com/WahaEnergy/status/{ARABIC_ID}", "ARABIC-INDIC", "https://twitter.com/WahaEnergy/status/"
     "1569315722468737024"),
    ("https://t.me/ostannews/٤٥٢١", "ARABIC-INDIC", "https://t.me/ostannews/4521"),
], ids=["x", "telegram"])
def test_fetch_of_a_link_with_an_id_in_other_digits_names_them_and_asks_nothing(fakenet, tmp_path, url, digits, shown):
    invoke = setup(fakenet, tmp_path)
    result = invoke("fetch", "--json", url)
    assert result.exit_code == 1, result.output
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    why = (f"it is no post: its id is written in {digits} digits, which no link of the platform's writes; nothing was "
           f"asked. To fetch the post the id names in ASCII digits: {shown}")
    assert line == {"source": url, "link": url, "error": f"input: cannot fetch {url}: {why}"}
    assert result.stderr.splitlines() == [f"error: cannot fetch {url}: {why}"]
    assert fakenet.hits == []
