"""A Chinese quote in the other script (fix47zh): a Taiwan or Hong Kong outlet quotes a mainland post in Traditional
characters, a mainland outlet a Taiwanese post in Simplified ones. The same words written in another script warn,
naming the script; a character changed beyond the script still fails."""

from __future__ import annotations

import pytest

from resolver.quotes import compare

SIMPLIFIED_POST = "我们不会关闭工厂"
TRADITIONAL_POST = "我們不會關閉工廠"


def test_a_traditional_quote_of_a_simplified_post_warns_naming_the_script():
    c = compare("我們不會關閉工廠", SIMPLIFIED_POST)
    assert c.result == "warn"
    assert c.evidence == ("the post's 8 characters, character for character but for 3 words written otherwise: 们 → 們; "
                          "会关闭 → 會關閉; 厂 → 廠 (the post's Simplified characters written in Traditional ones)")


def test_a_simplified_quote_of_a_traditional_post_warns_naming_the_script():
    c = compare("我们不会关闭工厂", TRADITIONAL_POST)
    assert c.result == "warn"
    assert c.evidence.endswith("(the post's Traditional characters written in Simplified ones)")
    assert "們 → 们" in c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("我們會關閉工廠", SIMPLIFIED_POST, 'dropped "不"'),
    ("我们会关闭工厂", TRADITIONAL_POST, 'dropped "不"'),
    ("我們決不關閉工廠", SIMPLIFIED_POST, 'added "決"; dropped "会"'),
    ("工廠將裁員300人", "工厂将裁员200人", "200 → 300"),
    ("工厂将裁员300人", "工廠將裁員200人", "200 → 300"),
    ("我們不會關閉商店", SIMPLIFIED_POST, "工厂 → 商店"),
], ids=["traditional-drops-not", "simplified-drops-not", "traditional-another-word", "traditional-another-number",
        "simplified-another-number", "traditional-another-noun"])
def test_a_change_beyond_the_script_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail"
    assert shown in c.evidence


@pytest.mark.parametrize("said,found", [(SIMPLIFIED_POST, SIMPLIFIED_POST), (TRADITIONAL_POST, TRADITIONAL_POST)],
                         ids=["simplified", "traditional"])
def test_an_identical_quote_still_passes(said, found):
    assert compare(said, found).result == "pass"


def test_a_part_of_the_post_in_the_other_script_warns_as_a_partial_quote_written_otherwise():
    c = compare("「不會關閉工廠」", "我们不会关闭工厂，请大家放心。")
    assert c.result == "warn"
    assert c.evidence.startswith("partial quote: 6 of 13 characters")
    assert "written in Traditional ones" in c.evidence


def test_two_traditional_characters_one_simplified_character_stands_for_are_two_words():
    # 乾 (dry) and 幹 (to do) are both 干 in Simplified: within one script they are two words, never the script's
    c = compare("他們在幹活", "他們在乾活")
    assert c.result == "fail"
    assert "Traditional" not in c.evidence


def test_a_hong_kong_and_a_taiwan_variant_are_read_as_traditional():
    assert compare("市民注意衞生", "市民注意卫生").result == "warn"    # Hong Kong's 衞 for 衛
    assert compare("他們看著窗外", "他们看着窗外").result == "warn"     # Taiwan's 著 for 着 in 看著
