// A problem in a scenario file, with the place a person has to edit.
#pragma once

#include <string>

namespace hornet::scenario {

struct load_error
{
    std::string file;
    int line = 0;           ///< 0 when the file could not be read at all
    int column = 0;
    std::string pointer;    ///< JSON pointer of the offending value ("" = whole document)
    std::string message;

    /// "file:line:column: at /users/0/tasks/1: message", the one line printed to the user.
    std::string to_string() const;
};

} // namespace hornet::scenario
