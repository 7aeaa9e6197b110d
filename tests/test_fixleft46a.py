"""fixleft46a (stop 46): photo-credit gaps earlier helpers found and left; fixtures fictional.

1. A shorter organisation inside a longer one whose extra words qualify it ("Defence Ministry" in "Russian Defence
   Ministry", "Ministry of Defence" in "Ministry of Defence of Ukraine") passed the image-metadata check as the same
   organisation (review45a: `_within`). The file names which ministry; the article does not: a warn naming both.
"""

import pytest

from resolver.provenance import credit_checks

IMAGE = "https://news.example/img/strike.jpg"


def check_of(creator: str | None, organization: str | None, inside: dict[str, str], **more: str) -> dict[str, str]:
    credit = {"image": IMAGE, "creator": creator, "organization": organization} | more
    [found] = credit_checks(credit, {"credit": inside})
    return found


@pytest.mark.parametrize("creator, organization, inside, shown", [
    (None, "Defence Ministry via AP", {"credit_line": "AP", "source": "Russian Defence Ministry"},
     "Russian Defence Ministry"),
    (None, "Defence Ministry", {"source": "Russian Defence Ministry"}, "Russian Defence Ministry"),
    (None, "Ministry of Defence", {"credit_line": "Ministry of Defence of Ukraine"}, "Ministry of Defence of Ukraine"),
    (None, "Presidential Press Service", {"source": "Ukrainian Presidential Press Service"},
     "Ukrainian Presidential Press Service"),
    ("Ivan Sidorov", "Defence Ministry", {"byline": "Ivan Sidorov", "source": "Russian Defence Ministry"},
     "Russian Defence Ministry"),
], ids=["via-agency", "organisation", "of-a-country", "adjective", "beside-a-matching-creator"])
def test_a_name_inside_a_longer_qualified_one_warns_naming_both(creator, organization, inside, shown):
    found = check_of(creator, organization, inside)
    assert found["result"] == "warn", found
    said = organization.removesuffix(" via AP")
    assert f"'{said}'" in found["evidence"] and f"'{shown}'" in found["evidence"], found
    assert "whether they are one organisation is not known" in found["evidence"], found


@pytest.mark.parametrize("organization, inside", [
    ("Defence Ministry via AP", {"credit_line": "AP", "source": "Defence Ministry"}),
    ("Riverton Post", {"credit_line": "The Riverton Post"}),
    ("Harbour Pictures", {"copyright": "© 2024 Harbour Pictures Ltd. All rights reserved"}),
    ("Russian Defence Ministry", {"source": "RUSSIAN DEFENCE MINISTRY"}),
    ("Harbour Pictures", {"credit_line": "Tom Alder/Harbour Pictures"}),
], ids=["via-same", "the", "notice-and-suffix", "case", "a-part-of-a-chain"])
def test_one_organisation_written_with_a_notice_or_the_still_passes(organization, inside):
    found = check_of(None, organization, inside)
    assert found["result"] == "pass", found
