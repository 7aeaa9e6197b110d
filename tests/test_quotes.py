"""Quote checks by words (#9 §1): a changed word never passes, a partial quote passes, glued prose warns."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from resolver.quotes import _role, compare, compare_names, normalise, score, tokens, turns_around

POST = "The council rejected the new budget on Tuesday."

CASES = [
    # (article's words, post's words, result, evidence)
    ("The council rejected the new budget on Tuesday.", POST, "pass", "the post's 8 words, word for word"),
    ("the council rejected the new budget on tuesday", POST, "pass", "the post's 8 words, word for word"),
    # a shouted word against a plain one may be another word ("US", "us"): no pass, both named (edits29)
    ("the COUNCIL rejected the new budget on tuesday", POST, "warn", "the post's 8 words, word for word; the case "
     'differs: the post has "council", the article "COUNCIL" (another word?)'),
    ("The council approved the new budget on Tuesday.", POST, "fail",
     "1 change in the quoted words: rejected → approved"),
    ("The council rejected the budget on Tuesday.", POST, "fail", '1 change in the quoted words: dropped "new"'),
    ("The council rejected the new budget again on Tuesday.", POST, "fail",
     '1 change in the quoted words: added "again"'),
    ("The council rejected the new budget on Wednesday.", POST, "fail",
     "1 change in the quoted words: Tuesday → Wednesday"),
    ("A council rejected the new budget on Tuesday.", POST, "fail", "1 change in the quoted words: The → A"),
    ("The mayor approved the new budget on Monday.", POST, "fail",
     "2 changes in the quoted words: council rejected → mayor approved; Tuesday → Monday"),
    ("rejected the new budget", POST, "pass", "partial quote: 4 of 8 words"),
    ("The council rejected the new…", POST, "pass", "partial quote: 5 of 8 words"),
    ("The council rejected the new budget on Tues...", POST, "pass", "partial quote: 7 of 8 words"),
    ("The council … the new budget on Tuesday.", POST, "warn",
     'partial quote: 7 of 8 words; elided with …: "rejected"'),
    ("Water over the road on Mill Lane this morning. Read more: our live page",
     "Water over the road on Mill Lane this morning.", "warn",
     "the post's 9 words, word for word, with words that are not the post's: \"Read more our live page\" after "
     "(glued on by the page or a scraper?)"),
    ("Photo River Desk Water over the road on Mill Lane this morning.",
     "Water over the road on Mill Lane this morning.", "warn",
     "the post's 9 words, word for word, with words that are not the post's: \"Photo River Desk\" before "
     "(glued on by the page or a scraper?)"),
    ("By our reporter: The council rejected the new…", POST, "warn",
     "partial quote: 5 of 8 words, with words that are not the post's: \"By our reporter\" before "
     "(glued on by the page or a scraper?)"),
    # Words in place of the post's first ones: a change, not glue (a wrong pass is worse than a false alarm).
    ("By our reporter: rejected the new budget", POST, "fail",
     "1 change in the quoted words: The council → By our reporter"),
    ("Something else entirely", POST, "fail", "no word of the post's 8 is in the quote"),
    # The source's own text is cut (a 2012 title "Twitter / handle: text..."): what follows the cut is unknown,
    # never "words that are not the post's".
    ("Water over the road on Mill Lane this morning.", "Water over the road on Mill ...", "warn",
     "the source's 6 words before its cut (…), word for word; the article's \"Lane this morning\" after them "
     "cannot be checked: the source's text is cut there"),
    ("Water over the road on Mill Lane this morning.", "Water over the road on Mi…", "warn",
     "the source's 6 words before its cut (…), word for word; the article's \"Lane this morning\" after them "
     "cannot be checked: the source's text is cut there"),
    ("Water over the road on Mill Lane this morning.", "Water over the street on Mill ...", "fail",
     "1 change in the quoted words: street → road"),
    ("Water over the road on Mill", "Water over the road on Mill ...", "pass", "the post's 6 words, word for word"),
    # A number's sign and its percent sign are part of the figure: -5 is not 5, 5% is not 5.
    ("Temperatures fell to 5 degrees overnight", "Temperatures fell to −5 degrees overnight", "fail",
     "1 change in the quoted words: -5 → 5"),
    ("Prices rose 5 in May", "Prices rose 5% in May", "fail", "1 change in the quoted words: 5% → 5"),
    ("Prices rose 5% in May", "Prices rose 5\u202f% in May", "pass", "the post's 5 words, word for word"),
    ("The score was 2-1 at half time", "The score was 2-1 at half time", "pass", "the post's 8 words, word for word"),
]


@pytest.mark.parametrize("said,found,result,evidence", CASES, ids=[
    "identical", "case-ignored", "capitals-against-lower-case", "substituted", "removed", "inserted", "last-word-changed", "first-word-changed",
    "three-changes", "partial-run", "cut-with-ellipsis", "cut-mid-word", "elided-inside", "glued-after",
    "glued-before", "glued-and-partial", "other-words-at-the-start", "nothing-in-common", "source-cut",
    "source-cut-mid-word", "source-cut-changed-word", "source-cut-same-length", "minus-sign-dropped",
    "percent-dropped", "percent-spaced", "hyphen-between-figures"])
def test_quote_verdicts(said, found, result, evidence):
    compared = compare(said, found)
    assert (compared.result, compared.evidence) == (result, evidence)


NORMALISED = [
    ("“Don’t panic” – the river is at 3.5m", '"Don\'t panic" - the river is at 3.5m'),
    ("Flood&amp;amp;rain warning", "Flood&rain warning"),              # og:description escaped twice
    ("ＦＬＯＯＤ warning", "FLOOD warning"),                              # NFKC: full-width letters
    ("water  over\u00a0the\nroad", "water over the road"),
    ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
    ("and then...", "and then…"),
]


@pytest.mark.parametrize("raw,clean", NORMALISED, ids=["quotes-dashes", "entities-twice", "nfkc", "spaces",
                                                       "invisible", "three-dots"])
def test_normalise(raw, clean):
    assert normalise(raw) == clean


SAME_WORDS = [
    ("Water over the road pic.twitter.com/q3uNO4mJHi", "Water over the road https://t.co/q3uNO4mJHi"),
    ("Water over the road", "Water over the road 🌊🚗"),   # emoji the article leaves out (emoji it adds warn)
    ("#Flood on @river_desk's patch", "flood on river_desk's patch"),
    ("a well-known road", "a well known road"),
    ("Rain: 1,200 mm by 9:30", "rain 1,200 mm by 9:30!"),
    ("see bbc.co.uk/news/uk-123… for more", "see https://t.co/xyz for more"),
]


@pytest.mark.parametrize("said,found", SAME_WORDS, ids=["links-aside", "emoji-aside", "mention-and-tag",
                                                        "hyphens", "numbers-and-punctuation", "expanded-link"])
def test_same_words_pass(said, found):
    compared = compare(said, found)
    assert compared.result == "pass" and compared.matched == compared.post_words, compared


# Differences a reader does not see, or a page makes on its own: never "changed" (review28).
COSMETIC = [
    ("שלו\u200fם עולם", "שלום עולם"),                               # a right-to-left mark inside a word
    ("\u200f\u202bשלום עולם\u202c", "שלום עולם"),                  # an embedding around the text
    ("مرحبا \u2067بالعالم\u2069", "مرحبا بالعالم"),                 # an isolate
    ("كتــاب جديد", "كتاب جديد"),                                     # an Arabic tatweel stretching a word
    ("\u061cكتاب جديد", "كتاب جديد"),                                # the Arabic letter mark
    ("Cafe\u0301 de Flore is open", "Café de Flore is open"),         # NFD against NFC
    ("Flood on Mill Lane 🌊 pic.twitter.com/Rd4Mill01", "Flood on Mill Lane 🌊🚗 https://t.co/Rd4Mill01"),
]


@pytest.mark.parametrize("said,found", COSMETIC, ids=["rlm-inside-a-word", "embedding", "isolate", "tatweel",
                                                      "arabic-letter-mark", "nfd", "emoji-dropped-same-media-code"])
def test_a_cosmetic_difference_passes(said, found):
    compared = compare(said, found)
    assert compared.result == "pass" and compared.matched == compared.post_words, compared


# What a word-by-word comparison sets aside or cannot see, and yet may change what a post says: never "pass", and
# the evidence names it (review28). Each passed before: emoji and links were set aside unread, a letter from
# another script and a superscript figure (NFKC: 10² is "102") read as the same word.
NOT_SURE = [
    ("Great decision by the council 👍", "Great decision by the council 👎",
     "the post's 5 words, word for word; the emoji differ: the article has 👍 where the post has 👎"),
    ("👍", "👎", "no words to compare; the emoji differ: the article has 👍 where the post has 👎"),
    ("Proud of our team 🇺🇦", "Proud of our team",
     "the post's 4 words, word for word; the emoji differ: the article has 🇺🇦, which the post does not"),
    ("Go team 🇺🇸", "Go team 🇷🇺", "the post's 2 words, word for word; the emoji differ: the article has 🇺🇸 where "
                                  "the post has 🇷🇺"),
    ("Read the ruling https://t.co/Ev1l99", "Read the ruling https://t.co/AbC123",
     "the post's 3 words, word for word; the article's link t.co/Ev1l99 is not the post's (t.co/AbC123): "
     "another link, or the same one wrapped again?"),
    ("Flood on Mill Lane pic.twitter.com/Ev1l99", "Flood on Mill Lane https://t.co/Rd4Mill01",
     "the post's 4 words, word for word; the article's link pic.twitter.com/Ev1l99 is not the post's "
     "(t.co/Rd4Mill01): another link, or the same one wrapped again?"),
    ("Read the ruling court-gov.example/ruling", "Read the ruling court.gov/ruling",
     "the post's 3 words, word for word; the article's link court-gov.example/ruling is not the post's "
     "(court.gov/ruling): another link, or the same one wrapped again?"),
    ("The vote pаssed today", "The vote passed today",
     "the post's 4 words, word for word but for 1 that only looks the same: passed → pаssed (CYRILLIC SMALL "
     "LETTER A U+0430 in place of LATIN SMALL LETTER A U+0061)"),
    ("Gοd bless", "God bless",
     "the post's 2 words, word for word but for 1 that only looks the same: God → Gοd (GREEK SMALL LETTER "
     "OMICRON U+03BF in place of LATIN SMALL LETTER O U+006F)"),
    ("An area of 102 km", "An area of 10² km",
     "the post's 5 words, word for word but for 1 that only looks the same: 10^2 → 102 (a superscript "
     "figure, 10² on one side, 102 on the other)"),
]


@pytest.mark.parametrize("said,found,evidence", NOT_SURE, ids=[
    "emoji-changed", "only-emoji-changed", "emoji-added", "flag-changed", "tco-link-changed", "media-link-changed", "address-changed",
    "cyrillic-a", "greek-omicron", "superscript-figure"])
def test_what_words_cannot_settle_warns_and_says_what(said, found, evidence):
    compared = compare(said, found)
    assert (compared.result, compared.evidence) == ("warn", evidence)


def test_a_quote_of_one_look_alike_word_warns():
    compared = compare("Pаssed", "passed")
    assert compared.result == "warn" and "only looks the same: passed → Pаssed (CYRILLIC SMALL" in compared.evidence


def test_a_look_alike_letter_next_to_a_changed_word_still_fails():
    compared = compare("The vote pаssed on Monday", "The vote passed on Tuesday")
    assert compared.result == "fail"
    assert compared.evidence.startswith("1 change in the quoted words: Tuesday → Monday")


def test_numbers_are_words_a_changed_figure_fails():
    compared = compare("The river is at 3.6m", "The river is at 3.5m")
    assert compared.result == "fail" and [str(c) for c in compared.changes] == ["3.5m → 3.6m"]


def test_tokens_keep_case_for_the_diff():
    assert tokens("The Council “rejected” it… https://t.co/x") == ["The", "Council", "rejected", "it", "…"]


def test_comparison_json_names_each_change():
    data = compare("The council approved the budget", "The council rejected the new budget").to_json()
    assert data["result"] == "fail" and data["changes"] == ["rejected → approved", 'dropped "new"']


NAMES = [
    ("River Desk", "River Desk", "pass", "the same name: 'River Desk'"),
    ("River Desk 🌊", "River Desk", "pass", "the same name: 'River Desk'"),
    ("river desk", "River Desk", "pass", "the same name: 'River Desk'"),
    ("River Desk", "Riverside Desk", "fail", "the names differ: article 'River Desk', post 'Riverside Desk' "
                                             "(Riverside → River)"),
    ("River Desk", "River Desk News", "warn", "the names differ: article 'River Desk', post 'River Desk News'"),
]


@pytest.mark.parametrize("said,found,result,evidence", NAMES, ids=["same", "emoji", "case", "changed", "longer"])
def test_names(said, found, result, evidence):
    compared = compare_names(said, found)
    assert (compared.result, compared.evidence) == (result, evidence)


def test_score_prefers_the_whole_post_over_a_changed_word_or_a_short_post():
    remnant = "Water over the road on Mill Lane this morning."
    right = score(remnant, "Water over the road on Mill Lane this morning.")
    one_word_off = score(remnant, "Water over the road on Mill Lane this evening.")
    short = score(remnant, "Water over the road")
    other = score(remnant, "Council meeting moved to Thursday")
    assert right == 1.0 and right > one_word_off > other and right > short > other and other == 0.0


def test_nothing_to_compare():
    assert compare("", "").result == "pass"
    assert compare("words", "🌊").evidence == "nothing to compare: the post has no words"
    assert score("words", "") == 0.0


@given(st.text(max_size=80))
def test_a_text_always_passes_against_itself(text):
    compared = compare(text, text)
    assert compared.result == "pass" and compared.matched == compared.post_words


@given(st.lists(st.sampled_from("alpha beta gamma delta river road council budget".split()), min_size=3, max_size=12),
       st.data())
def test_any_changed_word_inside_the_run_fails(words, data):
    index = data.draw(st.integers(1, len(words) - 2))
    changed = words[:index] + ["zebra"] + words[index + 1:]
    assert compare(" ".join(changed), " ".join(words)).result == "fail"


# Scripts written without spaces (Chinese, Japanese, Thai...): `\w+` took a whole run as one word, so a partial
# quote failed. They are compared by characters (a character with its combining marks); a number stays one word.
ZH = "今天市议会否决了新的预算。"
JA = "本日、市議会は新しい予算を否決しました。"
TH = "สภาเมืองไม่อนุมัติงบประมาณใหม่"
UNSPACED = [
    ("市议会否决了新的预算", ZH, "pass", "partial quote: 10 of 12 characters"),
    ("今天市议会否决了新的预算", ZH, "pass", "the post's 12 characters, character for character"),
    ("市議会は新しい予算を否決しました", JA, "pass", "partial quote: 16 of 18 characters"),
    ("งบประมาณใหม่", TH, "pass", "partial quote: 11 of 24 characters"),
    ("市议会通过了新的预算", ZH, "fail", "1 change in the quoted words: 否决 → 通过"),
    ("市议会否决了新预算", ZH, "fail", '1 change in the quoted words: dropped "的"'),
    ("我们同意这个计划", "我们不同意这个计划", "fail", '1 change in the quoted words: dropped "不"'),
    ("预算为30万元", "预算为300万元", "fail", "1 change in the quoted words: 300 → 30"),
    ("十人受伤", "共有三十人受伤", "fail", "1 change in the quoted words: 共有三十 → 十"),
    ("可能的", "这是不可能的", "warn",
     'partial quote: 3 of 6 characters; the post has "不" right before them (a negation the quote leaves out?)'),
    ("อนุมัติงบประมาณ", "สภาไม่อนุมัติงบประมาณ", "warn",
     'partial quote: 12 of 17 characters; the post has "ไม่" right before them (a negation the quote leaves out?)'),
    # A negation with a degree word after it: 不太可能 is "unlikely", and the quote 可能发生 says "likely to happen".
    ("可能发生", "这不太可能发生", "warn",
     'partial quote: 4 of 7 characters; the post has "不太" right before them (a negation the quote leaves out?)'),
    ("来", "他没有来", "warn",
     'partial quote: 1 of 4 characters; the post has "没有" right before them (a negation the quote leaves out?)'),
    ("东西", "不过东西", "pass", "partial quote: 2 of 4 characters"),   # 不过 is "but": no negation of what follows
    ("東京2020大会", "東京2021大会", "fail", "1 change in the quoted words: 2021 → 2020"),
    # A tone mark or a vowel sign is part of its letter: "ไม้" (wood) is not "ไม่" (not), "हो" is not "है".
    ("ไม้ใช่", "ไม่ใช่", "fail", "1 change in the quoted words: ม่ → ม้"),
    ("यह सच नहीं हो", "यह सच नहीं है", "fail", "1 change in the quoted words: है → हो"),
    ("한국어 문장", "한국어 문장입니다", "fail", "1 change in the quoted words: 문장입니다 → 문장"),   # spaced: words
    # A run of the post is matched where it is, not by the first equal words (which dropped "cat and the").
    ("the dog", "the cat and the dog", "pass", "partial quote: 2 of 5 words"),
]


@pytest.mark.parametrize("said,found,result,evidence", UNSPACED, ids=[
    "zh-partial", "zh-whole", "ja-partial", "th-partial", "zh-changed", "zh-dropped", "zh-dropped-negation",
    "zh-number", "zh-numeral-cut", "zh-negation-left-out", "th-negation-left-out", "zh-negation-of-degree",
    "zh-negation-with-verb", "zh-not-a-negation", "ja-latin-digits",
    "th-tone-mark", "hi-vowel-sign", "ko-spaced", "repeated-word-run"])
def test_unspaced_scripts_by_characters(said, found, result, evidence):
    compared = compare(said, found)
    assert (compared.result, compared.evidence) == (result, evidence)


# Japanese puts its negation after the verb: a quote cut at the verb's stem reads as the affirmative (知ってい of
# 知っていない, "does not know"). It passed as a partial quote (#10).
LEFT_OUT_AFTER = '(a negation the quote leaves out?)'
JA_NEGATION_AFTER = [
    ("nai", "彼はそれを知ってい", "彼はそれを知っていない", "warn",
     f'partial quote: 9 of 11 characters; the post has "ない" right after them {LEFT_OUT_AFTER}'),
    ("nakatta", "市長は来", "市長は来なかった。", "warn",
     f'partial quote: 4 of 8 characters; the post has "なかった" right after them {LEFT_OUT_AFTER}'),
    ("naide", "何も食べ", "何も食べないで寝た", "warn",
     f'partial quote: 4 of 9 characters; the post has "ないで" right after them {LEFT_OUT_AFTER}'),
    ("nakute", "彼は知ら", "彼は知らなくて困った", "warn",
     f'partial quote: 4 of 10 characters; the post has "なくて" right after them {LEFT_OUT_AFTER}'),
    ("nakereba", "許可を得", "許可を得なければ入れない", "warn",
     f'partial quote: 4 of 12 characters; the post has "なければ" right after them {LEFT_OUT_AFTER}'),
    ("kanji-nai", "経験が", "経験が無い", "warn",
     f'partial quote: 3 of 5 characters; the post has "無い" right after them {LEFT_OUT_AFTER}'),
    ("masen", "市長は賛成し", "市長は賛成しません", "warn",
     f'partial quote: 6 of 9 characters; the post has "ません" right after them {LEFT_OUT_AFTER}'),
    ("masen-deshita", "市長は賛成し", "市長は賛成しませんでした。", "warn",
     f'partial quote: 6 of 12 characters; the post has "ませんでした" right after them {LEFT_OUT_AFTER}'),
    ("zu", "市長は何も言わ", "市長は何も言わず去った", "warn",
     f'partial quote: 7 of 11 characters; the post has "ず" right after them {LEFT_OUT_AFTER}'),
    ("zuni", "市長は何も言わ", "市長は何も言わずに去った", "warn",
     f'partial quote: 7 of 12 characters; the post has "ずに" right after them {LEFT_OUT_AFTER}'),
    ("nu", "見知ら", "見知らぬ人が来た", "warn",
     f'partial quote: 3 of 8 characters; the post has "ぬ" right after them {LEFT_OUT_AFTER}'),
    ("cut-marked", "彼はそれを知ってい…", "彼はそれを知っていない", "warn",
     f'partial quote: 9 of 11 characters; the post has "ない" right after them {LEFT_OUT_AFTER}'),
    # Must still pass: the negation quoted, the quote ending at the post's sentence end, and words that only
    # start like a negation (ずっと "all along", なかなか, ぬいぐるみ "stuffed toy", ずつ "each", なくした "lost").
    ("negation-quoted", "彼はそれを知っていない", "彼はそれを知っていない。でも驚いた。", "pass",
     "partial quote: 11 of 16 characters"),
    ("whole", "彼はそれを知っていない", "彼はそれを知っていない", "pass",
     "the post's 11 characters, character for character"),
    ("sentence-end", "市長は来た", "市長は来た。ない袖は振れないと言った。", "pass", "partial quote: 5 of 17 characters"),
    ("line-end", "市長は来た", "市長は来た\nない袖は振れない", "pass", "partial quote: 5 of 13 characters"),
    ("zutto", "彼は", "彼はずっと待っていた", "pass", "partial quote: 2 of 10 characters"),
    ("nakanaka", "彼は", "彼はなかなか来ない", "pass", "partial quote: 2 of 9 characters"),
    ("nuigurumi", "子どもが", "子どもがぬいぐるみを抱いた", "pass", "partial quote: 4 of 13 characters"),
    ("zutsu", "一人", "一人ずつ入った", "pass", "partial quote: 2 of 7 characters"),
    ("nakushita", "鍵を", "鍵をなくした", "pass", "partial quote: 2 of 6 characters"),
]


# Colloquial negations after the verb's stem (#10): 知らん, 分からねえ, Kansai 知らへん and 食べへん; ないっす is
# named whole. Not じゃない, which is as often a tag question ("isn't it?") as a negation.
JA_COLLOQUIAL_NEGATION_AFTER = [
    ("shiran", "俺は知ら", "俺は知らん。", "warn",
     f'partial quote: 4 of 5 characters; the post has "ん" right after them {LEFT_OUT_AFTER}'),
    ("ikan", "明日は行か", "明日は行かんよ", "warn",
     f'partial quote: 5 of 7 characters; the post has "ん" right after them {LEFT_OUT_AFTER}'),
    ("wakaran", "全然分から", "全然分からん", "warn",
     f'partial quote: 5 of 6 characters; the post has "ん" right after them {LEFT_OUT_AFTER}'),
    ("iwan", "誰にも言わ", "誰にも言わんといて", "warn",
     f'partial quote: 5 of 9 characters; the post has "ん" right after them {LEFT_OUT_AFTER}'),
    ("yoman", "そんな本は読ま", "そんな本は読まん", "warn",
     f'partial quote: 7 of 8 characters; the post has "ん" right after them {LEFT_OUT_AFTER}'),
    ("shiranee", "そんなこと知ら", "そんなこと知らねえ", "warn",
     f'partial quote: 7 of 9 characters; the post has "ねえ" right after them {LEFT_OUT_AFTER}'),
    ("wakaranee-long-vowel", "全然分から", "全然分からねー", "warn",
     f'partial quote: 5 of 7 characters; the post has "ねー" right after them {LEFT_OUT_AFTER}'),
    ("wakaranee-kana", "もうわから", "もうわからねぇ", "warn",
     f'partial quote: 5 of 7 characters; the post has "ねぇ" right after them {LEFT_OUT_AFTER}'),
    ("iwanee", "絶対に言わ", "絶対に言わねえよ", "warn",
     f'partial quote: 5 of 8 characters; the post has "ねえ" right after them {LEFT_OUT_AFTER}'),
    ("kansai-shirahen", "そんなの知ら", "そんなの知らへん", "warn",
     f'partial quote: 6 of 8 characters; the post has "へん" right after them {LEFT_OUT_AFTER}'),
    ("kansai-tabehen", "朝ごはんは食べ", "朝ごはんは食べへん", "warn",
     f'partial quote: 7 of 9 characters; the post has "へん" right after them {LEFT_OUT_AFTER}'),
    ("kansai-mitehen", "まだ見て", "まだ見てへん", "warn",
     f'partial quote: 4 of 6 characters; the post has "へん" right after them {LEFT_OUT_AFTER}'),
    ("kansai-shitehen", "まだ勉強して", "まだ勉強してへん", "warn",
     f'partial quote: 6 of 8 characters; the post has "へん" right after them {LEFT_OUT_AFTER}'),
    ("naissu", "俺は知ら", "俺は知らないっす", "warn",
     f'partial quote: 4 of 8 characters; the post has "ないっす" right after them {LEFT_OUT_AFTER}'),
    ("colloquial-sentence-end", "彼は分かる", "彼は分かる。ねえ、聞いて", "pass", "partial quote: 5 of 10 characters"),
    ("kaka-nee", "本当か", "本当かねえ", "pass", "partial quote: 3 of 5 characters"),
    ("kara-nee", "明日から", "明日からねー", "pass", "partial quote: 4 of 6 characters"),
    ("plural-nee", "彼ら", "彼らねえ本当に困る", "pass", "partial quote: 2 of 9 characters"),
    ("plural-n-chi", "俺ら", "俺らん家で飲む", "pass", "partial quote: 2 of 7 characters"),
    ("particle-hen", "味が", "味がへんだ", "pass", "partial quote: 2 of 5 characters"),
    ("pronoun-hen", "これ", "これへんだよ", "pass", "partial quote: 2 of 6 characters"),
    ("nanika-hen", "何か", "何かへんだ", "pass", "partial quote: 2 of 5 characters"),
    ("tte-hen", "あいつって", "あいつってへんだよね", "pass", "partial quote: 5 of 10 characters"),
    ("explanatory-n", "彼は行った", "彼は行ったんだ", "pass", "partial quote: 5 of 7 characters"),
    ("tag-question-janai", "それはいい", "それはいいじゃない", "pass", "partial quote: 5 of 9 characters"),
]


# A verb made of a kanji noun and する (出席する "attend", 開設する "open") is denied by する's own forms after the noun
# (出席しない, 出席しません, 出席せず) or by できない ("cannot"): a quote cut at the noun passed as a partial quote
# of a post saying the opposite (newuser47e #1: 「会議に出席」 of 「会議に出席しない」).
JA_SURU_NEGATION_AFTER = [
    ("suru-shinai", "会議に出席", "会議に出席しない", "warn",
     f'partial quote: 5 of 8 characters; the post has "しない" right after them {LEFT_OUT_AFTER}'),
    ("suru-shinakatta", "避難所を開設", "避難所を開設しなかった。", "warn",
     f'partial quote: 6 of 11 characters; the post has "しなかった" right after them {LEFT_OUT_AFTER}'),
    ("suru-shimasen", "市長は会議に出席", "市長は会議に出席しません", "warn",
     f'partial quote: 8 of 12 characters; the post has "しません" right after them {LEFT_OUT_AFTER}'),
    ("suru-sezu", "市は避難所を開設", "市は避難所を開設せず、", "warn",
     f'partial quote: 8 of 10 characters; the post has "せず" right after them {LEFT_OUT_AFTER}'),
    ("suru-dekinai", "予定通り開催", "予定通り開催できない見通し", "warn",
     f'partial quote: 6 of 13 characters; the post has "できない" right after them {LEFT_OUT_AFTER}'),
    ("suru-dekimasen", "今日は出席", "今日は出席できません", "warn",
     f'partial quote: 5 of 10 characters; the post has "できません" right after them {LEFT_OUT_AFTER}'),
    # Must still pass: the affirmative する and できる, and し as a list's "and" after a kanji noun (雨も降るし).
    ("suru-affirmative", "会議に出席", "会議に出席します", "pass", "partial quote: 5 of 8 characters"),
    ("suru-dekiru", "予定通り開催", "予定通り開催できる", "pass", "partial quote: 6 of 9 characters"),
    ("suru-shite", "会議に出席", "会議に出席してから帰る", "pass", "partial quote: 5 of 11 characters"),
]


JA_ALL_NEGATION_AFTER = JA_NEGATION_AFTER + JA_COLLOQUIAL_NEGATION_AFTER + JA_SURU_NEGATION_AFTER


@pytest.mark.parametrize("said,found,result,evidence", [r[1:] for r in JA_ALL_NEGATION_AFTER],
                         ids=[r[0] for r in JA_ALL_NEGATION_AFTER])
def test_a_japanese_quote_cut_just_before_its_negation_warns(said, found, result, evidence):
    compared = compare(said, found)
    assert (compared.result, compared.evidence) == (result, evidence)


def test_a_credit_name_in_han_is_matched_whole_not_by_characters():
    """李明 is not 李明华: names (credits) are compared by words, never a run of characters."""
    assert tokens("李明华", by_character=False) == ["李明华"]
    assert tokens("李明华") == ["李", "明", "华"]


HAN = "市议会否决新的预算今天明年我们这个计划东京大阪"   # no negation among them
THAI = ["ก", "ข", "ม่", "ม้", "น้ำ", "ที่", "สี", "ไ", "า", "ใ"]


@given(st.lists(st.sampled_from(HAN), min_size=3, max_size=20), st.data())
def test_any_excerpt_of_a_han_post_passes_and_a_changed_character_never_does(post, data):
    start = data.draw(st.integers(0, len(post) - 1))
    end = data.draw(st.integers(start + 1, len(post)))
    excerpt = post[start:end]
    assert compare("".join(excerpt), "".join(post)).result == "pass"
    at = data.draw(st.integers(0, len(excerpt) - 1))
    other = data.draw(st.sampled_from(HAN).filter(lambda c: c != excerpt[at]))
    changed = "".join(excerpt[:at] + [other] + excerpt[at + 1:])
    if changed not in "".join(post):
        assert compare(changed, "".join(post)).result != "pass"   # fail, or a warn when the change is at an edge


@given(st.lists(st.sampled_from(THAI), min_size=3, max_size=15), st.data())
def test_a_changed_thai_letter_or_tone_mark_never_passes(post, data):
    text = "".join(post)
    at = data.draw(st.integers(0, len(post) - 1))
    other = data.draw(st.sampled_from(THAI).filter(lambda c: c != post[at]))
    changed = "".join(post[:at] + [other] + post[at + 1:])
    if changed not in text:
        assert compare(changed, text).result != "pass"


# A partial quote whose next (or previous) word in the post is a negation turns the post's meaning around: "I did"
# of "I did not do it" passed as a partial quote (#10). It warns and names the word; it does not fail, as a quote
# may stop there for good reason. Punctuation between them parts them.
SPACED_NEGATIONS = [
    ("after-not", "I did", "I did not do it.", "warn", 'right after them'),
    ("after-never", "we will raise taxes", "We will raise taxes never, and that is a promise.", "warn", '"never"'),
    ("before-no", "evidence of fraud", "There is no evidence of fraud in the count.", "warn", '"no" right before'),
    ("before-not", "support the plan", "I do not support the plan.", "warn", '"not" right before'),
    ("german-nicht", "Wir kennen ihn", "Wir kennen ihn nicht, sagte sie.", "warn", '"nicht"'),
    ("spanish-no", "apoyamos el plan", "Nosotros no apoyamos el plan.", "warn", '"no" right before'),
    ("french-pas", "Je le savais", "Je le savais pas du tout.", "warn", '"pas"'),
    ("parted-by-comma", "We did it", "We did it, not them.", "pass", "partial quote"),
    ("parted-by-stop", "The bridge is open", "The bridge is open. Not the tunnel.", "pass", "partial quote"),
    ("quote-has-it", "I did not", "I did not do it.", "pass", "partial quote"),
    ("whole-post", "I did it", "I did it", "pass", ""),
]


@pytest.mark.parametrize("said,found,result,evidence", [r[1:] for r in SPACED_NEGATIONS],
                         ids=[r[0] for r in SPACED_NEGATIONS])
def test_a_quote_cut_next_to_a_negation_warns(said, found, result, evidence):
    c = compare(said, found)
    assert c.result == result, c.evidence
    assert evidence in c.evidence


# A negation further before the quote in the post's own clause turns it around as well: "he is a liar" of "I'm not
# saying he is a liar" passed as a verified partial quote (#10). It warns, naming the word or frame; a comma, a
# semicolon, a full stop, a dash, a line break or a conjunction such as "but" ends the clause, so a negation before
# it says nothing of the quote.
IN_CLAUSE = "before them in the same clause (a negation the quote leaves out?)"
CLAUSE_NEGATIONS = [
    ("en-not-saying", "he is a liar", "I'm not saying he is a liar", "warn",
     f'partial quote: 4 of 7 words; the post has "not" {IN_CLAUSE}'),
    ("en-nobody", "the vote was rigged", "Nobody here thinks the vote was rigged", "warn",
     f'partial quote: 4 of 7 words; the post has "Nobody" {IN_CLAUSE}'),
    ("en-dont-think", "the plan will work", "I don't think the plan will work.", "warn",
     f'partial quote: 4 of 7 words; the post has "don\'t" {IN_CLAUSE}'),
    ("en-isnt-true-that", "the mayor resigned", "It isn't true that the mayor resigned", "warn",
     f'partial quote: 3 of 7 words; the post has "isn\'t" {IN_CLAUSE}'),
    ("en-denied-that", "the report was leaked", "The minister denied that the report was leaked", "warn",
     f'partial quote: 4 of 8 words; the post has "denied that" {IN_CLAUSE}'),
    ("en-denied-quote-has-that", "that the report was leaked", "The minister denied that the report was leaked",
     "warn", f'partial quote: 5 of 8 words; the post has "denied" {IN_CLAUSE}'),
    ("en-never", "the vote was rigged", "He never once said the vote was rigged", "warn",
     f'partial quote: 4 of 8 words; the post has "never" {IN_CLAUSE}'),
    ("de-niemand-dass", "die Wahl manipuliert wurde", "Niemand glaubt, dass die Wahl manipuliert wurde.", "warn",
     f'partial quote: 4 of 7 words; the post has "Niemand" {IN_CLAUSE}'),
    ("de-nie", "er ein Lügner ist", "Ich habe nie gesagt, dass er ein Lügner ist", "warn",
     f'partial quote: 4 of 9 words; the post has "nie" {IN_CLAUSE}'),
    ("de-bestreitet", "die Wahl manipuliert wurde", "Er bestreitet, dass die Wahl manipuliert wurde", "warn",
     f'partial quote: 4 of 7 words; the post has "bestreitet, dass" {IN_CLAUSE}'),
    ("es-no-creo", "el plan funcione", "No creo que el plan funcione.", "warn",
     f'partial quote: 3 of 6 words; the post has "No" {IN_CLAUSE}'),
    ("es-nadie", "el voto fue amañado", "Nadie dijo que el voto fue amañado", "warn",
     f'partial quote: 4 of 7 words; the post has "Nadie" {IN_CLAUSE}'),
    ("es-nego-que", "el informe se filtró", "El ministro negó que el informe se filtró", "warn",
     f'partial quote: 4 of 8 words; the post has "negó que" {IN_CLAUSE}'),
    ("fr-ne-pas", "le plan marche", "Je ne pense pas que le plan marche", "warn",
     f'partial quote: 3 of 8 words; the post has "pas" {IN_CLAUSE}'),
    ("fr-n-apostrophe", "le vote était truqué", "Personne n'a dit que le vote était truqué", "warn",
     f'partial quote: 4 of 8 words; the post has "n\'a" {IN_CLAUSE}'),
    # Must still pass: the clause ends before the quote, the negation is quoted, or the word negates nothing.
    ("en-comma-but", "we won", "I did not expect it, but we won", "pass", "partial quote: 2 of 8 words"),
    ("en-but", "we won", "I did not expect it but we won", "pass", "partial quote: 2 of 8 words"),
    ("en-semicolon", "the vote was rigged", "Nobody came; the vote was rigged", "pass", "partial quote: 4 of 6 words"),
    ("en-full-stop", "The vote was rigged", "They said no. The vote was rigged", "pass", "partial quote: 4 of 7 words"),
    ("en-dash", "the vote was rigged", "Not now - the vote was rigged", "pass", "partial quote: 4 of 6 words"),
    ("en-em-dash", "the vote was rigged", "Not now—the vote was rigged", "pass", "partial quote: 4 of 6 words"),
    ("en-curly-apostrophe", "the plan will work", "I don’t think the plan will work.", "warn",
     f'partial quote: 4 of 7 words; the post has "don\'t" {IN_CLAUSE}'),
    ("en-cant-wait", "see you all tonight", "Can't wait to see you all tonight", "pass", "partial quote: 4 of 7 words"),
    ("en-dont-forget", "vote tomorrow", "Don't forget to vote tomorrow", "pass", "partial quote: 2 of 5 words"),
    ("en-line-break", "The vote was rigged", "Nobody came\nThe vote was rigged", "pass", "partial quote: 4 of 6 words"),
    ("en-negation-quoted", "not saying he is a liar", "I'm not saying he is a liar", "pass",
     "partial quote: 6 of 7 words"),
    ("en-no-doubt", "the vote was rigged", "There is no doubt the vote was rigged", "pass",
     "partial quote: 4 of 8 words"),
    ("en-i-doubt-that", "the vote was rigged", "I doubt that the vote was rigged", "warn",
     f'partial quote: 4 of 7 words; the post has "doubt that" {IN_CLAUSE}'),
    ("en-no-doubt-that", "the vote was rigged", "There is no doubt that the vote was rigged", "pass",
     "partial quote: 4 of 9 words"),
    ("en-handle", "says the vote was rigged", "@nobody says the vote was rigged", "pass",
     "partial quote: 5 of 6 words"),
    ("en-not-only", "won the seat", "We not only won the seat", "pass", "partial quote: 3 of 6 words"),
    ("en-non-hyphen", "found the vote was rigged", "A non-partisan panel found the vote was rigged", "pass",
     "partial quote: 5 of 9 words"),
    ("en-abbreviation", "said the vote was rigged", "Officer No. 5 said the vote was rigged", "pass",
     "partial quote: 5 of 8 words"),
    ("de-komma-aber", "die Wahl wurde manipuliert", "Ich war nicht dort, aber die Wahl wurde manipuliert", "pass",
     "partial quote: 4 of 9 words"),
    ("de-aber", "die Wahl wurde manipuliert", "Ich war nicht dort aber die Wahl wurde manipuliert", "pass",
     "partial quote: 4 of 9 words"),
    ("es-pero", "ganamos", "No estuve allí, pero ganamos", "pass", "partial quote: 1 of 5 words"),
    ("fr-mais", "nous avons gagné", "Je ne l'ai pas vu, mais nous avons gagné", "pass",
     "partial quote: 3 of 9 words"),
]


@pytest.mark.parametrize("said,found,result,evidence", [r[1:] for r in CLAUSE_NEGATIONS],
                         ids=[r[0] for r in CLAUSE_NEGATIONS])
def test_a_quote_after_a_negation_in_its_own_clause_warns(said, found, result, evidence):
    c = compare(said, found)
    assert (c.result, c.evidence) == (result, evidence)


# The post's t.co links and where they lead, as its answer's entities.urls give them (renamed28, #9): a written
# address against a t.co link was not weighed, as the record dropped the map.
EXPANDED = {"https://t.co/Rp0rt12345": "https://www.riverton.example/reports/flood-2021?utm_source=tw"}
POST_WITH_LINK = "Our flood report is out: https://t.co/Rp0rt12345"


@pytest.mark.parametrize("said", [
    "Our flood report is out: riverton.example/reports/fl…",   # the display address an embed code shows
    "Our flood report is out: https://www.riverton.example/reports/flood-2021?utm_source=tw",
    "Our flood report is out: https://t.co/Rp0rt12345",
], ids=["display-address", "expanded-address", "tco-link"])
def test_a_written_address_is_the_post_s_t_co_link_it_expands_to(said):
    assert compare(said, POST_WITH_LINK, links=EXPANDED).result == "pass"


def test_a_written_address_another_than_the_post_s_t_co_link_expands_to_warns():
    compared = compare("Our flood report is out: riverton.example/reports/bridge-2021", POST_WITH_LINK,
                       links=EXPANDED)
    assert (compared.result, compared.evidence) == ("warn", (
        "the post's 5 words, word for word; the article's link riverton.example/reports/bridge-2021 is not the "
        "post's (t.co/Rp0rt12345, which leads to www.riverton.example/reports/flood-2021?utm_source=tw): another "
        "link, or the same one wrapped again?"))


def test_a_written_address_against_a_t_co_link_with_no_map_is_not_weighed():
    """Where the link leads is not known (an oEmbed answer, a capture of a page): an address cannot be told from it."""
    assert compare("Our flood report is out: riverton.example/reports/bridge-2021", POST_WITH_LINK).result == "pass"


# edits29 §4: a figure written with other digit grouping is no changed word, and a case difference that may change
# the meaning (an acronym or a shouted word against a plain one) is no pass.
REGROUPED = [
    ("We hired 1200 people", "We hired 1,200 people", "1,200 → 1200"),
    ("We hired 1,200 people", "We hired 1200 people", "1200 → 1,200"),
    ("A debt of 1,250,000 euros", "A debt of 1.250.000 euros", "1.250.000 → 1,250,000"),
    ("We hired 1 200 people", "We hired 1200 people", "1200 → 1 200"),
]


@pytest.mark.parametrize("said,found,change", REGROUPED, ids=["comma-dropped", "comma-added", "dots-for-commas",
                                                              "spaced-thousands"])
def test_a_figure_written_with_other_digit_grouping_warns_naming_both_never_fails(said, found, change):
    """"1,200" against "1200" is the same number written differently (or, with a decimal comma, another one: 1,200
    is 1.2 in German): it failed as a changed word. It warns, naming both sides; nothing else is a change."""
    compared = compare(said, found)
    assert compared.result == "warn", compared.evidence
    assert f"{change} (the same digits, grouped otherwise: the same figure written differently?)" in compared.evidence
    assert "change in the quoted words" not in compared.evidence


@pytest.mark.parametrize("said,found", [
    ("It cost $1,200 today", "It cost $1200 today"),
    ("It rose 1,200% today", "It rose 1200% today"),
    ("It cost £1 200 today", "It cost £1200 today"),
], ids=["dollar", "percent", "pound-space"])
def test_a_figure_with_a_sign_grouped_otherwise_warns_too(said, found):
    """"$1,200" against "$1200" failed as a changed word while "1,200" against "1200" warned: the sign stuck to the
    figure hid its grouping."""
    compared = compare(said, found)
    assert compared.result == "warn", compared.evidence
    assert "the same digits, grouped otherwise" in compared.evidence


@pytest.mark.parametrize("said,found", [
    ("The river is at 15m", "The river is at 1.5m"),     # a decimal point is no thousands grouping
    ("We hired 12,00 people", "We hired 1200 people"),   # nor is a group of two
    ("We hired 1,300 people", "We hired 1,200 people"),
], ids=["decimal-point", "group-of-two", "other-digits"])
def test_a_changed_figure_still_fails(said, found):
    assert compare(said, found).result == "fail"


@pytest.mark.parametrize("said,found,post_side,article_side", [
    ("Tariffs hurt us most", "Tariffs hurt US most", "US", "us"),
    ("Tariffs hurt US most", "Tariffs hurt us most", "us", "US"),
    ("we WILL win", "we will win", "will", "WILL"),
], ids=["acronym-lowered", "word-raised", "shouted"])
def test_a_word_in_capitals_on_one_side_and_lower_case_on_the_other_warns_naming_both(said, found, post_side,
                                                                                       article_side):
    """Case was folded for equality, so "US" quoted as "us" passed as the post's words, word for word: a change of
    meaning hidden. It warns, naming both sides."""
    compared = compare(said, found)
    assert compared.result == "warn", compared.evidence
    assert f'the case differs: the post has "{post_side}", the article "{article_side}" (another word?)' \
        in compared.evidence


def test_a_post_written_in_capitals_quoted_in_lower_case_warns_once_not_word_by_word():
    """A post shouted in capitals and quoted in sentence case warned once for each of its words (a list as long as
    the post). It warns once, naming how many words and a few of them."""
    compared = compare("Breaking: fire on main street tonight, stay away",
                       "BREAKING: FIRE ON MAIN STREET TONIGHT, STAY AWAY")
    assert compared.result == "warn", compared.evidence
    assert compared.evidence.count("the case differs") == 1, compared.evidence
    assert 'the post writes 7 of the quoted words in capitals, the article in lower case ("FIRE", "ON", "MAIN", …)' \
        in compared.evidence


@pytest.mark.parametrize("said,found", [
    ("the council rejected it on tuesday", "The council rejected it on Tuesday"),   # a capital initial
    ("I said A is fine", "I said a is fine"),                                       # one letter
    ("Go #USA and @NASA", "Go #usa and @nasa"),                                     # tags and handles fold
    ("Nasa said so", "NASA said so"),                                               # not lower case
], ids=["initial-capital", "one-letter", "tags-and-handles", "title-case"])
def test_a_cosmetic_case_difference_still_passes(said, found):
    assert compare(said, found).result == "pass"


@pytest.mark.parametrize("said,found,evidence", [
    ("Over 1200 residents left", "Over 1,200 residents left",
     "the post's 4 words, word for word but for 1 figure written otherwise: 1,200 → 1200 (the same digits, grouped "
     "otherwise: the same figure written differently?)"),
    ("Over 1200 residents stayed", "Over 1,200 residents left",
     "1 change in the quoted words: left → stayed; and 1 figure written otherwise: 1,200 → 1200 (the same digits, "
     "grouped otherwise: the same figure written differently?)"),
    ("Over 1200 angry rеsidents left", "Over 1,200 angry residents left",
     "the post's 5 words, word for word but for 1 that only looks the same: residents → rеsidents (CYRILLIC SMALL "
     "LETTER IE U+0435 in place of LATIN SMALL LETTER E U+0065) and 1 figure written otherwise: 1,200 → 1200 (the "
     "same digits, grouped otherwise: the same figure written differently?)"),
], ids=["regrouped", "regrouped-beside-a-change", "regrouped-beside-a-look-alike"])
def test_a_figure_grouped_otherwise_is_said_as_such_not_as_a_look_alike(said, found, evidence):
    """"1,200" quoted as "1200" is no letter that only looks the same: the evidence said "1 that only looks the
    same", the homoglyph wording (newuser29b §3). It says a figure written otherwise."""
    compared = compare(said, found)
    assert compared.evidence == evidence


