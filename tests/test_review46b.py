"""review46b: stop 45's review fixes reread (review45a, review45c): a licence before a spaced dash or a space, ..."""

import pytest

from resolver.extract import find_all


def _credits(line: str):
    return [(c.creator, c.organization, c.kind) for c in
            find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]]


@pytest.mark.parametrize("line, expected", [
    ("Photo: CC BY 2.0 — Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY-SA 4.0 – Jane Doe", ("Jane Doe", None)),
    ("Photo: CC BY 2.0 Jane Doe via Flickr", ("Jane Doe", "Flickr")),
    ("Photo: CC0 Jane Doe", ("Jane Doe", None)),
], ids=["em-dash", "en-dash", "space-via", "cc0-space"])
def test_a_licence_before_a_dash_or_a_space_leaves_the_creator_after_it(line, expected):
    """The spaced dash cut the value to "CC BY 2.0", which review45c's rule then dropped as a licence alone: the
    credit vanished (before it, the licence was the photographer); a licence and a space before the name gave none."""
    assert [(creator, org) for creator, org, _ in _credits(line)] == [expected]

