"""Quotes in Spanish and Portuguese: translations beside a link, decimal marks and the scale words of a translation
(newuser45a #1, #3, #4); fictional posts and quotes."""

import pytest

from resolver.provenance import text_check
from resolver.quotes import compare

PT_POST = "O governo não vai cortar R$ 1,2 bilhão da educação. Isso é fake news."


def checked(said: str, post: str, lang: str, detector: str = "html-link", confidence: str = "uncertain") -> dict:
    return text_check({"text": said, "detector": detector, "text_confidence": confidence, "platform": "twitter"},
                      {"status": "available", "text": post, "lang": lang, "archived": [], "post_id": "1",
                       "platform": "twitter"})


@pytest.mark.parametrize("detector", ["html-link", "html-blockquote"])
def test_a_translation_that_drops_the_posts_negation_says_so_beside_a_link_as_in_embed_code(detector):
    """Beside a link it said only "mostly not the post's (they may quote something else)" (newuser45a #1)."""
    found = checked("The government will cut R$ 1.2 billion from education", PT_POST, "pt", detector)
    assert found["result"] == "warn", found
    assert "which reads as English, the post is in Portuguese: a translation?" in found["evidence"], found
    assert 'the post has a negation ("não"), the quote none' in found["evidence"], found
    assert "mostly not the post's" not in found["evidence"], found


INFLATION = "La inflación de agosto fue del {}, la más baja del año."


@pytest.mark.parametrize("post, said", [("3,5%", "3.5%"), ("3.5%", "3,5%"), ("12,75", "12.75"), ("1.234,5", "1,234.5")])
def test_the_same_figure_with_the_other_decimal_mark_warns_naming_it_never_fails(post, said):
    """Mexican and Central American papers write "3.5%" where a Spanish post writes "3,5%": it failed as a changed
    figure, `--fail-on fail` rejecting a correct quote (newuser45a #3)."""
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "warn", c.evidence
    assert "a decimal comma on one side and a decimal point on the other" in c.evidence, c.evidence


@pytest.mark.parametrize("post, said", [("1.000", "1,000"), ("1,000", "1.000"), ("2,500", "2.500")])
def test_a_thousands_group_or_a_decimal_warns_saying_it_may_be_either(post, said):
    """"1,000" in a Spanish post may be one, to three places; "1.000" a thousand: never a pass, never the same figure
    said sure (newuser45a #3)."""
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "warn", c.evidence
    assert "a thousands' group in one way of writing figures, a decimal mark in the other" in c.evidence, c.evidence


@pytest.mark.parametrize("post, said", [("3,5%", "35%"), ("3,5%", "5,3%"), ("3,5%", "5.3%"), ("3,5%", "3.6%"),
                                        ("3,5%", "0.35%"), ("1.000", "1,0")])
def test_another_value_with_either_decimal_mark_still_fails(post, said):
    c = compare(INFLATION.format(said), INFLATION.format(post), lang="es")
    assert c.result == "fail", c.evidence


ES_INFLATION = INFLATION.format("3,5%")
EN_LOAN = "The IMF approved a $1.2 billion loan for Argentina."


