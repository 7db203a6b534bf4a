// Unit tests for environment address normalization and the list rules.
#include "backup_request/rules/environment_address.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace backup_request;

namespace {

std::string normalized(std::string_view text) {
    auto result = normalize_environment_address(text);
    if (auto* error = std::get_if<AddressError>(&result)) {
        return "error " + error->code;
    }
    return std::get<std::string>(result);
}

} // namespace

TEST_CASE("A host name or URL becomes the bare lower-case host") {
    CHECK(normalized("acme-prd.outsystemsenterprise.com") == "acme-prd.outsystemsenterprise.com");
    CHECK(normalized("https://acme-prd.outsystemsenterprise.com/ServiceCenter/") ==
          "acme-prd.outsystemsenterprise.com");
    CHECK(normalized("HTTP://ACME-Prd.Example.COM") == "acme-prd.example.com");
    CHECK(normalized("acme.example.com.") == "acme.example.com");
    CHECK(normalized("  acme.example.com  ") == "acme.example.com");
    CHECK(normalized("acme.example.com/ServiceCenter") == "acme.example.com");
    CHECK(normalized("https://acme.example.com?x=1") == "acme.example.com");
    CHECK(normalized("https://acme.example.com#top") == "acme.example.com");
    CHECK(normalized("xn--bcher-kva.example") == "xn--bcher-kva.example");
    CHECK(normalized("a1.b2") == "a1.b2");
}

TEST_CASE("Addresses that are not a plain host name are rejected") {
    CHECK(normalized("") == "error env-invalid");
    CHECK(normalized("acme.example.com:443") == "error env-port");
    CHECK(normalized("https://acme.example.com:8443/") == "error env-port");
    CHECK(normalized("https://user:pw@acme.example.com/") == "error env-userinfo");
    CHECK(normalized("10.0.0.1") == "error env-ip-literal");
    CHECK(normalized("https://[::1]/") == "error env-ip-literal");
    CHECK(normalized("localhost") == "error env-single-label");
    CHECK(normalized("prod") == "error env-single-label");
    CHECK(normalized("acme..example.com") == "error env-invalid");
    CHECK(normalized(".acme.example.com") == "error env-invalid");
    CHECK(normalized("-acme.example.com") == "error env-invalid");
    CHECK(normalized("acme-.example.com") == "error env-invalid");
    CHECK(normalized("acme_prd.example.com") == "error env-invalid");
    CHECK(normalized("acme prd.example.com") == "error env-invalid");
    CHECK(normalized("ftp://acme.example.com") == "error env-invalid");
    CHECK(normalized("https:///path") == "error env-invalid");
    CHECK(normalized("bücher.example") == "error env-non-ascii");
    CHECK(normalized("acme.example\xff") == "error env-invalid");
}

TEST_CASE("Label and name lengths at their limits") {
    const std::string label63(63, 'a');
    CHECK(normalized(label63 + ".example.com") == label63 + ".example.com");
    CHECK(normalized(std::string(64, 'a') + ".example.com") == "error env-invalid");
    std::string name253 = label63 + "." + label63 + "." + label63 + "." + std::string(61, 'b');
    REQUIRE(name253.size() == 253);
    CHECK(normalized(name253) == name253);
    CHECK(normalized(name253 + "b") == "error env-invalid");
    CHECK(normalized(name253 + ".") == name253);
}

TEST_CASE("The list: at least one, duplicates kept once with a warning, errors at their index") {
    SECTION("empty") {
        const auto check = check_environments({});
        REQUIRE(check.diagnostics.size() == 1);
        CHECK(check.diagnostics[0].code == "env-missing");
        CHECK(check.diagnostics[0].field == "environments");
    }
    SECTION("duplicates after normalization") {
        const auto check =
            check_environments({"acme.example.com", "bad_host.example", "https://ACME.example.com/x"});
        CHECK(check.hosts == std::vector<std::string>{"acme.example.com"});
        REQUIRE(check.diagnostics.size() == 2);
        CHECK(check.diagnostics[0].field == "environments[1]");
        CHECK(check.diagnostics[0].severity == Severity::error);
        CHECK(check.diagnostics[1] == make_warning("env-duplicate", "environments[2]",
                                                   "acme.example.com is given twice; it is kept once"));
    }
    SECTION("a host given 100,000 times is one warning with its count") {
        std::vector<std::string> same(100000, "a.co");
        same.emplace_back("b.co");
        same.emplace_back("B.co");
        const auto check = check_environments(same);
        CHECK(check.hosts == std::vector<std::string>{"a.co", "b.co"});
        REQUIRE(check.diagnostics.size() == 2);
        CHECK(check.diagnostics[0] == make_warning("env-duplicate", "environments[1]",
                                                   "a.co is given 100000 times; it is kept once"));
        CHECK(check.diagnostics[1] ==
              make_warning("env-duplicate", "environments[100001]", "b.co is given twice; it is kept once"));
    }
    SECTION("more than 50") {
        std::vector<std::string> many;
        for (int i = 0; i < 51; ++i) {
            many.push_back("env" + std::to_string(i) + ".example.com");
        }
        CHECK(check_environments(many).diagnostics.at(0).code == "env-too-many");
        many.pop_back();
        CHECK(check_environments(many).diagnostics.empty());
    }
}

