// RowListModel: a gadget's properties as roles, checked by QAbstractItemModelTester through resets.
#include "kiosk/app/rowlistmodel.h"
#include "kiosk/app/staffdashboard.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace checkin;

class TestRowListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesAreTheGadgetsProperties()
    {
        RowListModel model(StaffDay::staticMetaObject);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(Qt::UserRole + 1), "dayNumber");
        QCOMPARE(roles.value(Qt::UserRole + 5), "today");
        QCOMPARE(roles.size(), 5);

        QSignalSpy count(&model, &RowListModel::countChanged);
        model.setRows(QList<StaffDay>{{1, u"Mon 2 Nov"_s, 10, 4, false}, {2, u"Tue 3 Nov"_s, 10, 7, true}});
        QCOMPARE(model.count(), 2);
        QCOMPARE(count.size(), 1);
        QCOMPARE(model.data(model.index(1), Qt::UserRole + 4).toInt(), 7);
        QCOMPARE(model.data(model.index(1), Qt::UserRole + 5).toBool(), true);
        QCOMPARE(model.data(model.index(0), Qt::UserRole + 2).toString(), u"Mon 2 Nov"_s);
        QVERIFY(!model.data(model.index(0), Qt::UserRole + 6).isValid());
        QCOMPARE(model.row<StaffDay>(1).arrived, 7);

        // The same number of rows again: a reset, no count change.
        model.setRows(QList<StaffDay>{{1, u"Mon"_s, 1, 1, true}, {2, u"Tue"_s, 1, 0, false}});
        QCOMPARE(count.size(), 1);
        model.setRows(QList<StaffDay>{});
        QCOMPARE(model.count(), 0);
        QCOMPARE(count.size(), 2);
    }

    void enumRolesReachQmlAsTheirValues()
    {
        RowListModel model(StaffPrintJob::staticMetaObject);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StaffPrintJob job;
        job.guestName = u"Ольга Смирнова"_s;
        job.state = CheckIn::JobState::Failed;
        model.setRows(QList<StaffPrintJob>{job});
        const int stateRole = model.roleNames().key("state");
        QCOMPARE(model.data(model.index(0), stateRole).value<CheckIn::JobState>(), CheckIn::JobState::Failed);
        QCOMPARE(model.data(model.index(0), model.roleNames().key("guestName")).toString(), job.guestName);
    }
};

QTEST_GUILESS_MAIN(TestRowListModel)

#include "tst_rowlistmodel.moc"
