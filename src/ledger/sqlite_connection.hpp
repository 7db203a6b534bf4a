// A small RAII wrapper over SQLite's C API: a connection, prepared statements with bound values, and a
// transaction that rolls back unless committed. Every failure is a LedgerUnavailable with SQLite's message.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace backup_request::sqlite {

class Connection;

class Statement {
  public:
    Statement(Connection& connection, std::string_view sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Binds by 1-based position; an empty optional binds NULL.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, std::int64_t number);
    // Runs one step: true when a row is there to read.
    bool step();
    // Runs to the end (a statement without rows).
    void run();
    // Text as valid UTF-8: bytes that are not (an old record, a hand-edited one) come back as "\xNN".
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::optional<std::string> optional_text(int column) const;
    [[nodiscard]] std::int64_t number(int column) const;

  private:
    Connection& connection_;
    sqlite3_stmt* statement_ = nullptr;
};

// read_write creates a missing file; read_only never writes; immutable reads a file that cannot change (on a
// read-only file system, where a WAL ledger's shared-memory file cannot be made), without any locking.
enum class OpenMode { read_write, read_only, immutable };

class Connection {
  public:
    Connection(const std::string& path, std::chrono::milliseconds busy_timeout,
               OpenMode mode = OpenMode::read_write);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) = delete;
    Connection& operator=(Connection&&) = delete;
    ~Connection();

    // Runs SQL without results (several statements allowed).
    void execute(const std::string& sql);
    // execute(), tried again every few milliseconds while SQLite says the database is busy, up to `patience`:
    // for the statements SQLite does not wait on by itself.
    void execute_retrying_when_busy(const std::string& sql, std::chrono::milliseconds patience);
    [[nodiscard]] std::int64_t single_number(const std::string& sql);
    // Whether the file could be opened for reading at all (false: SQLite could not open a file it needs,
    // such as the shared-memory file beside a WAL ledger on a read-only file system).
    [[nodiscard]] bool opens_for_reading();
    [[nodiscard]] sqlite3* handle() const { return database_; }
    // A LedgerUnavailable for the last failure: what was being done, and SQLite's reason.
    [[noreturn]] void fail(const std::string& doing, int code) const;
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    sqlite3* database_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE (the write lock at once, so two writers never deadlock on an upgrade), ROLLBACK unless
// commit() was called.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction(Transaction&&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    void commit();

  private:
    Connection& connection_;
    bool done_ = false;
};

} // namespace backup_request::sqlite
