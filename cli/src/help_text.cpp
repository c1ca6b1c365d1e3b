// SPDX-License-Identifier: Apache-2.0
#include "help_text.h"

namespace cydex::cli {

std::string_view main_help() {
  return R"HELP(Usage: cydex [--index DIR] COMMAND [OPTIONS] [ARGS...]

cydex turns a collection of cyber-policy publications (PDF reports and
strategies, saved web pages, plain text) into a searchable research corpus.

Commands:
  ingest PATH...      Extract and index files and folders (recursively).
  search QUERY        Search the index; ranked hits with snippets and facets.
  extract FILE...     Print files' extracted text, metadata and tags; no index needed.
  show DOC            One indexed document: metadata, tags, mentions in context, pages.
  tags                The taxonomy of norms, actors and instruments, with document counts.
  retag               Re-tag every indexed document after a taxonomy edit (no re-extraction).
  reindex [ROOT...]   Keep the index in step with its folders: only changed files are extracted.
  add FILE...         Register files in the catalogue with metadata, index them, show the result.
  meta DOC            Print or correct a document's catalogue record (--set KEY=VALUE).
  rm DOC...           Remove documents from the index and exclude their files (files stay).
  list                One line per document, filtered by organisation, year, language, format.
  stats               Documents per organisation, year, format, language; tags; failures.

Run 'cydex COMMAND --help' for a command's options and examples.

Where the index is:
  --index DIR on any command, else the environment variable CYDEX_INDEX,
  else $XDG_DATA_HOME/cydex/index (by default ~/.local/share/cydex/index).

Exit status:
  0   everything asked for was done
  1   fatal: no index, the index cannot be read or written, disk full, or the
      taxonomy has errors
  2   finished, but some files failed (ingest, extract, reindex, add), the
      query is malformed, or the document asked for is not in the index
      (show, meta, rm)
  3   the index is locked by another cydex process that is writing to it
  64  the command line is wrong (unknown option, missing argument)

Options:
  -h, --help          Show this help.
      --version       Show the version.

Example:
  cydex --index ./idx ingest corpus/sample
  cydex --index ./idx search "vulnerability disclosure"
)HELP";
}

std::string_view ingest_help() {
  return R"HELP(Usage: cydex ingest [OPTIONS] PATH...

Extracts the text and metadata of each file and adds it to the index,
replacing an earlier version of the same file. Folders are read recursively;
hidden files and folders (.name) are skipped and symbolic links to folders are
not followed. The format is recognised from the content, not the file name:
PDF, HTML and plain text (any common charset).

Metadata: a 'catalogue.tsv' in a file's folder or a folder above is the
librarian's record and wins over what the file itself says (PDF Info
dictionary, HTML <meta> tags). Its columns: path (relative to the catalogue's
folder), title, organisation, year, date, language, url, authors (separated by
';'), notes, excluded (set by 'cydex rm': the file is skipped). Organisations
the taxonomy knows by several names are stored under one ("EEAS" becomes
"European External Action Service"); see 'cydex add --help'.

A file that cannot be read or extracted (damaged, encrypted, not a document)
is reported on stderr as 'PATH: STAGE: KIND: DETAIL' and the others carry on.
A scanned PDF without a text layer is indexed by its metadata and reported.

Options:
      --index DIR     Index to write to (created when absent).
      --json          Print the report as JSON on stdout:
                        {"indexed": int, "degraded": int, "failed": [{"path",
                         "stage", "kind", "reason"}], "warnings": [str],
                         "seconds": number, "index": str}
  -q, --quiet         Print nothing but errors.
  -j, --jobs N        Extract in N worker processes (default: one per core).
      --timeout S     Give up on a file after S seconds of extraction and
                      report it as 'timeout' (default 120; 0 for no limit).
      --memory-limit MB
                      Address space of each worker process (default 2048;
                      0 for no limit); a file that needs more is reported.
      --batch-size N  Commit after every N documents (default 1000; also
                      after 128 MB of pending documents). A kill loses at
                      most the batch being written: the index opens at its
                      last commit and a rerun finishes the work. Smaller
                      batches show progress to searches sooner but make
                      the index slower to build.
  -h, --help          Show this help.

