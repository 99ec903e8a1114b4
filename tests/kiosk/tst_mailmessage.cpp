// MailMessage writes what mail servers and clients accept: CRLF, short lines, RFC 2047 words for non-ASCII
// headers that decode to the original text, base64 parts that decode to the original bytes.
#include "kiosk/mail/mailmessage.h"

#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using checkin::mail::MailAddress;
using checkin::mail::MailMessage;

namespace {

// Decodes a header value made of RFC 2047 B-encoded UTF-8 words (and plain ASCII) back to text.
QString decodeWords(QByteArray value)
{
    value.replace("\r\n ", " ");
    static const QRegularExpression word(u"=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="_s);
    QByteArray bytes;
    qsizetype last = 0;
    const QString text = QString::fromLatin1(value);
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString between = text.mid(last, m.capturedStart() - last);
        if (last > 0 && between.trimmed().isEmpty())
            between.clear(); // white space between encoded words is not part of the text
        bytes += between.toUtf8() + QByteArray::fromBase64(m.captured(1).toLatin1());
        last = m.capturedEnd();
    }
    bytes += text.mid(last).toUtf8();
    return QString::fromUtf8(bytes);
}

// The value of the header `name` (continuation lines kept, joined by CRLF).
QByteArray header(const QByteArray &message, const QByteArray &name)
{
    const QByteArray prefix = QByteArray(name) + ": ";
    QByteArray value;
    bool found = false;
    for (QByteArray line : message.left(message.indexOf("\r\n\r\n")).split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (found && line.startsWith(' ')) {
            value += "\r\n" + line;
            continue;
        }
        if (found)
            break;
        if (line.startsWith(prefix)) {
            value = line.mid(prefix.size());
            found = true;
        }
    }
    return value;
}

} // namespace

class TestMailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerTextIsEncodedOnlyWhenNotAscii_data();
    void headerTextIsEncodedOnlyWhenNotAscii();
    void displayNamesAreQuotedOrEncoded();
    void messageHasCrlfShortLinesAndTheAttachmentIntact();
    void addressesAreParsedFromWhatStaffWrite_data();
    void addressesAreParsedFromWhatStaffWrite();
};

void TestMailMessage::headerTextIsEncodedOnlyWhenNotAscii_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << u"Your invitation to the IETF Policymaker Program (IETF 122 Bangkok)"_s;
    QTest::newRow("french") << u"Votre invitation au Programme IETF pour les décideurs politiques (IETF 122 Bangkok)"_s;
    QTest::newRow("chinese") << u"您的 IETF 政策制定者项目邀请函（IETF 122 Bangkok）"_s;
    QTest::newRow("arabic") << u"دعوتك إلى برنامج IETF لصانعي السياسات (IETF 122 Bangkok)"_s;
    QTest::newRow("emoji across a word boundary") << QString(u"Ab"_s + QString(20, u'é') + u"😀😀😀😀"_s);
    QTest::newRow("long russian") << QString(u"Ваше приглашение на Программу IETF для политиков "_s).repeated(4);
}

void TestMailMessage::headerTextIsEncodedOnlyWhenNotAscii()
{
    QFETCH(QString, text);
    const QByteArray encoded = MailMessage::encodeHeaderText(text);
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x7f; });
    if (ascii) {
        QCOMPARE(encoded, text.toLatin1());
        return;
    }
    for (const QByteArray &line : encoded.split('\n')) {
        const QByteArray word = line.trimmed();
        QVERIFY2(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word.constData());
        QVERIFY2(word.size() <= 75, word.constData()); // RFC 2047 §2
        // Each word is whole UTF-8 on its own (§5): no character is cut between two words.
        const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        QCOMPARE(QString::fromUtf8(bytes).toUtf8(), bytes);
    }
    QCOMPARE(decodeWords(encoded), text);
}

