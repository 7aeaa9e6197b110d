"""review48a: a second review of fix47zh, late47a, late47b, late47c and newuser47e. Credits' words that name no
photographer in a Chinese or Japanese caption, copyright notices beside an East Asian outlet's name, Korean wire
credits in square brackets, and a Japanese quote a speaker gave after a post's link. Fixtures fictional; offline."""

from __future__ import annotations

import pytest

from resolver.extract import find_all
from tests.test_newuser47e_cjk import CAPTION_PAGE, POST, _linked   # the same small pages


def _credits(line: str, page: str = "caption") -> list[tuple[str | None, str | None, str | None, str | None]]:
    document = CAPTION_PAGE.format(line) if page == "caption" else f"港口的情况。\n\n{line}\n\n报道继续。\n"
    credits = find_all(document, "text" if page == "text" else "html")[1]
    return [(c.creator, c.organization, c.split_confidence, c.kind) for c in credits]


# A Chinese or Japanese credit's words after its label that say how the picture came, not who made it: each was read
# as a photographer's name ("受访者提供", "provided by the interviewee", the creator), from the label-slash form
# (newuser47e) as from the colon's.
NOT_A_NAME = [
    ("provided-by-interviewee", "图/受访者提供", [(None, "受访者", "uncertain", "courtesy")]),
    ("provided-colon", "图片：受访者提供", [(None, "受访者", "uncertain", "courtesy")]),
    ("ja-provided", "写真：川辺市提供", [(None, "川辺市", "uncertain", "courtesy")]),
    ("own-file-photo", "圖／本報資料照片", [(None, None, None, "file")]),
    ("group-file-photo", "圖／報系資料照", [(None, None, None, "file")]),
    ("file-picture", "图：资料图", [(None, None, None, "file")]),
    ("agency-file-photo", "照片：新华社资料照片", [(None, "新华社", "high", "file")]),
    ("taken-from-facebook", "圖／取自臉書", [(None, "臉書", "uncertain", None)]),
    ("reshot-from-facebook", "圖／翻攝自臉書", [(None, "臉書", "uncertain", "screenshot")]),
    ("released-by-xinhua", "图/新华社发", [(None, "新华社", "high", None)]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in NOT_A_NAME], ids=[c[0] for c in NOT_A_NAME])
@pytest.mark.parametrize("page", ["caption", "text"])
def test_words_saying_how_a_picture_came_are_no_photographer(line, found, page):
    assert _credits(line, page) == found


@pytest.mark.parametrize("line", ["图/网络", "圖／網路", "图片来源：网络"], ids=["internet", "internet-traditional",
                                                                                "source-internet"])
def test_the_internet_is_no_credit_s_name(line):
    assert _credits(line) == []


@pytest.mark.parametrize("line,found", [
    ("圖／中央社", [(None, "中央社", "high", None)]),
    ("攝影／王小明", [("王小明", None, "uncertain", None)]),
    ("写真：山田太郎", [("山田太郎", None, "uncertain", None)]),
], ids=["agency", "photographer", "ja-photographer"])
def test_a_name_after_the_label_is_read_as_before(line, found):
    assert _credits(line) == found


# A copyright notice beside an East Asian outlet's name, its words for "all rights reserved" or "no reproduction
# without permission" after it: the name ran on into them ("朝日新聞社 無断転載禁止" a person's name, "新华社 版权所有" an
# organisation's), where "© 2019 Acme. All rights reserved." in a caption is the page's notice, no credit.
@pytest.mark.parametrize("line", ["©2024 朝日新聞社 無断転載禁止", "© 毎日新聞社 禁無断転載", "© 朝日新聞社 無断転載を禁じます",
                                  "© 新华社 版权所有", "©新華社 版權所有，轉載請註明出處", "© 한국일보, 무단 전재 및 재배포 금지"],
                         ids=["ja-no-reproduction", "ja-forbidden-first", "ja-sentence", "zh-rights-reserved",
                              "zh-tw-rights-reserved", "ko-no-reproduction"])
def test_an_east_asian_rights_notice_is_a_notice_as_all_rights_reserved_is(line):
    assert _credits(line) == []


def test_an_east_asian_outlet_after_the_sign_alone_is_still_credited():
    assert _credits("© 朝日新聞社") == [(None, "朝日新聞社", "high", None)]


