// A CSV data file users draw rows from ({{customers.email}}): read once at load time, shared
// read-only by every thread.
#pragma once

#include "scenario/load_error.hpp"

#include <boost/system/result.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace hornet::scenario {

class data_set
{
public:
    enum class order { sequential, random };

    /// The set, or why not: `message` is "cannot read customers.csv: No such file or
    /// directory", "line 7: 3 fields, header has 4", …; `line` is the CSV line it is about
    /// (0 = the file itself); `file` stays empty, the message names the path.
    using load_result = boost::system::result<std::shared_ptr<data_set>, load_error>;

    /// Reads an RFC 4180 CSV file whose first line names the columns.
    static load_result load_file(const std::string& name, const std::string& path, order how);
    /// Same, from text (tests, and files already read).
    static load_result load_text(const std::string& name, const std::string& text, order how);

    const std::string& name() const { return name_; }
    const std::vector<std::string>& columns() const { return columns_; }
    std::optional<std::size_t> column(const std::string& name) const;
    std::size_t rows() const { return rows_.size(); }
    const std::string& cell(std::size_t row, std::size_t column) const { return rows_[row][column]; }

    /// The row a new user takes: the next one (cycling, shared over threads) or a random one.
    std::size_t take_row(std::mt19937_64& rng);

private:
    std::string name_;
    order order_ = order::sequential;
    std::vector<std::string> columns_;
    std::vector<std::vector<std::string>> rows_;
    std::atomic<std::size_t> next_{0};
};

} // namespace hornet::scenario
