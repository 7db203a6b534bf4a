// validate's live progress line on a terminal's stderr, for batches that take longer than a second.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace backup_request {

enum class ProgressStyle {
    off,   // stderr is not a terminal, -q, or the JSON report shares the terminal
    ansi,  // redrawn in place with "\r" and erase-line
    plain, // NO_COLOR, TERM=dumb, --color never: "\r" and spaces only, no escape sequence
};

struct ProgressCounts {
    std::size_t drafts = 0;
    std::size_t invalid = 0;
    std::uint64_t bytes_read = 0;
    std::optional<std::uint64_t> input_size; // of the file being read, when it is a regular file
};

// "12000 drafts checked (240000/s), 31 invalid, 3.1 of 39.3 MB read"
[[nodiscard]] std::string progress_text(const ProgressCounts& counts, std::chrono::duration<double> elapsed);

class ProgressLine {
  public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // `columns`: the terminal's width; the line is cut to one less, so it never wraps (a wrapped line cannot
    // be taken back with "\r"). 0 when unknown: not cut.
    ProgressLine(std::ostream& err, ProgressStyle style, Clock clock = std::chrono::steady_clock::now,
                 std::size_t columns = 0);

    // The input being read now: its size when it is a regular file, and how to ask how far reading got.
    void start_input(std::optional<std::uint64_t> size, std::function<std::uint64_t()> position);

    // Called for every draft; looks at the clock every 64th, draws after the first second, then at most ten
    // times a second.
    void update(std::size_t drafts, std::size_t invalid);

    // Takes the line off the screen before other text is written to stderr, and at the end.
    void clear();

    [[nodiscard]] bool shown() const { return width_ > 0; }

  private:
    std::ostream& err_;
    ProgressStyle style_;
    Clock clock_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
    std::size_t calls_ = 0;
    std::size_t width_ = 0; // of the line on screen, 0 when none is
    std::size_t columns_ = 0;
    std::optional<std::uint64_t> size_;
    std::function<std::uint64_t()> position_;
};

} // namespace backup_request
