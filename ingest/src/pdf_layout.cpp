// SPDX-License-Identifier: Apache-2.0
#include "pdf_layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace cydex::ingest {
namespace {

struct Box {
  double left{};
  double top{};
  double right{};
  double bottom{};

  [[nodiscard]] double width() const { return right - left; }
  [[nodiscard]] double height() const { return bottom - top; }
  void include(const Box& other) {
    left = std::min(left, other.left);
    top = std::min(top, other.top);
    right = std::max(right, other.right);
    bottom = std::max(bottom, other.bottom);
  }
};

Box box_of(const PositionedWord& word) { return Box{word.left, word.top, word.right, word.bottom}; }

/// Words on one baseline within one column.
struct Line {
  std::vector<const PositionedWord*> words{};
  Box box{};
  double font_size{};
};

/// Lines of one paragraph or column stretch, top to bottom.
struct Block {
  std::vector<Line> lines{};
  Box box{};
  double font_size{};
  std::size_t characters{};
};

/// A word's size: its font size when known, else its box height.
double size_of(const PositionedWord& word) {
  return word.font_size > 0 ? word.font_size : std::max(1.0, word.bottom - word.top);
}

/// Turns every word written in the page's dominant direction upright, so
/// that a page whose text runs top to bottom (a /Rotate page, a landscape
/// table printed sideways) is read like any other. Returns the share of
/// words written in another direction.
double make_upright(std::vector<PositionedWord>& words, double& width, double& height) {
  std::array<std::size_t, 4> by_rotation{};
  for (const PositionedWord& word : words) ++by_rotation[static_cast<std::size_t>(word.rotation & 3)];
  const auto dominant =
      static_cast<int>(std::max_element(by_rotation.begin(), by_rotation.end()) - by_rotation.begin());
  const double w = width;
  const double h = height;
  for (PositionedWord& word : words) {
    const Box b = box_of(word);
    Box turned = b;
    switch (dominant) {
      case 1:  // Text runs downwards: the reading direction is +y, lines advance to -x.
        turned = Box{b.top, w - b.right, b.bottom, w - b.left};
        break;
      case 2:  // Upside down.
        turned = Box{w - b.right, h - b.bottom, w - b.left, h - b.top};
        break;
      case 3:  // Text runs upwards.
        turned = Box{h - b.bottom, b.left, h - b.top, b.right};
        break;
      default:
        break;
    }
    word.left = turned.left;
    word.top = turned.top;
    word.right = turned.right;
    word.bottom = turned.bottom;
  }
  if (dominant % 2 == 1) std::swap(width, height);
  const std::size_t total = words.size();
  return total == 0
             ? 0.0
             : 1.0 - static_cast<double>(by_rotation[static_cast<std::size_t>(dominant)]) / static_cast<double>(total);
}

/// Rows of words whose vertical centres agree, each split into lines where
/// a horizontal gap is wider than word spacing (a column gutter). Sets
/// `grid_rows` to the number of rows cut into three or more lines.
std::vector<Line> build_lines(const std::vector<PositionedWord>& words, std::size_t& rows, std::size_t& grid_rows) {
  std::vector<const PositionedWord*> sorted;
  for (const PositionedWord& word : words) sorted.push_back(&word);
  const auto centre = [](const PositionedWord* word) { return (word->top + word->bottom) / 2; };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const PositionedWord* a, const PositionedWord* b) { return centre(a) < centre(b); });
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start < sorted.size()) {
    // A row: every word whose centre is within 40% of the first one's height.
    const double limit = centre(sorted[start]) + 0.4 * std::max(1.0, sorted[start]->bottom - sorted[start]->top);
    std::size_t end = start + 1;
    while (end < sorted.size() && centre(sorted[end]) <= limit) ++end;
    std::vector<const PositionedWord*> row(sorted.begin() + static_cast<std::ptrdiff_t>(start),
                                           sorted.begin() + static_cast<std::ptrdiff_t>(end));
    std::stable_sort(row.begin(), row.end(),
                     [](const PositionedWord* a, const PositionedWord* b) { return a->left < b->left; });
    std::size_t pieces = 0;
    for (const PositionedWord* word : row) {
      const double gap_limit = 1.0 * std::max(size_of(*word), lines.empty() ? 0.0 : lines.back().font_size);
      const bool continues = pieces > 0 && word->left - lines.back().box.right <= gap_limit;
      if (!continues) {
        lines.push_back(Line{{}, box_of(*word), size_of(*word)});
        ++pieces;
      }
      Line& line = lines.back();
      line.words.push_back(word);
      line.box.include(box_of(*word));
      line.font_size = std::max(line.font_size, size_of(*word));
    }
    ++rows;
    if (pieces >= 3) ++grid_rows;
    start = end;
  }
  return lines;
}

