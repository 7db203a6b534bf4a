// validate --jobs N: drafts judged on N threads while one reads, results handed back in input order, so the
// output is byte for byte that of one thread. Work goes in batches through a bounded queue: memory stays flat
// however large the input.
#pragma once

#ifdef BACKUP_REQUEST_CORE
#error "the core cannot include the command line (src/cli, include/backup_request/cli)"
#endif

#include "backup_request/drafts/plain_draft.hpp"
#include "backup_request/output/validation_report.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace backup_request {

class OrderedJudging {
  public:
    // Turns a judged draft into its tally and its output (appended to `text`), on the worker that judged it:
    // the reading thread then only counts and writes, and frees nothing a worker allocated per draft.
    using Render = std::function<DraftTally(DraftResult& result, std::string& text)>;
    // Gets each draft's tally and output on the adding thread, in the order the work was added.
    using Deliver = std::function<void(const DraftTally& tally, std::string_view text)>;

    // Where a piece of work puts the drafts it judged, in order.
    class Results {
      public:
        void add(DraftResult&& result);

      private:
        friend class OrderedJudging;
        struct Rendered {
            DraftTally tally;
            std::size_t text_end;
        };
        Results(const Render& render, std::string& text, std::vector<Rendered>& rendered)
            : render_(render), text_(text), rendered_(rendered) {}
        const Render& render_;
        std::string& text_;
        std::vector<Rendered>& rendered_;
    };

    // The judgement of one draft or of a run of NDJSON lines, to run on any thread; it owns what it needs,
    // and gets the worker's own reader of plain drafts (a simdjson parser with its buffers: one per thread,
    // not thread_local, whose destructors MinGW's static runtime runs badly at thread exit).
    using Work = std::function<void(PlainDraftReader& reader, Results& results)>;

    OrderedJudging(unsigned workers, Render render, Deliver deliver);
    OrderedJudging(const OrderedJudging&) = delete;
    OrderedJudging& operator=(const OrderedJudging&) = delete;
    OrderedJudging(OrderedJudging&&) = delete;
    OrderedJudging& operator=(OrderedJudging&&) = delete;
    ~OrderedJudging();

    // `drafts`: how many results the work gives, which is what a batch is counted in.
    void add(Work work, std::size_t drafts = 1);
    // Judges what is left and delivers everything; rethrows a worker's exception (a bug or no memory).
    void finish();

  private:
    struct Batch {
        std::vector<Work> work;
        std::size_t drafts = 0;
        std::string text; // every draft's output, one after another
        std::vector<Results::Rendered> rendered;
        std::exception_ptr failure;
        bool done = false;
    };

    void submit();
    void deliver_done(bool wait_for_oldest);
    void run_worker();

    // Measured on 2 cores (docs/performance.md): batches of 256 spent the gain on waking threads (1.5x);
    // 1,024 give 1.75x, 4,096 no more and twice the memory. N + 1 in flight keeps every worker fed; more only
    // grew the peak (2N + 2: 11.9 MiB at 10^5 drafts, 14.3 MiB at 10^6).
    static constexpr std::size_t batch_size = 1024;
    Render render_;
    Deliver deliver_;
    std::size_t max_in_flight_;
    std::shared_ptr<Batch> filling_;
    std::deque<std::shared_ptr<Batch>> in_order_; // submitted, oldest first
    std::deque<std::shared_ptr<Batch>> waiting_;  // not yet taken by a worker
    std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable batch_done_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace backup_request
