"""Photo credits stop 37 left alone (credits38, #10); fixtures fictional.

A wrong credit (no creator where the words name one, a label taken for a name) is worse than a missed one, and a
credit line the page prints must be found where it is printed.
"""

import pytest

from resolver.extract import find_all


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="en"><body><article><p>Story words here.</p><figure>'
            f'<img src="https://img.example.org/2026/p1.jpg"><figcaption>{caption}</figcaption></figure>'
            "</article></body></html>")


def credits_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(content, kind)[1]]


@pytest.mark.parametrize("credit, creator, organization", [
    ("Photo by Jane Roe for The Riverton Post via Getty Images", "Jane Roe", "The Riverton Post via Getty Images"),
    ("Photo: Jane Roe for The Riverton Post via Getty Images", "Jane Roe", "The Riverton Post via Getty Images"),
    # as before: the organisation held as written, "via" and all, as "John Smith/AFP via Getty Images" is
    ("Photo: Jane Roe for Reuters", "Jane Roe", "Reuters"),
    ("Jane Roe/The Riverton Post via AP", "Jane Roe", "The Riverton Post via AP"),
    ("Photo by Jane Roe via Getty Images", "Jane Roe", "Getty Images"),
    ("Photo: Getty Images for Acme via Riverton Wire", None, "Getty Images for Acme via Riverton Wire"),
], ids=["by-for-via", "colon-for-via", "for-agency", "slash-via", "via", "agency-for-via"])
def test_a_person_for_an_outlet_via_an_agency_is_the_persons_credit(credit, creator, organization):
    """"Name for Outlet via Agency": split at " via " first, "Jane Roe for The Riverton Post" read as an organisation
    and the credit named no creator (credits37 saw it)."""
    [(got_creator, got_organization, confidence)] = credits_of(figure(f"Flood waters on Main Street. {credit}"))
    assert (got_creator, got_organization) == (creator, organization)
    assert confidence == "high"
