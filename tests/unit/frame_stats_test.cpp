#include "core/frame_stats.hpp"

#include <catch2/catch.hpp>

using kiosk::core::FrameStats;

TEST_CASE("frame stats: median and worst of the last frames only") {
  FrameStats f(4);
  CHECK(f.count() == 0);
  CHECK(f.median_ms() == 0);
  CHECK(f.worst_ms() == 0);
  f.add(16);
  f.add(40);
  f.add(17);
  CHECK(f.count() == 3);
  CHECK(f.median_ms() == 17);
  CHECK(f.worst_ms() == 40);
  f.add(15);  // four frames: the median is between the middle two
  CHECK(f.median_ms() == Approx(16.5));
  f.add(16);  // the 40 ms frame is the oldest and falls out
  f.add(16);
  CHECK(f.count() == 4);
  CHECK(f.worst_ms() == 17);
  CHECK(f.median_ms() == 16);
}

TEST_CASE("median: the middle value, the mean of the two middle ones, 0 for none") {
  CHECK(kiosk::core::median({}) == 0);
  CHECK(kiosk::core::median({7}) == 7);
  CHECK(kiosk::core::median({9, 1, 5}) == 5);
  CHECK(kiosk::core::median({4, 1, 3, 2}) == 2.5);
}
