// Keeps content/schema/*.json and the loader in agreement: every property the schema lists is
// required exactly when the loader requires it, and a value of the wrong type is refused by both.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/loader.hpp"

using namespace kiosk::core;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json read(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

const fs::path kSchemas = fs::path(FIXTURES_DIR) / "../../content/schema";

// A value that breaks the schema's type for `property` (following local $refs).
json wrong_value(const json& schema, const json& property) {
  json p = property;
  if (p.contains("$ref")) {
    const std::string ref = p["$ref"].get<std::string>();
    p = ref.starts_with("#/$defs/") ? schema["$defs"][ref.substr(8)] : schema["properties"][ref.substr(13)];
  }
  if (p.contains("oneOf")) return 42;  // texts and question lists are strings, objects or arrays
  const std::string type = p.value("type", "");
  if (type == "string") return p.contains("pattern") ? json("not valid here") : json(42);
  if (type == "integer") return "three";
  if (type == "array") return "not a list";
  if (type == "object") return json::array();
  return nullptr;
}

// Loads the good fixture with `file` (relative to content/) replaced by `doc`; the diagnostics
// about that file.
std::vector<Diagnostic> load_with(const std::string& file, const json& doc) {
  const fs::path dir = fs::temp_directory_path() / ("kiosk-schema-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(fs::path(FIXTURES_DIR) / "good", dir, fs::copy_options::recursive);
  std::ofstream(dir / "content" / file) << doc.dump(2);
  const LoadResult r = load_content(dir / "content");
  std::vector<Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.file == file && d.severity == Severity::error) out.push_back(d);
  fs::remove_all(dir);
  return out;
}

bool has_error_at(const std::vector<Diagnostic>& ds, const std::string& pointer) {
  for (const auto& d : ds)
    if (d.pointer == pointer || d.pointer.starts_with(pointer + "/") || (pointer.empty() && d.pointer.empty())) return true;
  return false;
}

void check_agreement(const std::string& schema_file, const std::string& content_file, const json& complete) {
  const json schema = read(kSchemas / schema_file);
  REQUIRE(load_with(content_file, complete).empty());
  const json required = schema["required"];
  for (const auto& [name, property] : schema["properties"].items()) {
    if (name == "$schema") continue;
    INFO(schema_file << ": " << name);
    REQUIRE(complete.contains(name));  // the test's complete document exercises every property
    json missing = complete;
    missing.erase(name);
    const bool is_required = std::find(required.begin(), required.end(), name) != required.end();
    CHECK(!load_with(content_file, missing).empty() == is_required);
    json wrong = complete;
    wrong[name] = wrong_value(schema, property);
    CHECK(has_error_at(load_with(content_file, wrong), "/" + name));
  }
}

}  // namespace

TEST_CASE("the event schema and the loader agree on required fields and types") {
  const json event = {
      {"$schema", "../schema/event.schema.json"},
      {"id", "strike"},
      {"start_date", "1965-09-08"},
      {"end_date", "1970-07-29"},
      {"display_date", "1965-1970"},
      {"headline", {{"en", "A headline"}, {"es", "Un titular"}}},
      {"summary", {{"en", "A summary."}, {"es", "Un resumen."}}},
      {"body", "A body."},
      {"solidarity", "What the solidarity was."},
      {"themes", {"labor"}},
      {"people", {"Larry Itliong"}},
      {"places", {"Delano"}},
      {"importance", 1},
      {"media", {{{"image", "pic.png"}, {"alt", "A picture"}, {"caption", "Caption"}, {"credit", "Credit"}, {"license", "CC BY 4.0"}}}},
      {"quote", {{"text", "Words"}, {"attribution", "Someone"}}},
      {"sources", {{{"title", "A source"}, {"publisher", "P"}, {"url", "http://example.org"}, {"accessed", "2026-11-28"}}}},
      {"related", {"founding"}},
      {"questions", {"Why?"}},
  };
  check_agreement("event.schema.json", "events/strike.json", event);
  json out_of_range = event;
  out_of_range["importance"] = 6;
  CHECK(has_error_at(load_with("events/strike.json", out_of_range), "/importance"));
}

TEST_CASE("the timeline schema and the loader agree on required fields and types") {
  const json timeline = {
      {"$schema", "schema/timeline.schema.json"},
      {"title", {{"en", "Fixture timeline"}, {"es", "Cronología de prueba"}}},
      {"default_language", "en"},
      {"languages", {"en", "es"}},
      {"eras", {{{"id", "early"}, {"title", {{"en", "Early"}, {"es", "Temprano"}}}, {"start", "1900"}, {"end", "1949"}, {"color", "#F3E9D2"}}}},
      {"themes", {{{"id", "labor"}, {"title", {{"en", "Workers"}, {"es", "Trabajadores"}}}, {"color", "#B03A2E"}}}},
      {"style", {{"background", "#F5EEDC"}}},
      {"style_high_contrast", {{"background", "#000000"}}},
      {"tours", {{{"id", "t"}, {"title", {{"en", "Tour"}, {"es", "Recorrido"}}}, {"intro", "Intro"}, {"events", {"founding"}}}}},
      {"attract", {{"highlights", {"founding"}}, {"seconds_per_event", 8}}},
  };
  check_agreement("timeline.schema.json", "timeline.json", timeline);
}
