// The submission's steps at the edge: the ledger's attempts, the transport, the waits. What each tracker
// needs is tracker_api's data; what the attempts allow is plan_submission's rule.
#include "ticket_submission.hpp"

#include "backup_request/ledger/request_lifecycle.hpp"
#include "backup_request/platform/command_output.hpp"
#include "backup_request/text/visible_text.hpp"
#include "backup_request/trackers/tracker_credential_source.hpp"
#include "recorded_case.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

namespace backup_request {
namespace {

using Milliseconds = std::chrono::milliseconds;
using SteadyTime = std::chrono::steady_clock::time_point;

std::string name_of(Tracker tracker) {
    return std::string(tracker_name(tracker));
}

bool is_success(long status) {
    return status >= 200 && status < 300;
}

bool is_server_error(long status) {
    return status >= 500 && status < 600;
}

std::optional<long long> whole_seconds(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    long long value = 0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    const auto [rest, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || rest != end || value < 0) {
        return std::nullopt;
    }
    return value;
}

// How long a 429 asks to wait: Retry-After in seconds, the IETF RateLimit-Reset (seconds from now), or
// GitHub's x-ratelimit-reset (a Unix time); none when the answer does not say.
std::optional<Milliseconds> rate_limit_wait(const HttpAnswer& answer, sys_seconds now) {
    if (const auto seconds = whole_seconds(header_value(answer, "Retry-After"))) {
        return std::chrono::seconds{*seconds};
    }
    if (const auto seconds = whole_seconds(header_value(answer, "RateLimit-Reset"))) {
        return std::chrono::seconds{*seconds};
    }
    if (const auto reset = whole_seconds(header_value(answer, "X-RateLimit-Reset"))) {
        const auto epoch = now.time_since_epoch().count();
        return std::chrono::seconds{*reset > epoch ? *reset - epoch : 0};
    }
    return std::nullopt;
}

// Each step's waiting, within the run's one budget.
class Budget {
  public:
    Budget(const SubmissionClock& clock, std::chrono::seconds total)
        : clock_(clock), deadline_(clock.steady() + total) {}
    [[nodiscard]] Milliseconds left() const {
        return std::max(Milliseconds{0},
                        std::chrono::duration_cast<Milliseconds>(deadline_ - clock_.steady()));
    }
    // Waits `wait` if the budget still has it and a request's worth after it; false otherwise.
    [[nodiscard]] bool wait(Milliseconds wait) const {
        if (wait + Milliseconds{500} > left()) {
            return false;
        }
        clock_.sleep(wait);
        return true;
    }

  private:
    const SubmissionClock& clock_;
    SteadyTime deadline_;
};

class Submission {
  public:
    Submission(const LedgerRecord& record, const SubmissionPlanInputs& inputs, LedgerStore& store,
               HttpTransport& transport, const SubmissionClock& clock, sys_seconds now,
               CommandContext& context)
        : record_(record), inputs_(inputs), store_(store), transport_(transport), now_(now),
          context_(context), budget_(clock, std::chrono::seconds{inputs.submit->timeout_seconds}),
          target_(tracker_target(inputs.tracker, *inputs.settings)) {
        http_.ca_file = inputs.submit->ca_file;
        http_.connect_timeout = std::min(Milliseconds{std::chrono::seconds{10}}, budget_.left());
    }

    OrFailure<SubmittedTicket> run() {
        auto attempts = store_.attempts(record_.id);
        const auto plan = plan_submission(record_, attempts, name_of(tracker()), inputs_.submit->again, now_);
        if (plan.step == SubmissionStep::already_submitted) {
            return already_submitted(plan.ticketed);
        }
        if (plan.step == SubmissionStep::another_run) {
            return another_run(*plan.running);
        }
        bool search_first = plan.step == SubmissionStep::search_first;
        Milliseconds backoff{1000};
        for (;;) {
            if (search_first) {
                auto found = search(attempts);
                if (auto* failed = std::get_if<CommandFailure>(&found)) {
                    return std::move(*failed);
                }
                if (auto& ticket = std::get<std::optional<TrackerTicket>>(found)) {
                    return adopt(std::move(*ticket), attempts.size());
                }
            }
            auto sent = send_once(attempts.size());
            if (auto* done = std::get_if<SubmittedTicket>(&sent)) {
                return std::move(*done);
            }
            if (auto* failed = std::get_if<CommandFailure>(&sent)) {
                return std::move(*failed);
            }
            // Unknown outcome: wait, then ask before sending again. Out of time: the next run asks.
            const auto& unknown = std::get<UnknownOutcome>(sent);
            if (!budget_.wait(unknown.wait.value_or(backoff))) {
                return tracker_failure("the ticket may or may not have been opened (" + unknown.reason +
                                       "); nothing was sent twice. Run " + again_command() +
                                       " again: it asks " + name_of(tracker()) + " for it before sending");
            }
            backoff *= 2;
            search_first = true;
            attempts = store_.attempts(record_.id);
            const auto next =
                plan_submission(record_, attempts, name_of(tracker()), inputs_.submit->again, now_);
            if (next.step == SubmissionStep::already_submitted) {
                return already_submitted(next.ticketed);
            }
        }
    }

