#pragma once

#include <QAbstractListModel>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace checkin {

// The kiosk's languages (en fr es ar zh ru, the codes a guest's record carries), read from the one table of them
// in printing/text/languages.h: their own names for the language picker, their locales for dates and times, their
// translation files (:/i18n/kiosk_<suffix>.qm) and their on-screen keyboard layouts.
namespace kiosklanguages {
// Every language code, in the picker's order.
[[nodiscard]] QStringList codes();
// The language's name in that language ("Français"); empty for an unknown code.
[[nodiscard]] QString nativeName(const QString &code);
// The locale dates and times are written in.
[[nodiscard]] QLocale locale(const QString &code);
// The compiled translation in resources; empty for English (the source language) and unknown codes.
[[nodiscard]] QString translationFile(const QString &code);
// code in lower case when it is one of codes() ("FR" → fr, "zh-CN" → zh); empty otherwise.
[[nodiscard]] QString normalized(const QString &code);
// The Qt Virtual Keyboard locale of the language ("en_GB"); empty for an unknown code.
[[nodiscard]] QString keyboardLocale(const QString &code);
} // namespace kiosklanguages

// The language picker's rows: code, nativeName and keyboardLocale, in codes() order.
class LanguageListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageListModel)
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.languages is the one list of languages")
    Q_PROPERTY(QStringList keyboardLocales READ keyboardLocales CONSTANT)

public:
    enum Role { CodeRole = Qt::UserRole + 1, NativeNameRole, KeyboardLocaleRole };

    explicit LanguageListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    // Every row's keyboard locale, in row order: the virtual keyboard's layouts.
    [[nodiscard]] QStringList keyboardLocales() const;
    // The keyboard locale of the language with this code ("zh" → "zh_CN"); empty for an unknown code.
    Q_INVOKABLE [[nodiscard]] QString keyboardLocaleOf(const QString &code) const;

private:
    QStringList m_codes;
};

} // namespace checkin
