#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace checkin {

// Writes bytes to path, creating its folder if missing, through a temporary file renamed into place (QSaveFile): nobody
// ever sees half a file, and a failure leaves what was there before. The error is why, in words staff can act on ("the
// disk is full (12 KB free, the file needs 48 KB): …", "the disk is read-only …"), not Qt's "Unknown error" for a full
// disk; the caller says which file: "Cannot write %1: %2.".
[[nodiscard]] std::expected<void, QString> saveFile(const QString &path, const QByteArray &bytes);

// Why writing a file of `needed` bytes into folder failed, from the file system's state and Qt's detail.
[[nodiscard]] QString writeFailureReason(const QString &folder, const QString &detail, qint64 needed);

// "48 KB", "1.2 MB": a size for a message.
[[nodiscard]] QString sizeText(qint64 bytes);

} // namespace checkin
