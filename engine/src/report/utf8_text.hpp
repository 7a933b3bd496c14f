// Text from users and peers (endpoint names, error messages) made safe for report formats that
// must be valid UTF-8 and XML 1.0: a peer's error may hold any bytes, and one bad byte makes a
// whole JUnit file unreadable to xmllint, GitLab and Jenkins alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hornet::report {

/// `text` as valid UTF-8 holding only characters XML 1.0 allows: each malformed byte becomes
/// U+FFFD, and C0 controls other than tab, line feed and carriage return, lone surrogates and
/// U+FFFE/U+FFFF are dropped.
std::string xml_safe_utf8(std::string_view text);

/// The longest prefix of valid UTF-8 `text` of at most `max_bytes` that does not end inside a
/// character; "…" replaces the cut part (within the limit) when anything was cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

} // namespace hornet::report
