// The locustfile translator's Python files, embedded at build time (cmake/HornetTranslator.cmake).
#pragma once

#include <span>
#include <string_view>

namespace hornet::app {

/// One file of locustfile/ (the translator is run as a folder: `python3 DIR`, DIR/__main__.py).
struct translator_file
{
    std::string_view name; ///< "__main__.py", "values.py", ...
    std::string_view content;
};

/// locustfile/*.py as they were when the binary was built.
std::span<const translator_file> translator_files();

} // namespace hornet::app
