// HttpTransport over libcurl's easy interface: one handle per request, the answer's headers and body
// collected, and curl's error codes sorted into "nothing was sent" and "the request may have arrived".
#include "backup_request/http/http_transport.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <curl/curl.h>
#include <filesystem>
#include <memory>

namespace backup_request {
namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
    CurlGlobal(CurlGlobal&&) = delete;
    CurlGlobal& operator=(CurlGlobal&&) = delete;
    ~CurlGlobal() { curl_global_cleanup(); }
};

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* target) {
    auto* headers = static_cast<std::vector<HttpHeader>*>(target);
    std::string_view line(data, size * count);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    if (line.starts_with("HTTP/")) {
        headers->clear(); // a new response (after a 100 Continue or a proxy's 200): its headers only
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
            value.remove_prefix(1);
        }
        headers->push_back({std::string(line.substr(0, colon)), std::string(value)});
    }
    return size * count;
}

// curl's detail without its timing ("... port 9 after 0 ms: ..."): the same failure reads the same each time.
std::string without_timing(std::string text) {
    const auto after = text.find(" after ");
    if (after == std::string::npos) {
        return text;
    }
    auto end = after + 7;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) {
        ++end;
    }
    if (end > after + 7 && text.compare(end, 3, " ms") == 0) {
        text.erase(after, end + 3 - after);
    }
    return text;
}

HttpFailure failure_of(CURLcode code, const char* detail, const std::string& url, bool sent) {
    std::string what =
        without_timing(detail != nullptr && *detail != '\0' ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {HttpFailureKind::name_not_resolved, "the name in " + url + " does not resolve (" + what + ")",
                false};
    case CURLE_COULDNT_CONNECT:
        return {HttpFailureKind::not_connected, "could not connect to " + url + " (" + what + ")", false};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
        return {HttpFailureKind::tls_refused,
                "TLS with " + url + " failed (" + what +
                    "); for a private CA, give its certificate file with --ca-file, or ca_file in the config",
                false};
    case CURLE_OPERATION_TIMEDOUT:
        return {HttpFailureKind::timed_out, "no answer from " + url + " in time (" + what + ")", sent};
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
        return {HttpFailureKind::connection_lost, "the connection to " + url + " was lost (" + what + ")",
                sent};
    default:
        return {HttpFailureKind::other, "the request to " + url + " failed (" + what + ")", sent};
    }
}

#ifdef BACKUP_REQUEST_FIND_CA_BUNDLE
// The static binary's libcurl has no CA bundle built in: each distribution keeps its own in another place
// (the list Go's crypto/x509 reads). SSL_CERT_FILE, OpenSSL's own variable, wins.
std::string system_ca_bundle() {
    static const std::string found = [] {
        if (const char* named = std::getenv("SSL_CERT_FILE"); named != nullptr && *named != '\0') {
            return std::string(named);
        }
        for (const char* path : {"/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Alpine
                                 "/etc/pki/tls/certs/ca-bundle.crt",   // Fedora, RHEL 6
                                 "/etc/ssl/ca-bundle.pem",             // openSUSE, SLES
                                 "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // RHEL 7 and later
                                 "/etc/ssl/cert.pem"}) {                              // Alpine, others
            std::error_code error;
            if (std::filesystem::is_regular_file(path, error)) {
                return std::string(path);
            }
        }
        return std::string();
    }();
    return found;
}
#endif

class CurlTransport final : public HttpTransport {
  public:
    HttpOutcome send(const HttpRequest& request, const HttpOptions& options) override {
        static const CurlGlobal global; // once, before the first handle; curl_global_init is not thread-safe
        const std::unique_ptr<CURL, EasyDeleter> handle(curl_easy_init());
        if (!handle) {
            return HttpFailure{HttpFailureKind::other, "libcurl could not start a request", false};
        }
        CURL* curl = handle.get();
        std::unique_ptr<curl_slist, ListDeleter> headers;
        for (const auto& header : request.headers) {
            const std::string line = header.name + ": " + header.value;
            curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
            if (grown == nullptr) {
                return HttpFailure{HttpFailureKind::other, "libcurl could not hold the request's headers",
                                   false};
            }
            static_cast<void>(headers.release());
            headers.reset(grown);
        }
        std::array<char, CURL_ERROR_SIZE> error{};
        HttpAnswer answer;
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error.data());
        curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
#ifdef BACKUP_REQUEST_FIND_CA_BUNDLE
        const std::string ca_file = options.ca_file.empty() ? system_ca_bundle() : options.ca_file;
#else
        const std::string& ca_file = options.ca_file;
#endif
        if (!ca_file.empty()) {
            curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
        }
        if (request.basic_auth) {
            curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
            curl_easy_setopt(curl, CURLOPT_USERNAME, request.basic_auth->user.c_str());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, request.basic_auth->secret.c_str());
        }
        if (request.method != "GET") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        }
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &answer.headers);
        const CURLcode code = curl_easy_perform(curl);
        if (code != CURLE_OK) {
            // Whether any of the request left this machine: bytes of it were written to the connection.
            long sent_bytes = 0;
            curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &sent_bytes);
            return failure_of(code, error.data(), request.url, sent_bytes > 0);
        }
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
        return answer;
    }
};

} // namespace

std::unique_ptr<HttpTransport> make_curl_transport() {
    return std::make_unique<CurlTransport>();
}

} // namespace backup_request
