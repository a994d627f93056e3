#!/usr/bin/env python3
"""Regenerates BENCHMARKS.md: every number in it is measured by this script, on this machine.

    python3 scripts/benchmarks.py [--quick] [--skip-peer] [--skip-1g] [--small-mb 100] [--large-mb 1000]

It builds the release binary, runs the criterion benches, times `claimex run` on corpora of
about 100 MB and 1 GB (PolNeAR articles repeated under new ids, or the seeds when
../shared is absent) at 1 and 2 threads under /usr/bin/time -v, runs the spaCy/textacy peer
from ../shared/peers on the same articles in the same session (installing it into a scratch
virtualenv outside the repository if needed), and scores quality: the taggers on CoNLL-2003,
CoNLL++ and wikigold, attribution on PolNeAR dev and the seeds gold. Corpora and outputs go to
$CLAIMEX_BENCH_DIR (default /tmp/claimex-bench); nothing from ../shared enters the repository.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
BIN = ROOT / "target" / "release" / "claimex"
WORK = Path(os.environ.get("CLAIMEX_BENCH_DIR", "/tmp/claimex-bench"))
PEER_VENV = Path(os.environ.get("CLAIMEX_PEER_VENV", "/tmp/claimex-peer-venv"))


def log(msg):
    print(f"[benchmarks] {msg}", file=sys.stderr, flush=True)


def sh(cmd, **kw):
    log(" ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, text=True, capture_output=True, **kw)


# ---------------------------------------------------------------- corpora

def source_articles():
    """(id, text) of the articles corpora are built from."""
    files = [DATA / "polnear" / f"polnear_{s}.articles.jsonl" for s in ("train", "dev")]
    if all(f.exists() for f in files):
        out = []
        for f in files:
            for line in f.open(encoding="utf-8"):
                r = json.loads(line)
                out.append((r["id"], r["text"]))
        return out, "PolNeAR train+dev article texts"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [(p.stem, p.read_text(encoding="utf-8")) for p in seeds], "the five seed articles"


def make_corpus(path, size, articles):
    """A JSONL corpus of at least `size` bytes: `articles` repeated under new ids."""
    if path.exists() and path.stat().st_size >= size:
        return
    tmp = path.with_suffix(".tmp")
    written, copy = 0, 0
    with tmp.open("w", encoding="utf-8") as out:
        while written < size:
            for aid, text in articles:
                line = json.dumps({"id": f"{aid}~{copy}", "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
            copy += 1
    tmp.rename(path)


# ---------------------------------------------------------------- runs

def timed_run(corpus, threads, out):
    """Runs claimex under /usr/bin/time -v; returns run.json plus peak RSS."""
    shutil.rmtree(out, ignore_errors=True)
    res = subprocess.run(
        ["/usr/bin/time", "-v", str(BIN), "run", str(corpus), "--out", str(out), "-q",
         "--threads", str(threads)],
        text=True, capture_output=True)
    if res.returncode not in (0, 2):
        raise SystemExit(f"claimex run failed: {res.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr).group(1))
    stats = json.loads((out / "run.json").read_text())
    stats["peak_rss_mb"] = rss / 1024
    stats["input_mb"] = corpus.stat().st_size / 1e6
    return stats


def same_outputs(a, b):
    names = ["claims.jsonl", "claims.csv", "entities.jsonl", "errors.jsonl", "manifest.jsonl"]
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


# ---------------------------------------------------------------- criterion

def criterion(quick):
    args = ["cargo", "bench", "--bench", "pipeline", "--", "--noplot"]
    if quick:
        args += ["--warm-up-time", "1", "--measurement-time", "2"]
    since = datetime.datetime.now().timestamp()
    sh(args, cwd=ROOT)
    rows = []
    for bench in sorted((ROOT / "target" / "criterion").glob("*/*/new/benchmark.json")):
        if bench.stat().st_mtime < since:
            continue  # a benchmark that no longer exists, from an earlier run
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        seconds = est["mean"]["point_estimate"] / 1e9
        tp = meta.get("throughput") or {}
        if "Elements" in tp:
            unit = "tokens/s" if "tokens" in meta["function_id"] else "words/s"
            rate = f"{tp['Elements'] / seconds:,.0f} {unit}"
        elif "Bytes" in tp:
            rate = f"{tp['Bytes'] / seconds / 1e6:,.2f} MB/s"
        else:
            rate = ""
        rows.append((meta["group_id"], meta["function_id"], seconds * 1e3, rate))
    return rows


# ---------------------------------------------------------------- peer

def peer_python():
    py = PEER_VENV / "bin" / "python"
    if not py.exists():
        log(f"installing the peer into {PEER_VENV}")
        sh([sys.executable, "-m", "venv", PEER_VENV])
        sh([py, "-m", "pip", "install", "-q", "-r", SHARED / "peers" / "requirements.txt"])
    return py


def run_peer(articles_jsonl, mode, out):
    py = peer_python()
    res = sh([py, SHARED / "peers" / "spacy_quotes.py", articles_jsonl, "--mode", mode, "-o", out])
    m = re.search(r"words_per_s\W+([\d.]+)", res.stderr)
    return float(m.group(1)) if m else None


def peer_to_claims(src, dst):
    """The peer's records in claimex's claims.jsonl shape, for `claimex eval`."""
    with open(dst, "w", encoding="utf-8") as out:
        for line in open(src, encoding="utf-8"):
            r = json.loads(line)
            mention = None
            if r.get("speaker_start") is not None:
                mention = {"start": r["speaker_start"], "end": r["speaker_end"], "text": r["speaker"]}
            rec = {"doc_id": r["doc_id"], "kind": r.get("kind"), "speaker": r.get("speaker"),
                   "speaker_mention": mention,
                   "cue": {"start": None, "end": None, "text": r["cue"]} if r.get("cue") else None,
                   "quote": {"start": r["quote_start"], "end": r["quote_end"], "text": r["quote"]},
                   "confidence": 1.0}
            out.write(json.dumps(rec) + "\n")


# ---------------------------------------------------------------- quality

def claim_eval(gold, pred):
    res = subprocess.run([str(BIN), "eval", "--gold", str(gold), "--pred", str(pred), "--json"],
                         text=True, capture_output=True, check=True)
    return json.loads(res.stdout)


def tagger_eval(task, path):
    res = subprocess.run([str(BIN), task, "eval", str(path), "--json"],
                         text=True, capture_output=True, check=True)
    return json.loads(res.stdout)


# ---------------------------------------------------------------- report

def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    rustc = sh(["rustc", "--version"]).stdout.strip()
    commit = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {mem / 1048576:.0f} GiB RAM, {platform.system()} {platform.release()}; {rustc}; claimex commit {commit}"


def fmt_int(x):
    return f"{x:,.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="shorter criterion runs")
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--skip-1g", action="store_true")
    ap.add_argument("--small-mb", type=int, default=100, help="size of the smaller corpus")
    ap.add_argument("--large-mb", type=int, default=1000, help="size of the larger corpus")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    sh(["cargo", "build", "--release"], cwd=ROOT)
    measured_on = machine()  # the commit whose binary is measured
    articles, corpus_desc = source_articles()
    lines = []
    w = lines.append

    # Speed: CLI runs.
    small, large = f"{args.small_mb} MB", f"{args.large_mb} MB"
    c_small = WORK / f"corpus-{args.small_mb}MB.jsonl"
    make_corpus(c_small, args.small_mb * 1_000_000, articles)
    runs = [(small, 1, timed_run(c_small, 1, WORK / "out-small-t1")),
            (small, 2, timed_run(c_small, 2, WORK / "out-small-t2"))]
    identical = same_outputs(WORK / "out-small-t1", WORK / "out-small-t2")
    if not args.skip_1g:
        c_large = WORK / f"corpus-{args.large_mb}MB.jsonl"
        make_corpus(c_large, args.large_mb * 1_000_000, articles)
        runs.append((large, 2, timed_run(c_large, 2, WORK / "out-large-t2")))
    scaling = runs[1][2]["words_per_second"] / runs[0][2]["words_per_second"]

    # Peer, side by side on the same articles in this session.
    peer_rows = []
    dev_articles = DATA / "polnear" / "polnear_dev.articles.jsonl"
    same_articles = dev_articles if dev_articles.exists() else None
    if same_articles is None:
        same_articles = WORK / "seeds.jsonl"
        with same_articles.open("w", encoding="utf-8") as out:
            for p in sorted((ROOT / "seeds").glob("*.txt")):
                out.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n")
    ours = timed_run(same_articles, 1, WORK / "out-peer-articles")
    peer_preds = {}
    if not args.skip_peer and (SHARED / "peers").exists():
        for mode in ("dep", "textacy"):
            raw = WORK / f"peer-{mode}.jsonl"
            rate = run_peer(same_articles, mode, raw)
            conv = WORK / f"peer-{mode}.claims.jsonl"
            peer_to_claims(raw, conv)
            peer_preds[mode] = conv
            peer_rows.append((mode, rate))

    # Criterion.
    bench_rows = criterion(args.quick)

    # Quality.
    conll = DATA / "ner" / "conll2003"
    tagger_rows = []
    if conll.exists():
        for task, name, path in [
            ("ner", "CoNLL-2003 eng.testb", conll / "iob1_original" / "eng.testb"),
            ("ner", "CoNLL++ test", conll / "iob2_conllpp" / "conllpp_test.txt"),
            ("ner", "wikigold (other domain)", DATA / "ner" / "wikigold" / "wikigold.conll.txt"),
            ("pos", "CoNLL-2003 eng.testb, POS column", conll / "iob1_original" / "eng.testb"),
            ("chunk", "CoNLL-2003 eng.testb, chunk column", conll / "iob1_original" / "eng.testb"),
        ]:
            r = tagger_eval(task, path)
            o = r["overall"]
            if task == "pos":
                tagger_rows.append((task, name, f"token accuracy {r['token_accuracy']:.4f}"))
            else:
                tagger_rows.append((task, name, f"P {o['precision']:.4f} R {o['recall']:.4f} F1 **{o['f1']:.4f}**"))
    attribution_rows = []
    dev_gold = DATA / "polnear" / "polnear_dev.gold.jsonl"
    if dev_gold.exists():
        attribution_rows.append(("PolNeAR dev: claimex", claim_eval(dev_gold, WORK / "out-peer-articles" / "claims.jsonl")))
        for mode, pred in peer_preds.items():
            attribution_rows.append((f"PolNeAR dev: peer `{mode}`", claim_eval(dev_gold, pred)))
    seeds_out = WORK / "out-seeds"
    shutil.rmtree(seeds_out, ignore_errors=True)
    sh([BIN, "run", ROOT / "seeds", "--out", seeds_out, "-q"])
    attribution_rows.append(("seeds gold: claimex", claim_eval(ROOT / "data" / "seeds.gold.jsonl", seeds_out / "claims.jsonl")))

    # Write the report.
    w("# Benchmarks\n")
    w("Generated by `python3 scripts/benchmarks.py` — do not edit by hand; rerun it. ")
    w(f"Run {started:%Y-%m-%d %H:%M} UTC on: {measured_on}.\n")
    w("## Method\n")
    w(f"- Corpora: {corpus_desc}, repeated under new ids into JSONL files of about {small} and {large} "
      f"(in `{WORK}`, never in the repository).")
    w("- CLI runs: `/usr/bin/time -v target/release/claimex run CORPUS --out DIR -q --threads N`; "
      "words/s is `run.json`'s (whitespace words over wall time, model loading excluded), peak RSS is "
      "time's maximum resident set size.")
    w("- Stages: `cargo bench --bench pipeline` (criterion; seeds plus PolNeAR dev texts when present), "
      "mean time per iteration over the whole article set.")
    w("- Peer: `../shared/peers/spacy_quotes.py` (spaCy 3.8 + textacy, one process) on the same articles "
      "in the same session; its words/s excludes model loading, like ours.")
    w("- Quality: `claimex ner|pos|chunk eval FILE --json` and `claimex eval --gold GOLD --pred claims.jsonl --json`.\n")

    w("## Speed: end to end\n")
    w("| input | threads | articles | words | wall s | words/s | peak RSS MB |")
    w("|---|---|---|---|---|---|---|")
    for name, threads, s in runs:
        w(f"| {s['input_mb']:,.0f} MB JSONL | {threads} | {fmt_int(s['articles'])} | {fmt_int(s['words'])} | "
          f"{s['wall_seconds']:.1f} | {fmt_int(s['words_per_second'])} | {s['peak_rss_mb']:.0f} |")
    w("")
    w(f"- Scaling, 2 threads over 1 on {small}: **{scaling:.2f}×**; outputs byte-identical: **{'yes' if identical else 'NO'}**.")
    if len(runs) > 2:
        w(f"- Peak RSS as input grows (2 threads): {runs[1][2]['peak_rss_mb']:.0f} MB for the {small} input, "
          f"{runs[2][2]['peak_rss_mb']:.0f} MB for the {large} input.")
    w("")
    w("## Speed: side by side with the peer\n")
    w(f"Same articles (`{same_articles.name}`), same session, one core each.\n")
    w("| tool | words/s | claimex is |")
    w("|---|---|---|")
    w(f"| claimex (`--threads 1`) | {fmt_int(ours['words_per_second'])} | |")
    for mode, rate in peer_rows:
        ratio = f"{ours['words_per_second'] / rate:.0f}× faster" if rate else "n/a"
        w(f"| peer `{mode}` | {fmt_int(rate) if rate else 'n/a'} | {ratio} |")
    if not peer_rows:
        w("| peer | not run (`--skip-peer` or ../shared/peers absent) | |")
    w("")
    w("## Speed: per stage (criterion)\n")
    w("| group | benchmark | ms / iteration | throughput |")
    w("|---|---|---|---|")
    for group, func, ms, rate in bench_rows:
        w(f"| {group} | {func} | {ms:,.2f} | {rate} |")
    w("")
    w("## Quality: taggers\n")
    if tagger_rows:
        w("| model | data | score |")
        w("|---|---|---|")
        for task, name, score in tagger_rows:
            w(f"| {task} | {name} | {score} |")
    else:
        w("Not measured: ../shared/data/ner absent.")
    w("")
    w("## Quality: attribution\n")
    w("Subsets as in `claimex eval`: **all**; **quoted** (gold direct/mixed vs predicted direct/mixed); "
      "**speech** (gold speech cues vs predicted speech cues).\n")
    w("| data | subset | gold | pred | quote P | quote R | quote F1 | exact-content F1 | claim P | claim R | claim F1 |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, r in attribution_rows:
        for subset in ("all", "quoted", "speech"):
            s = r[subset]
            w(f"| {name} | {subset} | {s['gold']} | {s['pred']} | {s['quote_p']:.3f} | {s['quote_r']:.3f} | "
              f"**{s['quote_f1']:.3f}** | {s['exact_f1']:.3f} | {s['claim_p']:.3f} | {s['claim_r']:.3f} | **{s['claim_f1']:.3f}** |")
    w("")
    if attribution_rows and attribution_rows[0][0].startswith("PolNeAR"):
        w("Confidence calibration (PolNeAR dev, claimex): precision of claims by confidence bucket.\n")
        w("| bucket | claims | correct | precision |")
        w("|---|---|---|---|")
        for b in attribution_rows[0][1]["buckets"]:
            w(f"| {b['label']} | {b['n']} | {b['correct']} | {b['precision']:.3f} |")
        w("")
        rel = attribution_rows[0][1]["reliability"]
        w(f"Reliability (10 equal-width bins; right = quote matched and speaker correct): ECE {rel['ece']:.4f}; "
          f"confidence ≥ 0.85: {100 * rel['high_share']:.1f}% of claims, precision {rel['high_precision']:.3f}.\n")
        w("| confidence | claims | mean confidence | accuracy |")
        w("|---|---|---|---|")
        for b in rel["bins"]:
            close = "]" if b["hi"] >= 1 else ")"
            w(f"| [{b['lo']:.1f},{b['hi']:.1f}{close} | {b['n']} | {b['confidence']:.3f} | {b['accuracy']:.3f} |")
        w("")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
