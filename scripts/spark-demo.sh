#!/usr/bin/env bash
# Scale-out demo (not run by CI): the same corpus processed three ways must give the same claims.
#   1. PySpark local[2], each partition piped through `claimex run - --out -` (spark_pipe.py);
#   2. one plain `claimex run CORPUS --out DIR` (the reference);
#   3. N=3 independent `claimex run --shard K/3` processes run in parallel.
#
# Usage: scripts/spark-demo.sh [CORPUS.jsonl]
# Without an argument the corpus is seeds/*.txt repeated $REPEAT times under new ids.
# Needs Python 3, Java 17 and network access to PyPI; the virtualenv and all outputs live under
# ${TMPDIR:-/tmp}/claimex-spark-demo, outside the repository.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${TMPDIR:-/tmp}/claimex-spark-demo
venv=$scratch/venv
mkdir -p "$scratch"
work=$(mktemp -d "$scratch/run.XXXXXX")
repeat=${REPEAT:-200}
shards=3

# A scratch virtualenv with PySpark (reused across runs).
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'pyspark==3.5.*'
fi
export PYSPARK_PYTHON=$venv/bin/python

(cd "$repo" && cargo build --release --quiet)
claimex=$repo/target/release/claimex

# The corpus: given, or the seed articles repeated under new ids.
if [[ $# -ge 1 ]]; then
  corpus=$(realpath "$1")
else
  corpus=$work/seeds.jsonl
  "$venv/bin/python" - "$repo/seeds" "$repeat" "$corpus" <<'PY'
import json, pathlib, sys
seeds, repeat, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with open(out, "w", encoding="utf-8") as f:
    for r in range(repeat):
        for seed in sorted(seeds.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            f.write(json.dumps({"id": f"{seed.stem}-r{r:04}", "text": text}) + "\n")
PY
fi
echo "corpus: $corpus ($(wc -l <"$corpus") articles, $(du -h "$corpus" | cut -f1))"

# 1 and 2: Spark vs a single run (spark_pipe.py prints the counts and "match"/"MISMATCH").
time "$venv/bin/python" "$repo/scripts/spark_pipe.py" "$corpus" "$claimex" "$work"

# 3: N shard processes in parallel; their union must equal the single run's claims.
start=$SECONDS
seq 1 "$shards" | xargs -P "$shards" -I{} sh -c \
  '"$0" run "$1" --out - -q -j 1 --shard {}/'"$shards"' > "$2/shard-{}.jsonl"; rc=$?; [ $rc -eq 0 ] || [ $rc -eq 2 ]' \
  "$claimex" "$corpus" "$work"
for k in $(seq 1 "$shards"); do echo "shard $k/$shards: $(wc -l <"$work/shard-$k.jsonl") claims"; done
if cmp -s <(cat "$work"/shard-*.jsonl | LC_ALL=C sort) <(LC_ALL=C sort "$work/single/claims.jsonl"); then
  echo "union of $shards shards vs single run: match ($((SECONDS - start))s)"
else
  echo "union of $shards shards vs single run: MISMATCH"
  exit 1
fi
echo "outputs in $work"
