"""review46f (stop 46): adversarial review of fixleft46a's, fixleft46b's and fixnu46d's merges; fixtures fictional.

1. fixleft46a's warn of an organisation the file names only inside a longer name ("Defence Ministry" in "Russian
   Defence Ministry") fired on a right credit: an agency's own desk or region ("Getty Images" beside the file's
   "Getty Images Europe", "dpa" beside "dpa-Zentralbild") and a lender's courtesy words ("Courtesy of Harbour
   Pictures") were said to say "which one, whose", where each passed before.
"""

import pytest

from resolver.provenance import credit_checks

IMAGE = "https://news.example/img/harbour.jpg"


def checks_of(creator: str | None, organization: str, inside: dict[str, str]) -> list[dict[str, str]]:
    return credit_checks({"image": IMAGE, "creator": creator, "organization": organization}, {"credit": inside})


@pytest.mark.parametrize("creator, organization, inside", [
    (None, "Getty Images", {"credit_line": "Getty Images Europe"}),
    ("Jane Roe", "Getty Images", {"byline": "Jane Roe", "credit_line": "Getty Images Europe"}),
    (None, "dpa", {"credit_line": "dpa-Zentralbild"}),
    ("Jane Roe", "dpa", {"byline": "Jane Roe", "credit_line": "dpa-Zentralbild"}),
    (None, "Harbour Pictures", {"credit_line": "Courtesy of Harbour Pictures"}),
], ids=["agency-region", "agency-region-creator", "agency-desk", "agency-desk-creator", "courtesy-of"])
def test_a_right_organisation_inside_its_own_longer_name_passes(creator, organization, inside):
    [found] = checks_of(creator, organization, inside)
    assert found["result"] == "pass", found


@pytest.mark.parametrize("organization, inside", [
    ("Defence Ministry", {"source": "Russian Defence Ministry"}),
    ("Police", {"credit_line": "Courtesy of Riverton Police"}),
], ids=["ministry", "courtesy-still-qualified"])
def test_a_qualified_name_still_warns(organization, inside):
    [found] = checks_of(None, organization, inside)
    assert found["result"] == "warn", found
