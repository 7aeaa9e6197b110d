"""A handout credited "X via AGENCY" against the image file (newuser44a #2); fixtures fictional.

"Photo: Ukrainian Presidential Press Service via AP" beside a file whose IPTC Credit is "AP" and whose Source names
another press service passed: "organisation matches the file", on "AP" alone. In "X via AGENCY" the agency only
passed the picture on; X, whose picture it is, is the claim. The IPTC Credit Line is "the credit required by the
supplier of the image"; the IIM Source (2:115) names the original owner of the picture's content. So the originator
is checked against the file: named there, a pass; another originator named there, a warn naming both (a fail when
both are agencies cache/agencies.py knows); only the agency named, a warn saying the originator was not checked.
"""

import pytest

from resolver.extract import find_all
from resolver.provenance import credit_checks

IMAGE = "https://news.example/img/visit.jpg"
PRESS_SERVICE = "Ukrainian Presidential Press Service"
OTHER_SERVICE = "Пресс-служба Министерства обороны РФ"


def check_of(creator: str | None, organization: str | None, inside: dict[str, str], **more: str) -> dict[str, str]:
    credit = {"image": IMAGE, "creator": creator, "organization": organization} | more
    [found] = credit_checks(credit, {"credit": inside})
    return found


@pytest.mark.parametrize("creator, organization, kind, inside, other", [
    (None, f"{PRESS_SERVICE} via AP", None, {"credit_line": "AP", "source": OTHER_SERVICE}, OTHER_SERVICE),
    (None, f"{PRESS_SERVICE} via AP", None, {"credit_line": "AP", "source": "Russian Defence Ministry"},
     "Russian Defence Ministry"),
    (None, f"{PRESS_SERVICE} via AP", None, {"byline": "Ivan Sidorov", "credit_line": "AP"}, "Ivan Sidorov"),
    ("Ukrainian Presidential Press Office", "REUTERS", "handout", {"credit_line": "REUTERS", "source": OTHER_SERVICE},
     OTHER_SERVICE),
], ids=["source-in-another-script", "source-in-the-same-script", "by-line-of-another", "handout-via-as-creator"])
def test_another_originator_in_the_file_warns_naming_both(creator, organization, kind, inside, other):
    found = check_of(creator, organization, inside, kind=kind) if kind else check_of(creator, organization, inside)
    assert found["result"] == "warn", found
    said = creator or PRESS_SERVICE
    assert f"'{said}'" in found["evidence"] and f"'{other}'" in found["evidence"], found
    assert found["evidence"].startswith("the file names another originator than the article's: "), found


@pytest.mark.parametrize("inside", [{"credit_line": "AP"}, {"credit_line": "AP", "source": "AP"},
                                    {"credit_line": "AP Photo", "copyright": "Copyright 2022 The Associated Press"},
                                    # a by-line naming no one, or the agency, and Getty's notice (review45a: each was
                                    # "the file names another originator": 'STR', 'AP Photo', 'This content …')
                                    {"credit_line": "AP", "byline": "STR"}, {"credit_line": "AP", "byline": "Stringer"},
                                    {"credit_line": "AP", "byline": "Uncredited"},
                                    {"credit_line": "AP", "byline": "AP Photo"},
                                    {"credit_line": "AP", "byline": "AP Photo/STR"},
                                    {"credit_line": "AP", "copyright": "This content is subject to copyright."}],
                         ids=["credit-line", "credit-and-source", "notice", "by-line-str", "by-line-stringer",
                              "by-line-uncredited", "by-line-agency", "by-line-agency-str", "getty-notice"])
def test_a_file_naming_only_the_agency_says_the_originator_was_not_checked(inside):
    found = check_of(None, f"{PRESS_SERVICE} via AP", inside)
    assert found["result"] == "warn", found
    assert found["evidence"].startswith(f"the agency matches the file, the originator '{PRESS_SERVICE}' was not "
                                        "checked: the file names only the agency"), found


