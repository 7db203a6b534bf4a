// A small RAII wrapper over libpq: a connection, results freed when they go, statements with parameters
// (unnamed, so nothing lives in the server session: PgBouncer's transaction pooling hands each transaction
// to any server connection), and a transaction that rolls back unless committed. Every failure is a
// LedgerUnavailable with the server's (or libpq's) reason.
#pragma once

#include "backup_request/ledger/ledger_store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace backup_request::postgres {

// A statement the server refused, with its SQLSTATE ("23505" for a unique violation, "25006" read-only).
class StatementFailed : public LedgerUnavailable {
  public:
    StatementFailed(const std::string& message, std::string sqlstate)
        : LedgerUnavailable(message), sqlstate_(std::move(sqlstate)) {}
    [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }

  private:
    std::string sqlstate_;
};

class Result {
  public:
    explicit Result(pg_result* result) : result_(result, &free) {}
    [[nodiscard]] int rows() const;
    [[nodiscard]] std::optional<std::string> value(int row, int column) const;
    [[nodiscard]] std::string text(int row, int column) const { return value(row, column).value_or(""); }

  private:
    static void free(pg_result* result);
    std::unique_ptr<pg_result, void (*)(pg_result*)> result_;
};

using Parameters = std::vector<std::optional<std::string>>;

class Connection {
  public:
    // `conninfo`: a postgresql:// URL or key=value string, as libpq takes it; `connect_timeout` (seconds)
    // applies unless it names its own.
    Connection(const std::string& conninfo, int connect_timeout);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&&) = delete;
    Connection& operator=(Connection&&) = delete;
    ~Connection();

    // Runs one statement; its parameters are $1, $2, ... as text (NULL for none).
    Result run(const std::string& sql, const Parameters& parameters = {});
    // "postgresql://user@host:port/db": where it is connected, without the password.
    [[nodiscard]] const std::string& address() const { return address_; }
    [[nodiscard]] bool in_transaction() const;

  private:
    pg_conn* connection_ = nullptr;
    std::string address_;
};

// BEGIN ... COMMIT; ROLLBACK unless commit() was called. `begin` may set the isolation level. Inside another
// transaction it is a part of that one: it begins, commits and rolls back nothing.
class Transaction {
  public:
    explicit Transaction(Connection& connection, const char* begin = "BEGIN");
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

} // namespace backup_request::postgres
