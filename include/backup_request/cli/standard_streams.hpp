// The process's stdin and stdout as streams that remember why they failed, so that an output that did not
// reach its destination (a full disk, a closed stdout, /dev/full) ends in exit code 4, never 0.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <optional>
#include <streambuf>
#include <string>
#include <vector>

namespace backup_request {

// A buffered output stream buffer over a file descriptor that keeps the first write error (errno).
class DescriptorOutput : public std::streambuf {
  public:
    // `closed`: the descriptor was closed when the process started (it now holds /dev/null so that no file
    // the program opens can take its number); any write then fails with EBADF.
    explicit DescriptorOutput(int fd, bool closed = false);
    DescriptorOutput(const DescriptorOutput&) = delete;
    DescriptorOutput& operator=(const DescriptorOutput&) = delete;
    ~DescriptorOutput() override;

    // The errno of the first failed write, if any write failed.
    [[nodiscard]] std::optional<int> error() const { return error_; }
    [[nodiscard]] int descriptor() const { return fd_; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

  private:
    bool drain();
    bool write_all(const char* data, std::size_t size);

    int fd_;
    bool closed_;
    std::vector<char> buffer_;
    std::optional<int> error_;
};

// An input stream buffer for a descriptor that was closed when the process started: reading it fails with
// EBADF, as reading the closed descriptor itself would.
class ClosedInput : public std::streambuf {
  protected:
    int_type underflow() override;
    std::streamsize xsgetn(char* data, std::streamsize size) override;
};

// Flushes `out` and tells whether everything written reached the descriptor: none, or the message to print
// ("cannot write to stdout: No space left on device"). A reader that went away (EPIPE) is a failure with an
// empty message: the exit code says it, and the reader chose to stop.
[[nodiscard]] std::optional<std::string> finish_output(DescriptorOutput& out, const char* name);

// Whether `fd` is open; when not, /dev/null is opened on it so that later files cannot take its number.
[[nodiscard]] bool reserve_if_closed(int fd);

} // namespace backup_request
