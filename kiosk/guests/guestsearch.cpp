#include "kiosk/guests/guestsearch.h"

#include "kiosk/guests/countries.h"

#include <QHash>
#include <QLoggingCategory>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGuestSearch, "checkin.search")

namespace checkin {

namespace {

// NFKC first so that full-width letters and ligatures ("ﬁ") become plain ones; Latin-ASCII drops the accents
// Any-Latin leaves ("Nguyễn" → "nguyen", "Ольга" → "ol'ga"); marks of scripts Any-Latin does not know go too.
constexpr const char16_t *kToLatin = u"NFKC; Any-Latin; Latin-ASCII; [:Nonspacing Mark:] Remove; Lower";
// Any-Latin writes Russian in ISO 9 ("Щербакова" → "serbakova"); people type the BGN/PCGN spelling
// ("shcherbakova"), so Cyrillic names are indexed in both. Any-Latin after it catches non-Russian letters.
constexpr const char16_t *kCyrillicToLatin =
    u"NFKC; Russian-Latin/BGN; Any-Latin; Latin-ASCII; [:Nonspacing Mark:] Remove; Lower";

// A query longer than any name is cut here, so a pasted paragraph cannot stall the UI.
constexpr qsizetype kMaxQueryLength = 256;
constexpr qsizetype kMaxQueryWords = 16;
// The foldings cache is dropped when it grows past this (a long session of typing), to bound memory.
constexpr qsizetype kMaxCacheEntries = 200'000;

// Characters that join the parts of a word ("O'Brien", "Ol'ga", "Ob\"edkov"): the word is indexed joined
// and in parts, so "obrien", "brien" and "olga" all match.
bool isJoiner(QChar c)
{
    switch (c.unicode()) {
    case u'\'':
    case u'"':
    case u'`':
    case 0x00B4:
    case 0x02B9:
    case 0x02BA:
    case 0x02BB:
    case 0x02BC:
    case 0x2018:
    case 0x2019:
        return true;
    default:
        return false;
    }
}

bool isUmlaut(QChar c)
{
    switch (c.unicode()) {
    case u'ä':
    case u'ö':
    case u'ü':
    case u'Ä':
    case u'Ö':
    case u'Ü':
        return true;
    default:
        return false;
    }
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

std::unique_ptr<icu::Transliterator> createTransliterator(const char16_t *id)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
        qCWarning(lcGuestSearch) << "ICU transliterator" << QString::fromUtf16(id)
                                 << "is not available:" << u_errorName(status) << "- searching without transliteration";
        return nullptr;
    }
    return t;
}

// One ICU transliterator with a cache of what it produced: guest lists repeat family names, given names,
// organisations and countries, and a transliteration costs microseconds (a Han character tens of them).
class Folder
{
public:
    explicit Folder(const char16_t *id)
        : m_translit(createTransliterator(id))
    {
    }

    // text (one word as written, no spaces) in lower-case Latin letters, accents removed.
    QString latin(const QString &text)
    {
        if (const auto it = m_cache.constFind(text); it != m_cache.constEnd())
            return *it;
        QString out;
        if (m_translit) {
            icu::UnicodeString s(false, reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
            m_translit->transliterate(s);
            out = QString(reinterpret_cast<const QChar *>(s.getBuffer()), s.length());
        } else {
            // Without ICU data: at least case and accents of Latin letters.
            const QString decomposed = text.normalized(QString::NormalizationForm_KD);
            for (const QChar c : decomposed) {
                if (!c.isMark())
                    out += c.toLower();
            }
        }
        if (m_cache.size() >= kMaxCacheEntries)
            m_cache.clear();
        m_cache.insert(text, out);
        return out;
    }

private:
    std::unique_ptr<icu::Transliterator> m_translit;
    QHash<QString, QString> m_cache;
};

// Han ideographs are transliterated one by one: ICU's Han-Latin reads some pairs together, and a name typed
// half-way must fold to the start of the whole name's folding for prefix search to work.
bool isHan(char32_t ucs4)
{
    return QChar::script(ucs4) == QChar::Script_Han;
}

// text in lower-case Latin letters, word by word through folder.
QString foldText(QStringView text, Folder &folder)
{
    QString out;
    out.reserve(text.size() + 8);
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i].isSpace())
            ++i;
        qsizetype end = i;
        while (end < text.size() && !text[end].isSpace())
            ++end;
        if (end == i)
            break;
        const QStringView word = text.sliced(i, end - i);
        i = end;
        out += u' ';
        if (isAscii(word)) {
            out += word.toString().toLower();
            continue;
        }
        // Runs without Han go to the folder whole; each Han ideograph alone, between spaces.
        qsizetype runStart = 0;
        qsizetype k = 0;
        while (k < word.size()) {
            char32_t ucs4 = word[k].unicode();
            qsizetype width = 1;
            if (word[k].isHighSurrogate() && k + 1 < word.size() && word[k + 1].isLowSurrogate()) {
                ucs4 = QChar::surrogateToUcs4(word[k], word[k + 1]);
                width = 2;
            }
            if (isHan(ucs4)) {
                if (k > runStart)
                    out += folder.latin(word.sliced(runStart, k - runStart).toString());
                out += u' ';
                out += folder.latin(word.sliced(k, width).toString());
                out += u' ';
                runStart = k + width;
            }
            k += width;
        }
        if (runStart < word.size())
            out += folder.latin(word.sliced(runStart).toString());
    }
    return out;
}

