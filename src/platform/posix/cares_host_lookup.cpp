// The static file's name lookup: c-ares reads /etc/hosts, then asks /etc/resolv.conf's servers, with no NSS
// module (which a static glibc would try to load, and an empty root or another distribution may not have).
#include "backup_request/platform/host_lookup.hpp"

#include <ares.h>
#include <arpa/inet.h>
#include <array>
#include <netinet/in.h>
#include <sys/select.h>

namespace backup_request::platform {
namespace {

struct Answer {
    bool done = false;
    LookedUpAddress found;
};

void on_answer(void* argument, int status, int /*timeouts*/, ares_addrinfo* result) {
    auto& answer = *static_cast<Answer*>(argument);
    answer.done = true;
    if (status != ARES_SUCCESS || result == nullptr || result->nodes == nullptr) {
        answer.found.reason = ares_strerror(status);
        if (result != nullptr) {
            ares_freeaddrinfo(result);
        }
        return;
    }
    std::array<char, INET6_ADDRSTRLEN> text{};
    const ares_addrinfo_node* node = result->nodes;
    const void* address =
        node->ai_family == AF_INET6
            ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(node->ai_addr)->sin6_addr)
            : static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(node->ai_addr)->sin_addr);
    if (inet_ntop(node->ai_family, address, text.data(), text.size()) != nullptr) {
        answer.found.address = text.data();
    } else {
        answer.found.reason = "an address c-ares returned could not be written out";
    }
    ares_freeaddrinfo(result);
}

} // namespace

bool looks_up_host_names() {
    return true;
}

LookedUpAddress look_up_host(const std::string& name) {
    if (ares_library_init(ARES_LIB_INIT_ALL) != ARES_SUCCESS) {
        return {std::nullopt, "c-ares could not start"};
    }
    ares_channel channel = nullptr;
    if (const int status = ares_init(&channel); status != ARES_SUCCESS) {
        ares_library_cleanup();
        return {std::nullopt, ares_strerror(status)};
    }
    Answer answer;
    ares_addrinfo_hints hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    ares_getaddrinfo(channel, name.c_str(), nullptr, &hints, on_answer, &answer);
    // c-ares's own timeouts and retries (resolv.conf's, or 5 s and 4 tries) bound this loop.
    while (!answer.done) {
        fd_set readers;
        fd_set writers;
        FD_ZERO(&readers);
        FD_ZERO(&writers);
        const int count = ares_fds(channel, &readers, &writers);
        if (count == 0) {
            break;
        }
        timeval wait{};
        timeval* timeout = ares_timeout(channel, nullptr, &wait);
        (void)select(count, &readers, &writers, nullptr, timeout);
        ares_process(channel, &readers, &writers);
    }
    ares_destroy(channel);
    ares_library_cleanup();
    if (!answer.done) {
        return {std::nullopt, "no answer"};
    }
    return answer.found;
}

} // namespace backup_request::platform
