"""The shipped lexicons: they load, resolve the forms the press uses, and stay consistent."""

import gc
import unicodedata
import weakref
from collections import defaultdict
from pathlib import Path

import pytest

from diplonews.extract.lexicons import (
    FILES,
    Lexicons,
    Matcher,
    load,
    read_rows,
    shipped_files,
    split_forms,
)

LEVELS = {
    "head_of_state",
    "head_of_government",
    "minister",
    "vice_minister",
    "ambassador",
    "official",
    "party",
    "military",
    "legislature",
    "local",
    "-",  # a phrase that contains a title but is not one ("Đại sứ quán")
}
KINDS = {"state", "bloc", "group", "org", "region", "movement"}
ASEAN_MEMBERS = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"}
# The 193 UN member states, ISO 3166-1 alpha-3.
UN_MEMBERS = {
    code
    for row in (
        "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA",
        "BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK",
        "DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB",
        "GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO",
        "LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU",
        "NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA",
        "KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE",
        "SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB",
        "ZWE",
    )
    for code in row.split()
}
OWNED = (
    "countries.tsv",
    "organisations.tsv",
    "titles.tsv",
    "cities.tsv",
    "venues.tsv",
    "series.tsv",
    "surnames.tsv",
)


@pytest.fixture(scope="module")
def lex() -> Lexicons:
    return load()


def rows(name: str) -> list[dict[str, str]]:
    return list(read_rows(shipped_files()[name]))


def party_rows() -> list[dict[str, str]]:
    return rows("countries.tsv") + rows("organisations.tsv")


def codes_in(lex: Lexicons, text: str) -> list[tuple[str, list[str]]]:
    """Each party-name match in `text` as (matched text, codes)."""
    return [(text[s:e], payloads) for s, e, payloads in lex.party_names.find(text)]


def only_code(lex: Lexicons, text: str) -> str:
    """The single code a whole form resolves to."""
    found = lex.party_names.find(text)
    assert len(found) == 1 and found[0][:2] == (0, len(text)), (text, found)
    assert len(found[0][2]) == 1, (text, found)
    return found[0][2][0]


# ---- loading -------------------------------------------------------------------------


def test_lexicons_every_shipped_file_loads(lex: Lexicons) -> None:
    assert set(shipped_files()) == set(FILES)
    for name in FILES:
        list(read_rows(shipped_files()[name]))  # raises LexiconError on a malformed row
    for name in OWNED:
        assert rows(name), f"{name} is empty"
    assert lex.party_names.size > 1000
    assert lex.titles.size > 500
    assert lex.places.size > 500
    assert lex.series.size > 500
    assert len(lex.surnames) > 300


@pytest.mark.parametrize("name", OWNED)
def test_lexicons_forms_are_nfc(name: str) -> None:
    text = shipped_files()[name].read_text(encoding="utf-8")
    bad = [ln for ln in text.splitlines() if unicodedata.normalize("NFC", ln) != ln]
    assert not bad, bad[:3]


@pytest.mark.parametrize("name", OWNED)
def test_lexicons_no_empty_or_padded_forms(name: str) -> None:
    text = shipped_files()[name].read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        for cell in line.split("\t"):
            assert cell == cell.strip(), (name, line)
            if "|" in cell:
                assert all(f.strip() == f and f for f in cell.split("|")), (name, line)


# ---- countries and organisations ------------------------------------------------------


def test_lexicons_party_codes_are_unique() -> None:
    codes = [r["code"] for r in party_rows() if r["code"] != "-"]
    dupes = {c for c in codes if codes.count(c) > 1}
    assert not dupes


def test_lexicons_party_kinds_are_valid() -> None:
    for r in party_rows():
        assert r["kind"] in KINDS, r
        if r["kind"] == "group":
            assert split_forms(r["members"]), r
        if r["code"] == "-":
            assert r["kind"] == "region", r
    assert all(r["kind"] == "org" for r in rows("organisations.tsv"))


def test_lexicons_each_form_names_one_party() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for r in party_rows():
        for form in split_forms(r["names"]):
            seen[form].add(r["code"])
    clashes = {form: codes for form, codes in seen.items() if len(codes) > 1}
    assert not clashes