double horizontal_overlap(const Box& a, const Box& b) { return std::min(a.right, b.right) - std::max(a.left, b.left); }

/// Stacks lines into blocks: a line joins the block just above it when it
/// is close below, overlaps it horizontally and has about the same size.
std::vector<Block> build_blocks(std::vector<Line> lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.box.top < b.box.top; });
  std::vector<Block> blocks;
  // Blocks a later line may still join; a block whose last line lies too far
  // above the current one for any size of type is closed, which keeps pages
  // of thousands of lines (a map's labels) linear.
  std::vector<std::size_t> open;
  for (Line& line : lines) {
    std::erase_if(open, [&](std::size_t b) {
      const Line& last = blocks[b].lines.back();
      return line.box.top - last.box.bottom > 2.3 * last.font_size;
    });
    Block* best = nullptr;
    double best_gap = 0;
    for (const std::size_t b : open) {
      Block& block = blocks[b];
      const Line& last = block.lines.back();
      const double size = std::max(line.font_size, last.font_size);
      const double gap = line.box.top - last.box.bottom;
      const double overlap = horizontal_overlap(line.box, last.box);
      const double ratio = std::max(line.font_size, last.font_size) / std::min(line.font_size, last.font_size);
      const bool fits = gap > -0.5 * size && gap < 1.9 * size && ratio < 1.2 &&
                        overlap > 0.5 * std::min(line.box.width(), last.box.width());
      if (fits && (best == nullptr || gap < best_gap)) {
        best = &block;
        best_gap = gap;
      }
    }
    if (best == nullptr) {
      open.push_back(blocks.size());
      blocks.push_back(Block{{}, line.box, line.font_size, 0});
      best = &blocks.back();
    }
    best->box.include(line.box);
    best->font_size = std::max(best->font_size, line.font_size);
    for (const PositionedWord* word : line.words) best->characters += word->text.size();
    best->lines.push_back(std::move(line));
  }
  return blocks;
}

enum class Axis { Vertical, Horizontal };

/// Splits `indexes` into groups separated by white space along `axis`
/// (Vertical: bands one above the other; Horizontal: columns side by side).
std::vector<std::vector<std::size_t>> cut(const std::vector<Block>& blocks, std::vector<std::size_t> indexes,
                                          Axis axis) {
  const auto low = [&](std::size_t i) { return axis == Axis::Vertical ? blocks[i].box.top : blocks[i].box.left; };
  const auto high = [&](std::size_t i) { return axis == Axis::Vertical ? blocks[i].box.bottom : blocks[i].box.right; };
  std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) { return low(a) < low(b); });
  std::vector<std::vector<std::size_t>> groups;
  double reach = 0;
  for (const std::size_t i : indexes) {
    if (groups.empty() || low(i) > reach) groups.emplace_back();
    groups.back().push_back(i);
    reach = groups.back().size() == 1 ? high(i) : std::max(reach, high(i));
  }
  return groups;
}

/// Recursive XY-cut: bands from top to bottom, then columns from left to
/// right, then again inside each; blocks that cannot be cut apart are read
/// top to bottom.
void order_blocks(const std::vector<Block>& blocks, const std::vector<std::size_t>& indexes,
                  std::vector<std::size_t>& out, int& columns) {
  if (indexes.size() <= 1) {
    out.insert(out.end(), indexes.begin(), indexes.end());
    return;
  }
  for (const Axis axis : {Axis::Vertical, Axis::Horizontal}) {
    const auto groups = cut(blocks, indexes, axis);
    if (groups.size() < 2) continue;
    if (axis == Axis::Horizontal) columns = std::max(columns, static_cast<int>(groups.size()));
    for (const auto& group : groups) order_blocks(blocks, group, out, columns);
    return;
  }
  std::vector<std::size_t> rest = indexes;
  std::stable_sort(rest.begin(), rest.end(),
                   [&](std::size_t a, std::size_t b) { return blocks[a].box.top < blocks[b].box.top; });
  out.insert(out.end(), rest.begin(), rest.end());
}

