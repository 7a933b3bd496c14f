// The table of options: one row drives the command line, config keys, env vars and --help.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace hornet::cli {

enum class option_kind {
    flag,   ///< on/off; "--x", "x = true", LOCUST_X=yes
    value,  ///< one value; the last one given wins
    list,   ///< zero or more values; "-T a b", "a,b", "[a, b]"
    append, ///< repeatable, one whole value each ("--check 'GET /a: p95<1s' --check avg<50ms");
            ///< in a config file or environment variable, values are separated by ';'
    action, ///< --help, --version, --config: handled by parse() itself
};

enum class option_group { common, web, load_model, master, worker, statistics, logging, hornet };

struct option_spec
{
    std::string_view key; ///< long name without "--"; also the config-file key
    char short_name;      ///< 0 when there is none
    option_kind kind;
    std::string_view metavar; ///< placeholder shown in --help ("NUM", "FILE")
    option_group group;
    std::string_view env;          ///< suffix after LOCUST_/HORNET_; empty = no variable
    bool locust_env;               ///< LOCUST_<env> is read too (false: Hornet-only option)
    bool in_config;                ///< may be set from a config file
    std::string_view default_text; ///< for --help
    std::string_view help;
};

/// Every option, in --help order.
std::span<const option_spec> option_specs();

/// The option with this long name (without "--"); '_' is accepted for '-'. nullptr if none.
const option_spec* find_option(std::string_view key);

/// "-u/--users" or "--csv", as argparse names an argument in its errors.
std::string display_name(const option_spec& spec);

/// The variable names that set this option, lowest precedence first (empty when none).
std::string locust_env_name(const option_spec& spec);
std::string hornet_env_name(const option_spec& spec);

} // namespace hornet::cli