def test_lexicons_every_un_member_and_observer_is_a_state(lex: Lexicons) -> None:
    assert len(UN_MEMBERS) == 193
    for code in UN_MEMBERS | {"PSE", "VAT"}:
        assert code in lex.parties and lex.parties[code].kind == "state", code
    for code in ("TWN", "HKG", "MAC", "XKX"):
        assert code in lex.parties, code


def test_lexicons_every_asean_member_present(lex: Lexicons) -> None:
    for code in ASEAN_MEMBERS:
        assert lex.party(code) is not None and lex.party(code).kind == "state", code
    assert lex.party("ASEAN").kind == "bloc"


def test_lexicons_member_codes_exist(lex: Lexicons) -> None:
    for party in lex.parties.values():
        for code in party.members:
            assert code in lex.parties, (party.code, code)
    assert set(lex.party("MEKONG").members) == {"KHM", "LAO", "MMR", "THA", "VNM"}
    assert set(lex.party("QUAD").members) == {"AUS", "IND", "JPN", "USA"}


@pytest.mark.parametrize(
    "form, code",
    [
        ("Hàn Quốc", "KOR"),
        ("Đại Hàn Dân Quốc", "KOR"),
        ("Nam Hàn", "KOR"),
        ("South Korea", "KOR"),
        ("Triều Tiên", "PRK"),
        ("Bắc Triều Tiên", "PRK"),
        ("CHDCND Triều Tiên", "PRK"),
        ("Cộng hòa Dân chủ Nhân dân Triều Tiên", "PRK"),
        ("Cộng hoà Dân chủ Nhân dân Triều Tiên", "PRK"),
        ("Hoa Kỳ", "USA"),
        ("Mỹ", "USA"),
        ("Trung Quốc", "CHN"),
        ("Trung Hoa", "CHN"),
        ("Nhật Bản", "JPN"),
        ("Nga", "RUS"),
        ("Liên bang Nga", "RUS"),
        ("Úc", "AUS"),
        ("Australia", "AUS"),
        ("Ô-xtrây-li-a", "AUS"),
        ("Campuchia", "KHM"),
        ("Cam-pu-chia", "KHM"),
        ("Lào", "LAO"),
        ("Thái Lan", "THA"),
        ("Xin-ga-po", "SGP"),
        ("Singapore", "SGP"),
        ("Ấn Độ", "IND"),
        ("Vương quốc Anh", "GBR"),
        ("nước Anh", "GBR"),
        ("Pháp", "FRA"),
        ("Đức", "DEU"),
        ("Việt Nam", "VNM"),
        ("Timor Leste", "TLS"),
        ("Đài Loan", "TWN"),
        ("Trung Hoa Dân Quốc", "TWN"),
        ("Thụy Sĩ", "CHE"),
        ("Thuỵ Sĩ", "CHE"),
        ("Các Tiểu vương quốc Ả Rập Thống nhất", "ARE"),
        ("Ả Rập Xê Út", "SAU"),
        ("Cộng hòa Dân chủ Congo", "COD"),
        ("Guinea Xích Đạo", "GNQ"),
        ("Papua New Guinea", "PNG"),
        ("ASEAN", "ASEAN"),
        ("ASIAN", "ASEAN"),
        ("Hiệp hội các quốc gia Đông Nam Á", "ASEAN"),
        ("Hiệp hội Các quốc gia Đông Nam Á", "ASEAN"),
        ("Liên minh châu Âu", "EU"),
        ("EU", "EU"),
        ("Mekong", "MEKONG"),
        ("Mê Công", "MEKONG"),
        ("G7", "G7"),
        ("Bộ Tứ", "QUAD"),
        ("Liên hợp quốc", "UN"),
        ("Liên Hợp Quốc", "UN"),
        ("LHQ", "UN"),
        ("Hội đồng Bảo an Liên hợp quốc", "UNSC"),
        ("Ban Thư ký ASEAN", "ASEC"),
        ("WTO", "WTO"),
        ("Ngân hàng Phát triển châu Á", "ADB"),
        ("Ủy hội sông Mê Công quốc tế", "MRC"),
    ],
)
def test_lexicons_country_forms_resolve(lex: Lexicons, form: str, code: str) -> None:
    assert only_code(lex, form) == code