# review30q: a partial quote cut next to a negation of a language the lists lacked, or next to a negative pronoun
# after the verb ("approved" of "approved nothing"), passed: the quote said the opposite of the post (#9). Arabic and
# Hebrew cuts mid-sentence: one right after a negation opening the sentence fails (newuser43a #6, test_newuser43a_quotes).
MORE_NEGATIONS = [
    ("after-nothing", "The council approved", "The council approved nothing.", '"nothing" right after them'),
    ("after-nobody", "We saw", "We saw nobody there.", '"nobody" right after them'),
    ("before-nothing", "happened at the depot", "Nothing happened at the depot.", '"Nothing" right before them'),
    ("hebrew-lo", "תומך בחוק", "אני לא תומך בחוק", '"לא" right before them'),
    ("hebrew-ein", "ראיות להונאה", "לדבריו אין ראיות להונאה", '"אין" right before them'),
    ("arabic-la", "أوافق على القرار", "أنا لا أوافق على القرار", '"لا" right before them'),
    ("arabic-lam", "يحدث ذلك", "قال إنه لم يحدث ذلك", '"لم" right before them'),
    ("arabic-ghayr", "صحيح", "الخبر غير صحيح", '"غير" right before them'),
    ("swedish-inte", "Jag stöder", "Jag stöder inte lagen", '"inte" right after them'),
    ("danish-ikke", "Jeg støtter", "Jeg støtter ikke loven", '"ikke" right after them'),
    ("greek-den", "υποστηρίζω τον νόμο", "Δεν υποστηρίζω τον νόμο", '"Δεν" right before them'),
    ("indonesian-tidak", "mendukung rencana itu", "Saya tidak mendukung rencana itu", '"tidak" right before them'),
    ("hindi-nahin", "मैं समर्थन", "मैं समर्थन नहीं करता", '"नहीं" right after them'),
    ("polish-nigdy", "tego nie", "Nigdy tego nie powiedziałem", '"Nigdy" right before them'),
    ("turkish-degil", "Bu doğru", "Bu doğru değil", '"değil" right after them'),
    ("hebrew-in-clause", "שהתוכנית תעבוד", "אני לא חושב שהתוכנית תעבוד", '"לא" before them in the same clause'),
]


@pytest.mark.parametrize("said,found,evidence", [r[1:] for r in MORE_NEGATIONS], ids=[r[0] for r in MORE_NEGATIONS])
def test_a_quote_cut_next_to_a_negation_of_more_languages_warns(said, found, evidence):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert evidence in c.evidence


@pytest.mark.parametrize("said,found", [
    ("فزنا", "لم نكن هناك، فزنا"),             # an Arabic comma ends the clause, as a comma does
    ("जीत गए", "हम वहाँ नहीं थे। जीत गए"),       # a danda ends the sentence, as a full stop does
    ("the plan", "Nothing, the plan"),          # a comma parts them
], ids=["arabic-comma", "devanagari-danda", "parted-by-comma"])
def test_a_negation_parted_from_the_quote_by_punctuation_of_its_script_says_nothing(said, found):
    c = compare(said, found)
    assert c.result == "pass", c.evidence


# review30q: hyphens split words, so a quote could start or end inside one of the post's hyphenated words and pass
# as a contiguous run of them: "violent protest" of "non-violent protest", "president" of "ex-president" (#9).
COMPOUND_CUTS = [
    ("non-start", "violent protest today", "A non-violent protest today",
     'partial quote: 3 of 5 words; the quote starts inside the post\'s "non-violent" (a cut word?)'),
    ("ex-start", "president Smith said no", "The ex-president Smith said no",
     'partial quote: 4 of 6 words; the quote starts inside the post\'s "ex-president" (a cut word?)'),
    ("pro-end", "Smith is pro", "Smith is pro-war",
     'partial quote: 3 of 4 words; the quote ends inside the post\'s "pro-war" (a cut word?)'),
]


@pytest.mark.parametrize("said,found,evidence", [r[1:] for r in COMPOUND_CUTS], ids=[r[0] for r in COMPOUND_CUTS])
def test_a_quote_cut_inside_a_hyphenated_word_warns(said, found, evidence):
    c = compare(said, found)
    assert (c.result, c.evidence) == ("warn", evidence)


@pytest.mark.parametrize("said,found", [
    ("Smith is pro…", "Smith is pro-war"),                          # the article marks its cut
    ("barely", "We won—barely"),                                    # an em dash is punctuation
    ("protest today", "A non-violent protest today"),               # the quote starts after the word
    ("a well known author", "a well-known author"),                 # the whole word, spelt apart
    ("found the vote was rigged", "A non-partisan panel found the vote was rigged"),
], ids=["article-marks-cut", "em-dash", "after-the-word", "whole-word", "compound-earlier"])
def test_a_quote_that_cuts_no_hyphenated_word_still_passes(said, found):
    c = compare(said, found)
    assert c.result == "pass", c.evidence


# review30q: format characters a reader does not see split a word (U+2062 INVISIBLE TIMES, tag characters, the
# Mongolian vowel separator), so "passed" with one inside failed as a changed word.
@pytest.mark.parametrize("said", [
    "The vote pas\u2062sed today", "The vote pas\U000e0041sed today", "The vote pas\u180esed today",
    "The vote pas\u2064sed today",
], ids=["invisible-times", "tag-character", "mongolian-vowel-separator", "invisible-plus"])
def test_an_invisible_format_character_inside_a_word_passes(said):
    c = compare(said, "The vote passed today")
    assert (c.result, c.matched) == ("pass", 4), c.evidence


# review30q: a figure in other digits (Arabic-Indic ٦١ for 61, Devanagari ६१) is the same figure; it failed as "no
# word of the post's 1 is in the quote". It warns, naming it as a figure written otherwise; another figure fails.
@pytest.mark.parametrize("said,found", [
    ("نسبة المشاركة 61%", "نسبة المشاركة ٦١٪"),
    ("نسبة المشاركة ٦١٪", "نسبة المشاركة 61%"),
    ("मतदान 61 प्रतिशत", "मतदान ६१ प्रतिशत"),
], ids=["arabic-indic-in-post", "arabic-indic-in-article", "devanagari"])
def test_a_figure_in_other_digits_warns_as_a_figure_written_otherwise(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "1 figure written otherwise" in c.evidence and "in other digits" in c.evidence, c.evidence


def test_a_changed_figure_in_other_digits_still_fails():
    c = compare("نسبة المشاركة 67%", "نسبة المشاركة ٦١٪")
    assert c.result == "fail", c.evidence


# review30q: words an article puts in square brackets are its own, marked as such ("He [Smith] said", "[sic]"), as a
# "…" marks an elision: they failed as a changed word, so a quote written the way newsrooms write them was called
# a misquote. They warn, naming them; a change outside the brackets still fails.
BRACKETED = [
    ("added", "He [Smith] said the plan will fail", "He said the plan will fail",
     'the post\'s 6 words, word for word; the article\'s own words in brackets: added "[Smith]"'),
    ("sic", "Their [sic] going home", "Their going home",
     'the post\'s 3 words, word for word; the article\'s own words in brackets: added "[sic]"'),
    ("in-place-of", "[Smith] said the plan will fail", "He said the plan will fail",
     'partial quote: 5 of 6 words; the article\'s own words in brackets: "[Smith]" in place of "He"'),
    ("in-place-inside", "The mayor said [the council] will act", "The mayor said they will act",
     'partial quote: 5 of 6 words; the article\'s own words in brackets: "[the council]" in place of "they"'),
]


@pytest.mark.parametrize("said,found,evidence", [r[1:] for r in BRACKETED], ids=[r[0] for r in BRACKETED])
def test_words_the_article_puts_in_brackets_warn_naming_them(said, found, evidence):
    c = compare(said, found)
    assert (c.result, c.evidence) == ("warn", evidence)


@pytest.mark.parametrize("said,found", [
    ("He [Smith] said the plan will work", "He said the plan will fail"),
    ("[Smith] approved it", "He rejected it"),
    ("He said [the plan] will fail", "He said the plan will not fail"),
    ("[UPDATE] Fire on Main Street", "[THREAD] Fire on Main Street"),
], ids=["change-outside", "change-beside", "dropped-word-outside", "post-s-own-brackets"])
def test_a_change_outside_the_brackets_still_fails(said, found):
    assert compare(said, found).result == "fail"


@pytest.mark.parametrize("said,found", [
    ("We will [not] support the bill", "We will support the bill"),
    ("We will [never] support the bill", "We will support the bill"),
    ("We [will] support the bill", "We won't support the bill"),
    ("We [won't] support the bill", "We will support the bill"),
    ("The council approved [nothing]", "The council approved it"),
    ("He won [50] seats", "He won 5 seats"),
    ("There were [nearly 50] people", "There were 49 people"),
], ids=["not-added", "never-added", "negation-dropped", "contraction-added", "pronoun-added", "figure",
        "figure-with-words"])
def test_words_in_brackets_that_turn_a_negation_or_change_a_figure_still_fail(said, found):
    """review30r2: review30q made the article's bracketed words a warning, so "We will [not] support the bill" of
    "We will support the bill", or "He won [50] seats" of "He won 5 seats", were no longer a misquote. Brackets
    mark an editor's words that clarify ("[Smith]" for "He"); words that add or drop a negation, or another figure
    in place of the post's, change what the post says: they fail as any change does."""
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    # the negatives: a clarifying bracket still warns, a figure added where the post had none too
    assert compare("He [Smith] said the plan will fail", "He said the plan will fail").result == "warn"
    assert compare("the [2020] election was fair", "the election was fair").result == "warn"


# review30q: a quote in another script than the post's shares no word with it by necessity: a translation shown in
# the post's place, which words cannot check. It failed as "no word of the post's 5 is in the quote", a misquote
# said of a translation. It warns, saying so; a quote in the post's script with no word of its still fails.
@pytest.mark.parametrize("said,found,scripts", [
    ("I do not support this law", "אני לא תומך בחוק הזה", "Latin letters, the post in Hebrew"),
    ("Мы не поддерживаем закон", "We do not support the law", "Cyrillic letters, the post in Latin"),
    ("The ceasefire holds", "وقف إطلاق النار صامد", "Latin letters, the post in Arabic"),
], ids=["hebrew-post", "latin-post", "arabic-post"])
def test_a_quote_in_another_script_than_the_post_s_warns_as_a_translation(said, found, scripts):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert c.evidence == (f"no word of the post's {c.post_words} is in the quote, which is in {scripts}: a "
                          "translation? Its words cannot be checked against the post's")


def test_a_quote_in_the_post_s_script_with_none_of_its_words_still_fails():
    assert compare("Something else entirely", "The council rejected the budget").result == "fail"
    assert compare("אני תומך", "לא מתנגד").result == "fail"
    # letters of another script that look Latin are no translation: a forged quote with a changed word
    assert compare("Тhе vоtе fаilеd", "The vote passed").result == "fail"
    assert compare("ТНЕ СОР АТЕ", "THE COP RAN").result == "fail"   # every letter Cyrillic


@pytest.mark.parametrize("said,found", [
    ("I support Apple", "אני תומך ב Tesla"),
    ("Putin said the EU is strong", "Путин сказал: NATO сильна"),
], ids=["hebrew-post-with-a-latin-word", "cyrillic-post-with-latin-words"])
def test_a_quote_that_changed_a_word_the_post_writes_in_the_quote_s_script_is_no_translation(said, found):
    """review30r2: a post in Hebrew naming "Tesla" in Latin letters, quoted in English as "I support Apple", warned
    as a translation, while "I support Tesla" (the name kept, the rest translated) failed: the quote that changed
    the one word both could share got the softer verdict. A post that writes words in the quote's script can be
    checked by them: the quote lacking all of them is no word of the post's, as in one script."""
    c = compare(said, found)
    assert (c.result, c.evidence) == ("fail", f"no word of the post's {c.post_words} is in the quote")
    # the negative: a post with none of its words in the quote's script (a handle aside) is still a translation
    assert compare("I support the bill", "אני תומך בחוק @knesset").result == "warn"


# review30q: a figure a copy desk writes its own way ("50 percent" for "50%", as AP style wants; "9:30" for "09:30")
# failed as a changed word. It warns as a figure written otherwise, naming both sides; another figure still fails.
@pytest.mark.parametrize("said,found,shown", [
    ("Prices rose 50 percent this year", "Prices rose 50% this year",
     "50% → 50 percent (the same figure, per cent as a sign on one side and a word on the other)"),
    ("Prices rose 5.5% this year", "Prices rose 5.5 per cent this year",
     "5.5 per cent → 5.5% (the same figure, per cent as a sign on one side and a word on the other)"),
    ("Die Preise stiegen um 50 Prozent", "Die Preise stiegen um 50%",
     "50% → 50 Prozent (the same figure, per cent as a sign on one side and a word on the other)"),
    ("We meet at 9:30 tonight", "We meet at 09:30 tonight",
     "09:30 → 9:30 (the same figure, with a leading zero on one side)"),
], ids=["percent-word", "per-cent-sign", "prozent", "leading-zero"])
def test_a_figure_a_copy_desk_writes_its_own_way_warns_as_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown}" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Prices rose 60 percent this year", "Prices rose 50% this year"),
    ("We meet at 9:30 tonight", "We meet at 19:30 tonight"),
    ("Prices rose 50 points this year", "Prices rose 50% this year"),
    ("It is 0.5 now", "It is 5 now"),
], ids=["other-percent", "other-hour", "points-not-percent", "decimal-zero"])
def test_another_figure_written_the_copy_desk_s_way_still_fails(said, found):
    assert compare(said, found).result == "fail"


