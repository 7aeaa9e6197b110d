"""Review of stop 46's review46b (uk/ru translations judged clause by clause), the lead's f0eaec55, review46c (a cut
from a negation into another sentence) and review46a/d (mojibake) by review46e: each test a wrong answer found."""

import pytest

from resolver.quotes import compare


@pytest.mark.parametrize("said, post", [
    ("Мы знаем, что враг не пройдет, и будем стоять.", "Ми знаємо що ворог не пройде, і будемо стояти, без сумнівів."),
    ("Конечно, мы не отступим никогда.", "Звісно ми не відступимо, ніколи."),
], ids=["comma-before-chto", "comma-after-konechno"])
def test_a_faithful_translation_whose_commas_fall_elsewhere_never_fails_as_dropping_a_negation(said, post):
    """Russian and Ukrainian writers put commas in different places ("Конечно," "знаем, что"): where the quote and the
    post then split into as many clauses, paired wrongly, the negation kept in the next clause failed as dropped
    (review46b's clause-by-clause rule)."""
    c = compare(said, post)
    assert c.result == "warn" and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence
    assert "negation" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, named", [
    ("Мы знаем что враг пройдет.", "Ми знаємо, що ворог не пройде.", 'the post\'s negation ("не"'),
    ("Мы не знаем, что враг пройдет.", "Ми знаємо що ворог не пройде.", 'the post\'s negation ("не"'),
    ("Мы знаем, что враг не пройдет.", "Ми не знаємо що ворог пройде.", 'the post\'s negation ("не", in “не знаємо”)'),
], ids=["dropped-clauses-merged", "moved-to-the-main-clause", "moved-to-the-subordinate-clause"])
def test_a_translation_dropping_or_moving_the_negation_of_a_word_it_renders_fails(said, post, named):
    """A quote giving "пройдет" (the post's "не пройде") without its "не": with one comma fewer it warned as a
    partial quote that may leave the negating clause out, though its own words render that clause; with the negation
    moved to another clause of other count it warned saying nothing of a negation."""
    c = compare(said, post)
    assert c.result == "fail", c.evidence
    assert named in c.evidence and "(Ukrainian ↔ Russian)" in c.evidence, c.evidence


@pytest.mark.parametrize("said, post", [
    ("I will not … resign.", "I will not, as Dr. Smith advised, resign."),
    ("I will not … resign.", "I will not, despite the U.S. Senate vote, resign."),
    ("We will not … cut the budget.", "We will not (see p. 4) cut the budget."),
    ("She did not … sign it.", "She did not, at 3 p.m. Monday, sign it."),
    ("We will never … surrender.", "We will never, in Gov. Ray Smith's words, surrender."),
], ids=["dr", "u-s", "p-4", "p-m", "gov"])
def test_a_cut_after_a_negation_over_an_abbreviations_dot_stays_inside_its_sentence(said, post):
    """The dot of "Dr.", "U.S.", "p.m.", "Gov." or "p. 4" ends no sentence: an honest cut inside the negation's own
    sentence failed as running "from a negation into another sentence" (review46c's `_negation_moved`)."""
    c = compare(said, post)
    assert c.result == "warn" and "partial quote" in c.evidence, c.evidence
    assert "another sentence" not in c.evidence, c.evidence


def test_a_cut_from_a_negation_into_another_sentence_still_fails_after_an_abbreviation():
    c = compare("I will not … resign.", "I will not meet Dr. Smith. I will resign.")
    assert c.result == "fail" and "another sentence" in c.evidence, c.evidence


@pytest.mark.parametrize("line, expected", [
    ("Photo: CC BY-SA 4.0", []),
    ("Photo: CC BY-NC-SA 2.0", []),
    ("Photo: CC BY-SA 4.0 International", []),
    ("Photo: CC BY 4.0 License", []),
    ("Photo: CC BY-SA 4.0 Deed", []),
    ("Photo: CC BY-SA 4.0 International / Jane Doe", [("Jane Doe", None)]),
    ("Photo: CC BY 2.0 Generic Jane Doe", [("Jane Doe", None)]),
    ("Photo: Jane Doe, CC BY-SA 4.0 International", [("Jane Doe", None)]),
    ("Photo: Jane Doe (CC BY-SA 4.0 International)", [("Jane Doe", None)]),
    ("Photo: Jane Doe, CC BY 3.0 Unported", [("Jane Doe", None)]),
], ids=["by-sa", "by-nc-sa", "international", "license", "deed", "international-slash", "generic-space", "international-after",
        "international-in-brackets", "unported-after"])
def test_a_licences_own_name_international_license_deed_is_no_organisation_nor_part_of_a_name(line, expected):
    """"CC BY-SA 4.0 International" is the licence's whole name (and "3.0 Unported", "2.0 Generic", "… License",
    "… Deed"): review46b's licence-then-a-space rule made "International", "License", "Deed" the credit's
    organisation, and after a name they stayed in it; and it read "CC BY-SA 4.0" alone as "CC BY" then a hyphen, the
    photographer "SA 4.0" ("Jane Doe, CC BY-SA 4.0 International"), or the credit
    vanished ("Jane Doe (CC BY-SA 4.0 International)")."""
    from resolver.extract import find_all

    found = find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]
    assert [(c.creator, c.organization) for c in found] == expected


@pytest.mark.parametrize("said, post", [
    ("Thanks to … the team for everything.", "Thanks to Nao and the team for everything."),
    ("Congratulations to … on the gold medal!", "Congratulations to Nao Kojima on the gold medal!"),
], ids=["nao-and", "nao-kojima"])
def test_a_cut_of_the_name_nao_drops_no_negation(said, post):
    """"Nao" is a name (Nao Kojima) as well as Portuguese "não" without its tilde: since "nao" became a negation
    (6def70cc), an English quote cutting the name failed as "the cut drops a negation"."""
    c = compare(said, post)
    assert c.result == "warn" and "partial quote" in c.evidence, c.evidence


def test_portuguese_nao_is_still_a_negation_cut_or_dropped_in_a_translation():
    c = compare("Nós … vamos subir os impostos no proximo ano.", "Nós nao vamos subir os impostos no proximo ano.")
    assert c.result == "fail" and "drops a negation" in c.evidence, c.evidence
    c = compare("We will raise taxes next year", "Nao vamos subir os impostos no proximo ano", lang="pt")
    assert 'the post has a negation ("Nao")' in c.evidence, c.evidence
