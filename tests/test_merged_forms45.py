"""newuser44c #9: two forms of one post in one paragraph, an `m.tiktok.com/v/<id>.html` link (no account) and the
`www.tiktok.com/@user/video/<id>` share link, merged into one embed `https://www.tiktok.com/@/video/<id>` with no
author: the second link's handle was lost, and the author check could not be made. The handle one form carries is
kept; two forms naming two accounts keep their disagreement (`other_handles`), and take neither."""

from resolver.extract import find_all

VIDEO = "7301234567890123456"


def _tiktok(html: str):
    return [e for e in find_all(html, "html")[0] if e.platform == "tiktok"]


def test_the_handle_one_form_carries_is_kept_when_two_forms_merge():
    [embed] = _tiktok(f"<p>Mobile TikTok link: https://m.tiktok.com/v/{VIDEO}.html and a share link "
                      f"https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}?is_from_webapp=1&amp;lang=en</p>")
    assert (embed.author_handle, embed.url) == ("crumbqueen_fict", f"https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}")
    assert embed.also_at and embed.other_handles == ()


def test_a_player_and_a_link_naming_the_account_merge_with_the_account():
    [embed] = _tiktok(f'<iframe src="https://www.tiktok.com/embed/v2/{VIDEO}"></iframe>'
                      f'<p>Watch <a href="https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}">the video</a></p>')
    assert embed.detector == "html-iframe"
    assert embed.author_handle == "crumbqueen_fict"


def test_two_accounts_named_for_one_post_take_neither():
    [embed] = _tiktok(f"<p>https://m.tiktok.com/v/{VIDEO}.html, https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}"
                      f" and https://www.tiktok.com/@reposter_fict/video/{VIDEO}</p>")
    assert embed.author_handle is None
    assert embed.other_handles == ("crumbqueen_fict", "reposter_fict")


def test_a_handle_its_link_writes_in_doubt_is_not_taken_into_a_merged_form_without_its_doubt():
    # review45f: the m.tiktok.com form took the other link's handle, written with a zero-width space inside it, and
    # said it plainly (that link alone says "its link writes the handle with ZERO WIDTH SPACE …")
    [embed] = [e for e in find_all(f"See https://m.tiktok.com/v/{VIDEO}.html and "
                                   f"https://www.tiktok.com/@crumb\u200bqueen_fict/video/{VIDEO} now.", "text")[0]
               if e.platform == "tiktok"]
    assert embed.author_handle is None or embed.id_doubt and "ZERO WIDTH SPACE" in embed.id_doubt, embed