  private:
    struct UnknownOutcome {
        std::string reason;
        std::optional<Milliseconds> wait;
    };
    using SendResult = std::variant<SubmittedTicket, CommandFailure, UnknownOutcome>;

    [[nodiscard]] Tracker tracker() const { return inputs_.tracker; }

    [[nodiscard]] std::string again_command() const {
        return "'backup-request submit " + record_.id + " --to " + name_of(tracker()) + "'";
    }

    [[nodiscard]] CommandFailure tracker_failure(const std::string& message) const {
        return failure(ExitCode::tracker, "request " + record_.id + ": " + message);
    }

    OrFailure<SubmittedTicket> already_submitted(const SubmissionAttempt* ticketed) const {
        SubmittedTicket done{record_.id, tracker(), "", std::nullopt, false, ""};
        if (ticketed != nullptr) {
            done.tracker = tracker_named(ticketed->tracker).value_or(tracker());
            done.ticket = ticketed->ticket.value_or("");
            done.url = ticketed->url;
        } else {
            done.ticket = record_.ticket.value_or("");
            if (done.ticket.starts_with("https://") || done.ticket.starts_with("http://")) {
                done.url = done.ticket;
            }
        }
        done.note = "request " + record_.id + " already has a ticket (" + done.ticket +
                    "); nothing was sent. --again opens another";
        return done;
    }

    [[nodiscard]] CommandFailure another_run(const SubmissionAttempt& running) const {
        return tracker_failure("another backup-request has been submitting it to " + running.tracker +
                               " since " + format_utc_time(running.started_at) + "; nothing was sent. Run " +
                               again_command() + " after " + format_utc_time(running.sending_until) +
                               " if it did not finish");
    }

    // The tracker's answer for a call it refused, as a message a person can act on.
    [[nodiscard]] CommandFailure refused(const HttpRequest& request, const HttpAnswer& answer,
                                         const char* doing) const {
        const std::string said = visible_text(tracker_error_text(answer.body));
        const std::string status = "HTTP " + std::to_string(answer.status);
        const std::string tail = said.empty() ? "" : ": " + said;
        std::string message;
        if (answer.status == 401 || answer.status == 403) {
            message = name_of(tracker()) + " refused the credential " + doing + " (" + status + tail + "); " +
                      (answer.status == 403 ? "it may lack the right to open tickets there; " : "") +
                      credential_hint(tracker());
        } else if (answer.status == 404) {
            message = name_of(tracker()) + " has nothing at " + visible_text(request.url) + " (" + status +
                      tail + "); check the project (--" + name_of(tracker()) +
                      (tracker() == Tracker::redmine || tracker() == Tracker::jira ||
                               tracker() == Tracker::jira_server
                           ? "-project"
                           : "-project, where it has one") +
                      ") and url (--" + name_of(tracker()) + "-url) in the config's [" + name_of(tracker()) +
                      "]";
        } else {
            message = name_of(tracker()) + " refused the ticket (" + status + tail + ")";
            const auto custom = said.find("customfield_");
            if (custom != std::string::npos) {
                const std::string name = said.substr(custom, said.find_first_of(": ;", custom) - custom);
                message += "; set the field the Jira project requires with --jira-field " + name +
                           "=VALUE, or field = [\"" + name +
                           "=VALUE\"] in the config's [jira] (VALUE as "
                           "Jira's create screen takes it, in JSON: {\"id\": \"...\"} for a choice)";
            }
        }
        return tracker_failure(message + "; nothing was opened");
    }