@pytest.mark.parametrize(
    "form",
    [
        "Bán đảo Triều Tiên",
        "bán đảo Triều Tiên",
        "Biển Đông",
        "Đông Nam Á",
        "Đông Bắc Á",
        "châu Á",
        "Ấn Độ Dương-Thái Bình Dương",
        "Ấn Độ Dương - Thái Bình Dương",
        "Ấn Độ - Thái Bình Dương",
        "Thái Bình Dương",
        "Trung Đông",
        "Trung Á",
        "Nam Á",
        "Biển Hoa Đông",
        "Trung tâm",
        "Nga Sơn",
        "Biển Nhật Bản",
        "Vịnh Thái Lan",
        "eo biển Đài Loan",
        "sông Mekong",
        "Mỹ Latinh",
        "Lào Cai",
        "Chủ Nhật",
        "Đức vua",
        "Đức Giáo hoàng",
        "Pháp luật",
        "Ý kiến",
        "Áo dài",
        "Mỹ Tho",
        "Vietnam+",
        "Korea Herald",
    ],
)
def test_lexicons_names_containing_a_country_are_not_parties(lex: Lexicons, form: str) -> None:
    assert only_code(lex, form) == "-"


def test_lexicons_longer_name_wins_over_country_inside(lex: Lexicons) -> None:
    text = "hòa bình trên Bán đảo Triều Tiên và quan hệ với Triều Tiên"
    assert codes_in(lex, text) == [("Bán đảo Triều Tiên", ["-"]), ("Triều Tiên", ["PRK"])]
    text = "Đức vua Thái Lan tiếp Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)"
    assert [c for _, c in codes_in(lex, text)] == [["-"], ["THA"], ["JICA"], ["JICA"]]


def test_lexicons_ambiguous_words_are_compound_only(lex: Lexicons) -> None:
    # "Anh" is a given name and pronoun, "Trung" a given name: never a party on their own...
    for word in ("Anh", "Trung", "Hàn", "Việt", "Thái", "Triều"):
        assert lex.party_names.find(word) == [], word
    # ...but they name their country inside compounds such as "Hàn-Việt" or "Mỹ-Trung".
    assert lex.party_short["Anh"] == "GBR"
    assert lex.party_short["Hàn"] == "KOR"
    assert lex.party_short["Việt"] == "VNM"
    assert lex.party_short["Trung"] == "CHN"
    assert lex.party_short["Triều"] == "PRK"
    assert lex.party_short["Miên"] == "KHM"


def test_lexicons_short_english_names_for_series(lex: Lexicons) -> None:
    assert lex.party("KOR").short_en == "Korea"
    assert lex.party("USA").short_en == "US"
    assert lex.party("VNM").short_en == "Vietnam"
    assert lex.party("LAO").short_en == "Laos"
    assert lex.party("MEKONG").short_en == "Mekong"
    assert lex.party("ASEAN").short_en == "ASEAN"


# ---- titles ---------------------------------------------------------------------------


def test_lexicons_title_levels_are_valid() -> None:
    for r in rows("titles.tsv"):
        assert r["level"] in LEVELS, r
        assert r["en"], r


def test_lexicons_title_forms_are_unique() -> None:
    forms = [r["vi"] for r in rows("titles.tsv")]
    assert len(forms) == len(set(forms))


def longest_title(lex: Lexicons, text: str) -> tuple[str, str, str]:
    start, end, payloads = lex.titles.find(text)[0]
    return text[start:end], payloads[0].en, payloads[0].level


