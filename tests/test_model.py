"""The values extraction produces: their JSON form is written out by hand (#14), so it must stay in step with the
fields, in their order, and equal to the generic form."""

from __future__ import annotations

from dataclasses import fields

import pytest

from resolver.model import Credit, Embed, plain

EMBED = Embed(platform="twitter", kind="post", url="https://twitter.com/a/status/1", detector="html-blockquote",
              span=(3, 9), post_id="1", author_handle="a", author_name="A", date_text="May 1, 2020",
              date="2020-05-01", text="words", text_confidence="high", lang="en",
              media_links=("https://pic.twitter.com/x",), links=("https://t.co/y",), also_at=((20, 30), (40, 50)))
CREDIT = Credit(raw="(Photo: Ann Lee/Agency)", source="caption", span=(5, 28), creator="Ann Lee",
                organization="Agency", image="https://img.example/1.jpg", form="photo-credit")


@pytest.mark.parametrize("value", [EMBED, CREDIT, Embed("youtube", "video", "u", "html-iframe", (0, 1)),
                                   Credit("raw", "text", (0, 3))], ids=["embed", "credit", "bare-embed", "bare-credit"])
def test_to_json_has_every_field_in_order_as_json_values(value) -> None:
    data = value.to_json()
    assert list(data) == [f.name for f in fields(value)]
    generic = plain(value)
    expected = {k: [list(s) for s in v] if k == "also_at" else list(v) if isinstance(v, tuple) else v
                for k, v in generic.items()}
    assert data == expected


def test_to_json_is_a_new_value_each_time() -> None:
    first = EMBED.to_json()
    first["links"].append("changed")
    first["span"][0] = 99
    assert EMBED.to_json()["links"] == ["https://t.co/y"] and EMBED.to_json()["span"] == [3, 9]


def test_evolve_is_dataclasses_replace_for_our_values():
    """resolver.model.evolve, the cheap replace (#14): the same value as dataclasses.replace, the original
    untouched, and an unknown name refused."""
    from dataclasses import replace

    from resolver.http import FetchOutcome
    from resolver.model import evolve
    from resolver.resolve import Hop, Resolution

    hop = Hop("https://t.co/a", 301, "https://x.com/u/status/1", 12.5, None, "header")
    resolution = Resolution("https://t.co/a", "https://x.com/u/status/1", "https://x.com/u/status/1", (hop,))
    outcome = FetchOutcome("https://t.co/a", "https://t.co/a", "GET", "2026-01-01T00:00:00Z", 301,
                           {"location": "https://x.com/u/status/1"}, b"", 12.5)
    for value, changes in ((hop, {"fetch_id": 7}), (resolution, {"resolution_id": 3, "hops": ()}),
                           (outcome, {"fetch_id": 9})):
        evolved = evolve(value, **changes)
        assert evolved == replace(value, **changes) and evolved is not value and type(evolved) is type(value)
        assert value == replace(value)   # untouched
        with pytest.raises(TypeError):
            evolve(value, no_such_field=1)
    with pytest.raises(Exception):   # still frozen
        evolve(hop, fetch_id=1).fetch_id = 2
