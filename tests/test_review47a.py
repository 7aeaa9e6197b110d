"""review47a: a review of review46h (credits), review46i (scan --summary-json, the whole job's line) and review46j
(Reddit captures). Fixtures fictional, modelled on real credit forms; loopback only."""

import pytest

from resolver.extract import find_all


def credits_in(line: str) -> list[tuple]:
    text = f"Text des Artikels, lang genug für einen Artikel.\n\nEine Szene am Hafen. {line}\n\nMehr Text danach.\n"
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(text, "text")[1]]


# review46h dropped picture alliance's credit, whole, when the first word after its pipe was not in the list of common
# first names: "picture alliance/dpa | Uli Beispiel" (Uli, Kay, Ole, Jan, Marijan: German agencies' photographers)
# gave no credit at all, where it had given the photographer and "picture alliance/dpa". Kept, the name not sure.
@pytest.mark.parametrize("line, expected", [
    ("picture alliance/dpa | Uli Beispiel", ("Uli Beispiel", "picture alliance/dpa", "uncertain")),
    ("picture alliance / dpa | Marijan Exempel", ("Marijan Exempel", "picture alliance / dpa", "uncertain")),
    ("picture alliance/dpa/dpa-Zentralbild | Jan Muster", ("Jan Muster", "picture alliance/dpa/dpa-Zentralbild",
                                                          "uncertain")),
    ("picture alliance/REUTERS | Ole Probst", ("Ole Probst", "picture alliance/REUTERS", "uncertain")),
    ("picture alliance/dpa | Jens Beispiel", ("Jens Beispiel", "picture alliance/dpa", "high")),
], ids=["uli", "marijan", "zentralbild", "ole", "known-first-name"])
def test_picture_alliance_photographer_of_a_name_not_listed_is_kept_not_sure(line, expected):
    assert credits_in(line) == [expected]


@pytest.mark.parametrize("line", ["picture alliance/dpa | Unsere Partner", "picture alliance/dpa | Unsere Marken",
                                  "picture alliance | Alle Angebote", "picture alliance/dpa | Über Uns",
                                  "picture alliance/dpa | Mehr Nachrichten"])
def test_a_menu_line_after_picture_alliance_still_names_no_photographer(line):
    assert not any(creator for creator, _, _ in credits_in(line)), credits_in(line)
