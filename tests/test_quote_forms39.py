"""Quotes typed another way (newuser39a): letters a keyboard or a spelling writes two ways warn naming them, never
pass silently nor fail; a word really changed beside them still fails."""

import pytest

from resolver.quotes import compare


# newuser39a §3: a Persian keyboard's ی and ک for Arabic ي and ك, the Ukrainian apostrophe ʼ (U+02BC) for ' or ’,
# an Arabic hamza or madda left off (أ إ آ as ا), and ى for ي at a word's end failed as changed words, where ё
# written as е warns.
@pytest.mark.parametrize("said,found,named", [
    ("سقط صاروخ فی المدینة", "سقط صاروخ في المدينة",
     "ARABIC LETTER FARSI YEH U+06CC in place of ARABIC LETTER YEH U+064A"),
    ("قال المتحدث إن الکهرباء انقطعت", "قال المتحدث إن الكهرباء انقطعت",
     "ARABIC LETTER KEHEH U+06A9 in place of ARABIC LETTER KAF U+0643"),
    ("Памʼять загиблих вшанували", "Пам'ять загиблих вшанували",
     "MODIFIER LETTER APOSTROPHE U+02BC in place of APOSTROPHE U+0027"),
    ("Пам'ять загиблих вшанували", "Памʼять загиблих вшанували",
     "APOSTROPHE U+0027 in place of MODIFIER LETTER APOSTROPHE U+02BC"),
    ("Пам’ять загиблих вшанували", "Памʼять загиблих вшанували",
     "APOSTROPHE U+0027 in place of MODIFIER LETTER APOSTROPHE U+02BC"),
    ("سال الصحفي عن الضحايا", "سأل الصحفي عن الضحايا",
     "ARABIC LETTER ALEF U+0627 in place of ARABIC LETTER ALEF WITH HAMZA ABOVE U+0623"),
    ("الاف النازحين عادوا الى الشمال", "آلاف النازحين عادوا إلى الشمال",
     "ARABIC LETTER ALEF U+0627 in place of ARABIC LETTER ALEF WITH MADDA ABOVE U+0622"),
    ("سقط صاروخ علي المدينة", "سقط صاروخ على المدينة",
     "ARABIC LETTER YEH U+064A in place of ARABIC LETTER ALEF MAKSURA U+0649"),
], ids=["farsi-yeh", "keheh", "uk-apostrophe", "apostrophe-for-uk", "curly-for-uk", "hamza", "madda-and-hamza",
        "alef-maksura"])
def test_letters_typed_another_way_warn_naming_them(said, found, named):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "word for word but for" in c.evidence and named in c.evidence, c.evidence


def test_two_hamza_forms_are_both_shown():
    c = compare("الاف النازحين عادوا الى الشمال", "آلاف النازحين عادوا إلى الشمال")
    assert "آلاف → الاف" in c.evidence and "إلى → الى" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,changed", [
    ("سقط صاروخ فی المدینة الشمالية", "سقط صاروخ في المدينة الجنوبية", "الجنوبية → الشمالية"),
    ("Памʼять загиблих не вшанували", "Пам'ять загиблих вшанували", 'added "не"'),
    ("الاف النازحين لم يعودوا الى الشمال", "آلاف النازحين عادوا إلى الشمال", "عادوا → لم يعودوا"),
], ids=["farsi-yeh", "uk-apostrophe", "hamza"])
def test_a_changed_word_beside_letters_typed_another_way_still_fails(said, found, changed):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert changed in c.evidence, c.evidence


def test_the_same_letters_typed_the_same_way_pass_as_before():
    assert compare("سقط صاروخ فی المدینة", "سقط صاروخ فی المدینة").result == "pass"
    assert compare("Пам’ять загиблих вшанували", "Пам'ять загиблих вшанували").result == "pass"   # typography