/// The font size most of the page's characters are set in.
double body_size(const std::vector<Block>& blocks) {
  std::map<long, std::size_t> characters_by_size;
  for (const Block& block : blocks) characters_by_size[std::lround(block.font_size * 2)] += block.characters;
  const auto most = std::max_element(characters_by_size.begin(), characters_by_size.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  return most == characters_by_size.end() ? 0.0 : static_cast<double>(most->first) / 2;
}

/// Moves small print that has body text both above and below it (a
/// caption inside a column, a side note) after the last body block, so it
/// does not fall between the two halves of a sentence. Small print at the
/// page's top or bottom (headers, footers, footnotes) stays where it is.
std::vector<std::size_t> move_small_print(const std::vector<Block>& blocks, const std::vector<std::size_t>& order) {
  const double body = body_size(blocks);
  const auto is_body = [&](const Block& block) { return std::abs(block.font_size - body) <= 0.15 * body; };
  double body_top = std::numeric_limits<double>::max();
  double body_bottom = std::numeric_limits<double>::lowest();
  for (const Block& block : blocks) {
    if (!is_body(block)) continue;
    body_top = std::min(body_top, block.box.top);
    body_bottom = std::max(body_bottom, block.box.bottom);
  }
  const auto is_inner_small_print = [&](const Block& block) {
    return block.font_size < 0.85 * body && body_top < block.box.top && body_bottom > block.box.bottom;
  };
  std::vector<std::size_t> kept;
  std::vector<std::size_t> moved;
  for (const std::size_t i : order) (is_inner_small_print(blocks[i]) ? moved : kept).push_back(i);
  if (moved.empty()) return order;
  std::size_t after = kept.size();
  while (after > 0 && !is_body(blocks[kept[after - 1]])) --after;
  kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(after), moved.begin(), moved.end());
  return kept;
}

std::string line_text(const Line& line) {
  std::string text;
  const PositionedWord* previous = nullptr;
  for (const PositionedWord* word : line.words) {
    // A word set in two fonts comes as two boxes that touch: no space
    // between them unless the library saw one or the gap is wide.
    const bool spaced =
        previous != nullptr && (previous->space_after || word->left - previous->right > 0.3 * size_of(*word));
    if (spaced) text.push_back(' ');
    text += word->text;
    previous = word;
  }
  return text;
}

/// The blocks set in the page's largest size, when that is clearly larger
/// than the body text: a cover page's title.
std::string prominent_text(const std::vector<Block>& blocks, const std::vector<std::size_t>& order) {
  double largest = 0;
  for (const Block& block : blocks) largest = std::max(largest, block.font_size);
  if (largest < 1.25 * body_size(blocks)) return {};
  std::string text;
  for (const std::size_t i : order) {
    if (blocks[i].font_size < 0.95 * largest) continue;
    for (const Line& line : blocks[i].lines) {
      if (!text.empty()) text.push_back(' ');
      text += line_text(line);
    }
  }
  return text.size() <= 300 ? text : std::string();
}

}  // namespace

PageLayout lay_out_page(std::vector<PositionedWord> words, double page_width, double page_height) {
  std::erase_if(words, [](const PositionedWord& word) {
    return word.text.find_first_not_of(" \t\r\n") == std::string::npos || word.right < word.left ||
           word.bottom < word.top;
  });
  PageLayout layout;
  if (words.empty()) {
    layout.confident = true;
    return layout;
  }
  const double other_directions = make_upright(words, page_width, page_height);
  std::size_t rows = 0;
  std::size_t grid_rows = 0;
  std::vector<Line> lines = build_lines(words, rows, grid_rows);
  // Tables and sideways labels: a reader of rows does better than a reader
  // of columns there, so the caller falls back to its own.
  if (other_directions > 0.1) {
    layout.doubt = "words in several writing directions";
    return layout;
  }
  if (rows >= 5 && static_cast<double>(grid_rows) > 0.3 * static_cast<double>(rows)) {
    layout.doubt = "a table grid";
    return layout;
  }
  const std::vector<Block> blocks = build_blocks(std::move(lines));

  std::vector<std::size_t> all(blocks.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  std::vector<std::size_t> order;
  layout.columns = 1;
  order_blocks(blocks, all, order, layout.columns);
  order = move_small_print(blocks, order);
  layout.prominent = prominent_text(blocks, order);

  for (const std::size_t i : order) {
    if (!layout.text.empty()) layout.text += "\n\n";
    for (std::size_t l = 0; l < blocks[i].lines.size(); ++l) {
      if (l > 0) layout.text.push_back('\n');
      layout.text += line_text(blocks[i].lines[l]);
    }
  }
  layout.confident = true;
  return layout;
}

}  // namespace cydex::ingest
