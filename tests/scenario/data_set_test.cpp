// Proves scenario/data_set.hpp is self-contained; checks CSV reading and row handing-out.
#include "scenario/data_set.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include <unistd.h>

using namespace hornet::scenario;

namespace {

std::shared_ptr<data_set> load_ok(const std::string& text, data_set::order how = data_set::order::sequential)
{
    auto r = data_set::load_text("d", text, how);
    if (!r) FAIL(r.error().message);
    return *r;
}

data_set::load_result load_bad(const std::string& text)
{
    auto r = data_set::load_text("d", text, data_set::order::sequential);
    REQUIRE_FALSE(r.has_value());
    REQUIRE_FALSE(r.error().message.empty());
    return r;
}

} // namespace

TEST_CASE("a simple file: header names the columns, rows follow")
{
    auto d = load_ok("email,name\na@x.com,Ann\nb@x.com,Bob\n");
    CHECK(d->name() == "d");
    CHECK(d->columns() == std::vector<std::string>{"email", "name"});
    CHECK(d->column("name") == std::optional<std::size_t>(1));
    CHECK_FALSE(d->column("nope"));
    REQUIRE(d->rows() == 2);
    CHECK(d->cell(0, 0) == "a@x.com");
    CHECK(d->cell(1, 1) == "Bob");
}

TEST_CASE("quoted fields keep commas, line breaks and doubled quotes")
{
    auto d = load_ok("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"\"\r\n");
    REQUIRE(d->rows() == 2);
    CHECK(d->cell(0, 0) == "x, y");
    CHECK(d->cell(0, 1) == "say \"hi\"");
    CHECK(d->cell(1, 0) == "two\r\nlines");
    CHECK(d->cell(1, 1) == "");
}

TEST_CASE("CRLF, LF, a missing final newline, empty fields, a BOM and blank lines")
{
    auto d = load_ok("\xEF\xBB\xBFid,v\r\n1,\n\n2,x");
    CHECK(d->columns() == std::vector<std::string>{"id", "v"});
    REQUIRE(d->rows() == 2);
    CHECK(d->cell(0, 1) == "");
    CHECK(d->cell(1, 0) == "2");
    CHECK(d->cell(1, 1) == "x");
    auto single = load_ok("n\nx \n");
    REQUIRE(single->rows() == 1);
    CHECK(single->cell(0, 0) == "x ");
}

TEST_CASE("errors name the CSV line")
{
    auto r = load_bad("a,b,c,d\n1,2,3,4\n\n1,2,3\n");
    CHECK(r.error().message == "line 4: 3 fields, header has 4");
    CHECK(r.error().line == 4);

    // A quoted line break moves the line count on.
    r = load_bad("a,b\n\"x\ny\",1\n1,2,3\n");
    CHECK(r.error().message == "line 4: 3 fields, header has 2");
    CHECK(r.error().line == 4);

    r = load_bad("a,b\n1,\"open\n2,3\n");
    CHECK(r.error().message == "line 2: a quoted field is not closed");
    CHECK(r.error().line == 2);

    r = load_bad("a,b\n\"x\"y,1\n");
    CHECK(r.error().message.rfind("line 2: unexpected text after a closing quote", 0) == 0);

    r = load_bad("a,,c\n1,2,3\n");
    CHECK(r.error().message == "line 1: column 2 of the header has no name");
    r = load_bad("a,b,a\n1,2,3\n");
    CHECK(r.error().message == "line 1: column \"a\" appears twice in the header");
}

TEST_CASE("an empty file or a header without rows is an error")
{
    auto r = load_bad("");
    CHECK(r.error().message == "the file is empty: its first line must name the columns");
    r = load_bad("\xEF\xBB\xBF\n\n");
    CHECK(r.error().message == "the file is empty: its first line must name the columns");
    r = load_bad("email,name\n");
    CHECK(r.error().message == "no data: the file has a header line but no rows");
    CHECK(r.error().line == 0);
}

TEST_CASE("files are read from disk; a missing file says why")
{
    auto r = data_set::load_file("c", "/nonexistent/hornet/customers.csv", data_set::order::sequential);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "cannot read /nonexistent/hornet/customers.csv: No such file or directory");
    CHECK(r.error().line == 0);

    std::string path = "/tmp/hornet_data_set_test_" + std::to_string(::getpid()) + ".csv";
    {
        std::ofstream out(path, std::ios::binary);
        out << "k,v\n1,one\n";
    }
    auto ok = data_set::load_file("c", path, data_set::order::sequential);
    std::remove(path.c_str());
    REQUIRE(ok.has_value());
    CHECK((*ok)->name() == "c");
    CHECK((*ok)->cell(0, 1) == "one");
}

TEST_CASE("sequential rows cycle over users; random rows cover the set")
{
    std::mt19937_64 rng(5);
    auto seq = load_ok("n\na\nb\nc\n");
    std::vector<std::size_t> got;
    for (int i = 0; i < 7; ++i) got.push_back(seq->take_row(rng));
    CHECK(got == std::vector<std::size_t>{0, 1, 2, 0, 1, 2, 0});

    auto rnd = load_ok("n\na\nb\nc\n", data_set::order::random);
    std::set<std::size_t> seen;
    for (int i = 0; i < 200; ++i) {
        auto row = rnd->take_row(rng);
        REQUIRE(row < 3);
        seen.insert(row);
    }
    CHECK(seen.size() == 3);
}
