// Stream buffers over the platform's descriptors with every error kept, and the final flush checked: the C++
// library's own buffers drop a write error into badbit without errno, and libc++'s lose a read error
// altogether.
#include "backup_request/cli/standard_streams.hpp"

#include "backup_request/platform/descriptors.hpp"

#include <cerrno>
#include <cstring>
#include <ios>
#include <system_error>

namespace backup_request {
namespace {

constexpr std::size_t buffer_size = std::size_t{64} * 1024;

[[noreturn]] void throw_read_failure(int error) {
    throw std::ios_base::failure("read failed", std::error_code(error, std::generic_category()));
}

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
        const auto sent = platform::write_some(fd_, data, size);
        if (sent.error != 0) {
            error_ = sent.error;
            return false;
        }
        data += sent.bytes;
        size -= sent.bytes;
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

DescriptorInput::DescriptorInput(int fd, bool closed, Ownership ownership)
    : fd_(fd), closed_(closed), ownership_(ownership), buffer_(buffer_size) {
    setg(buffer_.data(), buffer_.data(), buffer_.data());
}

DescriptorInput::~DescriptorInput() {
    if (ownership_ == Ownership::owned) {
        (void)platform::close_descriptor(fd_);
    }
}

std::size_t DescriptorInput::read_into(char* data, std::size_t size) {
    if (closed_) {
        throw_read_failure(EBADF);
    }
    const auto got = platform::read_some(fd_, data, size);
    if (got.error != 0) {
        throw_read_failure(got.error);
    }
    consumed_ += got.bytes;
    return got.bytes;
}

DescriptorInput::int_type DescriptorInput::underflow() {
    if (gptr() < egptr()) {
        return traits_type::to_int_type(*gptr());
    }
    const std::size_t got = read_into(buffer_.data(), buffer_.size());
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return got == 0 ? traits_type::eof() : traits_type::to_int_type(*gptr());
}

std::streamsize DescriptorInput::xsgetn(char* data, std::streamsize size) {
    auto wanted = static_cast<std::size_t>(size);
    std::size_t taken = 0;
    const auto buffered = static_cast<std::size_t>(egptr() - gptr());
    if (buffered > 0) {
        taken = std::min(buffered, wanted);
        std::memcpy(data, gptr(), taken);
        gbump(static_cast<int>(taken));
        if (taken == wanted) {
            return size;
        }
    }
    // The buffer is empty: a large request reads straight into the caller's memory, one read at a time.
    if (wanted - taken >= buffer_.size()) {
        taken += read_into(data + taken, wanted - taken);
        return static_cast<std::streamsize>(taken);
    }
    if (taken == 0 && traits_type::eq_int_type(underflow(), traits_type::eof())) {
        return 0;
    }
    const std::size_t more = std::min(static_cast<std::size_t>(egptr() - gptr()), wanted - taken);
    std::memcpy(data + taken, gptr(), more);
    gbump(static_cast<int>(more));
    return static_cast<std::streamsize>(taken + more);
}

DescriptorInput::pos_type DescriptorInput::seekoff(off_type offset, std::ios_base::seekdir direction,
                                                   std::ios_base::openmode which) {
    if (offset != 0 || direction != std::ios_base::cur || (which & std::ios_base::in) == 0) {
        return {off_type(-1)};
    }
    return {static_cast<off_type>(consumed_ - static_cast<std::uint64_t>(egptr() - gptr()))};
}

std::optional<std::string> finish_output(DescriptorOutput& out, const char* name) {
    (void)out.pubsync();
    // Some file systems (NFS, FUSE) report a failed write only when the file is closed.
    if (!out.error()) {
        if (const int error = platform::close_descriptor(out.descriptor());
            error != 0 && error != EINTR && error != EBADF) {
            return std::string("cannot write to ") + name + ": " + platform::error_text(error);
        }
    }
    if (const auto error = out.error()) {
        if (*error == EPIPE) {
            return std::string();
        }
        if (*error == EBADF) {
            return std::string("cannot write to ") + name + ": it is closed; give it a file or a pipe";
        }
        return std::string("cannot write to ") + name + ": " + platform::error_text(*error);
    }
    return std::nullopt;
}

} // namespace backup_request
