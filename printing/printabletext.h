#pragma once

#include <QString>

namespace checkin {

// The badge's rule for what it cannot print, for code outside printing/: emoji and emoji sequences, private-use
// and unassigned code points are taken out of text (the renderers apply the same rule to whatever they are
// given, so nothing ever prints as a placeholder box). The guest import applies it first, so that the screen
// shows exactly what the badge prints, and warns about what it took out.
struct PrintableText
{
    QString text;    // without the unprintable characters (white space left around them is not touched)
    QString removed; // what was taken out, in order; empty when nothing was
};

[[nodiscard]] PrintableText printableText(const QString &text);

} // namespace checkin
