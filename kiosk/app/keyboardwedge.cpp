#include "kiosk/app/keyboardwedge.h"

#include <QKeyEvent>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWedge, "checkin.kiosk.wedge")

namespace checkin {

namespace {

bool isModifierKey(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
        return true;
    default:
        return false;
    }
}

} // namespace

KeyboardWedge::KeyboardWedge(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

KeyboardWedge::~KeyboardWedge() = default;

void KeyboardWedge::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    reset();
    Q_EMIT enabledChanged();
}

void KeyboardWedge::reset()
{
    m_buffer.clear();
    m_lastKeyAt = -1;
}

bool KeyboardWedge::feedKey(int key, const QString &text, qint64 timestampMs, bool autoRepeat)
{
    if (!m_enabled)
        return false;
    // Scanners press Shift for capitals; modifiers neither break nor time a burst.
    if (isModifierKey(key))
        return false;

    const bool fast = m_lastKeyAt >= 0 && timestampMs >= m_lastKeyAt && timestampMs - m_lastKeyAt <= m_maxKeyInterval;

    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        const QString collected = m_buffer;
        reset();
        if (!fast || autoRepeat || collected.size() < m_minLength)
            return false;
        qCDebug(lcWedge) << "scan of" << collected.size() << "characters";
        Q_EMIT scanned(collected);
        return true;
    }

    // A held key repeats every ~30 ms, as fast as a scanner: never part of a scan.
    if (autoRepeat || text.isEmpty() || !text.at(0).isPrint()) {
        reset();
        return false;
    }
    if (!fast)
        m_buffer.clear(); // a slow key can only be the first of a new burst
    m_buffer += text;
    m_lastKeyAt = timestampMs;
    if (m_buffer.size() > kMaxLength)
        reset();
    return false;
}

bool KeyboardWedge::eventFilter(QObject *watched, QEvent *event)
{
    // The application filter sees a key once for the window and again for each item it is delivered to:
    // count only the window's copy.
    if (event->type() == QEvent::KeyPress && watched->isWindowType()) {
        auto *keyEvent = static_cast<QKeyEvent *>(event);
        const qint64 at = keyEvent->timestamp() != 0 ? qint64(keyEvent->timestamp()) : m_clock.elapsed();
        if (feedKey(keyEvent->key(), keyEvent->text(), at, keyEvent->isAutoRepeat()))
            return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace checkin
