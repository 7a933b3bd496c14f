// Exit codes and signal lines of the main loops.
#include "core/exit_code.hpp"

#include "core/log.hpp"

#include <csignal>
#include <string>

namespace hornet::core {

int exit_code_of(std::exception_ptr e, int code)
{
    if (!e) return code;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        log::error("hornet.main", std::string("unexpected error: ") + ex.what());
    } catch (...) {
        log::error("hornet.main", "unexpected error");
    }
    return 2;
}

void log_signal(int sig)
{
    log::info("hornet.main", sig == SIGTERM ? "Got SIGTERM signal" : "Got SIGINT signal");
}

} // namespace hornet::core
