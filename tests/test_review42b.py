"""review42b: adversarial review of stop 41's encodings41 and review41b merges. The pages are fictional."""

import pytest

from resolver.article import decode_as, from_bytes

PLAIN = "<html><head><title>Harbour</title></head><body><article>"
META = "<html><head><meta charset='utf-8'><title>Harbour</title></head><body><article>"
TAIL = "</article></body></html>\n"


# encodings41's `<html lang>` rule takes, of the readings that fit as well, one in an encoding of the page's language.
# A reading cp1250 shares with cp1252 is named cp1252's (the first that reads it), so on a Czech, Polish or Hungarian
# page in cp1250 whose few letters cp1252 writes alike ("Novák", "Fotó") the rule passed it over for ISO-8859-2's:
# the credit "©Reuters" was read "ŠReuters", where base41 read it right (a credit matched by its words).
@pytest.mark.parametrize("language, words", [("cs", "Foto: Jan Novák ©Reuters"), ("pl", "Fot. ©Reuters"),
                                             ("hu", "Fotó: ©Reuters"), ("cs", "Foto: ©Reuters/Jan Novák")])
def test_a_page_in_its_languages_encoding_that_cp1252_reads_alike_is_not_read_in_another(language, words):
    for meta in ("", "<meta charset='utf-8'>"):
        html = f"<html lang='{language}'><head>{meta}<title>Foto</title></head><body><p>{words}</p>" + TAIL
        article = from_bytes(html.encode("cp1250"), "story.html")
        assert words in article.text, (article.encoding, article.encoding_rivals, article.text[-50:])


# encodings41 made a short cp1252 reading unsure when a Latin-1 sign stands right before a letter ("£ukasz" is cp1250
# "Łukasz", "©koda" ISO-8859-2 "Škoda"). It took every sign so: a credit "©Reuters", a "®Brand", Spanish "¡Hola!",
# French and Italian guillemets "«Bonjour»", "«basta»", said sure before, were said unsure, their rivals ISO-8859-2's
# "ŠReuters", "ĄHola", "ŤBonjourť" or Mac Roman's "°Hola" (a sign for a sign): a letter no word starts with so.
@pytest.mark.parametrize("words", ["Image ©Reuters 2024", "Copyright ©Riverton Post", "The ®Brand is back",
                                   "¡Hola! dijo el alcalde.", "Il a dit «Bonjour» hier.", "Ha detto «basta» ieri.",
                                   "»Nein«, sagte er."])
def test_a_sign_before_a_word_that_no_other_latin_letter_could_start_stays_cp1252_and_sure(words):
    for html in (PLAIN, META):
        article = from_bytes((html + f"<p>{words}</p>" + TAIL).encode("cp1252"), "story.html")
        assert words in article.text and article.encoding == "cp1252" and article.encoding_rivals == (), (
            article.encoding, article.encoding_rivals)


# and the sign that is another encoding's letter starting a word is still said unsure, the right reading named
@pytest.mark.parametrize("words, encoding", [("Łukasz", "cp1250"), ("Photo: Łukasz Nowak", "cp1250"),
                                             ("Škoda", "iso8859_2"), ("ŠKODA", "iso8859_2"), ("Ślązak", "iso8859_2"),
                                             ("Czy życie jest takie?", "cp1250"), ("Żaden, żona!", "cp1250")])
def test_a_letter_read_as_a_sign_before_a_word_still_names_the_encoding_that_reads_it(words, encoding):
    for html in (PLAIN, META):
        article = from_bytes((html + f"<p>{words}</p>" + TAIL).encode(encoding), "story.html")
        if words not in article.text:
            assert [rival for rival in article.encoding_rivals if words in decode_as(article.data, rival)], (
                article.encoding, article.encoding_rivals, article.text[-50:])


# Found here (base41 too, older than stop 41): a short Japanese text (a headline, a caption) holding a sign Japanese
# writes between its characters, a full-width digit or a circled number ("９時～１７時", "【速報】", "発表①", "－５度",
# "ＮＨＫ"), was read as GB18030's hanzi ("搶嫗乣戝嶃" for "東京～大阪") and said sure, in a page that says lang="ja"
# too: `alphabets.fit` took those characters for signs no text writes, and Python's Shift JIS reads no "①" (Windows'
# cp932, as browsers read Shift_JIS, does), so GB18030, which reads any two bytes as hanzi, fitted best alone.
JAPANESE_SIGNS = ["東京～大阪", "午前９時から午後５時まで", "東京都の知事が発表①", "気温は－５度", "市長が発表【速報】",
                  "ＮＨＫが報じた", "「港」は閉鎖《続報》"]


