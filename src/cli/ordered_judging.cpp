// A small pool for validate --jobs: batches of work in, results out in the order they went in.
#include "ordered_judging.hpp"

#include <utility>

namespace backup_request {

void OrderedJudging::Results::add(DraftResult&& result) {
    const DraftTally tally = render_(result, text_);
    rendered_.push_back({tally, text_.size()});
    // `result` goes here, on the thread that allocated its strings.
}

OrderedJudging::OrderedJudging(unsigned workers, Render render, Deliver deliver)
    : render_(std::move(render)), deliver_(std::move(deliver)),
      max_in_flight_(static_cast<std::size_t>(workers) + 1), filling_(std::make_shared<Batch>()) {
    workers_.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) {
        workers_.emplace_back([this] { run_worker(); });
    }
}

OrderedJudging::~OrderedJudging() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) {
        worker.join();
    }
}

void OrderedJudging::add(Work work, std::size_t drafts) {
    filling_->work.push_back(std::move(work));
    filling_->drafts += drafts;
    if (filling_->drafts >= batch_size) {
        submit();
    }
}

void OrderedJudging::finish() {
    if (!filling_->work.empty()) {
        submit();
    }
    while (!in_order_.empty()) {
        deliver_done(true);
    }
}

void OrderedJudging::submit() {
    auto batch = std::exchange(filling_, std::make_shared<Batch>());
    {
        const std::lock_guard lock(mutex_);
        in_order_.push_back(batch);
        waiting_.push_back(std::move(batch));
    }
    work_ready_.notify_one();
    // Deliver what is done; when too much is in flight, wait for the oldest (the bound on memory).
    deliver_done(in_order_.size() > max_in_flight_);
}

void OrderedJudging::deliver_done(bool wait_for_oldest) {
    for (;;) {
        std::shared_ptr<Batch> oldest;
        {
            std::unique_lock lock(mutex_);
            if (in_order_.empty()) {
                return;
            }
            if (wait_for_oldest) {
                batch_done_.wait(lock, [this] { return in_order_.front()->done; });
                wait_for_oldest = false;
            }
            if (!in_order_.front()->done) {
                return;
            }
            oldest = std::move(in_order_.front());
            in_order_.pop_front();
        }
        if (oldest->failure) {
            std::rethrow_exception(oldest->failure);
        }
        const std::string_view text = oldest->text;
        std::size_t start = 0;
        for (const auto& rendered : oldest->rendered) {
            deliver_(rendered.tally, text.substr(start, rendered.text_end - start));
            start = rendered.text_end;
        }
    }
}

void OrderedJudging::run_worker() {
    PlainDraftReader reader;
    for (;;) {
        std::shared_ptr<Batch> batch;
        {
            std::unique_lock lock(mutex_);
            work_ready_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (waiting_.empty()) {
                return; // stopping, and nothing left
            }
            batch = std::move(waiting_.front());
            waiting_.pop_front();
        }
        try {
            batch->rendered.reserve(batch->drafts);
            Results results(render_, batch->text, batch->rendered);
            for (auto& work : batch->work) {
                work(reader, results);
            }
        } catch (...) {
            batch->failure = std::current_exception();
        }
        batch->work.clear(); // what the drafts held goes now, not when the batch is delivered
        {
            const std::lock_guard lock(mutex_);
            batch->done = true;
        }
        batch_done_.notify_all();
    }
}

} // namespace backup_request
