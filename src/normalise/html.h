// Markup left in scraped text.
#pragma once

#include <string>
#include <string_view>

namespace mosaic {

// True when the text holds something that looks like an HTML tag or entity.
bool has_markup(std::string_view s);

// Drops tags (block-level ones become line breaks) and the content of
// <script> and <style>; decodes character references (&amp; &#8217; &#x2019;).
std::string strip_markup(std::string_view s);

}  // namespace mosaic
