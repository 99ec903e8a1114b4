// The kiosk's screens on the real controller: a temporary database with a real event and real signed
// invitations, the real KioskController with its worker thread, the real print worker with real printers (a PDF
// folder, or CUPS at a port where nothing listens), the real QML module. The test cases are in tst_*.qml beside
// this file; they reach the data through the `Fixture` singleton (import IetfCheckin.Test).
#include "tests/printing/cupstestenv.h"
#include "tests/support/testevent.h"

#include "db/attendancestore.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/staffactionstore.h"
#include "kiosk/app/guestlookup.h"
#include "kiosk/app/keyboardwedge.h"
#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kioskenums.h"
#include "kiosk/app/kioskprinting.h"
#include "kiosk/app/staffdashboard.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/staff/staffauth.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QGuiApplication>
#include <QHostAddress>
#include <QProcess>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <optional>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(IetfCheckin_KioskPlugin)
Q_IMPORT_QML_PLUGIN(IetfCheckinPlugin)

using namespace Qt::StringLiterals;
using namespace checkin;

// What the QML tests may ask of the database and the clock. Guests are addressed by index.
class KioskFixture : public QObject
{
    Q_OBJECT

public:
    explicit KioskFixture(test::TestEvent &event)
        : m_event(event)
        , m_now(event.localTime(1, 9, 0))
    {
    }

    [[nodiscard]] QDateTime now() const { return m_now; }

    // The signed invitation text of guest i, as a scanner would type it.
    Q_INVOKABLE QString token(int i) const { return m_event.token(i); }
    Q_INVOKABLE QString guestName(int i) const { return m_names.value(i); }
    Q_INVOKABLE int guestCount() const { return m_event.guestCount(); }

    // Guest i's invitation with one bit of its signature flipped: well formed, but not signed by the event key.
    Q_INVOKABLE QString forgedToken(int i) const
    {
        auto token = InvitationToken::parse(m_event.token(i));
        QByteArray bytes = token->toBytes();
        bytes[40] = char(bytes[40] ^ 0x10);
        return InvitationToken::fromBytes(bytes)->toText();
    }

    // The kinds of print jobs queued for guest i (badge, agenda).
    Q_INVOKABLE QStringList printJobKinds(int i) const
    {
        db::GuestStore guests(m_event.db());
        auto guest = guests.byExternalId(m_event.event().id, m_event.externalId(i));
        if (!guest || !*guest)
            return {};
        db::PrintJobStore store(m_event.db());
        auto jobs = store.jobs(m_event.event().id, (*guest)->id);
        QStringList kinds;
        if (jobs) {
            for (const db::PrintJobRecord &job : *jobs)
                kinds << job.kind;
        }
        return kinds;
    }

    // Revokes guest i's invitation, as staff would.
    Q_INVOKABLE bool revoke(int i)
    {
        db::GuestStore guests(m_event.db());
        auto guest = guests.byExternalId(m_event.event().id, m_event.externalId(i));
        if (!guest || !*guest)
            return false;
        auto invitation = guests.activeInvitation((*guest)->id);
        if (!invitation || !*invitation)
            return false;
        auto revoked = guests.revokeInvitation((*invitation)->id);
        return revoked && *revoked;
    }

    // Sets the staff PIN as `checkinctl staff-pin set` does; empty, or why it was refused.
    Q_INVOKABLE QString setStaffPin(const QString &pin)
    {
        auto set = StaffAuth(m_event.db(), kKioskId).setPin(pin, u"test"_s);
        return set ? QString() : set.error();
    }

    // Sets the kiosk's clock to hh:mm venue time on programme day dayNumber (1-based).
    Q_INVOKABLE void setTime(int dayNumber, int hh, int mm) { m_now = m_event.localTime(dayNumber, hh, mm); }

    // Adds a guest with a signed invitation; returns its index.
    Q_INVOKABLE int addGuest(const QString &name, const QString &language = u"en"_s)
    {
        const int i = m_event.addGuest(name, language);
        m_names.resize(i + 1);
        m_names[i] = name;
        return i;
    }

