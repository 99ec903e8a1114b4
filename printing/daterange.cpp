#include "printing/daterange.h"

using namespace Qt::StringLiterals;

namespace checkin {

QString formatDateRange(QDate first, QDate last, const QLocale &locale)
{
    if (!first.isValid())
        return {};
    if (!last.isValid())
        last = first;
    const QString dash = u"\u2013"_s;
    if (locale.language() == QLocale::Chinese || locale.language() == QLocale::Japanese) {
        const QString full = u"yyyy年M月d日"_s;
        if (last <= first)
            return locale.toString(first, full);
        if (first.year() != last.year())
            return locale.toString(first, full) + dash + locale.toString(last, full);
        return locale.toString(first, full) + dash
               + locale.toString(last, first.month() == last.month() ? u"d日"_s : u"M月d日"_s);
    }
    const bool spanish = locale.language() == QLocale::Spanish;
    const QString full = spanish ? u"d 'de' MMMM 'de' yyyy"_s : u"d MMMM yyyy"_s;
    if (last <= first)
        return locale.toString(first, full);
    if (first.year() != last.year())
        return locale.toString(first, full) + u" \u2013 "_s + locale.toString(last, full);
    if (first.month() != last.month())
        return locale.toString(first, spanish ? u"d 'de' MMMM"_s : u"d MMMM"_s) + u" \u2013 "_s
               + locale.toString(last, full);
    return locale.toString(first, u"d"_s) + dash + locale.toString(last, full);
}

} // namespace checkin
