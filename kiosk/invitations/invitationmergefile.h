#pragma once

#include "kiosk/invitations/invitationissuer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>

namespace checkin {

// The mail-merge file of one 'invitations issue' run: DIR/invitations.csv, UTF-8, RFC 4180, header
// external_id,name,email,language,pdf,png with absolute file paths, one row per guest issued in the run.
class InvitationMergeFile
{
public:
    // The file's name inside the invitations folder.
    static constexpr const char *kFileName = "invitations.csv";

    // The CSV text for these invitations (CRLF line ends, cells quoted only where RFC 4180 needs it).
    [[nodiscard]] static QByteArray toCsv(const QList<InvitationIssuer::Issued> &issued);
    // Writes toCsv(issued) to outDir/invitations.csv through a temporary file renamed into place; returns its
    // absolute path.
    [[nodiscard]] static std::expected<QString, QString> write(const QString &outDir,
                                                               const QList<InvitationIssuer::Issued> &issued);
};

} // namespace checkin