@pytest.mark.parametrize(
    "text, span, en",
    [
        (
            "Thứ trưởng Thứ nhất Bộ Ngoại giao Hàn Quốc Chang Ho-jin",
            "Thứ trưởng Thứ nhất Bộ Ngoại giao",
            "First Vice Foreign Minister",
        ),
        (
            "thứ trưởng thứ nhất Bộ Ngoại giao Nga Vladimir Titov",
            "thứ trưởng thứ nhất Bộ Ngoại giao",
            "First Vice Foreign Minister",
        ),
        (
            "Thứ trưởng Ngoại giao Hàn Quốc Yeo Seung-bae",
            "Thứ trưởng Ngoại giao",
            "Vice Foreign Minister",
        ),
        (
            "Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt",
            "Thứ trưởng Bộ Ngoại giao",
            "Vice Foreign Minister",
        ),
        (
            "Thứ trưởng Thường trực Bộ Ngoại giao Nguyễn Minh Vũ",
            "Thứ trưởng Thường trực Bộ Ngoại giao",
            "Permanent Vice Foreign Minister",
        ),
        ("Ngoại trưởng Kang", "Ngoại trưởng", "Foreign Minister"),
        ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn", "Bộ trưởng Bộ Ngoại giao", "Foreign Minister"),
        ("Phó Thủ tướng Phạm Bình Minh", "Phó Thủ tướng", "Deputy Prime Minister"),
        ("Quốc vụ khanh Brunei", "Quốc vụ khanh", "Minister of State"),
        ("Tổng Bí thư Nguyễn Phú Trọng", "Tổng Bí thư", "Party General Secretary"),
        (
            "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân",
            "Chủ tịch Quốc hội",
            "National Assembly Chairman",
        ),
        ("Chủ tịch nước Lương Cường", "Chủ tịch nước", "President"),
        ("Đại biện lâm thời của Đại sứ quán", "Đại biện lâm thời", "Chargé d'affaires"),
        ("Phó Tổng Thư ký ASEAN", "Phó Tổng Thư ký ASEAN", "ASEAN Deputy Secretary-General"),
        (
            "Tổng Thư ký Liên hợp quốc António Guterres",
            "Tổng Thư ký Liên hợp quốc",
            "UN Secretary-General",
        ),
        ("Bộ trưởng Bộ Quốc phòng Phan Văn Giang", "Bộ trưởng Bộ Quốc phòng", "Defence Minister"),
        (
            "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường",
            "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
            "Minister of Agriculture and Rural Development",
        ),
        ("Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Công Thương", "Minister of Industry and Trade"),
        (
            "Trưởng Quan chức cao cấp (SOM) ASEAN của Việt Nam",
            "Trưởng Quan chức cao cấp (SOM) ASEAN",
            "ASEAN SOM Leader",
        ),
        ("Quyền Trưởng SOM ASEAN Việt Nam", "Quyền Trưởng SOM ASEAN", "Acting ASEAN SOM Leader"),
        (
            "Chánh Văn phòng an ninh quốc gia Kim Sung-han",
            "Chánh Văn phòng an ninh quốc gia",
            "Director of the National Security Office",
        ),
        (
            "Bí thư Tỉnh ủy, Trưởng đoàn",
            "Bí thư Tỉnh ủy",
            "Secretary of the Provincial Party Committee",
        ),
        (
            "Chủ tịch UBND tỉnh Hà Giang",
            "Chủ tịch UBND tỉnh",
            "Chairman of the Provincial People's Committee",
        ),
        (
            "Trưởng ban Tổ chức Trung ương",
            "Trưởng ban Tổ chức Trung ương",
            "Head of the Central Organisation Commission",
        ),
        (
            "Trưởng Ban Tổ chức Trung ương",
            "Trưởng Ban Tổ chức Trung ương",
            "Head of the Central Organisation Commission",
        ),
        ("Ủy viên Bộ Chính trị", "Ủy viên Bộ Chính trị", "Politburo Member"),
        ("Uỷ viên Bộ Chính trị", "Uỷ viên Bộ Chính trị", "Politburo Member"),
        (
            "Phó Bí thư Quân ủy Trung ương",
            "Phó Bí thư Quân ủy Trung ương",
            "Deputy Secretary of the Central Military Commission",
        ),
        ("Đại tướng Ngô Xuân Lịch", "Đại tướng", "General"),
        (
            "Thư ký cấp cao của Tổng thống về quan hệ công chúng Yoon Do-han",
            "Thư ký cấp cao của Tổng thống về quan hệ công chúng",
            "Senior Presidential Secretary for Public Relations",
        ),
        (
            "Phó Chánh văn phòng Nội các Nhật Bản",
            "Phó Chánh văn phòng Nội các",
            "Deputy Chief Cabinet Secretary",
        ),
        (
            "Cố vấn đặc biệt Thủ tướng Nhật Bản",
            "Cố vấn đặc biệt Thủ tướng",
            "Special Advisor to the Prime Minister",
        ),
        ("Tổng thống đắc cử Yoon Suk-yeol", "Tổng thống đắc cử", "President-elect"),
        ("Quốc vương Thái Lan", "Quốc vương", "King"),
        ("Thái tử Ả Rập Xê Út", "Thái tử", "Crown Prince"),
        ("Thủ tướng lâm thời", "Thủ tướng lâm thời", "Interim Prime Minister"),
    ],
)
def test_lexicons_longest_title_wins(lex: Lexicons, text: str, span: str, en: str) -> None:
    assert longest_title(lex, text)[:2] == (span, en)


