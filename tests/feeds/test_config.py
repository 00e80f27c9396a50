"""`diplonews.feeds.config`: the issue's minimal shape works; every mistake is one error."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplonews import __version__
from diplonews.errors import FeedError
from diplonews.feeds.config import duration, load, parse

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "feeds.toml"


def test_config_reads_the_minimal_shape() -> None:
    config = parse(
        """
        [fetch]
        allow_private_addresses = false   # true only for tests and intranets
        [[source]]
        name = "Example outlet"
        url = "https://example.org/rss/the-gioi.rss"
        kind = "rss"          # rss (RSS or Atom) | sitemap
        every = "15m"
        """
    )
    assert config.fetch.allow_private_addresses is False
    (source,) = config.sources
    assert (source.name, source.kind, source.every) == ("Example outlet", "rss", 900.0)
    assert config.fetch.user_agent == f"diplonews/{__version__} (news-feed reader)"


def test_config_user_agent_names_the_contact() -> None:
    config = parse(
        '[fetch]\ncontact = "https://a.example/bot"\n[[source]]\nname = "a"\nurl = "http://a.example/"'
    )
    assert config.fetch.user_agent.endswith("; +https://a.example/bot)")


def test_config_example_file_is_valid() -> None:
    config = load(EXAMPLE)
    assert len(config.sources) >= 4
    assert {s.kind for s in config.sources} == {"rss", "sitemap"}
    assert not config.fetch.allow_private_addresses and config.fetch.contact


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch]\n", "no [[source]]"),
        ('[[source]]\nname = "a"\n', "source 1: no url"),
        ('[[source]]\nname = "a"\nurl = "file:///etc/passwd"', "only http:// and https://"),
        (
            '[[source]]\nname = "a"\nurl = "http://a.example/"\nkind = "atom"',
            "choose rss or sitemap",
        ),
        ('[[source]]\nname = "a"\nurl = "http://a.example/"\nevery = "soon"', "not a duration"),
        ('[[source]]\nname = "a"\nurl = "http://a.example/"\ncolour = 1', "unknown key 'colour'"),
        ('[fetch]\nrate = 0\n[[source]]\nname = "a"\nurl = "http://a.example/"', "more than 0"),
        (
            '[fetch]\nallow_networks = ["nope"]\n[[source]]\nname = "a"\nurl = "http://a/"',
            "allow_networks",
        ),
        (
            '[[source]]\nname = "a"\nurl = "http://a/"\n[[source]]\nname = "a"\nurl = "http://b/"',
            "two sources named 'a'",
        ),
        ("[[source]\n", "config"),
    ],
)
def test_config_mistakes_are_one_error(text: str, message: str) -> None:
    with pytest.raises(FeedError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse(text)


def test_config_durations() -> None:
    assert [duration(v, "k") for v in (30, 2.5, "30s", "15m", "1h", "1d", "500ms")] == [
        30,
        2.5,
        30,
        900,
        3600,
        86400,
        0.5,
    ]


def test_config_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="nothing.toml"):
        load(tmp_path / "nothing.toml")
