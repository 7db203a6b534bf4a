// Output through write(2) with every error kept, and the final flush checked: libstdc++'s own stdout buffer
// drops a write error into badbit, without errno.
#include "backup_request/cli/standard_streams.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <ios>
#include <system_error>
#include <unistd.h>

namespace backup_request {
namespace {

constexpr std::size_t buffer_size = std::size_t{64} * 1024;

} // namespace

DescriptorOutput::DescriptorOutput(int fd, bool closed) : fd_(fd), closed_(closed), buffer_(buffer_size) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

DescriptorOutput::~DescriptorOutput() {
    (void)drain();
}

bool DescriptorOutput::write_all(const char* data, std::size_t size) {
    if (error_) {
        return false;
    }
    if (closed_ && size > 0) {
        error_ = EBADF;
        return false;
    }
    while (size > 0) {
        const ssize_t written = ::write(fd_, data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            error_ = errno;
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

bool DescriptorOutput::drain() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    const bool ok = write_all(pbase(), pending);
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok;
}

DescriptorOutput::int_type DescriptorOutput::overflow(int_type c) {
    if (!drain()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize DescriptorOutput::xsputn(const char* data, std::streamsize size) {
    const auto count = static_cast<std::size_t>(size);
    if (count <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, count);
        pbump(static_cast<int>(count));
        return size;
    }
    // Larger than the room left: what is buffered goes first, then this block in one write.
    if (!drain() || !write_all(data, count)) {
        return 0;
    }
    return size;
}

int DescriptorOutput::sync() {
    return drain() ? 0 : -1;
}

ClosedInput::int_type ClosedInput::underflow() {
    throw std::ios_base::failure("stdin is closed", std::error_code(EBADF, std::generic_category()));
}

std::streamsize ClosedInput::xsgetn(char* /*data*/, std::streamsize /*size*/) {
    throw std::ios_base::failure("stdin is closed", std::error_code(EBADF, std::generic_category()));
}

std::optional<std::string> finish_output(DescriptorOutput& out, const char* name) {
    (void)out.pubsync();
    // Some file systems (NFS, FUSE) report a failed write only when the file is closed.
    if (!out.error() && ::close(out.descriptor()) != 0 && errno != EINTR && errno != EBADF) {
        return std::string("cannot write to ") + name + ": " + std::strerror(errno);
    }
    if (const auto error = out.error()) {
        if (*error == EPIPE) {
            return std::string();
        }
        if (*error == EBADF) {
            return std::string("cannot write to ") + name + ": it is closed; give it a file or a pipe";
        }
        return std::string("cannot write to ") + name + ": " + std::strerror(*error);
    }
    return std::nullopt;
}

bool reserve_if_closed(int fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) {
        return false;
    }
    const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) {
        (void)::dup2(opened, fd);
        (void)::close(opened);
    }
    return true;
}

} // namespace backup_request