def test_lexicons_title_gets_both_initial_cases(lex: Lexicons) -> None:
    assert longest_title(lex, "thủ tướng Chính phủ")[1] == "Prime Minister"
    assert longest_title(lex, "nhà lãnh đạo Triều Tiên")[1] == "Leader"


# ---- places (cities and venues), series, surnames --------------------------------------------------


def test_lexicons_city_countries_exist(lex: Lexicons) -> None:
    for r in rows("cities.tsv"):
        assert r["country"] in lex.parties and r["country"] != "-", r


def test_lexicons_venue_cities_exist() -> None:
    cities = {r["name_en"] for r in rows("cities.tsv")}
    for r in rows("venues.tsv"):
        assert r["city"] in cities, r


def test_lexicons_series_parties_exist(lex: Lexicons) -> None:
    for r in rows("series.tsv"):
        for code in split_forms(r["parties"]):
            assert code in lex.parties, r["series_en"]


def test_lexicons_each_series_form_names_one_series() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for r in rows("series.tsv"):
        for form in split_forms(r["names"]):
            seen[form].add(r["series_en"])
    assert not {form for form, names in seen.items() if len(names) > 1}


def first_city(lex: Lexicons, text: str) -> str | None:
    found = lex.places.find(text)
    return found[0][2][0].name_en if found else None


@pytest.mark.parametrize(
    "text, city",
    [
        ("Hà Nội", "Hanoi"),
        ("TP.HCM", "Ho Chi Minh City"),
        ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
        ("Đà Nẵng", "Da Nang"),
        ("Huế", "Hue"),
        ("tỉnh Hà Giang", "Ha Giang"),
        ("Seoul", "Seoul"),
        ("Busan", "Busan"),
        ("Gyeongju", "Gyeongju"),
        ("đảo Jeju", "Jeju"),
        ("Bình Nhưỡng", "Pyongyang"),
        ("Tokyo", "Tokyo"),
        ("Bắc Kinh", "Beijing"),
        ("Côn Minh", "Kunming"),
        ("Cảnh Hồng", "Jinghong"),
        ("Viêng Chăn", "Vientiane"),
        ("Luang Prabang", "Luang Prabang"),
        ("Phnôm Pênh", "Phnom Penh"),
        ("Siem Reap", "Siem Reap"),
        ("Bagan", "Bagan"),
        ("Nay Pyi Taw", "Nay Pyi Taw"),
        ("Jakarta", "Jakarta"),
        ("Bali", "Bali"),
        ("Kuala Lumpur", "Kuala Lumpur"),
        ("Manila", "Manila"),
        ("Singapore", "Singapore"),
        ("Bandar Seri Begawan", "Bandar Seri Begawan"),
        ("Dili", "Dili"),
        ("Canberra", "Canberra"),
        ("Melbourne", "Melbourne"),
        ("Oa-sinh-tơn", "Washington"),
        ("Niu Oóc", "New York"),
        ("Mátxcơva", "Moscow"),
        ("Niu Đê-li", "New Delhi"),
        ("Luân Đôn", "London"),
        ("Brúc-xen", "Brussels"),
        ("Giơ-ne-vơ", "Geneva"),
        ("Xơ-un", "Seoul"),
    ],
)
def test_lexicons_city_forms_resolve(lex: Lexicons, text: str, city: str) -> None:
    assert first_city(lex, text) == city


