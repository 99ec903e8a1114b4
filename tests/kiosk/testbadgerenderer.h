#pragma once

// A real renderer for print-queue tests: reads the guest and event from the database (its own connection, opened
// on first use on the calling thread, as the worker's renderer would) and draws a one-page PDF with libharu
// (testpdf.h) naming the guest, the job's kind and its idempotency key. Header-only; link Hpdf::Hpdf.

#include "tests/printing/testpdf.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "kiosk/printqueue/printqueueworker.h"

#include <memory>

namespace checkin::test {

inline PrintQueueWorker::Renderer badgeRenderer(const QString &dbPath)
{
    auto connection = std::make_shared<std::unique_ptr<db::Database>>();
    return [dbPath, connection](const db::PrintJobRecord &job) -> std::expected<QByteArray, QString> {
        if (!*connection) {
            auto opened = db::Database::open(dbPath);
            if (!opened)
                return std::unexpected(opened.error().message);
            *connection = std::move(*opened);
        }
        db::GuestStore guests(**connection);
        db::EventStore events(**connection);
        auto guest = guests.byId(job.guestId);
        auto event = events.byId(job.eventId);
        if (!guest || !*guest || !event || !*event)
            return std::unexpected(QStringLiteral("guest %1 or event %2 is missing").arg(job.guestId).arg(job.eventId));
        const QByteArray pdf = makeTestPdf({QStringLiteral("IETF %1 %2").arg((*event)->number).arg(job.kind.toUpper()),
                                            (*guest)->displayName, job.idempotencyKey,
                                            QStringLiteral("reason: %1").arg(job.reason)});
        if (pdf.isEmpty())
            return std::unexpected(QStringLiteral("libharu could not draw the test page"));
        return pdf;
    };
}

} // namespace checkin::test
