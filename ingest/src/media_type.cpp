// SPDX-License-Identifier: Apache-2.0
#include "cydex/ingest/media_type.h"

#include <array>
#include <cctype>
#include <string>

#include "cydex/ingest/charset.h"

namespace cydex::ingest {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool has_utf16_bom(std::string_view head) {
  return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF");
}

/// Markup that opens like HTML once comments, whitespace and an XML
/// declaration are skipped.
bool looks_like_html(std::string_view head) {
  const std::string lower = lower_ascii(head.substr(0, 1024));
  std::size_t pos = 0;
  while (pos < lower.size()) {
    pos = lower.find_first_not_of(" \t\r\n", pos);
    if (pos == std::string::npos) return false;
    if (lower.compare(pos, 4, "<!--") == 0) {
      pos = lower.find("-->", pos);
      if (pos == std::string::npos) return false;
      pos += 3;
    } else if (lower.compare(pos, 5, "<?xml") == 0) {
      pos = lower.find("?>", pos);
      if (pos == std::string::npos) return false;
      pos += 2;
    } else {
      break;
    }
  }
  if (pos >= lower.size()) return false;
  static constexpr std::array<std::string_view, 6> kOpeners = {"<!doctype html", "<html", "<head", "<body",
                                                               "<meta", "<title"};
  for (const std::string_view opener : kOpeners) {
    if (lower.compare(pos, opener.size(), opener) == 0) return true;
  }
  // Fragments without a document element still have telltale tags early on.
  return lower.find("<html") != std::string::npos || lower.find("<body") != std::string::npos;
}

/// Text has few control bytes other than tab, newline, carriage return and form feed.
bool looks_like_text(std::string_view head) {
  if (head.empty()) return true;
  std::size_t control = 0;
  for (const char ch : head) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte == 0) return false;
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') ++control;
  }
  return control * 100 < head.size();
}

}  // namespace

corpus::MediaType sniff_media_type(std::string_view head) noexcept {
  std::string_view body = head;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  // PDF readers accept the header anywhere in the first KiB.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return corpus::MediaType::Pdf;
  // UTF-16 without a byte-order mark is told from binary data by its
  // pattern of NUL bytes (see utf16_without_bom).
  if (has_utf16_bom(head) || !utf16_without_bom(head).empty()) {
    // Decode enough to look at it as text or markup.
    const auto decoded = decode_to_utf8(head.substr(0, head.size() & ~std::size_t{1}), "");
    if (!decoded) return corpus::MediaType::Unknown;
    return looks_like_html(decoded->utf8) ? corpus::MediaType::Html : corpus::MediaType::Text;
  }
  if (looks_like_html(body)) return corpus::MediaType::Html;
  if (looks_like_text(body)) return corpus::MediaType::Text;
  return corpus::MediaType::Unknown;
}

}  // namespace cydex::ingest
