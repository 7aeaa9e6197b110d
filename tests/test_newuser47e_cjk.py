"""An East Asian news desk's articles (newuser47e): Chinese credits whose label a slash ends, and quotes of a post
in CJK quotation marks beside its link."""

from __future__ import annotations

import pytest

from resolver.extract import find_all

CAPTION_PAGE = '<html><body><figure><img src="https://img.news.example/a.jpg"><figcaption>{}</figcaption></figure></body></html>'
PROSE_PAGE = "<html><body><article><p>港口的情况。</p><p>{}</p><p>报道继续。</p></article></body></html>"

# newuser47e #2: Chinese and Taiwanese papers end a caption with the picture's word and a slash, "图/新华社",
# "圖／中央社": the slash form read the word 图 ("picture") as the photographer, and in plain text or after a
# caption's words there was no credit at all.
SLASH_LABELS = [
    ("simplified-agency", "图/新华社", [(None, "新华社", "high")]),
    ("traditional-agency-wide-slash", "圖／中央社", [(None, "中央社", "high")]),
    ("after-caption", "民眾在花蓮港邊觀浪。圖／中央社", [(None, "中央社", "high")]),
    ("after-caption-space", "沿海渔船回港避风 图/新华社", [(None, "新华社", "high")]),
    ("in-brackets", "沿海渔船回港避风（图/新华社）", [(None, "新华社", "high")]),
    ("photographer", "攝影／王小明", [("王小明", None, "uncertain")]),
    ("reporter-photographed", "圖／記者王小明攝", [("王小明", None, "uncertain")]),
    ("picture-reporter", "图片/记者 张三", [("张三", None, "uncertain")]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in SLASH_LABELS], ids=[c[0] for c in SLASH_LABELS])
@pytest.mark.parametrize("page", ["caption", "prose", "text"])
def test_a_chinese_picture_word_before_a_slash_is_the_credits_label(line, found, page):
    document = {"caption": CAPTION_PAGE, "prose": PROSE_PAGE}.get(page, "港口的情况。\n\n{}\n\n报道继续。\n").format(line)
    credits = find_all(document, "text" if page == "text" else "html")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == found
    assert all(c.creator not in ("图", "圖") for c in credits)


@pytest.mark.parametrize("line", ["图/北京街头的行人", "圖／遊客在故宮前拍照留念", "第1/2页", "图/文：本报记者"],
                         ids=["description", "traditional-description", "page-count", "byline"])
@pytest.mark.parametrize("page", ["caption", "text"])
def test_a_description_after_the_picture_word_and_a_slash_is_no_credit(line, page):
    document = CAPTION_PAGE.format(line) if page == "caption" else f"港口的情况。\n\n{line}\n\n报道继续。\n"
    credits = find_all(document, "text" if page == "text" else "html")[1]
    assert [(c.creator, c.organization) for c in credits] == []
