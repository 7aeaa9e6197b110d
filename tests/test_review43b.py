"""review43b: what stop 42's quote verdicts (fixnu42c) read wrongly. An elision that cuts a date or a time out of a
clause failed as "the cut drops a figure: it changes what the post's words say": the post's claim is the same with its
day or hour left out, an honest cut. A figure written in words cut out only warned, where the same in digits fails.
Pure comparisons, fictional posts."""

from __future__ import annotations

import pytest

from resolver.quotes import compare


@pytest.mark.parametrize("said, found, elided", [
    ("The council … approved the budget.", "The council on 3 March approved the budget.", "on 3 March"),
    ("The council … approved the budget.", "The council on March 3 approved the budget.", "on March 3"),
    ("The council … approved the budget.", "The council in March 2024 approved the budget.", "in March 2024"),
    ("The mayor … said the plan works.", "The mayor at 10am said the plan works.", "at 10am"),
    ("The mayor … said the plan works.", "The mayor at 10:30 said the plan works.", "at 10:30"),
    ("The mayor … said the plan works.", "The mayor at 10 pm said the plan works.", "at 10 pm"),
    ("Der Rat hat … den Haushalt beschlossen.", "Der Rat hat am 3. März den Haushalt beschlossen.", "am 3 März"),
    ("Le conseil a … adopté le budget.", "Le conseil a le 3 mars adopté le budget.", "le 3 mars"),
], ids=["day-month", "month-day", "month-year", "10am", "10:30", "10-pm", "german-date", "french-date"])
def test_an_elision_of_a_date_or_a_time_is_an_honest_cut(said, found, elided):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert c.evidence.endswith(f'elided with …: "{elided}"'), c.evidence


@pytest.mark.parametrize("said, found, elided", [
    ("We will cut … jobs on 3 March.", "We will cut 300 jobs on 3 March.", '"300"'),
    ("The council … approved the budget.", "The council on 3 March by 7 votes approved the budget.",
     '"on 3 March by 7 votes"'),
    ("We will cut … jobs at City Hall.", "We will cut three hundred jobs at City Hall.", '"three hundred"'),
    ("We will cut … jobs at City Hall.", "We will cut a thousand jobs at City Hall.", '"a thousand"'),
    ("We will cut … jobs at City Hall.", "We will cut twelve jobs at City Hall.", '"twelve"'),
    ("We will hire … nurses a month.", "We will hire 10 a month, nurses a month.", '"10 a month"'),
], ids=["figure-beside-a-date", "figure-with-a-date", "three-hundred", "a-thousand", "twelve", "10-a-month"])
def test_an_elision_of_a_figure_still_fails_beside_a_date_or_in_words(said, found, elided):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f"1 change in the quoted words: elided with …: {elided} (the cut drops a figure"), \
        c.evidence


# A date's day and month written in the other order ("March 3" of "3 March") is the same date, as "3,000" of "3000" is
# the same figure; read as words that trade places it failed (as an added and a dropped "March" before stop 42).
@pytest.mark.parametrize("said, found", [
    ("We will vote on March 3 at City Hall.", "We will vote on 3 March at City Hall."),
    ("We will vote on 3 May at City Hall.", "We will vote on May 3 at City Hall."),
    ("We will vote on March 3rd at City Hall.", "We will vote on 3rd March at City Hall."),
])
def test_a_dates_day_and_month_in_the_other_order_are_the_same_date(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "1 figure written otherwise" in c.evidence and "the same date, its day and month in the other order" \
        in c.evidence, c.evidence


@pytest.mark.parametrize("said, found", [
    ("We will vote on March 4 at City Hall.", "We will vote on 3 March at City Hall."),   # another day
    ("We will vote on 3 June at City Hall.", "We will vote on May 3 at City Hall."),   # another month
    ("Okafor beat Marsh 3 to 5 in March.", "Okafor beat Marsh 5 to 3 in March."),   # a score turned: no date
], ids=["another-day", "another-month", "score"])
def test_another_date_or_a_score_turned_still_fails(said, found):
    assert compare(said, found).result == "fail"


# "without" and its like in the languages the negation words cover: a cut of it alone, its object kept, turns the
# post's words around ("fund the plan … new taxes" of "fund the plan without new taxes"); it warned as an honest cut.
@pytest.mark.parametrize("said, found, elided", [
    ("We will fund the plan … new taxes.", "We will fund the plan without new taxes.", "without"),
    ("Nous financerons le plan … impôts.", "Nous financerons le plan sans impôts.", "sans"),
    ("Wir finanzieren den Plan … Steuern.", "Wir finanzieren den Plan ohne Steuern.", "ohne"),
    ("Financiaremos el plan … impuestos.", "Financiaremos el plan sin impuestos.", "sin"),
], ids=["en", "fr", "de", "es"])
def test_an_elision_of_without_before_its_object_fails(said, found, elided):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f'1 change in the quoted words: elided with …: "{elided}" (the cut drops a negation'), \
        c.evidence


