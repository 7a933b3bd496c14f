// Numbers printed the way Python's str() prints them, so CSV and JSON match Locust's byte for byte.
#pragma once

#include <string>

namespace hornet::core {

/// Python 3 repr/str of a float: shortest round-trip digits, "11.0" for whole values,
/// scientific notation below 1e-4 and from 1e16 ("1e-05", "1e+16"), "inf", "nan".
std::string py_float(double value);

/// A number of seconds as a person wrote it: "10" when whole, else Python's str ("2.5").
std::string seconds_text(double seconds);

/// printf-style fixed decimals ("%.2f"), for console tables.
std::string fixed(double value, int decimals);

} // namespace hornet::core
