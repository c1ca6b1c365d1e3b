#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write a synthetic cyber-policy corpus made from real texts, for scale benchmarks.

usage: make_synthetic_corpus.py OUT_DIR [--docs N] [--seed S] [--sources DIR ...]
                                [--no-default-sources] [--median-kb KB] [--sigma X]
                                [--max-kb KB] [--html-share P] [--taxonomy DIR] [--quiet]

Every document is made by sampling and recombining paragraphs and sentences of
real texts, so its words, sentence lengths and mentions of norms, actors and
instruments (corpus/taxonomy/) are those of real policy writing. Some sentences
that mention a taxonomy entry are copied with the mention replaced by another
entry of the same category (Germany -> Brazil, NIS Directive -> GDPR), chosen
with Zipf-like weights, so tags occur with varied frequencies, from a few
documents to most of them.

Source texts (read at generation time, never copied whole):
  * every file of ../shared/seeds beside the checkout (/work/shared/seeds);
  * when present, ../shared/corpus: PDFs through `pdftotext -enc UTF-8`
    (poppler-utils; skipped with a note when missing) and HTML pages;
  * the repository's corpus/sample/ (HTML and PDF);
  * any --sources DIR given (files .txt, .html/.htm, .pdf, recursively).
Paragraphs are classified as en, de, fr or es by their function words;
a document takes the paragraphs of its language.

Output layout (stable: other tools depend on it):
  OUT_DIR/catalogue.tsv          one row per document, the columns of
                                 corpus/sample/catalogue.tsv:
                                 path title organisation year language url notes
                                 (path relative to OUT_DIR; '#' lines are
                                 comments giving the seed, the count and the
                                 sources)
  OUT_DIR/docs/BBB/dNNNNNNN.html a web page: <html lang>, <title>, meta
                                 description/author/og:site_name/
                                 article:published_time, nav, header,
                                 <main><article> with h1/h2/p, footer
  OUT_DIR/docs/BBB/dNNNNNNN.txt  plain UTF-8 text: title line, blank line,
                                 paragraphs separated by blank lines
  BBB is the document number divided by 1000, zero-padded to three digits
  (1000 documents per folder); NNNNNNN is the document number, from 0.

Documents sizes follow a log-normal distribution (default median 6 KB,
sigma 1.1, capped at 400 KB: most documents a few KB, a long tail of reports
of a few hundred KB). Organisations: 40, with Zipf weights (s = 1); years
2000 to 2026, weighted towards recent years; languages mostly en (about 82%),
then de, fr, es. The same --seed, --docs, options and source texts give
byte-identical output. OUT_DIR must be empty or absent.

