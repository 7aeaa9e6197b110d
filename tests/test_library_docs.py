"""What the README's Python API says of checking a page the caller holds (newuser43b #7: "this HTML string at this
URL" with steps was undocumented; `scan(html, source=url)` runs no step) and of the typed results' names beside
their JSON (#8: `ArticleResult` has no `.source`, `Failure.message` is JSON `error`, a post is `ForEmbed` wrapping
`FetchedPost`). Offline: the cache answers, nothing is asked."""

from resolver import pipeline
from resolver.inputs import Item
from resolver.session import Mode, Session
from resolver.settings import Settings

URL = "https://news.example/2024/05/13/harbour-budget"
HTML = ('<article><p>The council meets tonight.</p><blockquote class="twitter-tweet"><p>The council votes tonight.'
        '</p>&mdash; City Hall (@cityhallnews) <a href="https://twitter.com/cityhallnews/status/1790000000000000001">'
        'May 13, 2024</a></blockquote></article>')


def test_an_html_string_at_its_url_runs_the_steps_and_the_typed_names_match_the_json(store):
    out: list = []
    item = Item(source=URL, key=URL, data=HTML.encode(), url=URL, kind="html")   # as the README writes it
    pipeline.run([item], session=Session(Settings(), store=store, mode=Mode(offline=True)),
                 steps=pipeline.Steps(fetch=True), emit=out.append)
    [result] = out
    data = result.to_json()
    assert (data["source"], data["url"]) == (URL, URL)
    assert (result.article.source, result.url) == (data["source"], data["url"])
    [found] = result.posts
    [post] = data["posts"]
    record = found.value.record
    assert (record.post_id, record.status, record.method) == (post["post_id"], post["status"], post["method"])
    assert (record.post_id, record.status, record.method) == ("1790000000000000001", "unknown", None)   # never fetched


def test_a_failure_s_message_is_its_json_error_after_its_kind(tmp_path):
    out: list = []
    missing = str(tmp_path / "gone.html")
    pipeline.run([Item(source=missing, key=missing, path=tmp_path / "gone.html", explicit=True)],
                 session=Session(Settings()), emit=out.append)
    [failure] = out
    assert failure.to_json() == {"source": failure.source, "error": f"{failure.kind}: {failure.message}"}
    assert failure.to_json()["error"].startswith("input: cannot read ")
