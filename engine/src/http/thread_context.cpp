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
        if (config.ca_file.empty())
            ctx.set_default_verify_paths(ignored);
        else
            ctx.load_verify_file(config.ca_file, ignored);
        ctx.set_verify_mode(ssl::verify_peer);
    } else {
        ctx.set_verify_mode(ssl::verify_none);
    }
    return ctx;
}

// Unverified contexts ignore the CA file: they are all the same.
bool same_tls(const client_config& a, bool verify, const std::string& ca_file)
{
    return a.verify_tls == verify && (!verify || a.ca_file == ca_file);
}

} // namespace

thread_context::thread_context(boost::asio::io_context& io, client_config config)
    : io_(io), config_(std::move(config)), tls_(make_tls_context(config_)), sweeper_(io.get_executor())
{}

ssl::context& thread_context::tls(const client_config& config)
{
    if (same_tls(config, config_.verify_tls, config_.ca_file)) return tls_;
    for (auto& v : other_tls_)
        if (same_tls(config, v->verify, v->ca_file)) return v->context;
    other_tls_.push_back(std::unique_ptr<tls_variant>(new tls_variant{
        config.verify_tls, config.verify_tls ? config.ca_file : std::string(), make_tls_context(config)}));
    return other_tls_.back()->context;
}

thread_context::known_base& thread_context::base(const std::string& text)
{
    for (const auto& b : bases_)
        if (b->text == text) return *b;
    bases_.push_back(std::unique_ptr<known_base>(new known_base{text, parse_base_url(text), {}}));
    return *bases_.back();
}

} // namespace hornet::http
