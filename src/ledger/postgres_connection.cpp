// libpq's connection and results behind RAII, its messages folded to one line.
#include "postgres_connection.hpp"

#include "backup_request/platform/host_lookup.hpp"

#include <cstdlib>
#include <libpq-fe.h>
#include <vector>

namespace backup_request::postgres {
namespace {

// libpq's messages end with a newline and may run over several lines (each host tried, a DETAIL): one line.
std::string one_line(const char* message) {
    std::string text = message == nullptr ? "" : message;
    std::string folded;
    bool gap = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            gap = !folded.empty();
            continue;
        }
        if (gap) {
            folded += "; ";
            gap = false;
        }
        folded += c;
    }
    return folded.empty() ? "no reason given" : folded;
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? "" : value;
}

// What libpq would otherwise ask the C library for, in a build that must not (the static file: no NSS):
// the servers' addresses, and the user's name when neither the URL nor PGUSER gives one.
void add_what_the_system_cannot_say(const std::string& conninfo, std::vector<std::string>& keywords,
                                    std::vector<std::string>& values) {
    if (!platform::looks_up_host_names()) {
        return;
    }
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        const std::string reason = one_line(error);
        PQfreemem(error);
        throw LedgerUnavailable("cannot connect to PostgreSQL: " + reason);
    }
    std::string host;
    std::string hostaddr;
    std::string user;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        const std::string keyword = option->keyword;
        const std::string value = option->val == nullptr ? "" : option->val;
        if (keyword == "host") {
            host = value;
        } else if (keyword == "hostaddr") {
            hostaddr = value;
        } else if (keyword == "user") {
            user = value;
        }
    }
    PQconninfoFree(options);
    if (host.empty()) {
        host = environment("PGHOST");
    }
    if (hostaddr.empty() && environment("PGHOSTADDR").empty() && !host.empty()) {
        const auto addresses = postgres_host_addresses(host, platform::look_up_host);
        if (addresses.index() == 1) {
            throw LedgerUnavailable("cannot connect to PostgreSQL: " + std::get<1>(addresses));
        }
        if (!std::get<0>(addresses).empty()) {
            keywords.emplace_back("hostaddr");
            values.push_back(std::get<0>(addresses));
        }
    }
    if (user.empty() && environment("PGUSER").empty()) {
        const std::string login = environment("USER").empty() ? environment("LOGNAME") : environment("USER");
        if (!login.empty()) {
            keywords.emplace_back("user");
            values.push_back(login);
        }
    }
}

} // namespace

void Result::free(pg_result* result) {
    PQclear(result);
}

int Result::rows() const {
    return PQntuples(result_.get());
}

std::optional<std::string> Result::value(int row, int column) const {
    if (PQgetisnull(result_.get(), row, column) != 0) {
        return std::nullopt;
    }
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

Connection::Connection(const std::string& conninfo, int connect_timeout) {
    // The defaults first: a connect_timeout or application_name in the URL, later in the list, wins; what
    // add_what_the_system_cannot_say adds comes after, and is added only where the URL has none.
    std::vector<std::string> keywords = {"connect_timeout", "application_name", "dbname"};
    std::vector<std::string> values = {std::to_string(connect_timeout), "backup-request", conninfo};
    add_what_the_system_cannot_say(conninfo, keywords, values);
    std::vector<const char*> keyword_texts;
    std::vector<const char*> value_texts;
    for (std::size_t i = 0; i < keywords.size(); ++i) {
        keyword_texts.push_back(keywords[i].c_str());
        value_texts.push_back(values[i].c_str());
    }
    keyword_texts.push_back(nullptr);
    value_texts.push_back(nullptr);
    connection_ = PQconnectdbParams(keyword_texts.data(), value_texts.data(), 1);
    if (connection_ == nullptr) {
        throw LedgerUnavailable("cannot connect to PostgreSQL: out of memory");
    }
    if (PQstatus(connection_) != CONNECTION_OK) {
        const std::string reason = one_line(PQerrorMessage(connection_));
        PQfinish(connection_);
        connection_ = nullptr;
        throw LedgerUnavailable("cannot connect to PostgreSQL: " + reason);
    }
    // The server's NOTICEs ("relation ... already exists, skipping") are for a DBA's console: libpq would
    // print them on our stderr, which carries the tool's own messages only.
    PQsetNoticeProcessor(
        connection_, [](void* /*unused*/, const char* /*message*/) {}, nullptr);
    const std::string host = PQhost(connection_) == nullptr ? "" : PQhost(connection_);
    address_ = "postgresql://" + std::string(PQuser(connection_)) + "@" +
               (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + PQport(connection_) +
               "/" + PQdb(connection_);
}

Connection::~Connection() {
    if (connection_ != nullptr) {
        PQfinish(connection_);
    }
}

Result Connection::run(const std::string& sql, const Parameters& parameters) {
    std::vector<const char*> values;
    values.reserve(parameters.size());
    for (const auto& parameter : parameters) {
        values.push_back(parameter ? parameter->c_str() : nullptr);
    }
    PGresult* raw = PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    Result result(raw);
    // nullptr only when out of memory, and then PQresultStatus says PGRES_FATAL_ERROR too.
    const auto status = PQresultStatus(raw);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const char* sqlstate = raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_SQLSTATE);
        const char* primary = raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_MESSAGE_PRIMARY);
        throw StatementFailed(
            address_ + ": " +
                (primary != nullptr ? std::string(primary) : one_line(PQerrorMessage(connection_))),
            sqlstate != nullptr ? sqlstate : "");
    }
    return result;
}

bool Connection::in_transaction() const {
    return PQtransactionStatus(connection_) != PQTRANS_IDLE;
}

Transaction::Transaction(Connection& connection, const char* begin)
    : connection_(connection), done_(connection.in_transaction()) {
    if (!done_) {
        (void)connection_.run(begin);
    }
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            (void)connection_.run("ROLLBACK");
        } catch (const LedgerUnavailable&) {
            // The connection is gone: the server rolls the transaction back by itself.
        }
    }
}

void Transaction::commit() {
    if (!done_) {
        (void)connection_.run("COMMIT");
        done_ = true;
    }
}

} // namespace backup_request::postgres
