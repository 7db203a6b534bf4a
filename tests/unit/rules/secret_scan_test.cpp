// Unit tests for find_secret: what looks like a credential, and prose that only talks about one.
#include "backup_request/rules/secret_scan.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

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
    CHECK(find_secret("DefaultEndpointsProtocol=https;AccountKey=abc==") ==
          "a password or secret assignment");
}

TEST_CASE("Prose about credentials is not a credential") {
    CHECK_FALSE(find_secret("password reset e-mails were lost after the deployment"));
    CHECK_FALSE(find_secret("the password: changed by the migration"));
    CHECK_FALSE(find_secret("https://acme-prd.outsystemsenterprise.com/ServiceCenter/"));
    CHECK_FALSE(find_secret("user@acme.example reported it"));
    CHECK_FALSE(find_secret("AKIA is a prefix"));
    CHECK_FALSE(find_secret("the compass=north setting")); // "pass" is not a keyword on its own
}

// A corpus in the shapes of gitleaks' default rules (generic-api-key, github-*, gitlab-pat, slack-*, jwt,
// curl-auth-header, private-key, aws-access-token) and of what people paste into incident text. The tokens
// are made up; their shapes are the rules'.
TEST_CASE("True positives: the forms people paste") {
    const std::vector<std::string> found = {
        "set DB_PASSWORD=Tr0ub4dor&3 on the app server",
        "password\t=\thunter2hunter2",
        "password\t= hunter2hunter2",
        "PASSWORD = \"hunter2hunter2\"",
        "export PGPASSWORD=s3cr3t-pg",
        "MYSQL_PWD=hunter22 mysql -u root",
        R"({"user": "sa", "password": "Winter2026"})",
        R"({"password":"hunter2"})",
        "<connectionString><password>Sup3rSecret</password></connectionString>",
        "db:\n  password: hunter2\n",
        "password: 'correct horse battery staple'",
        "token=9f8e7d6c5b4a3f2e1d0c",
        "curl 'https://api.acme.example/v1?token=abcd1234efgh5678'",
        "client_secret => 'a1b2c3d4e5'",
        "API_KEY := \"k-123456\"",
        "Authorization: Bearer abc123.def456-ghi789",
        "curl -H \"Authorization: Basic dXNlcjpwYXNzd29yZA==\" https://x.example",
        "the header was bearer 4f9a1b2c3d4e5f60718293a4b5c6d7e8f9",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_"
        "XgL0n3I9PlFUP0THsR8U",
        "token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked",
        "gho_0123456789abcdefghijABCDEFGHIJ012345",
        "ghu_0123456789abcdefghijABCDEFGHIJ012345",
        "ghs_0123456789abcdefghijABCDEFGHIJ012345",
        "ghr_0123456789abcdefghijABCDEFGHIJ012345",
        "github_pat_11ABCDEFG0123456789_"
        "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567",
        "GitLab token glpat-AbCdEfGhIjKlMnOpQrSt",
        "xoxp-41684372915-1320496754-45609968301-e708ba56e1517a99f6b5fb07349476ef",
        "xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD",
        "posted to https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx",
        "https://admin:hunter2@acme-prd.outsystemsenterprise.com/",
        "-----BEGIN OPENSSH PRIVATE KEY-----",
        "AccountKey=Zm9vYmFyYmF6cXV4==;EndpointSuffix=core.windows.net",
    };
    for (const auto& text : found) {
        INFO(text);
        CHECK(find_secret(text).has_value());
    }
}

TEST_CASE("False positives: honest text that only talks about credentials passes") {
    const std::vector<std::string> passed = {
        "password=<redacted>",
        "\"click here to reset your password\":http://acme.example/reset (a Textile link)",
        "'forgot your password':https://acme.example/forgot",
        "password=***",
        "password=${DB_PASSWORD}",
        "pwd=/srv/app",
        "secret=false",
        "the AccountKey= setting was empty",
        "token: expired after the deploy",
        "password_file=/etc/app/db.pass",
        "token_type=bearer",
        "the bearer token expired at 14:05",
        "Authorization: Basic <base64>",
        "rotate the GitHub token (ghp_...) after the restore",
        "the glpat- prefix marks GitLab tokens",
        "xoxb- tokens belong to bots",
        "https://user@acme-prd.outsystemsenterprise.com/",
        "eyJ is how a JWT starts",
        "the password policy: 12 characters",
        "if (password == null) return",
        "https://acme.example/reset?password_reset=1",
        "we changed the secret: nothing else",
    };
    for (const auto& text : passed) {
        INFO(text);
        CHECK_FALSE(find_secret(text).has_value());
    }
}
