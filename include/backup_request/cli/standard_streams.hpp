// The process's standard streams and input files as stream buffers over the platform's descriptors that
// remember why they failed: an output that did not reach its destination (a full disk, a closed stdout,
// /dev/full) ends in exit code 4, never 0, and a read error (EIO, a folder on stdin) is an error, never an
// empty input, whatever the C++ library does in its own file buffers.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <cstdint>
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

// A buffered input stream buffer over a file descriptor. A failed read throws std::ios_base::failure with the
// errno as its code (read_failure_reason words it); the end of the input is EOF. `seekoff(0, cur)` tells how
// many bytes were consumed, for a progress line.
class DescriptorInput : public std::streambuf {
  public:
    enum class Ownership { borrowed, owned };
    // `closed`: as for DescriptorOutput; every read fails with EBADF. An owned descriptor is closed with it.
    explicit DescriptorInput(int fd, bool closed = false, Ownership ownership = Ownership::borrowed);
    DescriptorInput(const DescriptorInput&) = delete;
    DescriptorInput& operator=(const DescriptorInput&) = delete;
    ~DescriptorInput() override;

  protected:
    int_type underflow() override;
    std::streamsize xsgetn(char* data, std::streamsize size) override;
    pos_type seekoff(off_type offset, std::ios_base::seekdir direction,
                     std::ios_base::openmode which) override;

  private:
    std::size_t read_into(char* data, std::size_t size);

    int fd_;
    bool closed_;
    Ownership ownership_;
    std::vector<char> buffer_;
    std::uint64_t consumed_ = 0; // bytes read from the descriptor so far
};

// Flushes `out` and tells whether everything written reached the descriptor: none, or the message to print
// ("cannot write to stdout: No space left on device"). A reader that went away (EPIPE) is a failure with an
// empty message: the exit code says it, and the reader chose to stop.
[[nodiscard]] std::optional<std::string> finish_output(DescriptorOutput& out, const char* name);

} // namespace backup_request
