// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

#include "dehyphenation_evidence.h"
#include "dehyphenator.h"
#include "pdf_layout.h"
#include "pdf_metadata.h"
#include "running_furniture.h"

namespace cydex::ingest {
namespace {

/// poppler reports problems through one process-wide callback; each thread
/// collects its own while it extracts.
thread_local std::vector<std::string>* t_poppler_messages = nullptr;

void collect_poppler_message(const std::string& message, void* /*closure*/) {
  if (t_poppler_messages != nullptr && t_poppler_messages->size() < 20) t_poppler_messages->push_back(message);
}

void install_poppler_callback() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(collect_poppler_message, nullptr); });
}

/// Routes poppler's messages to `sink` for the lifetime of the scope.
class MessageScope {
 public:
  explicit MessageScope(std::vector<std::string>& sink) : previous_(t_poppler_messages) {
    install_poppler_callback();
    t_poppler_messages = &sink;
  }
  ~MessageScope() { t_poppler_messages = previous_; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;

 private:
  std::vector<std::string>* previous_;
};

void append_code_point(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// poppler::ustring holds UTF-16 in the machine's byte order. Its own
/// to_utf8() opens an iconv converter per call, which for one call per word
/// cost more than the rest of the conversion; this one also turns a lone
/// surrogate into U+FFFD instead of stopping there.
std::string to_utf8(const poppler::ustring& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t unit = text[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      append_code_point(out, 0x10000 + ((unit - 0xD800) << 10) + (static_cast<char32_t>(text[i + 1]) - 0xDC00));
      ++i;
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      append_code_point(out, 0xFFFD);
    } else {
      append_code_point(out, unit);
    }
  }
  return out;
}

std::string poppler_layout_text(const poppler::page& page) {
  return to_utf8(page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
}

struct PageText {
  std::string text{};
  std::string prominent{};  ///< The page's largest text, when it stands out.
};

PageText read_page(const poppler::page& page, PdfReadingOrder order) {
  if (order == PdfReadingOrder::PopplerLayout) return PageText{poppler_layout_text(page), {}};
  std::vector<PositionedWord> words;
  // Without text_list_include_font: font names per glyph make the call half
  // again as slow, and a word box's height measures its type size well
  // enough to tell body text, small print and titles apart.
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf bbox = box.bbox();
    words.push_back(PositionedWord{to_utf8(box.text()), bbox.left(), bbox.top(), bbox.right(), bbox.bottom(), 0.0,
                                   box.rotation(), box.has_space_after()});
  }
  const poppler::rectf rect = page.page_rect();
  const bool turned = page.orientation() == poppler::page::landscape || page.orientation() == poppler::page::seascape;
  PageLayout layout = turned ? lay_out_page(std::move(words), rect.height(), rect.width())
                             : lay_out_page(std::move(words), rect.width(), rect.height());
  if (!layout.confident) return PageText{poppler_layout_text(page), std::move(layout.prominent)};
  return PageText{std::move(layout.text), std::move(layout.prominent)};
}

PdfMetadataSources metadata_sources(const poppler::document& pdf, std::string_view bytes) {
  PdfMetadataSources sources;
  sources.info_title = to_utf8(pdf.get_title());
  sources.info_author = to_utf8(pdf.get_author());
  sources.info_subject = to_utf8(pdf.get_subject());
  sources.info_keywords = to_utf8(pdf.get_keywords());
  sources.info_created = pdf.get_creation_date_t();
  sources.info_modified = pdf.get_modification_date_t();
  sources.xmp = to_utf8(pdf.metadata());
  sources.catalog_language = find_catalog_language(bytes);
  sources.now = std::time(nullptr);
  return sources;
}

/// Whether a poppler message reports damage to the file's structure (as
/// opposed to a font or drawing oddity that costs no text).
bool reports_damage(const std::string& message) {
  std::string lower = message;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  static constexpr std::string_view kDamage[] = {"xref",         "trailer",     "reconstruct",  "catalog",  "page tree",
                                                 "pages object", "end of file", "unterminated", "endstream"};
  return std::any_of(std::begin(kDamage), std::end(kDamage),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

/// The length a linearized PDF declares for itself (/L), or 0.
std::size_t declared_length(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 1024);
  const std::size_t at = head.find("/Linearized");
  if (at == std::string_view::npos) return 0;
  const std::size_t length = head.find("/L ", at);
  if (length == std::string_view::npos) return 0;
  std::size_t value = 0;
  for (std::size_t i = length + 3; i < head.size() && std::isdigit(static_cast<unsigned char>(head[i])); ++i) {
    value = value * 10 + static_cast<std::size_t>(head[i] - '0');
  }
  return value;
}

/// Why a file poppler opened has no pages: cut off, or damaged.
std::string no_pages_reason(std::string_view bytes, const std::vector<std::string>& messages) {
  std::string detail;
  const std::size_t declared = declared_length(bytes);
  if (declared > bytes.size()) {
    detail = "truncated: " + std::to_string(bytes.size()) + " of " + std::to_string(declared) +
             " bytes; poppler recovers no pages";
  } else {
    detail = "damaged PDF: poppler recovers no pages";
  }
  if (!messages.empty()) detail += " (" + messages.front() + ")";
  return detail;
}

corpus::IngestError error(const corpus::SourceDocument& source, corpus::ErrorKind kind, std::string detail) {
  return corpus::IngestError{source.path, "extract", kind, std::move(detail)};
}

}  // namespace

ExtractResult PdfExtractor::extract(const corpus::SourceDocument& source, std::string_view bytes) const {
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return corpus::Unexpected(error(source, corpus::ErrorKind::TooLarge, "PDF over 2 GiB"));
  }
  std::vector<std::string> messages;
  const MessageScope scope(messages);

  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    std::string detail = "poppler cannot open this PDF";
    if (!messages.empty()) detail += " (" + messages.front() + ")";
    return corpus::Unexpected(error(source, corpus::ErrorKind::Corrupt, detail));
  }
  if (pdf->is_locked()) {
    return corpus::Unexpected(error(source, corpus::ErrorKind::Encrypted, "needs a user password to open"));
  }
  const int page_count = pdf->pages();
  if (page_count <= 0) {
    return corpus::Unexpected(error(source, corpus::ErrorKind::Corrupt, no_pages_reason(bytes, messages)));
  }

  corpus::ExtractedDocument out;
  out.source = source;
  PdfMetadataSources sources = metadata_sources(*pdf, bytes);
  std::size_t text_bytes = 0;
  std::string sample;  // The start of the text, to recognise its language.
  for (int index = 0; index < page_count; ++index) {
    // One page object at a time: a report of thousands of pages never holds
    // more than one page's layout in memory.
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    corpus::Page extracted{index + 1, {}};
    if (page) {
      PageText read = read_page(*page, options_.reading_order);
      extracted.text = std::move(read.text);
      if (index == 0) sources.first_page_title = std::move(read.prominent);
    } else {
      out.warnings.push_back("page " + std::to_string(index + 1) + " cannot be read");
    }
    const bool blank = extracted.text.find_first_not_of(" \n\f") == std::string::npos;
    text_bytes += blank ? 0 : extracted.text.size();
    if (sample.size() < 64 * 1024) sample += extracted.text;
    out.pages.push_back(std::move(extracted));
  }
  sources.text_language = guess_language(sample);
  const PdfMetadata chosen = choose_pdf_metadata(sources);
  out.metadata = chosen.record;
  // What was found but not believed, for the librarian checking the file.
  for (const std::string& doubt : chosen.distrusted) out.warnings.push_back("metadata not used: " + doubt);
  if (text_bytes == 0) {
    // A scan without OCR: still indexed, by its metadata, and reported.
    out.status = corpus::ExtractionStatus::Degraded;
    out.warnings.push_back("no text layer: no text on any of " + std::to_string(page_count) +
                           " pages (a scan without OCR?)");
  }
  remove_running_furniture(out.pages);
  // Rejoin words split at line ends while the document's language is at
  // hand, and join the two lines, as poppler's own layout text does.
  if (options_.dehyphenation == PdfDehyphenation::WithEvidence) {
    dehyphenate(out.pages, DehyphenationOptions{.language = out.metadata.language, .reflow = Reflow::JoinLines});
  }
  const auto damage = std::find_if(messages.begin(), messages.end(), reports_damage);
  if (damage != messages.end()) {
    // poppler repaired the file's structure (a broken cross-reference
    // table, a cut-off stream): the text may be incomplete.
    out.status = corpus::ExtractionStatus::Degraded;
    out.warnings.push_back("damaged PDF, text as far as poppler recovers it: " + *damage);
  }
  return out;
}

}  // namespace cydex::ingest
