// A class's own HTTP client settings over the command line's (runtime::with_settings).
#include "runtime/compiled_class.hpp"

#include <doctest/doctest.h>

using namespace hornet;

TEST_CASE("a class's tls_verify and ca_file override the command line's, a CA file implying verification")
{
    http::client_config cli; // --tls-verify --ca-file /cli/ca.pem
    cli.verify_tls = true;
    cli.ca_file = "/cli/ca.pem";

    scenario::client_settings none;
    auto c = runtime::with_settings(none, cli);
    CHECK(c.verify_tls);
    CHECK(c.ca_file == "/cli/ca.pem");

    scenario::client_settings off;
    off.tls_verify = false;
    CHECK(!runtime::with_settings(off, cli).verify_tls);

    scenario::client_settings on;
    on.tls_verify = true;
    c = runtime::with_settings(on, {}); // over the unverified default: the system's store
    CHECK(c.verify_tls);
    CHECK(c.ca_file.empty());
    CHECK(runtime::with_settings(on, cli).ca_file == "/cli/ca.pem"); // the command line's CAs still apply

    scenario::client_settings own_ca;
    own_ca.ca_file = "/class/ca.pem";
    c = runtime::with_settings(own_ca, {});
    CHECK(c.verify_tls);
    CHECK(c.ca_file == "/class/ca.pem");
}