# Yonhap's caption ends in the agency whose picture it relays, in square brackets: "[AFP=연합뉴스]" (AFP's picture via
# Yonhap), as a Japanese caption's "（ロイター＝共同）". The caption's own words were its photographer ("항구의 모습",
# "the harbour"), the agencies the organisation, not sure.
@pytest.mark.parametrize("line,organization", [("항구의 모습 [AFP=연합뉴스]", "AFP＝연합뉴스"),
                                               ("항구의 모습 [로이터=연합뉴스]", "로이터＝연합뉴스"),
                                               ("港の様子［ロイター＝共同］", "ロイター＝共同")],
                         ids=["afp-via-yonhap", "reuters-via-yonhap", "ja-square"])
def test_a_wire_credit_in_square_brackets_ending_a_caption_names_the_agencies(line, organization):
    assert _credits(line) == [(None, organization, "high", None)]


def test_a_place_in_square_brackets_ending_a_korean_caption_is_no_credit():
    assert _credits("항구의 모습 [서울=홍길동]") == []


@pytest.mark.parametrize("line", ["항구의 모습 [EPA=연합뉴스 자료사진]", "항구의 모습 (EPA=연합뉴스 자료 사진)"],
                         ids=["square", "round-spaced"])
def test_a_relayed_file_photo_s_label_is_no_part_of_the_agency(line):
    # "자료사진", a file photo: it was read into the organisation's name, "EPA＝연합뉴스 자료사진"
    assert _credits(line) == [(None, "EPA＝연합뉴스", "high", "file")]


# Yonhap's usual form names who provided the photo with no word for it, and adds its terms: "[서울시 제공. 재판매 및 DB
# 금지]" (provided by Seoul city; no resale, no database). Neither gave a credit: "[사진 서울시 제공]" alone was read.
@pytest.mark.parametrize("line", ["항구의 모습 [서울시 제공]", "항구의 모습 [서울시 제공. 재판매 및 DB 금지]"],
                         ids=["provided", "provided-with-terms"])
def test_a_korean_provider_in_a_caption_s_brackets_is_the_lender(line):
    assert _credits(line) == [(None, "서울시", "uncertain", "courtesy")]


def test_a_provider_in_brackets_in_prose_needs_the_photo_word():
    page = "<html><body><article><p>시는 지원을 약속했다.</p><p>항구의 모습 (정부가 예산 제공)</p></article></body></html>"
    assert find_all(page, "html")[1] == []


def test_a_photo_provided_by_no_one_named_names_no_lender():
    assert all(c[1] != "사진" for c in _credits("항구의 모습 (사진 제공)"))


# A Japanese quote in 「…」 that a verb of speech closes ("と述べた", said; "と話した", told) is a speaker's, as "…,” she
# told reporters" is: it was read as the post's quote beside its link (newuser47e), uncertain.
@pytest.mark.parametrize("verb", ["と述べた", "と話した", "と語った", "と説明した", "と強調した"],
                         ids=["said", "told", "spoke", "explained", "stressed"])
def test_a_japanese_quote_a_verb_of_speech_closes_is_no_quote_of_the_post(verb):
    paragraph = f'<p>市の<a href="{POST}">ツイッター</a>によると、佐藤市長は会見で「全員無事だ」{verb}。</p>'
    assert _linked(paragraph) == (None, None)


@pytest.mark.parametrize("verb", ["と投稿した", "と書き込んだ", "とつづった"], ids=["posted", "wrote-in", "wrote"])
def test_a_japanese_quote_a_verb_of_posting_closes_is_still_the_post_s(verb):
    paragraph = f'<p>佐藤市長は<a href="{POST}">ツイッター</a>に「避難所は３か所です」{verb}。</p>'
    assert _linked(paragraph) == ("避難所は３か所です", "uncertain")


# #14: the "cjk-closing" form ran over every text not all ASCII holding a bracket or "=" (a French caption's
# "(à gauche)"), 33 ms over the corpus's 258 such texts, 3 of them in a script it reads: now only where one is.
@pytest.mark.parametrize("text,tried", [
    ("Le maire (à gauche) a dit ça.", False), ("Bürgermeisterin (links) = Chefin", False),
    ("항구의 모습 [AFP=연합뉴스]", True), ("港の様子（共同）", True), ("港の様子＝共同", True),
], ids=["french", "german", "korean", "japanese-brackets", "japanese-equals"])
def test_the_cjk_closing_form_is_tried_only_on_a_text_in_a_script_it_reads(text, tried):
    from resolver.extract.credits import _forms_worth_trying

    assert ("cjk-closing" in _forms_worth_trying(text, caption=True)) is tried
