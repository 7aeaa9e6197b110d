"""review47a: a review of review46h (credits), review46i (scan --summary-json, the whole job's line) and review46j
(Reddit captures). Fixtures fictional, modelled on real credit forms; loopback only."""

import pytest

from resolver.extract import find_all


def credits_in(line: str) -> list[tuple]:
    text = f"Text des Artikels, lang genug für einen Artikel.\n\nEine Szene am Hafen. {line}\n\nMehr Text danach.\n"
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(text, "text")[1]]


# review46h dropped picture alliance's credit, whole, when the first word after its pipe was not in the list of common
# first names: "picture alliance/dpa | Uli Beispiel" (Uli, Kay, Ole, Jan, Marijan: German agencies' photographers)
# gave no credit at all, where it had given the photographer and "picture alliance/dpa". Kept, the name not sure.
@pytest.mark.parametrize("line, expected", [
    ("picture alliance/dpa | Uli Beispiel", ("Uli Beispiel", "picture alliance/dpa", "uncertain")),
    ("picture alliance / dpa | Marijan Exempel", ("Marijan Exempel", "picture alliance / dpa", "uncertain")),
    ("picture alliance/dpa/dpa-Zentralbild | Jan Muster", ("Jan Muster", "picture alliance/dpa/dpa-Zentralbild",
                                                          "uncertain")),
    ("picture alliance/REUTERS | Ole Probst", ("Ole Probst", "picture alliance/REUTERS", "uncertain")),
    ("picture alliance/dpa | Jens Beispiel", ("Jens Beispiel", "picture alliance/dpa", "high")),
], ids=["uli", "marijan", "zentralbild", "ole", "known-first-name"])
def test_picture_alliance_photographer_of_a_name_not_listed_is_kept_not_sure(line, expected):
    assert credits_in(line) == [expected]


@pytest.mark.parametrize("line", ["picture alliance/dpa | Unsere Partner", "picture alliance/dpa | Unsere Marken",
                                  "picture alliance | Alle Angebote", "picture alliance/dpa | Über Uns",
                                  "picture alliance/dpa | Mehr Nachrichten"])
def test_a_menu_line_after_picture_alliance_still_names_no_photographer(line):
    assert not any(creator for creator, _, _ in credits_in(line)), credits_in(line)


def page(n: int) -> str:
    return (f'<html><body><p>Story {n}, long enough to be read as an article.</p><blockquote class="twitter-tweet"><p>'
            f'Words {n}</p>&mdash; Reporter (@reporter{n}) <a href="https://twitter.com/reporter{n}/status/'
            f'{1600000000000000000 + n}">December 6, 2022</a></blockquote></body></html>')


def scan(tmp_path, *args: str):
    from click.testing import CliRunner

    from resolver.cli import cli

    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "--json", *args])


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_summary_json_is_never_the_caches_own_files(tmp_path, suffix):
    """review46i refused `--summary-json c.db`; `--summary-json c.db-wal` (the cache's write-ahead log, open through
    the run) was written, then deleted by SQLite as it closed the cache: no summary, exit 0, nothing said."""
    story = tmp_path / "story.html"
    story.write_text(page(1))
    result = scan(tmp_path, "--summary-json", str(tmp_path / f"c.db{suffix}"), str(story))
    assert result.exit_code == 2, result.output
    assert "--summary-json" in result.stderr and "--db" in result.stderr, result.stderr


def test_a_summary_json_in_a_folder_that_is_a_file_is_refused_before_the_run(tmp_path):
    """`--summary-json notes.txt/s.json` was said only after the whole run ("error: cannot write the summary"), exit 0;
    -o there is refused before anything is read."""
    story = tmp_path / "story.html"
    story.write_text(page(1))
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    result = scan(tmp_path, "--summary-json", str(tmp_path / "notes.txt" / "s.json"), str(story))
    assert result.exit_code == 2, result.output
    assert "notes.txt" in result.stderr and "not a folder" in result.stderr, result.stderr
    assert result.stdout == "", result.stdout


def test_a_summary_json_that_cannot_be_written_fails_the_run(tmp_path):
    """A summary the disk would not take (/dev/full: "No space left on device") said "error: cannot write the summary"
    and the run exited 0, so a script saw success and no summary."""
    import os

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    story = tmp_path / "story.html"
    story.write_text(page(1))
    result = scan(tmp_path, "--summary-json", "/dev/full", str(story))
    assert "error: cannot write the summary to /dev/full" in result.stderr, result.stderr
    assert result.exit_code == 1, result.output