TEST_CASE("IPv6 addresses and malformed URL schemes are named as what they are, not as ports") {
    CHECK(normalized("[::1]") == "error env-ip-literal");
    CHECK(normalized("::1") == "error env-ip-literal");
    CHECK(normalized("2001:db8::1") == "error env-ip-literal");
    CHECK(normalized("https://[2001:db8::1]:8443/") == "error env-ip-literal");
    CHECK(normalized("http:/host.example.com") == "error env-invalid");
    CHECK(normalized("https:host.example.com") == "error env-invalid");
    CHECK(normalized("host.example.com:443") == "error env-port");
    auto result = normalize_environment_address("https:host.example.com");
    CHECK(std::get<AddressError>(result).message ==
          "'https:host.example.com' is a malformed URL: write https://, then the host name, like "
          "https://acme-prd.outsystemsenterprise.com");
}

TEST_CASE("The 50-address limit counts distinct addresses, and other problems are still reported") {
    std::vector<std::string> addresses;
    for (int i = 0; i < 60; ++i) {
        addresses.push_back("env" + std::to_string(i % 40) + ".example.com");
    }
    auto check = check_environments(addresses);
    CHECK(check.hosts.size() == 40);
    CHECK(std::none_of(check.diagnostics.begin(), check.diagnostics.end(),
                       [](const Diagnostic& d) { return d.code == "env-too-many"; }));
    addresses.clear();
    for (int i = 0; i < 51; ++i) {
        addresses.push_back("env" + std::to_string(i) + ".example.com");
    }
    addresses.emplace_back("10.0.0.1");
    check = check_environments(addresses);
    REQUIRE(check.diagnostics.size() == 2);
    CHECK(check.diagnostics[0].code == "env-ip-literal");
    CHECK(check.diagnostics[1].code == "env-too-many");
}

TEST_CASE("The shortcut for usual addresses agrees with the full checks on every text") {
    const auto described = [](const AddressResult& result) {
        if (const auto* error = std::get_if<AddressError>(&result)) {
            return "error " + error->code + ": " + error->message;
        }
        return std::get<std::string>(result);
    };
    // Each of these is taken apart and put together again below: every prefix and every one-byte deletion.
    const std::array<std::string, 26> seeds = {
        "https://ACME-prd.outsystemsenterprise.com/ServiceCenter/",
        "http://a.b",
        "HTTPS://a-b.c-d.example.",
        "acme.example.com?u=https://other.example.com",
        "acme.example.com/x:y",
        "ftp://acme.example.com",
        "https:/acme.example.com",
        "http:acme.example.com",
        " \tacme.example.com\n",
        "acme..example.com",
        "-acme.example.com",
        "acme-.example.com",
        "acme.example.com..",
        "1.2.3.4",
        "1-2.3",
        "a.b.c/d\xff",
        "caf\xc3\xa9.example.com",
        "https://user@acme.example.com",
        "[::1]",
        "acme.example.com:443",
        std::string(63, 'a') + ".example.com",
        std::string(64, 'a') + ".example.com",
        std::string(126, 'a') + "." + std::string(126, 'b'),
        std::string(126, 'a') + "." + std::string(127, 'b'),
        "localhost",
        "acme.example.com#frag/ment",
    };
    for (const auto& seed : seeds) {
        std::vector<std::string> texts;
        for (std::size_t i = 0; i <= seed.size(); ++i) {
            texts.push_back(seed.substr(0, i));
            if (i < seed.size()) {
                texts.push_back(seed.substr(0, i) + seed.substr(i + 1));
            }
        }
        for (const auto& text : texts) {
            INFO(text);
            REQUIRE(described(normalize_environment_address(text)) ==
                    described(normalize_environment_address_in_full(text)));
        }
    }
    CHECK(described(normalize_environment_address("acme.example.com?u=https://other.example.com"))
              .starts_with("error env-invalid"));
}
