// Unit tests for the contact and reference checks.
#include "backup_request/rules/contact_address.hpp"

#include <catch2/catch.hpp>

using namespace backup_request;

TEST_CASE("Contact must look like an e-mail address") {
    for (const char* ok : {"ops@acme.example", "first.last+tag@sub.acme.co", "a@b.io"}) {
        CAPTURE(ok);
        CHECK_FALSE(check_contact(ok).has_value());
    }
    for (const char* bad : {"", "ops", "@acme.example", "ops@", "ops@acme", "ops@@acme.example", "a@b@c.io",
                            "ops @acme.example", "ops@acme..example", "ops@acme.example.",
                            "ops@-acme.example", "ops@acme_x.example", "<ops@acme.example>"}) {
        CAPTURE(bad);
        const auto error = check_contact(bad);
        REQUIRE(error.has_value());
        CHECK(error->code == "contact-invalid");
        CHECK(error->field == "contact");
    }
    CHECK(check_contact("ops").value().message ==
          "the contact must be an e-mail address like ops@acme.example, not 'ops'");
}

TEST_CASE("Contact: RFC 5321 lengths and RFC 5322 dot-atoms") {
    const std::string domain = "@acme.example";
    CHECK_FALSE(check_contact(std::string(64, 'a') + domain).has_value());
    CHECK(check_contact(std::string(65, 'a') + domain).value().message ==
          "the contact must be an e-mail address like ops@acme.example, not '" + std::string(65, 'a') +
              "@acme.example': the part before the @ has 65 characters, at most 64 are allowed");
    CHECK(check_contact(std::string(100, 'a') + domain)
              .value()
              .message.find("not '" + std::string(60, 'a') + "...':") != std::string::npos);
    CHECK(check_contact(std::string(5000, 'a') + domain).has_value());
    // 254 characters in all pass, 255 do not (labels of 63).
    const std::string long_domain =
        std::string(63, 'd') + "." + std::string(63, 'd') + "." + std::string(63, 'd') + ".com";
    const std::string at_limit = std::string(254 - long_domain.size() - 1, 'a') + "@" + long_domain;
    REQUIRE(at_limit.size() == 254);
    CHECK_FALSE(check_contact(at_limit).has_value());
    CHECK(check_contact("a" + at_limit).has_value());
    for (const char* bad : {".a@b.com", "a.@b.com", "a..b@c.com", "a@b.-c.com", "a@b.c-.com",
                            "a@"
                            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.com"}) {
        CAPTURE(bad);
        CHECK(check_contact(bad).has_value());
    }
    CHECK(check_contact("a..b@c.com").value().message ==
          "the contact must be an e-mail address like ops@acme.example, not 'a..b@c.com': a dot cannot start "
          "or "
          "end the part before the @, or follow another dot");
    for (const char* ok :
         {"o'brien@acme.example", "a!#$%&*+/=?^_`{|}~-z@acme.example", "x.y.z@a-b.example"}) {
        CAPTURE(ok);
        CHECK_FALSE(check_contact(ok).has_value());
    }
}

TEST_CASE("Reference: any plain id up to 200 characters") {
    CHECK_FALSE(check_reference("INC-4711").has_value());
    CHECK_FALSE(check_reference(std::string(200, 'r')).has_value());
    CHECK(check_reference(std::string(201, 'r')).value().code == "reference-invalid");
    CHECK(check_reference("  ").value().code == "reference-invalid");
    CHECK(check_reference("INC\x1b[31m").value().code == "reference-invalid");
}
