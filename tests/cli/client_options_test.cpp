// The HTTP client's options: timeouts, sizes with units, TLS verification, and their errors.
#include "cli/options.hpp"

#include <doctest/doctest.h>

#include "cli/test_support.hpp"

using hornet::cli::test::run;
using hornet::cli::test::temp_folder;

TEST_CASE("client options: defaults")
{
    auto r = run({});
    REQUIRE(r.opts);
    CHECK(r.opts->connect_timeout == 60);
    CHECK(r.opts->request_timeout == 60);
    CHECK(r.opts->max_body_size == 64ull << 20);
    CHECK(r.opts->max_header_size == 1ull << 20);
    CHECK_FALSE(r.opts->tls_verify);
    CHECK(r.opts->ca_file.empty());
}

TEST_CASE("client options: values, units, and a CA file that implies verification")
{
    temp_folder dir;
    const auto ca = dir.write("ca.pem", "-----BEGIN CERTIFICATE-----\n");
    auto r = run({"--connect-timeout", "2.5", "--request-timeout", "10", "--max-body-size", "256MiB",
                  "--max-header-size", "64k", "--ca-file", ca});
    REQUIRE_MESSAGE(r.opts, r.message);
    CHECK(r.opts->connect_timeout == 2.5);
    CHECK(r.opts->request_timeout == 10);
    CHECK(r.opts->max_body_size == 256ull << 20);
    CHECK(r.opts->max_header_size == 64u * 1024);
    CHECK(r.opts->ca_file == ca);
    CHECK(r.opts->tls_verify);
    auto flag = run({"--tls-verify"});
    REQUIRE(flag.opts);
    CHECK(flag.opts->tls_verify);
}

TEST_CASE("client options: mistakes get one line and exit code 2")
{
    for (auto [args, text] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--max-body-size", "lots"}, "--max-body-size: invalid size 'lots'"},
             {{"--max-header-size", "10"}, "--max-header-size: must be between 1024 and 4294967295 bytes, got 10"},
             {{"--request-timeout", "0"}, "--request-timeout: must be > 0, got 0"},
             {{"--ca-file", "/no/such/ca.pem"}, "--ca-file: no such file '/no/such/ca.pem'"}}) {
        auto r = run(args);
        CAPTURE(text);
        CHECK_FALSE(r.opts);
        CHECK(r.exit_code == 2);
        CHECK(r.message.find(text) != std::string::npos);
    }
}
