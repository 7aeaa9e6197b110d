"""Settings: TOML file, environment, flags, in that order; origins normalised; bad values are one-line errors."""

import time
from pathlib import Path

import pytest

from resolver.errors import ConfigError
from resolver.http import _retry_after
from resolver.settings import Settings, load_settings


def test_defaults_and_no_secrets_in_repr():
    settings = load_settings(env={})
    assert (settings.allow_private, settings.timeout, settings.max_redirects, settings.concurrency) == (False, 15, 10, 16)
    secret = load_settings(env={"X_BEARER_TOKEN": "tok-SECRET", "IA_SECRET_KEY": "ia-SECRET"})
    assert "SECRET" not in repr(secret) and secret.x_bearer_token == "tok-SECRET"


def test_file_then_environment_then_flags(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[network]\ntimeout = 3\nallow_private = true\nmax_body_bytes = 1_000\ncache_ttl = 2\n'
                    'error_ttl = 0.5\n[origins]\n"https://T.co/" = "http://127.0.0.1:8765"\n[cache]\ndb = "/tmp/x.db"\n')
    settings = load_settings(env={"EMBED_RESOLVER_CONFIG": str(path), "EMBED_RESOLVER_DB": "/tmp/env.db"},
                             overrides={"timeout": 9})
    assert settings.timeout == 9 and settings.allow_private is True and settings.max_body_bytes == 1000
    assert settings.cache_ttl_days == 2 and str(settings.db_path) == "/tmp/env.db"
    assert settings.error_ttl_days == 0.5
    assert dict(settings.origins) == {"https://t.co": "http://127.0.0.1:8765"}


