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
