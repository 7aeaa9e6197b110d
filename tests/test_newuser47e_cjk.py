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


POST = "https://twitter.com/kawabe_mayor/status/1569123456789012345"


def _linked(paragraphs: str, lang: str = "ja") -> tuple[str | None, str | None]:
    page = f'<html lang="{lang}"><body><article><p>川辺市で１２日、川が氾濫した。</p>{paragraphs}</article></body></html>'
    embeds = [e for e in find_all(page, "html")[0] if e.post_id == "1569123456789012345"]
    assert len(embeds) == 1
    return embeds[0].text, embeds[0].text_confidence


# newuser47e #3: a quote of the post in Japanese 「…」 or 『…』 beside its link was not read at all (the report said
# the article quotes no words of the post), and a full-width colon after the link, which ties a quote to it as a
# colon does, left a Chinese “…” uncertain. A quote in the next sentence (after 。) is no quote of the link's.
CJK_BESIDE = [
    ("ja-corner-brackets", f'<p>佐藤市長は<a href="{POST}">自身のツイッター</a>に「避難所は３か所開設しました。落ち着いて行動して'
     "ください」と投稿した。</p>", "避難所は３か所開設しました。落ち着いて行動してください", "uncertain"),
    ("ja-double-brackets", f'<p>佐藤市長は<a href="{POST}">ツイッター</a>に『避難所は３か所です』と書き込んだ。</p>',
     "避難所は３か所です", "uncertain"),
    ("ja-wide-colon", f'<p>佐藤市長は<a href="{POST}">ツイッターに投稿</a>：「避難所は３か所開設しました」</p>',
     "避難所は３か所開設しました", "high"),
    ("zh-wide-colon-curly", f'<p>海滨气象台12日在<a href="{POST}">推特</a>发文称：“台风将于今晚登陆，请市民减少外出。”</p>',
     "台风将于今晚登陆，请市民减少外出。", "high"),
    ("zh-tw-wide-colon-corner", f'<p>交通部12日在<a href="{POST}">推特</a>表示：「今晚起台鐵東部幹線停駛。」</p>',
     "今晚起台鐵東部幹線停駛。", "high"),
    # not the post's: a quote after the link's sentence ended (。), and one after a word for sharing another's story
    ("ja-next-sentence", f'<p>佐藤市長は<a href="{POST}">ツイッター</a>で避難を呼びかけた。会見では「全員無事だ」と述べた。</p>',
     None, None),
    ("zh-next-sentence", f'<p>气象台在<a href="{POST}">推特</a>发布预警。市长表示：“请大家放心。”</p>', None, None),
    ("zh-shared-story", f'<p>市长在<a href="{POST}">推特</a>转发文章：“台风登陆前的最后一夜”</p>',
     "台风登陆前的最后一夜", "uncertain"),
]


@pytest.mark.parametrize("paragraphs,text,confidence", [c[1:] for c in CJK_BESIDE], ids=[c[0] for c in CJK_BESIDE])
def test_a_cjk_quote_beside_a_posts_link_is_read_as_its_quote(paragraphs, text, confidence):
    assert _linked(paragraphs) == (text, confidence)


# newuser47e #4: Chinese state media's credit after the caption, "新华社记者 王明 摄" (Xinhua reporter Wang Ming,
# photographed), Taiwan's "（記者王小明攝）", a name alone before 摄, and Japanese papers' "（撮影・山田太郎）" gave no
# credit.
SUFFIX_CREDITS = [
    ("xinhua-reporter-spaced", "沿海渔船回港避风。新华社记者 王明 摄", [("王明", "新华社", "high")]),
    ("xinhua-reporter-in-brackets", "沿海渔船回港避风。（新华社记者王明摄）", [("王明", "新华社", "high")]),
    ("taiwan-reporter", "民眾在花蓮港邊觀浪。（記者王小明攝）", [("王小明", None, "uncertain")]),
    ("name-alone", "沿海渔船回港避风。王明 摄", [("王明", None, "uncertain")]),
    ("japanese-nakaguro", "避難所に集まった住民＝１２日、川辺市（撮影・山田太郎）", [("山田太郎", None, "uncertain")]),
    ("japanese-nakaguro-after-equals", "避難所に集まった住民＝撮影・山田太郎", [("山田太郎", None, "uncertain")]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in SUFFIX_CREDITS], ids=[c[0] for c in SUFFIX_CREDITS])
@pytest.mark.parametrize("page", ["caption", "text"])
def test_a_cjk_credit_ending_in_its_photographed_word_is_read(line, found, page):
    document = CAPTION_PAGE.format(line) if page == "caption" else f"港口的情况。\n\n{line}\n\n报道继续。\n"
    credits = find_all(document, "text" if page == "text" else "html")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == found


@pytest.mark.parametrize("line", ["閉鎖された橋＝１２日、川辺市（代表撮影）", "川辺市（本社機撮影）", "川辺市（多重露光撮影）",
                                  "沿海渔船回港避风。（本报记者摄）", "他们正在拍摄", "我们一起去拍摄。", "记者在现场拍摄",
                                  "这是他第一次摄影"],
                         ids=["pool-photo", "papers-plane", "multiple-exposure", "reporter-unnamed", "filming",
                              "filming-sentence", "reporter-filming", "photography"])
@pytest.mark.parametrize("page", ["caption", "text"])
def test_a_word_of_taking_pictures_in_a_sentence_names_no_photographer(line, page):
    document = CAPTION_PAGE.format(line) if page == "caption" else f"港口的情况。\n\n{line}\n\n报道继续。\n"
    assert [(c.creator, c.organization) for c in find_all(document, "text" if page == "text" else "html")[1]] == []
