// https against an in-process TLS server with a self-signed certificate made at test time.
#include "http/session.hpp"

#include "http/thread_context.hpp"
#include "test_server.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace hornet::http {
namespace {

namespace net = test::net;
namespace ssl = boost::asio::ssl;
using tcp = test::tcp;
using namespace std::chrono_literals;

std::string pem_of(int (*write)(BIO*, void*), void* object)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    REQUIRE(write(bio.get(), object) == 1);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

// A P-256 key and a self-signed certificate for localhost / 127.0.0.1, in PEM.
std::pair<std::string, std::string> make_self_signed()
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    REQUIRE(key);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX v3;
    X509V3_set_ctx_nodb(&v3);
    X509V3_set_ctx(&v3, cert.get(), cert.get(), nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &v3, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    REQUIRE(san != nullptr);
    X509_add_ext(cert.get(), san, -1);
    X509_EXTENSION_free(san);
    REQUIRE(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0);
    auto cert_pem = pem_of([](BIO* b, void* x) { return PEM_write_bio_X509(b, static_cast<X509*>(x)); }, cert.get());
    auto key_pem = pem_of(
        [](BIO* b, void* k) {
            return PEM_write_bio_PrivateKey(b, static_cast<EVP_PKEY*>(k), nullptr, nullptr, 0, nullptr, nullptr);
        },
        key.get());
    return {cert_pem, key_pem};
}

// Answers every request with "<sni>|<target>"; closes after each response when asked to.
class tls_server
{
public:
    tls_server(net::io_context& io, bool close_each)
        : io_(io), acceptor_(io), ctx_(ssl::context::tls_server), close_each_(close_each)
    {
        const auto [cert, key] = make_self_signed();
        cert_pem = cert;
        ctx_.use_certificate_chain(net::buffer(cert));
        ctx_.use_private_key(net::buffer(key), ssl::context::pem);
        const tcp::endpoint ep(net::ip::make_address("127.0.0.1"), 0);
        acceptor_.open(ep.protocol());
        acceptor_.bind(ep);
        acceptor_.listen();
        net::co_spawn(io_, accept_loop(), [](std::exception_ptr) {});
    }
    ~tls_server()
    {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        for (auto& s : streams_) s->next_layer().close(ignored);
    }

    unsigned short port() const { return acceptor_.local_endpoint().port(); }
    std::string cert_pem; ///< the server's self-signed certificate: a CA file that trusts it
    int connections = 0;
    int handshakes = 0;
    int resumed = 0;

private:
    net::awaitable<void> accept_loop()
    {
        for (int i = 0; i < 100; ++i) {
            auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
            if (ec) co_return;
            ++connections;
            auto stream = std::make_shared<ssl::stream<tcp::socket>>(std::move(socket), ctx_);
            streams_.push_back(stream);
            net::co_spawn(io_, serve(stream), [](std::exception_ptr) {});
        }
    }

    net::awaitable<void> serve(std::shared_ptr<ssl::stream<tcp::socket>> stream)
    {
        auto [hec] = co_await stream->async_handshake(ssl::stream_base::server, net::as_tuple(net::use_awaitable));
        if (hec) co_return;
        ++handshakes;
        if (SSL_session_reused(stream->native_handle())) ++resumed;
        const char* sni = SSL_get_servername(stream->native_handle(), TLSEXT_NAMETYPE_host_name);
        boost::beast::flat_buffer buffer;
        for (int i = 0; i < 1000; ++i) {
            test::server_request req;
            auto [ec, n] = co_await test::bhttp::async_read(*stream, buffer, req, net::as_tuple(net::use_awaitable));
            if (ec) co_return;
            const std::string raw = test::ok(std::string(sni ? sni : "-") + "|" + std::string(req.target()));
            auto [wec, wn] = co_await net::async_write(*stream, net::buffer(raw), net::as_tuple(net::use_awaitable));
            if (wec) co_return;
            if (close_each_) {
                co_await stream->async_shutdown(net::as_tuple(net::use_awaitable));
                boost::system::error_code ignored;
                stream->next_layer().close(ignored);
                co_return;
            }
        }
    }