void TestMailMessage::displayNamesAreQuotedOrEncoded()
{
    QCOMPARE(MailMessage::encodeAddress({{}, u"a@example.org"_s}), QByteArray("a@example.org"));
    QCOMPARE(MailMessage::encodeAddress({u"Ana Example"_s, u"a@example.org"_s}),
             QByteArray("Ana Example <a@example.org>"));
    QCOMPARE(MailMessage::encodeAddress({u"Example, Ana \"Ani\""_s, u"a@example.org"_s}),
             QByteArray(R"("Example, Ana \"Ani\"" <a@example.org>)"));
    const QByteArray encoded = MailMessage::encodeAddress({u"Ольга Смирнова"_s, u"olga@example.org"_s});
    QVERIFY(encoded.endsWith(" <olga@example.org>"));
    QCOMPARE(decodeWords(encoded.left(encoded.indexOf(" <"))), u"Ольга Смирнова"_s);
}

void TestMailMessage::messageHasCrlfShortLinesAndTheAttachmentIntact()
{
    MailMessage m;
    m.from = {u"IETF Policymaker Program"_s, u"pmp@example.org"_s};
    m.replyTo = MailAddress{{}, u"help@example.org"_s};
    m.to = {u"Élodie Lefèvre"_s, u"elodie@example.org"_s};
    m.subject = u"Votre invitation au Programme IETF pour les décideurs politiques (IETF 122 Bangkok)"_s;
    m.body = u"Bonjour Élodie,\n\n"_s + QString(300, u'x') + u"\n"_s;
    m.language = u"fr"_s;
    QByteArray pdf(20000, '\0');
    for (qsizetype i = 0; i < pdf.size(); ++i)
        pdf[i] = char(i * 7 % 256);
    m.attachment = pdf;
    m.attachmentName = u"g-fr.pdf"_s;
    m.date = QDateTime(QDate(2026, 11, 2), QTime(8, 15, 30), Qt::UTC);
    m.messageId = u"1234@example.org"_s;
    const QByteArray bytes = m.toBytes();

    QVERIFY(!bytes.contains("\r\n\r\n\r\n\r\n"));
    QCOMPARE(bytes.count('\n'), bytes.count("\r\n")); // no bare LF
    QCOMPARE(bytes.count('\r'), bytes.count("\r\n")); // no bare CR
    for (const QByteArray &line : bytes.split('\n'))
        QVERIFY2(line.size() <= 79, line.constData()); // 78 + the CR
    QCOMPARE(header(bytes, "Date"), QByteArray("Mon, 02 Nov 2026 08:15:30 +0000"));
    QCOMPARE(header(bytes, "Message-ID"), QByteArray("<1234@example.org>"));
    QCOMPARE(header(bytes, "MIME-Version"), QByteArray("1.0"));
    QCOMPARE(header(bytes, "From"), QByteArray("IETF Policymaker Program <pmp@example.org>"));
    QCOMPARE(header(bytes, "Reply-To"), QByteArray("help@example.org"));
    QCOMPARE(decodeWords(header(bytes, "To")), u"Élodie Lefèvre <elodie@example.org>"_s);
    QVERIFY(header(bytes, "Content-Type").startsWith("multipart/mixed;\r\n boundary=\"=_checkin_"));
    QCOMPARE(decodeWords(header(bytes, "Subject")), m.subject);

    // The attachment's base64 decodes to the original bytes.
    const qsizetype start = bytes.indexOf("\r\n filename=\"g-fr.pdf\"\r\n\r\n");
    QVERIFY(start > 0);
    const qsizetype from = bytes.indexOf("\r\n\r\n", start) + 4;
    const qsizetype to = bytes.indexOf("\r\n--", from);
    QCOMPARE(QByteArray::fromBase64(bytes.mid(from, to - from).replace("\r\n", "")), pdf);
}

void TestMailMessage::addressesAreParsedFromWhatStaffWrite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address"); // empty: refused
    QTest::newRow("bare") << u"pmp@example.org"_s << QString() << u"pmp@example.org"_s;
    QTest::newRow("named") << u"IETF Policymaker Program <pmp@example.org>"_s << u"IETF Policymaker Program"_s
                           << u"pmp@example.org"_s;
    QTest::newRow("quoted name") << u"\"Policy, Team\" <pmp@example.org>"_s << u"Policy, Team"_s
                                 << u"pmp@example.org"_s;
    QTest::newRow("plus and dots") << u"first.last+ietf@mail.example.org"_s << QString()
                                   << u"first.last+ietf@mail.example.org"_s;
    QTest::newRow("no at") << u"pmp.example.org"_s << QString() << QString();
    QTest::newRow("two ats") << u"a@b@example.org"_s << QString() << QString();
    QTest::newRow("space") << u"p mp@example.org"_s << QString() << QString();
    QTest::newRow("unclosed") << u"PMP <pmp@example.org"_s << QString() << QString();
    QTest::newRow("header injection") << u"pmp@example.org\r\nBcc: x@example.org"_s << QString() << QString();
}

void TestMailMessage::addressesAreParsedFromWhatStaffWrite()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QString, address);
    const auto parsed = MailAddress::parse(text);
    if (address.isEmpty()) {
        QVERIFY(!parsed.has_value());
        QVERIFY(parsed.error().contains(u"not an e-mail address"_s) || parsed.error().contains(u"'<'"_s));
        return;
    }
    QVERIFY2(parsed.has_value(), parsed ? "" : qPrintable(parsed.error()));
    QCOMPARE(parsed->name, name);
    QCOMPARE(parsed->address, address);
}

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
