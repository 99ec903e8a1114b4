#include "printing/savefile.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace checkin {

QString sizeText(qint64 bytes)
{
    return QLocale(QLocale::English).formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString writeFailureReason(const QString &folder, const QString &detail, qint64 needed)
{
    const QStorageInfo storage(folder);
    // A little room for the file system's own blocks: a file of a few bytes still needs one.
    const qint64 withBlocks = needed + 16 * 1024;
    if ((storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < withBlocks)
        || detail.contains(u"No space left"_s, Qt::CaseInsensitive)) {
        return u"the disk is full (%1 free, the file needs %2): free some space or write it elsewhere"_s.arg(
            sizeText(std::max<qint64>(storage.bytesAvailable(), 0)), sizeText(needed));
    }
    if (storage.isReadOnly() || detail.contains(u"Read-only"_s, Qt::CaseInsensitive))
        return u"the disk is read-only (a write-protected USB stick?): write it elsewhere"_s;
    return detail;
}

std::expected<void, QString> saveFile(const QString &path, const QByteArray &bytes)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return std::unexpected(
            writeFailureReason(folder, u"the folder %1 cannot be created"_s.arg(folder), bytes.size()));
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return std::unexpected(writeFailureReason(folder, file.errorString(), bytes.size()));
}

} // namespace checkin
