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
