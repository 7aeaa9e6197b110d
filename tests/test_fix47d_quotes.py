"""fix47d: quote checks lost at earlier reviews, found again (fictional posts and people)."""

import pytest

from resolver.quotes import compare

FACTORY = "We will not close the factory in Turin this year, the minister said."


# A Dutch rendering of an English post shares its opening "We" (a Dutch word too, and one of Dutch's frequent words,
# so neither a name nor a short word in small letters): it failed as "10 words replaced by 6". A translation whose
# anchors (places, figures) agree warns "a translation?"; one whose figure differs still names it (fix47d #1).
@pytest.mark.parametrize("said,found", [
    ("We sluiten de fabriek dit jaar niet", "We will not close the factory this year, the minister said."),
    ("We sluiten de fabriek in Turijn dit jaar niet", FACTORY),
    ("Non chiuderemo la fabbrica di Torino quest'anno", FACTORY),
    ("We sluiten in 2025 geen fabriek", "We will not close a factory in 2025."),
], ids=["dutch-opening-we", "dutch-with-in-and-place", "italian", "dutch-same-year"])
def test_a_faithful_dutch_or_italian_translation_warns_as_one(said, found):
    for lang in ("en", None):
        c = compare(said, found, lang=lang)
        assert c.result == "warn", c.evidence
        assert "a translation?" in c.evidence, c.evidence
        assert "Dutch" in c.evidence or "Italian" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,note", [
    ("We sluiten de fabriek in 2026 niet", "We will not close the factory in 2025, the minister said.",
     "2026 is not among the post's figures (2025)"),
    ("Non chiuderemo la fabbrica di Torino nel 2026", "We will not close the factory in Turin in 2025.",
     "2026 is not among the post's figures (2025)"),
], ids=["dutch-other-year", "italian-other-year"])
def test_a_translation_with_another_figure_still_names_it(said, found, note):
    c = compare(said, found, lang="en")
    assert c.result in ("warn", "fail"), c.evidence
    assert note in c.evidence, c.evidence


# The same opening word in one language is still compared word by word: only a translation is let off.
def test_an_english_quote_sharing_its_opening_we_is_still_compared():
    c = compare("We will close the factory this year", "We will not close the factory this year.", lang="en")
    assert c.result == "fail", c.evidence


# A figure written by its million in a German quote ("1,2 Mio.") of a post writing it in full ("1.200.000", "1 200
# 000") failed as "1.200.000 → 1,2 Mio": figures are compared by value across writing conventions, and warn as the
# same amount written otherwise; another value still fails (fix47d #3).
@pytest.mark.parametrize("said,found", [
    ("Wir geben 1,2 Mio. Euro für die Schule.", "Wir geben 1.200.000 Euro für die Schule."),
    ("Wir geben 1,2 Mio. Euro für die Schule.", "Wir geben 1 200 000 Euro für die Schule."),
    ("Wir geben 1.200.000 Euro für die Schule.", "Wir geben 1,2 Mio. Euro für die Schule."),
    ("1,2 Mio. Euro für die Schule", "Wir geben 1.200.000 Euro für die Schule."),
    ("Wir geben 1,2 Mio.", "Wir geben 1.200.000 Euro für die Schule."),
    ("Мы выделим 1,2 млн рублей на школу.", "Мы выделим 1 200 000 рублей на школу."),
], ids=["mio-of-dotted-full", "mio-of-spaced-full", "full-of-mio", "quote-opens-with-mio", "quote-ends-with-mio",
        "russian-mln"])
def test_a_figure_by_its_million_of_one_in_full_warns_as_the_same_amount(said, found):
    for lang in ("de" if "Euro" in found else "ru", None):
        c = compare(said, found, lang=lang)
        assert c.result == "warn", c.evidence
        assert "the same amount, in full figures on one side and by its thousand, million or billion on the other" \
            in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Wir geben 1,3 Mio. Euro für die Schule.", "Wir geben 1.200.000 Euro für die Schule."),
    ("Wir geben 1,2 Mrd. Euro für die Schule.", "Wir geben 1.200.000 Euro für die Schule."),
    ("Wir geben 12 Mio. Euro für die Schule.", "Wir geben 1.200.000 Euro für die Schule."),
    ("Wir geben 1,2 Mio. Euro für die Schule.", "Wir geben 1.200 Euro für die Schule."),
], ids=["another-figure", "another-scale", "ten-times", "thousand-read-as-million"])
def test_another_value_by_its_million_still_fails(said, found):
    c = compare(said, found, lang="de")
    assert c.result == "fail", c.evidence


