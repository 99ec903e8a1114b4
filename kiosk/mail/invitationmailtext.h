#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

class QTranslator;

namespace checkin::mail {

// The invitation e-mail's subject and body in the guest's language (en fr es ar zh ru; anything else in English).
// The texts are QT_TRANSLATE_NOOP("InvitationMail", …) strings; translations are kiosk/mail/i18n/mail_<lang>.ts,
// looked up by this object's own QTranslators (never installed on the application).
class InvitationMailText
{
public:
    // What the e-mail says about the event.
    struct Event
    {
        QString name; // "IETF 122 Bangkok"
        int number = 0;
        QString city;
        QDate firstDay;
        QDate lastDay;
    };
    struct Text
    {
        QString subject;
        QString body;
        QString language; // the language the text is in ("en" when the guest's had no translation)
    };

    InvitationMailText();
    ~InvitationMailText();
    InvitationMailText(const InvitationMailText &) = delete;
    InvitationMailText &operator=(const InvitationMailText &) = delete;

    // Subject and body for guestName in language; replyTo (an address, may be empty) is where replies go.
    [[nodiscard]] Text compose(const QString &language, const QString &guestName, const Event &event,
                               const QString &replyTo);
    // The languages with a translation besides English.
    [[nodiscard]] static QStringList translatedLanguages();

private:
    const QTranslator *translator(const QString &language);

    std::map<QString, std::unique_ptr<QTranslator>> m_translators;
};

} // namespace checkin::mail
