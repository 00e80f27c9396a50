"""Names as users write them, read with the lexicons they are given: the shipped set, or
the shipped set plus a user's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplonews import api
from diplonews.errors import DiplonewsError
from diplonews.kb import browse


def test_browse_party_codes_read_a_users_country(user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    names = ["Xứ Sở Thần Tiên", "xu so than tien", "Wonderland", "XWL", "Hàn Quốc"]
    assert browse.party_codes(names, lexicons) == ["XWL", "XWL", "XWL", "XWL", "KOR"]
    with pytest.raises(DiplonewsError, match="unknown party 'Wonderland'"):
        browse.party_codes(["Wonderland"])  # the shipped set alone


def test_browse_series_name_reads_a_users_series(user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    assert browse.series_name("Tiệc trà Thần Tiên", lexicons) == "Wonderland Tea Party"
    assert browse.series_name("Tiệc trà Thần Tiên") == "Tiệc trà Thần Tiên"


def test_browse_events_filter_with_a_users_names(user_lexicon_db: str, user_lexicon: Path) -> None:
    lexicons = api.load_lexicons([user_lexicon])
    store = api.open_store(user_lexicon_db)
    try:
        by_party = browse.events(store, parties=["Wonderland"], lexicons=lexicons)
        by_series = browse.events(store, series="Tiệc Trà Thần Tiên", lexicons=lexicons)
    finally:
        store.close()
    assert [e.name for e in by_party] == ["Tiệc trà Thần Tiên lần thứ 3"]
    assert [e.id for e in by_series] == [e.id for e in by_party]


def test_browse_party_index_is_kept_per_set(user_lexicon: Path) -> None:
    shipped, extended = api.load_lexicons(), api.load_lexicons([user_lexicon])
    browse.party_codes(["KOR"], shipped)
    browse.party_codes(["KOR"], extended)
    assert "xu so than tien" in extended.derived["kb.party_index"]
    assert "xu so than tien" not in shipped.derived["kb.party_index"]
