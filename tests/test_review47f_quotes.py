"""review47f: quote checks fix47d let warn where the quote says something else (fictional posts and people)."""

import pytest

from resolver.quotes import compare

SCHOOL = "Мы построим новую школу в Харькове до конца года."


# A short Russian or Ukrainian quote whose words are the post's with other case endings warns (fix47d #2). A word
# sharing only a few first letters with the post's is another word, not the post's fitted to the reporter's
# sentence: a scale word ("миллиона", a million, of "миллиард", a billion), a verb in another tense ("построили", we
# built, of "построим", we will build; "Мы выиграли", we won, of "Мы выиграем", we will win), a stem whose last
# letters differ ("большой", big, of "больную", sick). They warned as "the same stem, another ending"; they fail.
@pytest.mark.parametrize("said,found", [
    ("миллиона рублей", "Мы выделим миллиард рублей на школу."),
    ("миллиардов рублей", "Мы выделим миллион рублей на школу."),
    ("мільйона гривень", "Ми виділимо мільярд гривень на школу."),
    ("тысячи рублей", "Мы выделим миллион рублей на школу."),
    ("построили новую школу", SCHOOL),
    ("Мы выиграли", "Мы выиграем."),
    ("зробили нову школу", "Ми зробимо нову школу в Харкові."),
    ("построил новую школу", "Он построит новую школу."),
    ("большой школы", "Мы построим больную школу."),
], ids=["million-of-billion", "billions-of-million", "uk-million-of-billion", "thousand-of-million",
        "past-of-future", "whole-post-past-of-future", "uk-past-of-future", "past-of-present", "other-stem-same-start"])
def test_another_word_sharing_the_first_letters_still_fails(said, found):
    c = compare(said, found, lang="uk" if "Ми" in found else "ru")
    assert c.result == "fail", c.evidence
    assert "the same stem, another ending" not in c.evidence, c.evidence


# The endings the reporter's sentence fits still warn: a case ending, a scale word in another case, a verb's
# infinitive of its future.
@pytest.mark.parametrize("said,found", [
    ("тысяч рублей", "Мы выделим тысячу рублей на школу."),
    ("миллиона рублей", "Мы выделим миллион рублей на школу."),
    ("построить новую школу", SCHOOL),
    ("новой школы в Харькове", SCHOOL),
], ids=["thousand-in-another-case", "million-in-another-case", "infinitive-of-future", "genitive"])
def test_an_ending_fitted_to_the_sentence_still_warns(said, found):
    c = compare(said, found, lang="ru")
    assert c.result == "warn", c.evidence
    assert "the same stem, another ending" in c.evidence, c.evidence


# "ни" after a question word denies nothing in "как ни крути" (fix47d #4), but denies before a preposition or a
# pronoun it governs: "как ни у кого" (as no one has), "где ни в одном доме" (where in no house). Since fix47d a
# quote starting after such a "ни" passed, and a translation adding one warned as a translation; a quote after it
# warns of the negation it leaves out, and the translation fails.
@pytest.mark.parametrize("said,found", [
    ("у кого в Европе", "Такая армия, как ни у кого в Европе."),
    ("в одном доме есть свет", "Это город, где ни в одном доме есть свет."),
], ids=["kak-ni-u-kogo", "gde-ni-v-odnom"])
def test_a_quote_after_a_denying_ni_warns_of_it(said, found):
    c = compare(said, found, lang="ru")
    assert c.result == "warn", c.evidence
    assert 'the post has "ни" right before them (a negation the quote leaves out?)' in c.evidence, c.evidence


def test_a_translation_adding_a_denying_ni_after_a_question_word_fails():
    c = compare("Такая армия, как ни у кого в Европе.", "Така армія, як у когось в Європі.", lang="uk")
    assert c.result == "fail", c.evidence
    assert 'the quote adds a negation ("ни"' in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("мы победим", "Как ни крути, мы победим."),
    ("настоящий герой", "Он самый что ни на есть настоящий герой."),
], ids=["kak-ni-kruti", "chto-ni-na-est"])
def test_a_quote_after_a_concessive_ni_still_passes(said, found):
    c = compare(said, found, lang="ru")
    assert c.result == "pass", c.evidence
