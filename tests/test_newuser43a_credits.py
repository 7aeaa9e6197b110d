"""Arabic and Persian credit forms a Middle East desk reads every day (newuser43a #1).

Each was missed with no word, or split wrong: AFP's letters after a photographer's name ("تصوير: ليلى حسن / أ ف ب":
five words read as a sentence's), AFP's dotted letters, EPA spelled out, two agencies the first with the Arabic
article, "المصدر:" and "منبع:" (source) under a picture, "عكس:" with the Arabic kaf and yeh as windows-1256 sites write
Persian, and the Arabic comma between a photographer and her agency. A caption's pictured person and a sentence stay
no credit, and "source" in prose cites where facts came from.
"""

import pytest

from resolver.extract import find_all
from resolver.extract.credit_names import is_known_org


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="ar" dir="rtl"><body><article><p>نص المقال.</p><figure>'
            f'<img src="https://img.example.org/2026/p1.jpg"><figcaption>{caption}</figcaption></figure>'
            "</article></body></html>")


def credits_of(caption: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind) for c in find_all(figure(caption), "html")[1]]


FOUND = [
    ("تصوير: ليلى حسن / أ ف ب", "ليلى حسن", "أ ف ب", None),           # AFP's letters after a name
    ("تصوير: خالد يوسف - أ ف ب", "خالد يوسف", "أ ف ب", None),          # after a spaced dash
    ("(أ.ف.ب)", None, "أ.ف.ب", None),                                  # AFP's dotted letters
    ("أرشيفية - أ.ف.ب", None, "أ.ف.ب", "file"),                        # a file photo of AFP's
    ("تصوير: محمد سالم/ إي بي إيه", "محمد سالم", "إي بي إيه", None),   # EPA spelled out
    ("(الأناضول/Getty)", None, "الأناضول/Getty", None),                # two agencies, the first with "ال"
    ("المصدر: رويترز", None, "رويترز", None),                          # "source" under a picture
    ("پل تخریب شده. منبع: خبرگزاری مهر", None, "خبرگزاری مهر", None),  # Persian "source"
    ("عكس: ايرنا", None, "ايرنا", None),                               # Arabic kaf and yeh
    ("خيابان‌هاي شهر پس از سيل. عكس: مريم رضايي / ايسنا", "مريم رضايي", "ايسنا", None),
    ("عکس از مریم رضایی، ایسنا", "مریم رضایی", "ایسنا", None),         # the Arabic comma parts them
    ("تصوير: أ ب", None, "أ ب", None),                                 # AP's letters
    ("متظاهرون في الساحة - رويترز", None, "رويترز", None),             # the agency after a caption's dash
    ("Protesters in the square - Reuters", None, "Reuters", None),
    ("أرشيفية - رويترز", None, "رويترز", "file"),                      # a label and an agency: read whole
    ("وكالة الصحافة الفرنسية", None, "وكالة الصحافة الفرنسية", None),   # AFP's Arabic name alone
    # WANA's credit as Reuters sends it on: the agency spelled out, then "via"; "Photo:" was in the organisation
    ("عکس: وانا (West Asia News Agency) via Reuters", None, "وانا (West Asia News Agency) via Reuters", None),
    ("Photo: WANA (West Asia News Agency) via Reuters", None, "WANA (West Asia News Agency) via Reuters", None),
]


@pytest.mark.parametrize("caption,creator,organization,kind", FOUND, ids=[str(i) for i in range(len(FOUND))])
def test_arabic_and_persian_credit_forms_are_read(caption, creator, organization, kind):
    assert credits_of(caption) == [(creator, organization, kind)]


@pytest.mark.parametrize("caption", [
    "وصل فارس أحمد إلى المدينة",    # Fares Ahmed, a person pictured: Fars' name is a given name too
    "أب وابنه في الساحة",            # a father and his son: no AP
    "قال مهر إن الوضع مستقر",        # a sentence
    "The new bridge - Riverton",     # a place after a dash, no agency
    "Interview - Reuters correspondent",   # an agency's name and a word after it: the caption's words
])
def test_a_pictured_person_or_a_sentence_is_no_credit(caption):
    assert credits_of(caption) == []


def test_source_in_prose_cites_facts_and_credits_no_picture():
    page = ('<!doctype html><html lang="ar"><body><article><p>قال المسؤول إن الميناء مغلق. المصدر: رويترز</p>'
            "<p>منبع: خبرگزاری مهر</p></article></body></html>")
    assert find_all(page, "html")[1] == []


def test_an_ambiguous_agency_name_alone_is_no_persons_first_word():
    # Fars, Mehr and WANA are given names or words too: known alone, never the first word of a longer name
    assert is_known_org("فارس") and is_known_org("مهر") and is_known_org("وانا")
    assert not is_known_org("فارس احمدی") and not is_known_org("مهر علی")
    assert credits_of("عکس: فارس احمدی") == [("فارس احمدی", None, None)]
    assert credits_of("عکس: فارس") == [(None, "فارس", None)]


@pytest.mark.parametrize("written,agency", [("إي بي إيه", "EPA"), ("أ.ب", "AP"), ("ايرنا", "IRNA"), ("ايسنا", "ISNA"),
                                            ("تسنیم", "Tasnim"), ("خبرگزاری مهر", "Mehr"), ("وانا", "WANA")])
def test_the_arabic_and_persian_forms_are_their_agency(written, agency):
    # cache/agencies.py, the one list extraction and the views read
    from resolver.extract.credit_names import agency_key

    assert agency_key(written) == agency_key(agency) == "=" + agency.casefold()


def test_epa_spelled_out_in_arabic_matches_the_files_epa():
    from resolver.provenance import credit_checks

    [credit] = find_all(figure("(إي بي إيه)"), "html")[1]
    [found] = credit_checks(credit.to_json(), {"credit": {"credit_line": "EPA"}})
    assert (found["result"], found["evidence"]) == ("pass", "organisation matches the file (credit_line: EPA)")


def test_a_credit_whose_agencies_a_dash_joins_is_read_whole():
    assert credits_of("BRUCE WEAVER / AFP - Getty Images") == [("BRUCE WEAVER", "AFP - Getty Images", None)]
