// Drawing and clearing the progress line; what it says is progress_text, a pure function.
#include "progress_line.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ostream>

namespace backup_request {
namespace {

constexpr auto first_draw_after = std::chrono::seconds{1};
constexpr auto redraw_every = std::chrono::milliseconds{100};
constexpr std::size_t clock_every = 64; // drafts between two looks at the clock: a draft takes microseconds

std::string megabytes(std::uint64_t bytes) {
    std::array<char, 32> buffer{};
    const int written = std::snprintf(buffer.data(), buffer.size(), "%.1f", static_cast<double>(bytes) / 1e6);
    return {buffer.data(), static_cast<std::size_t>(written)};
}

} // namespace

std::string progress_text(const ProgressCounts& counts, std::chrono::duration<double> elapsed) {
    std::string text =
        std::to_string(counts.drafts) + (counts.drafts == 1 ? " draft" : " drafts") + " checked";
    if (elapsed.count() > 0) {
        text +=
            " (" +
            std::to_string(static_cast<std::uint64_t>(static_cast<double>(counts.drafts) / elapsed.count())) +
            "/s)";
    }
    text += ", " + std::to_string(counts.invalid) + " invalid";
    if (counts.input_size && *counts.input_size > 0) {
        text += ", " + megabytes(counts.bytes_read) + " of " + megabytes(*counts.input_size) + " MB read";
    }
    return text;
}

ProgressLine::ProgressLine(std::ostream& err, ProgressStyle style, Clock clock, std::size_t columns)
    : err_(err), style_(style), clock_(std::move(clock)), columns_(columns) {
    if (style_ != ProgressStyle::off) {
        start_ = clock_();
        last_draw_ = start_;
    }
}

void ProgressLine::start_input(std::optional<std::uint64_t> size, std::function<std::uint64_t()> position) {
    size_ = position ? size : std::nullopt;
    position_ = std::move(position);
}

void ProgressLine::update(std::size_t drafts, std::size_t invalid) {
    if (style_ == ProgressStyle::off || ++calls_ % clock_every != 0) {
        return;
    }
    const auto now = clock_();
    if (now - start_ < first_draw_after || (width_ > 0 && now - last_draw_ < redraw_every)) {
        return;
    }
    last_draw_ = now;
    ProgressCounts counts{drafts, invalid, 0, size_};
    if (size_) {
        counts.bytes_read = std::min(position_(), *size_);
    }
    std::string text = progress_text(counts, now - start_);
    if (columns_ > 1 && text.size() > columns_ - 1) {
        text.resize(columns_ - 1); // ASCII only: digits, letters and punctuation
    }
    if (style_ == ProgressStyle::ansi) {
        err_ << "\r\x1b[2K" << text;
    } else {
        // No escape sequences: spaces cover what a longer line before left.
        err_ << '\r' << text << std::string(width_ > text.size() ? width_ - text.size() : 0, ' ');
    }
    width_ = std::max<std::size_t>(text.size(), 1);
    err_.flush(); // stderr is buffered: without this the line would show a block late
}

void ProgressLine::clear() {
    if (width_ == 0) {
        return;
    }
    if (style_ == ProgressStyle::ansi) {
        err_ << "\r\x1b[2K";
    } else {
        err_ << '\r' << std::string(width_, ' ') << '\r';
    }
    width_ = 0;
}

} // namespace backup_request