@pytest.mark.parametrize("creator, organization, kind, inside", [
    (None, f"{PRESS_SERVICE} via AP", None, {"credit_line": "AP", "source": PRESS_SERVICE}),
    (None, f"{PRESS_SERVICE} via AP", None, {"credit_line": f"{PRESS_SERVICE} via AP"}),
    (None, f"{PRESS_SERVICE} via AP", None, {"credit_line": "AP", "copyright": f"© 2022 {PRESS_SERVICE}"}),
    ("Royal Navy", "REUTERS", "handout", {"credit_line": "Royal Navy/Handout via REUTERS"}),
    (None, "AFP via Getty Images", None, {"credit_line": "AFP via Getty Images", "source": "AFP"}),
    (None, "WANA (West Asia News Agency) via Reuters", None, {"credit_line": "Reuters", "source": "WANA"}),
], ids=["source", "credit-line", "copyright", "handout-creator", "agency-via-distributor", "agency-spelled-out"])
def test_the_originator_named_in_the_file_passes(creator, organization, kind, inside):
    found = check_of(creator, organization, inside, kind=kind) if kind else check_of(creator, organization, inside)
    assert found["result"] == "pass", found
    assert "originator" in found["evidence"], found


def test_another_agency_as_the_originator_fails_naming_both():
    """"AFP via Getty Images" beside a file whose Source is Reuters: two agencies the table knows, another's picture."""
    found = check_of(None, "AFP via Getty Images", {"credit_line": "Getty Images", "source": "Reuters"})
    assert found["result"] == "fail", found
    assert "AFP" in found["evidence"] and "Reuters" in found["evidence"], found


def test_another_distributing_agency_still_fails():
    """The fix keeps the agency fail: "… via AP" beside a file of Reuters' names another agency."""
    found = check_of(None, f"{PRESS_SERVICE} via AP", {"credit_line": "Tom Alder/Reuters"})
    assert found["result"] == "fail", found


@pytest.mark.parametrize("organization, inside", [("Pool via AP", {"credit_line": "AP"}),
                                                  ("Handout via Reuters", {"credit_line": "Reuters"})],
                         ids=["pool", "handout"])
def test_a_role_word_via_an_agency_names_no_originator(organization, inside):
    """"Pool via AP" names no originator to check: the agency's pass is kept."""
    assert check_of(None, organization, inside)["result"] == "pass"


def test_the_caption_read_from_a_page_warns_against_a_file_naming_another_press_service():
    """The whole way from the page: the caption's credit, as extraction reads it, against the file's fields."""
    page = ('<html><body><article><p>The president visits troops near the front. The visit was not announced.</p>'
            f'<figure><img src="{IMAGE}"><figcaption>Photo: {PRESS_SERVICE} via AP</figcaption></figure>'
            '</article></body></html>')
    [credit] = find_all(page, "html")[1]
    [found] = credit_checks(vars(credit), {"credit": {"credit_line": "AP", "source": OTHER_SERVICE}})
    assert found["result"] == "warn", found
    assert OTHER_SERVICE in found["evidence"] and PRESS_SERVICE in found["evidence"], found


@pytest.mark.parametrize("inside", [{"credit_line": "AP", "byline": "Stringer/Reuters"},
                                    {"credit_line": "AP", "byline": "STR / AFP"}], ids=["reuters", "afp"])
def test_a_file_naming_another_agency_beside_a_no_ones_by_line_is_never_only_the_agency(inside):
    """"STR" and "Stringer" name no one (review45a), and an agency is no other originator's name: a by-line
    "Stringer/Reuters" beside AP's Credit Line was said to name "only the agency" (review46b)."""
    found = check_of(None, f"{PRESS_SERVICE} via AP", inside)
    assert found["result"] == "warn", found
    assert found["evidence"].startswith("the file names another originator than the article's: "), found
    assert "only the agency" not in found["evidence"], found
