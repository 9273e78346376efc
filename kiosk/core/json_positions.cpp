#include "core/json_positions.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace kiosk::core {

using nlohmann::json;

namespace {

// Input iterator that publishes how many bytes the parser has read so far.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* at = nullptr;
  const char* base = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    *consumed = static_cast<std::size_t>(at - base);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const { return at == other.at; }
  bool operator!=(const CountingIterator& other) const { return at != other.at; }
};

std::size_t skip_separators(std::string_view text, std::size_t from, std::string_view separators) {
  while (from < text.size()) {
    const char c = text[from];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || separators.find(c) != std::string_view::npos)
      ++from;
    else
      break;
  }
  return from;
}

// Where the token that ends at byte `end` of `text` starts. nlohmann shows a control character
// in `token` as "<U+0000>", eight characters for one byte, so the two are walked back together.
std::size_t token_start(std::string_view text, std::size_t end, std::string_view token) {
  std::size_t at = std::min(end, text.size());
  std::size_t t = token.size();
  while (t > 0 && at > 0) {
    const auto byte = static_cast<unsigned char>(text[at - 1]);
    if (byte < 0x20 && t >= 8 && token.substr(t - 8, 5) == "<U+00" && token[t - 1] == '>')
      t -= 8;
    else
      --t;
    --at;
  }
  return at;
}

// Builds the DOM through nlohmann's own SAX DOM builder and records where each value starts.
class PositionRecorder final : public nlohmann::json_sax<json> {
 public:
  PositionRecorder(json& root, std::string_view text, const std::size_t& consumed, std::size_t max_depth)
      : dom_(root, false),
        text_(text),
        consumed_(consumed),
        max_depth_(max_depth),
        pointer_budget_(8 * text.size() + 64 * 1024) {}

  std::map<std::string, std::size_t> offsets;
  bool depth_exceeded = false;
  std::size_t depth_offset = 0;
  bool syntax_error = false;
  std::size_t error_offset = 0;
  std::string error_message;

