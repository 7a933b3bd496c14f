// The run_record as JSON (--json FILE) and back (`hornet report`, `hornet compare`). The shape is
// documented by docs/report.schema.json; "schema_version" says which one a file follows.
#pragma once

#include "core/error.hpp"
#include "report/run_record.hpp"

#include <string>
#include <string_view>

namespace hornet::report {

/// The record as an indented JSON document (UTF-8; invalid bytes in names and error texts, which
/// come from targets and peers, are replaced rather than refused).
std::string to_json(const run_record& record);

/// Reads a document written by to_json. Unknown fields are ignored (newer writers may add some);
/// a missing or mistyped required field, or a schema_version this build does not read, is a
/// failure naming the JSON pointer ("/endpoints/3/requests: expected a number").
core::result<run_record> run_record_from_json(std::string_view text);

} // namespace hornet::report
