#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QMetaType>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace checkin {

// A list model that tells QML how many rows it has (count), and replaces its rows in one model reset.
class CountedListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int count() const { return rowCount(); }

Q_SIGNALS:
    void countChanged();

protected:
    // rows becomes newRows in a model reset; countChanged() when the number of rows changed.
    template<typename List>
    void resetRows(List &rows, List newRows)
    {
        const bool countChanges = newRows.size() != rows.size();
        beginResetModel();
        rows = std::move(newRows);
        endResetModel();
        if (countChanges)
            Q_EMIT countChanged();
    }
};

// A list for QML whose rows are one Q_GADGET type: each of the gadget's properties is a role (Qt::UserRole + 1 on,
// in declaration order, named as the property), so a delegate takes them as required properties.
class RowListModel : public CountedListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The staff dashboard provides its lists")

public:
    // Rows of rowType (a Q_GADGET's staticMetaObject).
    explicit RowListModel(const QMetaObject &rowType, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    // Row i as its gadget (its properties readable in QML); invalid outside the list.
    Q_INVOKABLE QVariant at(int i) const { return m_rows.value(i); }

    // Replaces every row (a model reset); Row must be the gadget type given to the constructor.
    template<typename Row>
    void setRows(const QList<Row> &rows)
    {
        Q_ASSERT(&Row::staticMetaObject == &m_rowType);
        QVariantList variants;
        variants.reserve(rows.size());
        for (const Row &row : rows)
            variants.append(QVariant::fromValue(row));
        resetRows(m_rows, std::move(variants));
    }
    // Row i as the gadget type Row.
    template<typename Row>
    [[nodiscard]] Row row(int i) const
    {
        return m_rows.value(i).template value<Row>();
    }

private:
    const QMetaObject &m_rowType;
    QVariantList m_rows;
};

} // namespace checkin
