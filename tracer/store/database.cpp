#include "database.h"

#include <sqlite3.h>

#include <utility>

namespace dmacheck::store {

Database::~Database() { close(); }

Database::Database(Database &&other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database &Database::operator=(Database &&other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

bool Database::open(const std::string &path, Mode mode, std::string &error) {
  // Before sqlite3_initialize (the first open does it): no global malloc
  // statistics, which take a process-wide mutex on every allocation (4 % of
  // the import's writer thread). Later calls return SQLITE_MISUSE: harmless.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  close();
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::Create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    error = "cannot open database '" + path + "': " + error;
    close();
    return false;
  }
  sqlite3_extended_result_codes(db_, 1);
  return true;
}

void Database::close() {
  if (db_) {
    // Statements must be finalized by their owners first; close_v2 defers
    // the close until they are, so a forgotten statement is not a crash.
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

bool Database::execute(std::string_view sql, std::string &error) {
  if (!db_) {
    error = "database is not open";
    return false;
  }
  std::string text(sql);
  char *msg = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg);
  if (rc != SQLITE_OK) {
    error = msg ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    return false;
  }
  return true;
}

Statement Database::prepare(std::string_view sql) {
  if (!db_) return Statement();
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Statement();
  }
  return Statement(stmt);
}

std::string Database::lastError() const { return db_ ? sqlite3_errmsg(db_) : "database is not open"; }

int64_t Database::lastInsertRowId() const { return db_ ? sqlite3_last_insert_rowid(db_) : 0; }

// ---------------------------------------------------------------- Statement

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement &&other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), ok_(other.ok_) {}

Statement &Statement::operator=(Statement &&other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    ok_ = other.ok_;
  }
  return *this;
}

void Statement::bindNull(int index) { sqlite3_bind_null(stmt_, index); }
void Statement::bindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::bindDouble(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void Statement::bindText(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}
void Statement::bindTextUntilStep(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
}
void Statement::bindOptionalInt(int index, const std::optional<int64_t> &value) {
  value ? bindInt(index, *value) : bindNull(index);
}
void Statement::bindOptionalU64(int index, const std::optional<uint64_t> &value) {
  value ? bindU64(index, *value) : bindNull(index);
}
void Statement::bindOptionalText(int index, const std::optional<std::string> &value) {
  value ? bindText(index, *value) : bindNull(index);
}

bool Statement::step() {
  if (!stmt_) {
    ok_ = false;
    return false;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    ok_ = true;
    return true;
  }
  ok_ = rc == SQLITE_DONE;
  return false;
}

bool Statement::run() {
  while (step()) {
  }
  bool ok = ok_;
  if (stmt_) sqlite3_reset(stmt_);
  return ok;
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  ok_ = true;
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::columnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::columnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
std::string Statement::columnText(int column) const {
  const unsigned char *text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return std::string(reinterpret_cast<const char *>(text), sqlite3_column_bytes(stmt_, column));
}
std::optional<int64_t> Statement::columnOptionalInt(int column) const {
  if (isNull(column)) return std::nullopt;
  return columnInt(column);
}
std::optional<uint64_t> Statement::columnOptionalU64(int column) const {
  if (isNull(column)) return std::nullopt;
  return columnU64(column);
}
int Statement::columnCount() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }
std::string Statement::columnName(int column) const {
  const char *name = stmt_ ? sqlite3_column_name(stmt_, column) : nullptr;
  return name ? name : "";
}

// -------------------------------------------------------------- Transaction

Transaction::~Transaction() { rollback(); }

bool Transaction::begin(std::string &error) {
  if (!db_.execute("BEGIN", error)) return false;
  active_ = true;
  return true;
}

bool Transaction::commit(std::string &error) {
  if (!active_) {
    error = "no transaction to commit";
    return false;
  }
  if (!db_.execute("COMMIT", error)) return false;
  active_ = false;
  return true;
}

void Transaction::rollback() {
  if (!active_) return;
  std::string ignored;
  db_.execute("ROLLBACK", ignored);
  active_ = false;
}

}  // namespace dmacheck::store