def test_a_translation_swapping_a_decimal_figures_digits_fails_naming_it():
    """"3,5%" and "5.3%" were read as the same figures, 3 and 5: no note at all (newuser45a #4)."""
    c = compare("August inflation was 5.3%, the lowest of the year.", ES_INFLATION, lang="es", quote_lang="en")
    assert c.result == "fail", c.evidence
    assert "5.3% is not among the post's figures (3,5%)" in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, lang, quote_lang", [
    ("August inflation was 3.5%, the lowest of the year.", ES_INFLATION, "es", "en"),
    ("El FMI aprobó un préstamo de 1.200 millones de dólares para Argentina", EN_LOAN, "en", "es"),
    ("El FMI aprobó un préstamo de 1,2 mil millones de dólares para Argentina", EN_LOAN, "en", "es"),
    ("O FMI aprovou um empréstimo de US$ 1,2 bilhão para a Argentina", EN_LOAN, "en", "pt"),
    ("The IMF approved a $1.2 trillion loan for Argentina.", "El FMI aprobó un préstamo de 1,2 billones de dólares "
     "para Argentina", "es", "en"),
], ids=["decimal-mark", "mil-millones", "mil-millones-decimal", "bilhao", "trillion-of-billones"])
def test_a_translation_keeping_the_amount_in_its_own_words_names_no_figure(said, post, lang, quote_lang):
    """"1.200 millones" for "$1.2 billion" said "200 is not among the post's figures (1, 2)" (newuser45a #4)."""
    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert c.result == "warn" and "a translation?" in c.evidence, c.evidence
    assert "figure" not in c.evidence and "10^" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, lang, quote_lang, named", [
    ("El FMI aprobó un préstamo de 1,2 billones de dólares para Argentina", EN_LOAN, "en", "es",
     ('"1,2 billones" is not the post\'s "$1.2 billion"', 'Spanish "billones" is 10^12 (English "trillion")',
      'English "billion" is 10^9')),
    ("O FMI aprovou um empréstimo de US$ 1,2 trilhão para a Argentina", EN_LOAN, "en", "pt",
     ('"1,2 trilhão" is not the post\'s "$1.2 billion"', 'Portuguese "trilhão" is 10^12 (English "trillion")')),
    ("Vamos a recortar 1 billón de dólares de ayuda a América Latina este año",
     "We will not cut 1 billion dollars of aid to Latin America this year.", "en", "es",
     ('Spanish "billón" is 10^12', "a thousand times")),
    ("The IMF approved a $1.2 billion loan for Argentina.", "El FMI aprobó un préstamo de 1,2 billones de dólares "
     "para Argentina", "es", "en", ('"$1.2 billion" is not the post\'s "1,2 billones"',)),
], ids=["billones", "trilhao", "billon", "billion-of-billones"])
def test_a_scale_word_a_translation_changes_a_thousand_times_is_named_as_a_false_friend(said, post, lang, quote_lang,
                                                                                        named):
    """Spanish "billón" and Portuguese "trilhão" are 10^12, English "billion" 10^9: never named (newuser45a #4)."""
    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert c.result in ("warn", "fail") and "a translation?" in c.evidence, c.evidence
    for words in named:
        assert words in c.evidence, c.evidence


def test_a_translation_with_another_amount_names_it():
    c = compare("El FMI aprobó un préstamo de 12.000 millones de dólares para Argentina", EN_LOAN, lang="en",
                quote_lang="es")
    assert c.result == "warn", c.evidence
    assert "12.000 millones is not among the post's figures ($1.2 billion)" in c.evidence, c.evidence


def test_a_figure_whose_decimal_mark_its_language_does_not_settle_is_named_as_unsure():
    """Spanish writes "2.500" for 2500 in Spain and for 2.5 in Mexico: a note on it says it is read either way."""
    c = compare("Los costos subieron 2.500 por ciento este año", "Costs rose 12 percent this year.", lang="en",
                quote_lang="es")
    assert c.result == "warn", c.evidence
    assert "2.500 is not among the post's figures (12) (read as 2500 or as 2.5: not sure which" in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, lang, quote_lang, named", [
    ("The government will cut 1.2 million from the health budget next year",
     "El gobierno recortará 1.200 millones del presupuesto de salud el próximo año", "es", "en", "1.200 millones"),
    ("El gobierno recortará 2.500 millones del presupuesto de salud el próximo año",
     "The government will cut $2.5 million from the health budget next year", "en", "es", "2.500 millones"),
], ids=["post-spanish", "quote-spanish"])
def test_a_figure_the_post_matches_only_read_with_a_decimal_mark_to_three_places_is_named(said, post, lang, quote_lang,
                                                                                          named):
    # review45f: "1.200 millones" read as 1.2 million (Mexico's decimal point) matched "1.2 million" and nothing was
    # said, where read as 1200 million (Spain's thousands' point) it is a thousand times the quote's
    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert c.result == "warn", c.evidence
    assert named in c.evidence and "not sure which" in c.evidence, c.evidence


def test_portuguese_no_in_the_is_no_negation_a_translation_drops():
    # review45f: Portuguese "no" (em + o, "in the") was read as the English or Spanish negation: "the post has a
    # negation ("no"), the quote none" of a faithful translation
    c = compare("The government will cut 1.2 billion from the health budget next year",
                "O governo vai cortar 1,2 bilhão do orçamento da saúde no próximo ano", lang="pt")
    assert c.result == "warn" and "a translation?" in c.evidence, c.evidence
    assert "negation" not in c.evidence, c.evidence
    c = compare("The government will not cut 1.2 billion from the health budget next year",
                "O governo vai cortar 1,2 bilhão do orçamento da saúde no próximo ano", lang="pt")
    assert 'the quote has a negation ("not"), the post none' in c.evidence, c.evidence
