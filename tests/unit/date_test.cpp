#include <catch2/catch.hpp>

#include "core/date.hpp"
#include "core/i18n.hpp"

using namespace kiosk::core;

TEST_CASE("dates parse at year, month and day precision") {
  std::string err;
  CHECK(parse_date("1965", &err) == Date{1965, 0, 0, false});
  CHECK(parse_date("1965-09", &err) == Date{1965, 9, 0, false});
  CHECK(parse_date("1965-09-08", &err) == Date{1965, 9, 8, false});
  CHECK(parse_date("c. 1920", &err) == Date{1920, 0, 0, true});
  CHECK(parse_date("-500", &err) == Date{-500, 0, 0, false});
  CHECK(parse_date("2000-02-29", &err) == Date{2000, 2, 29, false});
  CHECK(parse_date("-13800000000", &err) == Date{-13800000000, 0, 0, false});
}

TEST_CASE("impossible dates are refused with a plain reason") {
  std::string err;
  CHECK_FALSE(parse_date("1965-13", &err));
  CHECK(err == "\"1965-13\": 13 is not a month (1-12)");
  CHECK_FALSE(parse_date("1900-02-29", &err));
  CHECK(err == "\"1900-02-29\": day 29 does not exist in that month (1-28)");
  CHECK(parse_date("1965-9", &err) == Date{1965, 9, 0, false});  // a one-digit month is accepted
  CHECK_FALSE(parse_date("nineteen", &err));
  CHECK_FALSE(parse_date("", &err));
  CHECK_FALSE(parse_date("1965-09-08T10:00", &err));
  CHECK_FALSE(parse_date("999999999999", &err));
}

TEST_CASE("periods map to decimal years") {
  CHECK(period_start(Date{1965}) == 1965.0);
  CHECK(period_end(Date{1965}) == 1966.0);
  CHECK(period_start(Date{1965, 12}) == Approx(1965.0 + 334.0 / 365.0));
  CHECK(period_end(Date{1965, 12}) == 1966.0);
  CHECK(period_start(Date{2000, 3, 1}) == Approx(2000.0 + 60.0 / 366.0));
  CHECK(period_end(Date{1965, 9, 8}) - period_start(Date{1965, 9, 8}) == Approx(1.0 / 365.0));
  CHECK(period_start(Date{-500}) == -500.0);
}

TEST_CASE("date_at finds the calendar day of a decimal year") {
  for (const Date d : {Date{1965, 9, 8}, Date{2000, 2, 29}, Date{2000, 12, 31}, Date{1900, 1, 1}, Date{-44, 3, 15}}) {
    CHECK(date_at(period_start(d) + 0.3 / 365.0) == d);
  }
}

TEST_CASE("dates are formatted with the language's patterns") {
  Translations t;
  t.tables["en"] = {{"date.year", "{year}"}, {"date.month_year", "{month} {year}"}, {"date.full", "{month} {day}, {year}"},
                    {"date.approximate", "c. {date}"}, {"date.bce", "{year} BCE"}, {"date.range", "{start} – {end}"},
                    {"date.month.9", "September"}};
  t.tables["es"] = {{"date.full", "{day} de {month} de {year}"}, {"date.month.9", "septiembre"}};
  CHECK(format_date(Date{1965, 9, 8}, t, "en") == "September 8, 1965");
  CHECK(format_date(Date{1965, 9, 8}, t, "es") == "8 de septiembre de 1965");
  CHECK(format_date(Date{1920, 0, 0, true}, t, "en") == "c. 1920");
  CHECK(format_date(Date{-499}, t, "en") == "500 BCE");
  const Date end{1970};
  CHECK(format_range(Date{1965}, &end, t, "en") == "1965 – 1970");
  CHECK(format_range(Date{1965}, nullptr, t, "en") == "1965");
}

TEST_CASE("missing UI strings are filled in from another table; present ones are kept") {
  kiosk::core::Translations museum, own;
  museum.tables["en"] = {{"button.home", "Home"}};
  own.tables["en"] = {{"button.home", "Whole timeline"}, {"admin.reload", "Reload now"}};
  own.tables["es"] = {{"admin.reload", "Recargar ahora"}};
  kiosk::core::add_missing_strings(museum, own);
  CHECK(museum.get("en", "button.home") == "Home");
  CHECK(museum.get("en", "admin.reload") == "Reload now");
  CHECK(museum.get("es", "admin.reload") == "Recargar ahora");
}
