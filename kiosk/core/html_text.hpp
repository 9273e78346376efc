#pragma once
// HTML from other timeline tools reduced to the plain paragraphs the kiosk shows.
#include <string>
#include <string_view>

namespace kiosk::core {

// Drops tags, turns <p>, <br> and <li> into line breaks, decodes character entities and collapses
// white space. "<p>Fish &amp; chips</p><p>Tea</p>" -> "Fish & chips\nTea".
std::string html_to_text(std::string_view html);

// Escapes &, < and > so plain text can be placed inside HTML.
std::string text_to_html(std::string_view text);

}  // namespace kiosk::core
