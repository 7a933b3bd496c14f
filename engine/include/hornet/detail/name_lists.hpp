// The given names and surnames hornet::user::random_name() draws from, header-only for plugins.
#pragma once

#include <string_view>

namespace hornet::detail {

// Also the lists of the JSON format's {{random.name}} (engine/src/scenario/generators.cpp), so a
// C++ user and a JSON user send the same kind of data. ASCII only: no escaping needed.
inline constexpr std::string_view first_names[] = {
    "Ada",     "Amara",  "Ana",    "Arjun",  "Bea",     "Carlos", "Chen",    "Chloe",   "Dmitri",
    "Elena",   "Emeka",  "Emma",   "Farah",  "Felix",   "Grace",  "Hana",    "Hugo",    "Ines",
    "Ivan",    "Jamal",  "Jonas",  "Julia",  "Kai",     "Kenji",  "Lars",    "Laura",   "Leila",
    "Liam",    "Lucia",  "Malik",  "Marta",  "Mateo",   "Maya",   "Nadia",   "Noah",    "Nora",
    "Olga",    "Omar",   "Oscar",  "Priya",  "Quentin", "Rosa",   "Samir",   "Sofia",   "Tariq",
    "Theo",    "Uma",    "Victor", "Wen",    "Yara",    "Yusuf",  "Zoe",
};

inline constexpr std::string_view last_names[] = {
    "Abara",    "Alvarez", "Andersen", "Bauer",   "Becker",  "Costa",   "Dubois",  "Eriksson", "Fernandez",
    "Fischer",  "Garcia",  "Gonzalez", "Haddad",  "Hansen",  "Ibrahim", "Ivanova", "Jensen",   "Kato",
    "Khan",     "Kim",     "Kowalski", "Larsen",  "Lopez",   "Martin",  "Meyer",   "Moreau",   "Morales",
    "Nakamura", "Nguyen",  "Novak",    "Okafor",  "Olsen",   "Patel",   "Perez",   "Petrov",   "Rossi",
    "Santos",   "Schmidt", "Silva",    "Singh",   "Sato",    "Tanaka",  "Torres",  "Varga",    "Wagner",
    "Walker",   "Wang",    "Weber",    "Yilmaz",  "Zhang",   "Ziegler",
};

} // namespace hornet::detail
