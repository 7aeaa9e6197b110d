"""`stats` under the link-rot view says how many of the recorded embeds it leaves out as naming no post (a flattened
post that kept no link, a timeline), so its "Of the N embeds" reconciles with `scan`'s count and the embeds table
(newuser38b #3: scan said 44 embeds, the view counted 43, and nothing said why). Fixtures are fictional."""

import json

from click.testing import CliRunner

from resolver.cli import cli

STORY = ("The bridge reopened this morning.\n\nhttps://twitter.com/RivertonRoads/status/1600000000000000011\n\n"
         "Crews worked overnight.\n— Riverton Roads (@RivertonRoads) December 6, 2022\n\nMore text follows here.\n")


def _run(tmp_path, *args):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args])


def test_stats_says_how_many_embeds_naming_no_post_it_leaves_out(tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    scanned = _run(tmp_path, "scan", "--offline", "--json", str(tmp_path / "story.txt"))
    assert scanned.exit_code == 0, scanned.output
    [line] = scanned.stdout.splitlines()
    found = json.loads(line)["embeds"]
    assert sorted(e["post_id"] or "" for e in found) == ["", "1600000000000000011"]   # one names no post
    shown = _run(tmp_path, "stats")
    said = " ".join(shown.output.split())
    assert ("Of the 2 embeds recorded, 1 naming no post (a flattened post that kept no link, a playlist, a timeline) is "
            "left out") in said, said
    as_json = _run(tmp_path, "stats", "--json")
    assert as_json.exit_code == 0
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    [dead] = [r for r in rows if r["view"] == "dead_embeds_by_outlet_year"]
    assert dead["embeds"] == 1
    notes = [json.loads(line) for line in as_json.stderr.splitlines() if line.startswith("{")]
    assert {"view": "dead_embeds_by_outlet_year", "embeds_recorded": 2, "left_out_naming_no_post": 1,
            "left_out_shown_by_another_embed": 0} in notes


def test_a_playlist_the_view_leaves_out_is_said_as_naming_no_post_not_as_another_embeds_post(tmp_path):
    """The lead's merge of fixnu38b on review38c's v73: the view counts no playlist (a list id in post_id), so the
    count of what it leaves out must say it as naming no post, not as showing a post another embed shows."""
    page = ("<html><body><article><p>The council met.</p>"
            '<iframe src="https://www.youtube.com/embed/videoseries?list=PLb2Rk0bWmB1xYz" width="560"></iframe>'
            '<blockquote class="twitter-tweet"><p>Bridge open.</p>&mdash; Riverton Roads (@RivertonRoads) '
            '<a href="https://twitter.com/RivertonRoads/status/1600000000000000011">December 6, 2022</a>'
            "</blockquote></article></body></html>")
    (tmp_path / "story.html").write_text(page)
    scanned = _run(tmp_path, "scan", "--offline", "--json", str(tmp_path / "story.html"))
    assert scanned.exit_code == 0, scanned.output
    kinds = sorted(e["kind"] or "" for e in json.loads(scanned.stdout.splitlines()[0])["embeds"])
    assert "playlist" in kinds and len(kinds) == 2, kinds
    as_json = _run(tmp_path, "stats", "--json")
    notes = [json.loads(line) for line in as_json.stderr.splitlines() if line.startswith("{")]
    assert {"view": "dead_embeds_by_outlet_year", "embeds_recorded": 2, "left_out_naming_no_post": 1,
            "left_out_shown_by_another_embed": 0} in notes, notes