// The words of folded text. A word is a run of letters, digits and marks; joiners (apostrophes) stay inside
// it and are dropped. With parts, a joined word also yields its parts ("obrien", "o", "brien").
void appendWords(QStringView folded, bool parts, QStringList &out)
{
    QString word;
    QString piece;
    QStringList pieces;
    auto flush = [&] {
        if (!word.isEmpty() && !out.contains(word))
            out << word;
        if (parts && !pieces.isEmpty()) {
            pieces << piece;
            for (const QString &p : std::as_const(pieces)) {
                if (!p.isEmpty() && !out.contains(p))
                    out << p;
            }
        }
        word.clear();
        piece.clear();
        pieces.clear();
    };
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const QChar c = folded[i];
        if (c.isLetterOrNumber() || c.isMark() || c.isSurrogate()) {
            const QChar lower = c.isSurrogate() ? c : c.toLower();
            word += lower;
            piece += lower;
        } else if (isJoiner(c)) {
            if (!piece.isEmpty())
                pieces << piece;
            piece.clear();
        } else {
            flush();
        }
    }
    flush();
}

// One word of some guest, sorted by word so that a prefix is a contiguous range.
struct Entry
{
    QString word;
    qint32 guest; // index into Private::guests
    quint8 field; // GuestSearchField
};

struct IndexedGuest
{
    qint64 id = 0;
    QString sortName; // the folded display name
};

// How well a guest matched one query word: lower is better. Exact before prefix, then the field's rank.
constexpr quint8 kNoMatch = 0xFF;
constexpr quint8 matchCode(bool exact, GuestSearchField field)
{
    return quint8((exact ? 0 : 16) + int(field));
}

} // namespace

QString guestSearchFieldName(GuestSearchField field)
{
    switch (field) {
    case GuestSearchField::FamilyName:
        return u"family_name"_s;
    case GuestSearchField::GivenName:
        return u"given_name"_s;
    case GuestSearchField::DisplayName:
        return u"display_name"_s;
    case GuestSearchField::LatinName:
        return u"latin_name"_s;
    case GuestSearchField::Organisation:
        return u"organisation"_s;
    case GuestSearchField::Country:
        return u"country"_s;
    case GuestSearchField::ExternalId:
        return u"external_id"_s;
    }
    return u"display_name"_s;
}

struct GuestSearchIndex::Private
{
    Folder toLatin{kToLatin};
    Folder cyrillicToLatin{kCyrillicToLatin};
    std::vector<IndexedGuest> guests;
    std::vector<Entry> entries;

    QStringList words(const QString &text, bool variants)
    {
        QStringList out;
        appendWords(foldText(text, toLatin), variants, out);
        if (!variants)
            return out;
        if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.script() == QChar::Script_Cyrillic; }))
            appendWords(foldText(text, cyrillicToLatin), variants, out);
        // German umlauts are typed "ue" as often as "u" ("Mueller" for "Müller"): index both.
        const QString composed = text.normalized(QString::NormalizationForm_C);
        if (std::any_of(composed.begin(), composed.end(), isUmlaut)) {
            QString expanded;
            for (const QChar c : composed) {
                if (isUmlaut(c)) {
                    expanded += QChar(c.toLower() == u'ä' ? u'a' : c.toLower() == u'ö' ? u'o' : u'u');
                    expanded += u'e';
                } else {
                    expanded += c;
                }
            }
            appendWords(foldText(expanded, toLatin), variants, out);
        }
        return out;
    }

    void index(const db::GuestRecord &guest)
    {
        const auto guestIndex = qint32(guests.size());
        // Each distinct word once per guest, with the best-ranked field it appears in.
        std::vector<std::pair<QString, GuestSearchField>> seen;
        auto add = [&](const QString &word, GuestSearchField field) {
            const auto it = std::find_if(seen.begin(), seen.end(), [&](const auto &p) { return p.first == word; });
            if (it == seen.end())
                seen.emplace_back(word, field);
            else if (field < it->second)
                it->second = field;
        };
        auto addText = [&](const QString &text, GuestSearchField field) {
            if (text.trimmed().isEmpty())
                return;
            for (const QString &word : words(text, true))
                add(word, field);
        };
        addText(guest.familyName, GuestSearchField::FamilyName);
        addText(guest.givenName, GuestSearchField::GivenName);
        addText(guest.displayName, GuestSearchField::DisplayName);
        addText(guest.latinName, GuestSearchField::LatinName);
        addText(guest.organisation, GuestSearchField::Organisation);
        if (const std::optional<QString> code = Countries::normalisedCode(guest.country)) {
            add(code->toLower(), GuestSearchField::Country);
            addText(Countries::englishName(*code), GuestSearchField::Country);
        }
        // The id whole ("g-3fa2…") as well as in its parts, as staff may read either off a list.
        if (!guest.externalId.isEmpty()) {
            add(guest.externalId.toLower(), GuestSearchField::ExternalId);
            addText(guest.externalId, GuestSearchField::ExternalId);
        }
        for (auto &[word, field] : seen)
            entries.push_back(Entry{std::move(word), guestIndex, quint8(field)});

        const QString shown = guest.displayName.trimmed().isEmpty() ? guest.latinName : guest.displayName;
        guests.push_back(IndexedGuest{guest.id, words(shown, false).join(u' ')});
    }
};

