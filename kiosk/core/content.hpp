#pragma once
// The content model: what curators wrote in content/, validated and ready to lay out.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/color.hpp"
#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/local_text.hpp"

namespace kiosk::core {

struct Source {
  std::string title, publisher, url, accessed;
};

struct Media {
  std::string image;  // path relative to the images folder; "" for an online-only item
  std::string url;    // an online original (shown as "not available offline" without `image`)
  LocalText alt, caption;
  std::string credit, license;
};

struct Quote {
  LocalText text;
  std::string attribution;
};

struct Event {
  std::string id;  // stable slug, also the file name
  Date start;
  std::optional<Date> end;
  double t0 = 0, t1 = 0;  // decimal years: start of the start period, end of the end period
  LocalText display_date, headline, summary, body, solidarity;
  std::vector<std::string> themes, people, places;
  int importance = 3;  // 1 (shown first) .. 5
  std::vector<Media> media;
  std::optional<Quote> quote;
  std::vector<Source> sources;
  std::vector<std::string> related;
  std::map<std::string, std::vector<std::string>> questions;  // language -> questions
  std::string file;  // relative to the content folder, for diagnostics
};

struct Era {
  std::string id;
  LocalText title;
  Date start, end;
  double t0 = 0, t1 = 0;  // decimal years
  Rgba color;
  Media art;  // its illustration (shown on its button in the Eras chooser); art.image "" when none
};

struct Theme {
  std::string id;
  LocalText title;
  Rgba color;
};

struct Tour {
  std::string id;
  LocalText title, intro;
  std::vector<std::string> events;  // ordered event ids
};

// The attract loop shown to passers-by when nobody is using the kiosk.
struct AttractSettings {
  std::vector<std::string> highlights;  // event ids shown in turn; empty = the importance-1 events
  double seconds_per_event = 8;
  std::string image = "attract.png";  // artwork, relative to the images folder
};

// Colours of the screen itself; a museum may restyle the kiosk in timeline.json "style".
struct Style {
  Rgba background{0xF5, 0xEE, 0xDC, 255};
  Rgba ink{0x1B, 0x1B, 0x2F, 255};
  Rgba muted_ink{0x4A, 0x48, 0x5A, 255};
  Rgba card{0xFF, 0xFF, 0xFF, 255};
  Rgba accent{0xB0, 0x3A, 0x2E, 255};
  Rgba accent_ink{0xFF, 0xFF, 0xFF, 255};
};

// Light text on black for visitors who need at least 7:1 contrast.
inline Style high_contrast_default() {
  Style s;
  s.background = {0x00, 0x00, 0x00, 255};
  s.ink = {0xFF, 0xFF, 0xFF, 255};
  s.muted_ink = {0xF0, 0xF0, 0xF0, 255};
  s.card = {0x12, 0x12, 0x12, 255};
  s.accent = {0xFF, 0xD8, 0x4D, 255};
  s.accent_ink = {0x00, 0x00, 0x00, 255};
  return s;
}

// Lookups over a content's events, built once when it is read (Content::reindex) so that a frame
// touches only the events it shows and finding an event by id does not search them all.
class EventIndex {
 public:
  EventIndex() = default;
  explicit EventIndex(const std::vector<Event>& events);

  std::size_t size() const { return size_; }  // how many events it was built for
  int find(const std::string& id) const;      // the event's index, or -1

  // What placing event `i` on the axis reads, packed together so that a view of every event does
  // not walk the (large) events themselves. Copied when the index is built: reindex() after
  // editing an event's dates or importance.
  struct Span {
    double t0, t1;  // years, as Event::t0 and t1
    int importance;
  };
  const Span& span(int i) const { return spans_[static_cast<std::size_t>(i)]; }

  // Appends to `out` every event whose [t0, t1] meets [from, to] (t0 <= to and t1 >= from), in the
  // order of t0 then index; events whose t0 or t1 is not a number come first, as they may be anywhere.
  void overlapping(double from, double to, std::vector<int>& out) const;

 private:
  void collect(std::size_t node, std::size_t lo, std::size_t len, std::size_t end, double from, std::vector<int>& out) const;

  std::size_t size_ = 0;
  std::unordered_map<std::string, int> by_id_;
  // Events by start: t0 sorted, the event at each position, and over them a binary tree (node 1
  // the root, node k's children 2k and 2k + 1; leaves_ leaves) of the latest t1 below each node.
  std::vector<double> t0_;
  std::vector<int> order_;
  std::vector<double> max_t1_;
  std::size_t leaves_ = 0;
  std::vector<int> unordered_;  // events with a t0 or t1 that is not a number
  std::vector<Span> spans_;     // by event index
};

struct Content {
  LocalText title;
  std::string default_language = "en";
  std::vector<std::string> languages;  // offered to visitors; contains default_language
  std::vector<Era> eras;               // sorted by start
  std::vector<Theme> themes;
  std::vector<Tour> tours;             // guided tours, in the order offered
  AttractSettings attract;
  std::vector<Event> events;           // sorted by t0, then id
  Style style;
  Style high_contrast = high_contrast_default();  // timeline.json "style_high_contrast"
  Translations strings;                // UI strings per language
  std::filesystem::path content_root;  // the content folder
  std::filesystem::path images_root;   // where media paths point (content_root/../images)
  std::string version;  // a fingerprint of the content's files, set by whoever read them; "" if unknown

  double first_year() const;  // t0 of the earliest event or era; 1900 when there are none
  double last_year() const;   // t1 of the latest event or era; 2030 when there are none
  const Theme* theme(const std::string& id) const;
  int event_index(const std::string& id) const;  // -1 when absent
  const Tour* tour(const std::string& id) const;
  std::vector<std::string> attract_events() const;  // the highlights that exist, in order

  // Lookups over `events`. The loader builds them; whoever adds, removes or edits events by hand
  // calls reindex() afterwards. While they are missing (or were built for a different number of
  // events) the lookups fall back to searching every event, with the same results, only slower.
  EventIndex index;
  void reindex() { index = EventIndex(events); }
  bool indexed() const { return index.size() == events.size(); }

 private:
  int linear_index(const std::string& id) const;
};

}  // namespace kiosk::core
