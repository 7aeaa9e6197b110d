"""Review of fediarch41 (a deleted Mastodon post's archived page read for its words, #9): captures the reader took as
the post that are not its page.

- Mastodon serves `/web/statuses/<id>` and a remote account's status `/@user@domain/<id>` with the web app's shell
  (routes: home#index), whose head is the server's (app/views/shared/_og.html.haml: og:type "website", og:url the
  URL asked, og:title the server's name, og:description the server's description). The reader took the og:url as
  naming the status and the server's description as the post's words ("available").
- An instance whose interface is not English writes a content warning as its own words ("Inhaltswarnung: %{warning}"
  in German, config/locales/de.yml statuses.content_warning): the reader took the warning as the post's words."""

from __future__ import annotations

import pytest

from resolver.fetch import wayback

STATUS = "112000000000000000"
POST_ID = f"mastodon.social/{STATUS}"
SERVER = "The original server operated by the Mastodon gGmbH non-profit"


def web_app_shell(url: str) -> bytes:
    """A Mastodon 4.x page the web app renders alone (home#index): the server's head, the URL asked as og:url."""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta content="noindex" name="robots">'
            f'<meta content="{SERVER}" name="description">'
            '<meta content="Mastodon hosted on mastodon.social" property="og:site_name">'
            f'<meta content="{url}" property="og:url"><meta content="website" property="og:type">'
            '<meta content="Mastodon" property="og:title">'
            f'<meta content="{SERVER}" property="og:description"><title>Mastodon</title></head>'
            '<body class="app-body"><div class="app-holder" id="mastodon" data-props="{}"><noscript>To use the '
            'Mastodon web application, please enable JavaScript.</noscript></div></body></html>').encode()


@pytest.mark.parametrize("url", [f"https://mastodon.social/web/statuses/{STATUS}",
                                 f"https://mastodon.social/@bob@other.example/{STATUS}"], ids=["web", "remote"])
def test_a_capture_of_the_mastodon_web_apps_shell_is_never_the_posts_words(url):
    reading = wayback.read(POST_ID, 200, "text/html; charset=utf-8", web_app_shell(url), url)
    record = reading.record
    assert (record.status, record.text, reading.form) == ("unknown", None, "none"), record
    assert "web app" in (record.reason or ""), record


def status_head_in(lang: str, description: str) -> bytes:
    """A Mastodon 4.x status page served in the interface language `lang` (the instance's default locale)."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<link rel="alternate" type="application/activity+json" '
            f'href="https://mastodon.social/users/dave/statuses/{STATUS}">'
            '<meta content="article" property="og:type">'
            '<meta content="Dave Lee (@dave@mastodon.social)" property="og:title">'
            f'<meta content="https://mastodon.social/@dave/{STATUS}" property="og:url">'
            '<meta content="2024-02-26T21:52:55Z" property="og:published_time">'
            '<meta content="dave@mastodon.social" property="profile:username">'
            f'<meta content="{description}" property="og:description"></head><body></body></html>').encode()


def test_a_content_warning_in_the_instances_own_language_is_never_taken_as_the_posts_words():
    url = f"https://mastodon.social/@dave/{STATUS}"
    reading = wayback.read(POST_ID, 200, "text/html", status_head_in("de", "Inhaltswarnung: Politik"), url)
    assert (reading.record.status, reading.record.text) == ("unknown", None), reading.record
    # the page's language named (review42c: "de" is in any reason that says "description")
    assert "instance's language (de)" in (reading.record.reason or ""), reading.record
    # its media line too: "Angehängt: 1 Bild" is the page's, not the post's; said, the words after it read
    reading = wayback.read(POST_ID, 200, "text/html",
                           status_head_in("de", "Angehängt: 1 Bild\n\nDie Brücke ist gesperrt."), url)
    # review42c: it asserted only that the text was not the whole description, which no words (None) passed too
    assert (reading.record.status, reading.record.text) == ("available", "Die Brücke ist gesperrt."), reading.record
    assert any("“Angehängt: 1 Bild”" in note and "media line" in note for note in reading.notes), reading.notes
    # a German page whose words hold no such line is read as before, and so is an English one with a colon
    for words in ("Die Brücke ist gesperrt.", "https://example.org/umleitung Die Brücke ist gesperrt."):
        reading = wayback.read(POST_ID, 200, "text/html", status_head_in("de", words), url)
        assert (reading.record.status, reading.record.text) == ("available", words), reading.record
    reading = wayback.read(POST_ID, 200, "text/html", status_head_in("en", "Update: the bridge is closed."), url)
    assert (reading.record.status, reading.record.text) == ("available", "Update: the bridge is closed.")


def test_a_mastodon_polls_options_in_the_description_are_never_the_posts_words():
    """StatusesHelper#poll_summary appends the poll's options as a block of "[ ] option" lines: Mastodon's rendering of
    the poll, not words the post's author wrote; the reader gave them as the post's text."""
    url = f"https://mastodon.social/@dave/{STATUS}"
    words = "Is the bridge open yet?"
    reading = wayback.read(POST_ID, 200, "text/html",
                           status_head_in("en", f"{words}\n\n[ ] Yes\n[ ] No, still closed"), url)
    assert (reading.record.status, reading.record.text) == ("available", words), reading.record
    assert any("poll" in note for note in reading.notes), reading.notes


def test_a_first_paragraph_in_another_language_is_kept_unless_it_is_shaped_as_the_media_line():
    """The media line is dropped only in its own shape ("<label>: <count> <kind>"): a post's first paragraph that
    merely holds a colon and a number stays in its words."""
    url = f"https://mastodon.social/@dave/{STATUS}"
    words = "Update 2: Die Brücke ist gesperrt.\n\nMehr später."
    reading = wayback.read(POST_ID, 200, "text/html", status_head_in("de", words), url)
    assert (reading.record.status, reading.record.text) == ("available", words), reading.record
    reading = wayback.read(POST_ID, 200, "text/html",
                           status_head_in("fr", "Pièces jointes : 2 images · 1 vidéo\n\nLe pont est fermé."), url)
    assert reading.record.text == "Le pont est fermé.", reading.record


def test_a_deleted_remote_status_whose_only_capture_is_the_web_apps_shell_shows_no_archived_words(
        fakenet, tmp_path, monkeypatch):
    """An article links a remote account's status as its reader's instance shows it (`/@bob@other.example/<id>`,
    the one page the fetch lists for it). Its capture is the web app's shell: the report showed the server's
    description as the post's archived text and checked the article's quote against it."""
    from tests.fakenet import page
    from tests.test_fediverse_captures import HOSTS, _posts
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import Capture, serve

    linked = f"https://mastodon.social/@bob@other.example/{STATUS}"
    fakenet.route("mastodon.social", "/api/oembed", page('{"error":"Record not found"}', 404,
                                                        content_type="application/json"))
    serve(fakenet, [Capture("20240227093000", linked, web_app_shell(linked))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = f'<html><body><p>Bob wrote: “The ferry is late.” <a href="{linked}">(post)</a></p></body></html>'
    code, out = run("scan", "--fetch", "--json", "a.html", article=article, name="a.html")
    [post] = _posts(out)
    assert [(c["status"], c["text"]) for c in post["archived"]] == [("unknown", None)], post["archived"]
    code, md = run("report", "--offline", "a.html")
    assert SERVER not in md and "| Archived text |" not in md, md
    assert "the capture shows the instance's web app page" in md, md
