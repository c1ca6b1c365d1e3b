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
  extract FILE        Print a file's extracted text, metadata and tags; no index needed.
  show DOC            One indexed document: metadata, tags, mentions in context, pages.
  tags                The taxonomy of norms, actors and instruments, with document counts.
  retag               Re-tag every indexed document after a taxonomy edit (no re-extraction).
  reindex [ROOT...]   Keep the index in step with its folders: only changed files are extracted.

Run 'cydex COMMAND --help' for a command's options and examples.

Where the index is:
  --index DIR on any command, else the environment variable CYDEX_INDEX,
  else $XDG_DATA_HOME/cydex/index (by default ~/.local/share/cydex/index).

Exit status:
  0   everything asked for was done
  1   fatal: no index, the index cannot be read or written, disk full, or the
      taxonomy has errors
  2   finished, but some files failed (ingest, extract), the query is malformed,
      or the document asked for is not in the index (show)
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

Metadata: a 'catalogue.tsv' in a file's folder is the librarian's record and
wins over what the file itself says (PDF Info dictionary, HTML <meta> tags).
Its columns: path (relative to the catalogue's folder), title, organisation,
year, date, language, url, authors (separated by ';'), notes.

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
year, path and a passage in which the query's words are marked, followed by
facet counts (by organisation and by year) over ALL matching documents.

Query language (words of several QUERY arguments are joined by spaces):
  cyber diplomacy           both words (AND is the default)
  "cyber diplomacy"         the exact phrase
  norms OR rules            either word;  NOT excludes;  ( ) groups
  diplom*                   words starting with "diplom"
  title:strategy            a word in the title; also org: and author:
  year:2023  year:2019..2023  lang:en  format:pdf
                            exact filters
  norm:13j  actor:de  instrument:budapest-convention
                            documents tagged with a norm, actor or instrument
                            ('cydex tags' lists the ids)
  Words are matched without regard to case or accents and by their stem
  ("vulnerabilities" finds "vulnerability").

Options:
      --index DIR     Index to search.
      --org NAME      Only documents of this organisation: its full name or
                      some of its words ("SNV"). Repeat for any of several.
      --year YEAR     Only documents of this year, or of a range FROM..TO
                      (either end may be left open: 2019.., ..2020).
  -n, --limit N       Hits to show (default 10, 0 for facets only).
      --offset N      Hits to skip, for the next page (default 0).
      --facet NAME    Count only this facet: organisation, year, norm, actor,
                      instrument (repeat for several; default all).
      --facet-limit N At most N values per facet (text output shows 8 by
                      default and says how many more there are).
      --taxonomy DIR  Taxonomy whose labels the text output shows beside tag
                      ids (see 'cydex tags --help').
      --no-expand     Match the words only. By default a word or words that
                      are an alias in the taxonomy also find the documents
                      tagged with it: GGE finds "Group of Governmental
                      Experts", NIS2 the NIS 2 Directive, Budapest Convention
                      the Convention on Cybercrime. "Quoted phrases" never
                      expand.
      --json          Print JSON on stdout:
                        {"query", "suggestion", "total", "offset",
                         "results": [{"id", "rank",
                         "score", "title", "organisation", "year", "path",
                         "format", "language", "snippet", "page",
                         "highlights": [[start, end]...]}],
                         "facets": {"organisation": [{"value", "count"}],
                                    "year": [...], "norm": [...], "actor": [...],
                                    "instrument": [...]}}
  -h, --help          Show this help.

Exit status: 0 searched (also with no hits); 1 no index or unreadable index;
2 malformed query; 64 usage.

Examples:
  cydex search "vulnerability disclosure"
  cydex search --org "Stiftung Neue Verantwortung (SNV)" --year 2020..2024 norms
  cydex search --json --limit 50 "cyber diplomacy" | jq '.results[].title'
)HELP";
}

std::string_view extract_help() {
  return R"HELP(Usage: cydex extract [OPTIONS] FILE

Extracts one file as 'cydex ingest' would and prints its metadata and text,
page by page, without touching any index. For checking a file before adding
it, and for finding out why a file is not found as expected.

Options:
      --json          Print JSON on stdout:
                        {"path", "format": "pdf"|"html"|"text",
                         "status": "ok"|"degraded"|"failed", "warnings": [str],
                         "error": str|null,
                         "metadata": {"title", "organisation", "year", "date",
                                      "language", "authors": [str]},
                         "pages": [{"number", "text"}]}
      --timeout S     Give up after S seconds and report the file as
                      'timeout' (default 120; 0 for no limit).
  -h, --help          Show this help.

Exit status: 0 extracted; 2 the file failed (the reason is on stderr); 64 usage.
)HELP";
}

std::string_view show_help() {
  return R"HELP(Usage: cydex show [OPTIONS] DOC

Shows one indexed document: its metadata, its tags (norms, actors and
instruments) with the number of mentions, and every mention in context with
its page, so that a passage can be read where it stands and cited. DOC is the
document's id as 'cydex search --json' prints it (or its first 6+ characters),
or the file's path.

Options:
      --index DIR     Index to read.
      --page N        Print only the text of page N (for citing).
      --json          Print JSON on stdout:
                        {"id", "path", "format", "status", "warnings",
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

}  // namespace cydex::cli
