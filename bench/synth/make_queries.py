#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a deterministic mix of search queries for a corpus made by make_synthetic_corpus.py.

usage: make_queries.py CORPUS_DIR TAGS_TSV [--count N] [--seed S] [--sample-docs N]

CORPUS_DIR is a folder written by make_synthetic_corpus.py (its catalogue.tsv
and docs/); TAGS_TSV holds "tag<TAB>documents" lines of the index's tags
(`search_bench tags INDEX` writes it). Words come from the English documents
of a fixed sample of the corpus (every k-th document), in three bands of
document frequency (common: over 20% of documents; medium: 2-20%; rare:
0.1-2%); tags, organisations, years and languages from the index and the
catalogue. Prints TSV on stdout, one query a line, with a header:

  class  query  org  years  quest

  class  term, and, or, phrase, near, wildcard, field, range, option, broad
  query  the query as typed after `cydex search`
  org    the --org option, or empty
  years  the --year option (FROM..TO), or empty
  quest  the same search in the syntax of Xapian's `quest` with cydex's
         prefixes (year ranges as an OR of years, --org as org: words,
         --year as an OR of years)

The share of each class is fixed (term 15%, and 15%, or 10%, phrase 10%,
near 6%, wildcard 6%, field 15%, range 7%, option 7%, broad 9%); every query
asks for all facets, as `cydex search` does by default.
"""

import argparse
import collections
import os
import random
import re
import sys

STOP = set("""the of and to in is that for with are as be this on by which from or an at it its has have
not was were will would can could should may also their they these those such other than into more been
there where when what who whose whom how all any each both between within under over about after before
our we you your he she his her them then thus however including include includes per via one two three""".split())
WORD = re.compile(r"[a-z]{3,}")
TAG = re.compile(r"<[^>]*>")
CLASSES = [("term", 15), ("and", 15), ("or", 10), ("phrase", 10), ("near", 6), ("wildcard", 6),
           ("field", 15), ("range", 7), ("option", 7), ("broad", 9)]


def read_catalogue(corpus):
    rows = []
    with open(os.path.join(corpus, "catalogue.tsv"), encoding="utf-8") as f:
        header = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if header is None:
                header = cols
                continue
            rows.append(dict(zip(header, cols)))
    return rows


def text_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith(".html"):
        start = text.find("<article>")
        end = text.find("</article>")
        text = TAG.sub(" ", text[start:end] if start >= 0 and end > start else text)
        text = text.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')
    return text


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make_queries.py", description=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", metavar="CORPUS_DIR")
    parser.add_argument("tags", metavar="TAGS_TSV")
    parser.add_argument("--count", type=int, default=1000, help="queries to write (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--sample-docs", type=int, default=2000, help="documents read for words (default 2000)")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    rows = read_catalogue(args.corpus)
    english = [r for r in rows if r.get("language") == "en"]
    step = max(1, len(english) // args.sample_docs)
    sample = english[::step][: args.sample_docs]
    df = collections.Counter()
    sentences = []
    for row in sample:
        text = text_of(os.path.join(args.corpus, row["path"])).lower()
        words = [w for w in WORD.findall(text) if w not in STOP]
        df.update(set(words))
        for sentence in re.split(r"[.!?;:]\s", text):
            tokens = sentence.split()
            if len(tokens) >= 3:
                sentences.append(tokens)
    n = len(sample)
    bands = {"common": [], "medium": [], "rare": []}
    for word, count in sorted(df.items()):
        share = count / n
        if share > 0.20:
            bands["common"].append(word)
        elif share > 0.02:
            bands["medium"].append(word)
        elif share > 0.001 and len(word) > 3:
            bands["rare"].append(word)
    if not all(bands.values()):
        print("make_queries.py: too few words in the sample", file=sys.stderr)
        return 1

    tag_counts = {}
    with open(args.tags, encoding="utf-8") as f:
        for line in f:
            tag, _, count = line.rstrip("\n").partition("\t")
            if tag and count.isdigit() and int(count) > 0:
                tag_counts[tag] = int(count)
    tags = sorted(tag_counts)
    frequent_tags = sorted(tags, key=lambda t: (-tag_counts[t], t))[:10]
    organisations = sorted({r["organisation"] for r in rows if r.get("organisation")})
    years = sorted({int(r["year"]) for r in rows if r.get("year", "").isdigit()})
    languages = sorted({r["language"] for r in rows if r.get("language")})

    def word(band=None):
        band = band or rng.choice(["common", "medium", "medium", "rare"])
        return rng.choice(bands[band])

    def phrase(length):
        while True:
            tokens = rng.choice(sentences)
            if len(tokens) < length:
                continue
            a = rng.randrange(len(tokens) - length + 1)
            words = tokens[a:a + length]
            if all(re.fullmatch(r"[a-z]{2,}", w) for w in words) and any(w not in STOP for w in words):
                return words

    def year_list(lo, hi):
        return "(" + " OR ".join(f"year:{y}" for y in range(lo, hi + 1)) + ")"

    def org_words(name):
        words = [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in STOP]
        return " ".join(f"org:{w}" for w in words)

    def field():
        kind = rng.choice(["org", "year", "lang", "norm", "actor", "instrument", "title"])
        if kind == "org":
            name = rng.choice(organisations)
            candidates = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in STOP and len(w) > 3]
            return f"org:{rng.choice(candidates or ['cyber'])} {word()}"
        if kind == "year":
            return f"year:{rng.choice(years)} {word()}"
        if kind == "lang":
            return f"lang:{rng.choice(languages)}" + (f" {word('common')}" if rng.random() < 0.5 else "")
        if kind == "title":
            return f"title:{word('medium')}"
        category_tags = [t for t in tags if t.startswith(kind + ":")]
        if not category_tags:
            return f"title:{word('medium')}"
        return rng.choice(category_tags) + (f" {word()}" if rng.random() < 0.5 else "")

    queries = []
    weights = [w for _, w in CLASSES]
    total_weight = sum(weights)
    counts = [round(args.count * w / total_weight) for w in weights]
    counts[0] += args.count - sum(counts)
    for (cls, _), k in zip(CLASSES, counts):
        for _ in range(k):
            org = years_opt = ""
            quest = None
            if cls == "term":
                q = word()
            elif cls == "and":
                q = " ".join(word() for _ in range(rng.randint(2, 3)))
            elif cls == "or":
                q = " OR ".join(word() for _ in range(rng.randint(2, 3)))
            elif cls == "phrase":
                q = '"' + " ".join(phrase(rng.randint(2, 3))) + '"'
            elif cls == "near":
                a, b = phrase(2) if rng.random() < 0.5 else (word("medium"), word("medium"))
                q = f"{a} NEAR {b}"
            elif cls == "wildcard":
                w = word("medium")
                q = w[: rng.randint(4, min(6, len(w)))] + "*" if len(w) >= 4 else w
            elif cls == "field":
                q = field()
            elif cls == "range":
                lo = rng.randint(years[0], years[-1])
                hi = min(years[-1], lo + rng.randint(0, 8))
                w = word()
                q = f"{w} year:{lo}..{hi}"
                quest = f"{w} {year_list(lo, hi)}"
            elif cls == "option":
                q = word()
                org = rng.choice(organisations)
                lo = rng.randint(years[0], years[-1] - 3)
                hi = min(years[-1], lo + rng.randint(2, 10))
                years_opt = f"{lo}..{hi}"
                quest = f"{q} {org_words(org)} {year_list(lo, hi)}"
            else:  # broad: most documents match, the worst case for facet counting
                choice = rng.random()
                if choice < 0.4:
                    q = word("common")
                elif choice < 0.7:
                    q = "lang:en"
                else:
                    q = rng.choice(frequent_tags) if frequent_tags else word("common")
            queries.append((cls, q, org, years_opt, quest if quest is not None else q))
    rng.shuffle(queries)
    out = sys.stdout
    out.write("class\tquery\torg\tyears\tquest\n")
    for row in queries:
        out.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