    [[nodiscard]] CommandFailure unreachable(const HttpFailure& failed) const {
        // The transport's words say what to do (a TLS failure names --ca-file).
        return tracker_failure("could not reach " + name_of(tracker()) + ": " + visible_text(failed.message) +
                               "; nothing was sent");
    }

    // Sends one call, waiting out 429s within the budget (the tracker did not act on them).
    HttpOutcome send(const HttpRequest& request) {
        for (;;) {
            HttpOptions options = http_;
            options.total_timeout = budget_.left();
            if (options.total_timeout <= Milliseconds{0}) {
                return HttpFailure{HttpFailureKind::timed_out, "the --timeout budget is spent", false};
            }
            context_.log->info("{} {}", request.method, request.url);
            auto outcome = transport_.send(request, options);
            auto* answer = std::get_if<HttpAnswer>(&outcome);
            if (answer == nullptr || answer->status != 429) {
                return outcome;
            }
            const auto wait = rate_limit_wait(*answer, now_).value_or(Milliseconds{1000});
            context_.log->info("{} asks to wait {} ms (429)", name_of(tracker()), wait.count());
            if (!budget_.wait(wait)) {
                return outcome; // the caller reports the 429
            }
        }
    }

    // The search for the marker: the ticket an earlier attempt opened that no attempt knows yet, none, or
    // the failure (nothing is sent when the tracker cannot be asked).
    OrFailure<std::optional<TrackerTicket>> search(const std::vector<SubmissionAttempt>& attempts) {
        auto request = find_ticket_request(tracker(), target_, inputs_.credential, record_.id);
        if (auto* error = std::get_if<TrackerError>(&request)) {
            return usage_failure("submit", error->message);
        }
        const auto& find = std::get<HttpRequest>(request);
        Milliseconds backoff{1000};
        for (;;) {
            auto outcome = send(find);
            if (auto* failed = std::get_if<HttpFailure>(&outcome)) {
                return tracker_failure("an earlier attempt's outcome is unknown, and " + name_of(tracker()) +
                                       " could not be asked whether it opened the ticket: " +
                                       visible_text(failed->message) + "; nothing was sent");
            }
            const auto& answer = std::get<HttpAnswer>(outcome);
            if (is_server_error(answer.status) && budget_.wait(backoff)) {
                backoff *= 2;
                continue;
            }
            if (!is_success(answer.status)) {
                auto refusal = refused(find, answer, "to the search for an earlier attempt's ticket");
                refusal.messages.back() = "request " + record_.id + ": " + name_of(tracker()) +
                                          " answered HTTP " + std::to_string(answer.status) +
                                          " to the search for an earlier attempt's ticket, whose outcome is "
                                          "unknown; nothing was sent";
                return refusal;
            }
            auto found = read_found_tickets(tracker(), target_, answer.body, record_.id);
            if (auto* error = std::get_if<TrackerError>(&found)) {
                return tracker_failure(error->message + "; nothing was sent");
            }
            for (auto& ticket : std::get<std::vector<TrackerTicket>>(found)) {
                if (!is_known_ticket(attempts, ticket.key)) {
                    return std::optional<TrackerTicket>(std::move(ticket));
                }
            }
            return std::optional<TrackerTicket>();
        }
    }

    [[nodiscard]] SubmissionAttempt new_attempt(std::size_t seq) const {
        SubmissionAttempt attempt;
        attempt.request_id = record_.id;
        attempt.seq = seq;
        attempt.tracker = name_of(tracker());
        attempt.started_at = now_;
        // The run's own deadline, and a margin: until then another run must not take it for dead.
        attempt.sending_until =
            now_ + std::chrono::seconds{inputs_.submit->timeout_seconds} + std::chrono::seconds{30};
        return attempt;
    }

    OrFailure<SubmittedTicket> adopt(TrackerTicket ticket, std::size_t seq) {
        SubmissionAttempt attempt = new_attempt(seq);
        attempt.outcome = AttemptOutcome::adopted;
        attempt.ticket = ticket.key;
        attempt.url = ticket.url;
        attempt.detail = "found by its marker " + tracker_marker(record_.id);
        if (!store_.begin_attempt(attempt)) {
            return another_run(attempt);
        }
        std::string note =
            "found " + ticket.key + ", which an earlier attempt opened; nothing was sent twice";
        return recorded(std::move(ticket), false, std::move(note));
    }

