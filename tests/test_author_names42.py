"""An article's handle that is not the post's author's, with no record tying the two: the display names tell a
renamed account from words put under another account, and the author check says which (newuser42b #5: both got
the same fail and the same words)."""

import pytest

from tests.test_fetch import by_id, json_page
from tests.test_verdicts import POST, check_named, reporter, serve, tweet  # noqa: F401 (reporter is a fixture)


def embed_of(post_id: str, handle: str, name: str) -> str:
    return (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Road closed.</p>&mdash; {name} (@{handle}) '
            f'<a href="https://twitter.com/{handle}/status/{post_id}">May 3, 2021</a></blockquote>')


@pytest.mark.parametrize("shown,result,says", [
    # a display name is anyone's to copy: the same name is no evidence of a rename, and the warn must not call it one
    ("River Desk", "warn", "article says @river_desk (“River Desk”), the post's author is @river_news (“River Desk”); "
                           "no recorded fetch shows @river_desk as this account (id 4400000099), but the display "
                           "names agree: the account renamed, or another account showing the same display name, "
                           "which anyone can copy (not known which)"),
    ("Harbor Watch", "fail", "article says @river_desk (“Harbor Watch”), the post's author is @river_news (“River "
                             "Desk”); no recorded fetch shows @river_desk as this account (id 4400000099), and the "
                             "display names differ too: the post is likely misattributed (unless the account "
                             "changed its name as well)"),
], ids=["renamed", "misattributed"])
def test_the_display_names_tell_a_rename_from_a_misattribution(fakenet, reporter, shown, result, says):
    import json

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({POST: [json_page(tweet(POST, "Road closed.", handle="river_news"))]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body>{embed_of(POST, 'river_desk', shown)}</body></html>")
    [embed] = json.loads(out)["embeds"]
    author = check_named(embed, "author")
    assert (author["result"], author["evidence"]) == (result, says)


# review43b: an impostor copies the display name and takes a handle one letter off the real one (or with a "0" for an
# "o", an "rn" for an "m", an underscore added). The same name then warned "likely the account renamed": the marks of
# an account made to pass as another read as evidence of a rename.
@pytest.mark.parametrize("impostor", ["river_dezk", "rlver_desk", "river_desk_", "riverdesk", "RIVER_DESK1",
                                      "river_d3sk", "river_desk0", "rivre_desk"])
def test_a_lookalike_handle_under_the_same_display_name_fails(fakenet, reporter, impostor):
    import json

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({POST: [json_page(tweet(POST, "Road closed.", handle=impostor))]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body>{embed_of(POST, 'river_desk', 'River Desk')}</body></html>")
    [embed] = json.loads(out)["embeds"]
    author = check_named(embed, "author")
    assert author["result"] == "fail", author
    assert (f"the handles look alike (@river_desk, @{impostor}) and the display names agree (“River Desk”): an account "
            "made to pass as another, or one renamed (not known which)") in author["evidence"], author
    assert "likely the account renamed" not in author["evidence"]