# review43b43: an amount or an ordinal a copy desk writes its own way ("$40m" for "$40 million", "40 million dollars"
# for "$40 million", "3rd" for "third") failed as a changed figure. Each warns as written otherwise, naming how; a
# changed amount or ordinal beside the other way of writing it still fails.
@pytest.mark.parametrize("said,found,shown", [
    ("The deal was worth $40m to them", "The deal was worth $40 million to them",
     "$40 million → $40m (the same amount, its thousand, million or billion written short on one side)"),
    ("The deal was worth $40 million to them", "The deal was worth $40m to them",
     "$40m → $40 million (the same amount, its thousand, million or billion written short on one side)"),
    ("A bill of €2.5bn was paid", "A bill of €2.5 billion was paid",
     "€2.5 billion → €2.5bn (the same amount, its thousand, million or billion written short on one side)"),
    ("The deal was worth 40 million dollars to them", "The deal was worth $40 million to them",
     "$40 million → 40 million dollars (the same amount, its currency as a sign on one side and a word on the other)"),
    ("It cost 40 pounds today", "It cost £40 today",
     "£40 → 40 pounds (the same amount, its currency as a sign on one side and a word on the other)"),
    ("The deal was worth 40 million dollars to them", "The deal was worth $40m to them",
     "$40m → 40 million dollars (the same amount, written short with a sign on one side and in words on the other)"),
    ("She came 3rd in the race", "She came third in the race",
     "third → 3rd (the same ordinal, in words on one side)"),
    ("She came third in the race", "She came 3rd in the race",
     "3rd → third (the same ordinal, in words on one side)"),
], ids=["m-for-million", "million-for-m", "bn-for-billion", "dollars-for-sign", "pounds-for-sign",
        "dollars-for-m", "3rd-for-third", "third-for-3rd"])
def test_an_amount_or_ordinal_written_otherwise_warns_naming_how(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown}" in c.evidence, c.evidence
    assert "change in the quoted words" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,cut", [
    ("The deal was worth $40m … to them", "The deal was worth $40 million, said Bob, to them", "said Bob"),
    ("The deal, Bob said, … $40m to them", "The deal, Bob said, was worth $40 million to them", "was worth"),
], ids=["cut-after", "cut-before"])
def test_an_amount_written_otherwise_beside_a_cut_warns_for_both(said, found, cut):
    """"$40m …" of "$40 million, said Bob, …" failed as one change, "$40 million said Bob → $40m": the amount and
    the cut beside it were one replaced run. The cut is said as a cut and the amount as written otherwise."""
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "1 figure written otherwise: $40 million → $40m (the same amount" in c.evidence, c.evidence
    assert f'"{cut}"' in c.evidence, c.evidence


def test_an_amount_written_otherwise_beside_a_changed_word_is_said_apart_from_it():
    """"40 million dollars fell" of "$40 million rose" failed naming "rose → dollars fell": the amount's word was
    taken into the next change. The change is the word alone, the amount written otherwise."""
    c = compare("Sales of 40 million dollars fell", "Sales of $40 million rose")
    assert (c.result, c.evidence) == ("fail", "1 change in the quoted words: rose → fell; and 1 figure written "
                                              "otherwise: $40 million → 40 million dollars (the same amount, its "
                                              "currency as a sign on one side and a word on the other)")


@pytest.mark.parametrize("said,found", [
    ("The deal was worth $40m to them", "The deal was worth $4 million to them"),
    ("The deal was worth $40m to them", "The deal was worth $40 billion to them"),
    ("The deal was worth 40 million to them", "The deal was worth 40 billion to them"),
    ("The deal was worth 40 million euros to them", "The deal was worth $40 million to them"),
    ("The deal was worth 40 million dollars to them", "The deal was worth $40 billion to them"),
    ("She came 3rd in the race", "She came fourth in the race"),
    ("She came 3rd in the race", "She came 4th in the race"),
    ("The river is at 15m", "The river is at 15 million"),   # metres, with no currency sign: no amount
], ids=["m-for-4-million", "m-for-billion", "million-for-billion", "euros-for-dollars", "dollars-for-billion",
        "3rd-for-fourth", "3rd-for-4th", "metres"])
def test_a_changed_amount_or_ordinal_beside_another_way_of_writing_it_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


# quotes30b: a partial quote that leaves out the words that undo it passed as a verified partial quote: a "Not." (or
# "/s", "JK"...) right after it, a debunk label ("FALSE:") heading it, or the post's own quotation marks around it
# (the post quotes someone else to rebut them). It warns, naming what the quote leaves out (#9).
UNDONE_AFTER = 'the post goes on with "{}" (undoing the quoted words?)'
LABELLED = 'the post labels it "{}" (a debunk the quote leaves out?)'
QUOTED = "the post quotes these words from someone else (they stand in its own quotation marks)"
UNDOING = [
    ("not", "I will vote for it.", "I will vote for it. Not.",
     "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("Not.")),
    ("no", "I will vote for it.", "I will vote for it. No.", "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("No.")),
    ("slash-s", "I will vote for it", "I will vote for it /s", "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("/s")),
    ("parenthesised-not", "I will vote for it", "I will vote for it (not)",
     "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("(not)")),
    ("jk", "I will vote for it.", "I will vote for it. JK", "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("JK")),
    ("kidding", "I will vote for it.", "I will vote for it. Kidding.",
     "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("Kidding.")),
    ("ellipsis-not", "I will vote for it", "I will vote for it…not!",
     "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("…not!")),
    ("next-line", "I will vote for it", "I will vote for it 🗳️\nNOT", "partial quote: 5 of 6 words; " + UNDONE_AFTER.format("NOT")),
    ("mid-sentence", "I will vote", "I will vote for it. Not.", "partial quote: 3 of 6 words; " + UNDONE_AFTER.format("Not.")),
    ("just-kidding-link", "I will vote for it", "I will vote for it. Just kidding! https://t.co/Ab12Cd",
     "partial quote: 5 of 7 words; " + UNDONE_AFTER.format("Just kidding!")),
    ("false", "the vote was rigged", "FALSE: the vote was rigged", "partial quote: 4 of 5 words; " + LABELLED.format("FALSE:")),
    ("fake", "the vote was rigged", "FAKE - the vote was rigged", "partial quote: 4 of 5 words; " + LABELLED.format("FAKE -")),
    ("false-claim", "the vote was rigged", "FALSE CLAIM: the vote was rigged",
     "partial quote: 4 of 6 words; " + LABELLED.format("FALSE CLAIM:")),
    ("myth", "the vote was rigged", "Myth: the vote was rigged", "partial quote: 4 of 5 words; " + LABELLED.format("Myth:")),
    ("rumour", "the vote was rigged", "RUMOUR: the vote was rigged",
     "partial quote: 4 of 5 words; " + LABELLED.format("RUMOUR:")),
    ("fact-check", "the vote was rigged", "Fact check: the vote was rigged",
     "partial quote: 4 of 6 words; " + LABELLED.format("Fact check:")),
    ("not-true", "the vote was rigged", "Not true: the vote was rigged",
     "partial quote: 4 of 6 words; " + LABELLED.format("Not true:")),
    ("satire", "the mayor resigned", "Satire: the mayor resigned", "partial quote: 3 of 4 words; " + LABELLED.format("Satire:")),
    ("parody", "the mayor resigned", "PARODY: the mayor resigned", "partial quote: 3 of 4 words; " + LABELLED.format("PARODY:")),
    ("misleading", "the mayor resigned", "Misleading: the mayor resigned",
     "partial quote: 3 of 4 words; " + LABELLED.format("Misleading:")),
    ("falso", "el voto fue amañado", "FALSO: el voto fue amañado",
     "partial quote: 4 of 5 words; " + LABELLED.format("FALSO:")),
    ("faux", "le vote était truqué", "FAUX : le vote était truqué",
     "partial quote: 4 of 5 words; " + LABELLED.format("FAUX :")),
    ("falsch", "die Wahl war manipuliert", "FALSCH: die Wahl war manipuliert",
     "partial quote: 4 of 5 words; " + LABELLED.format("FALSCH:")),
    ("bracketed-label", "the vote was rigged", "[FALSE] the vote was rigged",
     "partial quote: 4 of 5 words; " + LABELLED.format("[FALSE]")),
    ("emoji-label", "the vote was rigged", "❌ FALSE: the vote was rigged",
     "partial quote: 4 of 5 words; " + LABELLED.format("FALSE:")),
    ("label-heads-the-sentence", "the vote was rigged", "FALSE: Smith claims the vote was rigged.",
     "partial quote: 4 of 7 words; " + LABELLED.format("FALSE:")),
    ("quoted", "the vote was rigged", 'Smith says "the vote was rigged". Wrong.', "partial quote: 4 of 7 words; " + QUOTED),
    ("quoted-curly", "the vote was rigged", "Smith says “the vote was rigged”. Wrong.",
     "partial quote: 4 of 7 words; " + QUOTED),
    ("quoted-in-part", "was rigged", 'Smith says "the vote was rigged". Wrong.', "partial quote: 2 of 7 words; " + QUOTED),
    ("quoted-single", "the vote was rigged", "Smith says ‘the vote was rigged’. He's wrong.",
     "partial quote: 4 of 8 words; " + QUOTED),
    ("guillemets", "le vote était truqué", "Smith dit « le vote était truqué ». C'est faux.",
     "partial quote: 4 of 8 words; " + QUOTED),
    ("japanese-brackets", "選挙は不正だ", "スミス氏は「選挙は不正だ」と言った",
     "partial quote: 6 of 15 characters; " + QUOTED),
]


@pytest.mark.parametrize("said,found,evidence", [r[1:] for r in UNDOING], ids=[r[0] for r in UNDOING])
def test_a_partial_quote_that_leaves_out_what_undoes_it_warns_naming_it(said, found, evidence):
    c = compare(said, found)
    assert (c.result, c.evidence) == ("warn", evidence)


def test_a_negation_right_after_the_quote_is_named_once():
    c = compare("I will vote for it", "I will vote for it\nNOT")
    assert c.evidence == 'partial quote: 5 of 6 words; the post has "NOT" right after them (a negation the quote ' \
                         "leaves out?)"


@pytest.mark.parametrize("said,found", [
    ("I will vote for it.", "I will vote for it. Nothing can stop me."),
    ("The bridge is open", "The bridge is open. Not the tunnel, though."),
    ("I will vote for it", "I will vote for it. Not now: tomorrow."),
    ("We won", "We won. No. 1 in the league!"),
    ("Great game", "Great game. No regrets."),
    ("the vote was counted", "BREAKING: the vote was counted"),
    ("the vote was counted", "Smith: the vote was counted"),
    ("the vote was rigged", "FALSE: Smith lied. Still, the vote was rigged"),
    ("the vote was rigged", 'He said the "vote" was rigged'),
    ("Smith says the vote was rigged", 'Smith says "the vote was rigged". Wrong.'),
    ("the players won", "It was the players' day: the players won"),
    ("the vote was rigged", "I don't think so. The vote was rigged"),
], ids=["sentence-after", "not-heads-a-sentence", "not-now", "no-1", "no-regrets", "breaking", "name-colon",
        "label-of-another-sentence", "scare-quotes-inside", "attribution-quoted", "apostrophe", "question-before"])
def test_a_partial_quote_whose_rest_does_not_undo_it_still_passes(said, found):
    c = compare(said, found)
    assert c.result == "pass", c.evidence


# quotes30b: what a copy desk or a scraper writes its own way failed as a changed word: "U.S." for "US" (tokens "U S"),
# "five" for "5", "12/03/2022" for "12.03.2022", a word hyphenated at a line end ("govern-\nment"). Each warns as
# written otherwise, naming both sides; a changed figure, date or word still fails.
@pytest.mark.parametrize("said,found,shown", [
    ("The US will act", "The U.S. will act", "1 word written otherwise: U.S. → US (the same letters, with full stops on one side)"),
    ("The U.K. will act", "The UK will act", "1 word written otherwise: UK → U.K. (the same letters, with full stops on one side)"),
    ("see eg the report", "see e.g. the report", "1 word written otherwise: e.g. → eg (the same letters, with full stops on one side)"),
    ("Five people were hurt", "5 people were hurt", "1 figure written otherwise: 5 → Five (the same number, in words on one side)"),
    ("10 people were hurt", "ten people were hurt", "1 figure written otherwise: ten → 10 (the same number, in words on one side)"),
    ("The vote is on 12/03/2022", "The vote is on 12.03.2022",
     "1 figure written otherwise: 12.03.2022 → 12/03/2022 (the same date's figures, parted otherwise)"),
    ("The vote is on 12.03.2022", "The vote is on 12-03-2022",
     "1 figure written otherwise: 12-03-2022 → 12.03.2022 (the same date's figures, parted otherwise)"),
    ("the govern-\nment will fall", "the government will fall",
     "1 word written otherwise: government → govern-ment (the same letters, with a hyphen on one side: a line break's, or another word (re-sign, resign)?)"),
    ("send an e-mail", "send an email",
     "1 word written otherwise: email → e-mail (the same letters, with a hyphen on one side: a line break's, or another word (re-sign, resign)?)"),
    ("The club will re-sign him", "The club will resign him",   # another word: said so, never "the same word"
     "1 word written otherwise: resign → re-sign (the same letters, with a hyphen on one side: a line break's, or another word (re-sign, resign)?)"),
], ids=["us", "uk", "eg", "five", "ten", "date-slashes", "date-hyphens", "line-end-hyphen", "e-mail", "re-sign"])
def test_a_word_or_figure_written_otherwise_warns_naming_both(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("The UK will act", "The U.S. will act"),
    ("They will help us", "They will help U.S."),
    ("Six people were hurt", "5 people were hurt"),
    ("5 people were hurt", "fifty people were hurt"),
    ("The vote is on 13/03/2022", "The vote is on 12.03.2022"),
    ("The vote is on 03/12/2022", "The vote is on 12.03.2022"),
    ("The vote is on 12/03/2023", "The vote is on 12.03.2022"),
    ("It rose 12/5", "It rose 12.5"),
    ("the govern-\nor will fall", "the government will fall"),
    ("we went a way", "we went away"),
], ids=["other-initialism", "pronoun", "other-number", "fifty", "other-day", "day-and-month-swapped", "other-year",
        "decimal-not-date", "other-word-hyphenated", "split-without-hyphen"])
def test_a_changed_word_figure_or_date_written_otherwise_still_fails(said, found):
    assert compare(said, found).result == "fail"


def test_a_quote_starting_inside_a_word_hyphenated_at_a_line_end_warns():
    c = compare("violent protest today", "A non-\nviolent protest today")
    assert c.result == "warn" and 'the quote starts inside the post\'s "non-violent"' in c.evidence, c.evidence


def test_each_text_of_a_comparison_is_normalised_once(monkeypatch):
    """#14 (perf30b): compare() normalised each side twice, once for its words and once for its emoji and links
    (about a fifth of a comparison); a text is normalised once (the same text again is taken from memory)."""
    import unicodedata

    from resolver import quotes

    calls: list[str] = []

    class Counting:
        def __getattr__(self, name: str):   # type: ignore[no-untyped-def]
            return getattr(unicodedata, name)

        def normalize(self, form: str, text: str) -> str:
            calls.append(text)
            return unicodedata.normalize(form, text)

    monkeypatch.setattr(quotes, "unicodedata", Counting())
    said, found = "The vote is set for 7pm 🗳️ pic.twitter.com/Qx81Ab (perf30b)", "The vote is set for 7pm tonight 🗳️"
    assert quotes.compare(said, found).result == quotes.compare(said, found).result
    assert sorted(calls) == sorted([said, found])


# quotes31 (1): a bracket glued to a word is an editor's change of that word, as newsrooms write "[T]he vote" for
# "the vote" or "[un]fair" for "unfair": it was split as words and failed ("the → T he"). Where the letters are the
# post's, it warns as a word written otherwise, naming the bracket; an ending in brackets that fits the post's word to
# the article's sentence ("support[s]") warns too. Bracketed letters that make the post's word another ("[dis]agree"
# for "agree", "can[not]" for "can") change it and fail: "[dis]" warned as words the article added before.
GLUED = "the article's letters in brackets inside the word: the post's letters, as an editor writes them"
INFLECTED = "the article's ending in brackets: the post's word, fitted to the article's sentence?"
GLUED_BRACKETS = [
    ("capital", "[T]he vote was rigged", "the vote was rigged", f"1 word written otherwise: the → [T]he ({GLUED})"),
    ("prefix-letters", "It was [un]fair", "It was unfair", f"1 word written otherwise: unfair → [un]fair ({GLUED})"),
    ("inner-letters", "We will figh[t] on", "We will fight on", f"1 word written otherwise: fight → figh[t] ({GLUED})"),
    ("lower-case-start", "he said [t]hey will win", "They will win", f"1 word written otherwise: They → [t]hey ({GLUED})"),
    ("ending", "He support[s] the bill", "support the bill", f"1 word written otherwise: support → support[s] ({INFLECTED})"),
]


@pytest.mark.parametrize("said,found,shown", [r[1:] for r in GLUED_BRACKETS], ids=[r[0] for r in GLUED_BRACKETS])
def test_a_bracket_glued_to_a_word_of_the_post_s_letters_warns_naming_it(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("We [dis]agree with the plan", "We agree with the plan", "agree → [dis]agree"),
    ("It was [un]fair", "It was fair", "fair → [un]fair"),
    ("I can[not] support it", "I can support it", "can → can[not]"),
    ("[T]hey voted no", "We voted no", "We → [T]hey"),
    ("The vote was [T]he end", "The vote was rigged", "rigged → [T]he"),
    ("He support[s] the ban", "I support the bill", "bill → ban"),
], ids=["negating-prefix", "un-added", "negation-ending", "other-word", "other-word-mid", "change-beside-ending"])
def test_a_bracket_glued_to_a_word_that_makes_it_another_word_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes31 (2): brackets that clarify a reference ("[Smith]" for "he", "[Joe Biden]" for "@JoeBiden") stay a warn;
# brackets in place of a name ("[Smith]" for "Jones", "[Smith]" for "@jones") put another person in the post's mouth:
# a change, which fails. A name: a handle, a capitalised word that is no pronoun or article, or a word the post writes
# with a capital elsewhere.
@pytest.mark.parametrize("said,found,shown", [
    ("[Smith] said the plan will fail", "Jones said the plan will fail", "Jones → [Smith]"),
    ("I met [Smith] today", "I met Jones today", "Jones → [Smith]"),
    ("Thanks to [Mayor Smith] for this", "Thanks to @jones for this", "@jones → [Mayor Smith]"),
    ("[smith] is right", "jones is right. I told Jones so", "jones → [smith]"),
    # quotes34: "[the mayor]" for "Jones" alone warns now (a role for a name); with another person named, it fails
    ("Jones met Smith. I met [the mayor] today", "Jones met Smith. I met Jones today", "Jones → [the mayor]"),
], ids=["name-at-the-start", "name-mid-sentence", "handle", "named-elsewhere", "description-for-a-name"])
def test_words_in_brackets_in_place_of_a_name_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Smith] said the plan will fail", "He said the plan will fail"),
    ("I met [Smith] today", "I met him today"),
    ("The mayor said [the council] will act", "The mayor said they will act"),
    ("[The council] will act. Jones agrees", "They will act. Jones agrees"),
    ("[Smith] sagte, der Plan scheitert", "Er sagte, der Plan scheitert"),
    ("[The bill] is a disgrace", "This is a disgrace"),
    ("Thanks to [Joe Biden]", "Thanks to @JoeBiden"),
    ("Thanks to [Biden]", "Thanks to @JoeBiden"),
    ("[On Friday] we vote", "Tomorrow we vote"),
    ("[On May 3] we voted", "Last night we voted"),
    ("[Both parties] agreed", "Everyone agreed"),
], ids=["he", "him", "they", "they-with-a-name-elsewhere", "er", "this", "handle-spelt-out", "handle-s-surname",
        "tomorrow", "last-night", "everyone"])
def test_words_in_brackets_in_place_of_a_pronoun_or_naming_the_same_handle_still_warn(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


# quotes31 (3): a "Not." after a sentence with a full stop inside it ("in the U.S. Not.") was missed: the first full
# stop was taken for the sentence's end. A stop followed by a letter ("U.S") or by a lower-case word ("e.g. the") ends
# no sentence; the abbreviation's last stop may end it.
@pytest.mark.parametrize("said,found,undo", [
    ("I will vote for it", "I will vote for it in the U.S. Not.", "Not."),
    ("I will vote for it", "I will vote for it, e.g. on Tuesday. Not.", "Not."),
    ("I will vote", "I will vote for it at 9.30 a.m. Kidding.", "Kidding."),
], ids=["initialism", "e-g", "time-and-a-m"])
def test_a_not_after_a_sentence_with_a_stop_inside_warns(said, found, undo):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert UNDONE_AFTER.format(undo) in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("I will vote for it", "I will vote for it in the U.S. Not the tunnel, though."),
    ("I will vote for it", "I will vote for it in the U.S. Really. Not."),
    ("We won", "We won in the U.S. No. 1 again"),
], ids=["not-heads-a-sentence", "another-sentence-between", "no-1"])
def test_a_sentence_with_a_stop_inside_and_no_not_after_it_still_passes(said, found):
    c = compare(said, found)
    assert c.result == "pass", c.evidence


# quotes31 (4): a debunk's verdict after the claim it quotes ("CLAIM: … VERDICT: False", "Rating: False", "— FALSE")
# was not looked for: a fact-check's words quoted as the claim passed. It warns as a label before the words does.
@pytest.mark.parametrize("said,found,label", [
    ("the vote was rigged", "CLAIM: the vote was rigged. VERDICT: False", "VERDICT: False"),
    ("the vote was rigged", "Claim: the vote was rigged\nRating: False", "Rating: False"),
    ("the vote was rigged", "the vote was rigged — FALSE", "- FALSE"),
    ("the vote was rigged", "Smith says the vote was rigged. Our ruling: Pants on Fire", "Our ruling: Pants on Fire"),
    ("the vote was rigged", "the vote was rigged [FAKE]", "[FAKE]"),
    ("el voto fue amañado", "el voto fue amañado. Veredicto: falso", "Veredicto: falso"),
    ("the vote was rigged", "the vote was rigged 👉 Verdict: misleading. More: https://t.co/Ab12Cd", "Verdict: misleading"),
], ids=["verdict", "rating", "dash", "our-ruling", "bracketed", "veredicto", "with-link-after"])
def test_a_debunk_label_after_the_quoted_words_warns_naming_it(said, found, label):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert LABELLED.format(label) in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("the vote was rigged", "the vote was rigged - false alarms everywhere"),
    ("the vote was rigged", "the vote was rigged. Rating agencies disagree"),
    ("the vote was rigged", "the vote was rigged. The verdict: it was not false, they say"),
    ("the vote was rigged", "the vote was rigged. Verdict: true"),
], ids=["false-alarm", "rating-word", "verdict-not-a-label", "verdict-true"])
def test_words_after_the_quote_that_are_no_debunk_label_still_pass(said, found):
    c = compare(said, found)
    assert c.result == "pass", c.evidence


# quotes31 (5): negation words that are names or other words elsewhere ("Inga", a Swedish given name; "Nic", as in Nic
# Cage; Hindi "मत", "vote" or "opinion" as a noun) warned of a negation left out next to the quote. They count only
# where the post's language is theirs (when the source gives it), not as a capitalised name mid-sentence, and मत not as
# a noun (after a possessive, before a postposition).
@pytest.mark.parametrize("said,found,lang", [
    ("met Smith", "I met Smith Inga said", None),
    ("thanks to", "thanks to Nic Cage", None),
    ("said the vote was rigged", "Inga said the vote was rigged", "en"),
    ("the vote was rigged", "Nic said the vote was rigged", "en"),
    ("दें", "अपना मत दें", None),
    ("लोगों ने", "लोगों ने मत का प्रयोग किया", "hi"),
    ("said the vote was rigged", "Nic Cage said the vote was rigged", None),
], ids=["inga-name-mid-sentence", "nic-name-mid-sentence", "inga-english-post", "nic-english-post-clause",
        "mat-after-a-possessive", "mat-before-a-postposition", "nic-before-a-surname"])
def test_a_negation_word_that_is_a_name_or_a_noun_there_is_no_negation(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "pass", c.evidence


@pytest.mark.parametrize("said,found,lang,negation", [
    ("problem", "Inga problem", "sv", "Inga"),
    ("vi har", "vi har inga problem", None, "inga"),
    ("Inga said the vote was rigged".split(" ", 1)[1], "Inga said the vote was rigged", None, "Inga"),
    ("nerozumím", "Nic nerozumím", "cs", "Nic"),
    ("se stalo", "nic se stalo", None, "nic"),
    ("जाओ", "वहाँ मत जाओ", "hi", "मत"),
], ids=["inga-swedish-post", "inga-lower-case", "inga-at-a-start-no-lang", "nic-czech-post", "nic-lower-case",
        "mat-before-a-verb"])
def test_a_negation_word_in_its_own_language_or_place_still_warns(said, found, lang, negation):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert f'"{negation}"' in c.evidence, c.evidence


# quotes31 (6): "9.30" (a British time) against "9:30" failed as a changed figure. Where either side is plainly a time
# ("9.30 am", "9.30pm", "at 9.30", "9:30 pm"), it warns as a figure written otherwise; a decimal "9.30" stays a fail.
TIME_DOTTED = "the same time, with a full stop on one side and a colon on the other"


@pytest.mark.parametrize("said,found,shown", [
    ("We meet at 9:30", "We meet at 9.30", "9.30 → 9:30"),
    ("Doors open 9:30 pm", "Doors open 9.30 pm", "9.30 → 9:30"),
    ("Doors open 9:30pm", "Doors open 9.30pm", "9.30pm → 9:30pm"),
    ("The vote closes 21.30 tonight", "The vote closes 21:30 tonight", "21:30 → 21.30"),
    ("Wir treffen uns um 9:30 Uhr", "Wir treffen uns um 9.30 Uhr", "9.30 → 9:30"),
    ("We meet 9.30 a.m. sharp", "We meet 9:30 a.m. sharp", "9:30 → 9.30"),
], ids=["at", "pm-spaced", "pm-glued", "tonight-24h", "uhr", "a-m"])
def test_a_time_with_a_full_stop_against_a_colon_warns_as_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown} ({TIME_DOTTED})" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Prices rose 9:30 this year", "Prices rose 9.30 this year"),
    ("The score was 9:30", "The score was 9.30"),
    ("We meet at 9:45", "We meet at 9.30"),
    ("We meet at 9:30", "We meet at 9.3"),
    ("We meet at 9:75", "We meet at 9.75"),
    ("It cost 9.30 dollars", "It cost 9:30 dollars"),
], ids=["decimal", "score", "other-minutes", "one-digit-decimal", "no-such-minute", "money"])
def test_a_decimal_against_a_time_or_another_time_still_fails(said, found):
    assert compare(said, found).result == "fail"


@pytest.mark.parametrize("said,found", [
    ("Shares rose to 9:30", "Shares rose to 9.30"),
    ("Shares fell by 9:30 today", "Shares fell by 9.30 today"),
], ids=["rose-to", "fell-by-today"])
def test_a_decimal_after_words_that_go_with_figures_too_still_fails(said, found):
    assert compare(said, found).result == "fail"


@pytest.mark.parametrize("said,found,lang", [
    ("the vote[1] was rigged", "the vote was rigged", None),
    ("Their[sic] vote was rigged", "Their vote was rigged", None),
    ("[Biden] said it", "The President said it", None),
    ("[Merkel] sagte es", "Die Kanzlerin sagte es", "de"),
], ids=["footnote", "glued-sic", "title-after-the", "german-noun"])
def test_brackets_that_are_a_footnote_or_name_a_title_or_a_german_noun_warn_as_the_article_s_own_words(said, found,
                                                                                                       lang):
    """A footnote mark or "[sic]" glued to a word is no letter of it; "The President" or a German noun (German
    writes every noun with a capital) is no name the brackets change: each warns, naming the brackets (quotes31)."""
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence
    end = compare("the vote was rigged[1]", "the vote was rigged")   # at the end: glued on, as "[1]" apart was
    assert end.result == "warn" and '"1" after' in end.evidence, end.evidence


