"""Settings made in code are checked and normalised as a config file's are (newuser43b #3, #4): one place,
`Settings.__post_init__`, for `Settings(...)`, `load_settings(overrides=…)`, `dataclasses.replace` and the TOML
file. Before, an origin typed `https://CDN.syndication.twimg.com/` matched no request (without only_configured the
request went to the real host), `x_methods=("synd",)` said a live post not_found, `timeout="15"` was an internal
TypeError mid-run, and a 5-character token was sent where load_settings refuses it."""

from dataclasses import replace
from pathlib import Path

import pytest

from resolver.errors import ConfigError, InvalidSetting, UnsafeSecret
from resolver.session import Session
from resolver.settings import Settings, load_settings
from tests import xfixtures as fx
from tests.test_fetch import TWEET, by_id, json_page, run


@pytest.mark.parametrize("made", ["Settings", "overrides"])
def test_origins_given_in_code_are_normalised_and_used(fakenet, store, made):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    origins = {"https://CDN.Syndication.twimg.com/": fakenet.origin.upper() + "/"}   # as a user may type them
    base = replace(fakenet.settings(), x_methods=("syndication",), origins={})
    if made == "Settings":
        settings = replace(base, origins=origins)
    else:
        settings = load_settings(env={}, overrides={"origins": origins, "x_methods": ("syndication",),
                                                    "limits": base.limits, "retries": 0})
    assert settings.origins == {"https://cdn.syndication.twimg.com": fakenet.origin}
    assert not settings.only_configured_origins   # an unmatched key would have sent it to the real host
    [post] = run([TWEET], settings, store, media=False)
    assert (post.to_json()["status"], post.to_json()["method"]) == ("available", "syndication")
    assert ("cdn.syndication.twimg.com", "/tweet-result") in {(host, path.split("?")[0]) for host, path in fakenet.hits}


@pytest.mark.parametrize("field, value, says", [
    ("x_methods", ("synd",), "Settings(x_methods=…) must be a sequence drawn from 'x-api', 'syndication', 'oembed'"),
    ("x_methods", "syndication", "Settings(x_methods=…) must be a sequence"),
    ("x_methods", (), "Settings(x_methods=…) must be a sequence"),
    ("timeout", "15", "Settings(timeout=…) must be a non-negative number, not '15'"),
    ("concurrency", 0, "Settings(concurrency=…) must be at least 1"),
    ("max_redirects", 1.5, "Settings(max_redirects=…) must be a whole number"),
    ("allow_private", "no", "Settings(allow_private=…) must be True or False"),
    ("only_configured_origins", 1, "Settings(only_configured_origins=…) must be True or False"),
    ("origins", {"127.0.0.1:8743": "http://127.0.0.1:8743"}, "is not an origin like https://t.co"),
    ("origins", {"https://t.co/x": "http://127.0.0.1:8743"}, "is not an origin like https://t.co"),
    ("origins", {"https://t.co": "http://127.0.0.1:1", "https://T.CO/": "http://127.0.0.1:2"},
     "names one origin twice"),
    ("limits", {"web.archive.org": 15}, "Settings(limits=…) maps URL prefixes"),
    ("x_bearer_token", 12345678, "Settings(x_bearer_token=…) must be a str or None (its value is not shown)"),
    ("db_path", 3, "Settings(db_path=…) must be a path"),
])
def test_a_bad_setting_made_in_code_is_a_value_error_naming_the_field(field, value, says):
    with pytest.raises(InvalidSetting) as refused:
        Settings(**{field: value})
    assert says in str(refused.value) and "12345678" not in str(refused.value)
    assert isinstance(refused.value, ValueError) and isinstance(refused.value, ConfigError)
    with pytest.raises(ConfigError):   # the same value as an override: refused too (its message names the key)
        load_settings(env={}, overrides={field: value})


def test_values_made_in_code_are_kept_as_a_config_file_writes_them():
    settings = Settings(timeout=15, max_redirects=3.0, x_methods=["oembed", "syndication"], db_path="/tmp/c.db",
                        limits={"https://web.archive.org/save": 15})
    assert settings.timeout == 15.0 and isinstance(settings.timeout, float)
    assert settings.max_redirects == 3 and isinstance(settings.max_redirects, int)
    assert settings.x_methods == ("oembed", "syndication") and settings.db_path == Path("/tmp/c.db")
    assert settings.limits == {"https://web.archive.org/save": 15.0}


def test_a_secret_given_in_code_is_checked_before_anything_is_sent(fakenet):
    settings = replace(fakenet.settings(), x_bearer_token="ECHO1")
    with pytest.raises(UnsafeSecret, match="too short to redact safely") as refused:
        Session(settings)
    assert "ECHO1" not in str(refused.value)
    with pytest.raises(UnsafeSecret, match="a character an HTTP request cannot carry"):
        Session(replace(settings, x_bearer_token="fictional token with spaces"))
    assert fakenet.hits == []
    Session(replace(settings, x_bearer_token="AAAAfictional-bearer-token-from-a-vault"))   # a whole one is taken