@pytest.mark.parametrize("said, found", [
    ("We will act … and fund the plan.", "We will act without delay and fund the plan."),   # with its object
    ("We will fund the plan …", "We will fund the plan without new taxes."),   # at the quote's end
])
def test_an_elision_of_without_with_its_object_still_warns(said, found):
    assert compare(said, found).result in ("warn", "pass")


# fixnu42d's quote-post note: "the article's words are those of the post it quotes … not this post's". A quoting post
# often repeats the quoted words before its own; an embed of it with a word dropped got the note, a false claim: the
# article's words are this post's, more of them than the quoted post holds.
QUOTED_WORDS = "The bridge stays closed until the inspection is done in June."
QUOTING = f"{QUOTED_WORDS} Again! Third time this year the mayor has promised it."


def _quote_post_check(said: str) -> dict:
    from resolver.provenance import text_check

    post = {"status": "available", "text": QUOTING, "archived": [], "post_id": "2031399680209846273",
            "platform": "twitter", "references": [{"type": "quoted", "id": "2031399680209846272", "text": QUOTED_WORDS,
                                                   "handle": "city_engineer"}]}
    return text_check({"text": said, "detector": "html-blockquote"}, post)


@pytest.mark.parametrize("said", [
    f"{QUOTED_WORDS} Again! Third time this year the mayor promised it.",   # this post's, a word dropped
    f"{QUOTED_WORDS} Again!",   # this post's, in part
])
def test_a_quoting_posts_own_words_that_repeat_the_quoted_ones_are_not_said_to_be_the_quoted_posts(said):
    checked = _quote_post_check(said)
    assert checked["result"] != "pass", checked
    assert "the post it quotes" not in checked["evidence"], checked["evidence"]


def test_the_quoted_posts_words_alone_are_still_said_to_be_its():
    from resolver.provenance import text_check

    post = {"status": "available", "text": "Not what the mayor said.", "archived": [],
            "post_id": "2031399680209846273", "platform": "twitter",
            "references": [{"type": "quoted", "id": "2031399680209846272", "text": QUOTED_WORDS,
                            "handle": "city_engineer"}]}
    checked = text_check({"text": QUOTED_WORDS, "detector": "html-blockquote"}, post)
    assert checked["result"] == "fail" and "the post it quotes, @city_engineer's 2031399680209846272" \
        in checked["evidence"], checked


# fixnu42d's translation note ("they may be a translation, which is not compared word by word") was added to a quote
# whose words are the post's own, word for word, where most of the post's letters are of another script: a post in
# two languages quoted in the one it opens with. The words were compared, and matched.
def test_a_quote_of_the_posts_own_words_in_its_other_script_is_no_translation():
    from resolver.provenance import text_check

    post = {"status": "available", "text": "Слава Україні! Glory to Ukraine and to all its defenders, today and always.",
            "archived": [], "post_id": "2031399680209846273", "platform": "twitter", "lang": "en"}
    checked = text_check({"text": "Слава Україні!", "detector": "html-blockquote"}, post)
    assert checked["result"] == "warn" and "partial quote: 2 of 13 words" in checked["evidence"], checked
    assert "translation" not in checked["evidence"], checked["evidence"]


