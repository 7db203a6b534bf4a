// Unit tests for edit_distance and closest_name.
#include "backup_request/text/closest_name.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("Edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("enviroments", "environments") == 1);
    CHECK(edit_distance("justifcation", "justification") == 1);
    CHECK(edit_distance("conatct", "contact") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("The closest name is suggested only when it is close") {
    const std::vector<std::string> fields = {"point_in_time", "environments", "justification", "contact"};
    CHECK(closest_name("enviroments", fields) == "environments");
    CHECK(closest_name("point_in_tme", fields) == "point_in_time");
    CHECK(closest_name("contcat", fields) == "contact");
    CHECK_FALSE(closest_name("colour", fields).has_value());
    CHECK_FALSE(closest_name("x", fields).has_value());
}
