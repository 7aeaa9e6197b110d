"""Credits naming a platform and an account on it (newuser44c #2, #4): the platform is where the picture was taken
from, never its photographer; the account is the post's, and the credit's kind says so."""

import pytest

from resolver.extract import find_all


def _credits(line: str):
    return [(c.creator, c.organization, c.kind) for c in
            find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]]


@pytest.mark.parametrize("line, account, platform", [
    ("(Screenshot: Threads/@kayareed_fict)", "@kayareed_fict", "Threads"),
    ("Photo: Threads/@luxe_fict", "@luxe_fict", "Threads"),
    ("Screenshot via Threads/@luxe_fict", "@luxe_fict", "Threads"),
    ("(Screenshot: Bluesky/@luxe.bsky.social)", "@luxe.bsky.social", "Bluesky"),
    ("Source: Threads/@luxe_fict", "@luxe_fict", "Threads"),
    ("(Screenshot: Instagram/@kayareed_fict)", "@kayareed_fict", "Instagram"),
    ("Photo: TikTok/@luxe_fict", "@luxe_fict", "TikTok"),
    ("Image: Instagram @chefmarco_fict", "@chefmarco_fict", "Instagram"),
    ("Image: Screenshot from TikTok @luxe_fict", "@luxe_fict", "TikTok"),
    ("Photo: Instagram.com/luxe_fict", "luxe_fict", "Instagram"),
])
def test_a_platform_and_an_account_are_the_platform_and_the_accounts_post(line, account, platform):
    assert _credits(line) == [(account, platform, "social-post")]


@pytest.mark.parametrize("line, expected", [
    ("Photo: Instagram/Jane Doe", [("Jane Doe", "Instagram", None)]),   # a person's name: read as before
    ("Photo: Threads of Hope", [("Threads of Hope", None, None)]),
])
def test_a_person_or_a_name_beside_a_platform_is_no_accounts_post(line, expected):
    assert _credits(line) == expected
