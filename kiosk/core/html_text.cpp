#include "core/html_text.hpp"

#include <cstdint>

namespace kiosk::core {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The character an entity name stands for (the ones timeline authors actually use), or 0.
std::uint32_t named_entity(std::string_view name) {
  struct Entity {
    const char* name;
    std::uint32_t cp;
  };
  static constexpr Entity kEntities[] = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
      {"nbsp", 0xA0},     {"mdash", 0x2014},  {"ndash", 0x2013},  {"hellip", 0x2026}, {"lsquo", 0x2018},
      {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"copy", 0xA9},     {"reg", 0xAE},
      {"eacute", 0xE9},   {"egrave", 0xE8},   {"aacute", 0xE1},   {"agrave", 0xE0},   {"iacute", 0xED},
      {"oacute", 0xF3},   {"uacute", 0xFA},   {"ntilde", 0xF1},   {"ccedil", 0xE7},   {"uuml", 0xFC},
      {"ouml", 0xF6},     {"auml", 0xE4},     {"szlig", 0xDF},    {"deg", 0xB0},      {"middot", 0xB7},
      {"bull", 0x2022},   {"laquo", 0xAB},    {"raquo", 0xBB},    {"times", 0xD7},    {"eacute", 0xE9},
  };
  for (const Entity& e : kEntities)
    if (name == e.name) return e.cp;
  return 0;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::string html_to_text(std::string_view html) {
  std::string raw;  // tags removed, entities decoded, block breaks as '\n'
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;  // an unterminated tag: drop the rest
      std::string_view tag = html.substr(i + 1, close - i - 1);
      while (!tag.empty() && (tag.front() == '/' || is_space(tag.front()))) tag.remove_prefix(1);
      std::string name;
      for (char t : tag) {
        if (!std::isalnum(static_cast<unsigned char>(t))) break;
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(t)));
      }
      if (name == "p" || name == "br" || name == "li" || name == "div" || name == "h1" || name == "h2" ||
          name == "h3" || name == "blockquote" || name == "ul" || name == "ol")
        raw += '\x01';  // a paragraph break; line breaks in the source are only spaces
      i = close + 1;
    } else if (c == '&') {
      const std::size_t semi = html.find(';', i);
      std::uint32_t cp = 0;
      if (semi != std::string_view::npos && semi - i <= 10) {
        const std::string_view entity = html.substr(i + 1, semi - i - 1);
        if (entity.size() > 1 && entity[0] == '#') {
          try {
            cp = (entity[1] == 'x' || entity[1] == 'X')
                     ? static_cast<std::uint32_t>(std::stoul(std::string(entity.substr(2)), nullptr, 16))
                     : static_cast<std::uint32_t>(std::stoul(std::string(entity.substr(1))));
          } catch (...) {
            cp = 0;
          }
        } else {
          cp = named_entity(entity);
        }
      }
      if (cp != 0) {
        append_utf8(raw, cp == 0xA0 ? ' ' : cp);
        i = semi + 1;
      } else {
        raw += '&';
        ++i;
      }
    } else {
      raw += c;
      ++i;
    }
  }
  // Collapse runs of white space; keep single line breaks between paragraphs.
  std::string out;
  bool pending_space = false, pending_break = false;
  for (char c : raw) {
    if (c == '\x01') {
      pending_break = !out.empty();
    } else if (is_space(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_break) out += '\n';
      else if (pending_space) out += ' ';
      pending_break = pending_space = false;
      out += c;
    }
  }
  return out;
}

std::string text_to_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace kiosk::core
