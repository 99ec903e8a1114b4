#include "kiosk/app/rowlistmodel.h"

#include <QMetaProperty>

namespace checkin {

RowListModel::RowListModel(const QMetaObject &rowType, QObject *parent)
    : CountedListModel(parent)
    , m_rowType(rowType)
{
}

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int property = role - (Qt::UserRole + 1) + m_rowType.propertyOffset();
    if (property < m_rowType.propertyOffset() || property >= m_rowType.propertyCount())
        return {};
    return m_rowType.property(property).readOnGadget(m_rows.at(index.row()).constData());
}

QHash<int, QByteArray> RowListModel::roleNames() const
{
    QHash<int, QByteArray> roles;
    for (int i = m_rowType.propertyOffset(); i < m_rowType.propertyCount(); ++i)
        roles.insert(Qt::UserRole + 1 + i - m_rowType.propertyOffset(), m_rowType.property(i).name());
    return roles;
}

} // namespace checkin
