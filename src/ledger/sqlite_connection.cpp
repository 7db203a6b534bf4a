// SQLite's C API behind RAII: handles closed and statements finalized on every path, errors as exceptions
// naming the file and SQLite's own reason.
#include "sqlite_connection.hpp"

#include "backup_request/text/utf8_text.hpp"

#include <sqlite3.h>
#include <thread>

namespace backup_request::sqlite {

namespace {

// A file: URI for `path` (RFC 3986 escapes, forward slashes), with immutable=1.
std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    if (path.size() >= 2 && path[1] == ':') {
        uri += '/'; // a Windows drive: file:/C:/...
    }
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\') {
            uri += '/';
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("/-._~:").find(c) != std::string_view::npos) {
            uri += c;
        } else {
            constexpr std::string_view hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[byte >> 4U];
            uri += hex[byte & 0x0FU];
        }
    }
    return uri + "?immutable=1";
}

} // namespace

Connection::Connection(const std::string& path, std::chrono::milliseconds busy_timeout, OpenMode mode)
    : path_(path) {
    // No URI names from the user, no symlink surprises beyond what the caller resolved: a plain read-write
    // open that creates the file when missing (the caller made it first, with the mode it wants), a read-only
    // one, or the immutable URI this code builds.
    int flags = SQLITE_OPEN_NOMUTEX;
    std::string name = path;
    switch (mode) {
    case OpenMode::read_write:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::read_only:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::immutable:
        flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = immutable_uri(path);
        break;
    }
    const int code = sqlite3_open_v2(name.c_str(), &database_, flags, nullptr);
    if (code != SQLITE_OK) {
        const std::string reason = database_ != nullptr ? sqlite3_errmsg(database_) : sqlite3_errstr(code);
        sqlite3_close(database_);
        database_ = nullptr;
        throw LedgerUnavailable("cannot open " + path + ": " + reason);
    }
    sqlite3_extended_result_codes(database_, 1);
    sqlite3_busy_timeout(database_, static_cast<int>(busy_timeout.count()));
}

Connection::~Connection() {
    sqlite3_close_v2(database_);
}

void Connection::fail(const std::string& doing, int code) const {
    std::string reason = sqlite3_errstr(code);
    if (const char* message = sqlite3_errmsg(database_); message != nullptr && reason != message) {
        reason = message;
    }
    throw LedgerUnavailable("cannot " + doing + " " + path_ + ": " + reason);
}

void Connection::execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        sqlite3_free(message);
        fail("use", code);
    }
}

void Connection::execute_retrying_when_busy(const std::string& sql, std::chrono::milliseconds patience) {
    const auto until = std::chrono::steady_clock::now() + patience;
    for (;;) {
        char* message = nullptr;
        const int code = sqlite3_exec(database_, sql.c_str(), nullptr, nullptr, &message);
        sqlite3_free(message);
        if (code == SQLITE_OK) {
            return;
        }
        if ((code & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() >= until) {
            fail("read", code); // the first statement on a file: it could not be read as a ledger
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
}

std::int64_t Connection::single_number(const std::string& sql) {
    Statement statement(*this, sql);
    if (!statement.step()) {
        throw LedgerUnavailable("cannot read " + path_ + ": no result for " + sql);
    }
    return statement.number(0);
}

bool Connection::opens_for_reading() {
    char* message = nullptr;
    const int code = sqlite3_exec(database_, "PRAGMA user_version", nullptr, nullptr, &message);
    sqlite3_free(message);
    return (code & 0xFF) != SQLITE_CANTOPEN;
}

Statement::Statement(Connection& connection, std::string_view sql) : connection_(connection) {
    const int code = sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()),
                                        &statement_, nullptr);
    if (code != SQLITE_OK) {
        connection.fail("read", code);
    }
}

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

Statement& Statement::bind(int index, std::string_view text) {
    const int code =
        sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (code != SQLITE_OK) {
        connection_.fail("write", code);
    }
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    if (text) {
        return bind(index, std::string_view(*text));
    }
    if (const int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) {
        connection_.fail("write", code);
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    if (const int code = sqlite3_bind_int64(statement_, index, number); code != SQLITE_OK) {
        connection_.fail("write", code);
    }
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) {
        return true;
    }
    if (code == SQLITE_DONE) {
        return false;
    }
    connection_.fail(sqlite3_stmt_readonly(statement_) != 0 ? "read" : "write", code);
}

void Statement::run() {
    while (step()) {
    }
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    if (bytes == nullptr) {
        return {};
    }
    return valid_utf8_text({reinterpret_cast<const char*>(bytes),
                            static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))});
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) {
        return std::nullopt;
    }
    return text(column);
}

std::int64_t Statement::number(int column) const {
    return sqlite3_column_int64(statement_, column);
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        char* message = nullptr;
        sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, &message);
        sqlite3_free(message);
    }
}

void Transaction::commit() {
    connection_.execute("COMMIT");
    done_ = true;
}

} // namespace backup_request::sqlite
