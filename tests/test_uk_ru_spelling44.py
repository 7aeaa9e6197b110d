"""Right quotes that warned (newuser44a #11); fixtures fictional.

Ukrainian's own apostrophe, ʼ (MODIFIER LETTER APOSTROPHE U+02BC), warned against ' or ’ in the post, "(or another
word?)", where ’ against ' passed: it is the same apostrophe, typography. Russian ё written е warned, though Russian
print writes е for ё as a rule: a pass now, its note saying it is only spelling. A real change beside either fails.
"""

import pytest

from resolver.quotes import compare


@pytest.mark.parametrize("said, found", [
    ("Знищено пʼять танків біля Балаклії", "Знищено п'ять танків біля Балаклії"),
    ("Знищено п'ять танків біля Балаклії", "Знищено пʼять танків біля Балаклії"),
    ("Знищено п’ять танків біля Балаклії", "Знищено пʼять танків біля Балаклії"),
    ("Знищено пʼять танків біля Балаклії", "Знищено п’ять танків біля Балаклії"),
], ids=["uk-apostrophe-in-quote", "straight-in-quote", "curly-in-quote", "curly-in-post"])
def test_the_ukrainian_apostrophe_is_the_same_apostrophe(said, found):
    c = compare(said, found)
    assert (c.result, c.evidence) == ("pass", "the post's 5 words, word for word"), c.evidence


@pytest.mark.parametrize("said, found, shown", [
    ("Уничтожено еще 12 танков", "Уничтожено ещё 12 танков", "ещё → еще"),
    ("Её объем вырос", "Её объём вырос", "объём → объем"),
    ("Всё решено", "Все решено", "Все → Всё"),
], ids=["eshche", "obyom", "yo-in-quote"])
def test_yo_written_as_ye_passes_as_spelling(said, found, shown):
    c = compare(said, found)
    assert c.result == "pass", c.evidence
    assert f"{shown} (ё written as е: only spelling" in c.evidence and "another word" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, found, changed", [
    ("Знищено пʼять літаків біля Балаклії", "Знищено п'ять танків біля Балаклії", "танків → літаків"),
    ("Знищено шість танків біля Балаклії", "Знищено пʼять танків біля Балаклії", "п'ять → шість"),
    ("Уничтожено еще 21 танк", "Уничтожено ещё 12 танков", "12 танков → 21 танк"),
    ("Уничтожено уже 12 танков", "Уничтожено ещё 12 танков", "ещё → уже"),
    ("Мы не будем закрывать его мост", "Мы не будем закрывать её мост", "её → его"),
], ids=["word-beside-apostrophe", "apostrophe-word-changed", "figure-beside-yo", "yo-word-changed", "yo-pronoun"])
def test_a_real_change_beside_such_a_letter_still_fails(said, found, changed):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert changed in c.evidence, c.evidence
