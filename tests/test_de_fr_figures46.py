"""German and French figures: "Mio."/"Mrd."/"Md€" and thousands grouped with a space in a translation, and the same
amount written short in the same language (newuser46a #3, #4); fictional posts and quotes."""

import pytest

from resolver.quotes import compare

DE_POST = "Wir werden niemals die Steuern erhöhen. 12.000 Beamte bleiben im Einsatz, 1,5 Mio. Euro stehen bereit."
FR_POST = "Aucune école ne fermera. 1,5 Md€ pour les écoles."


@pytest.mark.parametrize("said, post, lang, quote_lang", [
    ("We will never raise taxes. 12,000 officers remain on duty and 1.5 million euros are ready.", DE_POST, "de", "en"),
    ("No school will close. 1.5 billion euros for schools.", FR_POST, "fr", "en"),
    ("Nous n'augmenterons jamais les impôts. 12\u202f000 agents restent en service et 1,5 million d'euros sont prêts.",
     DE_POST, "de", "fr"),
    ("Nous n'augmenterons jamais les impôts. 12\u00a0000 agents restent en service et 1,5 M€ sont prêts.",
     DE_POST, "de", "fr"),
    ("Keine Schule wird geschlossen. 1,5 Mrd. Euro für die Schulen.", FR_POST, "fr", "de"),
    ("No school will close. 1.5 billion euros for schools.", "Aucune école ne fermera. 1,5 Mds € pour les écoles.",
     "fr", "en"),
    ("We will never raise taxes. 1.5 trillion euros are ready.", "Wir werden niemals die Steuern erhöhen. 1,5 Bio. "
     "Euro stehen bereit.", "de", "en"),
], ids=["mio", "md-euro", "thousands-nnbsp", "m-euro-nbsp", "mrd-of-md", "mds", "bio"])
def test_a_translation_keeping_an_amount_written_short_names_no_figure(said, post, lang, quote_lang):
    """"1.5 million euros" for "1,5 Mio. Euro" warned "1.5 million is not among the post's figures (12.000, 1,5)", and
    "12 000 agents" for "12.000 Beamte" named 12 and 000 (newuser46a #3)."""
    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert c.result == "warn" and "a translation?" in c.evidence, c.evidence
    assert "figure" not in c.evidence and "10^" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, post, lang, quote_lang, named", [
    ("Keine Schule wird geschlossen. 1,5 Billionen Euro für die Schulen.", FR_POST, "fr", "de",
     ('"1,5 Billionen" is not the post\'s "1,5 Md"', 'German "Billionen" is 10^12', 'French "Md" is 10^9',
      "a thousand times apart")),
    ("We will never raise taxes. 12,000 officers remain on duty and 1.5 billion euros are ready.", DE_POST, "de", "en",
     ('"1.5 billion" is not the post\'s "1,5 Mio"', 'English "billion" is 10^9', 'German "Mio" is 10^6',
      "a thousand times apart")),
    ("Nous n'augmenterons jamais les impôts. 12 000 agents restent en service et 1,5 milliard d'euros sont prêts.",
     DE_POST, "de", "fr", ('"1,5 milliard" is not the post\'s "1,5 Mio"', "a thousand times apart")),
], ids=["billionen-of-md", "billion-of-mio", "milliard-of-mio"])
def test_a_scale_a_translation_makes_a_thousand_times_the_short_forms_is_named(said, post, lang, quote_lang, named):
    """"1,5 Billionen" for "1,5 Md€" and "1.5 billion" for "1,5 Mio." said only "not among the post's figures"
    (newuser46a #3)."""
    c = compare(said, post, lang=lang, quote_lang=quote_lang)
    assert c.result in ("warn", "fail") and "a translation?" in c.evidence, c.evidence
    for words in named:
        assert words in c.evidence, c.evidence
    assert "000 is not among" not in c.evidence, c.evidence


def test_a_translation_with_another_grouped_amount_names_it_whole():
    c = compare("Nous n'augmenterons jamais les impôts. 13 000 agents restent en service et 1,5 million d'euros "
                "sont prêts.", DE_POST, lang="de", quote_lang="fr")
    assert c.result == "warn", c.evidence
    assert "13 000 is not among the post's figures (12.000, 1,5 Mio)" in c.evidence, c.evidence


DE_AID = "Wir stellen 1,5 Milliarden Euro für die Hochwasserhilfe bereit, 3,5 % mehr als im Vorjahr."
FR_AID = "L'État débloque 2 milliards d'euros pour les victimes de la tempête."


@pytest.mark.parametrize("said, post, lang, named", [
    ("Wir stellen 1,5 Mrd. Euro für die Hochwasserhilfe bereit, 3,5 Prozent mehr als im Vorjahr.", DE_AID, "de",
     "Milliarden → Mrd (the same amount, its thousand, million or billion written short on one side)"),
    ("L'État débloque 2 Mds d'euros pour les victimes de la tempête.", FR_AID, "fr", "milliards → Mds"),
    ("L'État débloque 2 Md€ pour les victimes de la tempête.", FR_AID, "fr", "milliards d'euros → Md€"),
    ("Wir stellen 1,5 Milliarden Euro für die Hochwasserhilfe bereit, 3,5 % mehr als im Vorjahr.",
     DE_AID.replace("Milliarden", "Mrd."), "de", "Mrd → Milliarden"),
], ids=["mrd", "mds", "md-euro", "milliarden-of-mrd"])
def test_the_same_amount_with_its_scale_written_short_warns_naming_it(said, post, lang, named):
    """„1,5 Mrd. Euro“ for "1,5 Milliarden Euro" failed as `Milliarden → Mrd` where "3,5 Prozent" for "3,5 %" was the
    same figure written otherwise (newuser46a #4)."""
    c = compare(said, post, lang=lang)
    assert c.result == "warn", c.evidence
    assert named in c.evidence, c.evidence


@pytest.mark.parametrize("said, post", [
    ("Wir stellen 1,5 Mio. Euro für die Hochwasserhilfe bereit, 3,5 % mehr als im Vorjahr.", DE_AID),
    ("L'État débloque 2 Md pour les victimes de la tempête.", FR_AID),
    ("L'État débloque 2 M€ pour les victimes de la tempête.", FR_AID),
], ids=["mio-of-milliarden", "md-without-its-euro", "m-of-milliards"])
def test_another_scale_written_short_still_fails(said, post):
    c = compare(said, post, lang="de" if "Wir" in post else "fr")
    assert c.result == "fail", c.evidence


@pytest.mark.parametrize("said, post, named", [
    ("L'État débloque 2 000 milliards d'euros pour les victimes de la tempête.", FR_AID,
     "2 → 2 000 (the figure a thousand times the post's)"),
    ("L'État débloque 2 milliards d'euros pour les victimes de la tempête.", FR_AID.replace("2 ", "2 000 ", 1),
     "2 000 → 2 (the figure a thousandth of the post's)"),
], ids=["added", "dropped"])
def test_a_thousands_group_added_or_dropped_fails_naming_the_figure(said, post, named):
    """„2 000 milliards“ for "2 milliards" failed rightly but said `added "000"` (newuser46a #4)."""
    c = compare(said, post, lang="fr")
    assert c.result == "fail", c.evidence
    assert named in c.evidence, c.evidence