  bool null() override { return value_done(dom_.null()); }
  bool boolean(bool v) override { return value_done(dom_.boolean(v)); }
  bool number_integer(number_integer_t v) override { return value_done(dom_.number_integer(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value_done(dom_.number_unsigned(v)); }
  bool number_float(number_float_t v, const string_t& s) override { return value_done(dom_.number_float(v, s)); }
  bool string(string_t& v) override { return value_done(dom_.string(v)); }
  bool binary(binary_t& v) override { return value_done(dom_.binary(v)); }

  bool start_object(std::size_t n) override { return open(false) && dom_.start_object(n) && done(); }
  bool start_array(std::size_t n) override { return open(true) && dom_.start_array(n) && done(); }
  bool end_object() override { return close() && dom_.end_object(); }
  bool end_array() override { return close() && dom_.end_array(); }

  bool key(string_t& k) override {
    stack_.back().key = k;
    key_end_ = consumed_;
    return dom_.key(k) && done();
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) override {
    syntax_error = true;
    // `position` is just past the offending token; point at its first byte instead.
    error_offset = token_start(text_, position, last_token);
    error_message = ex.what();
    return false;
  }

 private:
  struct Container {
    std::string pointer;
    bool is_array = false;
    std::size_t next_index = 0;
    std::string key;
    bool recorded = true;  // false past the pointer budget: its children are not recorded either
  };

  // Records the pointer and start offset of the value that the parser has just met. Pointers are
  // copies of their parent's, so long names nested deep over many values would cost memory
  // quadratic in the file size: past `pointer_budget_` bytes, values go unrecorded and report
  // the position of their nearest recorded ancestor.
  std::string record() {
    std::string pointer;
    last_recorded_ = false;
    if (stack_.empty()) {
      offsets.emplace(pointer, skip_separators(text_, 0, ""));
      last_recorded_ = true;
      return pointer;
    }
    Container& parent = stack_.back();
    const std::string index = parent.is_array ? std::to_string(parent.next_index++) : std::string();
    const std::string& token = parent.is_array ? index : parent.key;
    if (!parent.recorded || pointer_bytes_ + parent.pointer.size() + 1 + token.size() > pointer_budget_) return {};
    pointer = parent.pointer + "/" + (parent.is_array ? index : pointer_token(token));
    const std::size_t start =
        parent.is_array ? skip_separators(text_, prev_end_, "[,") : skip_separators(text_, key_end_, ":");
    pointer_bytes_ += pointer.size();
    offsets.emplace(pointer, start);
    last_recorded_ = true;
    return pointer;
  }

  bool value_done(bool ok) {
    record();
    return ok && done();
  }

  bool open(bool is_array) {
    const std::size_t start_guess = consumed_;
    std::string pointer = record();
    if (stack_.size() >= max_depth_) {
      depth_exceeded = true;
      depth_offset = start_guess > 0 ? start_guess - 1 : 0;
      return false;
    }
    stack_.push_back(Container{std::move(pointer), is_array, 0, {}, last_recorded_});
    return true;
  }

  bool close() {
    if (!stack_.empty()) stack_.pop_back();
    return done();
  }

  bool done() {
    prev_end_ = consumed_;
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::string_view text_;
  const std::size_t& consumed_;
  std::size_t max_depth_;
  std::size_t pointer_budget_;  // bytes of recorded pointers at most
  std::size_t pointer_bytes_ = 0;
  bool last_recorded_ = false;  // whether record() stored the value it met last
  std::vector<Container> stack_;
  std::size_t prev_end_ = 0;
  std::size_t key_end_ = 0;
};

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 3, column 5: ";
// the common mistakes get a sentence a curator can act on.
std::string plain_parse_message(const std::string& what) {
  const auto has = [&](const char* s) { return what.find(s) != std::string::npos; };
  if (has("ill-formed UTF-8"))
    return "the file is not valid UTF-8 text here (perhaps saved as Latin-1 or Windows-1252); save it as UTF-8 in your editor";
  if (has("must be escaped") && (has("U+000A") || has("U+000D")))
    return "a text in quotes runs on to the next line: add its closing quote \" (or write a line break as \\n)";
  if (has("must be escaped")) {
    const auto at = what.find("U+00");
    const std::string code = at == std::string::npos ? std::string("control") : what.substr(at, 6);
    return "a text in quotes holds an invisible control character (" + code + (code == "U+0000" ? ", a NUL byte" : "") +
           "); delete it, or copy the text into a plain-text editor and save again";
  }
  if (has("surrogate U+"))
    return "a \\u escape names half of a character (a lone UTF-16 surrogate); write the character itself instead of "
           "\\u codes";
  if (has("unexpected end of input"))
    return "the file ends too early: a closing } or ] or quote is missing (was it saved completely?)";
  if (has("expected '}'") && has("unexpected string literal"))
    return "a comma is missing before this entry";
  if (has("expected ']'") && !has("unexpected ']'"))
    return "a comma or a closing ] is missing before this place";
  if (has("unexpected '}'") || has("unexpected ']'"))
    return "there is a comma before this closing bracket, or a value is missing; remove the extra comma";
  if (has("expected ':'")) return "a colon : is missing after this name";
  std::string message = what;
  if (auto colon = message.find(": "); colon != std::string::npos && message.starts_with("[json"))
    message = message.substr(colon + 2);
  return "this is not valid JSON (" + message + "); look for a missing comma, quote or bracket at or just before this place";
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

TextPosition position_at(std::string_view text, std::size_t offset) {
  TextPosition p{1, 1};
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

TextPosition PositionedJson::position_of(std::string_view pointer, std::string_view text) const {
  std::string p(pointer);
  while (true) {
    if (auto it = offsets.find(p); it != offsets.end()) return position_at(text, it->second);
    if (p.empty()) return TextPosition{1, 1};
    p.erase(p.rfind('/'));
  }
}

std::optional<PositionedJson> parse_positioned_json(std::string_view text, std::size_t max_depth,
                                                    JsonError* error) {
  PositionedJson result;
  std::size_t consumed = 0;
  PositionRecorder recorder(result.value, text, consumed, max_depth);
  CountingIterator first{text.data(), text.data(), &consumed};
  CountingIterator last{text.data() + text.size(), text.data(), &consumed};
  bool ok = false;
  try {
    ok = json::sax_parse(first, last, &recorder);
  } catch (const std::exception& ex) {  // nlohmann documents none here; stay safe anyway
    recorder.syntax_error = true;
    recorder.error_offset = consumed;
    recorder.error_message = ex.what();
  }
  if (ok && !recorder.depth_exceeded && !recorder.syntax_error) {
    result.offsets = std::move(recorder.offsets);
    return result;
  }
  if (error) {
    if (recorder.depth_exceeded) {
      error->position = position_at(text, recorder.depth_offset);
      error->message = "objects and lists are nested more than " + std::to_string(max_depth) +
                       " levels deep here; the content format never needs that, so check the brackets";
    } else {
      error->position = position_at(text, recorder.error_offset);
      error->message = plain_parse_message(recorder.error_message);
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::core
