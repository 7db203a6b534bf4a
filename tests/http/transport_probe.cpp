// Sends one request through the libcurl transport and prints what came back as one JSON line, for
// tests/http/transport_test.py to judge against its loopback server.
//   transport_probe METHOD URL [--body TEXT] [--user U --secret S] [--header NAME:VALUE] [--ca FILE]
//                   [--timeout-ms N]
#include "backup_request/http/http_transport.hpp"

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
    using namespace backup_request;
    if (argc < 3) {
        std::cerr << "usage: transport_probe METHOD URL [options]\n";
        return 2;
    }
    HttpRequest request{argv[1], argv[2]};
    HttpOptions options;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--body") {
            request.body = value;
        } else if (flag == "--user") {
            request.basic_auth = BasicAuth{value, request.basic_auth ? request.basic_auth->secret : ""};
        } else if (flag == "--secret") {
            request.basic_auth = BasicAuth{request.basic_auth ? request.basic_auth->user : "", value};
        } else if (flag == "--header") {
            const auto colon = value.find(':');
            request.headers.push_back({value.substr(0, colon), value.substr(colon + 1)});
        } else if (flag == "--ca") {
            options.ca_file = value;
        } else if (flag == "--timeout-ms") {
            options.total_timeout = std::chrono::milliseconds{std::stol(value)};
        }
    }
    const auto outcome = make_curl_transport()->send(request, options);
    nlohmann::json line;
    if (const auto* answer = std::get_if<HttpAnswer>(&outcome)) {
        line["status"] = answer->status;
        line["body"] = answer->body;
        line["retry_after"] = header_value(*answer, "retry-after").value_or("");
    } else {
        const auto& failure = std::get<HttpFailure>(outcome);
        static constexpr const char* kinds[] = {"name_not_resolved", "not_connected",   "tls_refused",
                                                "timed_out",         "connection_lost", "other"};
        line["failure"] = kinds[static_cast<int>(failure.kind)];
        line["maybe_delivered"] = failure.maybe_delivered;
        line["message"] = failure.message;
    }
    std::cout << line.dump() << '\n';
    return 0;
}
