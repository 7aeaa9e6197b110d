"""Ukrainian ↔ Russian translations, and a figure or negation a translation changes (newuser44a #5); fictional.

A Russian quote of a Ukrainian post, or the reverse, got only "mostly not the post's (they may quote something
else)": both are written in Cyrillic letters, so the script check never said "a translation?". And no translation
warning named a figure the quote gives that the post does not (105 in the post, 150 in the quote), nor a negation
added or dropped. Now: "may be a translation (Ukrainian ↔ Russian)", and the figure or negation named; a fail where
it is unambiguous (the same digits in another order, the figures otherwise one for one; Ukrainian and Russian both
negate with "не", so a translation between them keeps it), else a warn naming it.
"""

import pytest

from resolver.provenance import text_check
from resolver.quotes import compare

UK_POST = "Знищено 12 танків і п'ять БМП противника біля Балаклії. Слава ЗСУ!"
RU_POST = "Войска ещё удерживают объём позиций на востоке."
RU_LOSSES = "Потери противника составили 105 человек."


def checked(said: str, post: str, detector: str = "html-link", confidence: str = "high") -> dict[str, str]:
    return text_check({"text": said, "detector": detector, "text_confidence": confidence},
                      {"status": "available", "text": post, "archived": []})


def test_a_russian_quote_of_a_ukrainian_post_may_be_a_translation():
    c = compare("Уничтожено 12 танков и пять БМП противника возле Балаклеи", UK_POST)
    assert c.result == "warn", c.evidence
    assert "may be a translation (Ukrainian ↔ Russian)" in c.evidence and "compare by hand" in c.evidence, c.evidence
    assert "not among the post's figures" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, named", [
    ("Уничтожено 21 танков и пять БМП противника возле Балаклеи", UK_POST, "21 is not among the post's figures (12)"),
    ("Війська не утримують позиції на сході", RU_POST, 'the quote adds a negation ("не") the post does not have'),
    ("Війська ще утримують обсяг позицій на сході", "Войска не удерживают объём позиций на востоке.",
     'the post\'s negation ("не") is not in the quote'),
], ids=["figure-transposed", "negation-added", "negation-dropped"])
def test_an_unambiguous_change_in_a_ukrainian_russian_translation_fails_naming_it(said, post, named):
    c = compare(said, post)
    assert c.result == "fail", c.evidence
    assert named in c.evidence and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence
    found = checked(said, post)
    assert found["result"] == "fail", found
    assert named in found["evidence"], found


def test_a_figure_not_among_the_posts_in_a_translation_of_unsure_language_warns_naming_it():
    """"Потери противника составили 105 человек" has no letter or word only Russian writes: the quote is Ukrainian,
    the post may be Russian; a warn naming the figure, never a pass."""
    found = checked("Втрати противника становили 150 осіб", RU_LOSSES)
    assert found["result"] in ("warn", "fail"), found
    assert "may be a translation (Ukrainian ↔ Russian)" in found["evidence"], found
    assert "150 is not among the post's figures (105)" in found["evidence"], found


@pytest.mark.parametrize("said, post, named, result", [
    ("Enemy losses amounted to 150 people.", RU_LOSSES, "150 is not among the post's figures (105)", "fail"),
    ("Enemy losses amounted to 150 people.", "Потери противника составили 15 человек.",
     "150 is not among the post's figures (15)", "warn"),
    ("The troops do not hold positions in the east.", RU_POST, 'the quote adds a negation ("not")', "warn"),
], ids=["transposed", "another-figure", "negation"])
def test_a_translation_in_another_script_names_a_changed_figure_or_negation(said, post, named, result):
    found = checked(said, post)
    assert found["result"] == result, found
    assert named in found["evidence"], found


def test_a_translation_keeping_its_figures_and_negation_names_none():
    found = checked("Enemy losses amounted to 105 people.", RU_LOSSES)
    assert found["result"] == "warn", found
    assert "figures" not in found["evidence"] and "negation" not in found["evidence"], found


