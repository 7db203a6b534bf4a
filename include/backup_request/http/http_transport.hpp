// Sending one HTTP request and telling apart what happened: an answer (any status), or a failure that says
// whether the request may have reached the server. That difference is what keeps a ticket from being opened
// twice: a POST that may have arrived is never sent again blindly (issue 26). One small interface; libcurl's
// implementation is its own library (backup_request::http), as SQLite's is for the ledger.
#pragma once

#include "backup_request/trackers/tracker_api.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace backup_request {

struct HttpAnswer {
    long status = 0;
    std::vector<HttpHeader> headers{}; // as received; names in the server's case
    std::string body{};
};

enum class HttpFailureKind {
    name_not_resolved, // DNS: nothing was sent
    not_connected,     // refused or unreachable: nothing was sent
    tls_refused,       // the certificate or handshake failed: nothing was sent
    timed_out,         // no (full) answer in time: the request may have arrived
    connection_lost,   // dropped after sending began: the request may have arrived
    other,
};

struct HttpFailure {
    HttpFailureKind kind = HttpFailureKind::other;
    std::string message;          // one line, for a person: what failed, and where
    bool maybe_delivered = false; // the server may have acted on the request
};

using HttpOutcome = std::variant<HttpAnswer, HttpFailure>;

struct HttpOptions {
    std::chrono::milliseconds connect_timeout{std::chrono::seconds{10}};
    std::chrono::milliseconds total_timeout{std::chrono::seconds{30}};
    std::string ca_file{}; // a private CA's bundle; empty: the system's. Verification is never turned off.
};

class HttpTransport {
  public:
    HttpTransport() = default;
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;
    HttpTransport(HttpTransport&&) = delete;
    HttpTransport& operator=(HttpTransport&&) = delete;
    virtual ~HttpTransport() = default;

    [[nodiscard]] virtual HttpOutcome send(const HttpRequest& request, const HttpOptions& options) = 0;
};

// libcurl: TLS verified (the system's CA bundle, or options.ca_file), HTTPS_PROXY/NO_PROXY honoured as curl
// reads them, no redirects followed (a create call that moved is an error to report, not to repeat).
[[nodiscard]] std::unique_ptr<HttpTransport> make_curl_transport();

// The value of `name` among an answer's headers, compared without case; none when absent.
[[nodiscard]] std::optional<std::string> header_value(const HttpAnswer& answer, std::string_view name);

} // namespace backup_request
