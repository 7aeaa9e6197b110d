"""The agency a caption credits, against the one the image file names (newuser38a #1); fixtures fictional.

A caption crediting "Tom Alder/Reuters" beside a file whose IPTC credit line says "Tom Alder/AP" passed on the
creator alone: the photo given to the wrong agency is the misattribution a court cares about. Both sides'
organisations are compared now, by the agency table of cache/agencies.py ("Thomson Reuters" is Reuters, "Associated
Press" is AP): a different agency fails naming both; an organisation the table does not know warns.
"""

import pytest

from resolver.provenance import credit_checks

IMAGE = "https://news.example/img/dredger.jpg"


def check_of(creator: str | None, organization: str | None, inside: dict[str, str]) -> dict[str, str]:
    [found] = credit_checks({"image": IMAGE, "creator": creator, "organization": organization}, {"credit": inside})
    return found


@pytest.mark.parametrize("organization, inside, said, file_says", [
    ("Reuters", {"byline": "Tom Alder", "credit_line": "Tom Alder/AP"}, "Reuters", "AP"),
    ("Reuters", {"byline": "Tom Alder", "source": "Associated Press"}, "Reuters", "AP"),
    ("AFP/Getty Images", {"byline": "Tom Alder", "credit_line": "Tom Alder/Reuters"}, "AFP, Getty Images", "Reuters"),
    ("Agence France-Presse", {"byline": "Tom Alder", "copyright": "Copyright 2024 The Associated Press. All rights "
                                                                  "reserved."}, "AFP", "AP"),
], ids=["credit-line", "source-by-full-name", "agency-and-distributor", "copyright-notice"])
def test_a_credit_naming_another_agency_than_the_file_fails_naming_both(organization, inside, said, file_says):
    found = check_of("Tom Alder", organization, inside)
    assert found["result"] == "fail", found
    fields = "; ".join(f"{k}: {v}" for k, v in inside.items())
    assert found["evidence"] == (f"the creator matches, the agency does not: article credits '{organization}' "
                                 f"({said}), the file names {file_says} ({fields})"), found


def test_an_organisation_only_credit_naming_another_agency_fails():
    """No creator in the caption: the agencies alone are compared (before: a warn, "the file says …")."""
    found = check_of(None, "Reuters", {"credit_line": "Tom Alder/AP"})
    assert found["result"] == "fail", found
    assert found["evidence"] == ("the agency does not match: article credits 'Reuters' (Reuters), the file names AP "
                                 "(credit_line: Tom Alder/AP)"), found


@pytest.mark.parametrize("organization, inside", [
    ("Reuters", {"byline": "Tom Alder", "credit_line": "Tom Alder/Thomson Reuters"}),
    ("AP", {"byline": "Tom Alder", "credit_line": "Associated Press"}),
    ("The Associated Press", {"byline": "Tom Alder", "source": "AP"}),
    ("AFP/Getty Images", {"byline": "Tom Alder", "credit_line": "AFP"}),
    ("Getty Images", {"byline": "Tom Alder", "credit_line": "Tom Alder/AFP/Getty Images"}),
    ("Reuters", {"byline": "Tom Alder", "credit_line": "Tom Alder"}),
    ("Reuters", {"byline": "Tom Alder"}),
    (None, {"byline": "Tom Alder", "credit_line": "Tom Alder/AP"}),
    ("Riverton Post", {"byline": "Tom Alder", "credit_line": "Tom Alder/The Riverton Post"}),
], ids=["thomson-reuters", "associated-press", "the-associated-press", "afp-of-afp-getty", "getty-of-afp-getty",
        "file-names-no-organisation", "file-has-no-organisation-field", "caption-names-no-organisation",
        "same-unlisted-organisation"])
def test_the_same_agency_under_another_name_passes(organization, inside):
    found = check_of("Tom Alder", organization, inside)
    assert found["result"] == "pass", found
    assert found["evidence"].startswith("creator matches the file ("), found


@pytest.mark.parametrize("organization, inside, named", [
    ("Riverton Post", {"byline": "Tom Alder", "credit_line": "Tom Alder/AP"}, "AP"),
    ("Reuters", {"byline": "Tom Alder", "credit_line": "Tom Alder/Harbour Pictures"}, None),
    ("Riverton Post", {"byline": "Tom Alder", "source": "Harbour Pictures"}, None),
], ids=["caption-organisation-unlisted", "file-organisation-unlisted", "both-unlisted"])
def test_an_organisation_the_table_does_not_know_warns_naming_both(organization, inside, named):
    """"Riverton Post" beside "AP" may be a paper crediting itself for a wire photo, or a wrong credit: not known."""
    found = check_of("Tom Alder", organization, inside)
    assert found["result"] == "warn", found
    fields = "; ".join(f"{k}: {v}" for k, v in inside.items())
    assert found["evidence"] == (f"the creator matches; article credits the organisation '{organization}', the file "
                                 f"says {fields}: whether they are one organisation is not known"), found


@pytest.mark.parametrize("organization, inside", [
    ("AP", {"byline": "Tom Alder", "credit_line": "Tom Alder/The Patriot-News, Harrisburg, Pa."}),
    ("Reuters", {"byline": "Tom Alder", "source": "Riverton Ap Rentals"}),
], ids=["pa-for-pennsylvania", "ap-as-a-word-in-a-name"])
def test_a_short_agency_name_counts_only_in_capitals(organization, inside):
    """"Pa." (Pennsylvania) is no PA: a two- or three-letter name is that agency's only written in capitals (or as
    the agency writes itself: "dpa"); else the organisations are not known to be one, a warn, never a fail."""
    found = check_of("Tom Alder", organization, inside)
    assert found["result"] == "warn", found


def test_dpa_in_its_own_lower_case_is_the_agency():
    assert check_of("Tom Alder", "Reuters", {"byline": "Tom Alder", "credit_line": "Tom Alder/dpa"})["result"] == "fail"
