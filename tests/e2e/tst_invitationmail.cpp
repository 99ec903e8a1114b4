// Staff e-mail invitations with `checkinctl invitations send` through a real SMTP server (aiosmtpd on 127.0.0.1,
// STARTTLS and a login required; tests/support/smtpserver.py). Every message that arrives is read back with
// Python's email package: the language, the encoded names and the PDF attachment byte for byte.
#include "tests/support/programrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

using Run = checkin::test::ProgramRun;

// Guests in five languages; Olga's server answers 450 (busy) and Layla's 550 (no such user) when the test says so.
const char *const kGuests =
    "external_id,display_name,latin_name,organisation,country_code,language,role,email\r\n"
    "g-en,\"Ana Example, PhD\",Ana Example,Ministry of Examples,GB,en,policymaker,ana@example.org\r\n"
    "g-fr,Élodie Lefèvre,Elodie Lefevre,Arcep,FR,fr,policymaker,elodie@example.org\r\n"
    "g-zh,王小明,Wang Xiaoming,CAICT,CN,zh,policymaker,wang@example.org\r\n"
    "g-ru,Ольга Смирнова,Olga Smirnova,Ministry of Digital Development,RU,ru,policymaker,olga@example.org\r\n"
    "g-ar,ليلى حسن,Layla Hassan,NTRA,EG,ar,policymaker,layla@example.org\r\n"
    "g-none,Sam Noaddress,Sam Noaddress,NBTC,TH,en,policymaker,\r\n";

// Reads one .eml with Python's email package (policy.default decodes RFC 2047) and prints what the test checks.
const char *const kParseEml = R"py(
import base64, email, email.policy, json, sys
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
body = msg.get_body(preferencelist=('plain',))
parts = [p for p in msg.iter_attachments()]
lines = raw.split(b'\r\n')
print(json.dumps({
    'subject': str(msg['subject']), 'from': str(msg['from']), 'to': str(msg['to']),
    'to_name': msg['to'].addresses[0].display_name, 'to_address': msg['to'].addresses[0].addr_spec,
    'reply_to': str(msg['reply-to'] or ''), 'date': str(msg['date'] or ''), 'message_id': str(msg['message-id'] or ''),
    'mime_version': str(msg['mime-version'] or ''), 'content_type': msg.get_content_type(),
    'body': body.get_content(), 'body_language': str(body['content-language'] or ''),
    'attachments': [{'name': p.get_filename(), 'type': p.get_content_type(),
                     'data': base64.b64encode(p.get_content()).decode()} for p in parts],
    'longest_line': max(len(l) for l in lines), 'bare_lf': b'\n' in b''.join(lines),
    'defects': len(msg.defects),
}))
)py";

} // namespace

