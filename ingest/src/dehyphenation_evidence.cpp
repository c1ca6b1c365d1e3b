// SPDX-License-Identifier: Apache-2.0
#include "dehyphenation_evidence.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>

#include "cydex/corpus/sha256.h"

namespace cydex::ingest {
namespace {

/// The file of each language in kWordListLanguages, in the same order.
constexpr std::array<std::string_view, 4> kFiles = {"american-english", "ngerman", "french", "spanish"};

/// Short words that are frequent in one language and rare in the others.
struct Markers {
  std::string_view language;
  std::array<std::string_view, 10> words;
};
constexpr std::array<Markers, 4> kMarkers = {{
    {"en", {"the", "and", "of", "to", "is", "that", "with", "for", "which", "are"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auch"}},
    {"fr", {"le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "sur"}},
    {"es", {"el", "los", "las", "y", "del", "es", "una", "para", "por", "con"}},
}};

bool is_ascii_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

}  // namespace

std::string fold_case(std::string_view word) {
  std::string out;
  if (std::all_of(word.begin(), word.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
    out.reserve(word.size());
    for (const char ch : word) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch | 0x20) : ch;
    return out;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
      .toLower()
      .toUTF8String(out);
  return out;
}

std::string guess_language(std::string_view text, const LanguageGuessOptions& options) {
  text = text.substr(0, 64 * 1024);
  std::array<std::size_t, kMarkers.size()> hits{};
  std::array<std::array<bool, 10>, kMarkers.size()> seen{};
  std::size_t words = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && !is_ascii_letter(text[start])) ++start;
    std::size_t end = start;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    // Only whole ASCII words: "für" must not count as "f".
    const bool whole = end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80;
    if (end > start) ++words;
    if (end > start && end - start <= 5 && whole) {
      std::string word(text.substr(start, end - start));
      for (char& ch : word) ch = static_cast<char>(ch | 0x20);
      for (std::size_t m = 0; m < kMarkers.size(); ++m) {
        const auto at = std::find(kMarkers[m].words.begin(), kMarkers[m].words.end(), word);
        if (at != kMarkers[m].words.end()) {
          ++hits[m];
          seen[m][static_cast<std::size_t>(at - kMarkers[m].words.begin())] = true;
        }
      }
    }
    start = end + 1;
  }
  const auto best = std::max_element(hits.begin(), hits.end());
  std::size_t second = 0;
  for (auto it = hits.begin(); it != hits.end(); ++it) {
    if (it != best) second = std::max(second, *it);
  }
  // Clear evidence: a few markers, twice as many as any other language's,
  // and in running text several different ones making up a good share of
  // the words (in Setswana "le" is frequent, but it is not French).
  const auto index = static_cast<std::size_t>(best - hits.begin());
  if (*best < options.min_markers || *best < 2 * second) return {};
  const auto distinct = static_cast<std::size_t>(std::count(seen[index].begin(), seen[index].end(), true));
  const bool running_text = options.min_markers >= 3;
  if (running_text && (distinct < 3 || *best * 25 < words)) return {};
  return std::string(kMarkers[index].language);
}


namespace {

/// FNV-1a: the words are short, and the table needs spread, not strength.
std::uint64_t hash_word(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char ch : word) {
    hash ^= static_cast<unsigned char>(ch);
    hash *= 1099511628211ULL;
  }
  return hash ^ (hash >> 29);
}

/// Lower-cases the lines of a word list: ASCII lines in place, and only
/// lines with other letters through ICU.
std::string fold_lines(std::string text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    bool ascii = true;
    for (const char ch : line) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii) {
      const std::size_t at = out.size();
      out.append(line);
      for (std::size_t i = at; i < out.size(); ++i) {
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] | 0x20);
      }
    } else {
      out += fold_case(line);
    }
    out += '\n';
    start = end + 1;
  }
  return out;
}