Exit status: 0 written; 1 an error (no source text, OUT_DIR not empty);
64 usage.
"""

import argparse
import bisect
import html
import html.parser
import math
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(REPO), "shared")

# name, web domain, home language, share of documents in the home language
ORGANISATIONS = [
    ("European Union Agency for Cybersecurity (ENISA)", "enisa.europa.eu", "en", 1.0),
    ("German Federal Foreign Office", "auswaertiges-amt.de", "de", 0.45),
    ("European External Action Service (EEAS)", "eeas.europa.eu", "en", 1.0),
    ("Stiftung Neue Verantwortung (SNV)", "stiftung-nv.de", "de", 0.3),
    ("UN Office for Disarmament Affairs (UNODA)", "disarmament.unoda.org", "en", 1.0),
    ("ANSSI (Agence nationale de la sécurité des systèmes d'information, France)", "cyber.gouv.fr", "fr", 0.6),
    ("Council of Europe", "coe.int", "en", 1.0),
    ("European Commission", "commission.europa.eu", "en", 1.0),
    ("Digital Society Institute (ESMT Berlin)", "esmt.berlin", "en", 1.0),
    ("INCIBE-CERT (Spanish National Cybersecurity Institute)", "incibe.es", "es", 0.5),
    ("OSCE Secretariat", "osce.org", "en", 1.0),
    ("Federal Office for Information Security (BSI)", "bsi.bund.de", "de", 0.6),
    ("NATO Cooperative Cyber Defence Centre of Excellence", "ccdcoe.org", "en", 1.0),
    ("Government of France (Ministry for Europe and Foreign Affairs)", "diplomatie.gouv.fr", "fr", 0.55),
    ("UNIDIR", "unidir.org", "en", 1.0),
    ("Global Forum on Cyber Expertise (GFCE)", "thegfce.org", "en", 1.0),
    ("DiploFoundation", "diplomacy.edu", "en", 1.0),
    ("Carnegie Endowment for International Peace", "carnegieendowment.org", "en", 1.0),
    ("Chatham House", "chathamhouse.org", "en", 1.0),
    ("CyberPeace Institute", "cyberpeaceinstitute.org", "en", 1.0),
    ("Microsoft Digital Diplomacy", "microsoft.com", "en", 1.0),
    ("Bundesministerium des Innern (BMI, Germany)", "bmi.bund.de", "de", 0.7),
    ("Spanish National Cryptologic Centre (CCN-CERT)", "ccn-cert.cni.es", "es", 0.6),
    ("Council of the European Union", "consilium.europa.eu", "en", 1.0),
    ("European Parliament Research Service", "europarl.europa.eu", "en", 1.0),
    ("Geneva Centre for Security Sector Governance (DCAF)", "dcaf.ch", "fr", 0.3),
    ("International Committee of the Red Cross", "icrc.org", "en", 1.0),
    ("OECD", "oecd.org", "en", 1.0),
    ("Istituto Affari Internazionali (IAI)", "iai.it", "en", 1.0),
    ("Real Instituto Elcano", "realinstitutoelcano.org", "es", 0.5),
    ("Institut français des relations internationales (Ifri)", "ifri.org", "fr", 0.5),
    ("Stiftung Wissenschaft und Politik (SWP)", "swp-berlin.org", "de", 0.4),
    ("Global Commission on the Stability of Cyberspace", "cyberstability.org", "en", 1.0),
    ("Paris Call Working Group 3", "pariscall.international", "en", 1.0),
    ("Government of Botswana", "gov.bw", "en", 1.0),
    ("Organization of American States (OAS)", "oas.org", "es", 0.35),
    ("African Union Commission", "au.int", "en", 1.0),
    ("Freedom Online Coalition", "freedomonlinecoalition.com", "en", 1.0),
    ("OpenSSF (Linux Foundation)", "openssf.org", "en", 1.0),
    ("ETH Zürich Center for Security Studies (CSS)", "css.ethz.ch", "de", 0.25),
]
LANGUAGES = ["en", "de", "fr", "es"]
FIRST_YEAR, LAST_YEAR = 2000, 2026
KINDS = ["strategy", "report", "policy brief", "press release", "focus page", "working paper",
         "position paper", "study", "guidelines", "speech", "statement", "annual report"]

FUNCTION_WORDS = {
    "en": set("the of and to in is that for with are as be this on by which from".split()),
    "de": set("der die und das ist den von zu mit sich des nicht auf für ein eine dem im".split()),
    "fr": set("le la les des et est une pour dans que qui du au sur par pas sont".split()),
    "es": set("el los las del y que en por una para con se su al es como".split()),
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ0-9\"'(«])")


def note(quiet, text):
    if not quiet:
        print(text, file=sys.stderr)


class _TextOfHtml(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "blockquote", "td", "dd", "dt", "pre"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "svg", "template"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "svg", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path):
    with open(path, "rb") as f:
        raw = f.read()
    parser = _TextOfHtml()
    parser.feed(raw.decode("utf-8", errors="replace"))
    return "".join(parser.parts)


def pdf_text(path, quiet):
    if shutil.which("pdftotext") is None:
        note(quiet, f"note: pdftotext not found; skipping {path}")
        return ""
    try:
        out = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"], capture_output=True, timeout=120,
                             check=False)
    except subprocess.TimeoutExpired:
        note(quiet, f"note: pdftotext timed out on {path}")
        return ""
    return out.stdout.decode("utf-8", errors="replace")


def read_source(path, quiet):
    lower = path.lower()
    if lower.endswith(".pdf"):
        return pdf_text(path, quiet)
    if lower.endswith((".html", ".htm", ".xhtml")):
        return html_text(path)
    if lower.endswith((".txt", ".md", ".text")) or "." not in os.path.basename(path):
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    return ""


def source_files(dirs):
    files = []
    for d in dirs:
        if os.path.isfile(d):
            files.append(d)
            continue
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            for name in sorted(names):
                if name in ("catalogue.tsv", "domains.tsv", "manifest.tsv"):
                    continue
                files.append(os.path.join(root, name))
    return files


def clean(text):
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\x0c", "\n\n")
    return re.sub(r"[ \t\u00a0]+", " ", text)


def paragraphs_of(text):
    """Paragraphs: blank-line separated blocks, lines joined, de-hyphenated."""
    out = []
    for block in re.split(r"\n\s*\n", clean(text)):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        para = ""
        for line in lines:
            if para.endswith("-") and line[:1].islower():
                para = para[:-1] + line
            else:
                para = (para + " " + line) if para else line
        para = para.strip()
        words = WORD.findall(para)
        # Prose only: enough words, mostly letters, not a table of numbers.
        if len(words) < 8 or len(para) > 4000:
            continue
        letters = sum(len(w) for w in words)
        if letters < 0.6 * len(para):
            continue
        out.append(para)
    return out


def language_of(text):
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in fw) for lang, fw in FUNCTION_WORDS.items()}
    best = max(LANGUAGES, key=lambda lang: scores[lang])
    if scores[best] < max(2, len(words) // 20):
        return None
    return best


def split_sentences(para):
    return [s.strip() for s in SENTENCE_END.split(para) if len(s.strip()) > 20]


def load_taxonomy(directory):
    """tag id -> {language: [surface forms]} of the matchable labels and aliases."""
    forms = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 4:
                    continue
                tag, kind, lang, text = cols[:4]
                options = cols[4] if len(cols) > 4 else ""
                if "display-only" in options or "not-" in options:
                    continue
                if len(text) < 4 and "case" not in options:
                    continue
                forms.setdefault(tag, {}).setdefault(lang, []).append(text)
    return forms


def zipf_weights(n, s=1.0):
    return [1.0 / (i + 1) ** s for i in range(n)]


def cumulative(weights):
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def pick(rng, items, cum):
    return items[bisect.bisect_right(cum, rng.random() * cum[-1])]


class Pool:
    """Paragraphs and sentences of one language, and sentences that mention each tag category."""

    def __init__(self):
        self.paragraphs = []          # list of (source index, paragraph)
        self.mentions = {}            # category -> list of (sentence, matched surface form)


def build_pools(texts, taxonomy, quiet):
    pools = {lang: Pool() for lang in LANGUAGES}
    # One regular expression of every surface form, longest first, whole words.
    surface = {}
    for tag, by_lang in taxonomy.items():
        for lang, items in by_lang.items():
            for text in items:
                surface.setdefault(text.lower(), tag)
    alternatives = sorted(surface, key=len, reverse=True)
    matcher = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)", re.IGNORECASE)
    for index, text in enumerate(texts):
        for para in paragraphs_of(text):
            lang = language_of(para)
            if lang is None:
                continue
            pool = pools[lang]
            pool.paragraphs.append((index, para))
            for sentence in split_sentences(para):
                if len(sentence) > 600:
                    continue
                m = matcher.search(sentence)
                if m:
                    category = surface[m.group(1).lower()].split(":", 1)[0]
                    pool.mentions.setdefault(category, []).append((sentence, m.group(1)))
    for lang in LANGUAGES:
        p = pools[lang]
        note(quiet, f"  {lang}: {len(p.paragraphs)} paragraphs, "
                    + ", ".join(f"{len(v)} {k} sentences" for k, v in sorted(p.mentions.items())))
    return pools


def lognormal_size(rng, median, sigma, low, high):
    return int(min(high, max(low, median * math.exp(rng.gauss(0.0, sigma)))))


class Generator:
    def __init__(self, args, pools, taxonomy):
        self.args = args
        self.pools = pools
        # Tags of each category in a fixed, seeded order, weighted Zipf-like:
        # a few tags occur in most documents, most in a few.
        rng = random.Random(f"{args.seed}:tags")
        self.tags = {}
        for category in ("norm", "actor", "instrument"):
            ids = sorted(t for t in taxonomy if t.startswith(category + ":"))
            rng.shuffle(ids)
            self.tags[category] = (ids, cumulative(zipf_weights(len(ids), 0.9)))
        self.taxonomy = taxonomy
        self.org_cum = cumulative(zipf_weights(len(ORGANISATIONS), 1.0))
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        self.years = years
        self.year_cum = cumulative([1.13 ** (y - FIRST_YEAR) for y in years])
        self.lang_fallback = [lang for lang in LANGUAGES if pools[lang].paragraphs]

    def surface_form(self, rng, tag, lang):
        by_lang = self.taxonomy[tag]
        choices = by_lang.get(lang, []) + by_lang.get("*", [])
        if not choices:
            choices = by_lang.get("en", []) or [f for v in by_lang.values() for f in v]
        return rng.choice(choices)

    def mention_sentence(self, rng, lang):
        pool = self.pools[lang]
        categories = [c for c in ("norm", "actor", "instrument") if pool.mentions.get(c)]
        if not categories:
            return None
        category = rng.choice(categories)
        sentence, form = rng.choice(pool.mentions[category])
        if rng.random() < 0.6:
            ids, cum = self.tags[category]
            tag = pick(rng, ids, cum)
            replacement = self.surface_form(rng, tag, lang)
            sentence = re.sub(r"(?<!\w)" + re.escape(form) + r"(?!\w)", lambda _m: replacement, sentence,
                              count=1, flags=re.IGNORECASE)
        return sentence

    def body(self, rng, lang, target):
        """Paragraphs of about `target` bytes: runs of consecutive paragraphs of one
        source, runs from other sources, and sentences with taxonomy mentions."""
        pool = self.pools[lang]
        paras = pool.paragraphs
        out, size = [], 0
        mention_rate = rng.choice([0.0, 0.05, 0.15, 0.3, 0.5])
        while size < target:
            start = rng.randrange(len(paras))
            run = rng.randint(1, 6)
            for i in range(start, min(len(paras), start + run)):
                para = paras[i][1]
                if rng.random() < 0.25:
                    sentences = split_sentences(para)
                    if len(sentences) > 2:
                        a = rng.randrange(len(sentences) - 1)
                        para = " ".join(sentences[a:a + rng.randint(1, len(sentences) - a)])
                if rng.random() < mention_rate:
                    extra = self.mention_sentence(rng, lang)
                    if extra:
                        para = para + " " + extra if rng.random() < 0.5 else extra + " " + para
                out.append(para)
                size += len(para.encode("utf-8")) + 2
                if size >= target:
                    break
        return out

    def title(self, rng, lang, paragraphs, kind):
        words = WORD.findall(rng.choice(paragraphs[: max(1, min(5, len(paragraphs)))]))
        content = [w for w in words if len(w) > 3 and w.lower() not in FUNCTION_WORDS[lang]]
        n = min(len(content), rng.randint(2, 6))
        a = rng.randrange(max(1, len(content) - n + 1))
        picked = content[a:a + n] or ["Cyber", "policy"]
        text = " ".join(picked)
        return (text[:1].upper() + text[1:]) + f" ({kind})"

    def document(self, number):
        args = self.args
        rng = random.Random(f"{args.seed}:{number}")
        org, domain, home, home_share = pick(rng, ORGANISATIONS, self.org_cum)
        year = pick(rng, self.years, self.year_cum)
        if home != "en" and rng.random() < home_share:
            lang = home
        else:
            lang = pick(rng, LANGUAGES, cumulative([0.9, 0.035, 0.035, 0.03]))
        if lang not in self.lang_fallback:
            lang = "en" if "en" in self.lang_fallback else self.lang_fallback[0]
        target = lognormal_size(rng, args.median_kb * 1024, args.sigma, 800, args.max_kb * 1024)
        paragraphs = self.body(rng, lang, target)
        kind = rng.choice(KINDS)
        title = self.title(rng, lang, paragraphs, kind)
        is_html = rng.random() < args.html_share
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "page"
        url = f"https://www.{domain}/{year}/{slug}-{number}"
        rel = f"docs/{number // 1000:03d}/d{number:07d}." + ("html" if is_html else "txt")
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if is_html:
            content = self.html_page(rng, title, org, lang, year, month, day, url, paragraphs)
        else:
            content = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        row = [rel, title, org, str(year), lang, url, f"synthetic {kind}, {len(paragraphs)} paragraphs"]
        return rel, content, row

    def html_page(self, rng, title, org, lang, year, month, day, url, paragraphs):
        e = html.escape
        description = paragraphs[0][:200]
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{e(title)} | {e(org)}</title>",
            f'<meta name="description" content="{e(description)}">',
            f'<meta name="author" content="{e(org)}">',
            f'<meta property="og:title" content="{e(title)}">',
            f'<meta property="og:site_name" content="{e(org)}">',
            f'<meta property="article:published_time" content="{year:04d}-{month:02d}-{day:02d}T09:00:00Z">',
            f'<link rel="canonical" href="{e(url)}">',
            '<link rel="stylesheet" href="/assets/site.css">',
            "</head>",
            "<body>",
            f'<header class="site-header"><a href="/" class="logo">{e(org)}</a>',
            '<nav class="main-nav"><ul><li><a href="/topics">Topics</a></li><li><a href="/publications">'
            'Publications</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li>'
            '<li><a href="/contact">Contact</a></li></ul></nav></header>',
            '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/publications">Publications</a></div>',
            "<main><article>",
            f"<h1>{e(title)}</h1>",
            f'<p class="meta">{e(org)} · <time datetime="{year:04d}-{month:02d}-{day:02d}">{day} {month}/{year}</time></p>',
        ]
        for i, para in enumerate(paragraphs):
            if i and rng.random() < 0.08:
                words = WORD.findall(para)[: rng.randint(2, 6)]
                parts.append(f"<h2>{e(' '.join(words))}</h2>")
            parts.append(f"<p>{e(para)}</p>")
        parts += [
            "</article></main>",
            '<aside class="related"><h3>Related</h3><ul><li><a href="/news">Latest news</a></li>'
            '<li><a href="/events">Events</a></li></ul></aside>',
            f'<footer><p>© {year} {e(org)}</p><a href="/privacy">Privacy</a> <a href="/imprint">Imprint</a>'
            "</footer>",
            '<script>window.dataLayer = window.dataLayer || [];</script>',
            "</body>",
            "</html>",
        ]
        return "\n".join(parts) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="make_synthetic_corpus.py",
        description=__doc__.split("\n\n", 1)[0] + "\n\n" + __doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage=__doc__.split("\n\n", 2)[1].replace("usage: ", "", 1))
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder to create (must be empty or absent)")
    parser.add_argument("--docs", type=int, default=100000, help="number of documents (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--sources", action="append", default=[], metavar="DIR",
                        help="more source texts (a folder or file; repeatable)")
    parser.add_argument("--no-default-sources", action="store_true",
                        help="use only --sources, not the seeds, the shared corpus and corpus/sample")
    parser.add_argument("--median-kb", type=float, default=6.0, help="median document size in KB (default 6)")
    parser.add_argument("--sigma", type=float, default=1.1, help="log-normal sigma of the sizes (default 1.1)")
    parser.add_argument("--max-kb", type=float, default=400.0, help="largest document in KB (default 400)")
    parser.add_argument("--html-share", type=float, default=0.4, help="share of .html documents (default 0.4)")
    parser.add_argument("--taxonomy", default=os.path.join(REPO, "corpus", "taxonomy"),
                        help="taxonomy folder whose mentions are varied (default: corpus/taxonomy)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 64 if exit_.code not in (0, None) else 0
    if args.docs < 1:
        print("make_synthetic_corpus.py: --docs must be at least 1", file=sys.stderr)
        return 64

    out = os.path.abspath(args.out_dir)
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        print(f"make_synthetic_corpus.py: {out}: exists and is not an empty folder", file=sys.stderr)
        return 1

    dirs = list(args.sources)
    if not args.no_default_sources:
        for d in (os.path.join(SHARED, "seeds"), os.path.join(SHARED, "corpus"), os.path.join(REPO, "corpus", "sample")):
            if os.path.isdir(d):
                dirs.append(d)
            else:
                note(args.quiet, f"note: {d} not found; not used")
    files = source_files(dirs)
    note(args.quiet, f"reading {len(files)} source files")
    texts = [read_source(f, args.quiet) for f in files]
    taxonomy = load_taxonomy(args.taxonomy)
    pools = build_pools(texts, taxonomy, args.quiet)
    if not any(p.paragraphs for p in pools.values()):
        print("make_synthetic_corpus.py: no source text found (see --sources)", file=sys.stderr)
        return 1

    gen = Generator(args, pools, taxonomy)
    os.makedirs(out, exist_ok=True)
    rows = []
    total = 0
    for number in range(args.docs):
        rel, content, row = gen.document(number)
        path = os.path.join(out, rel)
        if number % 1000 == 0:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if number and number % 10000 == 0:
                note(args.quiet, f"  {number} documents, {total / 1e6:.0f} MB")
        data = content.encode("utf-8")
        total += len(data)
        with open(path, "wb") as f:
            f.write(data)
        rows.append(row)
    with open(os.path.join(out, "catalogue.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Synthetic corpus: make_synthetic_corpus.py --docs {args.docs} --seed {args.seed}"
                f" --median-kb {args.median_kb:g} --sigma {args.sigma:g} --max-kb {args.max_kb:g}"
                f" --html-share {args.html_share:g}\n")
        f.write(f"# {len(files)} source files: {', '.join(dirs)}\n")
        f.write("path\ttitle\torganisation\tyear\tlanguage\turl\tnotes\n")
        for row in rows:
            f.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")
    note(args.quiet, f"wrote {args.docs} documents, {total / 1e6:.1f} MB, to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