    // Whether guest i has a live attendance row on programme day dayNumber.
    Q_INVOKABLE bool checkedIn(int i, int dayNumber)
    {
        const qint64 guestId = guestRowId(i);
        auto row =
            db::AttendanceStore(m_event.db()).liveForGuestDay(guestId, m_event.event().firstDay.addDays(dayNumber - 1));
        return row && row->has_value();
    }

    // Checks guest i in from another kiosk (its own connection to the same file), as a second kiosk at the venue
    // would; returns the outcome as QML sees it (Error when the file cannot be opened).
    Q_INVOKABLE checkin::CheckIn::OutcomeKind checkInElsewhere(int i)
    {
        auto db = db::Database::open(m_event.dbPath());
        if (!db) {
            qWarning() << "cannot open the test database:" << db.error().message;
            return CheckIn::OutcomeKind::Error;
        }
        return CheckIn::outcomeKindOf(
            CheckInService(**db, m_event.event(), u"other-kiosk"_s).checkIn(m_event.token(i), m_now).kind);
    }

    // How many of guest i's check-ins (all days) are live, and how many were made by a manual lookup.
    Q_INVOKABLE int liveCheckIns(int i) { return countAttendance(i, false); }
    Q_INVOKABLE int manualCheckIns(int i) { return countAttendance(i, true); }

    // The staff actions recorded for guest i (annul, revoke, reprint, manual-checkin …).
    Q_INVOKABLE QStringList staffActions(int i)
    {
        QStringList actions;
        auto all = db::StaffActionStore(m_event.db()).forEvent(m_event.event().id);
        if (all) {
            for (const db::StaffActionRecord &a : *all) {
                if (a.guestId == guestRowId(i))
                    actions << a.action;
            }
        }
        return actions;
    }

    // A folder in the test's temporary directory (created) for exported reports.
    Q_INVOKABLE QString reportFolder()
    {
        const QString path = QDir(m_event.dirPath()).filePath(u"usb-stick"_s);
        QDir().mkpath(path);
        return path;
    }
    // The files in folder, by name.
    Q_INVOKABLE QStringList filesIn(const QString &folder) const
    {
        return QDir(folder).entryList(QDir::Files, QDir::Name);
    }

    // Queues a reprint of guest i's badge or agenda (kind) for this kiosk, as staff would.
    Q_INVOKABLE bool reprint(int i, const QString &kind)
    {
        return db::PrintJobStore(m_event.db()).reprint(m_event.event().id, guestRowId(i), kind, kKioskId).has_value();
    }

    // Starts the kiosk's print worker with these printers for badges and agendas: "folder" (PDF files in a
    // folder of the test's temporary directory), "cups" (a cups-pdf queue of a private cupsd, started on first use),
    // "offline" (CUPS at a local port where nothing listens) or "none".
    // It only looks at the queue when woken (a welcome, wakePrinting()) or to retry.
    Q_INVOKABLE bool startPrinting(const QString &badges, const QString &agendas)
    {
        stopPrinting();
        KioskPrinting::Options options;
        options.dbPath = m_event.dbPath();
        options.kioskId = kKioskId;
        options.badgePrinter = printerFor(badges, u"badges"_s);
        options.agendaPrinter = printerFor(agendas, u"agendas"_s);
        if (!options.badgePrinter || !options.agendaPrinter)
            return false;
        options.worker.firstRetryDelay = std::chrono::milliseconds(200);
        options.worker.maxRetryDelay = std::chrono::milliseconds(1000);
        options.worker.pollInterval = std::chrono::milliseconds(100);
        options.worker.idleInterval = std::chrono::minutes(10);
        m_printing = std::make_unique<KioskPrinting>(options);
        m_controller->followPrinting(m_printing.get());
        // Until the worker has read its printers the kiosk assumes both kinds print; a test that scans at once
        // would race it on a loaded machine (CI saw "badge,agenda" with agendas set to none). Wait for it.
        QSignalSpy configured(m_printing.get(), &KioskPrinting::configured);
        m_printing->start();
        return configured.wait(20000) || !configured.isEmpty();
    }
    // Stops the print worker; the kiosk then prints nothing.
    Q_INVOKABLE void stopPrinting()
    {
        if (!m_printing)
            return;
        m_controller->followPrinting(nullptr);
        m_printing.reset();
    }
    // Makes the print worker look at the queue now.
    Q_INVOKABLE void wakePrinting()
    {
        if (m_printing)
            m_printing->wake();
    }