/// What identifies the version of a list file a cache was built from.
struct SourceStamp {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

std::optional<SourceStamp> stamp_of(const std::filesystem::path& source) {
  struct stat info {};
  if (::stat(source.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return SourceStamp{static_cast<std::uint64_t>(info.st_size),
                     static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
}

/// The cache file's header; the folded words follow, padded to 8 bytes,
/// then the slots. Native byte order: the cache never leaves the machine.
struct CacheHeader {
  std::array<char, 8> magic{};
  std::uint64_t source_size = 0;
  std::int64_t source_mtime_ns = 0;
  std::uint64_t words_size = 0;
  std::uint64_t slot_count = 0;
  std::uint64_t count = 0;
};
constexpr std::array<char, 8> kCacheMagic = {'C', 'Y', 'D', 'X', 'W', 'L', '0', '1'};

std::uint64_t padded(std::uint64_t size) { return (size + 7) / 8 * 8; }

std::filesystem::path cache_file(const std::filesystem::path& cache, const std::filesystem::path& source) {
  return cache / ("wordlist-" + source.filename().string() + "-" +
                  corpus::sha256_hex(std::filesystem::absolute(source).string()).substr(0, 12) + ".bin");
}

/// Maps a cache file that matches the source; false when there is none, it
/// is stale, or it does not add up (then the list is built anew).
bool map_cache(const std::filesystem::path& file, const SourceStamp& stamp, auto& list) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  CacheHeader header;
  const bool readable = ::fstat(fd, &info) == 0 &&
                        ::pread(fd, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
  const auto file_size = static_cast<std::uint64_t>(info.st_size);
  const bool valid = readable && header.magic == kCacheMagic && header.source_size == stamp.size &&
                     header.source_mtime_ns == stamp.mtime_ns && header.slot_count > 0 &&
                     std::has_single_bit(header.slot_count) && header.slot_count < (std::uint64_t{1} << 32) &&
                     header.words_size < (std::uint64_t{1} << 32) && header.count <= header.slot_count &&
                     file_size == sizeof header + padded(header.words_size) + header.slot_count * 8;
  if (!valid) {
    ::close(fd);
    return false;
  }
  void* base = ::mmap(nullptr, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return false;
  list.mapping = std::shared_ptr<const void>(base, [file_size](const void* at) {
    ::munmap(const_cast<void*>(at), file_size);
  });
  const char* bytes = static_cast<const char*>(base);
  list.words = std::string_view(bytes + sizeof header, header.words_size);
  list.slots = std::span<const std::uint64_t>(
      reinterpret_cast<const std::uint64_t*>(bytes + sizeof header + padded(header.words_size)), header.slot_count);
  list.count = header.count;
  return true;
}

/// Writes the cache file whole (a temporary file renamed into place), so a
/// concurrent reader sees the old file, the new one, or none. Failure to
/// write costs only the next process the time to build the list again.
void write_cache(const std::filesystem::path& file, const SourceStamp& stamp, const auto& list) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) return;
  const std::filesystem::path temporary = file.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return;
    CacheHeader header;
    header.magic = kCacheMagic;
    header.source_size = stamp.size;
    header.source_mtime_ns = stamp.mtime_ns;
    header.words_size = list.words.size();
    header.slot_count = list.slots.size();
    header.count = list.count;
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(list.words.data(), static_cast<std::streamsize>(list.words.size()));
    const std::array<char, 8> zeros{};
    out.write(zeros.data(), static_cast<std::streamsize>(padded(list.words.size()) - list.words.size()));
    out.write(reinterpret_cast<const char*>(list.slots.data()), static_cast<std::streamsize>(list.slots.size_bytes()));
    if (!out.flush()) {
      out.close();
      std::filesystem::remove(temporary, ec);
      return;
    }
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) std::filesystem::remove(temporary, ec);
}

std::filesystem::path default_cache_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::filesystem::path(xdg) / "cydex";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/') {
    return std::filesystem::path(home) / ".cache" / "cydex";
  }
  return {};
}

}  // namespace

WordLists::WordLists(std::filesystem::path folder, std::filesystem::path cache)
    : folder_(std::move(folder)), cache_(std::move(cache)) {}

const WordLists& WordLists::system() {
  static const WordLists lists("/usr/share/dict", default_cache_folder());
  return lists;
}

void WordLists::List::insert(std::uint32_t offset, std::uint32_t length) {
  const std::string_view word = std::string_view(owned_words).substr(offset, length);
  const std::size_t mask = owned_slots.size() - 1;
  for (std::size_t at = hash_word(word) & mask;; at = (at + 1) & mask) {
    const std::uint64_t slot = owned_slots[at];
    if (slot == 0) {
      owned_slots[at] = (static_cast<std::uint64_t>(offset) << 32) | length;
      ++count;
      return;
    }
    if (std::string_view(owned_words).substr(slot >> 32, slot & 0xFFFFFFFFU) == word) return;
  }
}

