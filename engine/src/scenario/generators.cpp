// Random values for templates: numbers, digit strings, UUIDs, names and e-mail addresses.
#include "scenario/generators.hpp"

#include <array>
#include <charconv>

namespace hornet::scenario {

namespace {

// The one set of names of JSON templates and C++ users (these reach plugins through
// hornet::detail::user_context::append_random). ASCII only: no escaping needed.
const std::vector<std::string_view> first_list = {
    "Ada",   "Amara", "Ana",   "Arjun",  "Bea",   "Carlos", "Chen",  "Chloe",   "Dmitri", "Elena", "Emeka",
    "Emma",  "Farah", "Felix", "Grace",  "Hana",  "Hugo",   "Ines",  "Ivan",    "Jamal",  "Jonas", "Julia",
    "Kai",   "Kenji", "Lars",  "Laura",  "Leila", "Liam",   "Lucia", "Malik",   "Marta",  "Mateo", "Maya",
    "Nadia", "Noah",  "Nora",  "Olga",   "Omar",  "Oscar",  "Priya", "Quentin", "Rosa",   "Samir", "Sofia",
    "Tariq", "Theo",  "Uma",   "Victor", "Wen",   "Yara",   "Yusuf", "Zoe",
};

const std::vector<std::string_view> last_list = {
    "Abara",    "Alvarez", "Andersen", "Bauer",  "Becker", "Costa",   "Dubois",  "Eriksson", "Fernandez",
    "Fischer",  "Garcia",  "Gonzalez", "Haddad", "Hansen", "Ibrahim", "Ivanova", "Jensen",   "Kato",
    "Khan",     "Kim",     "Kowalski", "Larsen", "Lopez",  "Martin",  "Meyer",   "Moreau",   "Morales",
    "Nakamura", "Nguyen",  "Novak",    "Okafor", "Olsen",  "Patel",   "Perez",   "Petrov",   "Rossi",
    "Santos",   "Schmidt", "Silva",    "Singh",  "Sato",   "Tanaka",  "Torres",  "Varga",    "Wagner",
    "Walker",   "Wang",    "Weber",    "Yilmaz", "Zhang",  "Ziegler",
};

constexpr char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr char hex_lower[] = "0123456789abcdef";

std::size_t pick(std::mt19937_64& rng, std::size_t n)
{
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

void append_lower(std::string& out, std::string_view s)
{
    for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

void append_uint(std::string& out, std::uint64_t v)
{
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

} // namespace

const std::vector<std::string>& generator_names()
{
    static const std::vector<std::string> names = {
        "random.int",  "random.digits", "random.string",     "random.uuid",      "random.choice",
        "random.name", "random.email",  "random.first_name", "random.last_name",
    };
    return names;
}

const std::vector<std::string_view>& first_names()
{
    return first_list;
}
const std::vector<std::string_view>& last_names()
{
    return last_list;
}

std::int64_t random_int(std::mt19937_64& rng, std::int64_t lo, std::int64_t hi)
{
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
}

void append_random_int(std::string& out, std::mt19937_64& rng, std::int64_t lo, std::int64_t hi)
{
    std::int64_t v = random_int(rng, lo, hi);
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append_random_digits(std::string& out, std::mt19937_64& rng, std::size_t n)
{
    if (n == 0) return;
    out += static_cast<char>('1' + pick(rng, 9));
    --n;
    // One 64-bit draw below 10^18 yields 18 uniform digits.
    constexpr std::uint64_t limit = 1'000'000'000'000'000'000ull;
    std::uniform_int_distribution<std::uint64_t> block(0, limit - 1);
    while (n > 0) {
        std::uint64_t v = block(rng);
        std::size_t take = n < 18 ? n : 18;
        for (std::size_t i = 0; i < take; ++i) {
            out += static_cast<char>('0' + v % 10);
            v /= 10;
        }
        n -= take;
    }
}

void append_random_string(std::string& out, std::mt19937_64& rng, std::size_t n)
{
    // Ten 6-bit values per draw; values 62 and 63 are rejected so every character is equally likely.
    while (n > 0) {
        std::uint64_t v = rng();
        for (int i = 0; i < 10 && n > 0; ++i, v >>= 6) {
            unsigned idx = static_cast<unsigned>(v & 63);
            if (idx < 62) {
                out += alnum[idx];
                --n;
            }
        }
    }
}

void append_random_uuid(std::string& out, std::mt19937_64& rng)
{
    std::array<unsigned char, 16> b;
    std::uint64_t hi = rng(), lo = rng();
    for (int i = 0; i < 8; ++i) {
        b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    char text[36];
    std::size_t p = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text[p++] = '-';
        text[p++] = hex_lower[b[i] >> 4];
        text[p++] = hex_lower[b[i] & 0xF];
    }
    out.append(text, sizeof text);
}

void append_random_first_name(std::string& out, std::mt19937_64& rng)
{
    out += first_list[pick(rng, first_list.size())];
}

void append_random_last_name(std::string& out, std::mt19937_64& rng)
{
    out += last_list[pick(rng, last_list.size())];
}

void append_random_name(std::string& out, std::mt19937_64& rng, escape esc)
{
    append_random_first_name(out, rng);
    out += esc == escape::url_component ? "%20" : " ";
    append_random_last_name(out, rng);
}

void append_random_email(std::string& out, std::mt19937_64& rng, escape esc)
{
    append_lower(out, first_list[pick(rng, first_list.size())]);
    out += '.';
    append_lower(out, last_list[pick(rng, last_list.size())]);
    append_uint(out, 1000 + pick(rng, 9000));
    out += esc == escape::url_component ? "%40" : "@";
    out += "example.com";
}

void append_generated(hornet::detail::generator g, std::size_t n, std::string& out, std::mt19937_64& rng)
{
    using hornet::detail::generator;
    switch (g) {
    case generator::digits: append_random_digits(out, rng, n); break;
    case generator::string: append_random_string(out, rng, n); break;
    case generator::uuid: append_random_uuid(out, rng); break;
    case generator::first_name: append_random_first_name(out, rng); break;
    case generator::last_name: append_random_last_name(out, rng); break;
    case generator::name: append_random_name(out, rng, escape::none); break;
    case generator::email: append_random_email(out, rng, escape::none); break;
    }
}

} // namespace hornet::scenario
