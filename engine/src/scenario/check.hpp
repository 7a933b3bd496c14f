// Checks on a response (status, body, JSON, latency) that decide whether a request failed,
// like Locust's catch_response with response.failure(reason).
#pragma once

#include "http/response.hpp"
#include "scenario/render.hpp"
#include "scenario/template_text.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace hornet::scenario {

struct json_expectation
{
    std::string pointer; ///< JSON pointer into the response body ("/id")
    /// Expected value. A string may hold templates: it is rendered and then matches a JSON
    /// string with that text, or a number/boolean whose JSON text is that text ("5" = 5).
    nlohmann::json expected;
    std::optional<template_text> expected_text; ///< set when `expected` is a string
};

struct check
{
    /// Allowed statuses. Empty: Locust's default (a status >= 400 or a network error fails).
    /// Given: exactly these succeed — so {"status": 404} turns an expected 404 into a success.
    std::vector<unsigned> status;
    std::vector<template_text> body_contains;
    std::vector<json_expectation> json_equals;
    std::vector<std::string> json_exists; ///< JSON pointers that must resolve
    double max_ms = 0;                    ///< > 0: slower responses fail
    /// The recorded error text when the check fails (Locust's response.failure("...") text),
    /// instead of Hornet's own reason. With it, the parts above are judged before Locust's
    /// default status rule, as a locustfile's failure() call wins over raise_for_status.
    std::optional<template_text> message;

    bool empty() const;
    /// Whether judging a response needs its body (the rest look at status and timing only).
    bool reads_body() const { return !body_contains.empty() || !json_equals.empty() || !json_exists.empty(); }
};

/// The verdict on one response.
struct check_result
{
    bool ok = true;
    /// The reason when !ok (the check's rendered message when it has one), e.g. "expected status 200, got 404", "body does not contain \"ok\"",
    /// "/id is 7, expected 5", "took 812 ms, more than 500 ms". Recorded as Locust records a
    /// catch_response failure: CatchResponseError('<reason>').
    std::string reason;
    /// Set when the failure is the request's own (a network error, or a status >= 400 under
    /// Locust's default verdict): `reason` is then the response's Locust error text, to be
    /// recorded as is rather than wrapped in CatchResponseError.
    bool http_error = false;
};

/// Judges `r` (which took `ms`). `body_json` caches the parsed body across checks and extracts
/// of one response (nullopt: not parsed yet; parsed once on first need).
check_result evaluate(const check& c, const http::response& r, double ms, user_state& user, shared_state& shared,
                      std::optional<nlohmann::json>& body_json);

} // namespace hornet::scenario
