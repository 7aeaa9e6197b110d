"""Share-sheet short links that hide a post (#15): the detectors report them as kind "short-link", and
`scan --resolve` follows each, against loopback servers standing in for the platforms, to the post it hides."""

import json

import pytest

from resolver.extract import find_all
from tests.fakenet import redirect
from tests.test_cli_resolve import config_for, invoke

# (short link as an article prints it, the host and path it is requested at, where the platform sends it, post id)
SHORT_LINKS = [
    ("https://vm.tiktok.com/ZMabc123/", "vm.tiktok.com", "/ZMabc123/",
     "https://www.tiktok.com/@rivertoncouncil/video/7300000000000000001?_r=1&_t=8abc", "7300000000000000001"),
    ("https://vt.tiktok.com/ZSabc123", "vt.tiktok.com", "/ZSabc123/",
     "https://www.tiktok.com/@riverdancer/video/7300000000000000002?_r=1", "7300000000000000002"),
    ("https://www.tiktok.com/t/ZTabc123/", "www.tiktok.com", "/t/ZTabc123/",
     "https://www.tiktok.com/@riverdancer/video/7300000000000000003", "7300000000000000003"),
    ("https://fb.watch/abC1dEf2Gh/", "fb.watch", "/abC1dEf2Gh/",
     "https://www.facebook.com/watch/?v=10150000000000001", "10150000000000001"),
    ("https://www.facebook.com/share/p/1AbCdEfGhI/", "www.facebook.com", "/share/p/1AbCdEfGhI/",
     "https://www.facebook.com/RivertonCouncil/posts/pfbid02AbCdEfGhIjKlMnOpQrStUv/",
     "pfbid02AbCdEfGhIjKlMnOpQrStUv"),
    ("https://www.instagram.com/share/reel/BAbCdEfGh1", "www.instagram.com", "/share/reel/BAbCdEfGh1/",
     "https://www.instagram.com/reel/CxAbC123dEf/?igsh=abc", "CxAbC123dEf"),
    ("https://www.reddit.com/r/Riverton/s/AbCdEf1234", "www.reddit.com", "/r/Riverton/s/AbCdEf1234",
     "https://www.reddit.com/r/Riverton/comments/1abcde/bridge/?share_id=x1", "1abcde"),
]


def article() -> str:
    return "".join(f"Paragraph {i}: the council shared it ({link}) this morning.\n\n"
                   for i, (link, *_rest) in enumerate(SHORT_LINKS))


@pytest.mark.parametrize("kind", ["text", "html"])
def test_detectors_report_short_links_and_not_bare_tco(kind):
    links = [link for link, *_rest in SHORT_LINKS]
    if kind == "text":
        page = article() + "Read more at https://t.co/Ab12Cd34Ef today.\n"
    else:
        page = "".join(f'<p>See <a href="{link}">the clip</a>.</p>' for link in links)
        page += '<p><a href="https://t.co/Ab12Cd34Ef">more</a></p>'
    embeds, _ = find_all(page, kind)
    assert [(e.kind, e.post_id) for e in embeds] == [("short-link", None)] * len(links)
    assert [e.platform for e in embeds] == ["tiktok"] * 3 + ["facebook"] * 2 + ["instagram", "reddit"]