@pytest.mark.parametrize(
    "text",
    [
        "khu vực châu Á - Thái Bình Dương",
        "Ấn Độ Dương - Thái Bình Dương",
        "Chủ tịch Hồ Chí Minh",
        "hòa bình và ổn định",
        "Trường Sa",
    ],
)
def test_lexicons_no_city_inside_common_phrases(lex: Lexicons, text: str) -> None:
    assert first_city(lex, text) is None


@pytest.mark.parametrize(
    "text, city",
    [
        ("Phủ Chủ tịch", "Hanoi"),
        ("Nhà Quốc hội", "Hanoi"),
        ("Trung tâm Hội nghị Quốc gia", "Hanoi"),
        ("Nhà khách Chính phủ", "Hanoi"),
        ("Nhà Xanh", "Seoul"),
        ("Nhà Trắng", "Washington"),
        ("Điện Kremlin", "Moscow"),
        ("Đại lễ đường Nhân dân", "Beijing"),
        ("Trụ sở Liên hợp quốc", "New York"),
        ("Phủ Thủ tướng Nhật Bản", "Tokyo"),
        ("Phủ Chủ tịch nước Lào", "Vientiane"),
        ("Nhà Quốc hội Australia", "Canberra"),
    ],
)
def test_lexicons_venue_implies_city(lex: Lexicons, text: str, city: str) -> None:
    found = lex.places.find(text)
    assert found and found[0][:2] == (0, len(text)), (text, found)
    assert [place.name_en for place in found[0][2]] == [city]


def test_lexicons_no_government_seat_venue(lex: Lexicons) -> None:
    assert lex.places.find("Trụ sở Chính phủ") == []


@pytest.mark.parametrize(
    "text, series",
    [
        ("Diễn đàn khu vực ASEAN", "ASEAN Regional Forum"),
        ("Diễn đàn Khu vực ASEAN", "ASEAN Regional Forum"),
        ("Đối thoại Shangri-La", "Shangri-La Dialogue"),
        (
            "Hội nghị thượng đỉnh Diễn đàn hợp tác kinh tế châu Á-Thái Bình Dương (APEC)",
            "APEC Economic Leaders' Meeting",
        ),
        ("Đại hội đồng Liên hợp quốc", "UN General Assembly"),
        ("Hội nghị cấp cao ASEAN", "ASEAN Summit"),
        ("Hội nghị Bộ trưởng Ngoại giao ASEAN", "ASEAN Foreign Ministers' Meeting"),
        ("Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN", "ASEAN Foreign Ministers' Meeting Retreat"),
        ("Hội nghị Hội đồng Điều phối ASEAN", "ASEAN Coordinating Council"),
        ("Nhóm công tác Hội đồng điều phối ASEAN", "ASEAN Coordinating Council Working Group"),
        (
            "Hội nghị Cộng đồng Chính trị - an ninh ASEAN",
            "ASEAN Political-Security Community Council",
        ),
        ("Hội nghị Quan chức cao cấp ASEAN", "ASEAN SOM"),
        ("Hội nghị Quan chức cao cấp Diễn đàn Khu vực ASEAN", "ARF SOM"),
        ("Hội nghị Bộ trưởng Ngoại giao ASEAN+3", "ASEAN Plus Three Foreign Ministers' Meeting"),
        (
            "Hội nghị Bộ trưởng Ngoại giao Hợp tác Mekong - Lan Thương",
            "Mekong-Lancang Cooperation Foreign Ministers' Meeting",
        ),
        (
            "Hội nghị Bộ trưởng Ngoại giao MLC",
            "Mekong-Lancang Cooperation Foreign Ministers' Meeting",
        ),
        (
            "Hội nghị Bộ trưởng Ngoại giao Mekong-Hàn Quốc",
            "Mekong-Korea Foreign Ministers' Meeting",
        ),
        (
            "Ủy ban liên Chính phủ về hợp tác song phương Việt – Lào",
            "Vietnam-Laos Intergovernmental Committee",
        ),
        ("Hội nghị thượng đỉnh đặc biệt Hàn Quốc - ASEAN", "ASEAN-Korea Commemorative Summit"),
        ("Hội nghị Cấp cao đặc biệt ASEAN-Úc", "ASEAN-Australia Special Summit"),
        ("Hội nghị Thượng đỉnh G20", "G20 Summit"),
    ],
)
def test_lexicons_series_forms_resolve(lex: Lexicons, text: str, series: str) -> None:
    found = lex.series.find(text)
    assert found and found[0][:2] == (0, len(text)), (text, found)
    assert [s.name_en for s in found[0][2]] == [series]


