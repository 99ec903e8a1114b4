#include "kiosk/invitations/invitationmergefile.h"

#include "printing/savefile.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// RFC 4180 quoting only. Unlike the attendance report (AttendanceReport::csvCell), no "'" is put before a leading
// '=' or '-': a mail-merge tool must get names and addresses exactly as they are.
QString cell(const QString &value)
{
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
        return u'"' + QString(value).replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

} // namespace

QByteArray InvitationMergeFile::toCsv(const QList<InvitationIssuer::Issued> &issued)
{
    QString csv = u"external_id,name,email,language,pdf,png\r\n"_s;
    for (const InvitationIssuer::Issued &item : issued) {
        const QStringList cells = {item.externalId,
                                   item.name,
                                   item.email,
                                   item.language,
                                   QFileInfo(item.pdfPath).absoluteFilePath(),
                                   QFileInfo(item.pngPath).absoluteFilePath()};
        QStringList quoted;
        for (const QString &c : cells)
            quoted << cell(c);
        csv += quoted.join(u',') + u"\r\n"_s;
    }
    return csv.toUtf8();
}

std::expected<QString, QString> InvitationMergeFile::write(const QString &outDir,
                                                           const QList<InvitationIssuer::Issued> &issued)
{
    const QString path = QDir(outDir).absoluteFilePath(QString::fromLatin1(kFileName));
    if (auto saved = saveFile(path, toCsv(issued)); !saved)
        return std::unexpected(u"Cannot write %1: %2."_s.arg(path, saved.error()));
    return path;
}

} // namespace checkin
