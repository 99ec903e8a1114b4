// The kiosk's screens on the real controller: a temporary database with a real event and real signed
// invitations, the real KioskController with its worker thread, the real QML module. The test cases are in
// tst_*.qml beside this file; they reach the data through the `Fixture` singleton (import IetfCheckin.Test).
#include "testevent.h"

#include <gueststore.h>
#include <keyboardwedge.h>
#include <invitationtoken.h>
#include <kioskcontroller.h>
#include <printjobstore.h>

#include <QGuiApplication>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

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

    // Sets the kiosk's clock to hh:mm venue time on programme day dayNumber (1-based).
    Q_INVOKABLE void setTime(int dayNumber, int hh, int mm) { m_now = m_event.localTime(dayNumber, hh, mm); }

    void addGuest(const QString &name, const QString &language)
    {
        m_event.addGuest(name, language);
        m_names << name;
    }

private:
    test::TestEvent &m_event;
    QDateTime m_now;
    QStringList m_names;
};

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        test::TestEvent::Options options;
        options.guests = 0;
        m_event = std::make_unique<test::TestEvent>(options);
        if (!m_event->isValid())
            qFatal("cannot create the test event: %s", qPrintable(m_event->error()));
        m_fixture = std::make_unique<KioskFixture>(*m_event);
        const QList<std::pair<QString, QString>> guests = {
            {u"Ольга Смирнова"_s, u"ru"_s},  {u"山田太郎"_s, u"zh"_s},       {u"ليلى حسن"_s, u"ar"_s},
            {u"Nguyễn Thị Minh Khai"_s, u"en"_s}, {u"Amélie Durand"_s, u"fr"_s}, {u"José Pérez"_s, u"es"_s},
            {u"Kwame Mensah"_s, u"en"_s},    {u"Anna Kowalska"_s, u"en"_s},   {u"Chen Wei"_s, u"zh"_s},
            {u"Sipho Dlamini"_s, u"en"_s},
        };
        for (const auto &[name, language] : guests)
            m_fixture->addGuest(name, language);

        m_controller = std::make_unique<KioskController>(m_event->dbPath(), m_event->event(), u"test-kiosk"_s);
        m_controller->setClock([fixture = m_fixture.get()] { return fixture->now(); });
        // The USB scanner path, wired as checkin-kiosk's main does.
        m_wedge = std::make_unique<KeyboardWedge>();
        qApp->installEventFilter(m_wedge.get());
        QObject::connect(m_wedge.get(), &KeyboardWedge::scanned, m_controller.get(),
                         [controller = m_controller.get()](const QString &text) {
                             controller->submitScan(text, u"scanner"_s);
                         });

        engine->addImportPath(u"qrc:/qt/qml"_s);
        m_controller->exposeTo(*engine);
        qmlRegisterSingletonInstance("IetfCheckin.Test", 1, 0, "Fixture", m_fixture.get());
    }

    void cleanupTestCase()
    {
        m_wedge.reset();
        m_controller.reset(); // stops the worker thread before its database goes away
        m_fixture.reset();
        m_event.reset();
    }

private:
    std::unique_ptr<test::TestEvent> m_event;
    std::unique_ptr<KioskFixture> m_fixture;
    std::unique_ptr<KioskController> m_controller;
    std::unique_ptr<KeyboardWedge> m_wedge;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_kioskui, Setup)

#include "tst_kioskui.moc"