# review46h: "© DR" beside a file whose own notice names no one is a skip; its words were French and English only, so
# the German, Spanish, Italian and Portuguese notices were still said to be names: "the file names Alle Rechte
# vorbehalten".
@pytest.mark.parametrize("notice", ["Alle Rechte vorbehalten", "Todos los derechos reservados",
                                    "Tutti i diritti riservati", "Todos os direitos reservados",
                                    "© Alle Rechte vorbehalten"])
def test_dr_beside_a_files_notice_naming_no_one_in_other_languages_is_a_skip(notice):
    from resolver.provenance import credit_checks
    from tests.test_review46h import credit_of

    [found] = credit_checks(credit_of("Crédit photo : DR"), {"credit": {"copyright": notice}})
    assert found["result"] == "skip" and "neither the caption nor the file names an author" in found["evidence"], found


def test_dr_beside_a_file_naming_an_author_with_a_notice_still_warns():
    from resolver.provenance import credit_checks
    from tests.test_review46h import credit_of

    notice = {"credit": {"copyright": "Hans Müller, alle Rechte vorbehalten"}}
    [found] = credit_checks(credit_of("Crédit photo : DR"), notice)
    assert found["result"] == "warn" and "Hans Müller" in found["evidence"], found


CAPTURED = "https://www.reddit.com/r/riverton/comments/1rvf10d/levee_breach_at_riverton/"


def reddit_capture(words_html: str) -> str:
    return ('<html><body><shreddit-post id="t3_1rvf10d" permalink="/r/riverton/comments/1rvf10d/levee_breach_at_'
            'riverton/" author="River_Watcher_7" post-title="Levee breach at Riverton"><div slot="text-body"><div '
            f'class="md">{words_html}</div></div></shreddit-post></body></html>')


@pytest.mark.parametrize("words_html, text", [
    ('<p>The levee at <a href="https://news.example/levee">Riverton</a>, they say, broke.</p>',
     "The levee at Riverton, they say, broke."),
    ("<p>It was <em>not</em> the dam.</p><p>Second line<br>after a break.</p>",
     "It was not the dam.\nSecond line\nafter a break."),
], ids=["a-link-before-a-comma", "emphasis-and-a-break"])
def test_a_reddit_captures_words_are_quoted_as_the_page_shows_them(words_html, text):
    """A thread's words in a capture were joined with a space at every tag: "Riverton , they say" of a link before a
    comma, and Reddit's removal notice quoted "the content policy . ]": words the page never showed, in a report."""
    from resolver.fetch import wayback

    record = wayback.read("1rvf10d", 200, "text/html", reddit_capture(words_html).encode(), CAPTURED,
                          platform="reddit").record
    assert record.text == text, record


def test_reddits_removal_notice_is_quoted_as_shown():
    from resolver.fetch import wayback

    notice = ('<p>[ Removed by Reddit on account of violating the <a href="/help/contentpolicy">content policy</a>.'
              ' ]</p>')
    record = wayback.read("1rvf10d", 200, "text/html", reddit_capture(notice).encode(), CAPTURED,
                          platform="reddit").record
    assert record.text is None and "“[ Removed by Reddit on account of violating the content policy. ]”" in (
        record.reason or ""), record


def test_a_summary_json_named_dash_is_refused_not_written_to_a_file_named_dash(tmp_path, monkeypatch):
    """`-o -` is stdout; `--summary-json -` wrote a file named "-" in the folder the run was started from, which a
    user reading stdout never saw (and `rm -` cannot remove)."""
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.html"
    story.write_text(page(1))
    result = scan(tmp_path, "--summary-json", "-", str(story))
    assert result.exit_code == 2, result.output
    assert "/dev/stdout" in result.stderr, result.stderr
    assert not (tmp_path / "-").exists()


# German "Bildschirmfoto:" opens a screenshot's credit as "Screenshot:" does; it gave no credit at all ("Bildschirmfoto:
# ZDF", "Bildschirmfoto: Anna Beispiel"), read only when a slash form named an agency after it.
@pytest.mark.parametrize("caption, expected", [
    ("Bildschirmfoto: ZDF", ("ZDF", "high")),
    ("Bildschirmfoto: Anna Beispiel", ("Anna Beispiel", "uncertain")),
    ("Bildschirmfoto: Telegram/Kanal Beispiel", ("Telegram/Kanal Beispiel", "high")),
    ("Screenshot: ZDF", ("ZDF", "high")),
])
def test_bildschirmfoto_with_a_colon_opens_a_screenshots_credit(caption, expected):
    from tests.test_review46h import credit_of

    credit = credit_of(caption)
    assert credit["kind"] == "screenshot" and credit["creator"] is None, credit
    assert (credit["organization"], credit["split_confidence"]) == expected, credit
