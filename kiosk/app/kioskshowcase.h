#pragma once

#include <QString>
#include <QtGlobal>
#include <QStringList>

class QQuickWindow;

namespace checkin {

class KioskController;

// Walks the loaded UI through every state once with sample data — nobody is checked in and nothing is
// written to the database — checking that each screen shows, and optionally saving each frame as
// <dir>/<state>.png. Backs `checkin-kiosk --self-test` and `--screenshot DIR`.
class KioskShowcase
{
    Q_DISABLE_COPY_MOVE(KioskShowcase)

public:
    KioskShowcase(KioskController &controller, QQuickWindow &window);

    // Every state's name, in the order shown: attract, working, then each outcome kind.
    [[nodiscard]] static QStringList stateNames();
    // The name shown on admitted outcomes.
    void setSampleName(const QString &name) { m_sampleName = name; }
    // Where to save one PNG per state; empty: save nothing.
    void setScreenshotDir(const QString &dir) { m_screenshotDir = dir; }

    // Shows every state; false (with problems()) when a screen did not show or a frame could not be saved.
    [[nodiscard]] bool run();
    [[nodiscard]] QStringList problems() const { return m_problems; }

private:
    void show(const QString &state);
    void check(const QString &state);

    KioskController &m_controller;
    QQuickWindow &m_window;
    QString m_sampleName;
    QString m_screenshotDir;
    QStringList m_problems;
};

} // namespace checkin
