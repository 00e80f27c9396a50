"""The JSON API under /api through FastAPI's TestClient, over a store of the five seed
articles: every endpoint and filter, the errors (404, 400, 422, 413, 405), the security
headers on every response, and /docs and /openapi.json without any CDN."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from httpx2 import Response

from diplonews.text import fold
from diplonews.web import create_app, editing
from diplonews.web.deps import MAX_BODY
from diplonews.web.security import too_large_message

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
SEED_ARTICLES = 5

SUMMIT_25 = "Hội nghị Cấp cao ASEAN-Hàn Quốc lần thứ 25"  # the 25th ASEAN-Korea Summit


def get_json(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


@pytest.fixture(scope="module")
def summit(client: TestClient) -> dict[str, Any]:
    """The 25th ASEAN-Korea Summit (ids depend on the order of ingest: looked up)."""
    found = get_json(client, "/api/events", series="ASEAN-Korea Summit")
    return next(e for e in found if e["edition"] == 25)


@pytest.fixture(scope="module")
def yeo(client: TestClient) -> dict[str, Any]:
    """Yeo Seung-bae, the Korean vice minister three events name."""
    (person,) = get_json(client, "/api/people", name="Yeo Seung-bae")
    return dict(person)


# --- stats, events ------------------------------------------------------------------


def test_api_stats_counts_what_the_seed_store_holds(client: TestClient) -> None:
    stats = get_json(client, "/api/stats")
    assert stats["articles"] == SEED_ARTICLES
    assert stats["copies"] == SEED_ARTICLES
    assert stats["events"] == 8
    assert stats["people"] == 9
    assert stats["relationships"] == 2  # ASEAN–Korea, Korea–Vietnam
    assert set(stats) == {
        "articles",
        "copies",
        "events",
        "people",
        "mentions",
        "figures",
        "milestones",
        "relationships",
    }


def test_api_events_lists_every_event_newest_first(client: TestClient) -> None:
    found = get_json(client, "/api/events")
    assert len(found) == 8
    dates = [e["date"] for e in found]
    assert dates == sorted(dates, reverse=True)
    assert found[0]["name"] == SUMMIT_25


def test_api_events_oldest_first(client: TestClient) -> None:
    dates = [e["date"] for e in get_json(client, "/api/events", oldest_first="true")]
    assert dates == sorted(dates)
    assert dates[0] == "2020-08-26"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Parties as codes, English names, Vietnamese with or without diacritics: all must take part.
        ({"party": ["KOR", "VNM"]}, {"2021-11-29"}),
        ({"party": ["Korea", "Vietnam"]}, {"2021-11-29"}),
        ({"party": ["Hàn Quốc", "viet nam"]}, {"2021-11-29"}),
        # A series as the articles write it ("Đối thoại" = Dialogue)
        ({"series": "Đối thoại ASEAN-Hàn Quốc"}, {"2021-06-07"}),
        ({"series": "ASEAN-Korea Summit"}, {"2021-10", "2024"}),
        ({"from": "2023", "to": "2024"}, {"2023-11-01", "2024"}),
        ({"from": "2021-06", "to": "2021-06-30"}, {"2021-06-07"}),
        ({"person": "Yeo Seung bae"}, {"2021", "2021-06-07", "2021-11-29"}),
        ({"person": "pham minh chinh"}, {"2024"}),
        ({"status": "planned"}, {"2021", "2021-08", "2021-10"}),
        ({"kind": "visit"}, set()),
        (
            {"party": "KOR", "status": "held", "from": "2021", "to": "2021"},
            {"2021-06-07", "2021-11-29"},
        ),
    ],
)
def test_api_events_filters(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    found = get_json(client, "/api/events", **params)
    assert {e["date"] for e in found} == expected
    assert len(found) == len(expected)


def test_api_events_pages_with_limit_and_offset(client: TestClient) -> None:
    every = get_json(client, "/api/events")
    pages = [get_json(client, "/api/events", limit=3, offset=start) for start in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 2]
    assert [e["id"] for p in pages for e in p] == [e["id"] for e in every]


def test_api_event_has_every_field_and_its_evidence(
    client: TestClient, summit: dict[str, Any]
) -> None:
    event = get_json(client, f"/api/events/{summit['id']}")
    assert event == summit
    assert event["series"] == "ASEAN-Korea Summit"
    assert event["parties"] == ["ASEAN", "KOR"]
    assert {p["name"] for p in event["participants"]} == {"Phạm Minh Chính", "Yoon Suk-yeol"}
    assert all(p["person_id"] for p in event["participants"])
    (source,) = event["sources"]
    assert source["doc_id"] == "004_955376071938104d"
    assert source["evidence"].startswith(SUMMIT_25)


# --- people ---------------------------------------------------------------------------


def test_api_people_lists_the_most_reported(client: TestClient) -> None:
    found = get_json(client, "/api/people")
    assert len(found) == 9
    assert found[0]["name"] == "Yeo Seung-bae"
    assert get_json(client, "/api/people", limit=2) == found[:2]


@pytest.mark.parametrize("name", ["Yeo Seung-bae", "yeo seung bae", "Yeo Seung Bae"])
def test_api_people_finds_a_name_spelt_any_way(
    client: TestClient, name: str, yeo: dict[str, Any]
) -> None:
    assert get_json(client, "/api/people", name=name) == [yeo]


def test_api_person_has_titles_over_time_events_and_whom_they_met(
    client: TestClient, yeo: dict[str, Any]
) -> None:
    detail = get_json(client, f"/api/people/{yeo['id']}")
    assert detail["person"] == yeo
    titles = {t["title"]: (t["first_seen"], t["last_seen"]) for t in detail["person"]["titles"]}
    assert titles["Vice Foreign Minister"] == ("2021-07", "2021-11-29")
    assert [e["id"] for e in detail["events"]] == yeo["event_ids"]
    assert len(detail["events"]) == 3
    met = {m["name"] for m in detail["met_most"]}
    assert met == {"Emaleen Abdul Rahman Teo", "Nguyễn Quốc Dũng"}
    assert all(m["events"] >= 1 and m["person_id"] for m in detail["met_most"])


# --- articles: evidence offsets ----------------------------------------------------------


@pytest.mark.parametrize("article_id", range(1, SEED_ARTICLES + 1))
def test_api_article_evidence_offsets_slice_the_body_to_the_evidence_sentence(
    client: TestClient, article_id: int
) -> None:
    detail = get_json(client, f"/api/articles/{article_id}")
    body = detail["body"]
    assert detail["article"]["id"] == article_id
    assert (SEEDS / f"{detail['article']['doc_id']}.txt").exists()
    assert detail["evidence"], "every seed article reports an event"
    for span in detail["evidence"]:
        assert 0 <= span["start"] < span["end"] <= len(body)
        event = get_json(client, f"/api/events/{span['event_id']}")
        (source,) = [s for s in event["sources"] if s["article_id"] == article_id]
        assert body[span["start"] : span["end"]] == source["evidence"]


def test_api_article_of_the_summit_marks_the_summit_sentence(
    client: TestClient, summit: dict[str, Any]
) -> None:
    article_id = summit["sources"][0]["article_id"]
    detail = get_json(client, f"/api/articles/{article_id}")
    (span,) = [s for s in detail["evidence"] if s["event_id"] == summit["id"]]
    assert "lần thứ 25" in detail["body"][span["start"] : span["end"]]  # "the 25th"


# --- timeline, series, search, graph ------------------------------------------------


@pytest.mark.parametrize("between", ["ASEAN,KOR", "KOR,ASEAN", "asean, han quoc"])
def test_api_timeline_of_a_relationship(client: TestClient, between: str) -> None:
    entries = get_json(client, "/api/timeline", between=between)
    events = [e["event"] for e in entries if e["what"] == "event"]
    milestones = [e["milestone"] for e in entries if e["what"] == "milestone"]
    assert len(events) == 7  # every event but the Korea–Vietnam one
    assert all(set(e["parties"]) >= {"ASEAN", "KOR"} for e in events)
    assert any(m["kind"] == "relations" and m["start"] == "1989" for m in milestones)
    assert SUMMIT_25 in {e["name"] for e in events}
    dated = [e["date"] for e in entries]
    assert dated == sorted(dated)


def test_api_series_lists_mechanisms_with_their_editions(client: TestClient) -> None:
    found = {s["series"]: s["events"] for s in get_json(client, "/api/series")}
    assert {
        "ASEAN-Korea Summit",
        "ASEAN-Korea Dialogue",
        "ASEAN-Korea Strategic Forum",
    } <= set(found)
    assert 25 in {e["edition"] for e in found["ASEAN-Korea Summit"]}


def test_api_series_by_a_name_as_articles_write_it(client: TestClient) -> None:
    found = get_json(client, "/api/series", name="Hội nghị Cấp cao Hàn-ASEAN")
    assert [s["series"] for s in found] == ["ASEAN-Korea Summit"]


@pytest.mark.parametrize("q", ["pham minh chinh", "Phạm Minh Chính", "PHAM MINH CHINH"])
def test_api_search_finds_a_person_with_or_without_diacritics(client: TestClient, q: str) -> None:
    hits = get_json(client, "/api/search", q=q)
    assert hits[0]["kind"] == "person"
    assert hits[0]["label"] == "Phạm Minh Chính"
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_api_search_marks_slice_the_snippet_to_the_matching_words(client: TestClient) -> None:
    hits = get_json(client, "/api/search", q="doi thoai")
    marked = [h["snippet"][a:b] for h in hits for a, b in h["marks"]]
    assert marked
    # Without diacritics, "doi" matches đối and đổi alike.
    assert {fold(word) for word in marked} == {"doi", "thoai"}


def test_api_search_limit(client: TestClient) -> None:
    assert len(get_json(client, "/api/search", q="doi thoai", limit=2)) == 2


def test_api_search_offset_pages_through_the_ranking(client: TestClient) -> None:
    ranked = [(h["kind"], h["id"]) for h in get_json(client, "/api/search", q="asean", limit=9)]
    second = get_json(client, "/api/search", q="asean", limit=3, offset=3)
    assert [(h["kind"], h["id"]) for h in second] == ranked[3:6]
    too_deep = client.get("/api/search", params={"q": "asean", "offset": 10_001})
    assert too_deep.status_code == 422


def test_api_graph_of_parties(client: TestClient) -> None:
    graph = get_json(client, "/api/graph")
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    assert labels == {"ASEAN": "ASEAN", "KOR": "Korea", "VNM": "Vietnam"}
    weights = {(e["source"], e["target"]): e["weight"] for e in graph["edges"]}
    assert weights == {("ASEAN", "KOR"): 4, ("KOR", "VNM"): 1}  # held meetings only


def test_api_graph_of_people(client: TestClient) -> None:
    graph = get_json(client, "/api/graph", level="people")
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    assert "Phạm Minh Chính" in labels.values()
    assert "Moon Jae-in" not in labels.values()  # named, but at no event
    pairs = {frozenset((labels[e["source"]], labels[e["target"]])) for e in graph["edges"]}
    assert frozenset(("Phạm Minh Chính", "Yoon Suk-yeol")) in pairs
    assert len(pairs) == 5


def test_api_graph_of_a_period(client: TestClient) -> None:
    graph = get_json(client, "/api/graph", **{"from": "2023", "to": "2024"})
    assert [(e["source"], e["target"], e["weight"]) for e in graph["edges"]] == [
        ("ASEAN", "KOR", 2)
    ]


def test_api_ask_answers_with_evidence(client: TestClient) -> None:
    answer = get_json(client, "/api/ask", q="Ai dong chu tri Doi thoai ASEAN-Han Quoc nam 2021?")
    assert answer["found"] is True
    assert "Yeo Seung-bae" in answer["answer"]
    assert answer["evidence"][0]["sentence"]


# --- POST /api/extract: pasted text and uploaded files -------------------------------


def check_extracted(result: dict[str, Any], event_name: str) -> None:
    """The record holds the event, and each evidence offset slices the body to the
    sentence that event gives as evidence."""
    events = result["record"]["events"]
    assert event_name in {e["name"] for e in events}
    assert result["evidence"]
    for span in result["evidence"]:
        sentence = result["body"][span["start"] : span["end"]]
        assert sentence == events[span["event"]]["evidence"]


def seed_text(doc_id: str = "004_955376071938104d") -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def test_api_extract_pasted_text(client: TestClient) -> None:
    response = client.post("/api/extract", data={"text": seed_text()})
    assert response.status_code == 200, response.text
    check_extracted(response.json(), SUMMIT_25)


def test_api_extract_stores_nothing(client: TestClient) -> None:
    before = get_json(client, "/api/stats")
    client.post("/api/extract", data={"text": seed_text()})
    assert get_json(client, "/api/stats") == before


def test_api_extract_an_uploaded_txt_file(client: TestClient) -> None:
    data = seed_text("000_0b6b7282ace4c71e").encode("utf-8")
    response = client.post("/api/extract", files={"file": ("bai-bao.txt", data, "text/plain")})
    assert response.status_code == 200, response.text
    result = response.json()
    assert (
        result["record"]["title"] == "Hàn Quốc thúc đẩy hợp tác thực chất cùng ASEAN hậu COVID-19"
    )
    check_extracted(result, "Đối thoại Hàn-ASEAN")


def test_api_extract_an_uploaded_html_page(client: TestClient) -> None:
    title, _, *lines = seed_text("003_b981de81e369b96a").splitlines()
    paragraphs = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = (
        f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><nav><a href='/'>Trang chủ</a></nav><article><h1>{title}</h1>"
        f"{paragraphs}</article><footer>Bản quyền</footer></body></html>"
    )
    response = client.post(
        "/api/extract", files={"file": ("trang.html", page.encode("utf-8"), "text/html")}
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["record"]["title"] == title
    assert "Trang chủ" not in result["body"]  # the page's navigation is not the article
    check_extracted(result, "hội nghị trực tuyến")  # "online conference"


def test_api_extract_without_text_is_a_clear_400(client: TestClient) -> None:
    for response in (client.post("/api/extract"), client.post("/api/extract", data={"text": " "})):
        assert response.status_code == 400
        assert response.json()["detail"] == "give the article's text, or a .txt or .html file"


def test_api_extract_an_unsupported_file_is_a_clear_400(client: TestClient) -> None:
    response = client.post(
        "/api/extract", files={"file": ("a.pdf", b"%PDF-1.4", "application/pdf")}
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "unsupported file type .pdf: give .txt or .html"


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("/api/events/999999", "no event 999999"),
        ("/api/people/999999", "no person 999999"),
        ("/api/articles/999999", "no article 999999"),
    ],
)
def test_api_unknown_id_is_404(client: TestClient, url: str, detail: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": detail}


def test_api_unknown_route_is_404(client: TestClient) -> None:
    assert client.get("/api/nothing-here").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?party=Atlantis",
        "/api/events?party=KOR&party=Atlantis",
        "/api/timeline?between=ASEAN,Atlantis",
    ],
)
def test_api_unknown_party_is_a_400_that_names_it(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "unknown party 'Atlantis': give a code (KOR) or a name (Korea)"
    }


def test_api_timeline_needs_two_parties(client: TestClient) -> None:
    response = client.get("/api/timeline", params={"between": "ASEAN"})
    assert response.status_code == 400
    assert "two parties" in response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=0",
        "/api/events?limit=1001",
        "/api/events?limit=many",
        "/api/events?offset=-1",
        "/api/events?from=2021-6",
        "/api/events?to=last+year",
        "/api/events?status=cancelled",
        "/api/events?kind=dinner",
        "/api/events?oldest_first=perhaps",
        "/api/events/abc",
        "/api/people?limit=501",
        "/api/people/1.5",
        "/api/articles/first",
        # Past a 64-bit SQL integer: once a 500 (OverflowError), found by schemathesis
        "/api/events/9223372036854775808",
        "/api/people/9223372036854775808",
        "/api/articles/-1",
        "/api/timeline",
        "/api/timeline?between=A",
        "/api/search",
        "/api/search?q=pham&limit=0",
        "/api/search?q=" + "a" * 501,
        "/api/graph?level=planets",
        "/api/graph?limit=0",
        "/api/graph?from=twenty",
        "/api/ask",
        "/api/ask?q=",
    ],
)
def test_api_bad_parameter_is_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


def test_api_body_over_2_mb_is_413(client: TestClient) -> None:
    text = "Hà Nội. " * (MAX_BODY // 8)
    response = client.post("/api/extract", files={"text": (None, text)})
    assert response.status_code == 413
    assert response.json()["detail"] == too_large_message()
    urlencoded = client.post("/api/extract", data={"text": text})  # within its body limit
    assert urlencoded.status_code == 413
    assert urlencoded.json()["detail"] == "article larger than 2,097,152 bytes"


def test_api_upload_over_2_mb_is_413(client: TestClient) -> None:
    data = b"Ha Noi. " * (MAX_BODY // 8 + 1)
    response = client.post("/api/extract", files={"file": ("big.txt", data, "text/plain")})
    assert response.status_code == 413


# --- read-only ------------------------------------------------------------------------


def api_get_routes() -> list[str]:
    """Every GET route under /api, with an id where the path wants one."""
    from diplonews.web.api_routes import router

    return sorted(
        re.sub(r"\{[^}]+\}", "1", route.path)
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    )


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_api_events_cannot_be_written(client: TestClient, method: str) -> None:
    for url in ("/api/events", "/api/events/1"):
        response = client.request(method, url, json={"date": "2020", "reason": "x"})
        if method == "PATCH" and url == "/api/events/1":
            # Editors' corrections (web.editing): a store without accounts is read-only.
            assert response.status_code == 403
            continue
        assert response.status_code == 405
        assert response.headers["allow"] == "GET"


@pytest.mark.parametrize("url", api_get_routes())
def test_api_get_routes_refuse_post(client: TestClient, url: str) -> None:
    response = client.post(url)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


def test_api_only_post_route_is_extract(client: TestClient) -> None:
    """Besides extraction, only editors' routes write (tagged "curation"), and each
    says it refuses who may not (401/403): see tests/web/test_editing.py."""
    paths = client.get("/openapi.json").json()["paths"]
    writing = {
        (path, method)
        for path, operations in paths.items()
        for method, operation in operations.items()
        if method not in ("get", "head", "options") and "curation" not in operation.get("tags", [])
    }
    assert writing == {("/api/extract", "post")}
    for operations in paths.values():
        for method, operation in operations.items():
            if method != "get" and "curation" in operation.get("tags", []):
                assert {"401", "403"} <= set(operation["responses"])


# --- headers, docs, OpenAPI --------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/api/stats"),
        ("GET", "/api/events?party=KOR"),
        ("GET", "/api/events/999999"),  # 404
        ("GET", "/api/events?party=Atlantis"),  # 400
        ("GET", "/api/events?limit=0"),  # 422
        ("PUT", "/api/events"),  # 405
        ("POST", "/api/extract"),  # 400
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/swagger/swagger-ui.css"),
        ("GET", "/static/style.css"),
        ("GET", "/"),
        ("GET", "/no/such/page"),
    ],
)
def test_api_every_response_has_the_security_headers(
    client: TestClient, method: str, url: str
) -> None:
    response = client.request(method, url)
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    if url != "/docs":  # Swagger UI starts from one inline script
        assert "script-src 'self';" in csp


def test_api_413_has_the_security_headers(client: TestClient) -> None:
    response = client.post(
        "/api/extract", content=b"x", headers={"content-length": str(MAX_BODY + 1)}
    )
    assert response.status_code == 413
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_api_docs_load_everything_from_this_site(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.text
    assert "/openapi.json" in html
    assert not re.search(r"https?://", html), "the docs page names another site"
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", html)
    assert assets
    for asset in assets:
        assert asset.startswith("/swagger/"), asset
        assert client.get(asset).status_code == 200, asset


def test_api_openapi_lists_every_api_route_and_no_page(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "diplonews"
    expected = {re.sub(r"/1$", "/{id}", url) for url in api_get_routes()}
    listed = {re.sub(r"\{[^}]+\}", "{id}", path) for path in spec["paths"]}
    curation = {  # editors' routes (web.editing)
        re.sub(r"\{[^}]+\}", "{id}", route.path)
        for route in editing.api_router.routes
        if isinstance(route, APIRoute)
    }
    assert listed == expected | {"/api/extract"} | curation
    assert all(path.startswith("/api/") for path in spec["paths"])


def test_api_openapi_documents_the_refusals(client: TestClient) -> None:
    """What a client may get besides 200 and 422 is in the description (schemathesis
    checks that every answer's status is)."""
    paths = client.get("/openapi.json").json()["paths"]
    for path, operations in paths.items():
        for operation in operations.values():
            assert "400" in operation["responses"], path
    for path in ("/api/events/{event_id}", "/api/people/{person_id}", "/api/articles/{article_id}"):
        assert "404" in paths[path]["get"]["responses"], path
    assert "413" in paths["/api/extract"]["post"]["responses"]


# --- the application's lexicons (create_app(lexicon_paths=…)) ------------------------

ALICE_TEA = "Ai đồng chủ trì Tiệc trà Thần Tiên lần thứ 3?"


def test_api_routes_read_names_with_the_applications_lexicons(
    user_lexicon_client: TestClient,
) -> None:
    get = user_lexicon_client.get
    [tea] = get("/api/events", params={"party": "Xứ Sở Thần Tiên"}).json()
    assert (tea["series"], tea["parties"]) == ("Wonderland Tea Party", ["VNM", "XWL"])
    timeline = get("/api/timeline", params={"between": "Việt Nam,Wonderland"}).json()
    assert [item["event"]["id"] for item in timeline] == [tea["id"]]
    series = get("/api/series", params={"name": "Tiệc trà Thần Tiên"}).json()
    assert [s["series"] for s in series] == ["Wonderland Tea Party"]
    nodes = get("/api/graph").json()["nodes"]
    assert {"id": "XWL", "label": "Wonderland"}.items() <= next(
        n for n in nodes if n["id"] == "XWL"
    ).items()
    answer = get("/api/ask", params={"q": ALICE_TEA}).json()
    assert answer["found"] and "Alice Liddell" in answer["answer"]


def test_api_extract_reads_with_the_applications_lexicons(
    user_lexicon_client: TestClient, client: TestClient
) -> None:
    text = "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Bộ trưởng Ngoại giao Xứ Sở Thần Tiên."
    extracted = user_lexicon_client.post("/api/extract", data={"text": text}).json()
    assert "XWL" in extracted["record"]["events"][0]["parties"]
    shipped = client.post("/api/extract", data={"text": text}).json()
    assert all("XWL" not in e["parties"] for e in shipped["record"]["events"])


def test_api_routes_of_an_application_without_them_refuse_the_users_names(
    client: TestClient,
) -> None:
    refused = client.get("/api/events", params={"party": "Xứ Sở Thần Tiên"})
    assert refused.status_code == 400 and "unknown party" in refused.json()["detail"]
    assert not client.get("/api/ask", params={"q": ALICE_TEA}).json()["found"]


# --- error answers and ids ------------------------------------------------------------


@pytest.fixture(scope="module")
def failing(web_db: str) -> Iterator[TestClient]:
    """The application with two routes that fail unexpectedly (a page and an API one)."""
    app = create_app(web_db)

    @app.get("/fails")
    def fails() -> None:
        raise RuntimeError("an unexpected failure")

    @app.get("/api/fails")
    def api_fails() -> None:
        raise RuntimeError("an unexpected failure")

    with TestClient(app, raise_server_exceptions=False) as opened:
        yield opened


def assert_secured(response: Response) -> None:
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/fails", 500),
        ("GET", "/api/fails", 500),
        ("GET", "/no/such/page", 404),
        ("GET", "/events/999999", 404),
        ("GET", "/api/events/999999", 404),
        ("DELETE", "/", 405),
        ("PUT", "/api/events", 405),
        ("GET", "/api/events?limit=0", 422),
        ("GET", "/api/events/%C2%B2", 422),
        ("GET", "/timeline?person=%C2%B2", 400),
    ],
)
def test_every_error_answer_has_the_security_headers(
    failing: TestClient, method: str, url: str, status: int
) -> None:
    response = failing.request(method, url)
    assert response.status_code == status
    assert_secured(response)
    if status == 500:
        assert "internal error" in response.text and "unexpected failure" not in response.text


