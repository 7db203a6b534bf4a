// Unit tests for find_secret: what looks like a credential, and prose that only talks about one.
#include "backup_request/secret_scan.hpp"

#include <catch2/catch.hpp>

using backup_request::find_secret;

TEST_CASE("Credentials are found") {
    CHECK(find_secret("the admin password=hunter2 was reset") == "a password or secret assignment");
    CHECK(find_secret("use PWD: s3cret! to log in") == "a password or secret assignment");
    CHECK(find_secret("Server=db;User Id=sa;Password=Xy12z;") == "a password or secret assignment");
    CHECK(find_secret("api_key = 'abcd1234'") == "a password or secret assignment");
    CHECK(find_secret("connect to postgres://app:pa55@db.acme.example/prod") ==
          "a connection string with a password");
    CHECK(find_secret("-----BEGIN RSA PRIVATE KEY-----\nMIIE...") == "a private key block");
    CHECK(find_secret("key AKIAIOSFODNN7EXAMPLE leaked") == "a cloud or service access key");
    CHECK(find_secret("DefaultEndpointsProtocol=https;AccountKey=abc==") == "a cloud or service access key");
}

TEST_CASE("Prose about credentials is not a credential") {
    CHECK_FALSE(find_secret("password reset e-mails were lost after the deployment"));
    CHECK_FALSE(find_secret("the password: changed by the migration"));
    CHECK_FALSE(find_secret("https://acme-prd.outsystemsenterprise.com/ServiceCenter/"));
    CHECK_FALSE(find_secret("user@acme.example reported it"));
    CHECK_FALSE(find_secret("AKIA is a prefix"));
    CHECK_FALSE(find_secret("the compass=north setting")); // "pass" is not a keyword on its own
}
