// A problem in a scenario file, with the place a person has to edit.
#pragma once

#include "core/error.hpp"

#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <utility>
#include <vector>

namespace hornet::scenario {

/// The error of a scenario load: core::failure's code plus where in which file, because a
/// person fixes it by editing that place (the JSON loader, plugins, CSV data files).
struct load_error
{
    boost::system::error_code code = core::error::invalid_scenario;
    std::string file;
    int line = 0; ///< 0 when the file could not be read at all
    int column = 0;
    std::string pointer; ///< JSON pointer of the offending value ("" = whole document)
    std::string message;
    /// The file's further mistakes, in file order after this one (the loader reports up to
    /// max_load_mistakes at once rather than one per run).
    std::vector<load_error> more;

    /// A failure about the whole of `file` (no line): unreadable, not a plugin, …
    static load_error whole_file(std::string file, std::string message)
    {
        load_error e;
        e.file = std::move(file);
        e.message = std::move(message);
        return e;
    }

    /// "file:line:column: at /users/0/tasks/1: message", the line printed to the user; with
    /// `more`, one such line per mistake.
    std::string to_string() const;
};

/// Used by boost::system::result<T, load_error>::value() on a failure (found by
/// argument-dependent lookup): throws boost::system::system_error with to_string().
[[noreturn]] void throw_exception_from_error(const load_error& e, const boost::source_location& loc);

} // namespace hornet::scenario
