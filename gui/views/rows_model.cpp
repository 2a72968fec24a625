#include "rows_model.h"

namespace dmacheck::gui {

RowsModel::RowsModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent), headers_(std::move(headers)) {}

void RowsModel::setRows(QVector<TableRow> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  endResetModel();
}

int RowsModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : rows_.size();
}
int RowsModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : headers_.size();
}

QVariant RowsModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const TableRow &r = rows_[index.row()];
  switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return index.column() < r.cells.size() ? r.cells[index.column()] : QString();
    case kKeyRole: return r.key;
    case kSortRole:
      if (index.column() < r.sortValues.size() && r.sortValues[index.column()].isValid())
        return r.sortValues[index.column()];
      return index.column() < r.cells.size() ? r.cells[index.column()] : QString();
    case Qt::BackgroundRole: return r.background.isValid() ? QVariant(r.background) : QVariant();
    default: return {};
  }
}

QVariant RowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < headers_.size()) return headers_[section];
  return {};
}

}  // namespace dmacheck::gui
