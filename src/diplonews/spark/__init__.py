"""Archives of millions of articles on Apache Spark: `job` extracts them into Parquet
tables (`diplonews spark-extract`), `load` reads those back into a store
(`diplonews ingest --from-parquet`).

Both are optional (`pip install 'diplonews[spark]'`): nothing here is imported unless
one of those two commands runs, so the rest of diplonews works without PySpark,
PyArrow or Java.
"""