def test_a_bracket_inside_a_link_is_no_editor_s_bracket():
    c = compare("see https://ex.example/a[1]b now", "see https://ex.example/a[1]b now")
    assert c.result == "pass", c.evidence


def test_a_verdict_word_that_goes_on_as_another_phrase_is_no_label():
    c = compare("the vote was rigged", "the vote was rigged. Rating: false alarm, says Smith")
    assert c.result == "pass", c.evidence


@pytest.mark.parametrize("text", ["I like cat[s]", "[T]he vote", "I [dis]agree", "We [Smith] said", "a[1]b c[d]e"],
                         ids=["ending", "capital", "prefix", "apart", "several"])
def test_a_post_s_own_glued_brackets_quoted_as_they_stand_pass(text):
    """The post's own brackets are its words: quoted as they stand, they pass (quotes31: only the article's were
    to be read as an editor's)."""
    compared = compare(text, text)
    assert compared.result == "pass" and compared.matched == compared.post_words, compared.evidence


@given(st.text(alphabet=st.sampled_from("ab[] T"), max_size=30))
def test_a_text_with_brackets_always_passes_against_itself(text):
    compared = compare(text, text)
    assert compared.result == "pass" and compared.matched == compared.post_words, compared.evidence


@pytest.mark.parametrize("said,found,label", [
    ("vote was rigged", "FALSE: the U.S. vote was rigged", "FALSE:"),
    ("was rigged", "FAKE: the vote e.g. in Ohio was rigged", "FAKE:"),
], ids=["initialism-inside", "e-g-inside"])
def test_a_debunk_label_heading_a_sentence_with_a_stop_inside_warns(said, found, label):
    """quotes31: the label's sentence was taken to end at the "U." of "U.S.", so the label was not looked for."""
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert LABELLED.format(label) in c.evidence, c.evidence


# review31r1: X's answers give "und" (undetermined), "qst" (very short text), "qme" (media only), "zxx" (no words) as a
# post's lang: no language, so no ground to drop a negation word; "Inga pengar" with lang "und" passed as if English.
# And "inga" denies in Norwegian Nynorsk too ("Eg har inga tid"), which X labels "no".
@pytest.mark.parametrize("said,found,lang,negation", [
    ("pengar till skolan", "Inga pengar till skolan", "und", "Inga"),
    ("pengar till skolan", "Inga pengar till skolan", "qst", "Inga"),
    ("se stalo", "Nic se stalo", "zxx", "Nic"),
    ("जाओ", "वहाँ मत जाओ", "qme", "मत"),
    ("tid i dag", "Eg har inga tid i dag", "no", "inga"),
    ("tid i dag", "Eg har inga tid i dag", "nn", "inga"),
], ids=["und", "qst", "zxx", "qme", "norwegian", "nynorsk"])
def test_a_negation_word_with_a_lang_that_names_no_language_or_another_that_has_it_still_warns(said, found, lang,
                                                                                               negation):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert f'"{negation}"' in c.evidence, c.evidence


def test_a_name_that_is_a_negation_word_elsewhere_passes_in_a_post_of_a_known_other_language():
    c = compare("said the vote was rigged", "Inga said the vote was rigged", lang="en-GB")
    assert c.result == "pass", c.evidence


# review31r1: brackets that write the post's name otherwise failed as another person put in its words: the name in
# another script ("[Ivanov]" for "Иванов"), an initialism spelt out ("[Prime Minister]" for "PM"), an abbreviated title
# in full ("[Senator]" for "Sen."), a spelling ("[Kyiv]" for "Kiev"). An editor's clarification, not a misquote: the
# tool cannot tell them from a substitution, so they warn as the article's own words in brackets.
@pytest.mark.parametrize("said,found", [
    ("[Ivanov] сказал нет", "Иванов сказал нет"),
    ("We thank [Zelensky] today", "We thank Зеленський today"),
    ("[Prime Minister] Smith lied", "PM Smith lied"),
    ("[The United Nations] must act now", "UN must act now"),
    ("[Senator] Smith said no", "Sen. Smith said no"),
    ("[Kyiv] will stand", "Kiev will stand"),
], ids=["another-script", "another-script-mid", "initialism-spelt-out", "initialism-with-the", "title-in-full",
        "spelling"])
def test_brackets_that_write_the_post_s_name_otherwise_warn_not_fail(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Петров] сказал нет", "Иванов сказал нет", "Иванов → [Петров]"),
    ("[Democrats] lied again", "GOP lied again", "GOP → [Democrats]"),
    ("[Obama] said no", "Biden said no", "Biden → [Obama]"),
    ("[President] Smith said no", "Sen. Smith said no", "Sen → [President]"),
], ids=["same-script", "not-its-letters", "another-name", "another-title"])
def test_brackets_in_place_of_a_name_not_written_otherwise_still_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# review31r1: in a post in headline style, every long word capitalised ("Mayor Resigns After Scandal", "JONES RESIGNS
# TODAY"), a capital says nothing of a name, so brackets in place of "Mayor" failed as another person put in its words;
# and a name of one letter ("X", the company) is an initial or a letter that brackets may spell out ("[Twitter]").
@pytest.mark.parametrize("said,found", [
    ("[Smith] Resigns After Scandal", "Mayor Resigns After Scandal"),
    ("[SMITH] RESIGNS AFTER SCANDAL", "MAYOR RESIGNS AFTER SCANDAL"),
    ("[Twitter] is dying, they say", "X is dying, they say"),
], ids=["title-case", "all-capitals", "one-letter"])
def test_brackets_in_place_of_a_capital_that_names_no_one_warn(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("Yesterday [Smith] resigned after the scandal", "Yesterday Jones resigned after the scandal",
     "Jones → [Smith]"),
    ("Now [Smith] says no", "Now Jones says no", "Jones → [Smith]"),
    ("[Smith] Resigns After Scandal @jones", "Mayor Resigns After Scandal @jones", None),
], ids=["after-a-deictic-word", "after-now", "handle-in-headline"])
def test_brackets_in_place_of_a_name_after_a_word_that_is_no_article_still_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == ("fail" if shown else "warn"), c.evidence
    assert shown is None or shown in c.evidence, c.evidence


# review31r1: a glued bracket on a word with an apostrophe ("[I]t's", "[W]e're") was shown cut at the apostrophe,
# "it's → [I]t", a word the article does not write.
@pytest.mark.parametrize("said,found,shown", [
    ("[I]t's a disgrace", "it's a disgrace", "it's → [I]t's"),
    ("[W]e’re done here", "we’re done here", "→ [W]e’re"),
], ids=["straight", "curly"])
def test_a_glued_bracket_on_a_word_with_an_apostrophe_shows_the_whole_word(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence


# review31r1: brackets in place of a pronoun with a possessive or contraction after them ("[Smith]'s plan" for "His
# plan") are the article's own words, as "[Smith's]" is; they failed as a changed word ("His → Smith s"). In place of a
# name they still fail.
@pytest.mark.parametrize("said,found,result", [
    ("[Smith]'s plan failed badly", "His plan failed badly", "warn"),
    ("[The council]'s plan failed", "Their plan failed", "warn"),
    ("[Smith]’s plan failed badly", "His plan failed badly", "warn"),
    ("[They]'re done with it", "We're done with it", "warn"),
    ("[Smith]'s plan failed", "Jones's plan failed", "fail"),
], ids=["possessive", "two-words", "curly", "contraction", "in-place-of-a-name"])
def test_brackets_with_a_possessive_after_them_are_the_article_s_own_words(said, found, result):
    c = compare(said, found)
    assert c.result == result, c.evidence
    assert result == "fail" or "the article's own words in brackets" in c.evidence, c.evidence


# quotes32 (1): a capitalised word that names a role, an office, a body or a group ("Police", "Officials",
# "Chancellor") is no name, at a sentence's start as anywhere: like a pronoun it refers to whoever holds or forms it,
# which an editor's brackets may say. "Police said" quoted as "[NYPD] said" failed as another name put in the post's
# words; it warns, the article's own words the tool cannot confirm. A name in that place still fails.
@pytest.mark.parametrize("said,found", [
    ("[NYPD] said the suspect fled", "Police said the suspect fled"),
    ("[The officers] said the suspect fled", "Police said the suspect fled"),
    ("[FEMA] officials arrived late", "Agency officials arrived late"),
    ("[Merkel] said no", "Chancellor said no"),
    ("[Hamas] said the talks failed", "Officials said the talks failed"),
    ("We met [the NYPD] today", "We met Police today"),
], ids=["police-initialism", "police-words", "agency", "chancellor", "officials", "mid-sentence"])
def test_brackets_in_place_of_a_role_or_body_at_a_sentence_start_warn(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Smith] said the suspect fled", "Jones said the suspect fled", "Jones → [Smith]"),
    ("[Smith] said the suspect fled", "Police said Jones fled", None),
    ("Police said [Smith] fled", "Police said Jones fled", "Jones → [Smith]"),
], ids=["name-at-the-start", "a-change-elsewhere", "name-after-a-role"])
def test_brackets_in_place_of_a_name_beside_a_role_still_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown is None or shown in c.evidence, c.evidence


# quotes32 (2): a German post without `lang` (a library caller's, an archived copy's) had every noun read as a name,
# German writing each with a capital: "[Die Regierung]" for "Bundesregierung" failed. The post's language is told from
# its words when `lang` names none (German function words, German letters, German noun endings); in German only handles
# are names. An English post, or a German one with a handle replaced, still fails.
@pytest.mark.parametrize("said,found,lang", [
    ("[Die Regierung] plant neue Steuern", "Bundesregierung plant neue Steuern", None),
    ("Wir fordern [Aufklärung] für die Opfer", "Wir fordern Gerechtigkeit für die Opfer", None),
    ("[Scholz] hat das nicht gesagt", "Kanzler hat das nicht gesagt", "und"),
    ("[Die Polizei] sucht nach Zeugen in Köln", "Ermittler sucht nach Zeugen in Köln", None),
], ids=["compound-noun", "noun-mid-sentence", "und", "umlaut-and-a-word"])
def test_brackets_in_place_of_a_german_noun_without_lang_warn(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Smith] said the plan will fail", "Jones said the plan will fail", "Jones → [Smith]"),
    ("Danke an [Schmidt] für die Hilfe", "Danke an @mueller für die Hilfe", "@mueller → [Schmidt]"),
    # quotes35: a surname for a surname fails in German too (it warned: the assertion asserted that bug)
    ("[Obama] und Merkel sind hier", "Biden und Merkel sind hier", "Biden → [Obama]"),
], ids=["english", "german-handle", "german-two-names"])
def test_brackets_in_place_of_a_name_without_lang_still_fail_where_the_text_tells(said, found, shown):
    c = compare(said, found)
    assert c.result == ("fail" if shown else "warn"), c.evidence
    assert shown is None or shown in c.evidence, c.evidence


# quotes32 (3): an alias the tool cannot check (an initialism it cannot expand, an account of an office whose holder
# it does not look up) warns, never fails: "[US]" for "America", "[GOP]" for "Republicans", "[Biden]" for "@POTUS",
# "[Twitter]" for "@X". A name in another script in brackets ("[Смит]" for "Jones") warns too: names are rendered
# from one script to another by sound, many ways (Jones is "Джонс", Smith "Смит", Scholz "Шольц"), so no table tells a
# rendering from another person without false fails. A word for an initialism whose letters it is not still fails.
@pytest.mark.parametrize("said,found", [
    ("[US] will not back down", "America will not back down"),
    ("[The U.S.] will not back down", "America will not back down"),
    ("[GOP] lawmakers voted no", "Republican lawmakers voted no"),
    ("Thanks to [Biden] for this", "Thanks to @POTUS for this"),
    ("I left [Twitter] today", "I left @X today"),
    ("Thanks to [Biden] for this", "Thanks to @WhiteHouse for this"),
    ("[Смит] said no", "Jones said no"),
], ids=["us-for-america", "dotted-us", "gop", "potus", "x-handle", "office-handle", "another-script"])
def test_brackets_with_an_alias_the_tool_cannot_check_warn(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence
    assert "(the same name written otherwise, or another? The tool cannot check it)" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Democrats] lied again", "GOP lied again", "GOP → [Democrats]"),
    ("Thanks to [Mayor Smith] for this", "Thanks to @jones for this", "@jones → [Mayor Smith]"),
    ("Thanks to [Smith] for this", "Thanks to @JaneJones for this", "@JaneJones → [Smith]"),
], ids=["word-for-initialism", "personal-handle", "camel-case-handle"])
def test_brackets_in_place_of_a_name_the_tool_can_check_still_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes32 (4): "at 9.30 percent" read as a time ("at" before it), so "9:30 percent" warned as the same time; and
# "9.30pm" against "9:30 pm" failed, the two sides having other word counts.
@pytest.mark.parametrize("said,found", [
    ("Inflation is at 9:30 percent", "Inflation is at 9.30 percent"),
    ("Inflation is at 9.30%", "Inflation is at 9:30%"),
    ("Shares closed at 9:30 dollars", "Shares closed at 9.30 dollars"),
    ("Unemployment stood at 9:30 per cent", "Unemployment stood at 9.30 per cent"),
], ids=["percent", "percent-sign", "dollars", "per-cent"])
def test_a_figure_after_at_with_a_quantity_after_it_is_no_time(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("Doors open 9.30pm sharp", "Doors open 9:30 pm sharp", "9:30 pm → 9.30pm"),
    ("Doors open 9:30 pm sharp", "Doors open 9.30pm sharp", "9.30pm → 9:30 pm"),
    ("Doors open 9:30pm sharp", "Doors open 9:30 pm sharp", "9:30 pm → 9:30pm"),
    ("Doors open 9.30 a.m. sharp", "Doors open 9:30am sharp", "9:30am → 9.30 a m"),
], ids=["dotted-glued", "colon-glued-in-post", "spaced-only", "a-m-dotted"])
def test_a_time_with_its_am_or_pm_apart_on_one_side_warns_as_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown}" in c.evidence, c.evidence
    assert "the same time" in c.evidence, c.evidence


# review32r1 (1): an English post was read as German, its names then no names, by one German word that is also a
# German letter ("über" in a brand's name counted twice), or by a German name's particles ("von der Leyen", "Müller
# und Sohn") however English the rest: "[Obama]" for "Biden" only warned. A post reads as German only when its German
# signs outnumber its English function words, and a word is counted once.
@pytest.mark.parametrize("said,found,shown", [
    ("[Obama] drove the new Volkswagen über fast", "Biden drove the new Volkswagen über fast", "Biden → [Obama]"),
    ("[Obama] ate at Café Über with friends", "Biden ate at Café Über with friends", "Biden → [Obama]"),
    ("[Smith] met Ursula von der Leyen in Brussels on Monday with the team",
     "Jones met Ursula von der Leyen in Brussels on Monday with the team", "Jones → [Smith]"),
    ("[Smith] thanked Müller und Sohn for the help", "Jones thanked Müller und Sohn for the help", "Jones → [Smith]"),
], ids=["uber-in-a-brand", "uber-capitalised", "von-der", "und-in-a-firm"])
def test_an_english_post_with_german_names_in_it_is_not_read_as_german(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Die Regierung] will das nicht, sagt die Presse", "Bundesregierung will das nicht, sagt die Presse"),
    ("Danke für [die Hilfe] heute", "Danke für Unterstützung heute"),
    ("[Die Polizei] sucht Zeugen nach dem Unfall, the end", "Ermittler sucht Zeugen nach dem Unfall, the end"),
], ids=["german", "für-once", "an-english-word"])
def test_a_german_post_without_lang_still_reads_as_german(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


# review32r1 (2): a time of whole hours with its am or pm apart on one side ("9 p.m." as AP style writes the post's
# "9pm") failed as a changed word, where "9:30 p.m." for "9:30pm" warned (quotes32).
@pytest.mark.parametrize("said,found,shown", [
    ("Doors open 9 p.m. sharp", "Doors open 9pm sharp", "9pm → 9 p m"),
    ("Doors open 9pm sharp", "Doors open 9 pm sharp", "9 pm → 9pm"),
    ("Doors open at 9 p.m.", "Doors open at 9PM", "9PM → 9 p m"),
], ids=["ap-style", "glued-in-quote", "capitals"])
def test_a_whole_hour_with_its_am_or_pm_apart_warns_as_the_same_time(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert f"1 figure written otherwise: {shown}" in c.evidence, c.evidence
    assert "the same time" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Doors open 9 p.m. sharp", "Doors open 9am sharp"),
    ("Doors open 10 pm sharp", "Doors open 9pm sharp"),
    ("Doors open 9 pm sharp", "Doors open 9 sharp"),
    ("We lost 9 m dollars", "We lost 9m dollars"),
], ids=["am-for-pm", "another-hour", "pm-added", "million"])
def test_another_whole_hour_or_no_time_still_fails(said, found):
    assert compare(said, found).result == "fail"


# fixnu32h (review32r1, left alone): a time range written otherwise ("9.30-10.30" for the post's "9:30-10:30", "9.30
# to 10.30" for "9:30–10:30") failed, its change spanning two words where the time rule took one; and a whole hour
# with its ":00" on one side ("9:00 pm" for "9pm") failed as another figure. The same times written otherwise warn.
TIME_HOUR = "the same time, whole hours with their :00 on one side"
TIME_RANGE = "the same times, their range's dash written as a word on one side"


@pytest.mark.parametrize("said,found,shown", [
    ("The office opens 9.30-10.30 daily", "The office opens 9:30-10:30 daily", f"9:30 10:30 → 9.30 10.30 ({TIME_DOTTED})"),
    ("The office opens 9:30–10:30 daily", "The office opens 9.30-10.30 daily", f"9.30 10.30 → 9:30 10:30 ({TIME_DOTTED})"),
    ("The office opens 9.30 to 10.30 daily", "The office opens 9:30-10:30 daily", "9:30 10:30 → 9.30 to 10.30"),
    ("The office opens 9:30 to 10:30 daily", "The office opens 9:30–10:30 daily", f'added "to" ({TIME_RANGE})'),
    ("The office opens 9:30–10:30 daily", "The office opens 9:30 until 10:30 daily", f'dropped "until" ({TIME_RANGE})'),
    ("Polls open at 9.30-10.30 on Sunday", "Polls open at 9:30-10:30 on Sunday", f"9:30 10:30 → 9.30 10.30 ({TIME_DOTTED})"),
    ("Doors open 9:00 pm sharp", "Doors open 9pm sharp", f"9pm → 9:00 pm ({TIME_HOUR})"),
    ("Doors open 9pm sharp", "Doors open 9:00 pm sharp", f"9:00 pm → 9pm ({TIME_HOUR})"),
    ("Doors open 9.00 p.m. sharp", "Doors open 9 pm sharp", f"9 pm → 9.00 p m ({TIME_HOUR})"),
    ("Open 9am-5pm on weekdays", "Open 9:00 am-5:00 pm on weekdays", f"({TIME_HOUR})"),
], ids=["dotted-range", "en-dash", "to-and-dots", "to-only", "until-left-out", "at-range", "hour-00", "hour-00-in-post",
        "hour-dotted-00", "hour-range"])
def test_a_time_range_or_a_whole_hour_written_otherwise_warns_as_the_same_time(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence
    assert "the same time" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("The office opens 9.30-11.30 daily", "The office opens 9:30-10:30 daily"),
    ("The office opens 9:30 to 11:30 daily", "The office opens 9:30–10:30 daily"),
    ("Prices moved 9.30 to 10.30 dollars", "Prices moved 9:30-10:30 dollars"),
    ("The ratio was 9.75-10.75 overall", "The ratio was 9:75-10:75 overall"),
    ("Doors open 9:00 am sharp", "Doors open 9pm sharp"),
    ("Doors open 9:15 pm sharp", "Doors open 9pm sharp"),
    ("Doors open at 9:00", "Doors open at 9pm"),
    ("Rates rose 9.30 to 10.30", "Rates rose 9.30 and 10.30"),
    ("Ages 9 to 10 only", "Ages 9-11 only"),
], ids=["other-end", "other-end-to", "quantity", "no-such-minute", "am-for-pm", "other-minutes", "pm-dropped",
        "and-for-to", "ages"])
def test_another_range_or_hour_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


# fixnu32c (newuser32b §2): Arabic harakat (with shadda and sukun) and Hebrew niqqud and cantillation, which the scripts
# write or leave out at will, on one side only: every pointed word failed ("no word of the post's 6 is in the quote").
# They are the same words: a warn naming them, never a pass (a word differing only by them is rare but exists), and a
# changed word beside them still fails. Latin letters' marks are no such marks: "año" is not "ano".
VOWEL_MARKS = "the same letters, with vowel marks on one side"
POINTED = [
    ("arabic-harakat", "لَنْ نُغْلِقَ الجِسْرَ قَبْلَ نِهَايَةِ العَامِ.", "لن نغلق الجسر قبل نهاية العام.", "6 words written otherwise"),
    ("arabic-shadda-one-word", "قال إن الحكومة لن توقّع الاتفاق", "قال إن الحكومة لن توقع الاتفاق",
     f"1 word written otherwise: توقع → توقّع ({VOWEL_MARKS})"),
    ("arabic-superscript-alef", "هٰذا القرار نهائي", "هذا القرار نهائي", f"هذا → هٰذا ({VOWEL_MARKS})"),
    ("hebrew-niqqud", "לֹא נִסְגֹּר אֶת הַגֶּשֶׁר לִפְנֵי סוֹף הַשָּׁנָה.", "לא נסגור את הגשר לפני סוף השנה.",
     "7 words written otherwise"),
    ("hebrew-cantillation", "וַיֹּ֥אמֶר אֱלֹהִ֖ים", "ויאמר אלהים", "2 words written otherwise"),
    ("post-pointed", "لن نغلق الجسر", "لَنْ نُغْلِقَ الجِسْرَ", f"({VOWEL_MARKS})"),
]


@pytest.mark.parametrize("said,found,shown", [r[1:] for r in POINTED], ids=[r[0] for r in POINTED])
def test_vowel_marks_on_one_side_warn_as_the_same_words_written_otherwise(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence
    assert c.matched == c.post_words, c


def test_many_pointed_words_are_said_once_with_their_kind():
    c = compare("لَنْ نُغْلِقَ الجِسْرَ قَبْلَ نِهَايَةِ العَامِ.", "لن نغلق الجسر قبل نهاية العام.")
    assert c.evidence.count(VOWEL_MARKS) == 1, c.evidence
    assert c.evidence.startswith("the post's 6 words, word for word but for 6 words written otherwise: لن → لَنْ; "
                                 "نغلق → نُغْلِقَ; الجسر → الجِسْرَ and 3 more"), c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("لَنْ نُغْلِقَ الجِسْرَ قَبْلَ نِهَايَةِ الشَّهْرِ.", "لن نغلق الجسر قبل نهاية العام.", "العام → الشَّهْرِ"),
    ("לֹא נִסְגֹּר אֶת הַגֶּשֶׁר לִפְנֵי סוֹף הַחֹדֶשׁ.", "לא נסגור את הגשר לפני סוף השנה.", "השנה → הַחֹדֶשׁ"),
    ("נִסְגֹּר אֶת הַגֶּשֶׁר", "לא נסגור את הגשר", None),
    ("El gobierno no aprobara el presupuesto", "El gobierno no aprobará el presupuesto", "aprobará → aprobara"),
], ids=["arabic-changed-word", "hebrew-changed-word", "hebrew-negation-left-out", "latin-accent"])
def test_a_changed_word_beside_vowel_marks_still_fails(said, found, shown):
    c = compare(said, found)
    if shown is None:   # a quote that leaves out the negation opening the post's sentence: named, as unpointed
        assert c.result == "fail" and c.evidence.startswith('1 change in the quoted words: dropped the negation "לא"'), \
            c.evidence
        return
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


def test_other_vowel_marks_on_both_sides_warn_as_another_reading():
    # review32r4: "كُتِبَ" (was written) for the post's "كَتَبَ" (wrote) warned here; one letter pointed two ways is
    # another word, and fails (test_other_vowel_marks_on_the_same_letter_on_both_sides_fail). Marks that add to the
    # other side's, pointing no letter otherwise, are another reading of the same letters still.
    c = compare("كُتِبَ الدرس", "كُتب الدرس")
    assert c.result == "warn", c.evidence
    assert "كُتب → كُتِبَ (the same letters, with other vowel marks: another reading?)" in c.evidence, c.evidence


# fixnu32c (newuser32b §3): a bracketed insertion in a script written without spaces (full-width ［］, ASCII [], the
# tortoise-shell 〔〕 of Japanese papers) failed as 'added "市が"'; the ASCII one was also read as letters glued inside
# one long "word". Each character is a word there, and the brackets delimit the article's own: it warns, as elsewhere.
@pytest.mark.parametrize("said", ["橋は［市が］年末まで閉鎖しません。", "橋は[市が]年末まで閉鎖しません。",
                                  "橋は〔市が〕年末まで閉鎖しません。"], ids=["full-width", "ascii", "tortoise-shell"])
def test_a_bracketed_insertion_in_a_script_without_spaces_warns(said):
    c = compare(said, "橋は年末まで閉鎖しません。")
    assert (c.result, c.evidence) == ("warn", "the post's 12 characters, character for character; the article's own "
                                              'words in brackets: added "[市が]"')


def test_a_change_beside_brackets_in_a_script_without_spaces_still_fails():
    c = compare("橋は［市が］月末まで閉鎖しません。", "橋は年末まで閉鎖しません。")
    assert (c.result, c.evidence) == ("fail", "1 change in the quoted words: 年 → [市が]月")


# fixnu32c (newuser32b §4): Turkish casing: "YIL".lower() is "yil", not "yıl", so a Turkish quote in capitals failed on
# every word with ı or İ. I, ı, İ and i are one letter for equality: case is the README's case warning, a dotted i for
# a dotless ı (or the other way, as a keyboard without Turkish letters writes it) a word written otherwise.
def test_a_turkish_quote_in_capitals_warns_as_a_case_difference():
    c = compare("KÖPRÜYÜ YIL SONUNA KADAR KAPATMAYACAĞIZ.", "Köprüyü yıl sonuna kadar kapatmayacağız.")
    assert c.result == "warn", c.evidence
    assert c.matched == c.post_words == 5, c
    assert "the case differs" in c.evidence and "→" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [("İSTANBUL'DA KÖPRÜ", "İstanbul'da köprü"), ("Yıl sonu", "YIL SONU"),
                                        ("İzmir", "izmir")], ids=["dotted-capital", "post-in-capitals", "initial"])
def test_turkish_capitals_never_fail(said, found):
    assert compare(said, found).result in ("pass", "warn")


def test_a_dotted_i_for_a_dotless_one_warns_and_a_changed_turkish_word_still_fails():
    c = compare("Köprüyü yil sonuna kadar kapatmayacağiz.", "Köprüyü yıl sonuna kadar kapatmayacağız.")
    assert c.result == "warn", c.evidence
    assert "2 words written otherwise: yıl → yil" in c.evidence and "dotless" in c.evidence, c.evidence
    assert compare("KÖPRÜYÜ AY SONUNA KADAR KAPATMAYACAĞIZ.", "Köprüyü yıl sonuna kadar kapatmayacağız.").result \
        == "fail"


# fixnu32c (newuser32b §5): Russian print writes ё as е, as most style guides ask: "её → ее" failed as a changed word.
# newuser44a #11: it then warned; it is the word as Russian print spells it, a pass saying so.
def test_russian_yo_written_as_ye_passes_as_the_same_word_spelled_so():
    c = compare("Мы не будем закрывать ее мост до конца года.", "Мы не будем закрывать её мост до конца года.")
    assert (c.result, c.evidence) == ("pass", "the post's 9 words, word for word but for 1 word written otherwise: "
                                              "её → ее (ё written as е: only spelling, as Russian print writes е for ё)")
    assert compare("Всё решено", "Все решено").result == "pass"
    assert compare("Мы не будем закрывать его мост", "Мы не будем закрывать её мост").result == "fail"


# fixnu32c (newuser32b §10): an English translation of a Spanish, German or Turkish post failed "no word of the post's
# 8 is in the quote", while one of a Russian post warned "a translation?": only the scripts were compared. The post's
# `lang` and the words of the quote (or the language the article declares for it) tell another language in one script.
@pytest.mark.parametrize("said,found,lang,languages", [
    ("The government will not approve the budget this year.", "El gobierno no aprobará el presupuesto este año.",
     "es", "reads as English, the post is in Spanish"),
    ("We will not close the bridge before the end of the year.",
     "Wir werden die Brücke nicht vor Jahresende schließen.", "de", "reads as English, the post is in German"),
    ("We will not close the bridge until the end of the year.", "Köprüyü yıl sonuna kadar kapatmayacağız.", "tr",
     "reads as English, the post is in Turkish"),
    ("El gobierno no aprobará el presupuesto este año.", "The government will not approve the budget this year.",
     None, "reads as Spanish, the post reads as English"),
], ids=["es-post", "de-post", "tr-post", "spanish-quote-no-lang"])
def test_a_quote_in_another_language_of_the_same_script_warns_as_a_translation(said, found, lang, languages):
    c = compare(said, found, lang=lang)
    assert (c.result, c.evidence) == ("warn", f"no word of the post's {c.post_words} is in the quote, which "
                                              f"{languages}: a translation? Its words cannot be checked against the "
                                              "post's")


