"""Time the browse lists on a store: python bench_browse.py STORE"""
import sys, time
from diplonews import api
from diplonews.kb import browse
s = api.open_store(sys.argv[1])
cases = [('events',[]),('events',[('party','KOR')]),('events',[('kind','visit'),('year','2015')]),('events',[('sort','-sources')]),('events',[('outlet','Dân trí')]),('events',[('page','300')]),('people',[]),('people',[('title','Foreign Minister')]),('people',[('sort','-last_seen')]),('people',[('party','KOR')]),('articles',[]),('articles',[('outlet','VnExpress'),('sort','-events')]),('series',[]),('series',[('party','KOR')])]
for table, params in cases:
    best = 1e9
    for _ in range(3):
        t = time.perf_counter(); c = time.process_time()
        found = browse.browse(s, table, params)
        best = min(best, time.process_time() - c)
    print(f"{table:9} {str(params):45} {found.total:6} rows  {best*1000:6.1f} ms CPU (best of 3)")
