// checkinctl: the admin CLI. All behaviour lives in checkinctl.cpp and the kiosk core library.
#include "checkinctl.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ietf-checkin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));
    return checkin::runCheckinCtl(QCoreApplication::arguments());
}