def test_scan_resolve_follows_each_short_link_to_its_post(fakenet, tmp_path):
    for _, host, path, target, _ in SHORT_LINKS:
        fakenet.route(host, path, redirect(target, 302 if "facebook" in target else 301))
    config = config_for(fakenet, tmp_path, hosts=sorted({host for _, host, *_rest in SHORT_LINKS}))
    path = tmp_path / "story.txt"
    path.write_text(article())
    result = invoke(tmp_path, config, "scan", "--resolve", "--json", str(path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [e["kind"] for e in data["embeds"]] == ["short-link"] * len(SHORT_LINKS)
    found = {r["url"]: r for r in data["resolutions"]}
    for link, host, path_, target, post_id in SHORT_LINKS:
        resolution = next(r for url, r in found.items() if url.startswith(f"https://{host}{path_.rstrip('/')}"))
        assert resolution["error"] is None and resolution["final_url"] == target
        assert resolution["post"]["post_id"] == post_id and resolution["post"]["kind"] in ("post", "video")
    # the posts themselves are never requested: the URL says what they are
    assert {h for h, _ in fakenet.hits} <= {host for _, host, *_rest in SHORT_LINKS}
    assert len(fakenet.hits) == len(SHORT_LINKS)


def test_offline_report_says_a_short_link_hides_the_post(tmp_path):
    # Previously a short link's embed read "the article kept no link", which it did keep.
    path = tmp_path / "story.txt"
    path.write_text(article())
    config = tmp_path / "config.toml"
    config.write_text("")
    result = invoke(tmp_path, config, "report", "--offline", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("no post id yet: the link hides it (embed-resolver scan --resolve follows it") == 7
    assert "kept no link" not in result.stdout


def _video_linked_again(fakenet, tmp_path, video="7311111111111111111"):
    """An article embedding a TikTok and linking it again by vm.tiktok.com, which leads to it; its config."""
    from werkzeug import Response

    from tests.waybacknet import serve

    fakenet.route("vm.tiktok.com", "/ZMabc123/", redirect(f"https://www.tiktok.com/@bridgefan/video/{video}?_r=1"))
    fakenet.route("www.tiktok.com", "/oembed", lambda _: Response(json.dumps({
        "version": "1.0", "type": "video", "title": "The bridge is under water now #flood",
        "author_url": "https://www.tiktok.com/@bridgefan", "author_name": "Bridge Fan",
        "author_unique_id": "bridgefan", "provider_name": "TikTok"}), content_type="application/json"))
    serve(fakenet, [])
    config = config_for(fakenet, tmp_path, hosts=["vm.tiktok.com", "www.tiktok.com", "web.archive.org", "archive.org"])
    page = (f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@bridgefan/video/{video}" '
            f'data-video-id="{video}"><section><a href="https://www.tiktok.com/@bridgefan">@bridgefan</a>'
            '<p>The bridge is under water now #flood</p></section></blockquote>'
            '<p>Watch it <a href="https://vm.tiktok.com/ZMabc123/">on TikTok</a>.</p>')
    (tmp_path / "story.html").write_text(page)
    return config


def test_a_short_link_to_a_post_the_article_embeds_is_the_same_post_as_that_embed(fakenet, tmp_path):
    """An article embeds a TikTok and links it again by vm.tiktok.com: the link resolved to the same video and was a
    second, unconnected embed with the same facts and checks, the video counted twice among the posts (newuser29
    #11). The link's embed now says it is the same post as the embed that shows it, in the JSON and the reports,
    and the post is counted once."""
    video = "7311111111111111111"
    config = _video_linked_again(fakenet, tmp_path, video)
    out = {fmt: invoke(tmp_path, config, "report", "--format", fmt, str(tmp_path / "story.html"))
           for fmt in ("json", "md", "html")}
    assert out["json"].exit_code == 0, out["json"].output
    data = json.loads(out["json"].stdout)
    shown, linked = data["embeds"]
    assert (shown["post_id"], shown["same_post_as"]) == (video, None)
    assert (linked["kind"], linked["post"]["post_id"], linked["same_post_as"]) == ("short-link", video, 1)
    assert data["summary"]["posts"]["named"] == 1
    note = "The same post as embed 1: this link leads to it"
    assert f"- {note}" in out["md"].stdout and f"<li>{note}</li>" in out["html"].stdout


def test_scan_ties_a_short_link_to_the_embed_showing_its_post_and_reports_count_that_post_once(fakenet, tmp_path):
    """The tie was in reports alone: `scan --resolve --json` listed the short link as an embed of its own, and a
    report's check counts counted the post's checks twice, once under each embed (fixembed29, noticed). Scan's JSON
    now ties them (`same_posts`, by index into `embeds`, as `resolutions` and `posts` are), from the link's end
    before any fetch; the counts of embeds still count both."""
    config = _video_linked_again(fakenet, tmp_path)
    story = str(tmp_path / "story.html")
    scanned = json.loads(invoke(tmp_path, config, "scan", "--offline", "--json", story).stdout)
    assert scanned["same_posts"] is None   # nothing followed: not known
    for steps in (["--resolve"], ["--resolve", "--fetch"]):
        result = invoke(tmp_path, config, "scan", *steps, "--json", story)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["same_posts"] == [{"embed": 1, "same_post_as": 0}], steps
        said = invoke(tmp_path, config, "scan", *steps, story).stdout
        assert "#2 is the same post as #1: its link leads to it" in said, steps
    data = json.loads(invoke(tmp_path, config, "report", "--format", "json", story).stdout)
    shown, linked = data["embeds"]
    said = {(c["name"], c["result"], c["evidence"]) for c in shown["checks"]}
    again = [c for c in linked["checks"] if (c["name"], c["result"], c["evidence"]) in said]
    assert again   # the post's own checks, said again under the link's embed
    counted = sum(data["summary"]["checks"].values())
    assert counted == len(shown["checks"]) + len(linked["checks"]) - len(again)
    assert (data["summary"]["embeds"], data["summary"]["by_platform"]) == (2, {"tiktok": 2})
    assert data["summary"]["posts"]["named"] == sum(data["summary"]["by_status"].values()) == 1
