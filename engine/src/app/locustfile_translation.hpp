// Running the embedded locustfile translator (locustfile/) with python3, and
// loading its JSON scenario with error positions that point into the .py files.
#pragma once

#include "scenario/json_loader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hornet::app {

/// What the translator produced for some locustfiles.
struct translation
{
    std::string scenario_json; ///< the scenario document (pretty JSON); empty on failure
    /// Where each part came from: JSON pointer -> "file.py:line:column".
    std::vector<std::pair<std::string, std::string>> positions;
    std::vector<std::string> warnings; ///< one line each (--partial's left-out tasks)
    /// Empty on success; otherwise the lines to print (one per problem, in file order).
    std::vector<std::string> errors;
};

/// The entries of -f: comma-separated as Locust takes them ("a.py,b.py"); repeated -f flags
/// arrive joined the same way.
std::vector<std::string> split_locustfile_spec(const std::string& spec);

/// Whether -f names Python locustfiles: a .py file, a folder, or several files.
bool is_locustfile_spec(const std::string& spec);

/// Runs `python3` on the embedded translator (no shell; its files go into a temporary folder;
/// JSON comes back on stdout, errors on stderr).
translation translate_locustfiles(const std::vector<std::string>& paths, bool partial);

/// A model, or the lines to print after "hornet: error: " (one per problem).
struct locustfile_load
{
    std::optional<scenario::model> model;
    std::string error;
};

/// Translates and loads through the JSON loader; a loader error is placed at the .py line the
/// translator recorded for the part it names.
locustfile_load load_locustfiles(const std::string& spec, const scenario::load_options& options);

/// The loading half of load_locustfiles, for a translation made already.
locustfile_load load_translation(const translation& t, const std::vector<std::string>& paths,
                                 const scenario::load_options& options);

} // namespace hornet::app
