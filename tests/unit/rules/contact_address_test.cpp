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

TEST_CASE("Reference: any plain id up to 200 characters") {
    CHECK_FALSE(check_reference("INC-4711").has_value());
    CHECK_FALSE(check_reference(std::string(200, 'r')).has_value());
    CHECK(check_reference(std::string(201, 'r')).value().code == "reference-invalid");
    CHECK(check_reference("  ").value().code == "reference-invalid");
    CHECK(check_reference("INC\x1b[31m").value().code == "reference-invalid");
}
