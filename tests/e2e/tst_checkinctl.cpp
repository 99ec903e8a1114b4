// A staff member prepares and runs an event with checkinctl alone: the real binary, a real database file, real
// QR PNGs and PDFs. Each step checks the CLI contract (JSON line, exit status, messages).
#include "tests/support/programrun.h"

#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>

#include <QTemporaryDir>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

using Run = checkin::test::ProgramRun;

const char *const kGuests =
    "external_id,display_name,latin_name,organisation,country_code,language,role\r\n"
    "ps-001,Nguyễn Thị Minh Khai,Nguyen Thi Minh Khai,Ministry of Information and Communications,VN,en,policymaker\r\n"
    "ps-002,Ольга Смирнова,Olga Smirnova,Ministry of Digital Development,RU,ru,policymaker\r\n"
    "ps-003,山田太郎,Yamada Taro,\"Ministry of Internal Affairs, Japan\",JP,en,policymaker\r\n"
    "ps-004,ليلى حسن,Layla Hassan,National Telecom Regulatory Authority,EG,ar,policymaker\r\n"
    "ps-005,สมชาย ใจดี,Somchai Jaidee,NBTC,TH,en,host\r\n";

} // namespace

class TestCheckinCtl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run ctl(const QStringList &args) { return checkin::test::runCheckinctl(m_db, u"test-kiosk"_s, args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // checkinctl with a tmpfs mounted (with mountOptions) on mountPoint in a private mount namespace: a small or
    // read-only file system stands in for a full or write-protected USB stick. Exit code 99 (or -1) when such a
    // mount is not allowed here. What is left on the file system afterwards is listed on stderr.
    Run ctlOnTmpfs(const QString &mountPoint, const QString &mountOptions, const QStringList &args)
    {
        QProcess p;
        p.start(u"unshare"_s,
                QStringList{u"--mount"_s, u"--map-root-user"_s, u"sh"_s, u"-c"_s,
                            u"mount -t tmpfs -o %1 tmpfs \"$1\" || exit 99; shift; \"$@\"; rc=$?; ls -A \"$MNT\" >&2; "
                            "exit $rc"_s.arg(mountOptions),
                            u"sh"_s, mountPoint, QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/checkinctl"), u"--db"_s,
                            m_db}
                    + args);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MNT"_s, mountPoint);
        p.setProcessEnvironment(env);
        p.waitForFinished(60000);
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   QString::fromUtf8(p.readAllStandardError())};
    }
    QByteArray guestTableDigest()
    {
        // Everything a bad import could have touched, as the CLI sees it.
        const Run r = ctl({u"attendance"_s, u"--format"_s, u"csv"_s});
        return QCryptographicHash::hash(r.out, QCryptographicHash::Sha256);
    }

private Q_SLOTS:
    void initTestCase();
    void keygenWritesAPrivateKeyAndRefusesToOverwriteIt();
    void eventCreateValidatesItsInput();
    void etcZonesAreKnownAndCityNamesAreNot();
    void guestImportIsIdempotentAndUpdates();
    void guestIdsDifferingOnlyInCaseAreOneGuestAcrossImports();
    void emojiInANameIsLeftOutWithAWarning();
    void badGuestFileIsRejectedWholeWithEveryProblem();
    void invitationsAreWrittenAsPngAndPdf();
    void checkInFromPhotosThroughTheProgramme();
    void guestsAreFoundByNameAndShownWithTheirDays();
    void decodePrintsEveryCodeInAnImage();
    void annulAndRevokeAreRecorded();
    void attendanceExportsJsonAndCsv();
    void manualCheckInByExternalIdFollowsTheScanRules();
    void reportWritesCsvAndPdfIntoAFolder();
    void reportRefusesAFullOrWriteProtectedStick();
    void documentsOnAFullDiskSayTheDiskIsFull();
    void errorsAreClearAndExitWithTwo();
    void walkInGuestIsAddedWithAnInvitationAndEditedWithEveryChangeAudited();
    void walkInGuestAddedOnAKioskWithoutTheKeyIsCheckedInByStaff();
    void aChangeWhoseAuditRowCannotBeWrittenIsNotMade();
    void remoteAndOneDayRegistrationsAreNotExpectedOnSite();
    void eventIsCorrectedWithCareForWhatIsRecordedAndDeletedOnlyWhenSaid();
    void twoKiosksMergeTheirFilesBothWaysWithoutCountingAnyoneTwice();
};

void TestCheckinCtl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"event.sqlite"_s);
}