def test_lexicons_series_fix_parties(lex: Lexicons) -> None:
    ((_, _, [mlc]),) = lex.series.find("Hội nghị Bộ trưởng Ngoại giao MLC")
    assert set(mlc.parties) == {"CHN", "KHM", "LAO", "MMR", "THA", "VNM"}
    ((_, _, [arf]),) = lex.series.find("Diễn đàn khu vực ASEAN")
    assert arf.parties == ("ASEAN",)


def test_lexicons_surnames_give_a_country(lex: Lexicons) -> None:
    assert lex.surnames["Nguyễn"] == "VNM"
    assert lex.surnames["Kim"] == "KOR"
    assert lex.surnames["Yoon"] == "KOR"
    assert lex.surnames["Suga"] == "JPN"
    assert lex.surnames["Kishida"] == "JPN"
    assert set(lex.surnames.values()) <= set(lex.parties)


# ---- user lexicons ----------------------------------------------------------------------


def test_lexicons_user_folder_adds_country_alias(tmp_path: Path) -> None:
    header = "code\tname_en\tshort_en\tkind\tnames\tshort_forms\tmembers\n"
    (tmp_path / "countries.tsv").write_text(
        header + "KOR\tSouth Korea\tKorea\tstate\tXứ sở nhân sâm|Xứ sở Nhân sâm\t\t\n",
        encoding="utf-8",
    )
    shipped = load()
    extended = load([tmp_path])
    text = "quan hệ với Xứ sở nhân sâm"
    assert shipped.party_names.find(text) == []
    assert codes_in(extended, text) == [("Xứ sở nhân sâm", ["KOR"])]
    # shipped forms still resolve, and the party keeps its names
    assert only_code(extended, "Hàn Quốc") == "KOR"
    assert extended.party("KOR").short_en == "Korea"


def test_lexicons_series_match_in_any_case_but_acronyms_as_written() -> None:
    matcher = Matcher(caseless=True, exact_acronyms=True)
    matcher.add("Hội nghị Quan chức cao cấp ASEAN", "ASEAN SOM")
    matcher.add("ARF", "ASEAN Regional Forum")
    matcher.finish()
    text = "Hội nghị quan chức cao cấp ASEAN và ARF; arf không phải."
    found = [(text[start:end], payloads) for start, end, payloads in matcher.find(text)]
    assert found == [
        ("Hội nghị quan chức cao cấp ASEAN", ["ASEAN SOM"]),
        ("ARF", ["ASEAN Regional Forum"]),  # and not "arf"
    ]


def test_lexicons_series_in_lower_case_names_the_series(lex: Lexicons) -> None:
    found = lex.series.find("Hội nghị bộ trưởng ngoại giao ASEAN lần thứ 49")
    assert [p.name_en for p in found[0][2]] == ["ASEAN Foreign Ministers' Meeting"]


def test_lexicons_fold_spelling_keeps_offsets_and_reads_tone_placements_alike() -> None:
    from diplonews.text import fold_spelling

    for text in ("Uỷ ban Hoà bình", "Ủy ban Hòa bình", "KHOẺ – mạnh", "quý Thuỷ hoàn"):
        assert len(fold_spelling(text)) == len(text)
    assert fold_spelling("Uỷ ban Hoà bình") == fold_spelling("Ủy ban Hòa bình")
    assert fold_spelling("hoàn thành") == "hoàn thành"  # a closed syllable keeps its tone
    assert fold_spelling("ASEAN – Hàn") == "asean - hàn"


