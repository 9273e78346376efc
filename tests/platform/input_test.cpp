// SDL events -> core input: each touch is handled once, as a finger, never again as the mouse.
#include <catch2/catch.hpp>

#include "platform/input.hpp"

using namespace kiosk;

TEST_CASE("SDL's mouse events synthesised from touches are dropped, the finger events remain") {
  SDL_Event finger{};
  finger.type = SDL_FINGERDOWN;
  finger.tfinger.fingerId = 7;
  finger.tfinger.x = 0.25f;
  finger.tfinger.y = 0.5f;
  const auto down = platform::translate_event(finger, 1000, 800, 12);
  REQUIRE(down);
  CHECK(down->kind == core::InputKind::pointer_down);
  CHECK(down->pointer == 7);
  CHECK(down->x == 250);
  CHECK(down->y == 400);
  CHECK(down->t_ms == 12);

  SDL_Event button{};
  button.type = SDL_MOUSEBUTTONDOWN;
  button.button.which = SDL_TOUCH_MOUSEID;
  button.button.button = SDL_BUTTON_LEFT;
  CHECK_FALSE(platform::translate_event(button, 1000, 800, 12));
  button.type = SDL_MOUSEBUTTONUP;
  CHECK_FALSE(platform::translate_event(button, 1000, 800, 12));
  SDL_Event motion{};
  motion.type = SDL_MOUSEMOTION;
  motion.motion.which = SDL_TOUCH_MOUSEID;
  CHECK_FALSE(platform::translate_event(motion, 1000, 800, 12));

  button.type = SDL_MOUSEBUTTONDOWN;
  button.button.which = 0;  // a real mouse
  button.button.x = 30;
  button.button.y = 40;
  const auto mouse = platform::translate_event(button, 1000, 800, 12);
  REQUIRE(mouse);
  CHECK(mouse->pointer == core::kMousePointer);
}
