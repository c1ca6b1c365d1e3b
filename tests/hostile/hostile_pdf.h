// SPDX-License-Identifier: Apache-2.0
/// @brief Hand-written minimal PDFs for hostile-input tests: cycles, huge trees, huge streams.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace cydex::testing {

/// Whether PdfWriter::build writes the cross-reference table and trailer.
enum class XrefTable { Written, Missing };

/// Assembles numbered objects (1-based, in order) into a PDF with a correct
/// cross-reference table, so that only the content is hostile.
class PdfWriter {
 public:
  /// Adds the next object's body (without "N 0 obj"); returns its number.
  int add(std::string body);
  /// Adds a stream object with the given dictionary entries and data.
  int add_stream(const std::string& dictionary_entries, const std::string& data);
  /// The whole file; `root` is the catalog's object number. Without a
  /// cross-reference table the reader has to reconstruct it by scanning.
  [[nodiscard]] std::string build(int root, XrefTable xref = XrefTable::Written) const;

 private:
  std::vector<std::string> objects_;
};

/// A page tree whose /Pages node lists itself (through a child) as a kid.
std::string cyclic_page_tree_pdf();
/// `pages` one-line pages sharing one font and one content stream.
std::string many_pages_pdf(std::size_t pages);
/// One page whose content stream holds `bytes` bytes of drawing operators
/// and one line of text.
std::string huge_content_stream_pdf(std::size_t bytes);
/// Writes huge_content_stream_pdf(bytes) to `path` piece by piece, without
/// holding the file in memory.
void write_huge_content_stream_pdf(const std::filesystem::path& path, std::size_t bytes);
/// An object stream of `objects` small objects and no cross-reference
/// table, so the reader reconstructs it and reads the whole stream.
std::string huge_object_stream_pdf(std::size_t objects);

}  // namespace cydex::testing
