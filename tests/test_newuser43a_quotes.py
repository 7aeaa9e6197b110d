"""newuser43a (a Middle East desk's pass), item 6: quote checks of Arabic and Persian posts. The same word written
otherwise warns naming how, never passes nor fails: a space where the post writes a zero-width non-joiner, a ta
marbuta written as a ha; a word really changed beside them still fails. A quote that starts right after a negation
opening the post's sentence fails in a script without case, as a capital shows it in Latin letters."""

from __future__ import annotations

import pytest

from resolver.quotes import compare

ZWNJ = "\u200c"
PLAN = f"ما این طرح را اجرا نمی{ZWNJ}کنیم"


@pytest.mark.parametrize("said, found, shown", [
    ("ما این طرح را اجرا نمی کنیم", PLAN, f"نمی{ZWNJ}کنیم → نمی کنیم"),   # each side as it writes the word
    (PLAN, "ما این طرح را اجرا نمی کنیم", f"نمی کنیم → نمی{ZWNJ}کنیم"),
    (f"کتاب ها{ZWNJ}یشان را بردند", f"کتاب{ZWNJ}ها{ZWNJ}یشان را بردند", f"کتاب{ZWNJ}ها{ZWNJ}یشان → کتاب هایشان"),
], ids=["space-for-zwnj", "zwnj-for-space", "one-of-two-zwnj"])
def test_a_space_for_a_non_joiner_warns_as_the_same_word_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "word for word but for 1 word written otherwise" in c.evidence, c.evidence
    assert shown in c.evidence and "ZERO WIDTH NON-JOINER U+200C" in c.evidence, c.evidence


@pytest.mark.parametrize("said, found", [
    ("ما این طرح را اجرا نه کنیم", PLAN),        # another word, not the word's parts
    ("ما این طرح را اجرا می کنیم", PLAN),        # the negation's prefix dropped
    ("ما این طرح را اجرا نمی کنیم", "ما این طرح را اجرا نمیکنیم"),   # no non-joiner in the post: a space added
], ids=["other-word", "negation-dropped", "no-zwnj-in-post"])
def test_words_that_are_not_the_posts_joined_word_still_fail(said, found):
    assert compare(said, found).result == "fail"


def test_a_left_out_non_joiner_still_passes():
    """A non-joiner sets how the letters are drawn, as a tatweel or a right-to-left mark does: no letter changes."""
    assert compare("ما این طرح را اجرا نمیکنیم", PLAN).result == "pass"
    assert compare("الحكـــومة على علم بالوضع", "الحكومة على علم بالوضع").result == "pass"


def test_a_ta_marbuta_written_as_a_ha_warns_as_alef_maksura_does():
    c = compare("الحكومه علي علم بالوضع", "الحكومة على علم بالوضع")
    assert c.result == "warn", c.evidence
    assert "word for word but for 2 words written otherwise" in c.evidence, c.evidence
    assert "ARABIC LETTER HEH U+0647 in place of ARABIC LETTER TEH MARBUTA U+0629" in c.evidence, c.evidence


def test_a_changed_word_beside_a_ta_marbuta_still_fails():
    c = compare("الحكومه لا تعلم بالوضع", "الحكومة على علم بالوضع")
    assert c.result == "fail", c.evidence


@pytest.mark.parametrize("said, found, dropped", [
    ("نريد الحرب", "لا نريد الحرب", "لا"),
    ("نريد الحرب", "الوضع صعب. لا نريد الحرب", "لا"),
    ("يتم إغلاق المعبر", "لم يتم إغلاق المعبر", "لم"),
    ("ترفع الحكومة الأسعار", "لن ترفع الحكومة الأسعار", "لن"),
    ("صحيحا", "ليس صحيحا", "ليس"),
    ("ראיות להונאה", "אין ראיות להונאה", "אין"),
], ids=["la", "la-after-a-sentence", "lam", "lan", "laysa", "hebrew-ein"])
def test_a_quote_starting_after_a_negation_that_opens_the_posts_sentence_fails_in_a_script_without_case(
        said, found, dropped):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f'1 change in the quoted words: dropped the negation "{dropped}" (the quote '
                                 "opens"), c.evidence


@pytest.mark.parametrize("said, found", [
    ("تريد الحرب", "الحكومة لا تريد الحرب"),              # mid-sentence: a cut, as one in small letters is
    ("نعرفه أن الوضع صعب", "ما نعرفه أن الوضع صعب"),      # ما is "what" as often as "not": it warns at most
    ("لا نريد الحرب", "لا نريد الحرب أبدا"),               # the quote keeps its negation
    ("نفر کشته شدند", "نه نفر کشته شدند"),                  # Persian نه is "no", and "nine": it warns
], ids=["mid-sentence", "ma-what", "negation-kept", "persian-na-nine"])
def test_a_cut_mid_sentence_or_after_an_ambiguous_word_does_not_fail(said, found):
    assert compare(said, found).result != "fail"


def test_ma_counts_as_a_negation_only_in_a_post_given_as_arabic_and_warns():
    """"ما" is "not" in Arabic, "what" too, and "we" in Persian: a quote cut after it warns where the post's source
    says it is Arabic, and fails nowhere."""
    c = compare("نريد الحرب", "ما نريد الحرب", lang="ar")
    assert c.result == "warn" and '"ما" right before them' in c.evidence, c.evidence
    c = compare("این طرح را اجرا نمی کنیم", "ما این طرح را اجرا نمی کنیم", lang="fa")
    assert "ما" not in c.evidence, c.evidence


@pytest.mark.parametrize("said, found, named", [
    ("این درست", "این درست نیست", '"نیست" right after them'),
    ("نوافق", "نوافق أبدا", '"أبدا" right after them'),
], ids=["persian-nist", "arabic-abadan"])
def test_a_negation_written_with_letters_the_comparison_folds_is_found(said, found, named):
    """Looked up by its folded key ("نيست", "ابدا"), the list's own spelling was never found."""
    c = compare(said, found)
    assert c.result == "warn" and named in c.evidence, c.evidence