def test_failure_ttl_is_minutes_in_the_fetch_section(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text("[fetch]\nfailure_ttl = 5\n")
    assert load_settings(env={}).failure_ttl_minutes == 30
    assert load_settings(env={}, path=path).failure_ttl_minutes == 5


@pytest.mark.parametrize("body,message", [
    ("[network]\ntimeout = 'soon'\n", "timeout must be a non-negative number"),
    ("[network]\nconcurrency = 0\n", "concurrency must be at least 1"),
    ("[fetch]\nmax_image_pixels = 0\n", "max_image_pixels must be at least 1"),
    ("[network]\nallow_private = 'yes'\n", "allow_private must be true or false"),
    ("[network]\ntimeuot = 3\n", "unknown [network] keys: timeuot"),
    ('[origins]\n"https://t.co/path" = "http://127.0.0.1:1"\n', "is not an origin"),
    ("not toml at all = = \n", "is not valid TOML"),
    # a typo in a section's name, or in a key of any section, was silently ignored: the setting never applied
    ("[nettwork]\ntimeout = 3\n", "unknown section [nettwork]; the sections are [network], [fetch], [scan]"),
    ("[fetch]\nmax_media_byte = 3\n", "unknown [fetch] keys: max_media_byte"),
    ("[fetch]\nfailure_ttl = -1\n", "[fetch] failure_ttl must be a non-negative number, not -1"),
    ("[archive]\nsave_timout = 3\n", "unknown [archive] keys: save_timout"),
    ("[x]\nbearer = 'a'\n", "unknown [x] keys: bearer"),
    # a [limits] key that is no URL prefix matches no request: the limit silently never applied
    ('[limits]\n"web.archive.org/save" = 10\n', "[limits] key 'web.archive.org/save' is no URL prefix"),
    ("[network]\nmax_redirects = 1.5\n", "max_redirects must be a whole number"),
], ids=["type", "range", "pixels", "bool", "typo", "origin", "syntax", "section-typo", "fetch-typo", "failure-ttl",
        "archive-typo", "x-typo", "limits-not-a-url", "whole-number"])
def test_bad_config_is_a_clear_error(tmp_path, body, message):
    path = tmp_path / "c.toml"
    path.write_text(body)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_settings(env={}, path=path)


@pytest.mark.parametrize("body,message", [
    ("[network]\ntimeout = 'x'\n", "[network] timeout must be a non-negative number, not 'x'"),
    ("[network]\ncache_ttl = -1\n", "[network] cache_ttl must be a non-negative number, not -1"),
    ("[network]\nerror_ttl = 'a day'\n", "[network] error_ttl must be a non-negative number, not 'a day'"),
    ("[fetch]\nmax_image_pixels = 0\n", "[fetch] max_image_pixels must be at least 1"),
    ("[archive]\nsave_timeout = 'long'\n", "[archive] save_timeout must be a non-negative number, not 'long'"),
    ("[scan]\narticle_budget = 5\n", None),
    ("[network]\nlink_deadline = -1\n", "[network] link_deadline must be a non-negative number, not -1"),
], ids=["network", "renamed-key", "renamed-failure-key", "fetch", "archive", "fine", "link-deadline"])
def test_a_bad_config_value_names_the_file_and_section(tmp_path, body, message):
    """`timeout must be a non-negative number, not 'x'` named neither the file nor the section it was in."""
    path = tmp_path / "c.toml"
    path.write_text(body)
    if message is None:
        load_settings(env={}, path=path)
        return
    with pytest.raises(ConfigError) as caught:
        load_settings(env={}, path=path)
    assert str(caught.value) == f"config file {path}: {message}"


@pytest.mark.parametrize("section,key", [("x", "bearer_token"), ("internet_archive", "ia_access_key"),
                                         ("internet_archive", "ia_secret_key"), ("meta", "access_token")])
def test_a_secret_of_the_wrong_type_is_not_echoed_in_the_error(tmp_path, section, key):
    """Before, `bearer_token = ["..."]` printed the token in the error message, so into a terminal or a CI log."""
    path = tmp_path / "c.toml"
    path.write_text(f'[{section}]\n{key} = ["MRKsecret7Q2", 12345678]\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(env={}, path=path)
    assert str(caught.value) == f"config file {path}: [{section}] {key} must be a string (its value is not shown)"


@pytest.mark.parametrize("name,where", [("X_BEARER_TOKEN", "[x] bearer_token"),
                                        ("IA_ACCESS_KEY", "[internet_archive] ia_access_key"),
                                        ("IA_SECRET_KEY", "[internet_archive] ia_secret_key"),
                                        ("META_ACCESS_TOKEN", "[meta] access_token")])
def test_a_secret_an_http_header_cannot_carry_is_a_one_line_error(name, where):
    """Before, a token with a non-ASCII character (a stray paste) ended the run with "internal error:
    UnicodeEncodeError" at the first request."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={name: "MRKtok\u20ac9 "}, path=None)
    assert str(caught.value) == (f"{name} ({where}) has a character an HTTP request cannot carry (a space, a line "
                                 "break, a non-ASCII letter): check it was pasted whole; its value is not shown")


def test_missing_config_file():
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(env={"EMBED_RESOLVER_CONFIG": "/nonexistent/config.toml"})


def test_retry_after_forms():
    now = time.time()
    assert _retry_after({"retry-after": "7"}, now=now, cap=60) == 7
    assert _retry_after({"retry-after": "120"}, now=now, cap=60) == 60
    assert _retry_after({"x-rate-limit-reset": str(int(now) + 5)}, now=int(now), cap=60) == 5
    http_date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 10))
    assert 8 <= _retry_after({"retry-after": http_date}, now=now, cap=60) <= 10
    assert _retry_after({}, now=now, cap=60) is None


def test_settings_dataclass_is_frozen():
    with pytest.raises(Exception):
        Settings().timeout = 1


def test_the_image_pixel_limit_is_a_setting(tmp_path):
    assert load_settings(env={}).max_image_pixels == 40_000_000
    path = tmp_path / "c.toml"
    path.write_text("[fetch]\nmax_image_pixels = 12_000_000\n")
    assert load_settings(env={}, path=path).max_image_pixels == 12_000_000


@pytest.mark.parametrize("name,where,value", [("X_BEARER_TOKEN", "[x] bearer_token", "a"),
                                              ("IA_ACCESS_KEY", "[internet_archive] ia_access_key", "k1"),
                                              ("IA_SECRET_KEY", "[internet_archive] ia_secret_key", "abc"),
                                              ("META_ACCESS_TOKEN", "[meta] access_token", "tok5x")],
                         ids=["x-1", "ia-access-2", "ia-secret-3", "meta-5"])
def test_secrets27_a_secret_too_short_to_redact_is_refused(name, where, value):
    """A secret under 6 characters cannot be looked for in free text (every "abc" of every message would go), so
    an echo of it in a body, an error or a log line would be kept as it is: it was taken and used, and the promise
    that secrets are never written did not hold for it. Real ones are long (an IA key 16, an X token ~100)."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env={name: value}, path=None)
    assert str(caught.value) == (f"{name} ({where}) is {len(value)} character{'s' * (len(value) > 1)}: too short to "
                                 "redact safely (at least 6; a real one is 16 or more): check it was pasted whole; "
                                 "its value is not shown")


def test_secrets27_a_secret_of_six_characters_is_taken():
    assert load_settings(env={"IA_ACCESS_KEY": "k3y-ok", "IA_SECRET_KEY": "s3c-ok"}, path=None).ia_access_key == "k3y-ok"


def test_secrets27_a_secret_too_short_in_the_config_file_is_a_one_line_error_exit_2(tmp_path):
    from click.testing import CliRunner

    from resolver.cli import cli

    config = tmp_path / "c.toml"
    config.write_text('[internet_archive]\nia_access_key = "MRKaccess16chars"\nia_secret_key = "s3c"\n')
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan", str(config)])
    assert result.exit_code == 2
    assert result.stderr == ("error: IA_SECRET_KEY ([internet_archive] ia_secret_key) is 3 characters: too short to "
                             "redact safely (at least 6; a real one is 16 or more): check it was pasted whole; its "
                             "value is not shown\n")


@pytest.mark.parametrize(("value", "why"), [("with space9", "has a character an HTTP request cannot carry"),
                                            ("t\u00f6ken99", "has a character an HTTP request cannot carry"),
                                            ("s3c", "is 3 characters: too short to redact safely")],
                         ids=["a-space", "a-non-ascii-letter", "too-short"])
def test_fix27s_a_secret_that_cannot_be_used_as_given_exits_2_whatever_is_wrong_with_it(tmp_path, value, why):
    """A secret with a space exited 1 while a too-short one exited 2 (review27a #8): both are "check it was pasted
    whole", a usage-style refusal before anything is read or sent."""
    from click.testing import CliRunner

    from resolver.cli import cli

    article = tmp_path / "a.txt"
    article.write_text("Text.\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", str(article)],
                                env={"IA_SECRET_KEY": value})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"error: IA_SECRET_KEY ([internet_archive] ia_secret_key) {why}")
    assert value not in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["s3c", "with space9"], ids=["too-short", "a-space"])
