// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <ctime>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

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

std::string to_utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string iso_date(std::time_t when) {
  if (when <= 0) return {};
  std::tm parts{};
  gmtime_r(&when, &parts);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &parts);
  return buffer;
}

/// A title that is a file name or a placeholder tells nothing.
bool is_placeholder_title(const std::string& title) {
  static constexpr std::string_view kNoise[] = {"microsoft word", ".doc", ".pdf", "untitled", "powerpoint"};
  std::string lower = title;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const std::string_view noise : kNoise) {
    if (lower.find(noise) != std::string::npos) return true;
  }
  return lower.find_first_not_of(" -_.") == std::string::npos;
}

void read_metadata(const poppler::document& pdf, corpus::DocumentMetadata& meta) {
  const std::string title = to_utf8(pdf.get_title());
  if (!is_placeholder_title(title)) meta.title = title;
  const std::string author = to_utf8(pdf.get_author());
  if (!author.empty()) meta.authors.push_back(author);
  const std::time_t created = pdf.get_creation_date_t();
  const std::time_t now = std::time(nullptr);
  // 1970 and dates in the future come from broken producers.
  if (created > 86400 * 366 && created <= now) {
    meta.date = iso_date(created);
    meta.year = std::stoi(meta.date.substr(0, 4));
  }
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

  corpus::ExtractedDocument out;
  out.source = source;
  read_metadata(*pdf, out.metadata);

  const int page_count = pdf->pages();
  std::size_t text_bytes = 0;
  for (int index = 0; index < page_count; ++index) {
    std::unique_ptr<poppler::page> page(pdf->create_page(index));
    corpus::Page extracted{index + 1, {}};
    if (page) {
      extracted.text = to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    } else {
      out.warnings.push_back("page " + std::to_string(index + 1) + " cannot be read");
    }
    text_bytes += extracted.text.find_first_not_of(" \n\f") == std::string::npos ? 0 : extracted.text.size();
    out.pages.push_back(std::move(extracted));
  }
  if (page_count == 0) return corpus::Unexpected(error(source, corpus::ErrorKind::Corrupt, "PDF has no pages"));
  if (text_bytes == 0) {
    // A scan without OCR: still indexed, by its metadata, and reported.
    out.status = corpus::ExtractionStatus::Degraded;
    out.warnings.push_back("no text layer: no text on any of " + std::to_string(page_count) +
                           " pages (a scan without OCR?)");
  }
  remove_running_furniture(out.pages);
  if (!messages.empty()) {
    out.status = corpus::ExtractionStatus::Degraded;
    out.warnings.push_back("poppler: " + messages.front());
  }
  return out;
}

}  // namespace cydex::ingest
