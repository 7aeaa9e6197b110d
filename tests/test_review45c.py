"""review45c: the stop-44 work reread (fixnu44f, fixnu44g, fixleft44a): a platform named as a photographer, a licence
named as one, a credit's account tied to an embed whose fetched post is another account's."""

import pytest

from resolver.extract import find_all


def _credits(line: str):
    return [(c.creator, c.organization, c.kind) for c in
            find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]]


@pytest.mark.parametrize("line, account, platform", [
    # a Bluesky handle is a domain name, written with no "@" as often as with one: "Bluesky" was the photographer
    ("(Screenshot: Bluesky/jane.bsky.social)", "jane.bsky.social", "Bluesky"),
    ("Photo: Bluesky/janedoe.com", "janedoe.com", "Bluesky"),
    # a Mastodon account names its server: "Mastodon" was the photographer, the account its organisation
    ("Photo: Mastodon/@jane@mastodon.social", "@jane@mastodon.social", "Mastodon"),
    ("(Screenshot: Mastodon @jane@fosstodon.org)", "@jane@fosstodon.org", "Mastodon"),
])
def test_a_platform_is_never_the_photographer_of_an_accounts_post_in_its_own_handle_form(line, account, platform):
    assert _credits(line) == [(account, platform, "social-post")]


@pytest.mark.parametrize("line", ["Photo: Bluesky/Jane", "Photo: Mastodon/Jane Doe"])
def test_a_name_with_no_dot_beside_a_platform_is_still_read_as_before(line):
    assert all(kind is None for _, _, kind in _credits(line))


@pytest.mark.parametrize("line", ["Photo: CC BY 2.0", "Image: CC0", "Credit: CC BY-SA 4.0", "Photo: (CC BY 2.0)"])
def test_a_licence_alone_is_no_ones_name(line):
    # "Photo: CC BY 2.0" names the terms of reuse, not who made the picture: it was the creator, "not sure"
    assert [c for c in _credits(line) if "CC" in (c[0] or "") + (c[1] or "")] == []


@pytest.mark.parametrize("line, expected", [
    ("Photo: CC BY-SA 4.0 / Jo Kline", ("Jo Kline", None)),
    ("Photo: CC BY 2.0, Jo Kline", ("Jo Kline", None)),
])
def test_a_licence_before_the_name_is_neither_creator_nor_organisation(line, expected):
    # it was the creator, and Jo Kline the organisation
    assert [(creator, org) for creator, org, _ in _credits(line)] == [expected]