def test_an_unexpected_exception_still_reaches_the_server_log(web_db: str) -> None:
    app = create_app(web_db)

    @app.get("/fails")
    def fails() -> None:
        raise RuntimeError("an unexpected failure")

    with TestClient(app) as client, pytest.raises(RuntimeError, match="unexpected failure"):
        client.get("/fails")


def test_a_body_sent_without_a_length_is_cut_at_the_limit(client: TestClient) -> None:
    boundary = "diplonews"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        f"{'a' * (MAX_BODY + 1)}\r\n--{boundary}--\r\n"
    ).encode()
    response = client.post(
        "/api/extract",
        content=iter([body[:1000], body[1000:]]),  # chunked: no Content-Length to check
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413
    assert response.json()["detail"] == too_large_message()
    assert_secured(response)


@pytest.mark.parametrize(
    "url",
    [
        "/timeline?person=9223372036854775808",
        "/timeline?person=%C2%B2",  # "²": a digit to str.isdigit, no number to int()
        "/timeline?person=%D9%A3",  # "٣", Arabic-Indic three
        "/timeline?person=-1",
        "/timeline?person=99999999999999999999999999",
        "/events/9223372036854775808",
        "/people/%C2%B2",
        "/articles/99999999999999999999999999",
        "/search?q=x&page=9223372036854775808",
        "/search?q=x&page=%C2%B2",
        "/api/events/9223372036854775808",
        "/api/people/%C2%B2",
        "/api/articles/-1",
        "/api/events?limit=9223372036854775808",
        "/api/search?q=x&offset=%C2%B2",
        "/api/ask?q=l%E1%BA%A7n%20th%E1%BB%A9%20%C2%B2",  # "lần thứ ²"
        "/api/ask?q=l%E1%BA%A7n%20th%E1%BB%A9%2099999999999999999999",
        "/ask?q=l%E1%BA%A7n%20th%E1%BB%A9%20%C2%B2",
        "/graph?level=people&focus=p99999999999999999999",
    ],
)
def test_every_id_is_range_checked(failing: TestClient, url: str) -> None:
    response = failing.get(url)
    assert response.status_code in (200, 400, 404, 422), response.text[:300]
    assert_secured(response)


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("from=2021-13-45", "--from '2021-13-45': there is no month 13"),
        ("to=2023-02-29", "--to '2023-02-29': day 29 is not in that month (1–28)"),
        ("from=2024&to=2020", "--from 2024 is after --to 2020: the period is empty"),
    ],
)
def test_api_impossible_dates_and_empty_periods_are_422(
    client: TestClient, query: str, detail: str
) -> None:
    for path in ("/api/events", "/api/graph"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 422, path
        assert response.json() == {"detail": detail}


def test_api_unknown_route_stays_json_and_pages_are_html(client: TestClient) -> None:
    assert client.get("/api/nothing").json() == {"detail": "Not Found"}
    page = client.get("/nothing-here")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Không có trang này." in page.text and "Not Found" not in page.text


def test_api_events_refuses_an_empty_party(client) -> None:
    # "?party=" is no party: an error, not the unfiltered list (the OpenAPI contract).
    response = client.get("/api/events", params={"party": ""})
    assert response.status_code == 400
    assert "party" in response.json()["detail"]
