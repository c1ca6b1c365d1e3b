// SPDX-License-Identifier: Apache-2.0
#include "hostile_pdf.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace cydex::testing {
namespace {

constexpr const char* kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

std::string ten_digits(std::size_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%010zu", value);
  return buffer;
}

std::string text_line(const std::string& text) { return "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET\n"; }

}  // namespace

int PdfWriter::add(std::string body) {
  objects_.push_back(std::move(body));
  return static_cast<int>(objects_.size());
}

int PdfWriter::add_stream(const std::string& dictionary_entries, const std::string& data) {
  return add("<< " + dictionary_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
             "\nendstream");
}

std::string PdfWriter::build(int root, XrefTable xref) const {
  std::string out = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  offsets.reserve(objects_.size());
  for (std::size_t i = 0; i < objects_.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
  }
  if (xref == XrefTable::Missing) return out + "%%EOF\n";
  const std::size_t xref_offset = out.size();
  out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) out += ten_digits(offset) + " 00000 n \n";
  out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " + std::to_string(root) +
         " 0 R >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

std::string cyclic_page_tree_pdf() {
  PdfWriter pdf;
  // 1 catalog, 2 root /Pages, 3 an intermediate /Pages whose kid is 2 again.
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");
  return pdf.build(1);
}

std::string many_pages_pdf(std::size_t pages) {
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  // Objects 3.. are the pages; their number is known before they are added.
  std::string kids;
  kids.reserve(pages * 10);
  for (std::size_t i = 0; i < pages; ++i) kids += std::to_string(i + 5) + " 0 R ";
  pdf.add("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  pdf.add(kFont);
  pdf.add_stream("", text_line("Tiny page"));
  for (std::size_t i = 0; i < pages; ++i) {
    pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> "
            "/Contents 4 0 R >>");
  }
  return pdf.build(1);
}

namespace {

constexpr const char* kHugeStreamText = "Huge content stream";
constexpr const char* kDrawingOperators = "10 10 m 20 20 l S\n";

/// Catalog, page tree, page and font of the one-page huge-stream PDF; the
/// content stream is object 5.
PdfWriter huge_content_stream_head() {
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
          "/Contents 5 0 R >>");
  pdf.add(kFont);
  return pdf;
}

}  // namespace

std::string huge_content_stream_pdf(std::size_t bytes) {
  std::string content = text_line(kHugeStreamText);
  const std::string operators = kDrawingOperators;
  content.reserve(bytes + operators.size());
  while (content.size() < bytes) content += operators;
  PdfWriter pdf = huge_content_stream_head();
  pdf.add_stream("", content);
  return pdf.build(1);
}

void write_huge_content_stream_pdf(const std::filesystem::path& path, std::size_t bytes) {
  const std::string first = text_line(kHugeStreamText);
  const std::string operators = kDrawingOperators;
  const std::size_t repeats = bytes > first.size() ? (bytes - first.size() + operators.size() - 1) / operators.size() : 0;
  const std::size_t length = first.size() + repeats * operators.size();
  // Everything but the stream's data, built as add_stream() would build it
  // for a small file; the data goes between the two halves.
  PdfWriter pdf = huge_content_stream_head();
  const std::string marker = "%%STREAM-DATA%%";
  pdf.add("<<  /Length " + std::to_string(length) + " >>\nstream\n" + marker + "\nendstream");
  const std::string small = pdf.build(1);
  const std::size_t at = small.find(marker);
  // The cross-reference table's offsets after the stream move by the data's size.
  std::string tail = small.substr(at + marker.size());
  const std::size_t xref_at = small.find("startxref\n", at);
  const std::size_t old_offset = std::stoul(small.substr(xref_at + 10));
  const std::size_t shift = length - marker.size();
  tail = tail.substr(0, tail.find("startxref\n")) + "startxref\n" + std::to_string(old_offset + shift) + "\n%%EOF\n";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << small.substr(0, at) << first;
  std::string chunk;
  for (std::size_t i = 0; i < 65536 && i < repeats; ++i) chunk += operators;
  const std::size_t per_chunk = chunk.empty() ? 1 : chunk.size() / operators.size();
  for (std::size_t written = 0; written < repeats;) {
    const std::size_t n = std::min(per_chunk, repeats - written);
    out.write(chunk.data(), static_cast<std::streamsize>(n * operators.size()));
    written += n;
  }
  out << tail;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::string huge_object_stream_pdf(std::size_t objects) {
  // The compressed objects are numbered after the five plain ones.
  std::string header;
  std::string body;
  for (std::size_t i = 0; i < objects; ++i) {
    header += std::to_string(i + 6) + " " + std::to_string(body.size()) + " ";
    body += "<< /N " + std::to_string(i) + " >> ";
  }
  PdfWriter pdf;
  pdf.add("<< /Type /Catalog /Pages 2 0 R >>");
  pdf.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
          "/Contents 5 0 R >>");
  pdf.add(kFont);
  pdf.add_stream("", text_line("Object stream"));
  pdf.add_stream("/Type /ObjStm /N " + std::to_string(objects) + " /First " + std::to_string(header.size()),
                 header + body);
  return pdf.build(1, XrefTable::Missing);
}

}  // namespace cydex::testing