    // The ticket into the record's life; a record changed meanwhile is read again once.
    OrFailure<SubmittedTicket> recorded(TrackerTicket ticket, bool created, std::string note) {
        SubmittedTicket done{record_.id, tracker(), ticket.key, ticket.url, created, std::move(note)};
        try {
            LedgerRecord current = record_;
            for (int tries = 0; tries < 3; ++tries) {
                if (store_.update_lifecycle(with_ticket(current, ticket.key, now_), current)) {
                    return done;
                }
                auto again = store_.find(record_.id);
                if (!again) {
                    break;
                }
                current = std::move(*again);
            }
        } catch (const LedgerUnavailable& unavailable) {
            return failure(ExitCode::output, "request " + record_.id + ": the ticket " + ticket.url +
                                                 " was opened, but the ledger could not record it (" +
                                                 unavailable.what() +
                                                 "); a later submit finds it by its marker");
        }
        return failure(ExitCode::output, "request " + record_.id + ": the ticket " + ticket.url +
                                             " was opened, but the record kept changing; look at it with "
                                             "backup-request show " +
                                             record_.id);
    }

    void finish(SubmissionAttempt& attempt, AttemptOutcome outcome, std::string detail) {
        attempt.outcome = outcome;
        attempt.detail = std::move(detail);
        store_.finish_attempt(attempt);
    }

    // One create call, recorded before it is sent.
    SendResult send_once(std::size_t seq) {
        const auto attempts = store_.attempts(record_.id);
        const auto tickets_before = static_cast<std::size_t>(
            std::count_if(attempts.begin(), attempts.end(), [](const SubmissionAttempt& attempt) {
                return attempt.outcome == AttemptOutcome::created ||
                       attempt.outcome == AttemptOutcome::adopted;
            }));
        auto request = create_ticket_request(tracker(), target_, inputs_.credential, inputs_.body, record_.id,
                                             tickets_before);
        if (auto* error = std::get_if<TrackerError>(&request)) {
            return usage_failure("submit", error->message);
        }
        const auto& create = std::get<HttpRequest>(request);
        SubmissionAttempt attempt = new_attempt(seq);
        if (!store_.begin_attempt(attempt)) {
            return another_run(attempt);
        }
        auto outcome = send(create);
        if (auto* failed = std::get_if<HttpFailure>(&outcome)) {
            if (!failed->maybe_delivered) {
                finish(attempt, AttemptOutcome::not_sent, failed->message);
                return unreachable(*failed);
            }
            finish(attempt, AttemptOutcome::unknown, failed->message);
            return UnknownOutcome{failed->message, std::nullopt};
        }
        const auto& answer = std::get<HttpAnswer>(outcome);
        if (is_success(answer.status)) {
            auto ticket = read_created_ticket(tracker(), target_, answer.body);
            if (auto* error = std::get_if<TrackerError>(&ticket)) {
                // A success without a ticket in it: one may exist all the same.
                finish(attempt, AttemptOutcome::unknown, error->message);
                return tracker_failure(error->message + "; run " + again_command() +
                                       " again once the url is right: it asks for the ticket before "
                                       "sending");
            }
            auto& opened = std::get<TrackerTicket>(ticket);
            attempt.ticket = opened.key;
            attempt.url = opened.url;
            finish(attempt, AttemptOutcome::created, "");
            auto done = recorded(opened, true, "opened " + opened.key + " in " + name_of(tracker()));
            if (auto* failed = std::get_if<CommandFailure>(&done)) {
                return std::move(*failed);
            }
            return std::get<SubmittedTicket>(std::move(done));
        }
        if (is_server_error(answer.status)) {
            finish(attempt, AttemptOutcome::unknown, "HTTP " + std::to_string(answer.status));
            return UnknownOutcome{name_of(tracker()) + " answered HTTP " + std::to_string(answer.status),
                                  std::nullopt};
        }
        if (answer.status == 429) {
            finish(attempt, AttemptOutcome::not_sent, "HTTP 429");
            const auto wait = rate_limit_wait(answer, now_);
            return tracker_failure(
                name_of(tracker()) + " is limiting requests (HTTP 429)" +
                (wait ? " for " + std::to_string(wait->count() / 1000) + " s more" : std::string()) +
                ", longer than --timeout allows; nothing was opened. Run " + again_command() + " later");
        }
        auto refusal = refused(create, answer, "");
        finish(attempt, AttemptOutcome::refused, refusal.messages.back());
        return refusal;
    }

