#pragma once

#include "kiosk/app/kioskenums.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QtGlobal>

class QQuickWindow;

namespace checkin {

class KioskController;

// Walks the loaded UI through every state once with sample data — nobody is checked in and nothing is
// written to the database — checking that each screen shows, and optionally saving each frame as
// <dir>/<state>_<language>.png, once in every kiosk language. Backs `checkin-kiosk --self-test` and `--screenshot DIR`.
class KioskShowcase
{
    Q_DISABLE_COPY_MOVE(KioskShowcase)

public:
    KioskShowcase(KioskController &controller, QQuickWindow &window);

    // Every state's name, in the order shown: attract, working, the welcome as its badge prints (welcome,
    // welcome_printing, welcome_printed, welcome_printer_problem; welcome_printed_folder on a kiosk whose documents
    // go to a PDF folder), each other outcome kind, a reprint on a later
    // day (welcome_back_reprint), the attract screen while a printer needs staff (attract_printer_problem) and
    // the manual lookup with names found (lookup) and one chosen (lookup_chosen), the PIN pad confirming it
    // (staff_confirm_pin), the staff PIN pad (staff_pin_pad) and the staff dashboard's tabs (staff_today,
    // staff_guests, staff_printing, staff_report).
    [[nodiscard]] static QStringList stateNames();
    // The name shown on admitted outcomes.
    void setSampleName(const QString &name) { m_sampleName = name; }
    // Where to save one PNG per state and language; empty: save nothing.
    void setScreenshotDir(const QString &dir) { m_screenshotDir = dir; }

    // Shows every state; false (with problems()) when a screen did not show or a frame could not be saved.
    [[nodiscard]] bool run();
    [[nodiscard]] QStringList problems() const { return m_problems; }

private:
    [[nodiscard]] static CheckIn::Screen screenOf(const QString &state);
    void show(const QString &state);
    void check(const QString &state, const QString &language);
    void showPrintJob(qint64 id, const QString &kind, const QString &state, const QString &message = {});

    static constexpr qint64 kSampleGuestId = 1;

    KioskController &m_controller;
    QQuickWindow &m_window;
    QString m_sampleName;
    const QString m_lookupQuery = QStringLiteral("a"); // what the lookup screens search for: most names have an a
    QString m_screenshotDir;
    QStringList m_problems;
    const QStringList m_languages;              // every kiosk language, English first
    QHash<QString, QString> m_englishHeadlines; // state → headline, to see that other languages differ
    qint64 m_nextJobId = 1;
};

} // namespace checkin
