// The text of `hornet --help`.
#pragma once

#include <string>

namespace hornet::cli {

/// Description, usage, the options by group with their defaults and variables, where
/// settings come from, and examples. Lines fit in 80 columns; ends with a newline.
std::string help_text();

} // namespace hornet::cli
