// checkinctl: the admin CLI. All behaviour lives in checkinctl.cpp and the kiosk core library.
#include "kiosk/ctl/checkinctl.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ietf-checkin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));
    // Every database failure reaches the user as checkinctl's own message; the library's log line would repeat it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("checkin.db.warning=false"));
    return checkin::runCheckinCtl(QCoreApplication::arguments());
}