Exit status: 0 all indexed; 2 some files failed; 1 the index could not be
written (what was indexed before is kept); 3 the index is locked; 64 usage.

Examples:
  cydex ingest --index ./idx corpus/sample
  cydex ingest ~/papers/strategy.pdf ~/saved-pages/
  cydex ingest --jobs 4 --timeout 300 /srv/library
)HELP";
}

std::string_view search_help() {
  return R"HELP(Usage: cydex search [OPTIONS] QUERY...

Searches the index and prints the best hits, each with title, organisation,
year, format, language, page, path and a passage in which the query's words
are marked, followed by facet counts over ALL matching documents.

Query language (words of several QUERY arguments are joined by spaces):
  cyber diplomacy           both words (AND is the default)
  "cyber diplomacy"         the exact phrase, exact words (not stemmed)
  norms OR rules            either word;  NOT excludes;  ( ) groups
  diplom*                   words starting with "diplom"
  title:strategy            a word in the title; also org: and author:
  year:2023  year:2019..2023  lang:de  format:pdf  id:ID
                            exact filters (ID: the whole id of a hit)
  norm:13j  actor:de  instrument:budapest-convention
                            documents tagged with a norm, actor or instrument
                            ('cydex tags' lists the ids)
  Words are matched without regard to case or accents and by their stem in
  each document's own language: "vulnerabilities" finds "vulnerability",
  Verhandlung finds a German "Verhandlungen", stratégie a French
  "stratégiques". Filters given as options and in the query all apply (AND).
  A word:value whose word is not a field is searched as text ("10:30",
  "https://..."), unless the word is a typing error away from a field name
  (nrom:13j, titel:x) or a long form of one (language:de): that is an error
  naming the field meant. Quote it ("nrom:13j") to search it as text.

Filters:
      --org NAME      Only documents of this organisation: its full name, a
                      name the taxonomy knows it by ("EEAS" for the European
                      External Action Service), or some of its words ("SNV").
                      Repeat for any of several.
      --year YEAR     Only documents of this year, or of a range FROM..TO
                      (either end may be left open: 2019.., ..2020).
      --lang CODE     Only documents in this language (en, de, fr, ...); the
                      query is then stemmed in that language only. Repeatable.
      --doc-format F  Only pdf, html or text documents. Repeatable.

Order and paging:
      --sort ORDER    relevance (default), date (newest first: by date, else
                      by year; documents with neither last) or title (A-Z;
                      untitled last). Ties go to the better match.
      --reverse       Oldest first (date) or Z-A (title); undated and
                      untitled documents stay last.
  -n, --limit N       Hits to show (default 10, 0 for facets only).
      --offset N      Hits to skip, for the next page (default 0).

Facets (exact counts over all matches, whatever --limit shows):
      --facet NAME    Count only this facet: organisation, year, language,
                      format, norm, actor, instrument (repeat for several;
                      default all).
      --facet-limit N At most N values per facet (text output shows 8 by
                      default and says how many more there are).
      --year-buckets N|decade
                      Count years in ranges of N years aligned on multiples
                      of N ("2015-2019" for 5); 'decade' is 10. A range is a
                      --year FROM..TO filter for the next search.
      --estimate      Count matches only as far as the page of hits needs:
                      faster on a big index, no facets, and the total may be
                      an estimate ("about N"; "total_exact": false in JSON).
                      Without it every match is counted and the total is exact.

Output:
      --format FMT    text (default; 80 columns, matched words in bold on a
                      terminal unless NO_COLOR is set), json, or csv.
      --json          Same as --format json:
                        {"query", "suggestion", "total", "total_exact",
                         "offset", "results": [{"id", "rank",
                         "score", "title", "organisation", "year", "path",
                         "paths", "format", "language", "snippet", "page",
                         "highlights": [[start, end]...]}],
                         "facets": {"organisation": [{"value", "count"}],
                                    "year": [...], "language": [...],
                                    "format": [...], "norm": [...],
                                    "actor": [...], "instrument": [...]}}
                      An error is {"error": "...", "query", "position",
                      "token", "suggestions": [...]}.
                      CSV (RFC 4180, UTF-8, CRLF) has a header row:
                        rank,score,id,title,organisation,year,language,
                        format,page,path,snippet
      --taxonomy DIR  Taxonomy whose labels the text output shows beside tag
                      ids (see 'cydex tags --help').
      --no-expand     Match the words only. By default a word or words that
                      are an alias in the taxonomy also find the documents
                      tagged with it: GGE finds "Group of Governmental
                      Experts", NIS2 the NIS 2 Directive, Budapest Convention
                      the Convention on Cybercrime. "Quoted phrases" never
                      expand.
      --index LOC     Index to search: a folder, or tcp://HOST:PORT for an
                      index served by Xapian's xapian-tcpsrv. Repeat to
                      search several disjoint indexes (shards) as one: hits,
                      totals and facet counts are over their union, still
                      exact. With a tcp:// shard, query expansion and
                      spelling suggestions use the folders' data only,
                      --sort date orders by year only, and documents
                      without a year or title come first in ascending
                      order (--sort date --reverse, --sort title).
  -h, --help          Show this help.

Errors: a malformed query (an unclosed quote or parenthesis, an operator
without a word, a field without a value), an unknown field or an unknown tag
id is reported in one line that quotes the query and names the column and
the token, with the closest valid fields or tags, and exit status 2:
  cydex search: unknown tag 'norm:13z' at column 1 of 'norm:13z'; did you
  mean norm:13a, norm:13b or norm:13c? ('cydex tags --category norm' ...)

Exit status: 0 searched (also with no hits); 1 no index or unreadable index;
2 malformed query, unknown field or tag; 64 usage.

Examples:
  cydex search "vulnerability disclosure"
  cydex search --org SNV --year 2020..2024 norms
  cydex search --sort date --lang de Verhandlung
  cydex search --limit 0 --facet year --year-buckets 5 norm:13j
  cydex search --doc-format pdf "confidence building" lang:en
  cydex search --format csv --limit 500 actor:de > hits.csv
  cydex search --json --limit 50 "cyber diplomacy" | jq '.results[].title'
  cydex search --index shard-a --index tcp://10.0.0.2:7777 --limit 0 norm:13j
)HELP";
}

