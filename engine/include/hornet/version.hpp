// The version of the C++ scenario ABI: a plugin built against another version is refused at load.
#pragma once

/// Bumped whenever a public type crossing the plugin boundary (hornet::registry, hornet::user,
/// hornet::detail::user_context and the structs they pass) changes layout or meaning.
#define HORNET_API_VERSION 2
