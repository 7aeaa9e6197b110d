"""Japanese, Korean and Danish credits an East Asian desk's and a credits pass found missed or misread (late47a):
a Japanese caption ending in its agency after "＝" or in brackets, Korean bracketed credits, Ritzau Scanpix, and a
copyright sign before a Japanese paper's name."""

from __future__ import annotations

import pytest

from resolver.extract import find_all

CAPTION_PAGE = '<html><body><figure><img src="https://img.news.example/a.jpg"><figcaption>{}</figcaption></figure></body></html>'
PROSE_PAGE = "<html><body><article><p>港の様子。</p><p>{}</p><p>記事は続く。</p></article></body></html>"


def _credits(line: str, page: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    document = {"caption": CAPTION_PAGE, "prose": PROSE_PAGE}.get(page, "港の様子。\n\n{}\n\n記事は続く。\n").format(line)
    credits = find_all(document, "text" if page == "text" else "html")[1]
    return [(c.creator, c.organization, c.split_confidence, c.kind) for c in credits]


# late47a #1: a Japanese caption ends in its agency after "＝" ("…＝共同"), full-width letters too ("＝ＡＰ"), or two
# agencies ("＝ロイター＝共同", Reuters' picture via Kyodo); in a caption in brackets too ("（共同）", "（ロイター＝共同）").
# None gave a credit.
EQUALS_AGENCY = [
    ("kyodo", "高台から見た港の様子＝共同", [(None, "共同", "high", None)]),
    ("full-width-ap", "高台から見た港の様子＝ＡＰ", [(None, "AP", "high", None)]),
    ("reuters-via-kyodo", "高台から見た港の様子＝ロイター＝共同", [(None, "ロイター＝共同", "high", None)]),
    ("spaced", "高台から見た港の様子 ＝共同", [(None, "共同", "high", None)]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in EQUALS_AGENCY], ids=[c[0] for c in EQUALS_AGENCY])
@pytest.mark.parametrize("page", ["caption", "prose", "text"])
def test_a_japanese_caption_ending_in_an_agency_after_an_equals_sign_credits_it(line, found, page):
    assert _credits(line, page) == found


BRACKETED_AGENCY = [
    ("kyodo", "高台から見た港の様子（共同）", [(None, "共同", "high", None)]),
    ("reuters-via-kyodo", "高台から見た港の様子（ロイター＝共同）", [(None, "ロイター＝共同", "high", None)]),
    ("afp-jiji", "港の様子（ＡＦＰ＝時事）", [(None, "AFP＝時事", "high", None)]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in BRACKETED_AGENCY], ids=[c[0] for c in BRACKETED_AGENCY])
def test_a_japanese_caption_ending_in_a_bracketed_agency_credits_it(line, found):
    assert _credits(line, "caption") == found


@pytest.mark.parametrize("line", [
    "首相は「支援を続ける」と述べた。（共同）",   # an article's own wire credit at a paragraph's end: not a picture's
    "高台から見た港の様子（東京都港区）",          # a place in brackets
    "合計＝３人",                                  # a figure after the sign
    "左から山田さん＝東京都",                      # no agency after the sign
])
@pytest.mark.parametrize("page", ["prose", "text"])
def test_no_agency_or_no_caption_is_no_credit(line, page):
    assert _credits(line, page) == []


def test_a_place_or_figure_after_the_sign_in_a_caption_is_no_credit():
    assert _credits("高台から見た港の様子（東京都港区）", "caption") == []
    assert _credits("左から山田さん＝東京都", "caption") == []


def test_an_english_caption_s_bracketed_agency_is_read_as_before():
    assert _credits("Boats in the harbour (AP)", "caption") == [(None, "AP", "high", None)]


# late47a #2: Korean papers' bracketed credits: "[사진 서울시 제공]" (photo provided by Seoul city) gave no credit, and
# "[연합뉴스 자료사진]" (a Yonhap file photo) was the organisation "연합뉴스 자료사진", its label read as a name. After a
# slash, "/사진=뉴스1" (no key start before "사진") gave no credit.
KOREAN = [
    ("provided-by", "항구의 모습 [사진 서울시 제공]", [(None, "서울시", "uncertain", "courtesy")]),
    ("provided-by-agency", "항구의 모습 [사진 연합뉴스 제공]", [(None, "연합뉴스", "high", "courtesy")]),
    ("file-photo", "항구의 모습 [연합뉴스 자료사진]", [(None, "연합뉴스", "high", "file")]),
    ("file-photo-spaced", "항구의 모습 (연합뉴스 자료 사진)", [(None, "연합뉴스", "high", "file")]),
    ("after-slash", "항구의 모습 /사진=뉴스1", [(None, "뉴스1", "high", None)]),
    ("bracketed-equals", "항구의 모습 (사진=연합뉴스)", [(None, "연합뉴스", "high", None)]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in KOREAN], ids=[c[0] for c in KOREAN])
@pytest.mark.parametrize("page", ["caption", "prose", "text"])
def test_a_korean_bracketed_credit_names_who_provided_or_filed_the_photo(line, found, page):
    assert _credits(line, page) == found


def test_a_korean_file_photo_label_is_no_part_of_the_name():
    assert all(c[1] and "자료" not in c[1] for c in _credits("항구의 모습 [연합뉴스 자료사진]", "caption"))


# late47a #3 (fix47b): Denmark's agency, "Foto: Ritzau Scanpix", was read as a person's name, not sure.
@pytest.mark.parametrize("line,organization", [
    ("Foto: Ritzau Scanpix", "Ritzau Scanpix"),
    ("Foto: Scanpix", "Scanpix"),
    ("Foto: Ritzau", "Ritzau"),
])
def test_the_danish_agency_is_an_organisation_and_sure(line, organization):
    page = CAPTION_PAGE.format(line).replace("<html>", '<html lang="da">')
    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == [(None, organization, "high")]


def test_a_photographer_before_the_danish_agency_is_the_creator():
    credits = find_all(CAPTION_PAGE.format("Foto: Mads Nissen/Ritzau Scanpix"), "html")[1]
    assert [(c.creator, c.organization) for c in credits] == [("Mads Nissen", "Ritzau Scanpix")]


# late47a #4 (newuser47e): "© 朝日新聞社" (the Asahi Shimbun company) gave no credit: the copyright form wanted a capital
# or "@" after the sign.
COPYRIGHTED = [
    ("paper", "© 朝日新聞社", [(None, "朝日新聞社", "high", None)]),
    ("after-caption", "高台から見た港の様子 © 朝日新聞社", [(None, "朝日新聞社", "high", None)]),
    ("wire", "©共同通信社", [(None, "共同通信社", "high", None)]),
    ("korean-paper", "© 한국일보", [(None, "한국일보", "high", None)]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in COPYRIGHTED], ids=[c[0] for c in COPYRIGHTED])
def test_a_copyright_sign_before_an_east_asian_outlet_credits_it(line, found):
    assert _credits(line, "caption") == found


def test_a_copyright_sign_before_a_sentence_in_a_caption_is_no_credit():
    assert _credits("© この写真の無断転載を禁じます", "caption") == []