def test_a_language_the_article_declares_for_the_quote_tells_a_translation():
    c = compare("Puente cerrado hasta diciembre", "Bridge shut until December", lang="en", quote_lang="es")
    assert c.result == "warn" and "which is in Spanish (as the article declares it), the post is in English" \
        in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,quote_lang", [
    ("Something else entirely", "The council rejected the budget", "en", None),
    ("Alcalde dimitió ayer por la tarde y se fue", "El gobierno no aprobará el presupuesto este año.", "es", None),
    ("Alcalde dimitió ayer por la tarde", "El gobierno no aprobará el presupuesto este año.", "es", "es"),
    ("Mayor resigned and left for good", "The government will not approve the budget", "es", None),
], ids=["english", "spanish-other-words", "spanish-declared", "post-s-lang-wrong"])
def test_other_words_in_the_post_s_language_still_fail(said, found, lang, quote_lang):
    """The same language on both sides (by the post's `lang`, by the words, or as the article declares it): other
    words are a misquote, not a translation. And a post whose `lang` says Spanish but whose words read as English (X
    guessed wrong) is not translated by an English quote."""
    c = compare(said, found, lang=lang, quote_lang=quote_lang)
    assert (c.result, c.evidence) == ("fail", f"no word of the post's {c.post_words} is in the quote")


def test_the_text_check_weighs_the_language_an_embed_code_declares_for_its_quote():
    from resolver.provenance import text_check

    post = {"status": "available", "text": "Bridge shut until December", "lang": "en"}
    check = text_check({"text": "Puente cerrado hasta diciembre", "detector": "html-blockquote", "lang": "es"}, post)
    assert check["result"] == "warn" and "(as the article declares it)" in check["evidence"], check
    # quotes34: undeclared, its one frequent word ("hasta") makes it look Spanish: a translation still, said so
    check = text_check({"text": "Puente cerrado hasta diciembre", "detector": "html-blockquote"}, post)
    assert check["result"] == "warn" and "which looks Spanish, the post is in English" in check["evidence"], check


def test_words_written_otherwise_by_a_fold_cost_a_remnant_nothing_in_identification():
    """Identification ranks posts by score(): a pointed remnant of a post scored 0 (no word in common), and once the
    words were one for equality each still cost as a changed word, so the post it quotes scored below a stranger's."""
    post = "لن نغلق الجسر قبل نهاية العام."
    assert score("لَنْ نُغْلِقَ الجِسْرَ قَبْلَ نِهَايَةِ العَامِ.", post) == score(post, post) == 1.0
    assert score("Мы не будем закрывать ее мост", "Мы не будем закрывать её мост") == 1.0


# review32r4: vowel letters (ו, י) are what full spelling adds to a pointed word, after the vowel they write (ו after a
# holam or qubuts, י after a hiriq or tsere). Any ו or י taken out of both sides made "שָׁלֵם" (whole) the post's "שלום"
# (peace), and a pointed "שִׁיר" (song), whose י the post lacks, its "שר" (sings): a warn, "the same word?".
@pytest.mark.parametrize("said,found,shown", [
    ("הוא אמר שָׁלֵם לכולם", "הוא אמר שלום לכולם", "שלום → שָׁלֵם"),
    ("הוא שִׁיר לכולם", "הוא שר לכולם", "שר → שִׁיר"),
    ("הוא אמר שָׁלוֹם לכולם", "הוא אמר שלם לכולם", "שלם → שָׁלוֹם"),
    ("הוא אמר שלם לכולם", "הוא אמר שָׁלוֹם לכולם", "שָׁלוֹם → שלם"),
], ids=["tsere-is-no-vav", "pointed-side-has-the-yod", "plain-side-lacks-the-vav", "post-pointed"])
def test_a_vowel_letter_no_vowel_of_the_pointed_word_writes_is_another_word(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail" and shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("אֱלֹהִים", "אלוהים"), ("תִּקְוָה גדולה", "תקווה גדולה"), ("לִפְנֵי סוֹף", "לפני סוף"), ("הוּא בָּא", "הוא בא"),
], ids=["holam", "doubled-consonant-vav", "letters-on-both", "shuruk"])
def test_vowel_letters_full_spelling_writes_stay_the_same_word(said, found):
    c = compare(said, found)
    assert c.result == "warn" and c.matched == c.post_words, c.evidence


# review32r4: vowel marks on both sides that differ on one letter are the post's letters read as another word, as the
# post itself points them: "كَتَبَ" (he wrote) quoted "كُتِبَ" (it was written), "סֵפֶר" (book) quoted "סַפָּר" (barber),
# a shin quoted as a sin. These only warned ("another reading?"); a mark on one side only stays a warn.
@pytest.mark.parametrize("said,found,shown", [
    ("كُتِبَ الدرس", "كَتَبَ الدرس", "كَتَبَ → كُتِبَ"),
    ("ראיתי סַפָּר", "ראיתי סֵפֶר", "סֵפֶר → סַפָּר"),
    ("הוא שָׂר", "הוא שָׁר", "שָׁר → שָׂר"),
], ids=["arabic-passive", "hebrew-other-vowels", "shin-for-sin"])
def test_other_vowel_marks_on_the_same_letter_on_both_sides_fail(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail" and shown in c.evidence, c.evidence


def test_marks_one_side_adds_where_the_other_has_none_still_warn():
    # the post marks the shadda alone, the quote every vowel too: no letter is read two ways
    c = compare("الطالب دَرَّسَ الدرس", "الطالب درّس الدرس")
    assert c.result == "warn" and "another reading?" in c.evidence, c.evidence


# review32r4: the words that tell a quote's language were counted in names too: "Las Vegas", "El Paso" made an
# English quote read as Spanish, and a wholly other quote of an English post warned "a translation?". And a post
# whose `lang` is wrong (X: "es") with words of the quote's language in it ("until") is no translation either.
@pytest.mark.parametrize("said,found,lang", [
    ("Las Vegas gets El Paso team back", "Council approves new stadium deal", "en"),
    ("Mayor resigned and left for good", "Bridge shut until December", "es"),
], ids=["names-with-articles", "post-lang-wrong-few-words"])
def test_names_and_a_wrong_post_lang_make_no_translation(said, found, lang):
    c = compare(said, found, lang=lang)
    assert (c.result, c.evidence) == ("fail", f"no word of the post's {c.post_words} is in the quote")


# quotes33 (1): the same time on the 24-hour clock ("21:00" for the post's "9pm"), and a range whose am or pm is
# written once ("9-10pm" for "9pm-10pm"), failed as changed figures. They warn as the same time written otherwise;
# another time, or a range's first end read with the other half of the day, still fails.
TIME_24 = "the same time, on the 24-hour clock on one side and with am or pm on the other"
TIME_SHARED = "the same times, the range's am or pm written once on one side"


@pytest.mark.parametrize("said,found,shown", [
    ("Doors open 21:00 sharp", "Doors open 9pm sharp", f"9pm → 21:00 ({TIME_24})"),
    ("Doors open at 21.00", "Doors open at 9 p.m.", f"9 p m → 21.00 ({TIME_24})"),
    ("Doors open 9:30 pm sharp", "Doors open 21:30 sharp", f"21:30 → 9:30 pm ({TIME_24})"),
    ("Doors open 00:30 sharp", "Doors open 12:30am sharp", f"12:30am → 00:30 ({TIME_24})"),
    ("Doors open 12:00 sharp", "Doors open 12pm sharp", f"12pm → 12:00 ({TIME_24})"),
    ("Open 21:00-22:00 tonight", "Open 9pm-10pm tonight", f"({TIME_24})"),
    ("Open 9-10pm tonight", "Open 9pm-10pm tonight", f"9pm → 9 ({TIME_SHARED})"),
    ("Open 9pm-10pm tonight", "Open 9-10pm tonight", f"9 → 9pm ({TIME_SHARED})"),
    ("Open 9-10 pm tonight", "Open 9pm-10pm tonight", f"({TIME_SHARED})"),
    ("Open 9:30-10:30pm tonight", "Open 9:30pm-10:30pm tonight", f"9:30pm → 9:30 ({TIME_SHARED})"),
    ("Open 11-1pm daily", "Open 11am-1pm daily", f"11am → 11 ({TIME_SHARED})"),
    ("Open 9 to 10pm tonight", "Open 9pm to 10pm tonight", f"9pm → 9 ({TIME_SHARED})"),
    ("Open 9 to 10 pm tonight", "Open 9 pm to 10 pm tonight", f'dropped "pm" ({TIME_SHARED})'),
    ("Open 9 am to 10 pm", "Open 9 to 10 pm", None),
    ("Doors open at 10:00 sharp", "Doors open at 10:00 am sharp", f'dropped "am" ({TIME_24})'),
    ("Doors open at 9:00 sharp", "Doors open at 9:00 pm sharp", None),
], ids=["24-hour", "24-hour-dotted-ap", "24-hour-in-post", "midnight", "noon", "24-hour-range", "pm-once",
        "pm-once-in-post", "pm-once-apart", "pm-once-minutes", "am-to-pm", "pm-once-to", "pm-once-spaced", "am-added",
        "am-apart-dropped", "pm-apart-dropped"])
def test_the_same_time_on_the_24_hour_clock_or_a_range_s_am_or_pm_written_once_warns(said, found, shown):
    c = compare(said, found)
    if shown is None:   # "9 to 10 pm" is 9 pm to 10 pm, "9:00" 9 am: an am added or a pm dropped is another time
        assert c.result == "fail", c.evidence
        return
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("Doors open 21:00 sharp", "Doors open 9am sharp"),
    ("Doors open 22:00 sharp", "Doors open 9pm sharp"),
    ("Doors open 09:00 sharp", "Doors open 9pm sharp"),
    ("Doors open 21:30 sharp", "Doors open 9pm sharp"),
    ("Open 9-10pm tonight", "Open 9am-10pm tonight"),
    ("Open 8-10pm tonight", "Open 9pm-10pm tonight"),
    ("Open 9-10pm tonight", "Open 9pm-11pm tonight"),
    ("Rates rose 21.00 percent", "Rates rose 9pm percent"),
    ("Ages 9-10 only", "Ages 9pm-10 only"),
], ids=["am-for-24-hour-pm", "another-hour", "morning-for-evening", "other-minutes", "am-end-in-post",
        "other-first-end", "other-last-end", "quantity", "no-pm-after"])
def test_another_time_on_either_clock_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


# quotes33 (1): an alias or an identification the tool cannot check failed as another name: "[Republicans]" for the
# post's "GOP", "[Smith]" for the account "@NYTimes" (a body's, whose writer it does not know), "[Biden]" for a first
# name alone ("Joe"). They warn, saying the tool cannot check them. An initialism whose names the tool knows, another
# first name, a person's account or full name still fail.
UNCHECKED = "(the same name written otherwise, or another? The tool cannot check it)"


@pytest.mark.parametrize("said,found", [
    ("[Republicans] lied again", "GOP lied again"),
    ("[Britain] will act", "UK will act"),
    ("[The Grand Old Party] lied again", "GOP lied again"),
    # review33r2: was "[Bloomberg]" for "CNN", two outlets the tool knows, which now fails (another outlet)
    ("[The Journal] reported it first", "WSJ reported it first"),
    ("Thanks to [Smith] for this", "Thanks to @NYTimes for this"),
    ("Thanks to [Smith] for this", "Thanks to @BBCWorld for this"),
    ("Thanks [Biden] for this", "Thanks Joe for this"),
    ("[Biden] said no", "Joe said no"),
    ("Joe Jones spoke well. Thanks [Jones] for this", "Joe Jones spoke well. Thanks Joe for this"),
    ("[Mr. Jones] said no", "Jim Jones said no"),
], ids=["gop", "uk", "gop-spelt-out", "unknown-initialism", "body-handle", "body-handle-initialism-first",
        "first-name", "first-name-at-the-start", "surname-the-post-gives", "title-for-a-first-name"])
def test_an_alias_or_identification_the_tool_cannot_check_warns_saying_so(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert UNCHECKED in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Democrats] lied again", "GOP lied again", "GOP → [Democrats]"),
    ("[France] will act", "UK will act", "UK → [France]"),
    ("Thanks [Jim] for this", "Thanks Joe for this", "Joe → [Jim]"),
    ("Joe Jones spoke well. Thanks [Smith] for this", "Joe Jones spoke well. Thanks Joe for this", "Joe → [Smith]"),
    ("[Smith] said no", "Joe Jones said no", "Joe Jones → [Smith]"),
    ("Thanks to [Smith] for this", "Thanks to @JaneJonesNYT for this", "@JaneJonesNYT → [Smith]"),
    ("[Smith] said no", "JONES said no", "JONES → [Smith]"),
], ids=["gop-other-party", "uk-other-country", "another-first-name", "another-surname-than-the-post-s", "full-name",
        "person-handle", "name-in-capitals"])
def test_a_name_the_tool_can_check_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes33 (1): an English rendering of a Spanish post that keeps a name ("Sánchez") failed: the one word it shares
# with the post, a name, switched the translation rule off. Names shared are no words of a language.
@pytest.mark.parametrize("said,found,lang", [
    ("Sánchez will not resign this year", "Sánchez no dimitirá este año", "es"),
    ("The president [Sánchez] will not resign before the end of the year",
     "El presidente Sánchez no dimitirá antes del fin del año", "es"),
    ("We will not close the bridge to Köln before the end of the year",
     "Wir werden die Brücke nach Köln nicht vor Jahresende schließen.", "de"),
], ids=["name-first", "name-in-brackets", "place-inside"])
def test_a_translation_that_keeps_a_name_warns_as_a_translation(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "a translation?" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("Sánchez will resign this year", "Sánchez will not resign this year", "en"),
    ("Sánchez dimitirá este año", "Sánchez no dimitirá este año", "es"),
    ("Sánchez lost the vote today", "Sánchez won the vote today", None),
], ids=["english-negation-dropped", "spanish-negation-dropped", "english-other-word"])
def test_a_misquote_sharing_a_name_still_fails(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence


# quotes33 (2): a short post full of names read as a headline ("Biden met Scholz at the Bundestag": every long word
# capitalised), and a name's particles ("von der Leyen") read as German: either switched the name check off, so a
# person's name replaced in brackets only warned. A headline has every word capitalised but its small words; a
# "von der" between names is one sign of German, not two.
@pytest.mark.parametrize("said,found,shown", [
    ("[Merkel] met Scholz at the Bundestag", "Biden met Scholz at the Bundestag", "Biden → [Merkel]"),
    ("[Obama] met Jürgen Klopp", "Biden met Jürgen Klopp", "Biden → [Obama]"),
    ("[Smith] met Ursula von der Leyen", "Jones met Ursula von der Leyen", "Jones → [Smith]"),
    ("[FBI] said no", "Jim Jones said no", "Jim Jones → [FBI]"),
    ("Mayor Resigns After [Obama] Scandal", "Mayor Resigns After Joe Biden Scandal", "Joe Biden → [Obama]"),
    ("[Obama] und Merkel sind hier", "Joe Biden und Merkel sind hier", "Joe Biden → [Obama]"),
], ids=["names-and-a-verb", "two-names", "von-der", "initialism-for-a-full-name", "full-name-in-a-headline",
        "full-name-in-german"])
def test_a_name_replaced_in_a_short_post_full_of_names_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# (quotes36: a surname for a surname in a headline, "Mayor Resigns After [Merkel] Scandal" for "... Biden Scandal",
# was a row here, a warn; it fails now, in test_a_name_replaced_in_a_headline_fails_as_in_a_sentence.)
@pytest.mark.parametrize("said,found,lang", [
    ("[FBI] said no", "Jones said no", None),
    ("[POTUS] said no", "Joe Biden said no", None),
    ("[JFK] said no", "John F. Kennedy said no", None),
    ("[The Measure] Passes Senate", "Bill Passes Senate", None),
    ("[Die Regierung] will das nicht, sagt Ursula von der Leyen", "Bundesregierung will das nicht, sagt Ursula von der "
     "Leyen", None),
], ids=["initialism-for-a-surname", "office-for-a-full-name", "the-person-s-initials",
        "a-first-name-that-is-a-word", "german-with-von-der"])
def test_brackets_where_the_tool_cannot_tell_a_person_still_warn(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


# quotes33 (3): role words that are as often surnames or bodies ("Nurse said", "House said": the House of
# Representatives) stay role words: a bracket in their place warns, as "[Smith]" may say which nurse; a full name
# ("Paul Nurse") still fails. A bracket in capitals of up to six letters may be an initialism ("[NAACP]"), so it warns.
# The role words of the languages the quote check reads (Spanish, Portuguese, French, German) are role words too.
@pytest.mark.parametrize("said,found,lang", [
    ("[Smith] said no", "Nurse said no", None),
    ("[The Senate] said no", "House said no", None),
    ("[SMITH] said no", "Jones said no", None),
    ("[la Guardia Civil] dijo que no", "Policía dijo que no", "es"),
    ("[Sánchez] dijo que no", "Presidente dijo que no", "es"),
    ("[Bolsonaro] disse que não", "Presidente disse que não", "pt"),
    ("[Le ministre] a dit non", "Gouvernement a dit non", "fr"),
    ("[Macron] a dit non", "Président a dit non", "fr"),
    ("[Scholz] sagte nein", "Kanzler sagte nein", None),
], ids=["nurse", "house", "capitals", "es-policia", "es-presidente", "pt-presidente", "fr-gouvernement",
        "fr-president", "de-kanzler-no-lang"])
def test_brackets_for_a_role_word_or_in_capitals_warn(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Smith] said no", "Paul Nurse said no", None, "Paul Nurse → [Smith]"),
    ("[Sánchez] dijo que no", "Feijóo dijo que no", "es", "Feijóo → [Sánchez]"),
    ("[Macron] a dit non", "Bayrou a dit non", "fr", "Bayrou → [Macron]"),
], ids=["full-name", "es-name", "fr-name"])
def test_brackets_for_a_name_beside_role_words_of_other_languages_still_fail(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes33 (4): a Turkish dotted i for a dotless one ("sik" for "sık": another word, a keyboard's) and an Arabic shadda
# on one side warn, each for its reason, named; a changed letter beside them still fails.
@pytest.mark.parametrize("said,found,lang,reason", [
    ("Bu sik bir iş", "Bu sık bir iş", "tr", "sık → sik (a dotted i for a dotless ı, or the other way: a keyboard's, "
                                             "or another word?)"),
    ("Bu sık bir iş", "Bu sik bir iş", "tr", "sik → sık (a dotted i for a dotless ı"),
    ("قال إن الحكومة لن توقع الاتفاق", "قال إن الحكومة لن توقّع الاتفاق", "ar",
     f"توقّع → توقع ({VOWEL_MARKS})"),
    ("قال إن الحكومة لن توقّع الاتفاق", "قال إن الحكومة لن توقع الاتفاق", "ar", f"توقع → توقّع ({VOWEL_MARKS})"),
], ids=["dotted-for-dotless", "dotless-for-dotted", "shadda-in-post", "shadda-in-quote"])
def test_a_dotted_i_or_a_shadda_on_one_side_warns_naming_why(said, found, lang, reason):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert reason in c.evidence and "1 word written otherwise" in c.evidence, c.evidence
    assert c.matched == c.post_words, c


@pytest.mark.parametrize("said,found", [
    ("Bu sok bir iş", "Bu sık bir iş"), ("قال إن الحكومة لن توقّف الاتفاق", "قال إن الحكومة لن توقّع الاتفاق"),
], ids=["turkish-other-vowel", "arabic-other-letter"])
def test_another_letter_beside_a_dotted_i_or_a_shadda_still_fails(said, found):
    assert compare(said, found).result == "fail"


@given(hour=st.integers(1, 12), minute=st.integers(0, 59), half=st.sampled_from(["am", "pm", "a.m.", "PM"]),
       shift=st.integers(1, 23))
def test_any_time_on_the_24_hour_clock_is_the_same_time_and_any_other_hour_fails(hour, minute, half, shift):
    """quotes33: every am/pm time against its 24-hour writing warns as the same time; moved by any whole hours, fails."""
    full = hour % 12 + (12 if half.casefold().startswith("p") else 0)
    post = f"Doors open at {hour}:{minute:02d} {half} sharp"
    same = compare(f"Doors open at {full:02d}:{minute:02d} sharp", post)
    assert same.result == "warn" and TIME_24 in same.evidence, same.evidence
    other = compare(f"Doors open at {(full + shift) % 24:02d}:{minute:02d} sharp", post)
    assert other.result == "fail", other.evidence


@given(first=st.integers(1, 12), length=st.integers(1, 11), half=st.sampled_from(["am", "pm"]))
def test_any_range_with_its_am_or_pm_written_once_is_the_same_times(first, length, half):
    """quotes33: "9-10pm" is 9pm-10pm, "11-1pm" 11am-1pm: the first end's half of the day is the one that reaches the
    last end within twelve hours; the other half fails."""
    last = (first + length - 1) % 12 + 1
    flips = first % 12 > last % 12
    other = {"am": "pm", "pm": "am"}
    first_half = other[half] if flips else half
    said = f"Open {first}-{last}{half} daily"
    assert compare(said, f"Open {first}{first_half}-{last}{half} daily").result == "warn"
    assert compare(said, f"Open {first}{other[first_half]}-{last}{half} daily").result == "fail"


# review33r2: a dropped or added am/pm, or a bare hour, was read as written otherwise when ANOTHER time of the texts
# fits the rule: "9:00" for the post's "9:00 pm" warned as the 24-hour clock because the post also writes "9:00 am";
# "at 9" for "at 9pm" warned as a range's pm written once because both texts write the range "9-11pm" elsewhere. Each
# is another time (9 am), a misquote: it fails. The rule holds when it is the only reading (the last rows).
@pytest.mark.parametrize("said,found,shown", [
    ("At 9:00 am we met; at 9:00 we left", "At 9:00 am we met; at 9:00 pm we left", None),
    ("Bus at 10:00 am and 10:00 daily", "Bus at 10:00 am and 10:00 pm daily", None),
    ("Bus at 9:00 and 12:30 daily", "Bus at 9:00 am and 12:30 am daily", None),
    ("Open 1 to 5 pm daily, gala at 9:00 Sunday", "Open 1 pm to 5 pm daily, gala at 9:00 pm Sunday", None),
    ("Open 9 to 5 pm daily, gala at 9 Sunday", "Open 9 am to 5 pm daily, gala at 9 pm Sunday", None),
    ("Open 1-5pm daily, gala at 9:00 Sunday", "Open 1pm-5pm daily, gala at 9:00 pm Sunday", None),
    ("Dinner at 9, doors 9-11pm", "Dinner at 9pm, doors 9-11pm", None),
    ("Doors 9-11pm, dinner at 9 sharp", "Doors 9pm-11pm, dinner at 9pm sharp", None),
    ("Bus at 10:00 and 10:00 pm daily", "Bus at 10:00 am and 10:00 pm daily", f'dropped "am" ({TIME_24})'),
    ("Bus at 10:00 am daily and 10:00 pm", "Bus at 10:00 daily and 10:00 pm", f'added "am" ({TIME_24})'),
    ("Open 2 pm to 5 pm daily, gala 9 to 11 pm Sunday", "Open 2 pm to 5 pm daily, gala 9 pm to 11 pm Sunday",
     f'dropped "pm" ({TIME_SHARED})'),
    ("Open 2 to 5 pm daily, gala 9 to 11 pm Sunday", "Open 2 pm to 5 pm daily, gala 9 pm to 11 pm Sunday",
     f'dropped "pm" ({TIME_SHARED})'),
    ("Dinner at 21:00, doors 9-11pm", "Dinner at 9pm, doors 9-11pm", f"9pm → 21:00 ({TIME_24})"),
], ids=["pm-dropped-beside-am", "pm-dropped-beside-same-am", "two-am-dropped-one-after-midnight",
        "pm-dropped-beside-a-range-apart", "pm-dropped-beside-an-am-range", "pm-dropped-beside-a-range",
        "bare-hour-beside-the-same-range", "bare-hour-after-the-range", "am-dropped-beside-pm", "am-added-beside-pm",
        "two-ranges-one-written-once", "two-ranges-both-written-once", "24-hour-beside-a-range"])
def test_another_time_of_the_texts_lends_no_am_or_pm_to_a_changed_one(said, found, shown):
    c = compare(said, found)
    if shown is None:
        assert c.result == "fail", c.evidence
        return
    assert c.result == "warn", c.evidence
    assert shown in c.evidence, c.evidence


# review33r2: an initialism whose names the tool knows (GOP, UK, PRC...) failed every other bracket, also a word for
# its body or office ("[The party]" for "GOP") and its capital, which news writes for a state ("[London]" for "UK",
# "[Beijing]" for "PRC"): a misquote where the editor names the same body. They warn as the tool cannot check them.
# And the check did not hold after "The" ("The GOP" is no title, as "The President" is): "The [Democrats]" for
# "The GOP" warned where "[Democrats]" for "GOP" fails.
@pytest.mark.parametrize("said,found", [
    ("[The party] blocked the bill", "GOP blocked the bill"),
    ("[Trump's party] blocked the bill", "GOP blocked the bill"),
    ("[Party leaders] blocked the bill", "GOP blocked the bill"),
    ("[London] will respond to the attack", "UK will respond to the attack"),
    ("[Downing Street] will respond to the attack", "UK will respond to the attack"),
    ("[The government] will respond to the attack", "UK will respond to the attack"),
    ("[Beijing] will respond to the attack", "PRC will respond to the attack"),
    ("[Riyadh] will respond to the attack", "KSA will respond to the attack"),
    ("[Abu Dhabi] will respond to the attack", "UAE will respond to the attack"),
    ("[Kinshasa] will respond to the attack", "DRC will respond to the attack"),
    ("[Washington] will respond to the attack", "USA will respond to the attack"),
    ("The [Republicans] blocked the bill", "The GOP blocked the bill"),
], ids=["party", "someone-s-party", "party-leaders", "capital", "seat-of-government", "government", "beijing",
        "riyadh", "abu-dhabi", "kinshasa", "washington", "after-the"])
def test_a_known_initialism_s_body_or_capital_in_brackets_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("The [Democrats] blocked the bill", "The GOP blocked the bill", "GOP → [Democrats]"),
    ("The [French] will respond", "The UK will respond", "UK → [French]"),
    ("[Paris] will respond to the attack", "UK will respond to the attack", "UK → [Paris]"),
    ("[Moscow] will respond to the attack", "PRC will respond to the attack", "PRC → [Moscow]"),
    ("[Democratic leaders] blocked the bill", "GOP blocked the bill", "GOP → [Democratic leaders]"),
], ids=["after-the", "after-the-uk", "another-capital", "another-state-s-capital", "another-party-s-leaders"])
def test_another_body_in_place_of_a_known_initialism_fails_after_the_too(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# review33r2: quotes33 made a word in place of an initialism warn, since the tool cannot expand it: "[Bloomberg]" for
# "CNN", "[NBC]" for "CNN" warned "(the same name written otherwise, or another?)". Both are news organisations the
# tool knows by name (the credit check's agencies and outlets): two of them, neither the other's longer name, are two
# bodies, and the quote puts another outlet in the post's words.
@pytest.mark.parametrize("said,found,shown", [
    ("[Bloomberg] reported the story first", "CNN reported the story first", "CNN → [Bloomberg]"),
    ("[NBC] reported the story first", "CNN reported the story first", "CNN → [NBC]"),
    ("Thanks to [Reuters] for the photo", "Thanks to AP for the photo", "AP → [Reuters]"),
], ids=["outlet-for-an-initialism", "initialism-for-an-initialism", "agency-for-an-agency"])
def test_another_known_outlet_in_place_of_the_post_s_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[CNN International] reported the story first", "CNN reported the story first"),
    ("[BBC News] reported the story first", "BBC reported the story first"),
    ("Thanks to [Getty Images] for the photo", "Thanks to Getty for the photo"),
    ("[The network] reported the story first", "CNN reported the story first"),
], ids=["longer-name", "news-after", "images-after", "a-word-for-it"])
def test_an_outlet_s_longer_name_or_a_word_for_it_still_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


# review33r2, left alone: a body's new name in brackets for the post's old one ("[X]" for "Twitter", "[Meta]" for
# "Facebook") failed as another name: a false fail (one body, renamed). Now it warns as an alias the tool cannot
# check; a body that is no rename of the other still fails.
@pytest.mark.parametrize("said,found", [
    ("[X] banned the account", "Twitter banned the account"),
    ("[Meta] removed the post", "Facebook removed the post"),
    ("[Twitter] suspended him", "X suspended him"),
    ("[Alphabet] settled the case", "Google settled the case"),
], ids=["x-for-twitter", "meta-for-facebook", "twitter-for-x", "alphabet-for-google"])
def test_a_body_s_new_or_old_name_in_brackets_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert UNCHECKED in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Meta] banned the account", "Twitter banned the account"),
    ("[Google] removed the post", "Facebook removed the post"),
], ids=["meta-for-twitter", "google-for-facebook"])
def test_another_body_than_the_renamed_one_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence


