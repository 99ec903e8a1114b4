#include "kiosk/guests/personname.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace checkin::personname {

// The scripts of the letters in text (digits, spaces, punctuation and combining marks don't count).
static QSet<QChar::Script> letterScripts(QStringView text)
{
    QSet<QChar::Script> scripts;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t ucs = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ucs = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (QChar::isLetter(ucs))
            scripts.insert(QChar::script(ucs));
    }
    return scripts;
}

bool isLatin(QStringView text)
{
    const QSet<QChar::Script> scripts = letterScripts(text);
    return scripts.isEmpty() || (scripts.size() == 1 && scripts.contains(QChar::Script_Latin));
}

// Chinese, Japanese and Korean names are written family name first, without a space.
bool isEastAsian(QStringView text)
{
    static const QSet<QChar::Script> eastAsian = {QChar::Script_Han, QChar::Script_Hiragana, QChar::Script_Katakana,
                                                  QChar::Script_Hangul, QChar::Script_Bopomofo};
    const QSet<QChar::Script> scripts = letterScripts(text);
    return !scripts.isEmpty() && eastAsian.contains(scripts);
}

// The name order as the file writes it: given-first, family-first, or empty (as the script suggests).
std::optional<QString> orderFrom(const QString &text)
{
    QString key = text.trimmed().toLower();
    key.replace(u'_', u'-').replace(u' ', u'-');
    if (key.isEmpty() || key == u"auto")
        return QString();
    if (key == u"given-first" || key == u"given" || key == u"western")
        return u"given-first"_s;
    if (key == u"family-first" || key == u"family" || key == u"eastern")
        return u"family-first"_s;
    return std::nullopt;
}

QString compose(const QString &given, const QString &family, const QString &nameOrder)
{
    if (given.isEmpty())
        return family;
    if (family.isEmpty())
        return given;
    const bool eastAsian = isEastAsian(given) && isEastAsian(family);
    if (nameOrder == u"family-first" || (nameOrder.isEmpty() && eastAsian))
        return eastAsian ? QString(family + given) : QString(family + u' ' + given);
    return given + u' ' + family;
}

} // namespace checkin::personname
