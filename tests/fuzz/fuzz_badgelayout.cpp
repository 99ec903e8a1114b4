// libFuzzer target: BadgeLayout::fromJson() on arbitrary layout files. "extends" and image paths resolve
// against the shipped printing/layouts/ folder, so the fuzzer can also reach the merge of a base layout.
#include "printing/badgelayout.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using checkin::BadgeLayout;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString baseDir = QStringLiteral(CHECKIN_SOURCE_DIR "/printing/layouts");
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto layout = BadgeLayout::fromJson(json, baseDir);
    if (!layout) {
        // A refused layout always says why.
        if (layout.error().isEmpty())
            std::abort();
        return 0;
    }
    // An accepted layout has a real page and keeps its elements on it.
    const QSizeF page = layout->pageSizeMm();
    if (!(page.width() > 0 && page.height() > 0))
        std::abort();
    if (!layout->roles().isEmpty())
        (void)layout->role(QStringLiteral("policymaker"));
    return 0;
}
