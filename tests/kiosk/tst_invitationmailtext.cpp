// The invitation e-mail speaks the guest's language: every translation is compiled in and used, with the
// programme days as people write dates in that language.
#include "kiosk/mail/invitationmailtext.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using checkin::mail::InvitationMailText;

class TestInvitationMailText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subjectAndBodyAreInTheGuestsLanguage_data();
    void subjectAndBodyAreInTheGuestsLanguage();
    void theReplyNoteNamesTheReplyAddressWhenThereIsOne();
};

void TestInvitationMailText::subjectAndBodyAreInTheGuestsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("textLanguage");
    QTest::addColumn<QString>("subjectStart");
    QTest::addColumn<QString>("greeting");
    QTest::addColumn<QString>("dates");
    QTest::newRow("en") << u"en"_s << u"en"_s << u"Your invitation"_s << u"Dear Ana,"_s << u"2–5 November 2026"_s;
    QTest::newRow("fr") << u"fr"_s << u"fr"_s << u"Votre invitation"_s << u"Bonjour Ana,"_s << u"2–5 novembre 2026"_s;
    QTest::newRow("fr-CA") << u"fr-CA"_s << u"fr"_s << u"Votre invitation"_s << u"Bonjour Ana,"_s << u"novembre"_s;
    QTest::newRow("es") << u"es"_s << u"es"_s << u"Su invitación"_s << u"Estimado/a Ana:"_s
                        << u"2–5 de noviembre de 2026"_s;
    QTest::newRow("ar") << u"ar"_s << u"ar"_s << u"دعوتك"_s << u"مرحبًا Ana،"_s << u"IETF 122"_s;
    QTest::newRow("zh") << u"zh"_s << u"zh"_s << u"您的 IETF 政策制定者项目邀请函"_s << u"尊敬的Ana："_s
                        << u"2026年11月2日–5日"_s;
    QTest::newRow("ru") << u"ru"_s << u"ru"_s << u"Ваше приглашение"_s << u"Здравствуйте, Ana!"_s << u"ноября 2026"_s;
    QTest::newRow("unknown: English") << u"de"_s << u"en"_s << u"Your invitation"_s << u"Dear Ana,"_s << u"November"_s;
}

void TestInvitationMailText::subjectAndBodyAreInTheGuestsLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, textLanguage);
    QFETCH(QString, subjectStart);
    QFETCH(QString, greeting);
    QFETCH(QString, dates);
    InvitationMailText texts;
    const InvitationMailText::Event event{u"IETF 122 Bangkok"_s, 122, u"Bangkok"_s, QDate(2026, 11, 2),
                                          QDate(2026, 11, 5)};
    const auto text = texts.compose(language, u"Ana"_s, event, {});
    QCOMPARE(text.language, textLanguage);
    QVERIFY2(text.subject.startsWith(subjectStart), qPrintable(text.subject));
    QVERIFY(text.subject.contains(u"IETF 122 Bangkok"_s));
    QVERIFY2(text.body.startsWith(greeting), qPrintable(text.body));
    QVERIFY2(text.body.contains(dates), qPrintable(text.body));
    QVERIFY2(text.body.contains(u"Bangkok"_s), qPrintable(text.body));
    QVERIFY(text.body.contains(u"QR"_s) || text.body.contains(u"二维码"_s));
    QVERIFY(!text.body.contains(u"%"_s)); // every placeholder filled
}

void TestInvitationMailText::theReplyNoteNamesTheReplyAddressWhenThereIsOne()
{
    InvitationMailText texts;
    const InvitationMailText::Event event{u"IETF 122 Bangkok"_s, 122, u"Bangkok"_s, QDate(2026, 11, 2),
                                          QDate(2026, 11, 5)};
    QVERIFY(texts.compose(u"en"_s, u"Ana"_s, event, u"help@example.org"_s)
                .body.contains(u"it will reach help@example.org"_s));
    QVERIFY(texts.compose(u"en"_s, u"Ana"_s, event, {}).body.contains(u"Just reply to this e-mail."_s));
    for (const QString &language : InvitationMailText::translatedLanguages())
        QVERIFY(texts.compose(language, u"Ana"_s, event, u"help@example.org"_s).body.contains(u"help@example.org"_s));
}

QTEST_GUILESS_MAIN(TestInvitationMailText)
#include "tst_invitationmailtext.moc"
