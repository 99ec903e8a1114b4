// SmtpSender's TLS rule: STARTTLS is required for every mail server but this machine's, where it is used whenever
// the server offers it (the real exchange with a server is tests/e2e/tst_invitationmail.cpp).
#include "kiosk/mail/smtpsender.h"

#include <QtTest>

#include <curl/curl.h>

using namespace Qt::StringLiterals;
using checkin::mail::SmtpSender;
using checkin::mail::SmtpTls;

class TestSmtpSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tlsIsRequiredUnlessTheServerIsThisMachine_data();
    void tlsIsRequiredUnlessTheServerIsThisMachine();
    void urlsThatCannotWorkOrHoldAPasswordAreRefused_data();
    void urlsThatCannotWorkOrHoldAPasswordAreRefused();
};

void TestSmtpSender::tlsIsRequiredUnlessTheServerIsThisMachine_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("policy");
    QTest::addColumn<qlonglong>("useSsl"); // what libcurl is given as CURLOPT_USE_SSL

    const int required = int(SmtpTls::Required);
    const int opportunistic = int(SmtpTls::Opportunistic);
    const int implicit = int(SmtpTls::Implicit);
    QTest::newRow("submission") << u"smtp://mail.example.org:587"_s << required << qlonglong(CURLUSESSL_ALL);
    QTest::newRow("port 25") << u"smtp://mail.example.org"_s << required << qlonglong(CURLUSESSL_ALL);
    QTest::newRow("LAN address") << u"smtp://192.168.1.10:587"_s << required << qlonglong(CURLUSESSL_ALL);
    QTest::newRow("looks local, is not") << u"smtp://localhost.example.org:587"_s << required
                                         << qlonglong(CURLUSESSL_ALL);
    QTest::newRow("127.0.0.1") << u"smtp://127.0.0.1:2525"_s << opportunistic << qlonglong(CURLUSESSL_TRY);
    QTest::newRow("127.0.0.53") << u"smtp://127.0.0.53:25"_s << opportunistic << qlonglong(CURLUSESSL_TRY);
    QTest::newRow("::1") << u"smtp://[::1]:2525"_s << opportunistic << qlonglong(CURLUSESSL_TRY);
    QTest::newRow("localhost") << u"smtp://localhost:25"_s << opportunistic << qlonglong(CURLUSESSL_TRY);
    QTest::newRow("LOCALHOST") << u"SMTP://LOCALHOST:25"_s << opportunistic << qlonglong(CURLUSESSL_TRY);
    QTest::newRow("smtps") << u"smtps://mail.example.org:465"_s << implicit << qlonglong(CURLUSESSL_ALL);
}

void TestSmtpSender::tlsIsRequiredUnlessTheServerIsThisMachine()
{
    QFETCH(QString, url);
    QFETCH(int, policy);
    QFETCH(qlonglong, useSsl);
    const auto tls = SmtpSender::tlsPolicy(QUrl(url));
    QVERIFY2(tls.has_value(), tls ? "" : qPrintable(tls.error()));
    QCOMPARE(int(*tls), policy);
    QCOMPARE(qlonglong(SmtpSender::curlUseSsl(*tls)), useSsl);
}

void TestSmtpSender::urlsThatCannotWorkOrHoldAPasswordAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("password") << u"smtp://user:secret@mail.example.org:587"_s
                              << u"must not hold a user name or password"_s;
    QTest::newRow("user") << u"smtp://user@mail.example.org:587"_s << u"must not hold a user name or password"_s;
    QTest::newRow("http") << u"http://mail.example.org"_s << u"use smtp://host:587"_s;
    QTest::newRow("no host") << u"mail.example.org:587"_s << u"smtp://"_s;
    QTest::newRow("empty") << QString() << u"is not a mail server URL"_s;
}

void TestSmtpSender::urlsThatCannotWorkOrHoldAPasswordAreRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    const auto tls = SmtpSender::tlsPolicy(QUrl(url));
    QVERIFY(!tls.has_value());
    QVERIFY2(tls.error().contains(message), qPrintable(tls.error()));
    const auto sender = SmtpSender::create({QUrl(url), {}, {}, {}});
    QVERIFY(!sender.has_value());
}

QTEST_GUILESS_MAIN(TestSmtpSender)
#include "tst_smtpsender.moc"
