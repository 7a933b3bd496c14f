// The local runner behind run_control, and the class picker's rebuild.
#include "app/local_control.hpp"

#include <algorithm>

namespace hornet::app {

local_control::local_control(boost::asio::io_context& io, std::vector<runtime::compiled_class> classes,
                             unsigned threads, const http::client_config& config)
    : io_(io), all_(std::move(classes)), threads_(threads), config_(config),
      runner_(std::make_unique<runtime::local_runner>(io, all_, threads, config))
{}

void local_control::select_classes(const std::vector<std::string>& names)
{
    std::vector<std::string> wanted = names;
    std::sort(wanted.begin(), wanted.end());
    if (wanted == selected_names_) return;
    selected_names_ = std::move(wanted);
    rebuild();
}

void local_control::replace_classes(std::vector<runtime::compiled_class> classes)
{
    // The runner holds a reference to its classes: it goes before they change.
    stop_runner();
    all_ = std::move(classes);
    rebuild();
}

void local_control::stop_runner()
{
    if (runner_) runner_->shutdown();
    runner_.reset();
}

void local_control::rebuild()
{
    stop_runner();
    selected_.clear();
    for (const auto& c : all_)
        if (selected_names_.empty() ||
            std::binary_search(selected_names_.begin(), selected_names_.end(), c.source->name))
            selected_.push_back(c);
    runner_ =
        std::make_unique<runtime::local_runner>(io_, selected_names_.empty() ? all_ : selected_, threads_, config_);
    runner_->on_spawning_complete = spawning_complete_;
    runner_->start_threads();
}

} // namespace hornet::app
