#include <catch2/catch.hpp>

#include "core/session.hpp"

using namespace kiosk::core;

TEST_CASE("sessions scale normalised positions to the window") {
  const std::string text =
      "{\"t_ms\":0,\"type\":\"finger_down\",\"id\":1,\"x\":0.5,\"y\":0.25}\n"
      "\n"
      "{\"t_ms\":40,\"type\":\"mouse_down\",\"button\":\"left\",\"x\":0.1,\"y\":0.2}\n"
      "{\"t_ms\":80,\"type\":\"wheel\",\"x\":0.5,\"y\":0.5,\"dy\":1}\n"
      "{\"t_ms\":90,\"type\":\"key\",\"key\":\"Right\",\"mods\":[\"ctrl\"]}\n"
      "{\"t_ms\":95,\"type\":\"quit\"}\n"
      "{\"t_ms\":90000,\"type\":\"wait\"}";
  std::vector<InputEvent> events;
  SessionError err;
  REQUIRE(parse_session(text, 1920, 1080, &events, &err));
  REQUIRE(events.size() == 6);
  CHECK(events[0].kind == InputKind::pointer_down);
  CHECK(events[0].x == 960);
  CHECK(events[0].y == 270);
  CHECK(events[1].pointer == kMousePointer);
  CHECK(events[2].wheel_dy == 1);
  CHECK(events[3].key == "Right");
  CHECK(events[3].mods == std::vector<std::string>{"ctrl"});
  CHECK(events[4].kind == InputKind::quit);
  CHECK(events[5].t_ms == 90000);
}

TEST_CASE("a bad session line is reported with its number") {
  std::vector<InputEvent> events;
  SessionError err;
  CHECK_FALSE(parse_session("{\"t_ms\":0,\"type\":\"wait\"}\n{\"t_ms\":5,\"type\":\"finger_down\",\"id\":1,\"x\":2,\"y\":0}\n",
                            100, 100, &events, &err));
  CHECK(err.line == 2);
  CHECK(err.message == "\"x\" and \"y\" must be between 0 and 1");
  CHECK_FALSE(parse_session("not json", 100, 100, &events, &err));
  CHECK(err.line == 1);
  CHECK_FALSE(parse_session("{\"t_ms\":5,\"type\":\"wait\"}\n{\"t_ms\":1,\"type\":\"wait\"}", 100, 100, &events, &err));
  CHECK(err.message.find("back in time") != std::string::npos);
  CHECK_FALSE(parse_session("{\"t_ms\":5,\"type\":\"teleport\"}", 100, 100, &events, &err));
  CHECK(err.message == "unknown type \"teleport\"");
}
