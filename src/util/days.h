// Calendar days of ISO dates ("2024-03-14"), shared by the stages that date
// events (extract) and resolve relative days (resolve).
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace mosaic {

// The day an ISO date names; nullopt when it is not a valid YYYY-MM-DD date.
std::optional<std::chrono::sys_days> parse_iso_day(const std::string& iso);

// Days from one ISO date to a later one (negative when it is earlier); 0 when either is unreadable.
long days_between(const std::string& from, const std::string& to);

}  // namespace mosaic