    const LedgerRecord& record_;
    const SubmissionPlanInputs& inputs_;
    LedgerStore& store_;
    HttpTransport& transport_;
    sys_seconds now_;
    CommandContext& context_;
    Budget budget_;
    TrackerTarget target_;
    HttpOptions http_;
};

} // namespace

OrFailure<std::string> recorded_body(const LedgerRecord& record, Tracker tracker,
                                     const TrackerSettings& settings) {
    auto judged = recorded_case(record);
    if (auto* failed = std::get_if<CommandFailure>(&judged)) {
        return std::move(*failed);
    }
    auto checked = checked_tracker_settings(tracker, settings);
    if (auto* error = std::get_if<TrackerError>(&checked)) {
        return usage_failure("submit", error->message);
    }
    auto body = tracker_body(tracker, std::get<JudgedRequest>(judged).document(),
                             std::get<TrackerSettings>(checked), true);
    if (auto* error = std::get_if<TrackerError>(&body)) {
        return error->missing_setting ? usage_failure("submit", error->message)
                                      : failure(ExitCode::rule_violation, error->message);
    }
    auto marked = body_with_marker(tracker, std::get<std::string>(body), record.id);
    if (auto* error = std::get_if<TrackerError>(&marked)) {
        return failure(ExitCode::rule_violation, error->message);
    }
    return std::get<std::string>(std::move(marked));
}

OrFailure<SubmittedTicket> submit_record(const LedgerRecord& record, const SubmissionPlanInputs& inputs,
                                         LedgerStore& store, HttpTransport& transport,
                                         const SubmissionClock& clock, sys_seconds now,
                                         CommandContext& context) {
    try {
        return Submission(record, inputs, store, transport, clock, now, context).run();
    } catch (const LedgerUnavailable& unavailable) {
        return failure(ExitCode::output, "request " + record.id + ": the ledger cannot record the attempt (" +
                                             unavailable.what() + "); nothing was sent");
    }
}

OrFailure<SubmittedTicket> open_ticket(const LedgerRecord& record, Tracker tracker,
                                       const TrackerSettings& settings, const SubmitSettings& submit,
                                       LedgerStore& store, sys_seconds now, CommandContext& context) {
    auto body = recorded_body(record, tracker, settings);
    if (auto* failed = std::get_if<CommandFailure>(&body)) {
        return std::move(*failed);
    }
    auto credential = tracker_credential(tracker, settings, context);
    if (auto* failed = std::get_if<CommandFailure>(&credential)) {
        return std::move(*failed);
    }
    const SubmissionPlanInputs inputs{tracker, &settings, &submit,
                                      std::get<TrackerCredential>(std::move(credential)),
                                      std::get<std::string>(std::move(body))};
    auto transport = make_curl_transport();
    SubmissionClock clock;
    clock.sleep = [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); };
    return submit_record(record, inputs, store, *transport, clock, now, context);
}

OrFailure<TrackerCredential> tracker_credential(Tracker tracker, const TrackerSettings& settings,
                                                const CommandContext& context) {
    const TrackerConnection& connection = connection_of(settings, tracker);
    const auto runner = [](const std::string& command) -> std::variant<std::string, CommandFailureText> {
        auto output = platform::command_output(command, std::chrono::seconds{10});
        if (auto* failed = std::get_if<platform::CommandOutputFailure>(&output)) {
            return CommandFailureText{failed->message};
        }
        return std::get<std::string>(std::move(output));
    };
    auto found = find_credential(tracker, CredentialSettings{connection.user, connection.token_command},
                                 context.environment.variable, runner);
    if (auto* problem = std::get_if<CredentialProblem>(&found)) {
        return failure(ExitCode::tracker, visible_text(problem->message));
    }
    return std::get<TrackerCredential>(std::move(found));
}

std::string submitted_text(const SubmittedTicket& submitted, bool json) {
    if (json) {
        nlohmann::ordered_json object;
        object["id"] = submitted.id;
        object["tracker"] = name_of(submitted.tracker);
        object["ticket"] = submitted.ticket;
        object["url"] = submitted.url ? nlohmann::ordered_json(*submitted.url) : nlohmann::ordered_json();
        object["created"] = submitted.created;
        return object.dump() + "\n";
    }
    return visible_text(submitted.url.value_or(submitted.ticket)) + "\n";
}

} // namespace backup_request
