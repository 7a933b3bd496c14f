#include "core/exit_code.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using hornet::core::exit_code_of;

TEST_CASE("exit_code_of: the loop's own code, or 2 when it threw")
{
    CHECK(exit_code_of(nullptr, 0) == 0);
    CHECK(exit_code_of(nullptr, 3) == 3);
    CHECK(exit_code_of(std::make_exception_ptr(std::runtime_error("boom")), 0) == 2);
    CHECK(exit_code_of(std::make_exception_ptr(42), 1) == 2);
}
