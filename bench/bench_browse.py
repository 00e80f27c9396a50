"""Time the browse lists (`diplonews.kb.browse`: a page, its total and facet counts) on
a store, CPU time of the best of three calls each:

    PYTHONPATH=src python bench/bench_browse.py STORE

For a 20,000-article store: `python bench/corpus.py /tmp/c --count 20000`, then
`diplonews ingest /tmp/c --db /tmp/b.db`. The corpus has no URLs; to time the outlet
filter and facet give the articles some, e.g. in SQLite:
UPDATE articles SET url = 'https://' || CASE id % 3 WHEN 0 THEN 'vnexpress.net'
WHEN 1 THEN 'dantri.com.vn' ELSE 'dansinh.dantri.com.vn' END || '/a/' || id"""

import sys
import time

from diplonews import api
from diplonews.kb import browse

s = api.open_store(sys.argv[1])
cases = [
    ("events", []),
    ("events", [("party", "KOR")]),
    ("events", [("kind", "visit"), ("year", "2015")]),
    ("events", [("sort", "-sources")]),
    ("events", [("outlet", "Dân trí")]),
    ("events", [("page", "300")]),
    ("people", []),
    ("people", [("title", "Foreign Minister")]),
    ("people", [("sort", "-last_seen")]),
    ("people", [("party", "KOR")]),
    ("articles", []),
    ("articles", [("outlet", "VnExpress"), ("sort", "-events")]),
    ("series", []),
    ("series", [("party", "KOR")]),
]
for table, params in cases:
    best = 1e9
    for _ in range(3):
        c = time.process_time()
        found = browse.browse(s, table, params)
        best = min(best, time.process_time() - c)
    print(f"{table:9} {params!s:45} {found.total:6} rows  {best * 1000:6.1f} ms CPU (best of 3)")