@pytest.mark.parametrize(
    "written",
    [
        "Hội nghị Cấp cao kỷ niệm ASEAN-Hàn Quốc",
        "hội nghị thượng đỉnh kỷ niệm Hàn Quốc - ASEAN",
        "Hội nghị cấp cao Kỷ niệm Hàn – ASEAN",
        "Hội nghị Thượng đỉnh kỷ niệm ASEAN-Hàn",
    ],
)
def test_lexicons_series_one_form_matches_its_spellings(written: str) -> None:
    """series.tsv lists 'Hội nghị Cấp cao kỷ niệm ASEAN-Hàn Quốc' once; case, dash
    spacing, the order and compound names of the parties and 'Thượng đỉnh' for 'Cấp cao'
    are the matcher's."""
    lex = load()
    [(start, end, found)] = lex.series.find(written)
    assert (start, end) == (0, len(written))
    assert found[0].name_en == "ASEAN-Korea Commemorative Summit"


def test_lexicons_series_spellings_from_a_users_row(tmp_path: Path) -> None:
    (tmp_path / "series.tsv").write_text(
        "series_en\tnames\tparties\n"
        "Vietnam-India Joint Commission\tỦy ban Hỗn hợp Việt Nam-Ấn Độ\tVNM|IND\n",
        encoding="utf-8",
    )
    lex = load([tmp_path])
    for written in ("Uỷ ban hỗn hợp Ấn Độ - Việt Nam", "Ủy ban Hỗn hợp Việt-Ấn"):
        assert [f[0].name_en for _, _, f in lex.series.find(written)] == [
            "Vietnam-India Joint Commission"
        ], written


# ---- what higher layers derive from a set of lexicons -----------------------------------


def test_lexicons_derived_is_built_once_per_instance(user_lexicon: Path) -> None:
    shipped, extended = load(), load([user_lexicon])
    built: list[Lexicons] = []

    def index(lexicons: Lexicons) -> set[str]:
        built.append(lexicons)
        return set(lexicons.parties)

    assert shipped.derive("test.codes", index) is shipped.derive("test.codes", index)
    assert "XWL" in extended.derive("test.codes", index)
    assert "XWL" not in shipped.derive("test.codes", index)
    assert built == [shipped, extended]  # one build each: two sets never share one
    assert "test.codes" not in Lexicons().derived


def test_lexicons_derived_goes_with_its_lexicons() -> None:
    """Nothing derived outlives its lexicons in a cache of its own (where a recycled
    id() could find it again for another set)."""

    class Derived:
        pass

    lexicons = Lexicons()
    kept = weakref.ref(lexicons.derive("test.derived", lambda _: Derived()))
    assert kept() is not None
    del lexicons
    gc.collect()
    assert kept() is None


def test_lexicons_movements_are_known_by_their_vietnamese_names_and_acronyms() -> None:
    from diplonews.extract.lexicons import load

    lex = load()
    text = "Phong trào Aceh Tự do và Những con hổ giải phóng Tamil Eelam, Hamas, FARC."
    codes = [codes[0] for _, _, codes in lex.party_names.find(text)]
    assert codes == ["GAM", "LTTE", "HAMAS", "FARC"]
    assert lex.party("GAM").kind == "movement"  # type: ignore[union-attr]


def test_lexicons_the_mainland_capitalised_is_china_not_a_continent(lex: Lexicons) -> None:
    # "Đại lục" as news across the Taiwan Strait writes it is mainland China; a continent
    # named after it ("Đại lục châu Phi") is not
    assert only_code(lex, "Đại lục") == "CHN"
    assert "CHN" not in {
        code
        for _, codes in codes_in(lex, "Đại lục châu Phi từng nối với Nam Mỹ.")
        for code in codes
    }
    assert codes_in(lex, "thuyết di dời đại lục") == []
