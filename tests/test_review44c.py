"""review44c: adversarial review of stop 43's fixnu43c (steps [origins] refused), fixnu43d (library promises) and
perf43 (offline start-up, CDX timestamps). Loopback servers only; nothing unmapped is contacted."""

import json

from werkzeug.wrappers import Response

from tests.test_refused_steps43 import NOT_CHECKED, _sealed


def test_fetch_of_a_short_link_the_config_refused_says_not_checked_not_error(fakenet, tmp_path, monkeypatch):
    """`fetch https://t.co/…` with t.co unmapped in a sealed run: the link is not followed, by the config's choice.
    Before, stderr said "error: cannot fetch …: the link could not be resolved (unmapped: …)" while the exit code
    was 0: an error line no failure stands behind (README: a step the config
    refused is said as not checked, no `error:` line)."""
    fakenet.route("news.test", "/", lambda r: Response("", status=200))
    run = _sealed(fakenet, tmp_path, monkeypatch, ["news.test"])
    said: list[str] = []
    code, out = run("fetch", "https://t.co/Zz98Yy76Xx", said=said)
    assert code == 0, (out, said)
    assert not [line for line in said if line.startswith("error:")], said
    assert NOT_CHECKED in out + "\n".join(said), (out, said)
    said = []
    code, out = run("fetch", "--json", "https://t.co/Zz98Yy76Xx", said=said)
    assert code == 0 and not [line for line in said if line.startswith("error:")], (out, said)
    [line] = [json.loads(line) for line in out.splitlines()]
    # the JSON keeps the kind, as every --json line of a refused step does ("unmapped: refused …")
    assert line["link"] == "https://t.co/Zz98Yy76Xx" and line["error"].startswith("unmapped: refused "), line


def test_a_report_never_says_the_sources_answered_a_post_no_source_was_asked(fakenet, tmp_path, monkeypatch):
    """A YouTube post in a sealed run, youtube.com unmapped: nothing was asked of it. Before, the report's heading,
    its badge, the summary's "Post status" and the archive check said "not known: the sources answered with errors"
    (a claim of answers no source gave); only its Status row said it was not checked. The JSON keeps code "error"."""
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = _sealed(fakenet, tmp_path, monkeypatch, ["web.archive.org", "archive.org"])
    article = ('<html><body><p>The council met.</p>'
               '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></body></html>')
    code, out = run("report", "--format", "md", "article.html", article=article)
    assert code == 0, out
    assert "answered with errors" not in out, out
    assert f"### 1. youtube video: {NOT_CHECKED}" in out, out
    assert f"| Post status | {NOT_CHECKED} 1 |" in out, out
    code, out = run("report", "--format", "json", "article.html", article=article)
    report = json.loads(out)
    [embed] = report["embeds"]
    assert embed["status"]["code"] == "error" and embed["status"]["words"] == NOT_CHECKED, embed["status"]
    assert report["summary"]["by_status"] == {NOT_CHECKED: 1}, report["summary"]
    [archive] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert "answered with errors" not in archive["evidence"] and "no source was asked" in archive["evidence"], archive
