#include "kiosk/mail/mailaddress.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin::mail {

std::expected<MailAddress, QString> MailAddress::parse(const QString &text)
{
    MailAddress result;
    QString address = text.trimmed();
    const qsizetype open = address.lastIndexOf(u'<');
    if (open >= 0) {
        if (!address.endsWith(u'>'))
            return std::unexpected(u"\"%1\" is not an e-mail address: a '<' without its '>'."_s.arg(text));
        result.name = address.left(open).trimmed();
        if (result.name.size() >= 2 && result.name.startsWith(u'"') && result.name.endsWith(u'"'))
            result.name = result.name.mid(1, result.name.size() - 2);
        address = address.mid(open + 1, address.size() - open - 2).trimmed();
    }
    // Deliberately simple: one '@', no spaces or angle brackets, ASCII (an SMTP envelope without SMTPUTF8).
    static const QRegularExpression shape(uR"(^[!#-'*+\-/-9=?A-Z^-~.]+@[A-Za-z0-9\-.]+\.[A-Za-z0-9\-]+$)"_s);
    if (!shape.match(address).hasMatch())
        return std::unexpected(u"\"%1\" is not an e-mail address (write name@example.org, or "
                               "\"Name <name@example.org>\")."_s.arg(text));
    if (result.name.contains(u'\r') || result.name.contains(u'\n'))
        return std::unexpected(u"\"%1\": a display name cannot span lines."_s.arg(text));
    result.address = address;
    return result;
}

QString MailAddress::domain() const
{
    return address.section(u'@', -1);
}

} // namespace checkin::mail
