#!/usr/bin/env python3
"""Scale-out demo: pipe a JSONL corpus through `claimex run - --out -` with PySpark.

Usage: spark_pipe.py CORPUS.jsonl CLAIMEX_BINARY WORKDIR [PARTITIONS]

Every Spark partition (a slice of the corpus's lines) is piped through one claimex process
(`RDD.pipe`): JSONL articles on its stdin, claims JSONL on its stdout. The claims are saved under
WORKDIR/spark_claims and compared, as a sorted multiset of lines, with the claims.jsonl of one
single `claimex run CORPUS --out WORKDIR/single`; the numbers of rejected inputs must agree too.
Exits 1 when they differ.

claimex exits 2 when it rejected some inputs (reported on its stderr, collected here in
WORKDIR/spark_rejected.log): that is an accepted outcome, any other non-zero status fails the
Spark task and so the job.
"""

import shlex
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from pyspark.sql import SparkSession


def claims_via_spark(spark, corpus, binary, workdir, partitions):
    """Pipes the corpus through claimex, one process per partition.

    Returns the claim lines and the rejection reports (claimex's stderr, appended by every
    task to WORKDIR/spark_rejected.log: Spark does not show a piped process's stderr).
    """
    rejected_log = Path(workdir) / "spark_rejected.log"
    rejected_log.touch()
    # `-j 1`: Spark already runs one task per core, so each claimex uses a single thread.
    # `sh -c`: accept exit status 2 (rejected inputs) but fail the task on any other error.
    script = '"$0" run - --out - -q -j 1 2>>"$1"; rc=$?; [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ]'
    command = shlex.join(["sh", "-c", script, binary, str(rejected_log)])
    lines = spark.sparkContext.textFile(corpus, minPartitions=partitions)
    out_dir = Path(workdir) / "spark_claims"
    lines.pipe(command, checkCode=True).saveAsTextFile(str(out_dir))
    claims = [line for part in sorted(out_dir.glob("part-*")) for line in read_lines(part)]
    return claims, read_lines(rejected_log)


def claims_via_single_run(corpus, binary, workdir):
    """One plain `claimex run` over the whole corpus; returns its claims and errors lines."""
    out_dir = Path(workdir) / "single"
    status = subprocess.run([binary, "run", corpus, "--out", out_dir, "-q"]).returncode
    if status not in (0, 2):
        sys.exit(f"single claimex run failed with status {status}")
    return read_lines(out_dir / "claims.jsonl"), read_lines(out_dir / "errors.jsonl")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def main():
    corpus, binary, workdir = sys.argv[1:4]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("claimex-pipe")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")

    start = time.monotonic()
    spark_claims, spark_rejected = claims_via_spark(spark, corpus, binary, workdir, partitions)
    spark_seconds = time.monotonic() - start
    start = time.monotonic()
    single_claims, single_rejected = claims_via_single_run(corpus, binary, workdir)
    single_seconds = time.monotonic() - start
    spark.stop()

    print(f"spark local[2], {partitions} partitions: {len(spark_claims)} claims, "
          f"{len(spark_rejected)} rejected inputs in {spark_seconds:.1f}s")
    print(f"single claimex run: {len(single_claims)} claims, "
          f"{len(single_rejected)} rejected inputs in {single_seconds:.1f}s")
    # Order differs between the two (partitions vs input order); content must not.
    missing = Counter(single_claims) - Counter(spark_claims)
    extra = Counter(spark_claims) - Counter(single_claims)
    if not missing and not extra and len(spark_rejected) == len(single_rejected):
        print("spark vs single run: match")
    else:
        print(f"spark vs single run: MISMATCH ({sum(missing.values())} claims missing, "
              f"{sum(extra.values())} extra, rejected {len(spark_rejected)} vs "
              f"{len(single_rejected)})")
        sys.exit(1)


if __name__ == "__main__":
    main()
