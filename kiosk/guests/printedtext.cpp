#include "kiosk/guests/printedtext.h"

#include "printing/printabletext.h"

#include <QChar>
#include <QList>

using namespace Qt::StringLiterals;

namespace checkin::printedtext {

bool isInvisibleControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C
           || c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x00AD || (c >= 0x2061 && c <= 0x2064)
           || (c >= 0xFFF9 && c <= 0xFFFB) || c == 0x180E || (c >= 0xE0000 && c <= 0xE007F);
}

QString withoutInvisibleControls(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4();
    QList<char32_t> kept;
    kept.reserve(codePoints.size());
    for (uint c : codePoints) {
        if (!isInvisibleControl(char32_t(c)))
            kept.append(char32_t(c));
    }
    if (kept.size() == codePoints.size())
        return text;
    return QString::fromUcs4(kept.constData(), kept.size());
}

Printable withoutUnprintable(const QString &text)
{
    const PrintableText printable = printableText(text);
    if (printable.removed.isEmpty())
        return {text, {}};
    QString tidy = printable.text;
    while (tidy.contains(QStringView(u"  ")))
        tidy.replace(QString(u"  "_s), QString(u" "_s));
    return {tidy.trimmed(), printable.removed};
}

int longestCombiningRun(const QString &text)
{
    int longest = 0;
    int run = 0;
    for (uint c : text.toUcs4()) {
        const QChar::Category category = QChar::category(char32_t(c));
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            longest = std::max(longest, ++run);
        else
            run = 0;
    }
    return longest;
}

} // namespace checkin::printedtext
