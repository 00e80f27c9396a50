"""`diplonews spark-extract`: the extraction of an archive as a Spark job.

A thin shell over `diplonews.spark.job`, which is imported only when the command
runs: PySpark (and its JVM) cost nothing to the other commands, and diplonews works
without them. Errors are one line on stderr, as everywhere.
"""

from __future__ import annotations

from typing import Annotated

import typer

from diplonews.cli.common import app, fail
from diplonews.errors import DiplonewsError

SPARK_HOWTO = "spark-extract needs PySpark and Java 17+: pip install 'diplonews[spark]'"


@app.command("spark-extract")
def spark_extract(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="A folder or file, local or a Hadoop URI (hdfs://, s3a://…): .txt/.html "
            "files, .jsonl files or Parquet files with the JSONL fields as columns.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Argument(
            metavar="OUTPUT",
            help="A new folder for the Parquet tables articles, events, people and errors.",
            show_default=False,
        ),
    ],
    master: Annotated[
        str, typer.Option(help="The Spark master: local[N], spark://HOST:7077, yarn, …")
    ] = "local[*]",
    partitions: Annotated[
        int | None,
        typer.Option(min=1, help="Extraction tasks [default: 4 per core, more for a big input]."),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option(help="Replace the tables of an OUTPUT that exists.")
    ] = False,
) -> None:
    """Extract an archive with Apache Spark into Parquet tables (then `ingest --from-parquet`)."""
    try:
        from diplonews.spark import job
    except ImportError as exc:
        raise fail(f"{SPARK_HOWTO} ({exc})") from None
    options = job.Options(input_path, output, partitions, overwrite)
    try:
        report = job.extract(options, master)
    except DiplonewsError as exc:
        raise fail(str(exc)) from None
    except Exception as exc:  # noqa: BLE001 -- Spark's own errors (no Java, a failed write)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise fail(f"spark: {first}") from None
    for path, reason in report.first_errors:
        typer.echo(f"diplonews: {path}: {reason}", err=True)
    if report.errors > len(report.first_errors):
        more = report.errors - len(report.first_errors)
        typer.echo(f"diplonews: … and {more:,} more in {output}/errors", err=True)
    typer.echo(report.summary(output), err=True)
    raise typer.Exit(0 if report.articles else 2)