# fixnu42c's link's-sentence fail took "won't → will" as a dropped negation; a negation dropped with its auxiliary
# ("didn't", "did not", "hasn't" left out whole: "We cut 300 jobs" of "We didn't cut 300 jobs") still warned "they may
# quote something else, so this is no fail", 12 of the quote's 13 words the post's word for word.
LAST_YEAR = "We didn't cut 300 jobs at City Hall to balance the budget last year."


def _beside(said: str, found: str) -> dict:
    from resolver.provenance import text_check

    post = {"status": "available", "text": found, "archived": [], "post_id": "2031399680209846273"}
    return text_check({"text": said, "detector": "html-link", "text_confidence": "uncertain"}, post)


@pytest.mark.parametrize("said, found, dropped", [
    ("We cut 300 jobs at City Hall to balance the budget last year.", LAST_YEAR, "didn't"),
    ("We cut 300 jobs at City Hall to balance the budget last year.", LAST_YEAR.replace("didn't", "did not"),
     "did not"),
    ("The council approved the new budget for the city schools this year.",
     "The council hasn't approved the new budget for the city schools this year.", "hasn't"),
], ids=["didn't", "did-not", "hasn't"])
def test_a_negation_dropped_with_its_auxiliary_in_the_links_sentence_fails(said, found, dropped):
    checked = _beside(said, found)
    assert checked["result"] == "fail", checked
    assert f'dropped "{dropped}"' in checked["evidence"] and "this post's words, changed" in checked["evidence"], \
        checked["evidence"]


def test_an_auxiliary_changed_beside_the_negation_and_another_word_still_warns_beside_a_link():
    checked = _beside("We will cut 300 nurses at City Hall to balance the budget last year.", LAST_YEAR)
    assert checked["result"] == "warn", checked


# The same in the other languages the negation words cover: French "ne … pas" dropped from a verb ("n'augmenterons pas
# → augmenterons"), Spanish "No" dropped from the sentence's start the quote opens with: both warned "they may quote
# something else, so this is no fail", every other word the post's.
@pytest.mark.parametrize("said, found", [
    ("Nous augmenterons les impôts locaux cette année, quoi qu'en dise le budget.",
     "Nous n'augmenterons pas les impôts locaux cette année, quoi qu'en dise le budget."),
    ("Nous allons augmenter les impôts locaux cette année, quoi que dise le budget.",
     "Nous n’allons pas augmenter les impôts locaux cette année, quoi que dise le budget."),
    ("Vamos a subir los impuestos locales este año, diga lo que diga el presupuesto.",
     "No vamos a subir los impuestos locales este año, diga lo que diga el presupuesto."),
], ids=["fr-n'", "fr-n’", "es-no"])
def test_a_french_or_spanish_negation_dropped_in_the_links_sentence_fails(said, found):
    checked = _beside(said, found)
    assert checked["result"] == "fail", checked
    assert "this post's words, changed" in checked["evidence"], checked["evidence"]


# "not only", "nicht nur", "non seulement", "no matter" deny nothing (as `_CLAUSE_NEGATION_RE` reads them): a cut of the
# pair left the post's claim as it was, and failed as "the cut drops a negation: it turns the post's words around".
@pytest.mark.parametrize("said, found", [
    ("We will … cut taxes but also fees.", "We will not only cut taxes but also fees."),
    ("We will … cut taxes but fees too.", "We will not just cut taxes but fees too."),
    ("Wir werden … die Steuern senken, sondern auch die Gebühren.",
     "Wir werden nicht nur die Steuern senken, sondern auch die Gebühren."),
    ("Nous allons … baisser les impôts, mais aussi les taxes.",
     "Nous allons non seulement baisser les impôts, mais aussi les taxes."),
    ("We will win … what they say.", "We will win no matter what they say."),
], ids=["not-only", "not-just", "nicht-nur", "non-seulement", "no-matter"])
def test_an_elision_of_not_only_is_an_honest_cut(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


@pytest.mark.parametrize("said, found", [
    ("We will … only cut taxes.", "We will not only cut taxes but also fees."),   # "only" kept: "we will only cut"
    ("There is … doubt we will win.", "There is no doubt we will win."),   # "no" alone cut from "no doubt"
], ids=["only-kept", "no-of-no-doubt"])
def test_an_elision_of_the_negation_alone_of_such_a_pair_still_fails(said, found):
    assert compare(said, found).result == "fail"
