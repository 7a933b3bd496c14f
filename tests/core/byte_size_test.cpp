#include "core/byte_size.hpp"

#include <doctest/doctest.h>

using hornet::core::parse_size;

TEST_CASE("parse_size: plain bytes, 1024-based and 1000-based units")
{
    CHECK(parse_size("65536") == 65536u);
    CHECK(parse_size(" 100B ") == 100u);
    CHECK(parse_size("512k") == 512u * 1024);
    CHECK(parse_size("512 KiB") == 512u * 1024);
    CHECK(parse_size("2KB") == 2000u);
    CHECK(parse_size("64MiB") == 64ull << 20);
    CHECK(parse_size("64M") == 64ull << 20);
    CHECK(parse_size("3MB") == 3000000u);
    CHECK(parse_size("1GiB") == 1ull << 30);
    CHECK(parse_size("1GB") == 1000000000u);
    CHECK(parse_size("17179869183GiB") == 17179869183ull << 30);
    CHECK(parse_size("18446744073709551615") == 18446744073709551615ull);
}

TEST_CASE("parse_size: anything else is refused")
{
    for (const char* bad : {"", "MiB", "-1", "+5", "1.5MiB", "12 34", "5 TB", "5mib", "17179869184GiB",
                            "18446744073709551616", "99999999999999999999", "0x10"})
        CHECK_MESSAGE(!parse_size(bad), bad);
}
