#!/usr/bin/env bash
# Regenerates the shipped models from ../shared/data (CoNLL-2003 English, UD English EWT,
# PolNeAR and the MIT-licensed spaCy vectors) with fixed seeds; the outputs are byte-identical to the files in
# models/. Usage: bash models/train.sh [DATA_DIR] [OUT_DIR]   (defaults: ../shared/data, models)
# eng.testa picks the epoch counts (early stopping). The chunker is then trained again on
# eng.train + eng.testa for those epoch counts (TrainConfig::refit); eng.testb is never trained on.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
out=${2:-models}
conll=$data/ner/conll2003/iob1_original
mkdir -p "$out"
cargo build --release --quiet
bin=target/release/claimex
time_it() { /usr/bin/time -f "  $1: %e s wall, %M KB peak" "${@:2}"; }

time_it wordclasses "$bin" classes --vectors "$data/vectors" --out "$out/wordclasses.bin" --seed 42
for task in ner pos chunk; do
  time_it "$task" "$bin" "$task" train --train "$conll/eng.train" --dev "$conll/eng.testa" \
    --classes "$out/wordclasses.bin" --seed 1 --out "$out/$task.bin"
done
# Dependency parser, tagger and lemmatizer on UD English EWT train + dev, for the 14 epochs
# that dev chose when the parser was trained on train alone (models/README.md); it uses the
# embedded word classes, which the first line above regenerates byte-identically. The parser
# is trained with a beam of 8 and parses with a beam of 4; arc label margins count in the
# beam's scores.
ud=$data/ud/en_ewt
treebank=$(mktemp)
cat "$ud/en_ewt-ud-train.conllu" "$ud/en_ewt-ud-dev.conllu" > "$treebank"
time_it parser "$bin" parse train --train "$treebank" \
  --epochs 14 --prune 1.5 --seed 1 --beam 8 --decode-beam 4 \
  --label-weight 1 --out "$out/parser.bin"
rm "$treebank"
# Nouns for kinds of persons (scripts/person_nouns.py): PolNeAR train's texts tagged by the
# parser above, and CoNLL-2003 train; the ranker below reads them from the rebuilt binary.
cargo build --release --quiet
tagged=$(mktemp)
python3 -c 'import json, sys
for line in open(sys.argv[1]):
    print(json.loads(line)["text"].replace("\r", "") + "\n")' \
  "$data/polnear/polnear_train.articles.jsonl" | "$bin" parse tag > "$tagged"
python3 scripts/person_nouns.py "$tagged" "$conll/eng.train" "$out/person_nouns.tsv"
rm "$tagged"
# Nouns for kinds of organisations (scripts/org_nouns.py): PolNeAR train's texts tagged by the
# embedded NER and POS taggers (same tokens, line by line), and CoNLL-2003 train.
texts=$(mktemp); ner=$(mktemp); pos=$(mktemp)
python3 -c 'import json, sys
for line in open(sys.argv[1]):
    print(json.loads(line)["text"] + "\n")' "$data/polnear/polnear_train.articles.jsonl" > "$texts"
"$bin" ner tag "$texts" > "$ner"
"$bin" pos tag "$texts" > "$pos"
python3 scripts/org_nouns.py "$ner" "$pos" "$conll/eng.train" "$out/org_nouns.tsv"
# Adjectives inside roles (scripts/role_modifiers.py), from the same tagged texts.
python3 scripts/role_modifiers.py "$ner" "$pos" "$conll/eng.train" "$out/role_modifiers.tsv"
rm "$texts" "$ner" "$pos"
cargo build --release --quiet
# Antecedent ranker of speaker resolution, on the hand-resolved PolNeAR train speakers.
time_it antecedents "$bin" speakers train --articles "$data/polnear/polnear_train.articles.jsonl" \
  --speakers data/polnear_train.speakers.jsonl --out "$out/antecedents.tsv"
# The confidence model is fitted on claims of the new ranker, and the cue tagger reads the
# embedded NER and POS taggers and word classes regenerated above: rebuild first.
cargo build --release --quiet
# BIO cue tagger (src/attrib) on PolNeAR train, over the pipeline's tokens, entities and POS
# tags; dev only picks the epoch count.
time_it cue_tagger "$bin" attrib train \
  --train "$data/polnear/polnear_train.articles.jsonl" --train-gold "$data/polnear/polnear_train.gold.jsonl" \
  --dev "$data/polnear/polnear_dev.articles.jsonl" --dev-gold "$data/polnear/polnear_dev.gold.jsonl" \
  --seed 1 --out "$out/cue_tagger.bin"
# Calibrated claim confidence (src/confidence): correctness model fitted on PolNeAR train's
# claims, isotonic calibration on PolNeAR dev's; it depends on every model above and on the
# rules, so it is trained last (and again whenever the detector or attributor change).
polnear=$data/polnear
time_it confidence "$bin" confidence train \
  --train "$polnear/polnear_train.articles.jsonl" --train-gold "$polnear/polnear_train.gold.jsonl" \
  --dev "$polnear/polnear_dev.articles.jsonl" --dev-gold "$polnear/polnear_dev.gold.jsonl" \
  --out "$out/confidence.tsv"
sha256sum "$out"/*.bin "$out/person_nouns.tsv" "$out/org_nouns.tsv" "$out/role_modifiers.tsv" "$out/antecedents.tsv" "$out/confidence.tsv"