def test_fix27s_cache_commands_that_send_nothing_are_not_blocked_by_a_secret_that_cannot_be_used(tmp_path, value):
    """`cache stats`, `merge`, `export` send and store no secret: a short (or unsendable) one refused them (exit 2)
    while they never use it (review27a #8). A command that may send one still refuses it."""
    from click.testing import CliRunner

    from cache import Store
    from resolver.cli import cli

    db = tmp_path / "c.db"
    with Store(db):
        pass
    env = {"IA_ACCESS_KEY": value}
    runner = CliRunner()
    for args in (["cache", "stats", "--json"], ["cache", "export", "articles", "--format", "jsonl"],
                 ["cache", "merge", str(tmp_path / "out.db"), str(db)], ["cache", "metadata"]):
        result = runner.invoke(cli, ["--db", str(db), *args], env=env)
        assert result.exit_code == 0, (args, result.output)
        assert value not in result.output
    assert runner.invoke(cli, ["--db", str(db), "scan", "--offline", str(db)], env=env).exit_code == 2


def test_servers31_link_deadline_is_a_network_key_of_seconds(tmp_path):
    assert Settings().link_deadline == 120.0
    config = tmp_path / "c.toml"
    config.write_text("[network]\nlink_deadline = 30\n")
    assert load_settings(env={}, path=config).link_deadline == 30.0


@pytest.mark.parametrize("given", [str, Path], ids=["str", "Path"])
def test_the_config_file_is_given_positionally_or_by_keyword_as_a_str_or_a_path(tmp_path, given):
    """newuser32c #8: `load_settings("config.toml")` was "TypeError: load_settings() takes 0 positional arguments"."""
    path = tmp_path / "config.toml"
    path.write_text("[fetch]\nfailure_ttl = 5\n")
    assert load_settings(given(path), env={}).failure_ttl_minutes == 5
    assert load_settings(path=given(path), env={}).failure_ttl_minutes == 5
    assert load_settings(given(path), env={}).config_path == path


def test_a_missing_config_file_given_to_the_python_api_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(str(tmp_path / "nowhere.toml"), env={})
    assert str(caught.value) == f"config file {tmp_path / 'nowhere.toml'} does not exist"


def test_a_config_given_as_something_else_is_a_type_error_naming_it():
    with pytest.raises(TypeError, match="path must be a str or a pathlib.Path of the config file, not dict"):
        load_settings({"X_BEARER_TOKEN": "tok"})   # type: ignore[arg-type]