    net::io_context& io_;
    tcp::acceptor acceptor_;
    ssl::context ctx_;
    bool close_each_;
    std::vector<std::shared_ptr<ssl::stream<tcp::socket>>> streams_;
};

request get(std::string target)
{
    request r;
    r.target = std::move(target);
    return r;
}

TEST_CASE("https with a self-signed certificate: requests, keep-alive, no SNI for an IP")
{
    net::io_context io;
    tls_server server(io, false);
    thread_context ctx(io, {});
    session s(ctx, "https://127.0.0.1:" + std::to_string(server.port()));
    test::run(io, [&]() -> net::awaitable<void> {
        for (int i = 0; i < 20; ++i) {
            auto r = co_await s.send(get("/secure?i=" + std::to_string(i)));
            REQUIRE(r.ok());
            CHECK(r.body == "-|/secure?i=" + std::to_string(i));
        }
    }());
    CHECK(server.connections == 1);
}

TEST_CASE("https by host name sends SNI and goes through the DNS cache")
{
    net::io_context io;
    tls_server server(io, false);
    thread_context ctx(io, {});
    session a(ctx, "https://localhost:" + std::to_string(server.port()));
    session b(ctx, "https://localhost:" + std::to_string(server.port()));
    test::run(io, [&]() -> net::awaitable<void> {
        auto r = co_await a.send(get("/a"));
        REQUIRE(r.ok());
        CHECK(r.body == "localhost|/a");
        r = co_await b.send(get("/b"));
        REQUIRE(r.ok());
        CHECK(r.body == "localhost|/b");
    }());
    CHECK(ctx.dns().size() == 1);
    CHECK(ctx.dns().lookups() == 1); // resolved once per thread
}

TEST_CASE("reconnects resume the TLS session")
{
    net::io_context io;
    tls_server server(io, true);
    thread_context ctx(io, {});
    session s(ctx, "https://127.0.0.1:" + std::to_string(server.port()));
    test::run(io, [&]() -> net::awaitable<void> {
        for (int i = 0; i < 3; ++i) {
            auto r = co_await s.send(get("/"));
            CHECK(r.ok());
            net::steady_timer t(io, 20ms);
            co_await t.async_wait(net::use_awaitable);
        }
    }());
    CHECK(server.handshakes == 3);
    CHECK(server.resumed == 2);
}

TEST_CASE("a TLS handshake that never completes times out within connect_timeout")
{
    net::io_context io;
    tcp::acceptor acceptor(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    tcp::socket silent(io); // accepted, never answers the ClientHello
    acceptor.async_accept(silent, [](boost::system::error_code) {});
    client_config config;
    config.connect_timeout = 300ms;
    thread_context ctx(io, config);
    session s(ctx, "https://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()));
    test::run(io, [&]() -> net::awaitable<void> {
        const auto start = std::chrono::steady_clock::now();
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::timeout);
        CHECK(std::chrono::steady_clock::now() - start < 5s);
        boost::system::error_code ignored;
        acceptor.close(ignored);
        silent.close(ignored);
    }());
}

TEST_CASE("verify_tls rejects the self-signed certificate")
{
    net::io_context io;
    tls_server server(io, false);
    client_config config;
    config.verify_tls = true;
    thread_context ctx(io, config);
    session s(ctx, "https://localhost:" + std::to_string(server.port()));
    test::run(io, [&]() -> net::awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::tls);
        CHECK(r.error.rfind("SSLError('certificate verify failed", 0) == 0);
    }());
}

TEST_CASE("verify_tls with a CA file that holds the certificate accepts it")
{
    net::io_context io;
    tls_server server(io, false);
    const auto ca = std::filesystem::temp_directory_path() / ("hornet-ca-" + std::to_string(server.port()) + ".pem");
    std::ofstream(ca) << server.cert_pem;
    client_config config;
    config.verify_tls = true;
    config.ca_file = ca.string();
    thread_context ctx(io, config);
    session s(ctx, "https://localhost:" + std::to_string(server.port()));
    test::run(io, [&]() -> net::awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.ok());
        CHECK(r.status == 200);
    }());
    std::filesystem::remove(ca);
}

TEST_CASE("a session's own config (a user class's) overrides the thread's TLS verification both ways")
{
    net::io_context io;
    tls_server server(io, false);
    const auto ca =
        std::filesystem::temp_directory_path() / ("hornet-class-ca-" + std::to_string(server.port()) + ".pem");
    std::ofstream(ca) << server.cert_pem;
    const std::string url = "https://localhost:" + std::to_string(server.port());

    thread_context unverified(io, {}); // the command line's default
    client_config verify;
    verify.verify_tls = true;
    client_config trusting = verify;
    trusting.ca_file = ca.string();
    session plain(unverified, url);
    session strict(unverified, url, &verify);
    session with_ca(unverified, url, &trusting);

    client_config cli_verifies;
    cli_verifies.verify_tls = true;
    thread_context verified(io, cli_verifies); // --tls-verify
    client_config lenient;
    session relaxed(verified, url, &lenient);
    session checked(verified, url);

    test::run(io, [&]() -> net::awaitable<void> {
        for (int round = 0; round < 2; ++round) { // the second round reuses each thread's contexts
            auto r = co_await plain.send(get("/plain"));
            CHECK(r.ok());
            r = co_await strict.send(get("/strict"));
            CHECK(r.failure == failure_kind::tls);
            CHECK(r.error.rfind("SSLError('certificate verify failed", 0) == 0);
            r = co_await with_ca.send(get("/with_ca"));
            CHECK(r.ok());
            CHECK(r.body == "localhost|/with_ca");
            r = co_await relaxed.send(get("/relaxed"));
            CHECK(r.ok());
            r = co_await checked.send(get("/checked"));
            CHECK(r.failure == failure_kind::tls);
        }
    }());
    std::filesystem::remove(ca);
}

TEST_CASE("https to a plain HTTP server is a TLS failure")
{
    net::io_context io;
    // Like nginx on a plain port: answers the ClientHello with a 400 in clear text.
    tcp::acceptor acceptor(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    tcp::socket peer(io);
    char scratch[4096];
    acceptor.async_accept(peer, [&](boost::system::error_code ec) {
        if (ec) return;
        peer.async_read_some(net::buffer(scratch), [&](boost::system::error_code, std::size_t) {
            static const std::string bad = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
            boost::system::error_code ignored;
            net::write(peer, net::buffer(bad), ignored);
            peer.shutdown(tcp::socket::shutdown_send, ignored);
        });
    });
    client_config config;
    config.connect_timeout = 5s;
    thread_context ctx(io, config);
    session s(ctx, "https://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()));
    test::run(io, [&]() -> net::awaitable<void> {
        auto r = co_await s.send(get("/"));
        CHECK(r.failure == failure_kind::tls);
        CHECK(r.error.rfind("SSLError('wrong version number", 0) == 0);
        boost::system::error_code ignored;
        acceptor.close(ignored);
        peer.close(ignored);
    }());
}

} // namespace
} // namespace hornet::http
