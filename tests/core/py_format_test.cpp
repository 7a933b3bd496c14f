// Proves core/py_format.hpp is self-contained and matches Python's str(float).
#include "core/py_format.hpp"

#include <doctest/doctest.h>

using hornet::core::py_float;

TEST_CASE("py_float prints like Python's str()")
{
    CHECK(py_float(11.0) == "11.0");
    CHECK(py_float(0.0) == "0.0");
    CHECK(py_float(5.634375647058304) == "5.634375647058304");
    CHECK(py_float(157.2700579999946) == "157.2700579999946");
    CHECK(py_float(0.1) == "0.1");
    CHECK(py_float(0.0001) == "0.0001");
    CHECK(py_float(0.00001) == "1e-05");
    CHECK(py_float(1234567.0) == "1234567.0");
    CHECK(py_float(1e16) == "1e+16");
    CHECK(py_float(1e15) == "1000000000000000.0");
    CHECK(py_float(-2.5) == "-2.5");
    CHECK(py_float(1.5e-7) == "1.5e-07");
    CHECK(py_float(123.456) == "123.456");
}

TEST_CASE("seconds_text prints whole seconds without a decimal point")
{
    CHECK(hornet::core::seconds_text(30) == "30");
    CHECK(hornet::core::seconds_text(2.5) == "2.5");
    CHECK(hornet::core::seconds_text(0) == "0");
}