class TestInvitationMail : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_python;
    QProcess m_server;      // STARTTLS and login required, on 127.0.0.1
    QProcess m_plainServer; // no STARTTLS offered, on every address of this machine
    QString m_smtpUrl;

    // Starts tests/support/smtpserver.py with its messages in dir; returns the port it listens on, or 0.
    int startServer(QProcess &server, const QString &dir, const QStringList &extra = {})
    {
        server.setProgram(m_python);
        server.setArguments(QStringList{QStringLiteral(CHECKIN_SOURCE_DIR "/tests/support/smtpserver.py"), u"--dir"_s,
                                        dir, u"--user"_s, u"mailer"_s, u"--password"_s, u"s3cret pass"_s}
                            + extra);
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start();
        if (!server.waitForStarted())
            return 0;
        QByteArray greeting;
        for (int i = 0; i < 60 && !greeting.contains('\n') && server.state() == QProcess::Running; ++i) {
            server.waitForReadyRead(500);
            greeting += server.readAllStandardOutput();
        }
        return greeting.startsWith("PORT ") ? greeting.mid(5).trimmed().toInt() : 0;
    }
    static void stopServer(QProcess &server)
    {
        if (server.state() == QProcess::NotRunning)
            return;
        server.closeWriteChannel(); // the server stops when its standard input closes
        if (!server.waitForFinished(10000))
            server.kill();
    }

    Run ctl(const QStringList &args) { return checkin::test::runCheckinctl(m_db, u"mail-kiosk"_s, args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString serverDir() const { return path(u"smtp"_s); }

    // The options every real send takes: the server (trusting its self-signed certificate), the login, the sender.
    QStringList sendArgs(const QString &password = u"s3cret pass"_s)
    {
        QFile file(path(u"password"_s));
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(password.toUtf8() + '\n');
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        return {u"invitations"_s,
                u"send"_s,
                u"--key"_s,
                path(u"keys/signing.key"_s),
                u"--out"_s,
                path(u"invitations"_s),
                u"--smtp"_s,
                m_smtpUrl,
                u"--ca-file"_s,
                serverDir() + u"/cert.pem"_s,
                u"--smtp-user"_s,
                u"mailer"_s,
                u"--smtp-password-file"_s,
                path(u"password"_s),
                u"--from"_s,
                u"IETF Policymaker Program <pmp@example.org>"_s,
                u"--reply-to"_s,
                u"pmp-help@example.org"_s,
                u"--actor"_s,
                u"Ana Staff"_s};
    }
    // The server's answers for chosen recipients ({} accepts everyone).
    void setRules(const QJsonObject &rules)
    {
        QFile file(serverDir() + u"/rules.json"_s);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(rules).toJson());
    }
    // Messages the server received, oldest first: the .eml paths.
    QStringList received() const
    {
        QStringList files;
        const QDir dir(serverDir() + u"/messages"_s);
        for (int n = 1; QFile::exists(dir.filePath(u"%1.eml"_s.arg(n))); ++n)
            files << dir.filePath(u"%1.eml"_s.arg(n));
        return files;
    }
    QJsonObject envelope(const QString &eml) const
    {
        QFile file(QString(eml).replace(u".eml"_s, u".json"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
    QJsonObject parse(const QString &eml)
    {
        const Run r = checkin::test::runProgram(m_python, {u"-c"_s, QString::fromUtf8(kParseEml), eml});
        if (r.exitCode != 0)
            qWarning() << "cannot parse" << eml << r.err;
        return r.json();
    }
    // The message the server received for address (the last one).
    QJsonObject messageTo(const QString &address)
    {
        const QStringList files = received();
        for (auto it = files.crbegin(); it != files.crend(); ++it) {
            if (envelope(*it).value(u"rcpt_tos"_s).toArray().contains(address))
                return parse(*it);
        }
        return {};
    }
    static QJsonObject lineFor(const Run &r, const QString &guest)
    {
        for (const QJsonObject &line : r.lines()) {
            if (line.value(u"guest"_s).toString() == guest)
                return line;
        }
        return {};
    }
    QByteArray fileBytes(const QString &name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void issueWritesAMailMergeFileOfTheRun();
    void thePasswordCannotBeGivenOnTheCommandLine();
    void aDryRunWritesMessagesThatParseAndSendsNothing();
    void aWrongPasswordIsAClearErrorAndNothingIsRecorded();
    void invitationsArriveOverTlsInTheGuestsLanguageWithTheirPdf();
    void aReRunSendsOnlyWhatWasNotSent();
    void refusedMessagesAreRetriedOnlyWhenAsked();
    void aReissuedInvitationIsSentAgain();
    void everyAttemptIsInTheStaffActionLog();
    void aServerWithoutStartTlsIsRefusedUnlessOnThisMachine();
    void aMissingKeyOrSenderIsAClearError();
};

void TestInvitationMail::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Debian's python3 (where python3-aiosmtpd is installed) before any other on PATH.
    for (const QString &candidate : {u"/usr/bin/python3"_s, QStandardPaths::findExecutable(u"python3"_s)}) {
        if (!candidate.isEmpty()
            && checkin::test::runProgram(candidate, {u"-c"_s, u"import aiosmtpd"_s}).exitCode == 0) {
            m_python = candidate;
            break;
        }
    }
    if (m_python.isEmpty())
        QSKIP("python3 with aiosmtpd is missing (Debian: python3-aiosmtpd, see scripts/install-deps.sh)");

    const int port = startServer(m_server, serverDir());
    QVERIFY2(port > 0, "tests/support/smtpserver.py did not start");
    m_smtpUrl = u"smtp://127.0.0.1:%1"_s.arg(port);

    m_db = path(u"event.sqlite"_s);
    QCOMPARE(ctl({u"keygen"_s, u"--out"_s, path(u"keys"_s)}).exitCode, 0);
    Run r = ctl({u"event"_s, u"create"_s, u"--number"_s, u"122"_s, u"--name"_s, u"IETF 122 Bangkok"_s, u"--city"_s,
                 u"Bangkok"_s, u"--tz"_s, u"Asia/Bangkok"_s, u"--from"_s, u"2026-11-02"_s, u"--to"_s, u"2026-11-05"_s,
                 u"--verify-key"_s, path(u"keys/verify.pub"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile guests(path(u"guests.csv"_s));
    QVERIFY(guests.open(QIODevice::WriteOnly));
    guests.write(kGuests);
    guests.close();
    r = ctl({u"guests"_s, u"import"_s, guests.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestInvitationMail::cleanupTestCase()
{
    stopServer(m_server);
    stopServer(m_plainServer);
}

void TestInvitationMail::issueWritesAMailMergeFileOfTheRun()
{
    Run r = ctl(
        {u"invitations"_s, u"issue"_s, u"--key"_s, path(u"keys/signing.key"_s), u"--out"_s, path(u"invitations"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString csvPath = path(u"invitations/invitations.csv"_s);
    QVERIFY2(r.err.contains(csvPath), qPrintable(r.err));
    const QString dir = QDir(path(u"invitations"_s)).absolutePath();
    const QString expected = u"external_id,name,email,language,pdf,png\r\n"_s
                             + u"g-en,\"Ana Example, PhD\",ana@example.org,en,%1/g-en.pdf,%1/g-en.png\r\n"_s.arg(dir)
                             + u"g-none,Sam Noaddress,,en,%1/g-none.pdf,%1/g-none.png\r\n"_s.arg(dir)
                             + u"g-ar,ليلى حسن,layla@example.org,ar,%1/g-ar.pdf,%1/g-ar.png\r\n"_s.arg(dir)
                             + u"g-fr,Élodie Lefèvre,elodie@example.org,fr,%1/g-fr.pdf,%1/g-fr.png\r\n"_s.arg(dir)
                             + u"g-ru,Ольга Смирнова,olga@example.org,ru,%1/g-ru.pdf,%1/g-ru.png\r\n"_s.arg(dir)
                             + u"g-zh,王小明,wang@example.org,zh,%1/g-zh.pdf,%1/g-zh.png\r\n"_s.arg(dir);
    // Rows in the order the guests were issued (the issue command's own order, by display name).
    QStringList rows = QString::fromUtf8(fileBytes(u"invitations/invitations.csv"_s)).split(u"\r\n"_s);
    QStringList expectedRows = expected.split(u"\r\n"_s);
    QCOMPARE(rows.takeFirst(), expectedRows.takeFirst());
    QCOMPARE(rows.size(), expectedRows.size());
    std::sort(rows.begin(), rows.end());
    std::sort(expectedRows.begin(), expectedRows.end());
    QCOMPARE(rows, expectedRows);
    for (const QJsonObject &line : r.lines())
        QVERIFY(QFile::exists(line.value(u"pdf"_s).toString()));

    // The file is the run's: issuing one guest leaves a file with that guest alone.
    r = ctl({u"invitations"_s, u"issue"_s, u"--key"_s, path(u"keys/signing.key"_s), u"--out"_s, path(u"invitations"_s),
             u"g-fr"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QString::fromUtf8(fileBytes(u"invitations/invitations.csv"_s)),
             u"external_id,name,email,language,pdf,png\r\n"_s
                 + u"g-fr,Élodie Lefèvre,elodie@example.org,fr,%1/g-fr.pdf,%1/g-fr.png\r\n"_s.arg(dir));
    QVERIFY(!QFile::exists(csvPath + u".tmp"_s));
    const Run help = ctl({u"help"_s, u"invitations"_s});
    QVERIFY(help.out.contains("invitations.csv"));
    QVERIFY(help.out.contains("checkinctl invitations send"));
}

void TestInvitationMail::thePasswordCannotBeGivenOnTheCommandLine()
{
    Run r = ctl(sendArgs() + QStringList{u"--smtp-password"_s, u"s3cret pass"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Unknown option 'smtp-password'"_s), qPrintable(r.err));
    // Nor inside the URL.
    QStringList args = sendArgs();
    args[args.indexOf(m_smtpUrl)] = QString(m_smtpUrl).replace(u"smtp://"_s, u"smtp://mailer:s3cret@"_s);
    r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"must not hold a user name or password"_s), qPrintable(r.err));
    // A user without any password says where the password goes.
    args = sendArgs();
    args.remove(args.indexOf(u"--smtp-password-file"_s), 2);
    r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"CHECKIN_SMTP_PASSWORD"_s), qPrintable(r.err));
    // A password file others can read is named (it is still used: the run is not refused for it).
    args = sendArgs(u"wrong"_s);
    QFile(path(u"password"_s))
        .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    r = ctl(args);
    QVERIFY2(r.err.contains(u"other users can read the password file"_s), qPrintable(r.err));
    QVERIFY(received().isEmpty());
}

void TestInvitationMail::aDryRunWritesMessagesThatParseAndSendsNothing()
{
    QStringList args = sendArgs();
    args.remove(args.indexOf(u"--smtp"_s), 2);
    args.remove(args.indexOf(u"--smtp-user"_s), 2);
    args.remove(args.indexOf(u"--smtp-password-file"_s), 2);
    args.remove(args.indexOf(u"--ca-file"_s), 2);
    const Run r = ctl(args + QStringList{u"--dry-run"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines().size(), 6);
    const QJsonObject fr = lineFor(r, u"g-fr"_s);
    QCOMPARE(fr.value(u"state"_s).toString(), u"written"_s);
    const QString eml = fr.value(u"eml"_s).toString();
    QCOMPARE(eml, QDir(path(u"invitations/mail"_s)).absoluteFilePath(u"g-fr.eml"_s));
    const QJsonObject message = parse(eml);
    QCOMPARE(message.value(u"defects"_s).toInt(), 0);
    QVERIFY2(message.value(u"subject"_s).toString().startsWith(u"Votre invitation"_s),
             qPrintable(message.value(u"subject"_s).toString()));
    QCOMPARE(message.value(u"attachments"_s).toArray().first().toObject().value(u"data"_s).toString().toLatin1(),
             fileBytes(u"invitations/g-fr.pdf"_s).toBase64());
    QCOMPARE(lineFor(r, u"g-none"_s).value(u"state"_s).toString(), u"skipped"_s);
    QVERIFY2(r.err.contains(u"g-none (Sam Noaddress"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"dry run"_s), qPrintable(r.err));
    QVERIFY(received().isEmpty());
}

void TestInvitationMail::aWrongPasswordIsAClearErrorAndNothingIsRecorded()
{
    const Run r = ctl(sendArgs(u"wrong"_s));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"refused the user name or password"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"535"_s), qPrintable(r.err));
    QVERIFY(!r.out.contains("\"sent\""));
    QVERIFY(received().isEmpty());
}

void TestInvitationMail::invitationsArriveOverTlsInTheGuestsLanguageWithTheirPdf()
{
    setRules({{u"olga@example.org"_s, u"450 4.2.1 Mailbox busy, try again later"_s},
              {u"layla@example.org"_s, u"550 5.1.1 <layla@example.org>: no such user"_s}});
    const Run r = ctl(sendArgs());
    QCOMPARE(r.exitCode, 2); // one refused, one deferred
    QCOMPARE(r.lines().size(), 6);
    for (const QString &guest : {u"g-en"_s, u"g-fr"_s, u"g-zh"_s})
        QCOMPARE(lineFor(r, guest).value(u"state"_s).toString(), u"sent"_s);
    QCOMPARE(lineFor(r, u"g-ru"_s).value(u"state"_s).toString(), u"deferred"_s);
    QVERIFY(lineFor(r, u"g-ru"_s).value(u"reply"_s).toString().startsWith(u"450 4.2.1"_s));
    QCOMPARE(lineFor(r, u"g-ar"_s).value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(lineFor(r, u"g-ar"_s).value(u"reply"_s).toString(), u"550 5.1.1 <layla@example.org>: no such user"_s);
    QCOMPARE(lineFor(r, u"g-none"_s).value(u"state"_s).toString(), u"skipped"_s);
    QVERIFY2(r.err.contains(u"3 sent, 1 failed (g-ar: 550 5.1.1"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"1 deferred"_s) && r.err.contains(u"--retry-failed"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"g-none (Sam Noaddress"_s), qPrintable(r.err));

    const QStringList files = received();
    QCOMPARE(files.size(), 3);
    for (const QString &file : files) {
        // On loopback STARTTLS is only "tried", but this server offers it: the session must have upgraded.
        QCOMPARE(envelope(file).value(u"tls"_s).toBool(), true);
        QCOMPARE(envelope(file).value(u"login"_s).toString(), u"mailer"_s);
        QCOMPARE(envelope(file).value(u"mail_from"_s).toString(), u"pmp@example.org"_s);
    }

    const QJsonObject fr = messageTo(u"elodie@example.org"_s);
    QCOMPARE(fr.value(u"defects"_s).toInt(), 0);
    QCOMPARE(fr.value(u"subject"_s).toString(),
             u"Votre invitation au Programme IETF pour les décideurs politiques (IETF 122 Bangkok)"_s);
    QCOMPARE(fr.value(u"to_name"_s).toString(), u"Élodie Lefèvre"_s);
    QCOMPARE(fr.value(u"to_address"_s).toString(), u"elodie@example.org"_s);
    QCOMPARE(fr.value(u"reply_to"_s).toString(), u"pmp-help@example.org"_s);
    QCOMPARE(fr.value(u"from"_s).toString(), u"IETF Policymaker Program <pmp@example.org>"_s);
    QCOMPARE(fr.value(u"content_type"_s).toString(), u"multipart/mixed"_s);
    QCOMPARE(fr.value(u"mime_version"_s).toString(), u"1.0"_s);
    QVERIFY(!fr.value(u"date"_s).toString().isEmpty());
    QVERIFY(fr.value(u"message_id"_s).toString().endsWith(u"@example.org>"_s));
    QCOMPARE(fr.value(u"body_language"_s).toString(), u"fr"_s);
    const QString body = fr.value(u"body"_s).toString();
    QVERIFY2(body.startsWith(u"Bonjour Élodie Lefèvre,"_s), qPrintable(body));
    QVERIFY2(body.contains(u"IETF 122 Bangkok (IETF 122), à Bangkok, 2–5 novembre 2026"_s), qPrintable(body));
    QVERIFY2(body.contains(u"borne d’enregistrement"_s), qPrintable(body));
    QVERIFY2(body.contains(u"pmp-help@example.org"_s), qPrintable(body));
    QVERIFY(fr.value(u"longest_line"_s).toInt() <= 998);
    QCOMPARE(fr.value(u"bare_lf"_s).toBool(), false);
    const QJsonArray attachments = fr.value(u"attachments"_s).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.first().toObject().value(u"name"_s).toString(), u"g-fr.pdf"_s);
    QCOMPARE(attachments.first().toObject().value(u"type"_s).toString(), u"application/pdf"_s);
    // The PDF as issued, byte for byte.
    QCOMPARE(QByteArray::fromBase64(attachments.first().toObject().value(u"data"_s).toString().toLatin1()),
             fileBytes(u"invitations/g-fr.pdf"_s));

    const QJsonObject zh = messageTo(u"wang@example.org"_s);
    QCOMPARE(zh.value(u"to_name"_s).toString(), u"王小明"_s);
    QVERIFY2(zh.value(u"subject"_s).toString().startsWith(u"您的 IETF 政策制定者项目邀请函"_s),
             qPrintable(zh.value(u"subject"_s).toString()));
    QVERIFY(zh.value(u"body"_s).toString().startsWith(u"尊敬的王小明："_s));
    QCOMPARE(QByteArray::fromBase64(
                 zh.value(u"attachments"_s).toArray().first().toObject().value(u"data"_s).toString().toLatin1()),
             fileBytes(u"invitations/g-zh.pdf"_s));

    // An English guest whose name needs quoting in the To: header.
    const QJsonObject en = messageTo(u"ana@example.org"_s);
    QCOMPARE(en.value(u"to_name"_s).toString(), u"Ana Example, PhD"_s);
    QCOMPARE(en.value(u"subject"_s).toString(),
             u"Your invitation to the IETF Policymaker Program (IETF 122 Bangkok)"_s);
    QVERIFY(en.value(u"body"_s).toString().contains(u"scan its QR code at the check-in kiosk"_s));
}

void TestInvitationMail::aReRunSendsOnlyWhatWasNotSent()
{
    // The busy mailbox takes mail again; the unknown user is still unknown.
    setRules({{u"layla@example.org"_s, u"550 5.1.1 <layla@example.org>: no such user"_s}});
    const Run r = ctl(sendArgs());
    QCOMPARE(r.exitCode, 2); // g-ar still failed
    QCOMPARE(lineFor(r, u"g-ru"_s).value(u"state"_s).toString(), u"sent"_s);
    for (const QString &guest : {u"g-en"_s, u"g-fr"_s, u"g-zh"_s}) {
        QCOMPARE(lineFor(r, guest).value(u"state"_s).toString(), u"skipped"_s);
        QVERIFY(lineFor(r, guest).value(u"reply"_s).toString().startsWith(u"already sent"_s));
    }
    // Refused before and not retried: still failed, with the server's reply from then.
    QCOMPARE(lineFor(r, u"g-ar"_s).value(u"state"_s).toString(), u"failed"_s);
    QVERIFY(lineFor(r, u"g-ar"_s).value(u"reply"_s).toString().startsWith(u"550 5.1.1"_s));
    QVERIFY2(r.err.contains(u"1 sent"_s) && r.err.contains(u"3 already sent"_s), qPrintable(r.err));
    QCOMPARE(received().size(), 4);
    const QJsonObject ru = messageTo(u"olga@example.org"_s);
    QCOMPARE(ru.value(u"to_name"_s).toString(), u"Ольга Смирнова"_s);
    QVERIFY(ru.value(u"subject"_s).toString().startsWith(u"Ваше приглашение"_s));
}

void TestInvitationMail::refusedMessagesAreRetriedOnlyWhenAsked()
{
    setRules({});
    Run r = ctl(sendArgs());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(lineFor(r, u"g-ar"_s).value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(received().size(), 4);

    r = ctl(sendArgs() + QStringList{u"--retry-failed"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lineFor(r, u"g-ar"_s).value(u"state"_s).toString(), u"sent"_s);
    QCOMPARE(received().size(), 5);
    const QJsonObject ar = messageTo(u"layla@example.org"_s);
    QCOMPARE(ar.value(u"to_name"_s).toString(), u"ليلى حسن"_s);
    QVERIFY(ar.value(u"subject"_s).toString().startsWith(u"دعوتك"_s));

    // Everything sent: a re-run sends nothing and succeeds.
    r = ctl(sendArgs() + QStringList{u"--retry-failed"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains("\"sent\""));
    QCOMPARE(received().size(), 5);
}

void TestInvitationMail::aReissuedInvitationIsSentAgain()
{
    Run r = ctl({u"revoke"_s, u"g-en"_s, u"--reason"_s, u"lost phone"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl(sendArgs() + QStringList{u"g-en"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines().size(), 1);
    QCOMPARE(lineFor(r, u"g-en"_s).value(u"state"_s).toString(), u"sent"_s);
    QCOMPARE(received().size(), 6);
    // The new invitation's PDF is the one attached.
    const QJsonObject en = messageTo(u"ana@example.org"_s);
    QCOMPARE(QByteArray::fromBase64(
                 en.value(u"attachments"_s).toArray().first().toObject().value(u"data"_s).toString().toLatin1()),
             fileBytes(u"invitations/g-en.pdf"_s));
}

void TestInvitationMail::everyAttemptIsInTheStaffActionLog()
{
    const Run r = ctl({u"guests"_s, u"show"_s, u"g-ar"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList states;
    for (const QJsonValue &v : r.json().value(u"actions"_s).toArray()) {
        const QJsonObject action = v.toObject();
        if (action.value(u"action"_s).toString() != u"invitation-mail")
            continue;
        QCOMPARE(action.value(u"actor"_s).toString(), u"Ana Staff"_s);
        QCOMPARE(action.value(u"detail"_s).toObject().value(u"email"_s).toString(), u"layla@example.org"_s);
        states << action.value(u"detail"_s).toObject().value(u"state"_s).toString();
    }
    // Refused on the first run, not tried on the next two, sent with --retry-failed.
    QCOMPARE(states, (QStringList{u"failed"_s, u"sent"_s}));
}

void TestInvitationMail::aServerWithoutStartTlsIsRefusedUnlessOnThisMachine()
{
    const QString plainDir = path(u"smtp-plain"_s);
    const int port = startServer(m_plainServer, plainDir, {u"--no-tls"_s, u"--host"_s, u"0.0.0.0"_s});
    QVERIFY2(port > 0, "tests/support/smtpserver.py --no-tls did not start");
    const auto plainArgs = [&](const QString &host, const QString &guest) {
        QStringList args = sendArgs();
        args[args.indexOf(m_smtpUrl)] = u"smtp://%1:%2"_s.arg(host).arg(port);
        args.remove(args.indexOf(u"--ca-file"_s), 2);
        return args + QStringList{guest};
    };
    const auto plainMessages = [&] { return QDir(plainDir + u"/messages"_s).entryList({u"*.eml"_s}).size(); };

    // On this machine a server without STARTTLS may be used (a local relay); the message goes in clear.
    QVERIFY(ctl({u"revoke"_s, u"g-zh"_s, u"--reason"_s, u"re-issue"_s}).exitCode == 0);
    Run r = ctl(plainArgs(u"127.0.0.1"_s, u"g-zh"_s));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lineFor(r, u"g-zh"_s).value(u"state"_s).toString(), u"sent"_s);
    QCOMPARE(plainMessages(), 1);
    QCOMPARE(envelope(plainDir + u"/messages/1.eml"_s).value(u"tls"_s).toBool(), false);

    // Another machine's server must offer STARTTLS: nothing is sent, not even the password.
    QString remote;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            remote = address.toString();
            break;
        }
    }
    if (remote.isEmpty())
        QSKIP("this machine has no IPv4 address besides loopback to reach the server as another machine's");
    QVERIFY(ctl({u"revoke"_s, u"g-ru"_s, u"--reason"_s, u"re-issue"_s}).exitCode == 0);
    r = ctl(plainArgs(remote, u"g-ru"_s));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"does not offer STARTTLS"_s), qPrintable(r.err));
    QVERIFY(!r.out.contains("\"sent\""));
    QCOMPARE(plainMessages(), 1);
    // Nothing was recorded: the proper server gets it on the next run.
    const qsizetype before = received().size();
    r = ctl(sendArgs() + QStringList{u"g-ru"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lineFor(r, u"g-ru"_s).value(u"state"_s).toString(), u"sent"_s);
    QCOMPARE(received().size(), before + 1);
}

void TestInvitationMail::aMissingKeyOrSenderIsAClearError()
{
    QStringList args = sendArgs();
    args.remove(args.indexOf(u"--key"_s), 2);
    Run r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"missing --key"_s), qPrintable(r.err));

    args = sendArgs();
    args[args.indexOf(u"--key"_s) + 1] = path(u"no-such-keys/signing.key"_s);
    r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"no-such-keys/signing.key"_s), qPrintable(r.err));

    args = sendArgs();
    args[args.indexOf(u"--from"_s) + 1] = u"IETF Policymaker Program"_s;
    r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--from: \"IETF Policymaker Program\" is not an e-mail address"_s), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestInvitationMail)
#include "tst_invitationmail.moc"
