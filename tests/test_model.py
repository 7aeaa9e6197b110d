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
                organization="Agency", image="https://img.example/1.jpg", form="photo-credit",
                split_confidence="high")


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


def _step_values():
    from resolver.fetch.records import Media, PostRecord
    from resolver.resolve import Destination, Hop, Resolution

    hop = Hop("https://t.co/a", 301, "https://x.com/u/status/1", 12.5, 4, "header")
    destination = Destination("twitter", "post", "1", "u", "https://twitter.com/u/status/1", "2022-01-01T00:00:00.000Z")
    video = Media("https://v.example/1.mp4", "video", 64, 48, "alt", "https://v.example/1.jpg",
                  ({"bitrate": 1, "content_type": "video/mp4", "url": "https://v.example/1.mp4"},), "7_1")
    record = PostRecord("twitter", "1", "https://twitter.com/u/status/1", "available", "syndication", "why", "u", "U",
                        "9", "words", "en", "2022-01-01T00:00:00Z", (video, Media("https://p.example/1.jpg", "photo")),
                        ({"type": "quoted", "id": "2"},), (3, 4), True, {"text": "x-api"},
                        {"text": {"x-api": "a", "oembed": ["b", {"c": 1}]}})
    return {"hop": hop, "destination": destination, "resolution": Resolution(
                "https://t.co/a", "https://x.com/u/status/1", "https://twitter.com/u/status/1", (hop, hop),
                destination, "e", True, False, 8),
            "bare-resolution": Resolution("https://t.co/a", None, None), "media": video,
            "bare-media": Media("u", "photo"), "record": record,
            "bare-record": PostRecord("twitter", "1", "u", "unknown", "none")}


def _generic(value):
    """The JSON these values had before it was written out (#13): `plain`, with the changes each made to it."""
    from resolver.fetch.records import PostRecord
    from resolver.resolve import Hop, Resolution

    data = plain(value)
    if isinstance(value, Hop):
        data["names"] = list(data["names"])   # a JSON array (resolution36: an end page's links)
    if isinstance(value, Resolution):
        data.pop("unavailable")
        data.pop("real_post")   # where a link led before redaction: never written out (left28)
        data["hops"] = [hop | {"names": list(hop["names"])} for hop in data["hops"]]
        # read from the fields, after them (newuser35c: a gone end, an end that may not be the link's; resolution36:
        # the post a notice page names)
        data.update(final_status=value.final_status, gone=value.gone, unsure=value.unsure,
                    likely_end=plain(value.likely_end) if value.likely_end is not None else None)
    if isinstance(value, PostRecord):
        data["author"] = {"handle": data.pop("author_handle"), "name": data.pop("author_name"),
                          "id": data.pop("author_id")}
        data["fetch_ids"] = list(value.fetch_ids)
        ordered = {}
        for key, item in data.items():   # text_kind, made from the fields, comes after text
            ordered[key] = item
            if key == "text":
                ordered["text_kind"] = value.text_kind
        data = ordered
    return data


@pytest.mark.parametrize("name", list(_step_values()))
def test_step_values_json_is_the_generic_form_with_every_field(name) -> None:
    """Hop, Destination, Resolution, Media and PostRecord write their JSON out (#13: a warm run makes it for every
    link and post of every article): the same keys in the same order, the same values and container types, each
    time a new value."""
    import json

    value = _step_values()[name]
    data, expected = value.to_json(), _generic(value)
    assert data == expected and list(data) == list(expected)
    assert json.dumps(data) == json.dumps(expected)
    assert {k: type(v) for k, v in data.items()} == {k: type(v) for k, v in expected.items()}
    names = [f.name for f in fields(value) if f.name not in ("unavailable", "real_post", "author_handle",
                                                              "author_name", "author_id")]
    assert set(names) <= set(data)
    for key, item in data.items():
        if isinstance(item, (dict, list)):
            assert item is not value.to_json()[key]
