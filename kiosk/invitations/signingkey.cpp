#include "kiosk/invitations/signingkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

const auto kPrivateHeader = "ietf-checkin signing key v1 (Ed25519 seed, base64) - keep secret"_ba;
const auto kPublicHeader = "ietf-checkin verify key v1 (Ed25519 public key, base64)"_ba;

// Reads "header\nbase64\n" and returns the decoded bytes, or a message naming what is wrong.
std::expected<QByteArray, QString> readKeyFile(const QString &path, const QByteArray &header, int size,
                                               const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(
            u"Cannot read the %1 %2: %3. Give the file that 'checkinctl keygen' wrote (signing.key "
            "stays with the organiser, verify.pub goes with the event)."_s.arg(what, path, file.errorString()));
    const QList<QByteArray> lines = file.read(4096).split('\n');
    if (lines.size() < 2 || lines[0].trimmed() != header)
        return std::unexpected(u"%1 is not an ietf-checkin %2 (made by checkinctl keygen)."_s.arg(path, what));
    const auto decoded = QByteArray::fromBase64Encoding(lines[1].trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size)
        return std::unexpected(
            u"The %1 %2 is damaged: use an intact copy of the file 'checkinctl keygen' wrote."_s.arg(what, path));
    return decoded.decoded;
}

} // namespace

void ensureSodium()
{
    // sodium_init() is thread-safe and may run more than once; the static makes later calls free.
    static const int once = sodium_init();
    Q_ASSERT(once >= 0);
    (void)once;
}

SigningKey::~SigningKey()
{
    if (!m_secretKey.isEmpty())
        sodium_memzero(m_secretKey.data(), size_t(m_secretKey.size()));
}

SigningKey::SigningKey(const SigningKey &other) = default;
SigningKey &SigningKey::operator=(const SigningKey &other) = default;

SigningKey SigningKey::generate()
{
    ensureSodium();
    SigningKey key;
    key.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    key.m_secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                        reinterpret_cast<unsigned char *>(key.m_secretKey.data()));
    return key;
}

std::expected<SigningKey, QString> SigningKey::load(const QString &path)
{
    ensureSodium();
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 && (st.st_mode & 0077)) {
        return std::unexpected(u"The signing key %1 can be read by other users; run: chmod 600 %1"_s.arg(path));
    }
    auto seed = readKeyFile(path, kPrivateHeader, crypto_sign_SEEDBYTES, u"signing key"_s);
    if (!seed)
        return std::unexpected(seed.error());
    SigningKey key;
    key.m_publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    key.m_secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(key.m_publicKey.data()),
                             reinterpret_cast<unsigned char *>(key.m_secretKey.data()),
                             reinterpret_cast<const unsigned char *>(seed->constData()));
    sodium_memzero(seed->data(), size_t(seed->size()));
    return key;
}

std::expected<QByteArray, QString> SigningKey::loadPublicKey(const QString &path)
{
    return readKeyFile(path, kPublicHeader, crypto_sign_PUBLICKEYBYTES, u"verify key"_s);
}

std::expected<void, QString> SigningKey::writeFiles(const QString &dirPath) const
{
    QDir dir(dirPath);
    if (!dir.exists() && !QDir().mkpath(dirPath))
        return std::unexpected(u"Cannot create the folder %1."_s.arg(dirPath));
    const QString privatePath = dir.filePath(u"signing.key"_s);
    const QString publicPath = dir.filePath(u"verify.pub"_s);
    if (QFileInfo::exists(privatePath)) {
        return std::unexpected(u"%1 already exists; refusing to overwrite a signing key (invitations signed with "
                               "it would stop working). Choose another --out folder."_s.arg(privatePath));
    }

    // The seed is the first half of libsodium's secret key.
    QByteArray privateText = kPrivateHeader + '\n' + m_secretKey.left(crypto_sign_SEEDBYTES).toBase64() + '\n';
    const int fd = ::open(QFile::encodeName(privatePath).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(u"Cannot create %1: %2."_s.arg(privatePath, QString::fromLocal8Bit(strerror(errno))));
    const bool written = ::write(fd, privateText.constData(), size_t(privateText.size())) == privateText.size()
                         && ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(privateText.data(), size_t(privateText.size()));
    if (!written) {
        QFile::remove(privatePath);
        return std::unexpected(u"Could not write %1 (is the disk full?)."_s.arg(privatePath));
    }

    QSaveFile pub(publicPath);
    if (!pub.open(QIODevice::WriteOnly))
        return std::unexpected(u"Cannot create %1: %2."_s.arg(publicPath, pub.errorString()));
    pub.write(kPublicHeader + '\n' + m_publicKey.toBase64() + '\n');
    if (!pub.commit())
        return std::unexpected(u"Could not write %1: %2."_s.arg(publicPath, pub.errorString()));
    return {};
}

QByteArray SigningKey::sign(const QByteArray &message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char *>(m_secretKey.constData()));
    return signature;
}

bool SigningKey::verify(const QByteArray &publicKey, const QByteArray &message, const QByteArray &signature)
{
    ensureSodium();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
           == 0;
}

} // namespace checkin