std::string_view extract_help() {
  return R"HELP(Usage: cydex extract [OPTIONS] FILE...

Extracts files as 'cydex ingest' would and prints their metadata and text,
page by page, without touching any index. For checking a file before adding
it, for finding out why a file is not found as expected, and for turning a
folder of PDFs into text for other tools.

Several files are extracted in parallel worker processes (--jobs) and
printed in the order named: as text, each under a "==> FILE <==" line; with
--json, as JSON Lines, one object per file and line.

Options:
      --json          Print JSON on stdout:
                        {"path", "format": "pdf"|"html"|"text",
                         "status": "ok"|"degraded"|"failed", "warnings": [str],
                         "error": str|null,
                         "metadata": {"title", "organisation", "year", "date",
                                      "language", "authors": [str]},
                         "pages": [{"number", "text"}]}
                      One file: one indented object. Several: one object per
                      line.
  -j, --jobs N        Extract in N worker processes (default: one per core,
                      at most one per file).
      --timeout S     Give up on a file after S seconds and report it as
                      'timeout' (default 120; 0 for no limit).
      --memory-limit MB
                      Address space of each worker (default 2048; 0 for no
                      limit); a file that needs more is reported as too large.
      --taxonomy DIR  Tag with the taxonomy in DIR (see 'cydex tags --help').
  -h, --help          Show this help.

Examples:
  cydex extract report.pdf | less
  cydex extract --json report.pdf | jq '.pages[6].text'
  cydex extract --json --jobs 2 pdf/*.pdf > all.jsonl

Exit status: 0 every file extracted; 2 some file failed (each reason is on
stderr, one line naming the file); 64 usage.
)HELP";
}

std::string_view show_help() {
  return R"HELP(Usage: cydex show [OPTIONS] DOC

Shows one indexed document: its metadata, its tags (norms, actors and
instruments) with the number of mentions, and every mention in context with
its page, so that a passage can be read where it stands and cited. DOC is the
document's id as 'cydex search --json' prints it (or its first 6+ characters),
or the file's path. Byte-identical files are one document: any of their paths
names it, and each copy after the primary path is listed as "copy:" ("paths"
in JSON, primary first).

Options:
      --index DIR     Index to read.
      --page N        Print only the text of page N (for citing).
      --json          Print JSON on stdout:
                        {"id", "path", "paths", "format", "status", "warnings",
                         "metadata": {"title", "organisation", "year", "date",
                                      "language", "authors", "url"},
                         "page_count", "tags": [{"id", "count", "mentions":
                         [{"page", "start", "end", "context"}]}],
                         "pages": [{"number", "text"}]}
  -h, --help          Show this help.

Exit status: 0 shown; 2 no such document or page; 1 no index; 64 usage.

Examples:
  cydex show 4f0c1e2a
  cydex show --page 7 ~/papers/strategy.pdf
)HELP";
}

std::string_view tags_help() {
  return R"HELP(Usage: cydex tags [OPTIONS]

Lists the taxonomy cydex tags documents with: the eleven UN norms of
responsible state behaviour (norm:13a ... norm:13k, norm:framework), actors
(states by ISO 3166 code, actor:de; organisations, actor:osce) and
instruments (instrument:budapest-convention, ...), each with the number of
indexed documents that mention it. Use the ids in queries (norm:13j) and
read them in search facets.

The taxonomy is read from --taxonomy DIR, else $CYDEX_TAXONOMY, else the one
installed with cydex (share/cydex/taxonomy), else corpus/taxonomy in the
source tree. Its files are described in corpus/taxonomy/README.md.

Options:
      --index DIR         Index to count documents in.
      --taxonomy DIR      Taxonomy folder.
      --category NAME     Only norm, actor or instrument.
      --json              Print [{"id", "label", "aliases", "documents"}].
  -h, --help              Show this help.

Exit status: 0 listed; 1 the taxonomy has errors (file and line on stderr); 64 usage.
)HELP";
}

std::string_view retag_help() {
  return R"HELP(Usage: cydex retag [OPTIONS]

After a taxonomy edit, recomputes the tags of every indexed document from the
text the index stores, without reading or extracting any file again, and
updates tag filters, facets and mentions. Much faster than a new ingest.
An index made by an earlier cydex also gets its facet codes here, which
make exact facet counts several times faster (docs/SCALE.md).

Options:
      --index DIR         Index to re-tag.
      --taxonomy DIR      Taxonomy folder (see 'cydex tags --help').
  -q, --quiet             Print nothing but errors.
  -h, --help              Show this help.

Exit status: 0 re-tagged; 1 no index, the taxonomy has errors, or the index
cannot be written; 3 the index is locked by another cydex process; 64 usage.
)HELP";
}

std::string_view reindex_help() {
  return R"HELP(Usage: cydex reindex [OPTIONS] [ROOT...]

Keeps the index in step with its root folders, for a nightly job. Folders
named are remembered in the index; a run without folders uses the remembered
ones. Each file is compared with what the index holds: same size and mtime,
skipped without being opened; otherwise the content hash decides whether it
is extracted again (a touched file is not). New files are added, files that
are gone leave the index, and a moved or renamed file is recognised by its
content and keeps its document without being extracted. A root that is
missing, or empty while documents under it are indexed (an unmounted share),
stops the run before anything is changed.

Files that failed are remembered with their size and mtime and not retried
until they change. They are listed as failed in every run's report.

Options:
      --index DIR         Index to keep in step.
      --taxonomy DIR      Taxonomy folder (see 'cydex tags --help'); read only
                          when some file needs extracting.
      --report FILE       Write {"added", "updated", "removed", "unchanged",
                          "failed": [{"path", "reason"}], "seconds"} as JSON.
      --retry-failed      Extract remembered failures again even if unchanged.
  -j, --jobs N            Extraction worker processes (default: one per core).
      --timeout S         Seconds one file may take (default 120; 0 no limit).
      --memory-limit MB   Address space of each worker (default 2048; 0 none).
      --batch-size N      Documents per commit (default 1000; see 'cydex
                          ingest --help'). Searches see a batch once it is
                          committed; a kill loses at most the current one.
  -q, --quiet             Print nothing but errors.
  -h, --help              Show this help.

Example:
  cydex --index ./idx reindex /srv/collection     # first night: remember the root
  cydex --index ./idx reindex --report run.json   # every night after

Exit status: 0 in step; 1 fatal (no root remembered, a root missing or empty,
the index cannot be written); 2 finished, but some files failed; 3 the index
is locked by another cydex process; 64 usage.
)HELP";
}


std::string_view add_help() {
  return R"HELP(Usage: cydex add [OPTIONS] FILE...

Registers each FILE in the librarian's catalogue, records the metadata given
on the command line there, and indexes the file at once (the same extraction,
catalogue precedence, organisation names and tagging as 'cydex ingest'). Then
it prints what the index now holds for each file, so the librarian can check
it: title, organisation, year, language, format and pages, every tag with its
number of mentions, and warnings.

The catalogue is the catalogue.tsv that already has a row for the file (in its
folder or above, up to its root), else the one in the root folder that holds
the file (created when missing). A file under no root remembered in the index
makes its folder a root, with a new catalogue.tsv there: from then on 'cydex
reindex' keeps that folder in step (and would index the other files in it).
A file that 'cydex rm' excluded is included again. Values are stored as given;
the organisation is shown under its display name from the taxonomy ("EEAS"
becomes "European External Action Service"). Only the cells named are
written: the rest of the row and of the catalogue stays as it was.

Options:
      --title TITLE       Title.
      --org NAME          Publishing organisation.
      --year YYYY         Year of publication (four digits).
      --date DATE         YYYY, YYYY-MM or YYYY-MM-DD.
      --lang TAG          Language, a BCP 47 tag: en, de, pt-BR.
      --url URL           Where it was published (http:// or https://).
      --authors A;B       Authors, separated by ';'.
      --notes TEXT        The librarian's note (kept in the catalogue only).
      --json              Print a JSON array: per file its id, path, metadata,
                          format, status, pages, tags [{"id", "count"}],
                          warnings, catalogue and error (null when indexed).
      --index DIR         Index to add to (created when missing).
      --taxonomy DIR      Taxonomy folder (see 'cydex tags --help').
  -j, --jobs N, --timeout S, --memory-limit MB
                          Extraction limits, as for 'cydex ingest'.
  -h, --help              Show this help.

Examples:
  cydex add ~/shelf/eeas/cyber-brochure.pdf --org EEAS --year 2019
  cydex add --lang de --notes "draft, replaced in 2024" reports/*.pdf
  cydex add --json new/strategy.html | jq '.[0].tags'

Exit status: 0 every file indexed; 1 fatal (the index or a catalogue cannot be
written, the taxonomy has errors); 2 some file failed (its path and the reason
are printed); 3 the index is locked by another cydex process; 64 usage (an
unknown option, a year that is not four digits).
)HELP";
}

std::string_view meta_help() {
  return R"HELP(Usage: cydex meta [OPTIONS] DOC [--set KEY=VALUE...] [--unset KEY...]

Reads or corrects the librarian's record of one indexed document. DOC is a
document id, a unique prefix of one (6 hex digits or more), or the file's path,
as for 'cydex show'.

Without --set or --unset, prints the document's row in its catalogue (or where
one would go) and what the index holds.

With --set KEY=VALUE (repeatable; further KEY=VALUE words after DOC count too)
and --unset KEY, writes the correction into the catalogue.tsv that holds the
file's row (else the one of its root folder, else the one of its folder), then
extracts that one file again and replaces the document, so the record is applied
exactly as 'cydex ingest' and 'cydex reindex' apply it: a cleared key falls back
to the file's own metadata. The file must still exist. A correction lives in the
catalogue, so every later 'cydex ingest' and 'cydex reindex' keeps it.

Keys:
  org       Publishing organisation (shown under its display name from the
            taxonomy: "ENISA", "European Union Agency for Cybersecurity" and
            "the ENISA" are one organisation).
  year      Four digits.            date      YYYY, YYYY-MM or YYYY-MM-DD.
  title     Title.                  lang      BCP 47 tag: en, fr, pt-BR.
  url       http:// or https://.    authors   Names separated by ';'.
  notes     The librarian's note (kept in the catalogue, not indexed).
No value may hold a tab or a line break.

Options:
      --set KEY=VALUE     Set a field (repeatable).
      --unset KEY         Clear a field (repeatable).
      --json              Print {"id", "path", "catalogue", "record": {COLUMN:
                          VALUE} or null, "indexed": {...}}.
      --index DIR         Index to use.
      --taxonomy DIR      Taxonomy folder (see 'cydex tags --help').
      --timeout S, --memory-limit MB
                          Extraction limits, as for 'cydex ingest'.
  -h, --help              Show this help.

Examples:
  cydex meta 4f0c2a                                  # print the record
  cydex meta 4f0c2a --set org=EEAS --set year=2019
  cydex meta shelf/brochure.pdf --set title="EU Cyber Diplomacy" lang=en
  cydex meta shelf/brochure.pdf --unset url

Exit status: 0 done; 1 fatal (no index, a catalogue cannot be written); 2 the
document is not in the index, its file is gone, or it failed to extract (the
catalogue keeps the correction); 3 the index is locked; 64 usage (unknown key,
a year that is not four digits, a malformed language tag).
)HELP";
}

std::string_view rm_help() {
  return R"HELP(Usage: cydex rm [OPTIONS] DOC...

Removes documents from the index and takes their files out of the collection.
The files on disk are not touched: the file's row in its catalogue gets the
mark 'excluded' (the row is added when missing), so 'cydex reindex' and 'cydex
ingest' of the folder skip the file from now on instead of adding it back.
'cydex add FILE' includes it again.

DOC is a document id, a unique prefix of one, or a path. An id removes the
document with every identical copy and excludes each copy's path; a path
removes and excludes that copy only. A path that is not indexed (a file that
failed, say) is excluded all the same.

Options:
      --json              Print a JSON array: per DOC its id, paths,
                          catalogues and error (null when done).
      --index DIR         Index to remove from.
  -h, --help              Show this help.

Examples:
  cydex rm 4f0c2a
  cydex rm shelf/duplicate-scan.pdf shelf/old-draft.pdf

Exit status: 0 done; 1 fatal (no index, a catalogue cannot be written); 2 some
DOC is not in the index (the others are removed); 3 the index is locked by
another cydex process; 64 usage.
)HELP";
}

std::string_view list_help() {
  return R"HELP(Usage: cydex list [OPTIONS]

Lists the indexed documents, one line each: id, year, organisation, title and
path, separated by tabs ('-' for an unknown value). Reads the index only.

Options:
      --org NAME          Organisation: its display name, a name the taxonomy
                          knows for it ("EEAS"), or part of it (repeatable:
                          any of them).
      --year Y | A..B     A year or a range (2015..2020, 2015.., ..2020).
      --lang TAG          Language (en also lists en-GB).
      --format F          pdf, html or text.
      --sort KEY          path (default), title, or year (oldest first;
                          unknown years last).
      --json              Print a JSON array of {"id", "year", "organisation",
                          "title", "path", "paths", "format", "language",
                          "date", "pages", "status"}.
      --index DIR         Index to read.
      --taxonomy DIR      Taxonomy folder, for --org names.
  -h, --help              Show this help.

Examples:
  cydex list --org ENISA --year 2019..2024 --sort year
  cydex list --lang de --format pdf
  cydex list --json | jq -r '.[] | select(.year == null) | .path'

Exit status: 0 done (also when nothing matches); 1 no index or it cannot be
read; 64 usage.
)HELP";
}

std::string_view stats_help() {
  return R"HELP(Usage: cydex stats [OPTIONS]

Counts what the index holds: documents and pages; documents per organisation,
year, format and language ("(unknown)" where the metadata is missing); per tag
category (norm, actor, instrument) the number of documents and of mentions of
each tag; and the files 'cydex reindex' remembers as failed, with the reason.
Reads the index only: no file is opened.

Options:
      --json              Print {"documents", "pages", "organisation",
                          "year", "format", "language": [{"value", "count"}],
                          "tags": {CATEGORY: [{"id", "documents",
                          "mentions"}]}, "failures": [{"path", "kind",
                          "reason"}]}; unknown values are null.
      --index DIR         Index to read.
  -h, --help              Show this help.

Example:
  cydex stats
  cydex stats --json | jq '.failures[].path'

Exit status: 0 done; 1 no index or it cannot be read; 64 usage.
)HELP";
}

}  // namespace cydex::cli
