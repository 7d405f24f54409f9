// Small text helpers shared by the stages.
#pragma once

#include <string>
#include <string_view>

namespace mosaic {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

std::string_view trim(std::string_view s);
std::string lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);

// Number of code points in a UTF-8 string (bytes that are not continuation bytes).
std::size_t code_points(std::string_view s);

// Whether the bytes are UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view s);
// The bytes with each invalid UTF-8 sequence replaced by U+FFFD (a file name, say).
std::string repair_utf8(std::string_view s);
// Whether the text holds a C0 control character other than tab, newline and carriage return, or DEL.
bool has_control(std::string_view s);

// A short, single-line excerpt for error messages.
std::string excerpt(std::string_view s, std::size_t max = 40);

// The Arabic definite article as place names are written in Latin letters,
// assimilated or not ("al", "el", "ad", "ash", "ez", ...), folded key.
bool arabic_article(std::string_view key);

}  // namespace mosaic
