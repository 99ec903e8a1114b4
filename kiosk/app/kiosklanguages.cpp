#include "kiosk/app/kiosklanguages.h"

#include "printing/text/languages.h"

using namespace Qt::StringLiterals;

namespace checkin {

QStringList kiosklanguages::codes()
{
    return kioskLanguageCodes();
}

QString kiosklanguages::nativeName(const QString &code)
{
    const KioskLanguage *language = findKioskLanguage(code);
    return language ? language->nativeName.toString() : QString();
}

QLocale kiosklanguages::locale(const QString &code)
{
    if (const KioskLanguage *language = findKioskLanguage(code))
        return language->screenLocale();
    return QLocale(code);
}

QString kiosklanguages::translationFile(const QString &code)
{
    const KioskLanguage *language = findKioskLanguage(code);
    if (!language || language->isSourceLanguage())
        return {};
    return u":/i18n/kiosk_"_s + language->translationSuffix + u".qm"_s;
}

QString kiosklanguages::normalized(const QString &code)
{
    // Guest records and the command line may say "FR", "zh-CN" or "zh_Hans": the language part decides.
    const KioskLanguage *language = kioskLanguageForTag(code);
    return language ? language->code.toString() : QString();
}

QString kiosklanguages::keyboardLocale(const QString &code)
{
    const KioskLanguage *language = findKioskLanguage(code);
    return language ? language->keyboardLocale.toString() : QString();
}

LanguageListModel::LanguageListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_codes(kiosklanguages::codes())
{
}

int LanguageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_codes.size());
}

QVariant LanguageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &code = m_codes.at(index.row());
    switch (role) {
    case CodeRole:
        return code;
    case Qt::DisplayRole:
    case NativeNameRole:
        return kiosklanguages::nativeName(code);
    case KeyboardLocaleRole:
        return kiosklanguages::keyboardLocale(code);
    default:
        return {};
    }
}

QHash<int, QByteArray> LanguageListModel::roleNames() const
{
    return {{CodeRole, "code"}, {NativeNameRole, "nativeName"}, {KeyboardLocaleRole, "keyboardLocale"}};
}

QStringList LanguageListModel::keyboardLocales() const
{
    QStringList locales;
    for (const QString &code : m_codes)
        locales.append(kiosklanguages::keyboardLocale(code));
    return locales;
}

QString LanguageListModel::keyboardLocaleOf(const QString &code) const
{
    return kiosklanguages::keyboardLocale(code);
}

} // namespace checkin
