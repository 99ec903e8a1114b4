// Test helper process: checks in every token of a file, `repeat` times, printing each outcome as a JSON line
// only after its transaction committed. Used by the concurrency and SIGKILL tests.
//   checkin_loop DB TOKENS_FILE REPEAT KIOSK_ID AT_ISO8601
#include "db/database.h"
#include "db/eventstore.h"
#include "kiosk/checkin/checkinservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr, "usage: checkin_loop DB TOKENS_FILE REPEAT KIOSK_ID AT\n");
        return 2;
    }
    auto db = checkin::db::Database::open(args[1]);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 2;
    }
    auto event = checkin::db::EventStore(**db).latest();
    QFile file(args[2]);
    if (!event || !*event || !file.open(QIODevice::ReadOnly))
        return 2;
    const QStringList tokens = QString::fromLatin1(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    const int repeat = args[3].toInt();
    const QDateTime at = QDateTime::fromString(args[5], Qt::ISODate);
    checkin::CheckInService service(**db, **event, args[4]);
    int errors = 0;
    for (int r = 0; r < repeat; ++r) {
        for (const QString &token : tokens) {
            const auto outcome = service.checkIn(token, at, QStringLiteral("test"));
            if (outcome.kind == checkin::OutcomeKind::SystemError)
                ++errors;
            const QByteArray line = QJsonDocument(outcome.toJson()).toJson(QJsonDocument::Compact) + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
        }
    }
    return errors ? 3 : 0;
}