    // The text of guest i's newest printed document of kind, by pdftotext, or "ERROR: …".
    Q_INVOKABLE QString printedText(int i, const QString &kind)
    {
        return runPoppler(u"pdftotext"_s, i, kind, {u"-"_s});
    }
    // The page count of that document, or -1.
    Q_INVOKABLE int printedPages(int i, const QString &kind)
    {
        const QString info = runPoppler(u"pdfinfo"_s, i, kind, {});
        for (const QString &line : info.split(u'\n')) {
            if (line.startsWith(u"Pages:"))
                return line.mid(6).trimmed().toInt();
        }
        return -1;
    }

    void addGuests(const QList<std::pair<QString, QString>> &guests)
    {
        for (const auto &[name, language] : guests)
            addGuest(name, language);
    }
    void setController(KioskController *controller) { m_controller = controller; }

    static inline const QString kKioskId = u"test-kiosk"_s;

private:
    int countAttendance(int i, bool manualOnly)
    {
        auto rows = db::AttendanceStore(m_event.db()).liveForEvent(m_event.event().id);
        int n = 0;
        if (rows) {
            for (const db::AttendanceRecord &a : *rows)
                n += a.guestId == guestRowId(i) && (!manualOnly || a.method == u"manual");
        }
        return n;
    }

    qint64 guestRowId(int i)
    {
        auto guest = db::GuestStore(m_event.db()).byExternalId(m_event.event().id, m_event.externalId(i));
        return guest && *guest ? (*guest)->id : 0;
    }

