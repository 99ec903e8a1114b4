#include "printing/printabletext.h"

#include "printing/text/textsanitizer.h"

namespace checkin {

PrintableText printableText(const QString &text)
{
    PrintableText result;
    result.text = text::withoutUnprintable(text, &result.removed);
    return result;
}

} // namespace checkin
