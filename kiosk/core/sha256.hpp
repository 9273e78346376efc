#pragma once
// SHA-256 (FIPS 180-4), for the salted hash of the admin PIN. Not for anything secret at rest
// beyond that: a kiosk PIN only keeps visitors out of the admin overlay.
#include <string>
#include <string_view>

namespace kiosk::core {

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace kiosk::core
