"""Archives of millions of articles on Apache Spark: `job` extracts them into Parquet
tables (`diplonews spark-extract`), `load` reads those back into a store
(`diplonews ingest --from-parquet`).

Both are optional (`pip install 'diplonews[spark]'`): nothing here is imported unless
one of those two commands runs, so the rest of diplonews works without PySpark,
PyArrow or Java.
"""

from diplonews import __version__
from diplonews.kb.dedupe import SCHEME

# What the `extractor` column of the Parquet output holds, and what `load` accepts: the
# diplonews version and its MinHash scheme (output signed with another scheme would put
# band keys no new article can meet into a store marked as holding this one).
EXTRACTOR = f"{__version__} {SCHEME}"