def test_a_ukrainian_misquote_of_a_ukrainian_post_is_no_translation():
    """Both sides Ukrainian: a changed word still fails as one, never "may be a translation"."""
    c = compare("Знищено 21 танк і п'ять БМП противника біля Балаклії", UK_POST)
    assert c.result == "fail" and "translation" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, result", [
    ("Enemy losses amounted to 150 people", RU_LOSSES, "fail"),
    ("Enemy losses amounted to 105 people", RU_LOSSES, "warn"),
    ("Enemy losses amounted to 1500 people", RU_LOSSES, "warn"),
], ids=["transposed", "kept", "another"])
def test_a_translation_compared_whole_names_a_figure_not_among_the_posts(said, post, result):
    """The comparison itself (an embed's words, not a link's): "a translation?" names the figure too."""
    c = compare(said, post)
    assert c.result == result, c.evidence
    assert c.evidence.startswith("no word of the post's"), c.evidence
    assert ("is not among the post's figures (105)" in c.evidence) == (result != "warn" or "1500" in said), c.evidence


@pytest.mark.parametrize("said, post", [
    ("Света в городе нет уже третий день.", "Світла в місті нема вже третій день."),
    ("Пострадавших в доме и во дворе нет.", "Постраждалих у будинку і на подвір'ї немає."),
    ("Выходить на улицу сейчас нельзя, это опасно.", "Виходити на вулицю зараз не можна, це небезпечно."),
    ("Потерь среди мирных жителей нет.", "Жодних втрат серед мирних жителів."),
], ids=["net-nema", "net-nemaie", "nelzia-ne-mozhna", "net-zhodnykh"])
def test_a_negation_each_language_says_in_its_own_word_is_kept_in_a_translation(said, post):
    """Ukrainian "немає", "нема" are Russian "нет"; Russian "нельзя" is Ukrainian "не можна"; "жодних" and "никаких"
    both deny (review45a): a faithful translation failed as "the quote adds a negation ("нет")"."""
    c = compare(said, post)
    assert c.result == "warn" and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence
    assert "negation" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, named", [
    ("Свет в городе есть уже третий день.", "Світла в місті нема вже третій день.",
     'the post\'s negation ("нема") is not in the quote'),
    ("Пострадавшие в доме и во дворе есть.", "Постраждалих у будинку і на подвір'ї немає.",
     'the post\'s negation ("немає") is not in the quote'),
    ("Виходити на вулицю зараз можна, це безпечно.", "Выходить на улицу сейчас нельзя, это опасно.",
     'the post\'s negation ("нельзя", in “Выходить на улицу сейчас нельзя”) is not in the quote\'s'),
    ("Мы отступим. Никаких сомнений.", "Ми не відступимо. Жодних сумнівів.",
     'the post\'s negation ("не", in “Ми не відступимо”) is not in the quote\'s “Мы отступим”'),
    ("Мы не сдадимся врагу, путь есть.", "Ми здамося ворогу, шляху немає.",
     'the quote adds a negation ("не", in “Мы не сдадимся врагу”) the post\'s “Ми здамося ворогу” does not have'),
    ("Мы отступим.", "Ми не відступимо. Жодних сумнівів.", 'the post\'s negation ("не") is not in the quote'),
], ids=["nema-dropped", "nemaie-dropped", "nelzia-dropped", "ne-dropped-beside-nikakikh", "negation-moved",
        "every-part-denies"])
def test_a_negation_dropped_or_moved_in_a_translation_fails_whatever_word_denies(said, post, named):
    """A word only one language denies with ("немає", "нельзя") is that side's negation, dropped when the other side
    has none; and a denying word of another sentence ("Никаких сомнений") no longer excuses a dropped "не", nor one
    moved to another clause (review46b: each warned as a faithful translation)."""
    c = compare(said, post)
    assert c.result == "fail", c.evidence
    assert named in c.evidence and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence


