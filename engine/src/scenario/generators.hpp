// The random.* template generators: they run for every request, so each one only appends to
// the output string (no allocation when it has the capacity) and draws from the thread's rng.
#pragma once

#include "scenario/template_text.hpp"

#include <hornet/detail/user_context.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hornet::scenario {

/// The generator names a template may use ("random.int", …), for messages and suggestions.
const std::vector<std::string>& generator_names();

/// The built-in first and last names (ASCII letters only, capitalised).
const std::vector<std::string_view>& first_names();
const std::vector<std::string_view>& last_names();

/// lo..hi inclusive (lo <= hi).
std::int64_t random_int(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi);
/// lo..hi inclusive, in decimal (lo <= hi).
void append_random_int(std::string& out, std::mt19937_64& rng, std::int64_t lo, std::int64_t hi);
/// `n` decimal digits, the first one 1-9 (so the value has exactly n digits).
void append_random_digits(std::string& out, std::mt19937_64& rng, std::size_t n);
/// `n` characters drawn uniformly from A-Z a-z 0-9.
void append_random_string(std::string& out, std::mt19937_64& rng, std::size_t n);
/// A version 4 (random) UUID, lower-case: xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx.
void append_random_uuid(std::string& out, std::mt19937_64& rng);
void append_random_first_name(std::string& out, std::mt19937_64& rng);
void append_random_last_name(std::string& out, std::mt19937_64& rng);
/// "First Last"; the space is written as %20 in url_component mode.
void append_random_name(std::string& out, std::mt19937_64& rng, escape esc);
/// first.last1234@example.com (lower case, 4 digits); the @ is %40 in url_component mode.
void append_random_email(std::string& out, std::mt19937_64& rng, escape esc);

/// What a C++ user's random_digits(), random_uuid(), random_email()… return: the generator `g`
/// unescaped; `n` is the length for digits and string.
void append_generated(hornet::detail::generator g, std::size_t n, std::string& out, std::mt19937_64& rng);

} // namespace hornet::scenario