# quotes34 (1): an initialism outside `_INITIALISM_NAMES` replaced by another initialism or another body's name only
# warned ("[CIA]" for "FBI"): two different initialisms, or a name that none of the initialism's letters opens, are two
# bodies. A word that may spell it out ("[Democrats]" for "DNC", "[Justice Department]" for "DOJ"), a word for its kind
# ("[the bureau]"), the same letters shorter or longer ("[US]" for "USA") and a known alias ("[UK]" for "GB") still warn.
@pytest.mark.parametrize("said,found,shown", [
    ("The [CIA] opened an inquiry today", "The FBI opened an inquiry today", "FBI → [CIA]"),
    ("[DOJ] opened an inquiry today", "FBI opened an inquiry today", "FBI → [DOJ]"),
    ("The [RNC] will fight this ruling", "The DNC will fight this ruling", "DNC → [RNC]"),
    ("The [Pentagon] opened an inquiry today", "The FBI opened an inquiry today", "FBI → [Pentagon]"),
    ("The [Republicans] will fight this ruling", "The DNC will fight this ruling", "DNC → [Republicans]"),
    ("[The EU] will respond to this", "NATO will respond to this", "NATO → [The EU]"),
    ("The [CDC] is under pressure", "The NHS is under pressure", "NHS → [CDC]"),
    ("The [Social Democrats] will fight this", "The CDU will fight this", "CDU → [Social Democrats]"),
    ("The [Biden] opened an inquiry today", "The FBI opened an inquiry today", "FBI → [Biden]"),
], ids=["initialism-for-initialism", "without-the", "party-committee", "another-body-s-name", "another-party",
        "the-eu-for-nato", "health-bodies", "another-german-party", "a-name-opening-with-a-middle-letter"])
def test_another_body_in_place_of_an_initialism_the_tool_does_not_know_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("The [Democrats] will fight this ruling", "The DNC will fight this ruling"),
    ("The [Democratic Party] will fight this ruling", "The DNC will fight this ruling"),
    ("The [bureau] opened an inquiry today", "The FBI opened an inquiry today"),
    ("[The alliance] will respond to this", "NATO will respond to this"),
    ("The [Justice Department] opened an inquiry", "The DOJ opened an inquiry"),
    ("The [US] team won gold today", "The USA team won gold today"),
    ("The [U.S.] team won gold today", "The USA team won gold today"),
    ("The [UK] team won gold today", "The GB team won gold today"),
    ("The [NK] fired a missile today", "The DPRK fired a missile today"),
    ("[The Journal] reported it first", "WSJ reported it first"),
    ("The [Pentagon] confirmed it", "The DOD confirmed it"),
    ("The [Defense Department] confirmed it", "The DOD confirmed it"),
    ("The [Homeland Security] said no", "The DHS said no"),
    ("The [Israeli military] said no", "The IDF said no"),
], ids=["democrats-for-dnc", "party-for-dnc", "a-word-for-its-kind", "the-alliance", "spelt-out-in-another-order",
        "shorter", "dotted-shorter", "uk-for-gb", "nk-for-dprk", "one-of-its-words", "pentagon-for-dod",
        "defense-department-for-dod", "its-last-letters", "its-first-letter"])
def test_a_name_an_initialism_may_stand_for_still_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


# quotes34 (2): "Le Pen" at a sentence's start read as a title after an article ("Le Président"), so "[Macron]" for it
# warned; in a post not known to be French (Spanish, Italian...) the article of a name's particle makes no title, and
# a capitalised word after it is a name. And a German or Slavic first name alone ("Olaf", "Dmitry") was not in the
# name list, so "[Scholz]" for "Olaf" failed as another name, where "[Biden]" for "Joe" warns.
@pytest.mark.parametrize("said,found,shown", [
    ("[Macron] will win this election", "Le Pen will win this election", "Le Pen → [Macron]"),
    ("I think [Macron] will win", "I think Le Pen will win", "Le Pen → [Macron]"),
    ("[Le Figaro] reported it first", "Le Monde reported it first", "Monde → [Figaro]"),
    ("[Pacino] is right about this", "De Niro is right about this", "De Niro → [Pacino]"),
    ("Thanks [Friedrich] for coming", "Thanks Olaf for coming", "Olaf → [Friedrich]"),
    ("[Annalena] will decide tomorrow", "Ursula will decide tomorrow", "Ursula → [Annalena]"),
    ("[Macron] a gagné ce soir", "Le Pen a gagné ce soir", "Le Pen → [Macron]"),
], ids=["le-pen-at-the-start", "le-pen-inside", "le-monde", "de-niro", "another-german-first-name",
        "another-first-name-for-ursula", "french-post"])
def test_a_name_with_a_particle_or_a_german_first_name_replaced_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("[Scholz] said we must act now", "Olaf said we must act now", None),
    ("[von der Leyen] will decide tomorrow", "Ursula will decide tomorrow", None),
    ("[Medvedev] said it again", "Dmitry said it again", None),
    ("Thanks [Kowalski] for coming", "Thanks Piotr for coming", None),
    ("[The Defense Department] confirmed it", "The Pentagon confirmed it", None),
    ("[Le ministre] a dit non", "Le Gouvernement a dit non", "fr"),
], ids=["olaf", "ursula", "dmitry", "piotr", "the-pentagon", "french-role"])
def test_a_german_or_slavic_first_name_completed_or_an_english_title_still_warns(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence


# quotes34 (3): a real translation whose quote held one frequent English word ("and") failed unless the article
# declared `quote_lang`: two frequent words were needed to read a language. One word of a language and none of any
# other is enough where the other side reads plainly as (or is declared) another language; the evidence says it only
# "looks" so. An English paraphrase of an English post is still no translation.
@pytest.mark.parametrize("said,found,lang,languages", [
    ("Macron and Scholz met in Paris", "Macron et Scholz se sont rencontrés à Paris", None,
     "looks English or Dutch, the post reads as French"),
    ("Macron and Scholz met in Paris", "Macron y Scholz se reunieron en París", "es",
     "looks English or Dutch, the post is in Spanish"),
    ("Merz and Macron met yesterday", "Merz und Macron haben sich gestern getroffen", None,
     "looks English or Dutch, the post reads as German"),
    ("Macron et Scholz se sont rencontrés à Paris", "Macron and Scholz met in Paris", "en",
     "reads as French, the post is in English"),
], ids=["french-post", "spanish-post-lang", "german-post", "french-quote"])
def test_a_translation_holding_one_frequent_word_warns_as_a_translation(said, found, lang, languages):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert f"which {languages}: a translation?" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("Macron and Scholz met in Paris", "Macron hosted Scholz at the Elysee", None),
    ("Macron and Scholz met in Paris", "Macron hosted Scholz at the Elysee", "en"),
    ("Macron and Scholz met in Paris", "Macron, Scholz: Paris summit", None),
    ("Macron and Merz met in Paris", "Macron and Scholz met in Paris", None),
    ("Macron a rencontré Merz à Paris", "Macron et Scholz se sont rencontrés à Paris", "fr"),
], ids=["english-post", "english-post-lang", "post-too-short", "name-changed", "french-misquote"])
def test_other_words_in_one_language_or_a_post_too_short_to_tell_still_fail(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence


# quotes34 (3): once one frequent word tells a quote's language, a rendering that drops the post's negation ("Lula and
# Milei met" for "… não se reuniram") warns as a translation: the warn says one side has a negation and the other none.
@pytest.mark.parametrize("said,found,lang,negation", [
    ("Lula and Milei met in Brasília", "Lula e Milei não se reuniram", "pt", 'the post has a negation ("não")'),
    ("Scholz: We will abandon Ukraine", "Scholz: Wir werden die Ukraine nicht allein lassen", "de",
     'the post has a negation ("nicht")'),
    ("Lula e Milei não se reuniram", "Lula and Milei met in Brasília", "en", 'the quote has a negation ("não")'),
], ids=["pt-negation-dropped", "de-negation-dropped", "negation-added"])
def test_a_translation_that_drops_or_adds_a_negation_says_so(said, found, lang, negation):
    c = compare(said, found, lang=lang)
    assert c.result == "warn" and "a translation?" in c.evidence, c.evidence
    assert f"{negation}, the " in c.evidence and "check that the translation keeps its sense" in c.evidence, c.evidence


def test_a_translation_keeping_its_negation_says_nothing_of_one():
    c = compare("Sánchez will not resign this year", "Sánchez no dimitirá este año", lang="es")
    assert c.result == "warn" and "negation" not in c.evidence, c.evidence


# quotes34 (4): quotes31 failed a role in brackets for a name ("[The President]" for "Biden"): a common, honest
# clarification, which the tool cannot check. It warns, saying a role stands for a name; it fails where the same post
# names another person the role could mean.
ROLE_FOR_A_NAME = "(a role for a name: check who holds it)"


@pytest.mark.parametrize("said,found,shown", [
    ("[The President] signed the bill today", "Biden signed the bill today", "[The President]\" in place of \"Biden\""),
    ("[the mayor] opened the park today", "Jones opened the park today", "[the mayor]\" in place of \"Jones\""),
    ("I met [the mayor] today", "I met Jones today", "[the mayor]\" in place of \"Jones\""),
    ("[The city's mayor] opened the park", "Jones opened the park", "[The city's mayor]\" in place of \"Jones\""),
    ("[The President] signed the bill", "Joe Biden signed the bill", "[The President]\" in place of \"Joe Biden\""),
    ("[The mayor] opened the park in New York", "Adams opened the park in New York",
     "[The mayor]\" in place of \"Adams\""),
    ("Biden said it. [The President] signed the bill", "Biden said it. Biden signed the bill",
     "[The President]\" in place of \"Biden\""),
    ("[The President] thanked NATO today", "Biden thanked NATO today", "[The President]\" in place of \"Biden\""),
    ("[The President] signed it on Monday", "Biden signed it on Monday", "[The President]\" in place of \"Biden\""),
    ("[The President] signed it in January", "Biden signed it in January",
     "[The President]\" in place of \"Biden\""),
], ids=["the-president", "the-mayor", "mid-sentence", "possessive", "full-name", "beside-a-place", "named-again",
        "beside-an-initialism", "beside-a-weekday", "beside-a-month"])
def test_a_role_in_brackets_for_a_name_warns_saying_so(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence and ROLE_FOR_A_NAME in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("Biden met Trump today. [The President] signed the bill", "Biden met Trump today. Biden signed the bill",
     "Biden → [The President]"),
    ("[The mayor] thanked Smith", "Jones thanked Smith", "Jones → [The mayor]"),
    ("[The President] thanked @jones", "Biden thanked @jones", "Biden → [The President]"),
    ("[President Trump] signed the bill", "Biden signed the bill", "Biden → [President Trump]"),
    ("[The French President] signed it", "Biden signed it", "Biden → [The French President]"),
    ("[The police] said no", "Jones said no", "Jones → [The police]"),
    ("[The government] said no", "Jones said no", "Jones → [The government]"),
], ids=["another-person-named", "another-surname", "another-account", "a-role-and-a-name", "a-role-and-a-capital",
        "a-body-for-a-person", "a-government-for-a-person"])
def test_a_role_for_a_name_where_the_post_names_another_person_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@given(st.text("BCDFGHJKLMNPQRSTVWXZ", min_size=2, max_size=4), st.text("BCDFGHJKLMNPQRSTVWXZ", min_size=2, max_size=4))
def test_any_other_initialism_in_place_of_an_initialism_fails_and_the_same_warns(theirs, ours):
    """quotes34: two initialisms (consonants only: no word, no known one's vowels) are two bodies unless one holds
    the other's letters ("[US]" for "USA"). A role the post writes in letters ("HQ", "PD") is no body's name: a name
    in brackets for it says which one, and warns as a role clarified (hypothesis found "[BB]" for "HQ")."""
    assume(not _role(theirs))
    found = f"The {theirs} opened an inquiry today"
    c = compare(f"The [{ours}] opened an inquiry today", found)
    assume((theirs, ours) != ("DPRK", "NK"))   # one state's two initialisms, which the tool knows
    if ours == theirs:
        assert c.result != "fail", c.evidence   # the post's own word, in brackets
    else:   # one holding the other's letters is another body too ("[UN]" for "UNICEF", "[EU]" for "EUR": review34r2)
        assert c.result == "fail" and f"{theirs} → [{ours}]" in c.evidence, c.evidence


# review34r2 (1): the role rule took a capitalised word right before or after the replaced name elsewhere in the post
# for a word of that name ("Joe" of "Joe Biden"), across a full stop or a colon too: "Trump" of "Biden met Trump.
# Biden signed it" was the President's own name, so "[The President]" for the second "Biden" warned, as did "Biden:
# [The President] signed" for "Biden: Harris signed". A word beside the name is its own only as a first name.
@pytest.mark.parametrize("said,found,shown", [
    ("Biden met Trump. [The President] signed it", "Biden met Trump. Biden signed it", "Biden → [The President]"),
    ("Biden called Harris. [The President] signed it", "Biden called Harris. Biden signed it",
     "Biden → [The President]"),
    ("Biden: [The President] signed it", "Biden: Harris signed it", "Harris → [The President]"),
    ("[The mayor] thanked Smith, Jones said", "Adams thanked Smith, Jones said", "Adams → [The mayor]"),
], ids=["another-person-before-a-full-stop", "another-person-before-a-full-stop-2", "another-person-before-a-colon",
        "another-person-after-a-comma"])
def test_a_role_for_a_name_beside_another_person_s_name_across_punctuation_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


def test_a_role_for_a_name_written_again_after_its_first_name_elsewhere_still_warns():
    c = compare("Joe Biden spoke. [The President] signed it", "Joe Biden spoke. Biden signed it")
    assert c.result == "warn" and ROLE_FOR_A_NAME in c.evidence, c.evidence


# review34r2 (2): one frequent word of another language in a quote of one or two words in small letters made an
# English quote of a short English post "look" German or Italian, a translation: "Biden: die" for "Biden: win" and
# "Musk: die Tesla" for "Musk: buy Tesla" warned. "die", "per" and "no" are English words too: a phrase that short
# cannot tell its language by one word.
@pytest.mark.parametrize("said,found,lang", [
    ("Biden: die", "Biden: win", "en"),
    ("Musk: die Tesla", "Musk: buy Tesla", "en"),
    ("Trump, per Biden", "Trump, says Biden", "en"),
    ("Ukraine die hard", "Ukraine holds firm", "en"),
    ("Ukraine per se", "Ukraine holds firm", "en"),
    ("Macron: no", "Macron: oui", "fr"),
], ids=["die-for-win", "die-for-buy", "per-for-says", "die-hard", "per-se", "no-for-oui"])
def test_a_quote_of_one_or_two_small_words_does_not_look_like_another_language(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert "translation" not in c.evidence, c.evidence


# review34r2 (3): the negation note was given only between languages of _FREQUENT, so a Swedish post (its `lang`)
# whose "inte" an English rendering dropped warned as a translation saying nothing of it; and "Nein" ("Nein zum
# Krieg") was no negation word, as "no" and "non" are.
@pytest.mark.parametrize("said,found,lang,negation", [
    ("Kristersson: Sweden will join", "Kristersson: Sverige går inte med", "sv", 'the post has a negation ("inte")'),
    ("Scholz: yes to the war", "Scholz: Nein zum Krieg", "de", 'the post has a negation ("Nein")'),
], ids=["swedish-inte", "german-nein"])
def test_a_translation_dropping_a_negation_of_a_language_outside_the_frequent_lists_says_so(said, found, lang,
                                                                                             negation):
    c = compare(said, found, lang=lang)
    assert c.result == "warn" and "a translation?" in c.evidence, c.evidence
    assert f"{negation}, the " in c.evidence, c.evidence


# review34r2 (4): quotes34 made "Le" of "Le Pen" a name's particle only in a post in English or too short to tell: in
# the French post itself, with the `lang` X gives it, "[Macron]" for "Le Pen" still warned, as did "[Meloni]" for "La
# Russa" in an Italian one. Outside English and German, a language writes a noun after its article in small letters:
# a capital there is a name ("Le Pen", "Le Monde", "El País"), a role word aside ("Le Président").
@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Macron] a gagné ce soir", "Le Pen a gagné ce soir", "fr", "Le Pen → [Macron]"),
    ("Je pense que [Macron] va gagner", "Je pense que Le Pen va gagner", "fr", "Le Pen → [Macron]"),
    ("[Meloni] ha detto di no", "La Russa ha detto di no", "it", "La Russa → [Meloni]"),
    ("[Le Figaro] l'a révélé", "Le Monde l'a révélé", "fr", "Monde → [Figaro]"),
    ("[El Mundo] lo publicó ayer", "El País lo publicó ayer", "es", "País → [Mundo]"),
], ids=["le-pen-french-post", "le-pen-inside-french", "la-russa-italian-post", "le-monde-french-post",
        "el-pais-spanish-post"])
def test_a_name_with_a_particle_replaced_in_a_post_of_its_own_language_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("[Macron] a dit non", "Le Président a dit non", "fr"),
    ("[Sánchez] dijo que no", "El Presidente dijo que no", "es"),
    ("[Scholz] hat nein gesagt", "Der Kanzler hat nein gesagt", "de"),
], ids=["le-president", "el-presidente", "der-kanzler"])
def test_a_name_for_a_role_after_an_article_in_a_post_of_its_own_language_still_warns(said, found, lang):
    assert compare(said, found, lang=lang).result == "warn"


# review34r2 (5): an initialism holding another's letters warned as "the same name written otherwise?", which "[US]"
# for "USA" is but "[UN]" for "UNICEF", "[EU]" for "EUR" (the currency), "[US]" for "USSR" and "[SA]" for "USA" are
# not; nor "[ANC]" for "ANCYL" (its youth league) and "[UNHCR]" for "UNHRC" (another UN body), taken for a spelling of
# the same name; and any initialism in brackets warned for a name in capitals of five letters or more ("[WHO]" for
# "UNICEF").
# Letters cannot tell a shorter form of one body from another body: two initialisms are two bodies unless their
# letters are the same ("[U.S.]" for "US") or the tool knows them as one's (_INITIALISM_NAMES: "[US]" for "USA").
@pytest.mark.parametrize("said,found,shown", [
    ("[UN] aid arrived today", "UNICEF aid arrived today", "UNICEF → [UN]"),
    ("The [EU] rate rose again", "The EUR rate rose again", "EUR → [EU]"),
    ("The [US] team won gold", "The USSR team won gold", "USSR → [US]"),
    ("The [UK] team won gold", "The UKR team won gold", "UKR → [UK]"),
    ("The [SA] team won gold", "The USA team won gold", "USA → [SA]"),
    ("The [NK] fired on them", "The NKVD fired on them", "NKVD → [NK]"),
    ("[WHO] said no today", "UNICEF said no today", "UNICEF → [WHO]"),
    ("[FBI] said no today", "JONES said no today", "JONES → [FBI]"),
    ("The [ANC] said no today", "The ANCYL said no today", "ANCYL → [ANC]"),
    ("The [UNHCR] said no today", "The UNHRC said no today", "UNHRC → [UNHCR]"),
], ids=["un-for-unicef", "eu-for-eur", "us-for-ussr", "uk-for-ukr", "a-suffix", "nk-for-nkvd", "who-for-unicef",
        "an-initialism-for-a-name-in-capitals", "anc-for-its-youth-league", "refugees-for-human-rights"])
def test_an_initialism_holding_another_s_letters_is_another_body(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("The [US] team won gold", "The USA team won gold"),
    ("The [U.S.] team won gold", "The USA team won gold"),
    ("The [USA] team won gold", "The US team won gold"),
    ("The [U.S.] team won gold", "The US team won gold"),
    ("[U.N.] said no today", "UN said no today"),
], ids=["us-for-usa", "dotted-us-for-usa", "usa-for-us", "dotted-us-for-us", "dotted-un-for-un"])
def test_the_same_initialism_dotted_or_a_known_form_still_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


# review34r2 (6): a role in the plural for one person's name ("[The senators]" for "Smith", "[Officials]" for
# "Jones") warned as a role for a name: it says several people did what the post says one did. It fails; a plural for
# the post's several names ("[The Presidents]" for "Biden and Macron") still warns.
@pytest.mark.parametrize("said,found,shown", [
    ("[The senators] signed it", "Smith signed it", "Smith → [The senators]"),
    ("[Both presidents] signed it", "Biden signed it", "Biden → [Both presidents]"),
    ("[Officials] said no", "Jones said no", "Jones → [Officials]"),
], ids=["the-senators", "both-presidents", "officials"])
def test_a_role_in_the_plural_for_one_name_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


def test_a_role_in_the_plural_for_several_names_still_warns():
    c = compare("[The Presidents] signed it", "Biden and Macron signed it")
    assert c.result == "warn" and ROLE_FOR_A_NAME in c.evidence, c.evidence


@pytest.mark.parametrize("theirs, ours", [("MWCV", "MCVQ"), ("FBIX", "FIBX"), ("MWCV", "MCV")])
def test_another_initialism_of_nearly_the_same_letters_fails_as_another_body(theirs, ours):
    """lead34: the property test above found "[MCVQ]" for "MWCV" warning as a spelling of the same name (the
    Kyiv/Kiev rule's 0.75 likeness): two initialisms are two bodies however alike their letters."""
    c = compare(f"The [{ours}] opened an inquiry today", f"The {theirs} opened an inquiry today")
    assert c.result == "fail" and f"{theirs} → [{ours}]" in c.evidence, c.evidence


# quotes35 (1): in a German post a person's surname replaced in brackets only warned ("[Merz] sagte nein" for "Scholz
# sagte nein"): German writes every noun with a capital, so only a first name with a capitalised word after it was a
# name there, where any capital is one in English, French or Spanish. A capitalised word of a German post that no
# article, number or quantity word opens, no role and no German noun's ending (-ung, -keit) is a name too when the
# brackets in its place hold one: a capitalised word the same way bare (no article, no role, no German noun's
# ending). Two person names fail in every language the tool reads.
@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Merz] sagte nein", "Scholz sagte nein", "de", "Scholz → [Merz]"),
    ("[Merz] sagte nein", "Scholz sagte nein", None, "Scholz → [Merz]"),
    ("Heute hat [Merz] nein gesagt", "Heute hat Scholz nein gesagt", "de", "Scholz → [Merz]"),
    ("Danke an [Merz] für die Hilfe", "Danke an Scholz für die Hilfe", "de", "Scholz → [Merz]"),
    ("[Friedrich Merz] sagte nein", "Scholz sagte nein", "de", "Scholz → [Friedrich Merz]"),
    ("Wir haben mit [Habeck] gesprochen", "Wir haben mit Lindner gesprochen", "de", "Lindner → [Habeck]"),
    ("[Obama] und Merkel sind hier", "Biden und Merkel sind hier", None, "Biden → [Obama]"),
    ("[Merz] a dit non", "Scholz a dit non", "fr", "Scholz → [Merz]"),
    ("[Sánchez] dijo que no", "Feijóo dijo que no", "es", "Feijóo → [Sánchez]"),
    ("[Lula] disse que não", "Bolsonaro disse que não", "pt", "Bolsonaro → [Lula]"),
    ("[Meloni] ha detto di no", "Draghi ha detto di no", "it", "Draghi → [Meloni]"),
    ("[Rutte] zei nee", "Schoof zei nee", "nl", "Schoof → [Rutte]"),
], ids=["de", "de-read-from-words", "de-inside", "de-after-a-preposition", "de-full-name", "de-after-mit",
        "de-two-names", "fr", "es", "pt", "it", "nl"])
def test_a_surname_replaced_in_brackets_fails_in_every_language_german_too(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# Counter-cases: a German noun, a role or a description in brackets, a name for a role or a pronoun, and the same
# person's name in full still warn as the article's own words.
@pytest.mark.parametrize("said,found,lang", [
    ("[Die Regierung] plant neue Steuern", "Bundesregierung plant neue Steuern", "de"),
    ("Wir fordern [Aufklärung] für die Opfer", "Wir fordern Gerechtigkeit für die Opfer", "de"),
    ("[Scholz] sagte nein", "Kanzler sagte nein", "de"),
    ("[Merz] sagte nein", "Er sagte nein", "de"),
    ("[Die Demonstranten] protestieren in Berlin", "Menschen protestieren in Berlin", "de"),
    ("Danke für [die Hilfe] heute", "Danke für Beistand heute", "de"),
    ("[Scholz] sagte nein", "Olaf sagte nein", "de"),
    ("Es kamen 3000 [Demonstranten] nach Berlin", "Es kamen 3000 Menschen nach Berlin", "de"),
    ("Es kamen [Demonstranten] nach Berlin", "Es kamen viele Menschen nach Berlin", "de"),
    ("[Demonstranten] protestieren in Berlin", "Menschen protestieren in Berlin", "de"),
], ids=["role-noun", "noun-endings", "role", "pronoun", "description", "article-in-brackets",
        "first-name-completed", "a-number", "a-quantity-word", "a-plural-for-a-plural"])
def test_brackets_for_a_german_noun_role_or_pronoun_still_warn(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


# quotes35 (3): "[WHO]" for "UN" warned where "[CIA]" for "FBI" fails: "UN" and "US" were no names, being words
# too ("un", "us"). In capitals, in a post that writes small letters, such a word is an initialism where the brackets
# put one in its place: two initialisms are two bodies. Other names for it still warn.
@pytest.mark.parametrize("said,found,shown", [
    ("[WHO] warns of famine", "UN warns of famine", "UN → [WHO]"),
    ("[UNICEF] warns of famine", "UN warns of famine", "UN → [UNICEF]"),
    ("The [FBI] will not back down", "The US will not back down", "US → [FBI]"),
    ("[EU] sanctions hit Moscow", "US sanctions hit Moscow", "US → [EU]"),
], ids=["who-for-un", "unicef-for-un", "fbi-for-us", "eu-for-us"])
def test_another_initialism_for_one_that_is_also_a_word_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[U.S.] will not back down", "US will not back down"),
    ("[USA] will not back down", "US will not back down"),
    ("[Americans] will decide", "US will decide"),
    ("[The Biden administration] will decide", "US will decide"),
    ("[The United Nations] warns of famine", "UN warns of famine"),
    ("[WE] WILL NOT BACK DOWN", "US WILL NOT BACK DOWN"),
], ids=["dotted", "usa", "americans", "administration", "spelt-out", "a-post-in-capitals"])
def test_a_name_for_an_initialism_that_is_also_a_word_still_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


NAME_FOR_A_ROLE = "(a name for a role the post names: check who held it)"


# quotes35 (2): a bracket holding a shorter form of a body's name ("[IS]" for "ISIS") or the holder of a role the post
# names ("[Felipe VI]" for "El Rey") is an honest clarification, which failed: "IS" holds letters of "ISIS" as "UN"
# does of "UNICEF" (another body), and "Rey", which is also a surname, was a name after a Spanish article. The first is
# a known name of the body now (the table of initialisms), the second a role after an article: both warn, saying why.
@pytest.mark.parametrize("said,found,lang,note", [
    ("[IS] claimed the attack", "ISIS claimed the attack", None, UNCHECKED),
    ("[Islamic State] claimed the attack", "ISIS claimed the attack", None, UNCHECKED),
    ("[Daesh] claimed the attack", "ISIL claimed the attack", None, UNCHECKED),
    ("[the group] claimed the attack", "ISIS claimed the attack", None, ""),
    ("[Felipe VI] visitó Valencia", "El Rey visitó Valencia", "es", NAME_FOR_A_ROLE),
    ("[Charles III] visited Leeds", "The King visited Leeds", "en", NAME_FOR_A_ROLE),
    ("[Biden] signed it", "The President signed it", None, NAME_FOR_A_ROLE),
    ("[Scholz] sagte nein", "Der Kanzler sagte nein", "de", NAME_FOR_A_ROLE),
    ("[Macron] a dit non", "Le président a dit non", "fr", NAME_FOR_A_ROLE),
], ids=["is-for-isis", "spelt-out", "daesh-for-isil", "a-word-for-its-kind", "el-rey", "the-king", "the-president",
        "der-kanzler", "le-president"])
def test_a_shorter_form_or_the_holder_of_a_role_warns_saying_why(said, found, lang, note):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence and note in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[UN] warns of famine", "UNICEF warns of famine", None, "UNICEF → [UN]"),
    ("[Hamas] claimed the attack", "ISIS claimed the attack", None, "ISIS → [Hamas]"),
    ("[Sánchez] visitó Valencia", "Rey visitó Valencia", "es", "Rey → [Sánchez]"),
    ("[Smith] ruled on it", "Judge ruled on it", None, None),
], ids=["un-for-unicef", "another-group", "rey-a-surname", "judge-a-surname"])
def test_another_body_or_a_surname_that_is_a_role_word_still_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown is None or shown in c.evidence, c.evidence