GuestSearchIndex::GuestSearchIndex(const QList<db::GuestRecord> &guests)
    : d(std::make_unique<Private>())
{
    d->guests.reserve(size_t(guests.size()));
    d->entries.reserve(size_t(guests.size()) * 16);
    for (const db::GuestRecord &guest : guests)
        d->index(guest);
    std::sort(d->entries.begin(), d->entries.end(), [](const Entry &a, const Entry &b) { return a.word < b.word; });
}

GuestSearchIndex::~GuestSearchIndex() = default;

int GuestSearchIndex::size() const
{
    return int(d->guests.size());
}

QStringList GuestSearchIndex::foldedWords(const QString &text, bool variants)
{
    return d->words(text, variants);
}

QList<GuestSearchHit> GuestSearchIndex::search(const QString &query, int limit,
                                               const std::function<bool(qint64)> &accept)
{
    if (limit <= 0 || d->guests.empty())
        return {};
    QStringList words = d->words(query.left(kMaxQueryLength), false);
    if (words.isEmpty())
        return {};
    if (words.size() > kMaxQueryWords)
        words.resize(kMaxQueryWords);

    // Per guest: how many query words matched so far (a guest drops out at the first word it misses), and the
    // sums that rank it.
    const size_t n = d->guests.size();
    std::vector<quint8> matched(n, 0);
    std::vector<quint8> prefixWords(n, 0);
    std::vector<quint16> fieldSum(n, 0);
    std::vector<quint8> bestField(n, quint8(GuestSearchField::ExternalId));
    std::vector<quint8> best(n);
    std::vector<qint32> touched;

    for (qsizetype w = 0; w < words.size(); ++w) {
        const QString &word = words.at(w);
        std::fill(best.begin(), best.end(), kNoMatch);
        touched.clear();
        auto it = std::lower_bound(d->entries.begin(), d->entries.end(), word,
                                   [](const Entry &e, const QString &key) { return e.word < key; });
        for (; it != d->entries.end() && it->word.startsWith(word); ++it) {
            if (matched[size_t(it->guest)] != w)
                continue;
            const quint8 code = matchCode(it->word.size() == word.size(), GuestSearchField(it->field));
            quint8 &slot = best[size_t(it->guest)];
            if (slot == kNoMatch)
                touched.push_back(it->guest);
            slot = std::min(slot, code);
        }
        if (touched.empty())
            return {};
        for (const qint32 g : touched) {
            const quint8 code = best[size_t(g)];
            ++matched[size_t(g)];
            prefixWords[size_t(g)] += code >= 16 ? 1 : 0;
            fieldSum[size_t(g)] += code % 16;
            bestField[size_t(g)] = std::min<quint8>(bestField[size_t(g)], code % 16);
        }
    }

    std::vector<qint32> found;
    for (size_t g = 0; g < n; ++g) {
        if (matched[g] == words.size() && (!accept || accept(d->guests[g].id)))
            found.push_back(qint32(g));
    }
    auto better = [&](qint32 a, qint32 b) {
        if (prefixWords[size_t(a)] != prefixWords[size_t(b)])
            return prefixWords[size_t(a)] < prefixWords[size_t(b)];
        if (fieldSum[size_t(a)] != fieldSum[size_t(b)])
            return fieldSum[size_t(a)] < fieldSum[size_t(b)];
        const int byName = QString::compare(d->guests[size_t(a)].sortName, d->guests[size_t(b)].sortName);
        if (byName != 0)
            return byName < 0;
        return d->guests[size_t(a)].id < d->guests[size_t(b)].id;
    };
    const size_t count = std::min(found.size(), size_t(limit));
    std::partial_sort(found.begin(), found.begin() + qsizetype(count), found.end(), better);

    QList<GuestSearchHit> hits;
    hits.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const auto g = size_t(found[i]);
        hits << GuestSearchHit{d->guests[g].id, GuestSearchField(bestField[g]), prefixWords[g] == 0};
    }
    return hits;
}

} // namespace checkin
