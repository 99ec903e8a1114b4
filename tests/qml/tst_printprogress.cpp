// PrintProgress: what the print jobs of the guest on screen add up to, and how answers from the check-in worker and
// the print worker, arriving in either order, combine.
#include "kiosk/app/printprogress.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace checkin;
using Status = PrintProgress::Status;

namespace {

constexpr qint64 kGuest = 7;

PrintJobState job(qint64 id, const QString &kind, const QString &state, const QString &message = {},
                  qint64 guest = kGuest)
{
    return {id, guest, kind, state, message};
}

PrintProgress bothKinds()
{
    PrintProgress progress;
    progress.setKinds({u"badge"_s, u"agenda"_s});
    return progress;
}

} // namespace

class tst_PrintProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusOfTheGuestsJobs_data()
    {
        QTest::addColumn<QList<PrintJobState>>("jobs");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("name");

        QTest::newRow("no jobs") << QList<PrintJobState>{} << Status::None << QString();
        QTest::newRow("both queued") << QList{job(1, u"badge"_s, u"queued"_s), job(2, u"agenda"_s, u"queued"_s)}
                                     << Status::Queued << u"queued"_s;
        QTest::newRow("badge claimed") << QList{job(1, u"badge"_s, u"sent"_s), job(2, u"agenda"_s, u"queued"_s)}
                                       << Status::Printing << u"printing"_s;
        QTest::newRow("badge out, agenda waiting")
            << QList{job(1, u"badge"_s, u"printed"_s), job(2, u"agenda"_s, u"queued"_s)} << Status::Printing
            << u"printing"_s;
        QTest::newRow("both out") << QList{job(1, u"badge"_s, u"printed"_s), job(2, u"agenda"_s, u"printed"_s)}
                                  << Status::Printed << u"printed"_s;
        QTest::newRow("retrying after an error")
            << QList{job(1, u"badge"_s, u"queued"_s, u"Cannot reach the print server"_s),
                     job(2, u"agenda"_s, u"printed"_s)}
            << Status::Problem << u"problem"_s;
        QTest::newRow("waiting at a stopped printer")
            << QList{job(1, u"badge"_s, u"sent"_s, u"Printer 'badges' is stopped"_s)} << Status::Problem
            << u"problem"_s;
        QTest::newRow("failed") << QList{job(1, u"badge"_s, u"failed"_s, u"The badge could not be made"_s)}
                                << Status::Problem << u"problem"_s;
        QTest::newRow("failed without a word")
            << QList{job(1, u"badge"_s, u"failed"_s)} << Status::Problem << u"problem"_s;
    }

    void statusOfTheGuestsJobs()
    {
        QFETCH(QList<PrintJobState>, jobs);
        QFETCH(Status, status);
        QFETCH(QString, name);
        PrintProgress progress = bothKinds();
        progress.follow({kGuest, jobs});
        QCOMPARE(progress.status(), status);
        QCOMPARE(PrintProgress::statusName(progress.status()), name);
    }

    void changesOfTheGuestOnScreenApply()
    {
        PrintProgress progress = bothKinds();
        progress.follow({kGuest, {job(1, u"badge"_s, u"queued"_s), job(2, u"agenda"_s, u"queued"_s)}});
        QCOMPARE(progress.jobKinds(), QStringList({u"badge"_s, u"agenda"_s}));
        QVERIFY(progress.update(job(1, u"badge"_s, u"sent"_s)));
        QCOMPARE(progress.status(), Status::Printing);
        QVERIFY(progress.update(job(1, u"badge"_s, u"queued"_s, u"Printer 'badges' is stopped"_s)));
        QCOMPARE(progress.status(), Status::Problem);
        QCOMPARE(progress.problem(), u"Printer 'badges' is stopped"_s);
        // The printer is fixed: the claim keeps the last error until the printer took the job.
        QVERIFY(progress.update(job(1, u"badge"_s, u"sent"_s)));
        QVERIFY(progress.update(job(1, u"badge"_s, u"printed"_s)));
        QVERIFY(progress.update(job(2, u"agenda"_s, u"printed"_s)));
        QCOMPARE(progress.status(), Status::Printed);
        QCOMPARE(progress.problem(), QString());
    }

    void otherGuestsJobsAreIgnored()
    {
        PrintProgress progress = bothKinds();
        progress.follow({kGuest, {job(1, u"badge"_s, u"queued"_s)}});
        QVERIFY(!progress.update(job(9, u"badge"_s, u"failed"_s, u"jam"_s, kGuest + 1)));
        QCOMPARE(progress.status(), Status::Queued);
    }

    // The print worker may report a job before the check-in that queued it is on screen.
    void changesHeardBeforeTheCheckInOverrideItsSnapshot()
    {
        PrintProgress progress = bothKinds();
        QVERIFY(!progress.update(job(1, u"badge"_s, u"sent"_s)));
        QVERIFY(!progress.update(job(1, u"badge"_s, u"printed"_s)));
        QVERIFY(!progress.update(job(2, u"agenda"_s, u"sent"_s)));
        progress.follow({kGuest, {job(1, u"badge"_s, u"queued"_s), job(2, u"agenda"_s, u"queued"_s)}});
        QCOMPARE(progress.status(), Status::Printing);
        QVERIFY(progress.update(job(2, u"agenda"_s, u"printed"_s)));
        QCOMPARE(progress.status(), Status::Printed);
    }

    void onlyRecentChangesAreKept()
    {
        PrintProgress progress = bothKinds();
        progress.update(job(1, u"badge"_s, u"printed"_s));
        for (qint64 id = 100; id < 100 + PrintProgress::kRecentJobs; ++id)
            progress.update(job(id, u"badge"_s, u"printed"_s, {}, 1000 + id));
        progress.follow({kGuest, {job(1, u"badge"_s, u"queued"_s)}});
        QCOMPARE(progress.status(), Status::Queued);
    }

    // A kind this kiosk does not print would wait forever: it is not followed.
    void kindsThisKioskDoesNotPrintAreLeftOut()
    {
        PrintProgress progress = bothKinds();
        progress.follow({kGuest, {job(1, u"badge"_s, u"printed"_s), job(2, u"agenda"_s, u"queued"_s)}});
        QCOMPARE(progress.status(), Status::Printing);
        progress.setKinds({u"badge"_s});
        QCOMPARE(progress.status(), Status::Printed);
        QCOMPARE(progress.jobKinds(), QStringList{u"badge"_s});
        QVERIFY(!progress.update(job(2, u"agenda"_s, u"failed"_s, u"no agenda printer"_s)));
        QCOMPARE(progress.status(), Status::Printed);

        PrintProgress none;
        none.follow({kGuest, {job(1, u"badge"_s, u"queued"_s)}});
        QCOMPARE(none.status(), Status::None);
    }

    void problemsAreListedOnceEach()
    {
        PrintProgress progress = bothKinds();
        progress.follow({kGuest,
                         {job(1, u"badge"_s, u"queued"_s, u"Cannot reach CUPS"_s),
                          job(2, u"agenda"_s, u"queued"_s, u"Cannot reach CUPS"_s),
                          job(3, u"badge"_s, u"failed"_s, u"The badge could not be made"_s)}});
        QCOMPARE(progress.problem(), u"Cannot reach CUPS\nThe badge could not be made"_s);
    }

    void nobodyFollowedAfterClear()
    {
        PrintProgress progress = bothKinds();
        progress.follow({kGuest, {job(1, u"badge"_s, u"queued"_s)}});
        progress.clear();
        QCOMPARE(progress.guestId(), 0);
        QCOMPARE(progress.status(), Status::None);
        QVERIFY(!progress.update(job(1, u"badge"_s, u"printed"_s)));
    }
};

QTEST_GUILESS_MAIN(tst_PrintProgress)

#include "tst_printprogress.moc"