# quotes35 (4): a translation that shares a short word with the post ("in" of English and German) failed as a
# misquote: only a name or a figure shared left the translation check on. A short word in small letters both
# languages write is shared too; the quote must still read as another language than the post's.
@pytest.mark.parametrize("said,found,lang,how", [
    ("The chancellor met Macron in Berlin on Tuesday", "Der Kanzler traf Macron am Dienstag in Berlin", "de",
     "reads as English, the post is in German"),
    ("We will not close the bridge in Köln before the end of the year",
     "Wir werden die Brücke in Köln nicht vor Jahresende schließen", "de", "reads as English, the post is in German"),
    ("The minister was in Paris with the president", "Le ministre était à Paris avec le président", "fr",
     "reads as English, the post is in French"),
], ids=["in-de", "in-and-a-place", "no-small-word"])
def test_a_translation_sharing_a_short_word_warns_as_a_translation(said, found, lang, how):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "a translation?" in c.evidence and how in c.evidence, c.evidence
    assert "names (Macron, in" not in c.evidence, c.evidence   # a small word is no name


@pytest.mark.parametrize("said,found,lang", [
    ("Der Kanzler mied Macron am Dienstag in Berlin", "Der Kanzler traf Macron am Dienstag in Berlin", "de"),
    ("The chancellor met Macron in Berlin on Tuesday", "The chancellor saw Macron in Berlin on Monday", "en"),
    ("The chancellor met Macron in Berlin on Tuesday", "The chancellor saw Macron in Berlin on Monday", "de"),
    ("Scholz met Macron in Berlin", "Scholz traf Macron in Berlin", "de"),
], ids=["german-misquote", "english-misquote", "english-post-declared-german", "one-word-cannot-tell"])
def test_other_words_sharing_a_short_word_in_one_language_still_fail(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence


# quotes35 (4): a seat of power in brackets for an initialism outside the table ("[Kremlin]" for "FSB") failed as
# another body's name, letters telling nothing. A seat names whoever sits there: an editor may write it for a body
# housed or ruled there, or for another: it warns, saying to check who is meant. A seat the table gives to another
# body ("[Pentagon]" for "FBI": the DOD's) and a place or name that is no seat still fail.
SEAT_FOR_A_BODY = "(a seat of power for a body: check who is meant)"


@pytest.mark.parametrize("said,found", [
    ("[Kremlin] denies the report", "FSB denies the report"),
    ("The [Kremlin] denies the report", "The FSB denies the report"),
    ("[Élysée] denies the report", "DGSE denies the report"),
    ("[Lubyanka] denies the report", "FSB denies the report"),
], ids=["kremlin-fsb", "the-kremlin", "elysee-dgse", "lubyanka"])
def test_a_seat_of_power_for_an_initialism_outside_the_table_warns_saying_so(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert SEAT_FOR_A_BODY in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Pentagon] denies the report", "FBI denies the report", "FBI → [Pentagon]"),
    ("[White House] denies the report", "FBI denies the report", "FBI → [White House]"),
    ("[Gazprom] denies the report", "FSB denies the report", "FSB → [Gazprom]"),
], ids=["pentagon-is-the-dod-s", "white-house-is-the-us-s", "a-firm"])
def test_a_seat_the_table_gives_another_body_or_no_seat_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# review35r2 (1): quotes35 let a seat of power in brackets warn for ANY initialism outside the table, so "[Kremlin]"
# for "CIA" or "NATO" and "[Langley]" for "FSB" only warned (they failed before): another body put in the post's
# words. A seat warns only for an initialism of a body that sits there or that it stands for (_SEAT_BODIES); for any
# other it is another body's name and fails, as it did before quotes35.
@pytest.mark.parametrize("said,found,shown", [
    ("[Kremlin] denies the report", "CIA denies the report", "CIA → [Kremlin]"),
    ("[Kremlin] denies the report", "NATO denies the report", "NATO → [Kremlin]"),
    ("[Kremlin] denies the report", "SBU denies the report", "SBU → [Kremlin]"),
    ("[Langley] denies the report", "FSB denies the report", "FSB → [Langley]"),
    ("[Élysée] denies the report", "FSB denies the report", "FSB → [Élysée]"),
    ("[Westminster] denies the report", "SNP denies the report", "SNP → [Westminster]"),
    ("[Capitol] denies the report", "FSB denies the report", "FSB → [Capitol]"),
], ids=["kremlin-cia", "kremlin-nato", "kremlin-sbu", "langley-fsb", "elysee-fsb", "westminster-snp", "capitol-fsb"])
def test_a_seat_of_power_for_a_body_that_does_not_sit_there_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Langley] denies the report", "CIA denies the report"),
    ("[Kremlin] denies the report", "GRU denies the report"),
    ("[Zhongnanhai] denies the report", "CCP denies the report"),
], ids=["langley-cia", "kremlin-gru", "zhongnanhai-ccp"])
def test_a_seat_of_power_for_a_body_that_sits_there_warns_saying_so(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert SEAT_FOR_A_BODY in c.evidence, c.evidence


# review35r2 (3): German writes a role as one word with what it is of ("Verteidigungsminister", "Außenministerin",
# "Regierungssprecher", "Kanzleramt", "Parteichefin"); quotes35 made every bare capital of a German post a name where
# the brackets hold a bare name, and these compounds are no role word of _ROLES, so an editor's honest clarification,
# "[Pistorius]" for "Verteidigungsminister", failed as another person, and a role in brackets for a name too. A
# capitalised word that ends in a German role ("-minister", "-sprecherin", "-amt", "-chef") is a role: it warns, as
# "[Scholz]" for "Kanzler" does. Two names still fail.
@pytest.mark.parametrize("said,found", [
    ("[Pistorius] sagte nein", "Verteidigungsminister sagte nein"),
    ("[Baerbock] reist nach Kiew", "Außenministerin reist nach Kiew"),
    ("[Hebestreit] sagte nein", "Regierungssprecher sagte nein"),
    ("[Scholz] sagte nein", "Kanzleramt sagte nein"),
    ("[Ursula von der Leyen] fordert mehr Geld", "Kommissionspräsidentin fordert mehr Geld"),
    ("[Verteidigungsminister] sagte nein", "Pistorius sagte nein"),
    ("[Parteichefin] droht mit Klage", "Weidel droht mit Klage"),
    ("[Vorsitzende] droht mit Klage", "Weidel droht mit Klage"),
], ids=["minister", "ministerin", "sprecher", "amt", "praesidentin", "role-for-a-name", "chefin", "vorsitzende"])
def test_a_german_compound_role_for_a_name_or_a_name_for_one_warns(said, found):
    c = compare(said, found, lang="de")
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Baerbock] sagte nein", "Pistorius sagte nein", "Pistorius → [Baerbock]"),
    ("[Außenministerin Baerbock] sagte nein", "Pistorius sagte nein", "Pistorius → [Außenministerin Baerbock]"),
], ids=["two-names", "a-role-and-another-name"])
def test_a_german_name_for_another_still_fails_beside_compound_roles(said, found, shown):
    c = compare(said, found, lang="de")
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# review35r2 (4): a name with a particle and its article ("Ursula von der Leyen") replaced in brackets by another name
# only warned, in German and English posts alike: "Leyen" after "der" read as a noun after an article (a title in
# English, "Die Kanzlerin"). In an English post the article of a name's particle ("der" after "von", before a capital)
# makes no title of the capital after it; in any post a first name, particles and a capital are a person's name. (In
# a German post "von der Leyen" alone stays unknown: "von der Stadt" is written alike.)
@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Scholz] sagte nein", "Ursula von der Leyen sagte nein", "de", "Ursula von der Leyen → [Scholz]"),
    ("Wir danken [Scholz] sehr", "Wir danken Ursula von der Leyen sehr", "de", "Ursula von der Leyen → [Scholz]"),
    ("[Scholz] said no", "Ursula von der Leyen said no", None, "Ursula von der Leyen → [Scholz]"),
    ("[Scholz] said no", "von der Leyen said no", None, "von der Leyen → [Scholz]"),
], ids=["de-full-name", "de-inside", "en-full-name", "en-surname"])
def test_a_name_with_a_particle_and_its_article_replaced_in_brackets_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("[Die Kommissionschefin] sagte nein", "von der Leyen sagte nein", "de"),
    ("[Sie] sagte nein", "von der Leyen sagte nein", "de"),
    ("[The commission president] said no", "Ursula von der Leyen said no", None),
    ("Hilfe von der [Berlin] kommt", "Hilfe von der Stadt kommt", "de"),
    ("Ein Brief von [Merz] kam heute", "Ein Brief von der Kirche kam heute", "de"),
], ids=["de-role", "de-pronoun", "en-role", "de-von-der-noun", "de-von-der-noun-replaced"])
def test_a_role_or_pronoun_for_a_name_with_a_particle_still_warns(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence


# review35r2 (6): quotes35 let any noun in small letters be a word for a known initialism's kind ("[the group]" for
# "ISIS"), so another people or party in small letters only warned: "Gli [russi]" for "Gli USA" (Italian writes a
# people in small letters), "[the democrats]" for "GOP" (both failed before). A word for the kind of body is a role
# or one of the words for a body's kind (group, organisation, militants ...), in small letters or not.
@pytest.mark.parametrize("said,found,lang,shown", [
    ("Gli [russi] non cederanno", "Gli USA non cederanno", "it", "USA → [russi]"),
    ("[the democrats] will not back down", "GOP will not back down", None, "GOP → [the democrats]"),
    ("[the chinese] will not back down", "UK will not back down", None, "UK → [the chinese]"),
    ("[the kurds] claimed the attack", "ISIS claimed the attack", None, "ISIS → [the kurds]"),
], ids=["it-a-people", "another-party", "another-people", "another-group"])
def test_another_people_or_party_in_small_letters_for_a_known_initialism_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[the group] claimed the attack", "ISIS claimed the attack"),
    ("[the terror group] claimed the attack", "ISIS claimed the attack"),
    ("[the militants] claimed the attack", "ISIL claimed the attack"),
    ("[the jihadists] claimed the attack", "ISIS claimed the attack"),
    ("[the organisation] claimed the attack", "ISIS claimed the attack"),
    ("[the country] will not back down", "UK will not back down"),
    ("[the party] will not back down", "GOP will not back down"),
], ids=["group", "terror-group", "militants", "jihadists", "organisation", "country", "party"])
def test_a_word_for_a_known_initialism_s_kind_still_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


# review35r2 (7): a bracketed name with a title or a party before it, or with the particle "de", for another name in a
# German post only warned: "[CDU-Chef Merz]" for "Scholz" (once "Chef" is a role, above), "[de Maizière]", "[Thomas de
# Maizière]" for "Scholz". Role words beside a name in brackets are its title; "de", "di", "da", "du" are a name's
# particles as "von" and "van" are. A role alone still warns.
@pytest.mark.parametrize("said,found,shown", [
    ("[CDU-Chef Merz] hat recht", "Scholz hat recht", "Scholz → [CDU Chef Merz]"),
    ("[Merz, CDU-Chef,] hat recht", "Scholz hat recht", "Scholz → [Merz CDU Chef]"),
    ("[de Maizière] sagte nein", "Scholz sagte nein", "Scholz → [de Maizière]"),
    ("[Thomas de Maizière] sagte nein", "Scholz sagte nein", "Scholz → [Thomas de Maizière]"),
], ids=["party-and-title", "title-after", "de", "first-name-de"])
def test_a_german_post_s_name_for_a_titled_or_particled_name_in_brackets_fails(said, found, shown):
    c = compare(said, found, lang="de")
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes36 (1): a name in brackets for a role the post names with a word before the role ("Defence Minister", "Prime
# Minister", "Germany's Defence Minister", "The CDU leader") failed in English: "Defence" and "CDU" are capitals, read
# as names replaced. A role is the last word of such a run (a person's role, not a body's: "White House" is a body);
# what comes before it says which role. An honest clarification: a warn naming it, as for "[Biden]" for "The
# President". A bracketed name for an ordinary noun ("Frieden", peace) puts another word in the post's mouth: a fail.
@pytest.mark.parametrize("said,found,lang", [
    ("[Pistorius] said no to more tanks", "Defence Minister said no to more tanks", None),
    ("[Starmer] said no", "Prime Minister said no", None),
    ("[Pistorius] will visit Kyiv", "Germany's Defence Minister will visit Kyiv", None),
    ("[Merz] said no", "The CDU leader said no", None),
    ("[Pistorius] said no", "The Defence Minister said no", None),
    ("Yesterday [Blinken] said no", "Yesterday Foreign Secretary said no", None),
    ("[Pistorius] sagte nein zu mehr Panzern", "Verteidigungsminister sagte nein zu mehr Panzern", "de"),
    ("[Smith] said no", "Nurse said no", None),
    ("[Kirby] said no", "White House spokesman said no", None),
    ("[Peskov] said no", "Kremlin spokesman said no", None),
    ("[Schumer] said no", "Democratic leader said no", None),
], ids=["defence-minister", "prime-minister", "possessive", "article-initialism", "article-qualifier", "secretary",
        "de-compound", "role-alone", "a-body-s-role", "a-seat-s-role", "a-party-s-role"])
def test_a_name_for_a_role_with_words_before_it_warns_saying_so(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert NAME_FOR_A_ROLE in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Merz] is important", "Peace is important", None, "Peace → [Merz]"),
    ("[Merz] ist wichtig für uns alle", "Frieden ist wichtig für uns alle", "de", "Frieden → [Merz]"),
    ("Wir brauchen [Merz] in Europa", "Wir brauchen Frieden in Europa", "de", "Frieden → [Merz]"),
    ("[Trump] administration said no", "Biden administration said no", None, "Biden → [Trump]"),
    ("[Trump] said no", "White House said no", None, "White House → [Trump]"),
    ("[Obama] said no", "President Biden said no", None, "President Biden → [Obama]"),
    ("[Merz] said no", "Defence Minister Pistorius said no", None, "Defence Minister Pistorius → [Merz]"),
    ("[Biden] said no", "Biden's spokesman said no", None, "Biden's spokesman → [Biden]"),
    ("[Biden] said no", "Joe Biden's spokesman said no", None, "Joe Biden's spokesman → [Biden]"),
    ("[Merz] said no", "Scholz spokesman said no", None, "Scholz spokesman → [Merz]"),
    ("[Smith] said no", "Jones and the mayor said no", None, "Jones and the mayor → [Smith]"),
], ids=["en-noun", "de-noun", "de-noun-inside", "body-beside-a-name", "a-body", "role-and-name", "qualified-role-and-name",
        "the-name-whose-role", "the-full-name-whose-role", "a-surname-before-a-role", "a-name-and-a-role"])
def test_a_name_for_a_noun_a_body_or_another_name_beside_a_role_still_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes36 (2): a place for a place ("[France]" for "Moscow", "[Putin]" for "Kremlin") gets the same verdict in every
# language the check reads and in a headline: another name put in place of the post's (a fail), unless an article
# makes the post's word a title ("The Kremlin", "Der Kreml": a warn). quotes37: a capital's own country ("[Russia]" for
# "Moscow") is the state the capital stands for, an honest clarification (a warn; the rows "capital-for-its-country",
# "city-for-its-country" and "inside-a-sentence" asserted a fail, which the tool gave for want of a table of capitals).
_METONYMS = [
    # (en said, en found, de said, de found, fr said, fr found, es said, es found)
    ("[Russia] threatens retaliation", "Moscow threatens retaliation",
     "[Russland] droht mit Vergeltung", "Moskau droht mit Vergeltung",
     "[La Russie] menace de représailles", "Moscou menace de représailles",
     "[Rusia] amenaza con represalias", "Moscú amenaza con represalias", "warn"),
    ("[France] threatens retaliation", "Moscow threatens retaliation",
     "[Frankreich] droht mit Vergeltung", "Moskau droht mit Vergeltung",
     "[La France] menace de représailles", "Moscou menace de représailles",
     "[Francia] amenaza con represalias", "Moscú amenaza con represalias", "fail"),
    ("[Putin] threatens retaliation", "Kremlin threatens retaliation",
     "[Putin] droht mit Vergeltung", "Kreml droht mit Vergeltung",
     "[Poutine] menace de représailles", "Kremlin menace de représailles",
     "[Putin] amenaza con represalias", "Kremlin amenaza con represalias", "fail"),
    ("[Germany] says no", "Berlin says no", "[Deutschland] sagt nein", "Berlin sagt nein",
     "[Allemagne] dit non", "Berlin dit non", "[Alemania] dice que no", "Berlín dice que no", "warn"),
    ("That is what [Russia] said today", "That is what Moscow said today",
     "Das sagte [Russland] heute", "Das sagte Moskau heute",
     "C'est ce que [la Russie] a dit", "C'est ce que Moscou a dit",
     "Eso dijo [Rusia] hoy", "Eso dijo Moscú hoy", "warn"),
    ("[Putin] threatens retaliation", "The Kremlin threatens retaliation",
     "[Putin] droht mit Vergeltung", "Der Kreml droht mit Vergeltung",
     "[Poutine] menace de représailles", "Le Kremlin menace de représailles",
     "[Putin] amenaza con represalias", "El Kremlin amenaza con represalias", "warn"),
    ("[Trump] threatens tariffs", "The White House threatens tariffs",
     "[Trump] droht mit Zöllen", "Das Weiße Haus droht mit Zöllen",
     "[Trump] menace de sanctions", "La Maison Blanche menace de sanctions",
     "[Trump] amenaza con aranceles", "La Casa Blanca amenaza con aranceles", "warn"),
    ("[The government] threatens retaliation", "Moscow threatens retaliation",
     "[Die Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung",
     "[Le gouvernement] menace Washington", "Washington menace Washington",
     "[El gobierno] amenaza con represalias", "Washington amenaza con represalias", "warn"),
    ("[The government] threatens retaliation", "Moscow threatens retaliation",
     "[Die Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung",
     "[Le gouvernement] menace de représailles", "Moscou menace de représailles",
     "[El gobierno] amenaza con represalias", "Moscú amenaza con represalias", "warn"),
]


@pytest.mark.parametrize("row", _METONYMS, ids=["capital-for-its-country", "capital-for-another-country",
                                                "seat-for-person", "city-for-its-country",
                                                "inside-a-sentence", "seat-after-an-article",
                                                "a-named-seat-after-an-article", "a-body-for-a-place",
                                                "a-body-for-a-capital-in-its-own-language"])
def test_a_place_metonym_gets_one_verdict_in_every_language(row):
    *pairs, expected = row
    for (said, found), lang in zip(zip(pairs[::2], pairs[1::2]), ("en", "de", "fr", "es")):
        if said is None:
            continue
        for given in (lang, None):
            c = compare(said, found, lang=given)
            assert c.result == expected, (lang, given, said, c.evidence)


@pytest.mark.parametrize("said,found,lang", [
    ("[The government] threatens retaliation", "Moscow threatens retaliation", None),
    ("[the authorities] threatened retaliation", "Moscow threatened retaliation", None),
    ("Yesterday [the city council] said no", "Yesterday Washington said no", None),
    ("[Le gouvernement] menace Washington", "Washington menace Washington", "fr"),
], ids=["government", "authorities-plural-in-ies", "council", "french"])
def test_a_body_for_a_known_place_warns_saying_so(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "(a body for a place the post names: check who is meant)" in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[The government] said no", "Jones said no", "Jones → [The government]"),
    ("[The French government] said no", "Moscow said no", "Moscow → [The French government]"),
    ("[Paris] said no", "Moscow said no", "Moscow → [Paris]"),
    ("[Putin] said no", "Le Kremlin Bar said no", None),
], ids=["a-body-for-a-person", "a-body-with-a-capital", "a-place-for-a-place", "a-seat-in-a-name"])
def test_a_body_for_a_person_or_with_another_capital_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown is None or shown in c.evidence, c.evidence


def test_a_place_metonym_in_a_headline_gets_the_sentence_s_verdict():
    c = compare("Mayor Says [France] Threatens Retaliation", "Mayor Says Moscow Threatens Retaliation")
    assert c.result == "fail", c.evidence
    assert "Moscow → [France]" in c.evidence, c.evidence


# quotes37 (1): a capital's name in German, French or Spanish ("Moskau", "Moscou", "Moscú", "Pékin", "Varsovie", "Kiew")
# was no listed place, so a governing body in brackets for it ("[Le gouvernement]" for "Moscou") failed where the
# English post's "Moscow" warned: one verdict in every language (the place list gained a table of capitals' and
# countries' names, resolver/extract/credit_places.py `_CAPITALS`).
@pytest.mark.parametrize("said,found,lang", [
    ("[Le gouvernement] menace de représailles", "Moscou menace de représailles", "fr"),
    ("[El gobierno] amenaza con represalias", "Moscú amenaza con represalias", "es"),
    ("[Die Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de"),
    ("[Die Regierung] droht mit Vergeltung", "Peking droht mit Vergeltung", "de"),
    ("[Le gouvernement] menace de représailles", "Pékin menace de représailles", "fr"),
    ("[Le gouvernement] menace de représailles", "Varsovie menace de représailles", "fr"),
    ("[Die Regierung] droht mit Vergeltung", "Kiew droht mit Vergeltung", "de"),
    ("[Die Regierung] droht mit Vergeltung", "Kyjiw droht mit Vergeltung", "de"),
    ("[El gobierno] amenaza con represalias", "Varsovia amenaza con represalias", "es"),
    ("[The government] threatens retaliation", "Peking threatens retaliation", "en"),
    ("[Le gouvernement] menace de représailles", "Londres menace de représailles", "fr"),
], ids=["fr-moscou", "es-moscu", "de-moskau", "de-peking", "fr-pekin", "fr-varsovie", "de-kiew", "de-kyjiw",
        "es-varsovia", "en-peking", "fr-londres"])
def test_quotes37_a_body_for_a_capital_written_in_its_own_language_warns_saying_so(said, found, lang):
    for given in (lang, None):
        c = compare(said, found, lang=given)
        assert c.result == "warn", (given, c.evidence)
        assert "(a body for a place the post names: check who is meant)" in c.evidence, (given, c.evidence)


# quotes37 (2): a capital replaced in brackets by its own country ("[Russia]" for "Moscow") is an honest clarification
# (a news text writes the capital for the state): a warn saying so, in every language. Another country fails.
@pytest.mark.parametrize("said,found,lang", [
    ("[Russia] threatens retaliation", "Moscow threatens retaliation", "en"),
    ("[Russland] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de"),
    ("[La Russie] menace de représailles", "Moscou menace de représailles", "fr"),
    ("[Rusia] amenaza con represalias", "Moscú amenaza con represalias", "es"),
    ("[Germany] says no", "Berlin says no", "en"),
    ("[China] says no to the plan", "Beijing says no to the plan", "en"),
    ("[Ukraine] says no to the plan", "Kyiv says no to the plan", "en"),
    ("Mayor Says [Russia] Threatens Retaliation", "Mayor Says Moscow Threatens Retaliation", "en"),
], ids=["en", "de", "fr", "es", "berlin", "beijing", "kyiv", "headline"])
def test_quotes37_a_country_for_its_own_capital_warns_saying_so(said, found, lang):
    for given in (lang, None):
        c = compare(said, found, lang=given)
        assert c.result == "warn", (given, c.evidence)
        assert "a place named for its government: check" in c.evidence, (given, c.evidence)


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[France] threatens retaliation", "Moscow threatens retaliation", "en", "Moscow → [France]"),
    ("[Frankreich] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de", "Moskau → [Frankreich]"),
    ("[La France] menace de représailles", "Moscou menace de représailles", "fr", "Moscou → [La France]"),
    ("[Francia] amenaza con represalias", "Moscú amenaza con represalias", "es", "Moscú → [Francia]"),
    ("[Ukraine] threatens retaliation", "Moscow threatens retaliation", "en", "Moscow → [Ukraine]"),
    ("[Russland] droht mit Vergeltung", "Kiew droht mit Vergeltung", "de", "Kiew → [Russland]"),
    ("Mayor Says [France] Threatens Retaliation", "Mayor Says Moscow Threatens Retaliation", "en", "Moscow → [France]"),
], ids=["en", "de", "fr", "es", "a-neighbour", "de-a-neighbour", "headline"])
def test_quotes37_a_country_for_another_s_capital_still_fails(said, found, lang, shown):
    for given in (lang, None):
        c = compare(said, found, lang=given)
        assert c.result == "fail", (given, c.evidence)
        assert shown in c.evidence, (given, c.evidence)


# quotes37 (3): "[The Russian government]" for "Moscow" failed in English (a capital in the brackets named more) while
# "[Die russische Regierung]" for "Moskau" warned in German: the capital's own people's government is the body the
# capital stands for (a warn in both); another people's ("[Die französische Regierung]" for "Moskau") fails in both.
@pytest.mark.parametrize("said,found,lang", [
    ("[The Russian government] threatens retaliation", "Moscow threatens retaliation", "en"),
    ("[Die russische Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de"),
    ("[Le gouvernement russe] menace de représailles", "Moscou menace de représailles", "fr"),
    ("[El gobierno ruso] amenaza con represalias", "Moscú amenaza con represalias", "es"),
    ("[The Chinese authorities] said no", "Beijing said no", "en"),
], ids=["en", "de", "fr", "es", "en-plural"])
def test_quotes37_a_body_of_the_capital_s_own_people_warns_in_every_language(said, found, lang):
    for given in (lang, None):
        c = compare(said, found, lang=given)
        assert c.result == "warn", (given, c.evidence)
        assert "(a body for a place the post names: check who is meant)" in c.evidence, (given, c.evidence)


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[The French government] threatens retaliation", "Moscow threatens retaliation", "en", "Moscow → [The French"),
    ("[Die französische Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de", "Moskau → [Die"),
    ("[Le gouvernement français] menace de représailles", "Moscou menace de représailles", "fr", "Moscou → [Le"),
    ("[El gobierno francés] amenaza con represalias", "Moscú amenaza con represalias", "es", "Moscú → [El"),
    ("[The Ukrainian government] said no", "Moscow said no", "en", "Moscow → [The Ukrainian government]"),
], ids=["en", "de", "fr", "es", "a-neighbour"])
def test_quotes37_a_body_of_another_people_for_a_capital_fails_in_every_language(said, found, lang, shown):
    for given in (lang, None):
        c = compare(said, found, lang=given)
        assert c.result == "fail", (given, c.evidence)
        assert shown in c.evidence, (given, c.evidence)


# quotes37 (4): a role written first with the words saying which after it ("Presidente del Gobierno", "Minister of
# Defence", "Secretary of State") is a role as "Defence Minister" is: a name in brackets for it warns with the reason
# ("[Sánchez]" for "Presidente del Gobierno" warned with none; "[Pistorius]" for "Minister of Defence" failed).
@pytest.mark.parametrize("said,found,lang", [
    ("[Sánchez] dijo que no", "Presidente del Gobierno dijo que no", "es"),
    ("[Pistorius] said no", "Minister of Defence said no", "en"),
    ("[Blinken] said no", "Secretary of State said no", "en"),
    ("[Sánchez] a dit non", "Le Président du gouvernement a dit non", "fr"),
], ids=["es", "en-of", "en-secretary-of-state", "fr-article"])
def test_quotes37_a_name_for_a_role_written_before_what_says_which_warns_saying_so(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert NAME_FOR_A_ROLE in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,shown", [
    ("[Merz] said no", "Minister Pistorius said no", "en", "Minister Pistorius → [Merz]"),
    ("[Merz] dijo que no", "Presidente Sánchez dijo que no", "es", "Presidente Sánchez → [Merz]"),
    ("[Merz] said no", "Minister of Defence Pistorius said no", "en", "Pistorius"),
], ids=["role-and-name", "es-role-and-name", "role-of-and-name"])
def test_quotes37_a_name_for_a_role_and_a_name_still_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


# quotes37 (5): "[Haniyeh]" for "Hamas leader" failed: "Hamas" is no listed body, so the capital before the role read
# as a surname ("Scholz spokesman"). A person has no leader, chief or head: a capital before such a role names a body,
# and a name in brackets for it is the role case (a warn). Before "spokesman", which follows a person as often, a
# listed armed or political movement says which (a surname still fails).
@pytest.mark.parametrize("said,found", [
    ("[Haniyeh] said no", "Hamas leader said no"),
    ("[Haniyeh] said no", "Hamas chief said no"),
    ("[Haniyeh] said no", "The Hamas head said no"),
    ("[Nasrallah] said no", "Hezbollah leader said no"),
    ("[Prigozhin] said no", "Wagner chief said no"),
    ("[Abu Obeida] said no", "Hamas spokesman said no"),
    ("[Mujahid] said no", "Taliban spokesman said no"),
], ids=["leader", "chief", "head", "hezbollah", "wagner", "listed-spokesman", "taliban-spokesman"])
def test_quotes37_a_name_for_a_body_s_leader_warns_as_a_role(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert NAME_FOR_A_ROLE in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("[Haniyeh] said no", "Peace said no", "Peace → [Haniyeh]"),
    ("[Haniyeh] said no", "Hamas said no", "Hamas → [Haniyeh]"),
    ("[Merz] said no", "Scholz spokesman said no", "Scholz spokesman → [Merz]"),
    ("[Sinwar] said no", "Haniyeh said no", "Haniyeh → [Sinwar]"),
    ("[Haniyeh] said no", "Sinwar aide said no", "Sinwar aide → [Haniyeh]"),
    ("[Merz] said no", "Wagner spokesman said no", "Wagner spokesman → [Merz]"),
], ids=["a-noun", "the-body-itself", "a-surname-and-spokesman", "a-name", "a-surname-and-aide",
        "a-surname-that-is-a-body-too"])
