#pragma once

#include "kiosk/app/guestlistmodel.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace checkin {

class GuestDirectory;
class KioskStaff;

// The guests' manual lookup (Kiosk.lookup): a guest without their invitation types their name (any script, any
// accents), picks themselves from name, organisation and country, and a staff member confirms with the PIN;
// KioskController then checks them in (KioskStaff::confirmed). Leaves and forgets everything after idleTimeout ms
// without a touch.
class GuestLookup : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestLookup)
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.lookup provides it")

    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(checkin::GuestListModel *results READ results CONSTANT)
    Q_PROPERTY(bool searched READ hasSearched NOTIFY resultsChanged)
    Q_PROPERTY(checkin::GuestCard chosen READ chosen NOTIFY chosenChanged)
    Q_PROPERTY(bool confirming READ isConfirming NOTIFY chosenChanged)
    Q_PROPERTY(int idleTimeout READ idleTimeout WRITE setIdleTimeout NOTIFY idleTimeoutChanged)

public:
    static constexpr int kDefaultIdleTimeout = 60000;
    static constexpr int kMaxResults = 8; // what fits on screen above the keyboard

    // staff checks the confirming PIN.
    GuestLookup(GuestDirectory &directory, KioskStaff &staff, QObject *parent = nullptr);

    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] GuestListModel *results() { return &m_results; }
    // A search for the current query has answered (the screen can say "no one found").
    [[nodiscard]] bool hasSearched() const { return m_searched; }
    // The guest picked; not valid when none.
    [[nodiscard]] GuestCard chosen() const;
    [[nodiscard]] qint64 chosenGuestId() const { return m_chosen.guestId; }
    // The guest asked staff to confirm: the staff PIN pad is up for it.
    [[nodiscard]] bool isConfirming() const { return m_confirming; }
    [[nodiscard]] int idleTimeout() const { return m_idleTimer.interval(); }
    void setIdleTimeout(int ms);

    Q_INVOKABLE void start();
    // Leaves the lookup and clears the name typed and everyone found.
    Q_INVOKABLE void close();
    Q_INVOKABLE void choose(qint64 guestId);
    // Back from the chosen guest (or the PIN pad) to the list.
    Q_INVOKABLE void back();
    // The guest asks staff to confirm who they are.
    Q_INVOKABLE void askStaff();
    // Staff confirm the chosen guest with the PIN (checked off the GUI thread); right PIN: KioskStaff::confirmed().
    Q_INVOKABLE void confirm(const QString &pin);
    // Leaves the staff PIN pad, back to the chosen guest.
    Q_INVOKABLE void cancelConfirm();
    // The guest touched the screen or typed: the idle timeout starts again.
    Q_INVOKABLE void activity();

Q_SIGNALS:
    void openChanged();
    void queryChanged();
    void resultsChanged();
    void chosenChanged();
    void idleTimeoutChanged();

private:
    void onSearch(quint64 requestId, const QList<DirectoryGuest> &guests, const QString &error);

    GuestDirectory &m_directory;
    KioskStaff &m_staff;
    bool m_open = false;
    QString m_query;
    quint64 m_searchId = 0;
    bool m_searched = false;
    GuestListModel m_results;
    DirectoryGuest m_chosen;
    bool m_confirming = false;
    QTimer m_idleTimer;
};

} // namespace checkin