@pytest.mark.parametrize("said, post", [
    ("Ни света, ни воды в городе нет.", "Ані світла, ані води в місті немає."),
    ("Мы никогда не сдадимся врагу, никаких сомнений.", "Ми ніколи не здамося ворогу, жодних сумнівів."),
    ("Это подарок для Ани от всей команды.", "Це подарунок для Ані від усієї команди."),
    ("Сегодня утром ещё ничто не сработало, ни один генератор.",
     "Сьогодні вранці ще ніщо не спрацювало, жоден генератор."),
], ids=["ani-ni", "clause-by-clause", "anya", "zhoden"])
def test_a_translation_keeping_each_clauses_negation_warns(said, post):
    """"ані" denies as "ни" does, clause by clause; "Ані" inside a sentence is a name's case ("для Ані", review46b)."""
    c = compare(said, post)
    assert c.result == "warn" and "(Ukrainian ↔ Russian)" in c.evidence and "negation" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, named", [
    ("Город держится, и мы тоже.", "Ми не відступимо. Місто тримається, і ми теж.", 'negation ("не", in “Ми не відступимо”)'),
    ("Город держится, и мы тоже.", "Світла немає. Місто тримається, і ми теж.", 'negation ("немає", in “Світла немає”)'),
], ids=["ne", "nemaie"])
def test_a_partial_translation_leaving_out_the_posts_negating_sentence_warns_naming_it(said, post, named):
    """A quote rendering the post's last sentence, with no negation, of a post whose first sentence has one: it failed
    as "the post's negation is not in the quote" (review46b). Its clauses may be a run of the post's none of which
    denies: it warns, naming where the post's negation is."""
    c = compare(said, post)
    assert c.result == "warn" and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence
    assert f"the post's {named} is in a part of the post the quote may not give (a partial quote?)" in c.evidence, \
        c.evidence


@pytest.mark.parametrize("said, post", [
    ("Мы отступим.", "Ми не відступимо, місто тримається."),
    ("Мы отступим.", "Ми не відступимо. Місто тримається."),
    ("Мы отступим, город держится.", "Ми не відступимо, місто тримається, і ми теж."),
], ids=["one-of-two-clauses", "one-of-two-sentences", "two-of-three-clauses"])
def test_a_partial_translation_whose_words_render_the_posts_negating_clause_fails(said, post):
    """A quote with fewer clauses than the post whose words are the negating clause's own cognates ("отступим" of
    "відступимо") renders that clause, and drops its negation: it failed before review46b and warned after it, as a
    part the quote may not give (the lead, stop 46). Only where its words say nothing of which part it renders (no
    cognate, or as many in a part that denies nothing) is it a partial quote that warns."""
    c = compare(said, post)
    assert c.result == "fail", c.evidence
    assert 'the post\'s negation ("не") is not in the quote' in c.evidence, c.evidence


def test_a_partial_translation_joining_two_clauses_the_post_parts_by_a_comma_fails_dropping_its_negation():
    """"Я думаю что мы отступим." of "Я думаю, що ми не відступимо.": one clause of the post's two, by its comma; its
    words are cognates of both ("думаю", "отступим"), so it renders the denying one too and drops its "не". It
    warned as a partial quote (the lead, stop 46)."""
    c = compare("Я думаю что мы отступим.", "Я думаю, що ми не відступимо.")
    assert c.result == "fail" and 'the post\'s negation ("не") is not in the quote' in c.evidence, c.evidence


@pytest.mark.parametrize("said, post", [
    ("Я думаю что мы не отступим.", "Я думаю, що ми не відступимо."),
    ("Мы знаем, что враг не пройдет.", "Ми знаємо, що ворог не пройде."),
], ids=["half-spelt-alike", "cognates"])
def test_a_faithful_translation_half_of_whose_words_are_spelt_as_the_posts_warns_as_a_translation(said, post):
    """Both told sure (Russian "что", "мы"; Ukrainian "що", "ми"): a translation, never "2 changes in the quoted
    words" (review46e left it: a false fail)."""
    c = compare(said, post)
    assert c.result == "warn" and "(Ukrainian ↔ Russian)" in c.evidence and "negation" not in c.evidence, c.evidence