    std::optional<PrinterSpec> printerFor(const QString &mode, const QString &name)
    {
        QString spec;
        if (mode == u"folder") {
            spec = u"folder:"_s + QDir(m_event.dirPath()).filePath(u"printed-"_s + name);
        } else if (mode == u"cups") {
            if (!m_cups) {
                m_cups = std::make_unique<test::CupsTestEnv>();
                if (!m_cups->start()) {
                    qWarning("cannot start a private cupsd: %s", qPrintable(m_cups->error()));
                    m_cups.reset();
                    return std::nullopt;
                }
            }
            spec = u"cups:%1@%2"_s.arg(name, m_cups->server());
        } else if (mode == u"offline") {
            // A port that was free a moment ago: nothing answers there, as when CUPS is down.
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost))
                return std::nullopt;
            spec = u"cups:%1@127.0.0.1:%2"_s.arg(name).arg(probe.serverPort());
        } else {
            spec = u"none"_s;
        }
        auto parsed = PrinterSpec::parse(spec);
        return parsed ? std::optional(*parsed) : std::nullopt;
    }

    // Runs a poppler tool on the file of guest i's newest printed job of kind (a PDF folder job's handle is the
    // path of its file).
    QString runPoppler(const QString &tool, int i, const QString &kind, const QStringList &extra)
    {
        auto jobs = db::PrintJobStore(m_event.db()).jobs(m_event.event().id, guestRowId(i));
        if (!jobs)
            return u"ERROR: "_s + jobs.error().message;
        QString file;
        for (const db::PrintJobRecord &job : *jobs) {
            if (job.kind == kind && job.state == u"printed")
                file = job.printer;
        }
        if (file.isEmpty())
            return u"ERROR: no printed %1 for guest %2"_s.arg(kind).arg(i);
        QProcess process;
        process.start(tool, QStringList{file} + extra);
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return u"ERROR: %1 %2: %3"_s.arg(tool, file, QString::fromLocal8Bit(process.readAllStandardError()));
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    test::TestEvent &m_event;
    QDateTime m_now;
    QStringList m_names;
    KioskController *m_controller = nullptr;
    std::unique_ptr<test::CupsTestEnv> m_cups; // before m_printing: the worker is gone before cupsd stops
    std::unique_ptr<KioskPrinting> m_printing;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // Called for each tst_*.qml file, with a fresh engine: each file gets a fresh event, controller and fixture.
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        tearDown(); // the previous file's
        test::TestEvent::Options options;
        options.guests = 0;
        m_event = std::make_unique<test::TestEvent>(options);
        if (!m_event->isValid())
            qFatal("cannot create the test event: %s", qPrintable(m_event->error()));
        m_fixture = std::make_unique<KioskFixture>(*m_event);
        m_fixture->addGuests({
            {u"Ольга Смирнова"_s, u"ru"_s},
            {u"山田太郎"_s, u"zh"_s},
            {u"ليلى حسن"_s, u"ar"_s},
            {u"Nguyễn Thị Minh Khai"_s, u"en"_s},
            {u"Amélie Durand"_s, u"fr"_s},
            {u"José Pérez"_s, u"es"_s},
            {u"Kwame Mensah"_s, u"en"_s},
            {u"Anna Kowalska"_s, u"en"_s},
            {u"Chen Wei"_s, u"zh"_s},
            {u"Sipho Dlamini"_s, u"en"_s},
        });

        m_controller = std::make_unique<KioskController>(m_event->dbPath(), m_event->event(), KioskFixture::kKioskId);
        m_fixture->setController(m_controller.get());
        m_controller->dashboard()->setRefreshInterval(300); // live figures within a test's patience
        m_controller->setClock([fixture = m_fixture.get()] { return fixture->now(); });
        // The USB scanner path, wired as checkin-kiosk's main does.
        m_wedge = std::make_unique<KeyboardWedge>();
        // The QuickTest types through the offscreen window with real timestamps: on a loaded 2-core CI machine a
        // keystroke can take longer than a scanner's 50 ms, splitting the code. The interval's own rule is
        // tst_keyboardwedge's; here the path is the point, so the margin is wider (slow typing waits 300 ms).
        m_wedge->setMaxKeyInterval(150);
        qApp->installEventFilter(m_wedge.get());
        m_controller->useKeyboardWedge(m_wedge.get());

        engine->addImportPath(u"qrc:/qt/qml"_s);
        m_controller->exposeTo(*engine);
        // Every list the screens show, checked on every change the QML tests cause.
        for (QAbstractItemModel *model : std::initializer_list<QAbstractItemModel *>{
                 m_controller->languages(), m_controller->lookup()->results(), m_controller->dashboard()->guests(),
                 m_controller->dashboard()->days(), m_controller->dashboard()->jobs(),
                 m_controller->dashboard()->exportFolders()})
            m_modelTesters.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::Fatal));
        qmlRegisterSingletonInstance("IetfCheckin.Test", 1, 0, "Fixture", m_fixture.get());
    }

    void cleanupTestCase() { tearDown(); }

private:
    void tearDown()
    {
        if (m_fixture)
            m_fixture->stopPrinting(); // before the database and the printed files go away
        m_modelTesters.clear();
        m_wedge.reset();
        m_controller.reset(); // stops the worker thread before its database goes away
        m_fixture.reset();
        m_event.reset();
    }

    std::unique_ptr<test::TestEvent> m_event;
    std::unique_ptr<KioskFixture> m_fixture;
    std::unique_ptr<KioskController> m_controller;
    std::unique_ptr<KeyboardWedge> m_wedge;
    std::vector<std::unique_ptr<QAbstractItemModelTester>>
        m_modelTesters; // go before the controller, whose models they watch
};

QUICK_TEST_MAIN_WITH_SETUP(tst_kioskui, Setup)

#include "tst_kioskui.moc"
