#include "kiosk/app/kiosklanguages.h"

using namespace Qt::StringLiterals;

namespace checkin {

QStringList kiosklanguages::codes()
{
    return {u"en"_s, u"fr"_s, u"es"_s, u"ar"_s, u"zh"_s, u"ru"_s};
}

QString kiosklanguages::nativeName(const QString &code)
{
    if (code == u"en") return u"English"_s;
    if (code == u"fr") return u"Français"_s;
    if (code == u"es") return u"Español"_s;
    if (code == u"ar") return u"العربية"_s;
    if (code == u"zh") return u"中文"_s;
    if (code == u"ru") return u"Русский"_s;
    return {};
}

QLocale kiosklanguages::locale(const QString &code)
{
    if (code == u"zh")
        return QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    if (code == u"en")
        return QLocale(QLocale::English, QLocale::UnitedKingdom); // "2–5 November 2026", 24-hour times
    return QLocale(code);
}

QString kiosklanguages::translationFile(const QString &code)
{
    if (code == u"en" || !codes().contains(code))
        return {};
    return u":/i18n/kiosk_"_s + (code == u"zh" ? u"zh_CN"_s : code) + u".qm"_s;
}

QString kiosklanguages::normalized(const QString &code)
{
    // Guest records and the command line may say "FR", "zh-CN" or "zh_Hans": the language part decides.
    const QString language = code.trimmed().toLower().section(u'-', 0, 0).section(u'_', 0, 0);
    return codes().contains(language) ? language : QString();
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
    case CodeRole: return code;
    case Qt::DisplayRole:
    case NativeNameRole: return kiosklanguages::nativeName(code);
    default: return {};
    }
}

QHash<int, QByteArray> LanguageListModel::roleNames() const
{
    return {{CodeRole, "code"}, {NativeNameRole, "nativeName"}};
}

} // namespace checkin
