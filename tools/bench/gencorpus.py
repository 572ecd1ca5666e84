#!/usr/bin/env python3
"""gencorpus.py - a deterministic benchmark corpus of about N MB built from samples/*.txt.

Every generated document is one sample with variation: the persons named in its gold file
(tests/gold/<id>.json) get other given names and surnames, dates get other days, months and
years, and the body paragraphs are shuffled (headline, lead and closing stay in place).
Writes OUT/docs/NNNNNN.txt (many small files), OUT/files.txt (their paths, one per line) and
OUT/stream.ff (the same documents, each followed by a form feed, for `--input ff`).

    gencorpus.py --mb 64 --seed 1 --out build-bench/corpus-64 [--root .]
"""
import argparse
import glob
import json
import os
import random
import re
import sys

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]
LONG_DATE = re.compile(r"\b([0-3]?\d)\. (" + "|".join(MONTHS) + r") ((?:19|20)\d\d)\b")
NUMERIC_DATE = re.compile(r"\b([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)\b")


def read_list(paths):
    """Surface forms (first column) of gazetteer files, single words only."""
    words = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                surface = line.split("\t", 1)[0].strip()
                if surface and " " not in surface and surface[0].isupper():
                    words.append(surface)
    return sorted(set(words))


def person_names(gold_path):
    """(given, surname) pairs of the gold persons; surname is the last word."""
    if not os.path.exists(gold_path):
        return []
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    pairs = []
    for person in gold.get("persons", []):
        words = person.get("name", "").split()
        if len(words) >= 2:
            pairs.append((" ".join(words[:-1]), words[-1]))
    return pairs


def load_samples(root):
    samples = []
    for path in sorted(glob.glob(os.path.join(root, "samples", "*.txt"))):
        doc_id = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            text = f.read()
        samples.append((text, person_names(os.path.join(root, "tests", "gold", doc_id + ".json"))))
    return samples


def vary_dates(text, rng):
    def long_date(m):
        return "%d. %s %d" % (rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2026))

    def numeric_date(m):
        return "%02d.%02d.%d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2026))

    return NUMERIC_DATE.sub(numeric_date, LONG_DATE.sub(long_date, text))


def vary_names(text, persons, given_pool, surname_pool, rng):
    replacements = {}
    for given, surname in persons:
        replacements.setdefault(surname, rng.choice(surname_pool))
        for word in given.split():
            if word[0].isupper() and not word.endswith("."):
                replacements.setdefault(word, rng.choice(given_pool))
    if not replacements:
        return text
    keys = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    return pattern.sub(lambda m: replacements[m.group(1)], text)


def vary_order(text, rng):
    paragraphs = text.split("\n\n")
    if len(paragraphs) < 6:
        return text
    head, body, tail = paragraphs[:3], paragraphs[3:-2], paragraphs[-2:]
    rng.shuffle(body)
    return "\n\n".join(head + body + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=64)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--root", default=".")
    args = ap.parse_args()

    samples = load_samples(args.root)
    if not samples:
        sys.exit("gencorpus.py: no samples/*.txt under %s" % args.root)
    gaz = os.path.join(args.root, "gazetteers")
    given_pool = read_list(glob.glob(os.path.join(gaz, "given_names*.tsv")))
    surname_pool = read_list(glob.glob(os.path.join(gaz, "surnames*.tsv")))
    # without name lists, recombine the names the samples use
    sample_given = sorted({w for _, persons in samples for g, _ in persons for w in g.split() if w[0].isupper()})
    sample_surnames = sorted({s for _, persons in samples for _, s in persons})
    given_pool = given_pool or sample_given or ["Anna"]
    surname_pool = surname_pool or sample_surnames or ["Muster"]

    rng = random.Random(args.seed)
    docs_dir = os.path.join(args.out, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    target = int(args.mb * 1e6)
    written = 0
    count = 0
    with open(os.path.join(args.out, "stream.ff"), "wb") as stream, \
            open(os.path.join(args.out, "files.txt"), "w", encoding="utf-8") as listing:
        while written < target:
            text, persons = samples[count % len(samples)]
            text = vary_order(vary_dates(vary_names(text, persons, given_pool, surname_pool, rng), rng), rng)
            data = text.encode("utf-8")
            count += 1
            path = os.path.join(docs_dir, "%06d.txt" % count)
            with open(path, "wb") as f:
                f.write(data)
            listing.write(path + "\n")
            stream.write(data + b"\f")
            written += len(data)
    print("%d documents, %.1f MB, %d given names, %d surnames" % (count, written / 1e6, len(given_pool),
                                                                  len(surname_pool)))


if __name__ == "__main__":
    main()
