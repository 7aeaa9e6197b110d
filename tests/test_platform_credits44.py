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
    # read from the credit's words, as "Instagram/@name" was: not a guess ("Threads/@name" was "not sure")
    found = find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]
    assert [c.split_confidence for c in found] == ["high"]


@pytest.mark.parametrize("line, expected", [
    ("Photo: Instagram/Jane Doe", [("Jane Doe", "Instagram", None)]),   # a person's name: read as before
    ("Photo: Threads of Hope", [("Threads of Hope", None, None)]),
])
def test_a_person_or_a_name_beside_a_platform_is_no_accounts_post(line, expected):
    assert _credits(line) == expected


ARTICLE = """<html><head><title>Tattoo studio opens</title></head><body><article><h1>Tattoo studio opens</h1>
<p>The artist announced the studio on Instagram on Friday, and her followers shared it widely.</p>
<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CaBcDeFgHiJ/?utm_source=ig_embed"
 data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CaBcDeFgHiJ/?utm_source=ig_embed" target="_blank">
View this post on Instagram</a><p><a href="https://www.instagram.com/p/CaBcDeFgHiJ/?utm_source=ig_embed" target="_blank">
A post shared by Mira Vale (@miravale_fict)</a></p></div></blockquote>
<figure><img src="/img/studio.jpg" alt="The studio"><figcaption>The new studio. Photo: Instagram/@miravale_fict
</figcaption></figure>
<figure><img src="/img/street.jpg" alt="The street"><figcaption>The street outside. (Screenshot: Threads/@other_fict)
</figcaption></figure>
</article></body></html>"""


def test_a_credit_naming_an_embeds_account_says_so_in_every_format(tmp_path):
    import json

    from click.testing import CliRunner

    from resolver.cli import cli

    page = tmp_path / "studio.html"
    page.write_text(ARTICLE, encoding="utf-8")

    def run(*args):
        result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", str(tmp_path / "r.db"), *args],
                                                          catch_exceptions=False)
        return result.stdout

    report = json.loads(run("report", "--offline", "--format", "json", str(page)))
    assert report["embeds"][0]["author_handle"].lstrip("@") == "miravale_fict"
    tied, other = report["credits"]
    assert (tied["creator"], tied["organization"], tied["kind"], tied["account_embeds"]) == \
        ("@miravale_fict", "Instagram", "social-post", [1])
    assert (other["creator"], other["organization"], other["kind"], other["account_embeds"]) == \
        ("@other_fict", "Threads", "social-post", [])
    for fmt in ("md", "html"):
        text = run("report", "--offline", "--format", fmt, str(page))
        assert text.count("a post of the account named, on the platform named") == 2, fmt
        assert text.count("the account of embed 1 (whether the picture is that post") == 1, fmt
