#include "normalise/html.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "util/text.h"

namespace mosaic {
namespace {

struct Entity {
  std::string_view name, utf8;
};

// The references that occur in news copy; rarer ones pass through untouched.
constexpr std::array<Entity, 32> kEntities = {{
    {"amp", "&"},       {"lt", "<"},         {"gt", ">"},        {"quot", "\""},     {"apos", "'"},
    {"nbsp", "\u00A0"}, {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"},
    {"ldquo", "\u201C"}, {"rdquo", "\u201D"}, {"sbquo", "\u201A"}, {"bdquo", "\u201E"}, {"hellip", "\u2026"},
    {"copy", "\u00A9"}, {"reg", "\u00AE"},   {"trade", "\u2122"}, {"deg", "\u00B0"},  {"middot", "\u00B7"},
    {"bull", "\u2022"}, {"laquo", "\u00AB"}, {"raquo", "\u00BB"}, {"eacute", "\u00E9"}, {"egrave", "\u00E8"},
    {"aacute", "\u00E1"}, {"iacute", "\u00ED"}, {"oacute", "\u00F3"}, {"uacute", "\u00FA"}, {"uuml", "\u00FC"},
    {"ouml", "\u00F6"}, {"shy", "\u00AD"},
}};

constexpr std::array<std::string_view, 14> kBlockTags = {"p", "br", "div", "li", "ul", "ol", "h1", "h2",
                                                         "h3", "h4", "tr", "table", "blockquote", "section"};

bool tag_start(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size() || s[i] != '<') return false;
  const char c = s[i + 1];
  return is_ascii_alpha(c) || c == '/' || c == '!';
}

std::string tag_name(std::string_view tag) {  // tag without '<' '>'
  std::size_t i = tag.starts_with('/') ? 1 : 0;
  std::size_t j = i;
  while (j < tag.size() && (is_ascii_alpha(tag[j]) || is_ascii_digit(tag[j]))) ++j;
  return lower_ascii(tag.substr(i, j - i));
}

void append_code_point(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(cp), err);
  if (!err) out.append(buf, static_cast<std::size_t>(n));
}

// Decodes the reference at s[i] == '&'; returns bytes consumed, 0 if none.
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
  // Only the next few bytes are looked at: a search to the end for every '&'
  // was quadratic in a text of ampersands.
  const auto semi = s.substr(0, std::min(s.size(), i + 11)).find(';', i);
  if (semi == std::string_view::npos) return 0;
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body.starts_with('#')) {
    uint32_t cp = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec != std::errc() || p != digits.data() + digits.size() || digits.empty()) return 0;
    append_code_point(out, cp);
    return semi - i + 1;
  }
  for (const auto& e : kEntities) {
    if (e.name == body) {
      out += e.utf8;
      return semi - i + 1;
    }
  }
  return 0;
}

// Where "</name" (any case) starts at or after `from`, or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t at = s.find("</", from); at != std::string_view::npos; at = s.find("</", at + 2))
    if (iequals(s.substr(at + 2, name.size()), name)) return at;
  return std::string_view::npos;
}

}  // namespace

bool has_markup(std::string_view s) {
  for (std::size_t i = s.find_first_of("<&"); i != std::string_view::npos; i = s.find_first_of("<&", i + 1)) {
    if (s[i] == '&' || tag_start(s, i)) return true;
  }
  return false;
}

std::string strip_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Every search only moves forward, so that the whole is linear: the next
  // '>' is remembered (when there is none, no '<' after closes either), and
  // the end of a script is sought from where it starts, in place.
  std::size_t close = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '&') {
      if (const std::size_t n = decode_reference(s, i, out)) {
        i += n;
        continue;
      }
    } else if (tag_start(s, i)) {
      if (close != std::string_view::npos && close <= i) close = s.find('>', i);
      if (close != std::string_view::npos) {
        const std::string name = tag_name(s.substr(i + 1, close - i - 1));
        std::size_t next = close + 1;
        if ((name == "script" || name == "style") && s[i + 1] != '/') {
          const auto end = find_end_tag(s, next, name);
          const auto end_close = end == std::string_view::npos ? end : s.find('>', end);
          next = end_close == std::string_view::npos ? s.size() : end_close + 1;
        }
        if (std::find(kBlockTags.begin(), kBlockTags.end(), name) != kBlockTags.end()) out += '\n';
        i = next;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace mosaic
