// One table model for every list of the window (devices, the map at t,
// findings, search results): rows of display strings, a sort value per
// cell (hex addresses must sort as numbers) and a key per row (the mapping,
// device or finding the row stands for). Thin on purpose: the rows are
// computed by the model layer.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace dmacheck::gui {

struct TableRow {
  QStringList cells;
  QVector<QVariant> sortValues;  // optional, per cell; the text when absent
  qint64 key = 0;
  QColor background;  // invalid: none
};

class RowsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  static constexpr int kKeyRole = Qt::UserRole + 1;
  static constexpr int kSortRole = Qt::UserRole + 2;

  explicit RowsModel(QStringList headers, QObject *parent = nullptr);
  void setRows(QVector<TableRow> rows);
  const TableRow &row(int i) const { return rows_[i]; }

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  QStringList headers_;
  QVector<TableRow> rows_;
};

}  // namespace dmacheck::gui
