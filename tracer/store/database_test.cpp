#include "database.h"

#include <gtest/gtest.h>

namespace dmacheck::store {
namespace {

TEST(DatabaseTest, BindAndReadEveryType) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error)) << error;
  ASSERT_TRUE(db.execute("CREATE TABLE t (i INTEGER, u INTEGER, d REAL, s TEXT, n INTEGER)", error)) << error;
  Statement insert = db.prepare("INSERT INTO t (i, u, d, s, n) VALUES (?, ?, ?, ?, ?)");
  ASSERT_TRUE(insert.valid());
  insert.bindInt(1, -5);
  insert.bindU64(2, 0xffffffffffffffffull);  // DMA_MAPPING_ERROR round-trips
  insert.bindDouble(3, 1.5);
  insert.bindText(4, "nvme");
  insert.bindOptionalInt(5, std::nullopt);
  ASSERT_TRUE(insert.run());

  Statement query = db.prepare("SELECT i, u, d, s, n FROM t ORDER BY i");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.columnInt(0), -5);
  EXPECT_EQ(query.columnU64(1), 0xffffffffffffffffull);
  EXPECT_DOUBLE_EQ(query.columnDouble(2), 1.5);
  EXPECT_EQ(query.columnText(3), "nvme");
  EXPECT_TRUE(query.isNull(4));
  EXPECT_FALSE(query.columnOptionalInt(4).has_value());
  EXPECT_FALSE(query.step());
  EXPECT_TRUE(query.succeeded());
}

TEST(DatabaseTest, SyntaxErrorGivesInvalidStatementAndMessage) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error));
  Statement bad = db.prepare("SELEKT 1");
  EXPECT_FALSE(bad.valid());
  EXPECT_NE(db.lastError().find("syntax error"), std::string::npos) << db.lastError();
  EXPECT_FALSE(bad.step());
  EXPECT_FALSE(db.execute("CREATE TABLE (", error));
  EXPECT_FALSE(error.empty());
}

TEST(DatabaseTest, TransactionRollsBackUnlessCommitted) {
  Database db;
  std::string error;
  ASSERT_TRUE(db.open(":memory:", Database::Mode::Create, error));
  ASSERT_TRUE(db.execute("CREATE TABLE t (x INTEGER)", error));
  {
    Transaction tx(db);
    ASSERT_TRUE(tx.begin(error));
    ASSERT_TRUE(db.execute("INSERT INTO t VALUES (1)", error));
  }  // destroyed without commit
  {
    Transaction tx(db);
    ASSERT_TRUE(tx.begin(error));
    ASSERT_TRUE(db.execute("INSERT INTO t VALUES (2)", error));
    ASSERT_TRUE(tx.commit(error)) << error;
  }
  Statement q = db.prepare("SELECT group_concat(x) FROM t");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.columnText(0), "2");
}

TEST(DatabaseTest, OpenMissingReadOnlyFailsWithPath) {
  Database db;
  std::string error;
  EXPECT_FALSE(db.open("/nonexistent-dir/run.db", Database::Mode::ReadOnly, error));
  EXPECT_NE(error.find("/nonexistent-dir/run.db"), std::string::npos) << error;
  EXPECT_FALSE(db.isOpen());
}

}  // namespace
}  // namespace dmacheck::store