# Russian idioms whose "ни" after a question word denies nothing ("как ни крути", whichever way you look at it; "что
# ни говори", say what you will; "куда ни глянь", wherever you look; "как ни странно", oddly enough): a faithful
# Russian rendering of a Ukrainian post failed as "the quote adds a negation ("ни")", and a quote of a Russian post
# beginning after the idiom's "ни" warned of a negation left out (fix47d #4). "ни" of "ни шагу", and "ни" after a
# question word before "души", "разу", "одного" (not a soul, not once, not one), still deny.
@pytest.mark.parametrize("said,found", [
    ("Как ни крути, мы победим.", "Ми переможемо, безумовно."),
    ("Что ни говори, мы победим.", "Ми переможемо, безумовно."),
    ("Мы победим, как ни крути.", "Ми переможемо."),
    ("Куда ни глянь, везде руины.", "Скрізь руїни."),
    ("Как ни странно, мост цел.", "Дивно, але міст цілий."),
    ("Где бы мы ни были, мы победим.", "Ми переможемо."),
], ids=["kak-ni-kruti", "chto-ni-govori", "idiom-at-the-end", "kuda-ni-glyan", "kak-ni-stranno", "gde-by-ni"])
def test_a_russian_idiom_with_ni_adds_no_negation_to_a_translation(said, found):
    c = compare(said, found, lang="uk")
    assert c.result == "warn", c.evidence
    assert "negation" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Мы не победим.", "Ми переможемо."),
    ("Ни шагу назад, мы победим.", "Ми переможемо, безумовно."),
    ("Мы пришли туда, где ни души.", "Ми прийшли туди, де багато людей."),
], ids=["ne", "ni-shagu", "gde-ni-dushi"])
def test_a_russian_negation_added_to_a_translation_still_fails(said, found):
    c = compare(said, found, lang="uk")
    assert c.result == "fail", c.evidence
    assert "negation" in c.evidence, c.evidence


def test_a_quote_after_the_idioms_ni_is_no_negation_left_out():
    c = compare("крути, мы победим", "Как ни крути, мы победим.", lang="ru")
    assert c.result == "pass", c.evidence


# A short quote of a Russian post sits in the reporter's sentence, its words' case endings fitted to it ("обещал
# построить «новую школу в Харькове»", "строительство «новой школы в Харькове»"): it failed as changed words. The
# same stems with other endings warn, naming them, as words the article may have fitted; another stem still fails
# (fix47d #2).
SCHOOL = "Мы построим новую школу в Харькове до конца года."


@pytest.mark.parametrize("said,found", [
    ("новой школы в Харькове", SCHOOL),
    ("построить новую школу в Харькове", SCHOOL),
    ("новую школу в Харькове до конца этого года", SCHOOL),
    ("новой школы", SCHOOL),
    ("городской больнице", "Городская больница получит новое оборудование."),
    ("нову школу в Харкові", "Ми збудуємо нову школу в Харкові до кінця року."),
    ("новій школі в Харкові", "Ми збудуємо нову школу в Харкові до кінця року."),
], ids=["genitive-at-start", "infinitive-at-start", "word-added-inside-is-no-ending", "every-word-fitted", "dative",
        "uk-as-written",
        "uk-locative"])
def test_a_short_russian_quote_fitted_to_the_sentence(said, found):
    c = compare(said, found, lang="ru" if "Мы" in found or "Город" in found else "uk")
    if said == "нову школу в Харкові":
        assert c.result == "pass", c.evidence
    elif "этого" in said:
        assert c.result == "fail", c.evidence   # "этого" is a word added, no ending
    else:
        assert c.result == "warn", c.evidence
        assert "the same stem, another ending" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("старую школу в Харькове", SCHOOL),
    ("новую больницу в Харькове", SCHOOL),
    ("не построим новую школу", SCHOOL),
    ("новую школу в Киеве", SCHOOL),
], ids=["other-adjective", "other-noun", "negation-added", "other-city"])
def test_a_short_russian_quote_with_another_stem_still_fails(said, found):
    c = compare(said, found, lang="ru")
    assert c.result == "fail", c.evidence


# Not in a Turkic language written in Cyrillic letters, whose negation is an ending: Kazakh "берме" (do not give) is
# no "бер" (give) fitted to a sentence.
def test_a_kazakh_negative_ending_still_fails():
    c = compare("ақшаны берме", "Ақшаны бер, деді ол.", lang="kk")
    assert c.result == "fail", c.evidence


# Inside a longer quote, a word's ending is no fitting to the reporter's sentence: "построили" (we built) for
# "построим" (we will build) still fails; at the quote's start it warns.
def test_an_ending_changed_inside_a_long_russian_quote_still_fails():
    c = compare("Мы построили новую школу в Харькове до конца года.", SCHOOL, lang="ru")
    assert c.result == "fail", c.evidence
    c = compare("новой школы в Харькове до конца года", SCHOOL, lang="ru")
    assert c.result == "warn", c.evidence
