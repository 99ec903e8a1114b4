#include "kiosk/mail/invitationmailtext.h"

#include "printing/daterange.h"
#include "printing/text/languages.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMailText, "checkin.mail.text")

namespace checkin::mail {

namespace {

constexpr const char *Context = "InvitationMail";
constexpr const char *Subject = QT_TRANSLATE_NOOP("InvitationMail",
                                                  "Your invitation to the IETF Policymaker Program (%1)");
constexpr const char *Greeting = QT_TRANSLATE_NOOP("InvitationMail", "Dear %1,");
constexpr const char *Invited = QT_TRANSLATE_NOOP(
    "InvitationMail", "You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.");
constexpr const char *BringIt = QT_TRANSLATE_NOOP(
    "InvitationMail",
    "Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code "
    "at the check-in kiosk when you arrive: your badge prints at once.");
constexpr const char *ReplyTo = QT_TRANSLATE_NOOP("InvitationMail",
                                                  "Questions? Reply to this e-mail and it will reach %1.");
constexpr const char *Reply = QT_TRANSLATE_NOOP("InvitationMail", "Questions? Just reply to this e-mail.");
constexpr const char *Welcome = QT_TRANSLATE_NOOP("InvitationMail", "We look forward to welcoming you.");
constexpr const char *Programme = QT_TRANSLATE_NOOP("InvitationMail", "IETF Policymaker Program");

} // namespace

InvitationMailText::InvitationMailText() = default;
InvitationMailText::~InvitationMailText() = default;

QStringList InvitationMailText::translatedLanguages()
{
    QStringList codes;
    for (const KioskLanguage &language : kioskLanguages()) {
        if (!language.isSourceLanguage())
            codes << language.code.toString();
    }
    return codes;
}

const QTranslator *InvitationMailText::translator(const QString &code)
{
    const KioskLanguage &language = kioskLanguageOrEnglish(code);
    if (language.isSourceLanguage())
        return nullptr;
    const QString key = language.code.toString();
    auto it = m_translators.find(key);
    if (it == m_translators.end()) {
        auto translator = std::make_unique<QTranslator>();
        const QString file = u"mail_"_s + language.translationSuffix;
        if (!translator->load(file, u":/i18n"_s)) {
            qCWarning(lcMailText) << "no translation" << file << "in :/i18n: invitation e-mails go out in English";
            translator.reset();
        }
        it = m_translators.emplace(key, std::move(translator)).first;
    }
    return it->second.get();
}

InvitationMailText::Text InvitationMailText::compose(const QString &languageTag, const QString &guestName,
                                                     const Event &event, const QString &replyTo)
{
    const KioskLanguage &language = kioskLanguageOrEnglish(languageTag);
    const QTranslator *translator = this->translator(languageTag);
    const auto tr = [translator](const char *source) {
        if (translator) {
            const QString translated = translator->translate(Context, source);
            if (!translated.isEmpty())
                return translated;
        }
        return QString::fromUtf8(source);
    };
    const QLocale locale = translator ? language.locale() : QLocale(QLocale::English, QLocale::UnitedStates);

    Text text;
    text.language = translator ? language.code.toString() : u"en"_s;
    text.subject = tr(Subject).arg(event.name);
    const QStringList paragraphs = {
        tr(Greeting).arg(guestName),
        tr(Invited).arg(event.name, QString::number(event.number), event.city,
                        formatDateRange(event.firstDay, event.lastDay, locale)),
        tr(BringIt),
        replyTo.isEmpty() ? tr(Reply) : tr(ReplyTo).arg(replyTo),
        tr(Welcome) + u'\n' + tr(Programme),
    };
    text.body = paragraphs.join(u"\n\n"_s) + u'\n';
    return text;
}

} // namespace checkin::mail
