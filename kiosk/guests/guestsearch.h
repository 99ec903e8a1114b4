#pragma once

#include "db/records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace checkin {

// The guest field a search word matched. The order is the ranking order: a family-name match comes first.
enum class GuestSearchField {
    FamilyName,
    GivenName,
    DisplayName, // a word of the name as printed that is neither the family nor the given name
    LatinName,   // the guest's own Latin spelling ("Yamada Taro")
    Organisation,
    Country, // ISO code ("th") or English name ("thailand")
    ExternalId,
};

// The stable name of a field for JSON and logs: family_name, given_name, display_name, latin_name, organisation,
// country, external_id.
[[nodiscard]] QString guestSearchFieldName(GuestSearchField field);

// One guest found by a search.
struct GuestSearchHit
{
    qint64 guestId = 0;
    GuestSearchField field = GuestSearchField::DisplayName; // the best-ranked field that a query word matched
    bool exact = false; // every query word matched a whole word, not only the start of one
};

// Finds guests as staff type, tolerant of case, accents and script: every name is indexed in plain Latin
// letters (ICU "Any-Latin; Latin-ASCII", Han one character at a time, Cyrillic also in the BGN spelling, German
// umlauts also as "ue"), and the query is folded the same way, so "nguyen" finds "Nguyễn", "smirnova" finds
// "Смирнова", "shan tian" finds "山田太郎", and typing in the original script ("Смирн", "山田") works too. Every query
// word must begin a word of the guest's names, organisation, country or external id, in any order. Ranking: guests
// whose words all match whole words first, then family-name matches before other fields, then alphabetically by folded
// name.
//
// The index is built from rows the caller loaded (db::GuestStore::forEvent): no SQL here. Not thread-safe:
// ICU transliterators keep state and the index caches foldings, so one index and its searches belong to one
// thread (build a second index for another thread).
class GuestSearchIndex
{
public:
    // Indexes the guests. For 10,000 guests this takes 70–150 ms, plus ~50 ms for the first index of a process
    // (ICU compiling its rules): see bench_search.
    explicit GuestSearchIndex(const QList<db::GuestRecord> &guests);
    ~GuestSearchIndex();
    GuestSearchIndex(const GuestSearchIndex &) = delete;
    GuestSearchIndex &operator=(const GuestSearchIndex &) = delete;
    GuestSearchIndex(GuestSearchIndex &&) = delete;
    GuestSearchIndex &operator=(GuestSearchIndex &&) = delete;

    // The guests matching query, best first, at most limit of them. A query without letters or digits finds
    // nobody (the UI shows a hint instead). accept, when given, keeps only the guests it returns true for
    // (e.g. those not arrived yet); it is applied before the limit.
    [[nodiscard]] QList<GuestSearchHit> search(const QString &query, int limit = 20,
                                               const std::function<bool(qint64 guestId)> &accept = {});

    // How many guests are indexed.
    [[nodiscard]] int size() const;
    // The folded words a text is searched by ("Ольга Смирнова" → olga, smirnova); variants adds the index's
    // extra spellings (BGN for Cyrillic, "ue" for "ü", the parts of "O'Brien").
    [[nodiscard]] QStringList foldedWords(const QString &text, bool variants = false);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace checkin