def test_quotes37_a_name_for_a_noun_a_body_or_a_surname_s_aide_still_fails(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang,reason", [
    ("[Ukraine's government] said no", "Kyiv said no", "en", "(a body for a place the post names: check who is meant)"),
    ("[Indien] sagt nein", "Neu-Delhi sagt nein", "de", "a place named for its government: check"),
    ("[Biden] said no", "President of the United States said no", "en", NAME_FOR_A_ROLE),
], ids=["a-country-s-government", "a-hyphenated-capital", "a-role-of-a-country"])
def test_quotes37_a_country_s_own_body_a_hyphenated_capital_and_a_country_s_role_warn_saying_so(said, found, lang,
                                                                                              reason):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert reason in c.evidence, c.evidence


# quotes36 (3): a surname with particles and no first name ("von der Leyen", "de la Fuente", "van Aken", "al-Assad")
# replaced whole in brackets by another surname warned in a German post: "von der Stadt" is written alike, so the
# capital after "von der" was no name. Where the brackets replace the particles too, the run is one surname: a swap
# fails. Brackets in place of the capital alone ("von der [Berlin]" for "von der Stadt") still warn.
@pytest.mark.parametrize("said,found,shown", [
    ("[Scholz] sagte nein zu mehr Geld", "von der Leyen sagte nein zu mehr Geld", "von der Leyen → [Scholz]"),
    ("Gestern sagte [Scholz] nein", "Gestern sagte von der Leyen nein", "von der Leyen → [Scholz]"),
    ("[Scholz] sagte nein", "Von der Leyen sagte nein", "Von der Leyen → [Scholz]"),
    ("Wir danken [Merz] für die Hilfe", "Wir danken van Aken für die Hilfe", "van Aken → [Merz]"),
    ("[Merz] sagte nein zu mehr Geld", "de la Fuente sagte nein zu mehr Geld", "de la Fuente → [Merz]"),
    ("[Sisi] sagte nein zu mehr Geld", "al-Assad sagte nein zu mehr Geld", "al Assad → [Sisi]"),
    ("[Sisi] sagte nein zu mehr Geld", "bin Salman sagte nein zu mehr Geld", "bin Salman → [Sisi]"),
    ("[Baerbock] sagte nein", "zu Guttenberg sagte nein", "zu Guttenberg → [Baerbock]"),
], ids=["von-der", "inside", "capital-von", "van", "de-la", "al", "bin", "zu"])
def test_a_german_post_s_surname_with_particles_replaced_by_another_fails(said, found, shown):
    c = compare(said, found, lang="de")
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Ursula von der Leyen] sagte nein", "von der Leyen sagte nein"),
    ("[Die Kommissionspräsidentin] sagte nein", "von der Leyen sagte nein"),
    ("[Kommissionschefin von der Leyen] sagte nein", "von der Leyen sagte nein"),
    ("[Sie] sagte nein", "von der Leyen sagte nein"),
    ("Hilfe von der [Berlin] kommt", "Hilfe von der Stadt kommt"),
    ("Hilfe [Berlins] kommt", "Hilfe von der Stadt kommt"),
    ("Geld [Brüssels] kommt", "Geld von der Kommission kommt"),
], ids=["full-name", "role", "titled", "pronoun", "noun-after-von-der", "a-city-for-von-der-stadt",
        "a-seat-for-a-body"])
def test_brackets_holding_the_surname_a_role_or_a_noun_for_particles_still_warn(said, found):
    c = compare(said, found, lang="de")
    assert c.result == "warn", c.evidence


# quotes36 (4): in a headline in title case every word has a capital, so only a first name with a capital after it
# ("Joe Biden") was a name there: "Mayor Resigns After [Merkel] Scandal" for "... Biden Scandal" warned. A headline's
# capital is now a name where the brackets in its place hold a bare name, as for a German post's capitals (quotes35);
# a role ("Mayor"), an article's title, a pronoun still warn.
@pytest.mark.parametrize("said,found,shown", [
    ("Mayor Resigns After [Merkel] Scandal", "Mayor Resigns After Biden Scandal", "Biden → [Merkel]"),
    ("Mayor Resigns after [Merkel] Scandal", "Mayor Resigns after Biden Scandal", "Biden → [Merkel]"),
    ("[Trump] Signs Climate Bill Into Law", "Biden Signs Climate Bill Into Law", "Biden → [Trump]"),
    ("[TRUMP] SIGNS CLIMATE BILL INTO LAW", "BIDEN SIGNS CLIMATE BILL INTO LAW", "BIDEN → [TRUMP]"),
    ("[Biden] Rises Again Across Country", "Inflation Rises Again Across Country", "Inflation → [Biden]"),
    ("Why [Paris] Says No To Tolls", "Why Berlin Says No To Tolls", "Berlin → [Paris]"),
], ids=["title-case", "small-preposition", "first-word", "all-capitals", "a-noun", "a-place"])
def test_a_name_replaced_in_a_headline_fails_as_in_a_sentence(said, found, shown):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Smith] Resigns After Scandal", "Mayor Resigns After Scandal"),
    ("[The Measure] Passes Senate", "Bill Passes Senate"),
    ("[Biden] Signs Climate Bill Into Law", "President Signs Climate Bill Into Law"),
    ("[Putin] Threatens Retaliation Over Strikes", "The Kremlin Threatens Retaliation Over Strikes"),
    ("[It] Passes Senate After Long Debate", "Bill Passes Senate After Long Debate"),
    ("[Protesters] Gather Outside City Hall", "Demonstrators Gather Outside City Hall"),
], ids=["role", "an-article", "name-for-a-role", "article-title", "pronoun", "a-role-plural"])
def test_brackets_in_a_headline_for_a_role_a_title_or_with_no_name_still_warn(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence


_SURNAMES = ["Biden", "Merkel", "Scholz", "Trump", "Macron", "Sunak", "Meloni", "Orban", "Tusk", "Zelensky"]
_HEADLINE_WORDS = ["Signs", "Rejects", "Defends", "Budget", "Deal", "After", "Vote", "Over", "Tolls", "Plan", "Wins",
                   "Bill", "Talks", "Amid", "Crisis", "Says", "No", "To", "New", "Taxes"]


@given(ours=st.sampled_from(_SURNAMES), theirs=st.sampled_from(_SURNAMES),
       words=st.lists(st.sampled_from(_HEADLINE_WORDS), min_size=3, max_size=7), at=st.integers(0, 7))
def test_a_surname_for_another_in_a_title_case_headline_fails_wherever_it_stands(ours, theirs, words, at):
    """quotes36 (4), as a property: a headline's surname replaced by another in brackets fails, as in a sentence."""
    assume(ours != theirs)
    at = min(at, len(words))
    post = " ".join(words[:at] + [theirs] + words[at:])
    said = " ".join(words[:at] + [f"[{ours}]"] + words[at:])
    c = compare(said, post)
    assert c.result == "fail" and f"{theirs} → [{ours}]" in c.evidence, (said, post, c.evidence)


# review36c: a surname before a role ("Erdogan spokesman", "Khan spokesman", "Meloni spokesman") was taken as a
# people's adjective by its ending (-an, -i, -ic, -ch: "German", "Saudi"), so "[Merz]" in its place, another person
# named, only warned as "a name for a role". A people's adjective is one of a list, not an ending; "Scholz spokesman"
# failed and so do these. The listed adjectives still say which office ("Ukrainian Defence Minister").
@pytest.mark.parametrize("said,found", [
    ("[Merz] said no", "Erdogan spokesman said no"),
    ("[Smith] said no", "Khan spokesman said no"),
    ("[Kirby] said no", "Sullivan spokesman said no"),
    ("[Meloni] said no", "Draghi spokesman said no"),
    ("[Smith] said no", "Modi spokesman said no"),
    ("[Merz] said no", "Erdogan's spokesman said no"),
    ("[Smith] said no", "Orban aide said no"),
    ("[Smith] said no", "Dominic spokesman said no"),
], ids=["-an", "-an-short", "-ian", "-i", "-i-short", "possessive", "another-role", "-ic"])
def test_review36c_a_surname_with_a_people_s_ending_before_a_role_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert NAME_FOR_A_ROLE not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Zelensky] said no", "Ukrainian President said no"),
    ("[Merz] said no", "German Chancellor said no"),
    ("[Sunak] said no", "British Prime Minister said no"),
    ("[Al-Saud] said no", "Saudi Foreign Minister said no"),
    ("[Xi] said no", "Chinese President said no"),
    ("[Schumer] said no", "Democratic leader said no"),
    ("[McConnell] said no", "Republican leader said no"),
], ids=["ukrainian", "german", "british", "saudi", "chinese", "democratic", "republican"])
def test_review36c_a_people_s_adjective_before_a_role_still_says_which_office(said, found):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert NAME_FOR_A_ROLE in c.evidence, c.evidence


_ROLE_WORDS = ["spokesman", "spokeswoman", "aide", "adviser", "minister", "secretary"]


@given(ours=st.sampled_from(_SURNAMES + ["Erdogan", "Khan", "Modi", "Draghi", "Sullivan"]),
       theirs=st.sampled_from(_SURNAMES + ["Erdogan", "Khan", "Modi", "Draghi", "Sullivan"]),
       role=st.sampled_from(_ROLE_WORDS))
def test_review36c_a_surname_before_a_role_replaced_by_another_fails_as_a_property(ours, theirs, role):
    """review36c, as a property: "[Ours] said no" for "Theirs spokesman said no" names another person: a fail."""
    assume(ours != theirs)
    c = compare(f"[{ours}] said no to the plan", f"{theirs} {role} said no to the plan")
    assert c.result == "fail" and NAME_FOR_A_ROLE not in c.evidence, c.evidence


# review36c: quotes36's "a body for a place" took any role word as the body ("[The opposition]", "[The company]",
# "[The rebels]" for "Moscow" or "Paris" warned "a body for a place the post names": the post's city stands for its
# government, and the opposition is another party, the meaning changed): only a governing body or office stands for
# a place. And its German rule that a capital after a capitalised adjective after an article is a name's noun ("Das
# Weiße Haus") made "Habeck" of "Der Grüne Habeck" no name: "[Trump]" in its place only warned.
@pytest.mark.parametrize("said,found,lang,shown", [
    ("[The opposition] threatens retaliation", "Moscow threatens retaliation", None, "Moscow → [The opposition]"),
    ("[The company] says no", "Paris says no", None, "Paris → [The company]"),
    ("[The army] says no", "Kyiv says no", None, "Kyiv → [The army]"),
    ("[Trump] sagt nein", "Der Grüne Habeck sagt nein", "de", "Habeck → [Trump]"),
    ("[Merz] sagt nein", "Die Linke Wagenknecht sagt nein", "de", "Wagenknecht → [Merz]"),
], ids=["opposition", "company", "army", "de-adjective-and-name", "de-party-and-name"])
def test_review36c_no_governing_body_for_a_place_or_a_name_after_an_adjective_fails(said, found, lang, shown):
    c = compare(said, found, lang=lang)
    assert c.result == "fail", c.evidence
    assert shown in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,lang", [
    ("[The regime] threatens retaliation", "Moscow threatens retaliation", None),
    ("[Officials] said no", "Washington said no", None),
    ("[The mayor] says no", "Paris says no", None),
    ("[Die Regierung] droht mit Vergeltung", "Moskau droht mit Vergeltung", "de"),
    ("[Trump] sagt nein", "Das Weiße Haus sagt nein", "de"),
], ids=["regime", "officials", "mayor", "de-authorities", "de-white-house"])
def test_review36c_a_governing_body_for_a_place_and_a_seat_still_warn(said, found, lang):
    assert compare(said, found, lang=lang).result == "warn"


# newuser37 §3: "No arrests were made at the march" quoted as "Arrests were made at the march" warned as a partial
# quote that may leave out "No": the quote's capital says it starts a sentence, which in the post starts with "No".
LEADING_NEGATIONS = [
    ("no", "Arrests were made at the march.", "No arrests were made at the march. Reports of 40 are false.", "No",
     "Arrests"),
    ("nothing", "Happened at the depot.", "Nothing happened at the depot.", "Nothing", "Happened"),
    ("not-mid-sentence", "Evidence of fraud was found", "We say no evidence of fraud was found", "no", "Evidence"),
    ("nobody", "Knew the plan", "Nobody knew the plan", "Nobody", "Knew"),
]


@pytest.mark.parametrize("said,found,negation,first", [r[1:] for r in LEADING_NEGATIONS],
                         ids=[r[0] for r in LEADING_NEGATIONS])
def test_a_quote_opening_as_a_sentence_right_after_the_posts_negation_fails(said, found, negation, first):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f'1 change in the quoted words: dropped the negation "{negation}" (the quote '
                                 f'opens with "{first}" as a sentence start'), c.evidence
    assert any(turns_around(ch) for ch in c.changes)   # beside a link, a negation dropped alone still fails


@pytest.mark.parametrize("said,found", [
    ("arrests were made at the march", "No arrests were made at the march."),      # lower case: a cut, said as one
    ("[A]rrests were made at the march", "No arrests were made at the march."),    # the article marks its capital
    ("Biden won the vote", "Not Biden won the vote"),                              # the post's capital too: a name
    ("Tego nie", "Nigdy tego nie powiedziałem"),                                   # no space-less rule is loosened
], ids=["lower-case-cut", "bracketed-capital", "capital-in-the-post", "polish"])
def test_a_cut_after_a_negation_that_does_not_open_a_sentence_still_only_warns(said, found):
    c = compare(said, found)
    assert c.result == "warn" and "right before them (a negation the quote leaves out?)" in c.evidence, c.evidence


def test_a_dropped_leading_negation_fails_in_embed_code_and_beside_a_link():
    from resolver.provenance import text_check

    post = {"status": "available", "post_id": "1790000000000000001", "archived": [],
            "text": "No arrests were made at Saturday's march. Reports of 40 arrests are false."}
    said = "Arrests were made at Saturday's march. Reports of 40 arrests are false."
    for detector in ("html-blockquote", "html-link"):
        check = text_check({"text": said, "detector": detector, "text_confidence": "high"}, post)
        assert check["result"] == "fail", (detector, check)
        assert 'dropped the negation "No"' in check["evidence"], check


# verdicts38 (review37e, quotes37, fixnu37e: left alone): a figure written otherwise in an honest rewrite failed as a
# changed figure: a whole hour with its ":00" ("at 9" quoted "at 9:00"), a year's last two figures with an
# apostrophe ("'24" quoted "2024"), zeros after a decimal point ("3" quoted "3.0"). They warn, saying what differs,
# in both directions; a figure that is another ("9" → "19", "3" → "30", "2023" → "2024", "$3m" → "$30m") still fails.
FIGURE_REWRITES = [
    ("hour-00", "We meet at 9:00 tomorrow", "We meet at 9 tomorrow", "9 → 9:00 (the same time, whole hours"),
    ("hour-00-in-post", "We meet at 9 tomorrow", "We meet at 9:00 tomorrow", "9:00 → 9 (the same time, whole hours"),
    ("hour-00-spaced-pm", "Doors open 9:00 pm sharp", "Doors open 9 pm sharp", "9 → 9:00 (the same time, whole hours"),
    ("hour-dotted-00", "We meet at 9.00 tomorrow", "We meet at 9 tomorrow", "9 → 9.00 (the same time, whole hours"),
    ("year-apostrophe", "The class of 2024 graduates", "The class of '24 graduates",
     "'24 → 2024 (the same year, its last two figures with an apostrophe on one side)"),
    ("year-apostrophe-in-article", "The class of '24 graduates", "The class of 2024 graduates",
     "2024 → '24 (the same year, its last two figures with an apostrophe on one side)"),
    ("year-curly-apostrophe", "The class of ’24 graduates", "The class of 2024 graduates", "2024 → '24"),
    ("decimal-zero", "Growth was 3.0 percent", "Growth was 3 percent",
     "3 → 3.0 (the same figure, with zeros after its decimal point on one side)"),
    ("decimal-zero-in-post", "Growth was 3 percent", "Growth was 3.0 percent", "3.0 → 3 (the same figure, with zeros"),
    ("decimal-trailing-zero", "Growth was 3.50 percent", "Growth was 3.5 percent", "3.5 → 3.50 (the same figure"),
    ("decimal-comma-zero", "Das Wachstum lag bei 3,0 Prozent", "Das Wachstum lag bei 3 Prozent", "3 → 3,0"),
    ("money-zero", "It cost $3.0m in total", "It cost $3m in total", "$3m → $3.0m (the same figure, with zeros"),
    ("per-cent-sign-zero", "Growth was 3.0% this year", "Growth was 3% this year", "3% → 3.0% (the same figure"),
    ("quantity-at", "It stood at 9.00 percent", "It stood at 9 percent", "9 → 9.00 (the same figure, with zeros"),
]


@pytest.mark.parametrize("said,found,shown", [r[1:] for r in FIGURE_REWRITES], ids=[r[0] for r in FIGURE_REWRITES])
def test_a_figure_written_otherwise_in_an_honest_rewrite_warns_saying_what_differs(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "1 figure written otherwise: " + shown in c.evidence, c.evidence
    assert not c.turned and not any(turns_around(ch) for ch in c.changes if not ch.alike)


FIGURE_CHANGES = [
    ("hour-other", "We meet at 19 tomorrow", "We meet at 9 tomorrow"),
    ("hour-19-00", "We meet at 19:00 tomorrow", "We meet at 9 tomorrow"),
    ("hour-other-minutes", "We meet at 9:30 tomorrow", "We meet at 9 tomorrow"),
    ("hour-other-minutes-in-post", "We meet at 9 tomorrow", "We meet at 9:30 tomorrow"),
    ("hour-pm-dropped", "We meet at 9:00 tomorrow", "We meet at 9 pm tomorrow"),
    ("ten-times", "Growth was 30 percent", "Growth was 3 percent"),
    ("ten-times-in-post", "Growth was 3 percent", "Growth was 30 percent"),
    ("decimal-other", "Growth was 3.5 percent", "Growth was 3 percent"),
    ("decimal-0-for-30", "Growth was 3.0 percent", "Growth was 30 percent"),
    ("decimal-three-zeros", "It weighed 3.000 tonnes", "It weighed 3 tonnes"),   # 3000 with a German full stop
    ("decimal-3-05", "Growth was 3.5 percent", "Growth was 3.05 percent"),
    ("year-other", "Sales in 2024 were up", "Sales in 2023 were up"),
    ("year-other-in-post", "Sales in 2023 were up", "Sales in 2024 were up"),
    ("year-apostrophe-other", "The class of 2023 graduates", "The class of '24 graduates"),
    ("year-without-apostrophe", "The class of 2024 graduates", "The class of 24 graduates"),
    ("money-ten-times", "It cost $30m in total", "It cost $3m in total"),
    ("money-other-sign", "It cost €3.0m in total", "It cost $3m in total"),
    ("money-other-unit", "It cost $3.0bn in total", "It cost $3m in total"),
]


@pytest.mark.parametrize("said,found", [r[1:] for r in FIGURE_CHANGES], ids=[r[0] for r in FIGURE_CHANGES])
def test_a_figure_that_is_another_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert "written otherwise" not in c.evidence, c.evidence


# verdicts38 (review37e): a contraction written out ("don't" quoted "do not") failed as a changed word, and so did
# the reverse; both are the same words, which warn as written otherwise. A negation added or dropped with it ("do"
# quoted "don't", "don't" quoted "do") still fails.
CONTRACTIONS = [
    ("dont", "I do not agree with this", "I don't agree with this", "don't → do not"),
    ("do-not-in-post", "I don't agree with this", "I do not agree with this", "do not → don't"),
    ("curly", "I do not agree with this", "I don’t agree with this", "don't → do not"),
    ("curly-in-article", "I don’t agree with this", "I do not agree with this", "do not → don't"),
    ("its", "It is over now", "It's over now", "It's → It is"),
    ("wont", "We will not stop", "We won't stop", "won't → will not"),
    ("cant-cannot", "We cannot stop", "We can't stop", "can't → cannot"),
    ("cant-can-not", "We can not stop", "We can't stop", "can't → can not"),
    ("cannot-can-not", "We can not stop", "We cannot stop", "cannot → can not"),
    ("im", "I am not leaving", "I'm not leaving", "I'm → I am"),
    ("theyre-and-isnt", "They are sure it is not over", "They're sure it isn't over", "2 words written otherwise"),
    ("lets", "Let us begin", "Let's begin", "Let's → Let us"),
    ("hes-has", "He has gone", "He's gone", "He's → He has"),   # "he's" is "he is" or "he has": either written out
]


@pytest.mark.parametrize("said,found,shown", [r[1:] for r in CONTRACTIONS], ids=[r[0] for r in CONTRACTIONS])
def test_a_contraction_written_out_or_the_reverse_warns_as_the_same_words(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert shown in c.evidence and "(the same words, contracted on one side)" in c.evidence, c.evidence
    assert not c.turned


@pytest.mark.parametrize("said,found", [
    ("I don't agree with this", "I do agree with this"),
    ("I do agree with this", "I don't agree with this"),
    ("We won't stop", "We will stop"),
    ("We will stop", "We won't stop"),
    ("I do not agree with this", "I do agree with this"),
    ("We will not stop", "We can't stop"),
    ("It is over now", "It was over now"),
    ("He is gone", "He has gone"),
    ("I do not agree with this", "I did not agree with this"),
    ("We can stop", "We can't stop"),
    ("I will not agree", "I'd agree"),
], ids=["not-added", "not-dropped", "wont-for-will", "will-for-wont", "do-not-for-do", "will-not-for-cant",
        "is-for-was", "is-for-has", "do-for-did", "cant-for-can", "would-for-will-not"])
def test_a_negation_or_another_word_beside_a_contraction_still_fails(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert "contracted" not in c.evidence, c.evidence


# verdicts38 (quotes37, left alone): a capital's own seat of power ("[The Kremlin]" for "Moscow") or its country's
# everyday name ("[America]" for "Washington") in brackets failed, where "[Russia]" for "Moscow" warned: the same
# clarification, which warns saying so; another capital's seat or country still fails.
SEATS_FOR_CAPITALS = [
    ("kremlin", "[The Kremlin] threatens retaliation", "Moscow threatens retaliation", "warn"),
    ("kreml", "[Der Kreml] droht mit Vergeltung", "Moskau droht mit Vergeltung", "warn"),
    ("le-kremlin", "[Le Kremlin] menace de représailles", "Moscou menace de représailles", "warn"),
    ("white-house", "[The White House] threatens tariffs", "Washington threatens tariffs", "warn"),
    ("weisse-haus", "[Das Weiße Haus] droht mit Zöllen", "Washington droht mit Zöllen", "warn"),
    ("downing-street", "[Downing Street] said no", "London said no", "warn"),
    ("elysee", "[L'Élysée] a dit non", "Paris a dit non", "warn"),
    ("america", "[America] threatens tariffs", "Washington threatens tariffs", "warn"),
    ("amerika", "[Amerika] droht mit Zöllen", "Washington droht mit Zöllen", "warn"),
    ("kremlin-for-washington", "[The Kremlin] threatens tariffs", "Washington threatens tariffs", "fail"),
    ("white-house-for-moscow", "[The White House] threatens retaliation", "Moscow threatens retaliation", "fail"),
    ("elysee-for-berlin", "[The Élysée] said no", "Berlin said no", "fail"),
    ("america-for-moscow", "[America] threatens retaliation", "Moscow threatens retaliation", "fail"),
    ("kremlin-for-a-person", "[The Kremlin] threatens retaliation", "Peskov threatens retaliation", "fail"),
]


@pytest.mark.parametrize("said,found,result", [r[1:] for r in SEATS_FOR_CAPITALS],
                         ids=[r[0] for r in SEATS_FOR_CAPITALS])
def test_a_capitals_own_seat_or_country_in_brackets_warns_another_fails(said, found, result):
    c = compare(said, found)
    assert c.result == result, c.evidence
    if result == "warn":
        assert "check who is meant" in c.evidence, c.evidence


# verdicts38 (quotes37, left alone): brackets holding a word of the post's own ("[Der Bundeskanzler]" for
# "Bundeskanzler Scholz", "[The Chancellor]" for "Chancellor Scholz") were read word by word: the role word matched
# the post's, and the name the brackets stand in place of was "dropped", a fail with no word of the brackets; a name
# with its role added ("[Bundeskanzler Scholz]" for "Scholz") was words "glued on by the page or a scraper?". The
# brackets are read whole, in place of the post's words beside the one they share.
ROLE_FIRST = [
    ("bundeskanzler", "[Der Bundeskanzler] sagte, die Gespräche gehen weiter",
     "Bundeskanzler Scholz sagte, die Gespräche gehen weiter",
     '"[Der Bundeskanzler]" in place of "Bundeskanzler Scholz" (a role for a name: check who holds it)'),
    ("kanzler", "[Der Kanzler] sagte, die Gespräche gehen weiter", "Kanzler Scholz sagte, die Gespräche gehen weiter",
     '"[Der Kanzler]" in place of "Kanzler Scholz" (a role for a name: check who holds it)'),
    ("chancellor", "[The Chancellor] said the talks will go on", "Chancellor Scholz said the talks will go on",
     '"[The Chancellor]" in place of "Chancellor Scholz" (a role for a name: check who holds it)'),
    ("role-added", "[Bundeskanzler Scholz] sagte, die Gespräche gehen weiter",
     "Scholz sagte, die Gespräche gehen weiter", '"[Bundeskanzler Scholz]" in place of "Scholz"'),
]


@pytest.mark.parametrize("said,found,shown", [r[1:] for r in ROLE_FIRST], ids=[r[0] for r in ROLE_FIRST])
def test_brackets_sharing_a_word_with_the_post_are_read_whole(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "the article's own words in brackets: " + shown in c.evidence, c.evidence
    assert "glued on" not in c.evidence and "dropped" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found", [
    ("[Bundeskanzler Merz] sagte, die Gespräche gehen weiter", "Bundeskanzler Scholz sagte, die Gespräche gehen weiter"),
    ("[He] said the talks will go on", "He never said the talks will go on"),
    ("[The Chancellor] said the talks will end", "Chancellor Scholz said the talks will go on"),
    ("[The Chancellor] said 5 talks will go on", "Chancellor Scholz said 50 talks will go on"),
    ("[Chancellor] [Merz] said the talks will go on", "Chancellor Scholz said the talks will go on"),
], ids=["another-name", "negation-dropped-beside", "change-outside", "figure-outside", "another-name-apart"])
def test_brackets_sharing_a_word_still_fail_what_they_change(said, found):
    assert compare(said, found).result == "fail"


# review38d: verdicts38's figures written otherwise let a real change of meaning pass as a warning. A count made a
# time ("at least 12 died" quoted "at least 12:00 died"), a count made a year where the post writes "'24" elsewhere
# ("Class of '24: 24 students" quoted "2024 students"), a version or a time with a zero added to its decimal part
# ("Python 3.10" quoted "Python 3.1", "at 9.30" quoted "at 9.3") are other figures: they fail. The honest rewrites
# (verdicts38's FIGURE_REWRITES above) still warn.
MEANING_CHANGED = [
    ("count-made-a-time", "At least 12:00 died", "At least 12 died"),
    ("count-made-a-time-in-post", "At least 12 died", "At least 12:00 died"),
    ("count-rose-to-a-time", "Deaths rose to 9:00 by Monday", "Deaths rose to 9 by Monday"),
    ("count-made-a-time-beside-a-time", "Police arrested 9:00 people at 9", "Police arrested 9 people at 9"),
    ("score-made-a-time", "They won 2:00 in the final", "They won 2 in the final"),
    ("count-made-a-year-beside-an-apostrophe-year", "Class of '24: 2024 students were honoured",
     "Class of '24: 24 students were honoured"),
    ("year-made-a-count-beside-an-apostrophe-year", "Class of '24: 24 students were honoured",
     "Class of '24: 2024 students were honoured"),
    ("version-3-10-as-3-1", "We now support Python 3.1", "We now support Python 3.10"),
    ("version-3-1-as-3-10", "We now support Python 3.10", "We now support Python 3.1"),
    ("time-9-30-as-9-3", "We meet at 9.3 tomorrow", "We meet at 9.30 tomorrow"),
    ("dotted-date-3-10-as-3-1", "The deadline is 3.1 this year", "The deadline is 3.10 this year"),
]


@pytest.mark.parametrize("said,found", [r[1:] for r in MEANING_CHANGED], ids=[r[0] for r in MEANING_CHANGED])
def test_a_figure_whose_meaning_changed_is_no_figure_written_otherwise(said, found):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert "written otherwise" not in c.evidence, c.evidence


@pytest.mark.parametrize("said,found,shown", [
    ("Growth was 3.50 percent", "Growth was 3.5 percent", "3.5 → 3.50"),
    ("It cost $3.50m in total", "It cost $3.5m in total", "$3.5m → $3.50m"),
    ("Polls close at 8:00 and results come at 10 pm", "Polls close at 8 and results come at 10 pm", "8 → 8:00"),
    ("We now support Python 3.0", "We now support Python 3", "3 → 3.0"),
], ids=["per-cent", "money", "hour-with-another-time", "a-whole-version"])
def test_a_figure_written_otherwise_where_its_meaning_is_plain_still_warns(said, found, shown):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert "1 figure written otherwise: " + shown in c.evidence, c.evidence