@pytest.mark.parametrize("words", JAPANESE_SIGNS)
@pytest.mark.parametrize("language", ["", " lang='ja'"])
def test_a_short_japanese_text_with_full_width_signs_is_not_read_as_chinese_and_said_sure(words, language):
    for meta in ("", "<meta charset='utf-8'>"):
        html = f"<html{language}><head>{meta}<title>港</title></head><body><p>{words}</p>" + TAIL
        article = from_bytes(html.encode("cp932"), "story.html")
        if words not in article.text:
            assert [rival for rival in article.encoding_rivals if words in decode_as(article.data, rival)], (
                article.encoding, article.encoding_rivals, article.text[-50:])
            assert not language, (article.encoding, article.text[-50:])


# Found here, a regression of stop 40 (review40b's stray-bytes rule; base39 read them right): a short Chinese,
# Japanese or Korean page labelled UTF-8 but in GBK, Big5, Shift_JIS or EUC-KR, whose words run into a Latin name
# as those languages write it ("苹果公司发布iPhone新机"), was taken for UTF-8 with stray bytes and read with every
# letter replaced ("ƻ����˾����iPhone�»�"), said sure: the stray rule judged each reading's words, and a word holding
# Latin and CJK letters fitted no language. Two CJK letters or more beside the Latin ones are a CJK word's.
@pytest.mark.parametrize("words, encoding", [("苹果公司发布iPhone新机", "gbk"),
                                             ("蘋果公司發布iPhone新機", "big5"), ("アップルがiPhoneを発表", "cp932"),
                                             ("삼성전자가Galaxy를 발표", "euc_kr")])
def test_a_short_cjk_page_labelled_utf8_with_a_latin_name_in_its_words_is_read_in_its_encoding(words, encoding):
    for label in ("meta", "header"):
        head = "<meta charset='utf-8'>" if label == "meta" else ""
        html = f"<html><head>{head}<title>x</title></head><body><p>{words}</p>" + TAIL
        article = from_bytes(html.encode(encoding), "story.html", declared="utf-8" if label == "header" else None)
        assert words in article.text or [rival for rival in article.encoding_rivals
                                         if words in decode_as(article.data, rival)], (
            article.encoding, article.encoding_rivals, article.text[-50:])


# ... and one whose words the guess then misreads ("NBA球星…" as Shift_JIS_2004's half-width kana, as base39 did) is
# said unsure, where the stray rule replaced its letters and said nothing
@pytest.mark.parametrize("words", ["NBA球星宣布退役", "港口on Monday"])
def test_a_short_gbk_page_labelled_utf8_with_a_latin_name_is_not_read_as_utf8_with_its_letters_replaced(words):
    html = f"<html><head><meta charset='utf-8'><title>x</title></head><body><p>{words}</p>" + TAIL
    article = from_bytes(html.encode("gbk"), "story.html")
    assert words in article.text or article.encoding_rivals, (article.encoding, article.text[-50:])
    assert not article.encoding.startswith("utf-8"), (article.encoding, article.text[-50:])


# The other side: a UTF-8 page's junk run between ASCII letters reads in GBK as two hanzi beside them; the page's own
# UTF-8 letters are kept (the Latin-name rule reads the page's bytes, not its bad bytes alone)
@pytest.mark.parametrize("words", ["Premier powiedział, że nie zrezygnuje.", "O presidente disse que não"])
def test_a_utf8_page_with_a_junk_run_between_ascii_letters_keeps_its_letters(words):
    body = (META + f"<p>{words}</p>").encode("utf-8") + b"<p>x abc\x81\x82\x83\x84def y</p>" + TAIL.encode()
    article = from_bytes(body, "story.html")
    assert words in article.text and article.encoding.startswith("utf-8"), (article.encoding, article.text[-90:])


# ... and not only a short one: a news-sized GBK page labelled UTF-8 whose every paragraph names "iPhone" so was read
# as UTF-8 with all its letters replaced, said sure (base42)
def test_a_news_sized_gbk_page_labelled_utf8_naming_a_latin_brand_in_its_words_is_read_in_gbk():
    words = "苹果公司周一发布了新款iPhone手机，售价为七千元。分析师说，这款手机的销量将超过去年的型号。"
    article = from_bytes((META + f"<p>{words}</p>" * 40 + TAIL).encode("gbk"), "story.html")
    assert words in article.text and article.encoding == "gb18030", (article.encoding, article.text[-60:])
