// TLS client context setup.
#include "http/thread_context.hpp"

namespace hornet::http {

namespace ssl = boost::asio::ssl;

namespace {

ssl::context make_tls_context(const client_config& config)
{
    ssl::context ctx(ssl::context::tls_client);
    ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3);
    if (config.verify_tls) {
        // A store that cannot be read (checked up front for --ca-file) makes every handshake fail
        // with "certificate verify failed": recorded per request, nothing to do here.
        boost::system::error_code ignored;
        if (config.ca_file.empty()) ctx.set_default_verify_paths(ignored);
        else ctx.load_verify_file(config.ca_file, ignored);
        ctx.set_verify_mode(ssl::verify_peer);
    } else {
        ctx.set_verify_mode(ssl::verify_none);
    }
    return ctx;
}

} // namespace

thread_context::thread_context(boost::asio::io_context& io, client_config config)
    : io_(io), config_(std::move(config)), tls_(make_tls_context(config_)), sweeper_(io.get_executor())
{
}

} // namespace hornet::http
