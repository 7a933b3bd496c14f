// One JSON file read the scenario loader's way: a syntax error, a document nested too deep or a
// problem its reader finds all come back as a load_error with file, line, column and pointer.
#pragma once

#include "scenario/load_context.hpp"
#include "scenario/load_error.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hornet::scenario {

/// Parses `text` (named `file` in errors) and calls `read` with the document and a load_context
/// over it; `read` reports problems through the context (ctx.fail, or ctx.attempt to go on after
/// one). Returns the problems in file order (the first, with the others in `more`), or nullopt
/// when the document was read.
std::optional<load_error> read_json_document(std::string_view text, const std::string& file,
                                             const std::function<void(load_context&, const nlohmann::json&)>& read);

/// `problem` of `file` as the load_error printed to a person.
load_error located(const std::string& file, const invalid& problem);

/// Reads the file at `path` into `text`; false (and `text` untouched) when it cannot be opened.
bool read_text_file(const std::string& path, std::string& text);

} // namespace hornet::scenario
