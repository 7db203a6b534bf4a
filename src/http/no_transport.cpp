// The transport of a build made without libcurl: every send fails before anything leaves, saying so, so
// `submit --dry-run` still shows the request and nothing is ever half sent.
#include "backup_request/http/http_transport.hpp"

namespace backup_request {
namespace {

class NoTransport final : public HttpTransport {
  public:
    HttpOutcome send(const HttpRequest& /*request*/, const HttpOptions& /*options*/) override {
        return HttpFailure{
            HttpFailureKind::other,
            "this build of backup-request has no HTTP client (it was made without libcurl); use "
            "a build that has one, or submit --dry-run and send the request it shows yourself",
            false};
    }
};

} // namespace

std::unique_ptr<HttpTransport> make_curl_transport() {
    return std::make_unique<NoTransport>();
}

} // namespace backup_request