bool WordLists::List::contains(std::string_view word) const {
  if (slots.empty()) return false;
  const std::size_t mask = slots.size() - 1;
  // Bounded and checked: a cache file is input like any other.
  for (std::size_t probes = 0, at = hash_word(word) & mask; probes < slots.size(); ++probes, at = (at + 1) & mask) {
    const std::uint64_t slot = slots[at];
    if (slot == 0) return false;
    const std::uint64_t offset = slot >> 32;
    const std::uint64_t length = slot & 0xFFFFFFFFU;
    if (length == word.size() && offset + length <= words.size() && words.substr(offset, length) == word) return true;
  }
  return false;
}

void WordLists::build(List& list, const std::filesystem::path& source) const {
  std::ifstream in(source, std::ios::binary);
  if (!in) return;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (content.size() >= (std::size_t{1} << 31)) return;  // Not a word list.
  list.owned_words = fold_lines(std::move(content));
  const auto lines = static_cast<std::size_t>(std::count(list.owned_words.begin(), list.owned_words.end(), '\n'));
  // At most half full, so that a miss ends after a probe or two.
  list.owned_slots.assign(std::bit_ceil(2 * lines + 2), 0);
  std::vector<std::uint64_t> words;  // offset << 32 | length, in file order.
  words.reserve(lines);
  std::size_t start = 0;
  while (start < list.owned_words.size()) {
    std::size_t end = list.owned_words.find('\n', start);
    if (end == std::string::npos) end = list.owned_words.size();
    const std::string_view word = std::string_view(list.owned_words).substr(start, end - start);
    // Possessives ("diplomat's") add nothing to the question of a split.
    // Offset 0 with length 0 would read as an empty slot: words are never empty.
    if (!word.empty() && word.find('\'') == std::string_view::npos) {
      words.push_back((static_cast<std::uint64_t>(start) << 32) | word.size());
    }
    start = end + 1;
  }
  // The table is larger than the caches: ask for each word's slot a few
  // words ahead, so that the misses overlap instead of queueing.
  constexpr std::size_t kAhead = 8;
  const std::size_t mask = list.owned_slots.size() - 1;
  const auto slot_of = [&](std::uint64_t word) {
    return hash_word(std::string_view(list.owned_words).substr(word >> 32, word & 0xFFFFFFFFU)) & mask;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + kAhead < words.size()) __builtin_prefetch(&list.owned_slots[slot_of(words[i + kAhead])], 1);
    list.insert(static_cast<std::uint32_t>(words[i] >> 32), static_cast<std::uint32_t>(words[i] & 0xFFFFFFFFU));
  }
  list.words = list.owned_words;
  list.slots = list.owned_slots;
}

const WordLists::List* WordLists::list_for(std::string_view language) const {
  const auto at = std::find(kWordListLanguages.begin(), kWordListLanguages.end(), language);
  if (at == kWordListLanguages.end()) return nullptr;
  const auto index = static_cast<std::size_t>(at - kWordListLanguages.begin());
  List& list = lists_[index];
  std::call_once(list.loaded, [&] {
    const std::filesystem::path source = folder_ / kFiles[index];
    const std::optional<SourceStamp> stamp = stamp_of(source);
    if (!stamp) return;
    const std::filesystem::path cached = cache_.empty() ? std::filesystem::path() : cache_file(cache_, source);
    if (!cached.empty() && map_cache(cached, *stamp, list)) return;
    build(list, source);
    if (!cached.empty() && list.count > 0) write_cache(cached, *stamp, list);
  });
  return &list;
}

bool WordLists::contains(std::string_view language, std::string_view word) const {
  const List* list = list_for(language);
  if (list == nullptr || word.empty()) return false;
  return list->contains(fold_case(word));
}

void WordLists::preload() const {
  for (const std::string_view language : kWordListLanguages) (void)list_for(language);
}

bool WordLists::available(std::string_view language) const {
  const List* list = list_for(language);
  return list != nullptr && list->count > 0;
}

}  // namespace cydex::ingest