void TestCheckinCtl::keygenWritesAPrivateKeyAndRefusesToOverwriteIt()
{
    const Run r = ctl({u"keygen"_s, u"--out"_s, path(u"keys"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().value(u"signing_key"_s).toString().endsWith(u"signing.key"_s));
    struct stat st
    {};
    QCOMPARE(::stat(QFile::encodeName(path(u"keys/signing.key"_s)).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(QFile::exists(path(u"keys/verify.pub"_s)));
    const Run again = ctl({u"keygen"_s, u"--out"_s, path(u"keys"_s)});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains(u"refusing to overwrite"_s), qPrintable(again.err));
}

void TestCheckinCtl::eventCreateValidatesItsInput()
{
    const QStringList base = {u"event"_s,        u"create"_s,
                              u"--number"_s,     u"122"_s,
                              u"--name"_s,       u"IETF 122 Bangkok"_s,
                              u"--city"_s,       u"Bangkok"_s,
                              u"--verify-key"_s, path(u"keys/verify.pub"_s)};
    Run bad = ctl(
        base + QStringList{u"--tz"_s, u"Mars/Olympus"_s, u"--from"_s, u"2024-11-04"_s, u"--to"_s, u"2024-11-07"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(u"Unknown time zone"_s));
    bad = ctl(base
              + QStringList{u"--tz"_s, u"Asia/Bangkok"_s, u"--from"_s, u"2024-11-07"_s, u"--to"_s, u"2024-11-04"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(u"before"_s));

    const Run r = ctl(
        base + QStringList{u"--tz"_s, u"Asia/Bangkok"_s, u"--from"_s, u"2024-11-04"_s, u"--to"_s, u"2024-11-07"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"number"_s).toInt(), 122);
    QCOMPARE(r.json().value(u"tz"_s).toString(), u"Asia/Bangkok"_s);
    const Run dup = ctl(
        base + QStringList{u"--tz"_s, u"Asia/Bangkok"_s, u"--from"_s, u"2024-11-04"_s, u"--to"_s, u"2024-11-07"_s});
    QCOMPARE(dup.exitCode, 2);
    QVERIFY(dup.err.contains(u"already exists"_s));
    const Run list = ctl({u"event"_s, u"list"_s});
    QCOMPARE(list.lines().size(), 1);
}

// Etc/GMT+12 (UTC−12, Baker Island) is an IANA zone that Qt leaves off its list; "Bangkok" is not a zone at all
// (Qt would read it as a POSIX rule for UTC).
void TestCheckinCtl::etcZonesAreKnownAndCityNamesAreNot()
{
    const QString mainDb = m_db;
    m_db = path(u"zones.sqlite"_s);
    const auto back = qScopeGuard([&] { m_db = mainDb; });
    auto create = [&](int number, const QString &zone) {
        return ctl({u"event"_s, u"create"_s, u"--number"_s, QString::number(number), u"--name"_s, u"IETF"_s,
                    u"--city"_s, u"Somewhere"_s, u"--verify-key"_s, path(u"keys/verify.pub"_s), u"--tz"_s, zone,
                    u"--from"_s, u"2024-07-20"_s, u"--to"_s, u"2024-07-23"_s});
    };
    Run r = create(201, u"Etc/GMT+12"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"tz"_s).toString(), u"Etc/GMT+12"_s);
    r = create(202, u"Etc/UTC"_s);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = create(203, u"Bangkok"_s);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Unknown time zone"_s), qPrintable(r.err));
    r = create(204, u"Etc/GMT+15"_s);
    QCOMPARE(r.exitCode, 2);
}

void TestCheckinCtl::guestImportIsIdempotentAndUpdates()
{
    QFile f(path(u"guests.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\xEF\xBB\xBF"); // Excel writes a BOM
    f.write(kGuests);
    f.close();
    Run r = ctl({u"guests"_s, u"import"_s, path(u"guests.csv"_s)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"inserted"_s).toInt(), 5);
    r = ctl({u"guests"_s, u"import"_s, path(u"guests.csv"_s)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"inserted"_s).toInt(), 0);
    QCOMPARE(r.json().value(u"unchanged"_s).toInt(), 5);

    QByteArray changed(kGuests);
    changed.replace("NBTC", "Office of the NBTC");
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(changed);
    f.close();
    r = ctl({u"guests"_s, u"import"_s, path(u"guests.csv"_s)});
    QCOMPARE(r.json().value(u"updated"_s).toInt(), 1);
    QCOMPARE(r.json().value(u"unchanged"_s).toInt(), 4);
}

// "PS-005" in a later file is the guest "ps-005": a second guest would get PS-005.png beside ps-005.png, which
// overwrite each other on a FAT or exFAT stick.
void TestCheckinCtl::guestIdsDifferingOnlyInCaseAreOneGuestAcrossImports()
{
    QFile f(path(u"upper.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("external_id,display_name,latin_name,organisation,country_code,language,role\n"
            "PS-005,สมชาย ใจดี,Somchai Jaidee,Office of the NBTC,TH,en,host\n");
    f.close();
    const QByteArray before = guestTableDigest();
    Run r = ctl({u"guests"_s, u"import"_s, path(u"upper.csv"_s)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"inserted"_s).toInt(), 0);
    QCOMPARE(r.json().value(u"unchanged"_s).toInt(), 1); // the same guest with the same details
    QCOMPARE(guestTableDigest(), before);                // still five guests, ps-005 spelt as first imported
    r = ctl({u"badge"_s, u"Ps-005"_s, u"--out"_s, path(u"ps-005-badge.pdf"_s)}); // any spelling finds the guest
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

// The badge fonts have no emoji: an emoji in a name is left out at import, with a warning, so the kiosk screen
// and the badge show the same name and the badge never prints a placeholder box.
void TestCheckinCtl::emojiInANameIsLeftOutWithAWarning()
{
    const QString mainDb = m_db;
    m_db = path(u"emoji.sqlite"_s);
    const auto back = qScopeGuard([&] { m_db = mainDb; });
    Run r = ctl({u"event"_s, u"create"_s, u"--number"_s, u"123"_s, u"--name"_s, u"IETF 123"_s, u"--city"_s, u"Madrid"_s,
                 u"--verify-key"_s, path(u"keys/verify.pub"_s), u"--tz"_s, u"Europe/Madrid"_s, u"--from"_s,
                 u"2024-07-20"_s, u"--to"_s, u"2024-07-23"_s});
    QCOMPARE(r.exitCode, 0);
    QFile f(path(u"emoji.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("external_id,display_name,organisation\n"
            "e-1,José \xF0\x9F\x98\x80 Silva,Acme\xC2\xAE Ministry \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\n");
    f.close();
    r = ctl({u"guests"_s, u"import"_s, path(u"emoji.csv"_s)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"inserted"_s).toInt(), 1);
    const QJsonArray warnings = r.json().value(u"warnings"_s).toArray();
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(warnings.at(0).toObject().value(u"line"_s).toInt(), 2);
    QCOMPARE(warnings.at(0).toObject().value(u"column_name"_s).toString(), u"display_name"_s);
    QVERIFY2(r.err.contains(u"warning"_s) && r.err.contains(u"\"José Silva\""_s), qPrintable(r.err));

    r = ctl({u"badge"_s, u"e-1"_s, u"--out"_s, path(u"emoji-badge.pdf"_s)});
    QCOMPARE(r.exitCode, 0);
    QProcess text;
    text.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path(u"emoji-badge.pdf"_s), u"-"_s});
    QVERIFY(text.waitForFinished(30000));
    const QString printed = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(printed.contains(u"José Silva"_s) && printed.contains(u"Acme® Ministry"_s), qPrintable(printed));
    QVERIFY(!printed.contains(u"😀"_s));
}

void TestCheckinCtl::badGuestFileIsRejectedWholeWithEveryProblem()
{
    const QByteArray before = guestTableDigest();
    QFile f(path(u"bad.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("external_id,display_name,country_code\n"
            "ps-010,New Guest,FR\n"
            "ps-011,Another,XX\n"
            "ps-010,Duplicate Id,DE\n");
    f.close();
    const Run r = ctl({u"guests"_s, u"import"_s, path(u"bad.csv"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"line 3"_s) && r.err.contains(u"XX"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"line 4"_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"nothing was changed"_s));
    QCOMPARE(r.json().value(u"problems"_s).toArray().size(), 2);
    QCOMPARE(guestTableDigest(), before);

    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("display_name,country_code\nSomeone,FR\n");
    f.close();
    const Run noId = ctl({u"guests"_s, u"import"_s, path(u"bad.csv"_s)});
    QCOMPARE(noId.exitCode, 2);
    QVERIFY2(noId.err.contains(u"external_id"_s), qPrintable(noId.err));

    // A file bad on every row: the first 100 problems, then how many more; the JSON line stays small.
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("external_id,display_name,country_code\n");
    for (int i = 0; i < 20000; ++i)
        f.write("x" + QByteArray::number(i) + ",Someone,XX\n");
    f.close();
    const Run many = ctl({u"guests"_s, u"import"_s, path(u"bad.csv"_s)});
    QCOMPARE(many.exitCode, 2);
    QCOMPARE(many.json().value(u"problems"_s).toArray().size(), 100);
    QCOMPARE(many.json().value(u"problems_not_listed"_s).toInt(), 19900);
    QVERIFY2(many.err.contains(u"…and 19,900 more problems, not listed"_s), qPrintable(many.err.right(500)));
    QVERIFY2(many.err.contains(u"20000 problem(s) found"_s), qPrintable(many.err.right(500)));
    QVERIFY(many.out.size() < 50'000);
    QCOMPARE(guestTableDigest(), before);
}

void TestCheckinCtl::invitationsAreWrittenAsPngAndPdf()
{
    const Run r = ctl(
        {u"invitations"_s, u"issue"_s, u"--key"_s, path(u"keys/signing.key"_s), u"--out"_s, path(u"invitations"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines().size(), 5);
    for (const QString &id : {u"ps-001"_s, u"ps-002"_s, u"ps-003"_s, u"ps-004"_s, u"ps-005"_s}) {
        QVERIFY(QImage(path(u"invitations/%1.png"_s.arg(id))).width() > 100);
        QFile pdf(path(u"invitations/%1.pdf"_s.arg(id)));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }
    // Issuing again re-writes the same codes: invitations already e-mailed keep working.
    const QByteArray first = [&] {
        QFile f(path(u"invitations/ps-001.png"_s));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    const Run again = ctl({u"invitations"_s, u"issue"_s, u"--key"_s, path(u"keys/signing.key"_s), u"--out"_s,
                           path(u"invitations"_s), u"ps-001"_s});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.lines().size(), 1);
    QCOMPARE(again.json().value(u"new"_s).toBool(), false);
    // Each line says whose invitation it is, for matching files to guests without opening them.
    QCOMPARE(again.json().value(u"name"_s).toString(), u"Nguyễn Thị Minh Khai"_s);
    QCOMPARE(again.json().value(u"language"_s).toString(), u"en"_s);
    QFile png(path(u"invitations/ps-001.png"_s));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QCOMPARE(png.readAll(), first);
    // A key that is not the event's is refused rather than issuing codes no kiosk accepts.
    QVERIFY(ctl({u"keygen"_s, u"--out"_s, path(u"otherkeys"_s)}).exitCode == 0);
    const Run wrong = ctl(
        {u"invitations"_s, u"issue"_s, u"--key"_s, path(u"otherkeys/signing.key"_s), u"--out"_s, path(u"wrong"_s)});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains(u"does not belong"_s));
}

void TestCheckinCtl::checkInFromPhotosThroughTheProgramme()
{
    // A "photo": the invitation QR small, rotated and off-centre on a grey background.
    const QImage code(path(u"invitations/ps-002.png"_s));
    QImage photo(1280, 720, QImage::Format_RGB32);
    photo.fill(QColor(170, 170, 160));
    {
        QPainter p(&photo);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.translate(800, 300);
        p.rotate(17);
        p.drawImage(QRectF(-130, -130, 260, 260), code);
    }
    QVERIFY(photo.save(path(u"photo.jpg"_s), "JPG", 85));

    Run r = ctl({u"checkin"_s, u"--image"_s, path(u"photo.jpg"_s), u"--at"_s, u"2024-11-04T09:15:00+07:00"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome"_s);
    QCOMPARE(r.json().value(u"guest"_s).toString(), u"ps-002"_s);
    QCOMPARE(r.json().value(u"name"_s).toString(), u"Ольга Смирнова"_s);
    QCOMPARE(r.json().value(u"day"_s).toString(), u"2024-11-04"_s);
    QCOMPARE(r.json().value(u"print_jobs"_s).toArray().size(), 2);

    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-002.png"_s), u"--at"_s, u"2024-11-04T14:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"already_checked_in"_s);
    QVERIFY(r.json().value(u"first_scan"_s).toString().startsWith(u"2024-11-04T09:15:00"_s));

    // 00:30 in Bangkok on 5 Nov is still 4 Nov in UTC: day 2 all the same. (Dates in 2024, whose rules are
    // settled: docs/time-zones.md.)
    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-002.png"_s), u"--at"_s, u"2024-11-04T17:30:00Z"_s});
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome_back"_s);
    QCOMPARE(r.json().value(u"day_number"_s).toInt(), 2);

    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-001.png"_s), u"--at"_s, u"2024-11-08T09:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"not_programme_day"_s);
    QCOMPARE(r.json().value(u"programme_to"_s).toString(), u"2024-11-07"_s);

    r = ctl({u"checkin"_s, u"--payload"_s, u"https://www.ietf.org/"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"unreadable"_s);

    // Two invitations in one photo: which guest came is not for the kiosk to guess, so nobody is checked in.
    QImage two(1400, 700, QImage::Format_RGB32);
    two.fill(Qt::white);
    {
        QPainter p(&two);
        p.drawImage(QRectF(50, 50, 600, 600), QImage(path(u"invitations/ps-003.png"_s)));
        p.drawImage(QRectF(750, 50, 600, 600), QImage(path(u"invitations/ps-004.png"_s)));
    }
    QVERIFY(two.save(path(u"two.png"_s)));
    const QByteArray before = guestTableDigest();
    r = ctl({u"checkin"_s, u"--image"_s, path(u"two.png"_s), u"--at"_s, u"2024-11-05T09:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"shows 2 invitations; nobody was checked in"_s), qPrintable(r.err));
    QCOMPARE(guestTableDigest(), before);

    // The source is a short label; a 120,000-character one is refused, not stored.
    r = ctl({u"checkin"_s, u"--payload"_s, u"x"_s, u"--source"_s, QString(120000, u'a')});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--source is a short label"_s), qPrintable(r.err.left(300)));
}

// Staff name guests as they know them: list, find and show, and any command that takes GUEST takes a name.
void TestCheckinCtl::guestsAreFoundByNameAndShownWithTheirDays()
{
    Run r = ctl({u"guests"_s, u"list"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines().size(), 5);
    r = ctl({u"guests"_s, u"list"_s, u"--arrived"_s, u"2024-11-04"_s});
    QCOMPARE(r.lines().size(), 1);
    QCOMPARE(r.json().value(u"guest"_s).toString(), u"ps-002"_s);
    QCOMPARE(r.json().value(u"arrived"_s).toArray().first().toString(), u"2024-11-04"_s);
    QCOMPARE(r.json().value(u"invitation"_s).toString(), u"active"_s);
    r = ctl({u"guests"_s, u"list"_s, u"--missing"_s, u"2024-11-04"_s});
    QCOMPARE(r.lines().size(), 4);
    QVERIFY(!r.out.contains("ps-002"));
    r = ctl({u"guests"_s, u"list"_s, u"--missing"_s, u"2024-12-25"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"not a programme day"_s), qPrintable(r.err));

    r = ctl({u"guests"_s, u"find"_s, u"smirnova"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"name"_s).toString(), u"Ольга Смирнова"_s);
    QCOMPARE(r.json().value(u"matched"_s).toString(), u"display_name"_s); // the list gave display names only

    r = ctl({u"guests"_s, u"show"_s, u"Смирнова"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject olga = r.json();
    QCOMPARE(olga.value(u"guest"_s).toString(), u"ps-002"_s);
    const QJsonArray checkins = olga.value(u"checkins"_s).toArray();
    QVERIFY(checkins.size() >= 2);
    QCOMPARE(checkins.first().toObject().value(u"at"_s).toString(), u"2024-11-04T09:15:00+07:00"_s); // venue time
    QCOMPARE(checkins.first().toObject().value(u"method"_s).toString(), u"qr"_s);
    QCOMPARE(olga.value(u"print_jobs"_s).toArray().size(), 2);

    // Any command that takes a guest takes a name; an ambiguous one lists the candidates and changes nothing.
    r = ctl({u"badge"_s, u"Yamada Taro"_s, u"--out"_s, path(u"yamada.pdf"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({u"revoke"_s, u"Ministry"_s});
    QCOMPARE(r.exitCode, 2);
    for (const char *id : {"ps-001", "ps-002", "ps-003"})
        QVERIFY2(r.err.contains(QLatin1String(id)), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"matches 3 guests"_s), qPrintable(r.err));
    QCOMPARE(ctl({u"guests"_s, u"show"_s, u"ps-001"_s}).json().value(u"invitation"_s).toString(), u"active"_s);
    r = ctl({u"guests"_s, u"show"_s, u"Nobody Here"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"No guest"_s) && r.err.contains(u"guests list"_s), qPrintable(r.err));
}

void TestCheckinCtl::decodePrintsEveryCodeInAnImage()
{
    const Run r = ctl({u"decode"_s, path(u"invitations/ps-003.png"_s), path(u"photo.jpg"_s)});
    QCOMPARE(r.exitCode, 0);
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 2);
    const QString text = lines[0].value(u"codes"_s).toArray().first().toObject().value(u"text"_s).toString();
    QCOMPARE(text.size(), 178);
    QCOMPARE(lines[1].value(u"codes"_s).toArray().size(), 1);
    const Run missing = ctl({u"decode"_s, path(u"nope.png"_s)});
    QCOMPARE(missing.exitCode, 2);
}

void TestCheckinCtl::annulAndRevokeAreRecorded()
{
    Run r = ctl(
        {u"checkin"_s, u"--image"_s, path(u"invitations/ps-004.png"_s), u"--at"_s, u"2024-11-05T08:00:00+07:00"_s});
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome"_s);
    const QString checkinId = r.json().value(u"checkin"_s).toString();
    QVERIFY(!checkinId.isEmpty());

    QCOMPARE(ctl({u"annul"_s, checkinId}).exitCode, 2); // a reason is required
    r = ctl({u"annul"_s, checkinId, u"--reason"_s, u"scanned for a colleague"_s, u"--actor"_s, u"Ana Staff"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = ctl({u"annul"_s, checkinId, u"--reason"_s, u"again"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"already annulled"_s));

    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-004.png"_s), u"--at"_s, u"2024-11-05T08:30:00+07:00"_s});
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome"_s);
    QCOMPARE(r.json().value(u"print_jobs"_s).toArray().size(), 0); // no second badge by accident

    r = ctl({u"revoke"_s, u"ps-005"_s, u"--reason"_s, u"invitation reported lost"_s});
    QCOMPARE(r.exitCode, 0);
    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-005.png"_s), u"--at"_s, u"2024-11-05T09:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"revoked"_s);
    QCOMPARE(ctl({u"revoke"_s, u"ps-005"_s}).exitCode, 2);
    QCOMPARE(ctl({u"revoke"_s, u"nobody"_s}).exitCode, 2);

    // Each change names who made it: --actor, else the operating-system user who ran checkinctl.
    QString osUser = qEnvironmentVariable("SUDO_USER");
    if (osUser.isEmpty()) {
        const passwd *user = ::getpwuid(::geteuid());
        osUser = user ? QString::fromLocal8Bit(user->pw_name) : u"checkinctl"_s;
    }
    const auto actorOf = [&](const QString &guest, const QString &action) {
        const QJsonArray actions = ctl({u"guests"_s, u"show"_s, guest}).json().value(u"actions"_s).toArray();
        for (const QJsonValue &a : actions) {
            if (a.toObject().value(u"action"_s).toString() == action)
                return a.toObject().value(u"actor"_s).toString();
        }
        return QString();
    };
    QCOMPARE(actorOf(u"ps-004"_s, u"annul"_s), u"Ana Staff"_s);
    QCOMPARE(actorOf(u"ps-005"_s, u"revoke"_s), osUser);
}

void TestCheckinCtl::attendanceExportsJsonAndCsv()
{
    Run r = ctl({u"attendance"_s});
    QCOMPARE(r.exitCode, 0);
    const auto days = r.lines();
    QCOMPARE(days.size(), 4);
    QCOMPARE(days[0].value(u"day"_s).toString(), u"2024-11-04"_s);
    QCOMPARE(days[0].value(u"expected"_s).toInt(), 5);
    QCOMPARE(days[0].value(u"arrived"_s).toInt(), 1);
    QCOMPARE(days[0].value(u"who"_s).toArray().first().toObject().value(u"guest"_s).toString(), u"ps-002"_s);
    QCOMPARE(days[1].value(u"arrived"_s).toInt(), 2); // ps-002 day 2 and ps-004 re-checked in

    r = ctl({u"attendance"_s, u"--day"_s, u"2024-11-05"_s, u"--format"_s, u"csv"_s, u"--out"_s, path(u"day2.csv"_s)});
    QCOMPARE(r.exitCode, 0);
    QFile csv(path(u"day2.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = csv.readAll().split('\n');
    QVERIFY(rows[0].startsWith("day,day_number,external_id,name"));
    QCOMPARE(rows.size(), 1 + 5 + 1);
    QVERIFY(rows[1].contains("2024-11-05,2,"));
    QVERIFY(rows[1].contains(",yes,"));
    QVERIFY(QString::fromUtf8(csv.fileName().toUtf8()).endsWith(u"day2.csv"_s));

    r = ctl({u"attendance"_s, u"--day"_s, u"2024-12-25"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"not a programme day"_s));
}

void TestCheckinCtl::manualCheckInByExternalIdFollowsTheScanRules()
{
    // Nguyễn Thị Minh Khai left her invitation at the hotel; staff find her and check her in on day 3.
    Run r = ctl({u"checkin"_s, u"--guest"_s, u"ps-001"_s, u"--actor"_s, u"Ana Staff"_s, u"--at"_s,
                 u"2024-11-06T10:00:00+07:00"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome"_s);
    QCOMPARE(r.json().value(u"guest"_s).toString(), u"ps-001"_s);
    QCOMPARE(r.json().value(u"name"_s).toString(), u"Nguyễn Thị Minh Khai"_s);
    QCOMPARE(r.json().value(u"day_number"_s).toInt(), 3);
    QCOMPARE(r.json().value(u"print_jobs"_s).toArray().size(), 2);
    const QString checkinId = r.json().value(u"checkin"_s).toString();

    // Her invitation scanned later the same day finds the manual check-in.
    r = ctl({u"checkin"_s, u"--image"_s, path(u"invitations/ps-001.png"_s), u"--at"_s, u"2024-11-06T15:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"already_checked_in"_s);
    QCOMPARE(r.json().value(u"checkin"_s).toString(), checkinId);
    QVERIFY(r.json().value(u"first_scan"_s).toString().startsWith(u"2024-11-06T10:00:00"_s));
    r = ctl({u"attendance"_s, u"--day"_s, u"2024-11-06"_s});
    QCOMPARE(r.json().value(u"arrived"_s).toInt(), 1);

    // The next day: welcome back, no new badge.
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-001"_s, u"--actor"_s, u"Ana Staff"_s, u"--at"_s,
             u"2024-11-07T09:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome_back"_s);

    // The rules of a scan hold: a revoked invitation is refused, so is a day outside the programme.
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-005"_s, u"--actor"_s, u"Ana Staff"_s, u"--at"_s,
             u"2024-11-06T10:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"revoked"_s);
    // Said to the staff member, with what to do: not the guest's "Please see staff."
    QVERIFY2(r.err.contains(u"invitation is revoked"_s) && r.err.contains(u"issue a new invitation"_s)
                 && !r.err.contains(u"Please see staff"_s),
             qPrintable(r.err));
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-003"_s, u"--actor"_s, u"Ana Staff"_s, u"--at"_s,
             u"2024-11-08T10:00:00+07:00"_s});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"not_programme_day"_s);

    // Usage errors say what to do and record nothing.
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-003"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--actor"_s), qPrintable(r.err));
    r = ctl({u"checkin"_s, u"--guest"_s, u"nobody"_s, u"--actor"_s, u"Ana Staff"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"No guest of IETF 122 Bangkok matches \"nobody\""_s), qPrintable(r.err));
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-003"_s, u"--payload"_s, u"123"_s, u"--actor"_s, u"Ana Staff"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"exactly one"_s));
    r = ctl({u"help"_s, u"checkin"_s});
    QVERIFY(r.out.contains("--guest GUEST --actor NAME"));
}

void TestCheckinCtl::reportWritesCsvAndPdfIntoAFolder()
{
    Run r = ctl({u"report"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--out DIR"_s), qPrintable(r.err));
    r = ctl({u"report"_s, u"--out"_s, path(u"no-stick"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"does not exist"_s), qPrintable(r.err));

    QVERIFY(QDir().mkpath(path(u"stick"_s)));
    r = ctl({u"report"_s, u"--out"_s, path(u"stick"_s), u"--event"_s, u"122"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines().size(), 1);
    const QString csvPath = r.json().value(u"csv"_s).toString();
    const QString pdfPath = r.json().value(u"pdf"_s).toString();
    QCOMPARE(r.json().value(u"event"_s).toInt(), 122);
    static const QRegularExpression name(u"^ietf122-attendance-\\d{4}-\\d\\d-\\d\\d-\\d{4}\\.(csv|pdf)$"_s);
    QVERIFY2(name.match(QFileInfo(csvPath).fileName()).hasMatch(), qPrintable(csvPath));
    QVERIFY2(name.match(QFileInfo(pdfPath).fileName()).hasMatch(), qPrintable(pdfPath));
    QCOMPARE(QFileInfo(csvPath).absolutePath(), QFileInfo(path(u"stick"_s)).absoluteFilePath());
    QCOMPARE(QDir(path(u"stick"_s)).entryList(QDir::Files).size(), 2);

    // The CSV is the same register 'attendance --format csv' prints.
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), ctl({u"attendance"_s, u"--format"_s, u"csv"_s}).out);

    QProcess text;
    text.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    QVERIFY(text.waitForFinished(60000));
    const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
    for (const QString &expected : {u"IETF 122 Bangkok"_s, u"Ольга Смирнова"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s,
                                    u"Daily totals"_s, u"Certified correct by"_s, u"Page 1 of 1"_s, u"test-kiosk"_s})
        QVERIFY2(pdf.contains(expected), qPrintable(expected + u" not in\n"_s + pdf));

    r = ctl({u"help"_s, u"report"_s});
    QVERIFY(r.out.contains("Certified correct by"));
    QVERIFY(ctl({u"--help"_s}).out.contains("report --out DIR"));
}

void TestCheckinCtl::reportRefusesAFullOrWriteProtectedStick()
{
    // A small and a read-only file system stand in for a full and a write-protected USB stick: tmpfs mounts in a
    // private mount namespace (needs root or user namespaces; skipped where neither is allowed).
    const QString mountPoint = path(u"mnt"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    const auto inNamespace = [&](const QString &mountOptions) {
        return ctlOnTmpfs(mountPoint, mountOptions, {u"report"_s, u"--out"_s, mountPoint});
    };
    Run r = inNamespace(u"size=16k"_s);
    if (r.exitCode == 99 || r.exitCode == -1 || r.err.contains(u"unshare:"_s))
        QSKIP(qPrintable(u"cannot mount a tmpfs in a private namespace here: "_s + r.err));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"is full"_s) && r.err.contains(u"use another USB stick"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"ietf122-attendance"_s), qPrintable(r.err)); // nothing left on the stick
    QVERIFY(r.out.isEmpty());

    r = inNamespace(u"ro,size=1m"_s);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"is read-only (is the USB stick write-protected?)"_s), qPrintable(r.err));
}

// A badge, an agenda or an attendance file written to a full disk said "Unknown error" (Qt's text for ENOSPC from
// QSaveFile); it says the disk is full, how much is free and how much the file needs, and leaves nothing behind.
void TestCheckinCtl::documentsOnAFullDiskSayTheDiskIsFull()
{
    const QString mountPoint = path(u"full"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    const auto onFullDisk = [&](const QStringList &args) { return ctlOnTmpfs(mountPoint, u"size=8k"_s, args); };
    for (const QStringList &args : {QStringList{u"badge"_s, u"ps-001"_s, u"--out"_s, mountPoint + u"/b.pdf"_s},
                                    QStringList{u"agenda"_s, u"ps-001"_s, u"--out"_s, mountPoint + u"/a.pdf"_s}}) {
        const Run r = onFullDisk(args);
        if (r.exitCode == 99 || r.exitCode == -1 || r.err.contains(u"unshare:"_s))
            QSKIP(qPrintable(u"cannot mount a tmpfs in a private namespace here: "_s + r.err));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"the disk is full"_s) && !r.err.contains(u"Unknown error"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u".pdf\n"_s), qPrintable(r.err)); // nothing left on the disk (ls shows nothing)
    }
}

void TestCheckinCtl::errorsAreClearAndExitWithTwo()
{
    Run r = ctl({u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"Unknown command"_s));
    r = ctl({u"checkin"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"--payload"_s));
    r = ctl({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("guests import"));
    r = ctl({u"help"_s, u"checkin"_s});
    QVERIFY(r.out.contains("already_checked_in"));
    // A topic that is no command says so (it used to print the whole help and exit 0).
    r = ctl({u"help"_s, u"log"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"There is no command 'log'"_s), qPrintable(r.err));
    // An option the command does not take is refused, naming it (keygen --tz was silently accepted).
    r = ctl({u"keygen"_s, u"--out"_s, path(u"other-keys"_s), u"--tz"_s, u"Asia/Bangkok"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"'keygen' does not take --tz"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(path(u"other-keys"_s)));
    r = ctl({u"event"_s, u"list"_s, u"--reason"_s, u"x"_s});
    QVERIFY2(r.exitCode == 2 && r.err.contains(u"'event list' does not take --reason"_s), qPrintable(r.err));
    // Every command in the overview has its own help, and every command's help names it.
    const QString overview = QString::fromUtf8(ctl({u"--help"_s}).out);
    for (const QString &command : {u"keygen"_s,
                                   u"event create"_s,
                                   u"guests import"_s,
                                   u"invitations issue"_s,
                                   u"invitations send"_s,
                                   u"programme import"_s,
                                   u"demo"_s,
                                   u"badge"_s,
                                   u"badges"_s,
                                   u"agenda"_s,
                                   u"printers"_s,
                                   u"print-queue"_s,
                                   u"reprint"_s,
                                   u"print-worker"_s,
                                   u"checkin"_s,
                                   u"decode"_s,
                                   u"attendance"_s,
                                   u"report"_s,
                                   u"annul"_s,
                                   u"revoke"_s,
                                   u"backup"_s,
                                   u"backups"_s,
                                   u"restore"_s,
                                   u"purge"_s,
                                   u"venue push"_s,
                                   u"sync"_s,
                                   u"staff-pin set"_s}) {
        QVERIFY2(overview.contains(u"  "_s + command + u' '), qPrintable(command));
        const Run help = ctl({u"help"_s, command.section(u' ', 0, 0)});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QByteArray("checkinctl " + command.toUtf8())), qPrintable(command));
    }
    // A time the database cannot store (past year 9999 in UTC) is refused before anything is recorded.
    const QByteArray attendanceBefore = ctl({u"attendance"_s}).out;
    r = ctl({u"checkin"_s, u"--guest"_s, u"ps-003"_s, u"--actor"_s, u"Ana Staff"_s, u"--at"_s,
             u"9999-12-31T23:30:00-11:00"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"outside the years 1970 to 9999"_s), qPrintable(r.err));
    QCOMPARE(ctl({u"attendance"_s}).out, attendanceBefore);

    QProcess p;
    p.start(QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/checkinctl"),
            {u"--db"_s, path(u"missing.sqlite"_s), u"checkin"_s, u"--payload"_s, u"x"_s});
    p.waitForFinished();
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(u"There is no database"_s), qPrintable(err));
    QVERIFY(!QFile::exists(path(u"missing.sqlite"_s)));
}

void TestCheckinCtl::walkInGuestIsAddedWithAnInvitationAndEditedWithEveryChangeAudited()
{
    const int before = int(ctl({u"guests"_s, u"list"_s}).lines().size());
    Run r = ctl({u"guests"_s,         u"add"_s,
                 u"--given-name"_s,   u"Minh Khai"_s,
                 u"--family-name"_s,  u"Nguyễn"_s,
                 u"--email"_s,        u"mk.walkin@example.vn"_s,
                 u"--country"_s,      u"vn"_s,
                 u"--organisation"_s, u"MIC"_s,
                 u"--days"_s,         u"2;3"_s,
                 u"--key"_s,          path(u"keys/signing.key"_s),
                 u"--out"_s,          path(u"walkins"_s),
                 u"--actor"_s,        u"Alice Organiser"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject added = r.json();
    const QString id = added.value(u"guest"_s).toString();
    QVERIFY2(id.startsWith(u"g-"_s), qPrintable(id)); // made from the e-mail address, as an import would
    QCOMPARE(added.value(u"name"_s).toString(), u"Minh Khai Nguyễn"_s); // the default order for Latin script
    QCOMPARE(added.value(u"country"_s).toString(), u"VN"_s);
    QCOMPARE(added.value(u"invitation"_s).toString(), u"active"_s);
    QCOMPARE(added.value(u"days_expected"_s).toArray(), QJsonArray({u"2024-11-05"_s, u"2024-11-06"_s}));
    QVERIFY(QFile::exists(path(u"walkins/%1.pdf"_s.arg(id))));
    QCOMPARE(ctl({u"guests"_s, u"list"_s}).lines().size(), before + 1);
    // The invitation is a real one: its code checks the guest in.
    r = ctl({u"checkin"_s, u"--image"_s, path(u"walkins/%1.png"_s.arg(id)), u"--at"_s, u"2024-11-05T09:30:00+07:00"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"guest"_s).toString(), id);

    // The same guest twice, or a value the guest list would refuse, changes nothing.
    r = ctl({u"guests"_s, u"add"_s, u"--given-name"_s, u"M"_s, u"--email"_s, u"mk.walkin@example.vn"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"already a guest"_s) && r.err.contains(u"guests edit"_s), qPrintable(r.err));
    r = ctl({u"guests"_s, u"add"_s, u"--given-name"_s, u"X"_s, u"--country"_s, u"XX"_s, u"--language"_s, u"de"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--country: unknown country code \"XX\""_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"--language: unknown language"_s), qPrintable(r.err));
    QCOMPARE(ctl({u"guests"_s, u"list"_s}).lines().size(), before + 1);

    // A Vietnamese name is written family name first once staff say so; the change names what it was.
    r = ctl({u"guests"_s, u"edit"_s, u"mk.walkin@example.vn"_s, u"--name-order"_s, u"family-first"_s, u"--actor"_s,
             u"Bob Staff"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"name"_s).toString(), u"Nguyễn Minh Khai"_s);
    QCOMPARE(r.json().value(u"name_order"_s).toString(), u"family-first"_s);
    QCOMPARE(r.json().value(u"changed"_s).toArray(), QJsonArray({u"display_name"_s, u"name_order"_s}));
    r = ctl({u"guests"_s, u"edit"_s, id, u"--name-order"_s, u"family-first"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().value(u"changed"_s).toArray().isEmpty());
    QVERIFY2(r.err.contains(u"nothing to change"_s), qPrintable(r.err));
    r = ctl({u"guests"_s, u"edit"_s, id, u"--id"_s, u"other-id"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"id cannot change"_s), qPrintable(r.err));

    // Importing the list again without a name_order column keeps the order staff chose.
    QFile csv(path(u"walkin-again.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("external_id,first_name,last_name,email,country_code,affiliation\r\n" + id.toUtf8()
              + ",Minh Khai,Nguyễn,mk.walkin@example.vn,VN,MIC\r\n");
    csv.close();
    QCOMPARE(ctl({u"guests"_s, u"import"_s, csv.fileName()}).exitCode, 0);
    const QJsonObject shown = ctl({u"guests"_s, u"show"_s, id}).json();
    QCOMPARE(shown.value(u"name"_s).toString(), u"Nguyễn Minh Khai"_s);

    // Every change is in the staff action log with who made it.
    QList<QJsonObject> actions;
    for (const QJsonValue &a : shown.value(u"actions"_s).toArray())
        actions << a.toObject();
    QCOMPARE(actions.size(), 2); // the import is an event-wide action, not the guest's
    QCOMPARE(actions[0].value(u"action"_s).toString(), u"guest-add"_s);
    QCOMPARE(actions[0].value(u"actor"_s).toString(), u"Alice Organiser"_s);
    QCOMPARE(actions[1].value(u"action"_s).toString(), u"guest-edit"_s);
    QCOMPARE(actions[1].value(u"actor"_s).toString(), u"Bob Staff"_s);
    const QJsonObject change = actions[1].value(u"detail"_s).toObject().value(u"display_name"_s).toObject();
    QCOMPARE(change.value(u"from"_s).toString(), u"Minh Khai Nguyễn"_s);
    QCOMPARE(change.value(u"to"_s).toString(), u"Nguyễn Minh Khai"_s);
}

void TestCheckinCtl::walkInGuestAddedOnAKioskWithoutTheKeyIsCheckedInByStaff()
{
    Run r = ctl({u"guests"_s, u"add"_s, u"--name"_s, u"ليلى حسن"_s, u"--organisation"_s, u"NTRA"_s, u"--country"_s,
                 u"EG"_s, u"--language"_s, u"ar"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString id = r.json().value(u"guest"_s).toString();
    QVERIFY2(QRegularExpression(u"\\Awalkin-[0-9a-f]{6}\\z"_s).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(r.json().value(u"invitation"_s).toString(), u"none"_s);
    QVERIFY2(r.err.contains(u"without an invitation"_s) && r.err.contains(u"checkin --guest"_s), qPrintable(r.err));
    r = ctl({u"checkin"_s, u"--guest"_s, id, u"--actor"_s, u"Ana Staff"_s, u"--at"_s, u"2024-11-07T11:00:00+07:00"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"outcome"_s).toString(), u"welcome"_s);
}

void TestCheckinCtl::aChangeWhoseAuditRowCannotBeWrittenIsNotMade()
{
    // The staff action log refuses every row (as a full disk or a damaged table would): the edit is not made.
    const auto sql = [this](const QString &statement) {
        return checkin::test::runProgram(u"python3"_s, {u"-c"_s,
                                                        u"import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                                                        "c.executescript(sys.argv[2]); c.commit()"_s,
                                                        m_db, statement});
    };
    QCOMPARE(sql(u"CREATE TRIGGER no_audit BEFORE INSERT ON staff_action BEGIN SELECT RAISE(ABORT, 'audit "
                 "refused'); END;"_s)
                 .exitCode,
             0);
    auto dropTrigger = qScopeGuard([&] { QCOMPARE(sql(u"DROP TRIGGER no_audit"_s).exitCode, 0); });
    const QString before = ctl({u"guests"_s, u"show"_s, u"ps-005"_s}).json().value(u"organisation"_s).toString();
    Run r = ctl({u"guests"_s, u"edit"_s, u"ps-005"_s, u"--organisation"_s, u"Someone Else"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"audit refused"_s), qPrintable(r.err));
    QCOMPARE(ctl({u"guests"_s, u"show"_s, u"ps-005"_s}).json().value(u"organisation"_s).toString(), before);
    r = ctl({u"guests"_s, u"add"_s, u"--given-name"_s, u"Nobody"_s, u"--id"_s, u"never-added"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(ctl({u"guests"_s, u"show"_s, u"never-added"_s}).exitCode, 2);
}

void TestCheckinCtl::remoteAndOneDayRegistrationsAreNotExpectedOnSite()
{
    const QList<QJsonObject> before = ctl({u"attendance"_s}).lines();
    // A datatracker registration export: one on site all week, one remote, one day pass with its day, one without.
    QFile csv(path(u"datatracker.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("first_name,last_name,affiliation,country_code,email,reg_type,ticket_type,days\r\n"
              "Aarav,Sharma,MeitY,IN,aarav@example.in,onsite,week_pass,\r\n"
              "Kofi,Mensah,NCA,GH,kofi@example.gh,remote,week_pass,\r\n"
              "Ana,Souza,Anatel,BR,ana@example.br,onsite,one_day,2\r\n"
              "Mei,Lin,MIIT,CN,mei@example.cn,onsite,one_day,\r\n");
    csv.close();
    Run r = ctl({u"guests"_s, u"import"_s, csv.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"inserted"_s).toInt(), 4);

    const QList<QJsonObject> after = ctl({u"attendance"_s}).lines();
    QCOMPARE(after.size(), 4);
    for (int d = 0; d < 4; ++d) {
        // Aarav every day, Ana on day 2 only; Kofi (remote) and Mei (day not stated) on no day.
        const int added = d == 1 ? 2 : 1;
        QCOMPARE(after[d].value(u"expected"_s).toInt(), before[d].value(u"expected"_s).toInt() + added);
    }
    const auto shown = [this](const char *email) {
        return ctl({u"guests"_s, u"show"_s, QString::fromLatin1(email)}).json();
    };
    QCOMPARE(shown("kofi@example.gh").value(u"expected"_s).toString(), u"remote"_s);
    QVERIFY(shown("kofi@example.gh").value(u"days_expected"_s).toArray().isEmpty());
    QCOMPARE(shown("ana@example.br").value(u"expected"_s).toString(), u"listed days"_s);
    QCOMPARE(shown("mei@example.cn").value(u"expected"_s).toString(), u"one day, not stated"_s);
    QCOMPARE(shown("aarav@example.in").value(u"expected"_s).toString(), u"every day"_s);
    r = ctl({u"guests"_s, u"list"_s, u"--missing"_s, u"2024-11-04"_s});
    QVERIFY(!r.out.contains("kofi@example.gh"));
    QVERIFY(r.out.contains("aarav@example.in"));

    // The report says how "expected" was counted.
    QVERIFY(QDir().mkpath(path(u"basis-report"_s)));
    r = ctl({u"report"_s, u"--out"_s, path(u"basis-report"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Run text = checkin::test::runProgram(u"pdftotext"_s, {r.json().value(u"pdf"_s).toString(), u"-"_s});
    QVERIFY2(text.out.simplified().contains("1 remote registration is not expected on site"), text.out.constData());
    QVERIFY2(text.out.simplified().contains("1 one-day ticket without a stated day"), text.out.constData());
}

void TestCheckinCtl::eventIsCorrectedWithCareForWhatIsRecordedAndDeletedOnlyWhenSaid()
{
    const QString db = path(u"second.sqlite"_s);
    const auto run = [&db](const QStringList &args) { return checkin::test::runCheckinctl(db, u"k2"_s, args); };
    // Created with the IETF week instead of the programme days, and the wrong city.
    Run r = run({u"event"_s, u"create"_s, u"--number"_s, u"125"_s, u"--name"_s, u"IETF 125"_s, u"--city"_s,
                 u"Shenzen"_s, u"--tz"_s, u"Asia/Shanghai"_s, u"--from"_s, u"2026-03-14"_s, u"--to"_s, u"2026-03-20"_s,
                 u"--verify-key"_s, path(u"keys/verify.pub"_s), u"--actor"_s, u"Alice"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({u"event"_s, u"create"_s, u"--number"_s, u"125"_s, u"--name"_s, u"IETF 125"_s, u"--city"_s, u"X"_s,
             u"--tz"_s, u"Asia/Shanghai"_s, u"--from"_s, u"2026-03-14"_s, u"--to"_s, u"2026-03-20"_s, u"--verify-key"_s,
             path(u"keys/verify.pub"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"already exists"_s), qPrintable(r.err));

    r = run({u"event"_s, u"edit"_s, u"--city"_s, u"Shenzhen"_s, u"--from"_s, u"2026-03-15"_s, u"--to"_s,
             u"2026-03-18"_s, u"--actor"_s, u"Bob"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"city"_s).toString(), u"Shenzhen"_s);
    QCOMPARE(r.json().value(u"changed"_s).toObject().keys(), (QStringList{u"city"_s, u"first_day"_s, u"last_day"_s}));
    QCOMPARE(r.json().value(u"changed"_s).toObject().value(u"city"_s).toObject().value(u"from"_s).toString(),
             u"Shenzen"_s);
    QCOMPARE(run({u"event"_s, u"edit"_s, u"--to"_s, u"2026-03-01"_s}).exitCode, 2); // before the first day

    // Once a guest has checked in, days that would leave the check-in outside the programme need --force.
    QFile csv(path(u"second.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("external_id,display_name\r\nz-1,Zhang Wei\r\n");
    csv.close();
    QCOMPARE(run({u"guests"_s, u"import"_s, csv.fileName()}).exitCode, 0);
    r = run({u"checkin"_s, u"--guest"_s, u"z-1"_s, u"--actor"_s, u"Ana"_s, u"--at"_s, u"2026-03-15T09:00:00+08:00"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({u"event"_s, u"edit"_s, u"--from"_s, u"2026-03-16"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"1 check-ins are on days outside"_s) && r.err.contains(u"--force"_s), qPrintable(r.err));
    QCOMPARE(run({u"event"_s, u"list"_s}).json().value(u"from"_s).toString(), u"2026-03-15"_s);
    QCOMPARE(run({u"event"_s, u"edit"_s, u"--tz"_s, u"Asia/Tokyo"_s}).exitCode, 2);

    // Delete: never guessed, says what would go, needs --force with check-ins, keeps the audit trail.
    QCOMPARE(run({u"event"_s, u"delete"_s, u"--yes"_s}).exitCode, 2);
    r = run({u"--event"_s, u"125"_s, u"event"_s, u"delete"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.json().value(u"checkins"_s).toInt(), 1);
    r = run({u"--event"_s, u"125"_s, u"event"_s, u"delete"_s, u"--yes"_s, u"--force"_s, u"--actor"_s, u"Carol"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"deleted"_s).toBool(), true);
    QVERIFY(run({u"event"_s, u"list"_s}).out.trimmed().isEmpty());
    const Run actions = checkin::test::runProgram(
        u"python3"_s, {u"-c"_s,
                       u"import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT "
                       "group_concat(action || ':' || actor, ' ') FROM staff_action\").fetchone()[0])"_s,
                       db});
    QVERIFY2(actions.out.contains("event-create:Alice event-edit:Bob"), actions.out.constData());
    QVERIFY2(actions.out.contains("event-delete:Carol"), actions.out.constData());
}

void TestCheckinCtl::twoKiosksMergeTheirFilesBothWaysWithoutCountingAnyoneTwice()
{
    // The organiser prepares one file and copies it to both kiosks.
    const QString base = path(u"merge-base.sqlite"_s);
    const auto on = [](const QString &db, const QString &kiosk) {
        return [db, kiosk](const QStringList &args) { return checkin::test::runCheckinctl(db, kiosk, args); };
    };
    const auto organiser = on(base, u"organiser"_s);
    QVERIFY(organiser({u"event"_s, u"create"_s, u"--number"_s, u"126"_s, u"--name"_s, u"IETF 126"_s, u"--city"_s,
                       u"Vienna"_s, u"--tz"_s, u"Europe/Vienna"_s, u"--from"_s, u"2026-07-18"_s, u"--to"_s,
                       u"2026-07-21"_s, u"--verify-key"_s, path(u"keys/verify.pub"_s)})
                .exitCode
            == 0);
    QFile csv(path(u"merge-guests.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("external_id,display_name\r\nm-1,Nguyễn Thị Minh Khai\r\nm-2,Ольга Смирнова\r\nm-3,山田太郎\r\n");
    csv.close();
    QVERIFY(organiser({u"guests"_s, u"import"_s, csv.fileName()}).exitCode == 0);
    QVERIFY(organiser({u"invitations"_s, u"issue"_s, u"--key"_s, path(u"keys/signing.key"_s), u"--out"_s,
                       path(u"merge-invitations"_s)})
                .exitCode
            == 0);
    const QString fileA = path(u"kiosk-a.sqlite"_s);
    const QString fileB = path(u"kiosk-b.sqlite"_s);
    QVERIFY(QFile::copy(base, fileA) && QFile::copy(base, fileB));
    const auto kioskA = on(fileA, u"kiosk-a"_s);
    const auto kioskB = on(fileB, u"kiosk-b"_s);
    const auto invitation = [this](const char *id) {
        return path(u"merge-invitations/%1.png"_s.arg(QLatin1String(id)));
    };

    // Day 1: Minh Khai scans at both kiosks (B first), Olga at A, Taro at B; B adds a walk-in and revokes Olga's
    // invitation (reported lost); A annuls nothing.
    QCOMPARE(
        kioskB({u"checkin"_s, u"--image"_s, invitation("m-1"), u"--at"_s, u"2026-07-18T08:55:00+02:00"_s}).exitCode, 0);
    QCOMPARE(
        kioskA({u"checkin"_s, u"--image"_s, invitation("m-1"), u"--at"_s, u"2026-07-18T09:00:00+02:00"_s}).exitCode, 0);
    QCOMPARE(
        kioskA({u"checkin"_s, u"--image"_s, invitation("m-2"), u"--at"_s, u"2026-07-18T09:05:00+02:00"_s}).exitCode, 0);
    QCOMPARE(
        kioskB({u"checkin"_s, u"--image"_s, invitation("m-3"), u"--at"_s, u"2026-07-18T09:10:00+02:00"_s}).exitCode, 0);
    Run r = kioskB({u"guests"_s, u"add"_s, u"--id"_s, u"walk-1"_s, u"--name"_s, u"Kofi Mensah"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(kioskB({u"checkin"_s, u"--guest"_s, u"walk-1"_s, u"--actor"_s, u"Ana"_s, u"--at"_s,
                     u"2026-07-18T09:20:00+02:00"_s})
                 .exitCode,
             0);
    QCOMPARE(kioskB({u"revoke"_s, u"m-2"_s, u"--reason"_s, u"lost"_s}).exitCode, 0);

    // B's file comes to A on a stick; it is only read.
    const QByteArray bBefore = [&] {
        QFile f(fileB);
        f.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }();
    r = kioskA({u"merge"_s, fileB, u"--actor"_s, u"Ana"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"checkins_added"_s).toInt(), 3);
    QCOMPARE(r.json().value(u"duplicates"_s).toInt(), 1);
    QCOMPARE(r.json().value(u"guests_added"_s).toInt(), 1);
    QCOMPARE(r.json().value(u"invitations_revoked"_s).toInt(), 1);
    QVERIFY(r.json().value(u"print_jobs_in_progress"_s).toInt() > 0); // B's queued badges never print at A
    QCOMPARE(r.json().value(u"other_kiosks"_s).toArray(), QJsonArray({u"kiosk-b"_s}));
    const QByteArray bAfter = [&] {
        QFile f(fileB);
        f.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }();
    QCOMPARE(bAfter, bBefore);

    const auto dayOne = [](const Run &run) {
        const QJsonObject day = run.lines().value(0);
        QStringList who;
        for (const QJsonValue &w : day.value(u"who"_s).toArray())
            who << w.toObject().value(u"guest"_s).toString() + u'@' + w.toObject().value(u"kiosk"_s).toString();
        return u"%1 of %2: %3"_s.arg(day.value(u"arrived"_s).toInt())
            .arg(day.value(u"expected"_s).toInt())
            .arg(who.join(u' '));
    };
    // Minh Khai counts once, at B where she came first; A's own scan is kept as its duplicate.
    const QString expected = u"4 of 4: m-1@kiosk-b m-2@kiosk-a m-3@kiosk-b walk-1@kiosk-b"_s;
    QCOMPARE(dayOne(kioskA({u"attendance"_s, u"--day"_s, u"2026-07-18"_s})), expected);
    const QJsonArray checkins = kioskA({u"guests"_s, u"show"_s, u"m-1"_s}).json().value(u"checkins"_s).toArray();
    QCOMPARE(checkins.size(), 2);
    QCOMPARE(checkins[1].toObject().value(u"kiosk"_s).toString(), u"kiosk-a"_s);
    QCOMPARE(checkins[1].toObject().value(u"duplicate_of"_s).toString(),
             checkins[0].toObject().value(u"checkin"_s).toString());
    // Olga's invitation, revoked at B, is refused at A now.
    r = kioskA({u"checkin"_s, u"--image"_s, invitation("m-2"), u"--at"_s, u"2026-07-19T09:00:00+02:00"_s});
    QCOMPARE(r.exitCode, 1);

    // Again: nothing new. Then the other way: both files tell the same day.
    r = kioskA({u"merge"_s, fileB});
    QCOMPARE(r.json().value(u"checkins_added"_s).toInt(), 0);
    QCOMPARE(r.json().value(u"checkins_already_here"_s).toInt(), 3); // B's three
    r = kioskB({u"merge"_s, fileA});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"checkins_added"_s).toInt(), 2);
    QCOMPARE(dayOne(kioskB({u"attendance"_s, u"--day"_s, u"2026-07-18"_s})), expected);

    // Another event's file, or the same number with another key, is refused and changes nothing.
    QVERIFY(organiser({u"keygen"_s, u"--out"_s, path(u"other-keys"_s)}).exitCode == 0);
    const QString foreign = path(u"foreign.sqlite"_s);
    QVERIFY(on(foreign, u"x"_s)({u"event"_s, u"create"_s, u"--number"_s, u"126"_s, u"--name"_s, u"IETF 126"_s,
                                 u"--city"_s, u"Vienna"_s, u"--tz"_s, u"Europe/Vienna"_s, u"--from"_s, u"2026-07-18"_s,
                                 u"--to"_s, u"2026-07-21"_s, u"--verify-key"_s, path(u"other-keys/verify.pub"_s)})
                .exitCode
            == 0);
    r = kioskA({u"merge"_s, foreign});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"another verify key"_s), qPrintable(r.err));
    r = kioskA({u"merge"_s, m_db});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"has no event 126"_s), qPrintable(r.err));
    r = kioskA({u"merge"_s, fileA});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"own database"_s), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCheckinCtl)
#include "tst_checkinctl.moc"
