// A thin sqlite3 wrapper in the manner of Chromium's sql/: Database,
// Statement, Transaction with typed bind/column. sqlite3.h stays out of this
// header (the GUI includes it). No exceptions: calls return bool and the
// Database keeps the last error text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dmacheck::store {

class Statement;

class Database {
 public:
  enum class Mode { ReadOnly, ReadWrite, Create };  // Create: read-write, created if missing

  Database() = default;
  ~Database();
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;
  Database(Database &&other) noexcept;
  Database &operator=(Database &&other) noexcept;

  bool open(const std::string &path, Mode mode, std::string &error);
  void close();
  bool isOpen() const { return db_ != nullptr; }

  // Runs one or more statements without results (DDL, PRAGMA). On failure
  // the error text names the failing statement.
  bool execute(std::string_view sql, std::string &error);

  // The statement is invalid (valid() == false) on a syntax error; the
  // reason is then in lastError().
  Statement prepare(std::string_view sql);

  std::string lastError() const;
  int64_t lastInsertRowId() const;
  sqlite3 *handle() { return db_; }

 private:
  sqlite3 *db_ = nullptr;
};

// A prepared statement. Binding indexes are 1-based as in sqlite3; column
// indexes are 0-based. step() returns true while rows come; after false,
// succeeded() tells done from error.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;
  Statement(Statement &&other) noexcept;
  Statement &operator=(Statement &&other) noexcept;

  bool valid() const { return stmt_ != nullptr; }

  void bindNull(int index);
  void bindInt(int index, int64_t value);
  // u64 values (addresses) are stored as their int64 bit pattern: values
  // >= 2^63 read back negative in SQL but round-trip exactly in C++.
  void bindU64(int index, uint64_t value) { bindInt(index, static_cast<int64_t>(value)); }
  void bindDouble(int index, double value);
  void bindText(int index, std::string_view value);
  // Without SQLite's private copy: value must stay unchanged until the next
  // step() (the bulk writer's long sg and piece lists).
  void bindTextUntilStep(int index, std::string_view value);
  void bindOptionalInt(int index, const std::optional<int64_t> &value);
  void bindOptionalU64(int index, const std::optional<uint64_t> &value);
  void bindOptionalText(int index, const std::optional<std::string> &value);

  bool step();
  bool succeeded() const { return ok_; }
  // step() to completion and reset, for INSERT/UPDATE; false on error.
  bool run();
  void reset();  // also clears bindings

  bool isNull(int column) const;
  int64_t columnInt(int column) const;
  uint64_t columnU64(int column) const { return static_cast<uint64_t>(columnInt(column)); }
  double columnDouble(int column) const;
  std::string columnText(int column) const;
  std::optional<int64_t> columnOptionalInt(int column) const;
  std::optional<uint64_t> columnOptionalU64(int column) const;
  int columnCount() const;
  std::string columnName(int column) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt *stmt) : stmt_(stmt) {}
  sqlite3_stmt *stmt_ = nullptr;
  bool ok_ = true;
};

// RAII transaction: rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database &db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;

  bool begin(std::string &error);
  bool commit(std::string &error);
  void rollback();

 private:
  Database &db_;
  bool active_ = false;
};

}  // namespace dmacheck::store
