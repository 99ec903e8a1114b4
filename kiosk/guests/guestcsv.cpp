#include "kiosk/guests/guestcsv.h"

#include "kiosk/common/csvreader.h"
#include "kiosk/guests/countries.h"
#include "kiosk/guests/personname.h"
#include "kiosk/guests/printedtext.h"
#include "printing/text/languages.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// The columns we understand. Several names for one field: the IETF datatracker registration export uses
// first_name/last_name/affiliation/country_code/email/reg_type/ticket_type; our own template the rest.
enum class Field {
    ExternalId,
    DisplayName,
    GivenName,
    FamilyName,
    LatinName,
    Organisation,
    Country,
    Role,
    Email,
    Language,
    RegType,
    TicketType,
    NameOrder,
    Days,
};
constexpr int FieldCount = int(Field::Days) + 1;

struct KnownColumn
{
    const char16_t *name;
    Field field;
};

// Within one field, earlier names win when a row has values under several of them.
constexpr std::array KnownColumns = {
    KnownColumn{u"external_id", Field::ExternalId},
    KnownColumn{u"display_name", Field::DisplayName},
    KnownColumn{u"given_name", Field::GivenName},
    KnownColumn{u"first_name", Field::GivenName},
    KnownColumn{u"family_name", Field::FamilyName},
    KnownColumn{u"last_name", Field::FamilyName},
    KnownColumn{u"latin_name", Field::LatinName},
    KnownColumn{u"organisation", Field::Organisation},
    KnownColumn{u"organization", Field::Organisation},
    KnownColumn{u"affiliation", Field::Organisation},
    KnownColumn{u"country_code", Field::Country},
    KnownColumn{u"country", Field::Country},
    KnownColumn{u"role", Field::Role},
    KnownColumn{u"email", Field::Email},
    KnownColumn{u"e_mail", Field::Email},
    KnownColumn{u"language", Field::Language},
    KnownColumn{u"reg_type", Field::RegType},
    KnownColumn{u"ticket_type", Field::TicketType},
    KnownColumn{u"days", Field::Days},
    KnownColumn{u"name_order", Field::NameOrder},
};

constexpr std::array Roles = {u"policymaker", u"staff", u"host"};
constexpr qsizetype MaxIdLength = 64;

// Fields printed on the badge: a line break in them would break the layout.
[[nodiscard]] bool isPrinted(Field field)
{
    return field == Field::DisplayName || field == Field::GivenName || field == Field::FamilyName
           || field == Field::LatinName || field == Field::Organisation;
}

// Free-text fields that nobody prints, where a quoted multi-line value is harmless.
[[nodiscard]] bool allowsLineBreaks(Field field)
{
    return field == Field::RegType || field == Field::TicketType || field == Field::Days;
}

// "First Name", " first-name " and "FIRST_NAME" all mean first_name.
[[nodiscard]] QString normalisedHeader(QString name)
{
    if (name.startsWith(u'\uFEFF'))
        name.remove(0, 1);
    name = name.trimmed().toLower();
    name.replace(u' ', u'_');
    name.replace(u'-', u'_');
    return name;
}

// A value quoted for a message: short and on one line.
[[nodiscard]] QString quoted(QStringView value)
{
    constexpr qsizetype MaxLength = 40;
    QString shown = value.left(MaxLength).toString();
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u'\uFFFD';
    }
    if (value.size() > MaxLength)
        shown += u'…';
    return u'"' + shown + u'"';
}

template<typename Container>
[[nodiscard]] bool contains(const Container &values, QStringView value)
{
    return std::any_of(values.begin(), values.end(), [value](const char16_t *v) { return value == QStringView(v); });
}

template<typename Container>
[[nodiscard]] QString joined(const Container &values)
{
    QStringList list;
    for (const char16_t *v : values)
        list.append(QString::fromUtf16(v));
    return list.join(u", "_s);
}

[[nodiscard]] bool isValidId(QStringView id)
{
    // It starts with a letter or digit: "-rf" would be read as an option by checkinctl and other programs, and
    // ".", ".." or ".hidden" are not ordinary file names.
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z"_s);
    return pattern.match(id).hasMatch();
}

[[nodiscard]] bool looksLikeEmail(QStringView email)
{
    const qsizetype at = email.indexOf(u'@');
    return at > 0 && at == email.lastIndexOf(u'@') && at < email.size() - 1
           && std::none_of(email.begin(), email.end(), [](QChar c) { return c.isSpace(); });
}

// A cell of the current row: the value (trimmed) and the column it came from.
struct Cell
{
    QString value;
    int column = 0; // 1-based; 0 = the file has no such column
};

class Validator
{
public:
    Validator(const CsvTable &table, QDate firstDay, QDate lastDay)
        : m_table(table)
        , m_firstDay(firstDay)
        , m_lastDay(lastDay)
    {
    }

    [[nodiscard]] GuestCsvResult run()
    {
        m_result.problems = m_table.problems;
        m_result.unlistedProblems = m_table.unlistedProblems;
        if (!checkHasGuests())
            return std::move(m_result);
        if (mapHeader()) {
            for (const CsvRecord &record : m_table.records) {
                if (!isBlank(record))
                    validate(record);
            }
        }
        std::stable_sort(m_result.problems.begin(), m_result.problems.end(),
                         [](const CsvProblem &a, const CsvProblem &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
        if (!m_result.problems.isEmpty())
            m_result.rows.clear();
        std::stable_sort(m_result.warnings.begin(), m_result.warnings.end(),
                         [](const CsvProblem &a, const CsvProblem &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
        return std::move(m_result);
    }

private:
    // Spreadsheets often save empty rows as ",,,,"; they are not guests.
    [[nodiscard]] static bool isBlank(const CsvRecord &record)
    {
        return std::all_of(record.fields.begin(), record.fields.end(),
                           [](const QString &field) { return field.trimmed().isEmpty(); });
    }

    bool checkHasGuests()
    {
        if (!m_table.problems.isEmpty())
            return true; // the reader's problems explain better why there seem to be no rows
        if (m_table.header.isEmpty()) {
            m_result.problems.append(CsvProblem{0, 0, {}, GuestCsv::tr("the file has no guests: it is empty")});
            return false;
        }
        if (std::all_of(m_table.records.begin(), m_table.records.end(), isBlank)) {
            m_result.problems.append(CsvProblem{
                0, 0, {}, GuestCsv::tr("the file has no guests: it has a header line but no rows below it")});
            return false;
        }
        return true;
    }

    void addHeaderProblem(int column, const QString &message) { addProblem(m_table.headerLine, column, message); }

    void addProblem(int line, int column, const QString &message)
    {
        appendProblem(m_result.problems, m_result.unlistedProblems,
                      CsvProblem{line, column, m_table.header.value(column - 1).trimmed(), message});
    }

    // Returns false if the rows cannot be read at all.
    bool mapHeader()
    {
        // A header the reader could not read (bad quote or encoding, or a file it refused whole: a zero byte, a
        // workbook) has already been reported; guessing at its columns would only add misleading problems.
        if (m_table.headerLine == 0)
            return false;
        if (std::any_of(m_table.problems.begin(), m_table.problems.end(),
                        [this](const CsvProblem &p) { return p.line == m_table.headerLine; }))
            return false;

        const QString saveAs = GuestCsv::tr("save the file as \"CSV UTF-8 (comma delimited)\"");
        if (m_table.header.size() == 1 && m_table.header.first().contains(u';')) {
            addHeaderProblem(0, GuestCsv::tr("the columns are separated by semicolons, not commas; %1").arg(saveAs));
            return false;
        }
        if (m_table.header.size() == 1 && m_table.header.first().contains(u'\t')) {
            addHeaderProblem(0, GuestCsv::tr("the columns are separated by tabs, not commas; %1").arg(saveAs));
            return false;
        }

        QHash<QString, int> seen; // normalised name → first column
        for (qsizetype i = 0; i < m_table.header.size(); ++i) {
            const int column = int(i) + 1;
            const QString name = normalisedHeader(m_table.header.at(i));
            const auto known = std::find_if(KnownColumns.begin(), KnownColumns.end(),
                                            [&name](const KnownColumn &k) { return name == QStringView(k.name); });
            if (known == KnownColumns.end())
                continue; // other columns are the organiser's business
            if (const auto first = seen.constFind(name); first != seen.cend()) {
                addHeaderProblem(column, GuestCsv::tr("column %1 appears twice (columns %2 and %3); remove one of them")
                                             .arg(quoted(name), QString::number(*first), QString::number(column)));
                continue;
            }
            seen.insert(name, column);
            m_columns[int(known->field)].append({int(std::distance(KnownColumns.begin(), known)), column});
        }
        for (auto &columns : m_columns)
            std::sort(columns.begin(), columns.end());

        QStringList names;
        for (const QString &name : m_table.header)
            names.append(name.trimmed());
        QString found = names.mid(0, 12).join(u", "_s);
        if (names.size() > 12)
            found += u", …"_s;
        if (!hasColumn(Field::DisplayName) && !hasColumn(Field::GivenName) && !hasColumn(Field::FamilyName)) {
            addHeaderProblem(0, GuestCsv::tr("missing required column: display_name or first_name/last_name "
                                             "(the header line has: %1)")
                                    .arg(found));
        }
        if (!hasColumn(Field::ExternalId) && !hasColumn(Field::Email)) {
            addHeaderProblem(
                0, GuestCsv::tr("missing required column: external_id or email (the header line has: %1)").arg(found));
        }
        return true;
    }

    [[nodiscard]] bool hasColumn(Field field) const { return !m_columns[int(field)].isEmpty(); }

    // The first non-empty value among the field's columns; a cell with a control character is reported here
    // and then treated as absent, so that it is not reported twice.
    [[nodiscard]] std::optional<Cell> cell(const CsvRecord &record, Field field)
    {
        const auto &columns = m_columns[int(field)];
        if (columns.isEmpty())
            return Cell{};
        for (const auto &[priority, column] : columns) {
            Q_UNUSED(priority);
            const QString value = record.fields.value(column - 1).trimmed();
            if (value.isEmpty())
                continue;
            if (const QString problem = controlCharacterProblem(value, field); !problem.isEmpty()) {
                addProblem(record.line, column, problem);
                return std::nullopt;
            }
            if (!isPrinted(field))
                return Cell{value, column};
            // What is printed is cleaned here, once, so every screen and document shows the same characters.
            const QString cleaned = printedtext::withoutInvisibleControls(value).trimmed();
            if (const int run = printedtext::longestCombiningRun(cleaned); run > printedtext::kMaxCombiningRun) {
                addProblem(record.line, column,
                           GuestCsv::tr("the value stacks %1 accents or marks on one letter; a badge can print at "
                                        "most %2, so the text is probably garbled")
                               .arg(QString::number(run), QString::number(printedtext::kMaxCombiningRun)));
                return std::nullopt;
            }
            const printedtext::Printable printable = printedtext::withoutUnprintable(cleaned);
            if (!printable.removed.isEmpty()) {
                m_result.warnings.append(CsvProblem{
                    record.line, column, m_table.header.value(column - 1).trimmed(),
                    GuestCsv::tr("%1 cannot be printed on a badge (its fonts have no emoji) and was left out: "
                                 "the badge and the kiosk screen show %2")
                        .arg(printable.removed,
                             printable.text.isEmpty() ? GuestCsv::tr("nothing here") : u'"' + printable.text + u'"')});
            }
            if (printable.text.isEmpty())
                continue; // nothing printable: as if the cell were empty
            return Cell{printable.text, column};
        }
        return Cell{QString(), columns.first().second};
    }

    [[nodiscard]] static QString controlCharacterProblem(QStringView value, Field field)
    {
        for (const QChar c : value) {
            const bool lineBreak = c == u'\n' || c == u'\r' || c == QChar::LineSeparator
                                   || c == QChar::ParagraphSeparator;
            if (lineBreak && allowsLineBreaks(field))
                continue;
            if (lineBreak && isPrinted(field))
                return GuestCsv::tr("the value is on more than one line; it is printed on the badge, so it must "
                                    "be on one line");
            if (lineBreak)
                return GuestCsv::tr("the value is on more than one line; remove the line break");
            if (c.category() == QChar::Other_Control) {
                return GuestCsv::tr("the value contains an invisible control character (U+%1); remove it")
                    .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
            }
        }
        return {};
    }

    void validate(const CsvRecord &record)
    {
        GuestImportRow row;
        row.line = record.line;

        validateNames(record, row);
        validateId(record, row);

        if (const auto organisation = cell(record, Field::Organisation))
            row.organisation = organisation->value;
        if (const auto regType = cell(record, Field::RegType))
            row.regType = regType->value;
        if (const auto ticketType = cell(record, Field::TicketType))
            row.ticketType = ticketType->value;

        if (const auto country = cell(record, Field::Country); country && !country->value.isEmpty()) {
            if (const std::optional<QString> code = Countries::normalisedCode(country->value)) {
                row.countryCode = *code;
            } else if (const QString guess = Countries::suggestion(country->value); !guess.isEmpty()) {
                addProblem(record.line, country->column,
                           GuestCsv::tr("unknown country code %1; use the two-letter ISO code, here probably "
                                        "\"%2\" (%3)")
                               .arg(quoted(country->value), guess, Countries::englishName(guess)));
            } else {
                addProblem(record.line, country->column,
                           GuestCsv::tr("unknown country code %1").arg(quoted(country->value)));
            }
        }

        if (const auto language = cell(record, Field::Language)) {
            // "fr-FR", "zh_CN", "zh-Hant-TW": only the language part matters.
            QString base = language->value.toLower();
            base.truncate(std::find_if(base.cbegin(), base.cend(), [](QChar c) { return c == u'-' || c == u'_'; })
                          - base.cbegin());
            if (language->value.isEmpty()) {
                row.language = u"en"_s;
            } else if (findKioskLanguage(base)) {
                row.language = base;
            } else {
                addProblem(record.line, language->column,
                           GuestCsv::tr("unknown language %1; use one of: %2 (or leave empty for en)")
                               .arg(quoted(language->value), kioskLanguageCodes().join(u", "_s)));
            }
        }

        validateRole(record, row);
        validateDays(record, row);

        // Once the file has a problem its rows are not kept: it will not be imported.
        if (m_result.problemCount() == 0)
            m_result.rows.append(row);
    }

    void validateNames(const CsvRecord &record, GuestImportRow &row)
    {
        const auto display = cell(record, Field::DisplayName);
        const auto given = cell(record, Field::GivenName);
        const auto family = cell(record, Field::FamilyName);
        const auto latin = cell(record, Field::LatinName);
        if (!display || !given || !family)
            return; // a line break or control character was reported
        row.givenName = given->value;
        row.familyName = family->value;
        if (const auto order = cell(record, Field::NameOrder); order && !order->value.isEmpty()) {
            if (const auto parsed = personname::orderFrom(order->value)) {
                row.nameOrder = *parsed;
            } else {
                addProblem(record.line, order->column,
                           GuestCsv::tr("name_order %1 is not known; use given-first, family-first or leave it "
                                        "empty (family name first for Chinese, Japanese and Korean names)")
                               .arg(quoted(order->value)));
            }
        }
        row.displayName = display->value.isEmpty() ? GuestCsv::composeName(given->value, family->value, row.nameOrder)
                                                   : display->value;
        if (row.displayName.isEmpty()) {
            // No column at all was reported once for the header.
            if (const int column = display->column ? display->column : given->column ? given->column : family->column)
                addProblem(record.line, column,
                           GuestCsv::tr("the name is empty; fill in display_name, or first_name and last_name"));
        }

        if (!latin || latin->value.isEmpty())
            return;
        if (!personname::isLatin(latin->value)) {
            addProblem(record.line, latin->column,
                       GuestCsv::tr("latin_name %1 must be written in Latin letters (A to Z, accents allowed)")
                           .arg(quoted(latin->value)));
        } else if (latin->value != row.displayName) {
            row.latinName = latin->value;
        }
    }

    void validateId(const CsvRecord &record, GuestImportRow &row)
    {
        const auto email = cell(record, Field::Email);
        if (email && !email->value.isEmpty()) {
            if (looksLikeEmail(email->value))
                row.email = email->value;
            else
                addProblem(record.line, email->column,
                           GuestCsv::tr("%1 is not an email address").arg(quoted(email->value)));
        }

        const auto externalId = cell(record, Field::ExternalId);
        if (!externalId)
            return;
        bool derived = false;
        int column = externalId->column;
        if (column != 0) {
            if (externalId->value.isEmpty()) {
                addProblem(record.line, column,
                           GuestCsv::tr("the guest id is empty; every guest needs a unique external_id"));
                return;
            }
            if (externalId->value.size() > MaxIdLength) {
                addProblem(record.line, column,
                           GuestCsv::tr("the guest id is %1 characters long; the limit is %2")
                               .arg(QString::number(externalId->value.size()), QString::number(MaxIdLength)));
                return;
            }
            if (!isValidId(externalId->value)) {
                addProblem(record.line, column,
                           GuestCsv::tr("the guest id %1 may only contain the letters A to Z and a to z, digits, "
                                        "\".\", \"_\" and \"-\", and must start with a letter or digit")
                               .arg(quoted(externalId->value)));
                return;
            }
            row.externalId = externalId->value;
        } else {
            if (!email || email->column == 0)
                return; // no id column at all was reported once for the header
            column = email->column;
            if (email->value.isEmpty()) {
                addProblem(record.line, column,
                           GuestCsv::tr("the email address is empty; the file has no external_id column, so the "
                                        "guest id is made from the email address"));
                return;
            }
            row.externalId = GuestCsv::idFromEmail(email->value);
            derived = true;
        }

        // Ids become file names, and some file systems ignore case.
        const QString key = row.externalId.toLower();
        if (const auto first = m_ids.constFind(key); first != m_ids.cend()) {
            if (derived) {
                addProblem(record.line, column,
                           GuestCsv::tr("the same email address is already on line %1; each guest needs their "
                                        "own, because the guest id is made from it")
                               .arg(QString::number(first->line)));
            } else if (first->id != row.externalId) {
                addProblem(record.line, column,
                           GuestCsv::tr("guest id %1 is already used on line %2 as %3 (ids that differ only in "
                                        "upper and lower case count as the same)")
                               .arg(quoted(row.externalId), QString::number(first->line), quoted(first->id)));
            } else {
                addProblem(record.line, column,
                           GuestCsv::tr("guest id %1 is already used on line %2")
                               .arg(quoted(row.externalId), QString::number(first->line)));
            }
            return;
        }
        m_ids.insert(key, SeenId{record.line, row.externalId});
    }

    void validateRole(const CsvRecord &record, GuestImportRow &row)
    {
        const auto role = cell(record, Field::Role);
        if (!role)
            return;
        const QString value = role->value.toLower();
        if (contains(Roles, value)) {
            row.role = value;
            return;
        }
        if (!value.isEmpty()) {
            addProblem(record.line, role->column,
                       GuestCsv::tr("unknown role %1; use one of: %2").arg(quoted(role->value), joined(Roles)));
            return;
        }
        // Only a registration type that plainly names the role counts; anything else is a policymaker.
        static const QRegularExpression nonLetters(u"[^a-z]+"_s);
        const QStringList words = row.regType.toLower().split(nonLetters, Qt::SkipEmptyParts);
        const bool staff = words.contains(u"staff"_s);
        const bool host = words.contains(u"host"_s);
        row.role = staff && !host ? u"staff"_s : host && !staff ? u"host"_s : u"policymaker"_s;
    }

    void validateDays(const CsvRecord &record, GuestImportRow &row)
    {
        const auto days = cell(record, Field::Days);
        if (!days || days->value.isEmpty())
            return;
        if (!m_firstDay.isValid() || !m_lastDay.isValid() || m_lastDay < m_firstDay) {
            addProblem(record.line, days->column,
                       GuestCsv::tr("the event's first and last programme day are not set, so days cannot be "
                                    "checked; set them in the event settings"));
            return;
        }
        const qint64 dayCount = m_firstDay.daysTo(m_lastDay) + 1;
        const QString first = m_firstDay.toString(Qt::ISODate);
        const QString last = m_lastDay.toString(Qt::ISODate);
        static const QRegularExpression separators(u"[;,\\s]+"_s);
        static const QRegularExpression dayNumber(u"\\A[0-9]{1,4}\\z"_s);
        static const QRegularExpression isoDate(u"\\A[0-9]{4}-[0-9]{2}-[0-9]{2}\\z"_s);
        for (const QString &item : days->value.split(separators, Qt::SkipEmptyParts)) {
            if (dayNumber.match(item).hasMatch()) {
                const int number = item.toInt();
                if (number < 1 || number > dayCount) {
                    addProblem(record.line, days->column,
                               GuestCsv::tr("day %1 is outside the programme; use a day number from 1 to %2 or a "
                                            "date from %3 to %4")
                                   .arg(item, QString::number(dayCount), first, last));
                    continue;
                }
                row.days.append(m_firstDay.addDays(number - 1));
                continue;
            }
            const QDate date = isoDate.match(item).hasMatch() ? QDate::fromString(item, Qt::ISODate) : QDate();
            if (!date.isValid()) {
                addProblem(record.line, days->column,
                           GuestCsv::tr("%1 is not a programme day; write day numbers (1 to %2) or dates "
                                        "(YYYY-MM-DD), separated by \";\"")
                               .arg(quoted(item), QString::number(dayCount)));
            } else if (date < m_firstDay || date > m_lastDay) {
                addProblem(
                    record.line, days->column,
                    GuestCsv::tr("%1 is outside the programme, which runs from %2 to %3").arg(item, first, last));
            } else {
                row.days.append(date);
            }
        }
        std::sort(row.days.begin(), row.days.end());
        row.days.erase(std::unique(row.days.begin(), row.days.end()), row.days.end());
    }

    struct SeenId
    {
        int line = 0;
        QString id;
    };

    const CsvTable &m_table;
    QDate m_firstDay;
    QDate m_lastDay;
    std::array<QList<std::pair<int, int>>, FieldCount> m_columns; // per field: (priority, 1-based column)
    QHash<QString, SeenId> m_ids;                                 // lower-cased id → where it was first seen
    GuestCsvResult m_result;
};

} // namespace

GuestCsvResult GuestCsv::parse(QByteArrayView bytes, QDate firstDay, QDate lastDay)
{
    const CsvTable table = CsvReader::parse(bytes);
    return Validator(table, firstDay, lastDay).run();
}

QString GuestCsv::composeName(const QString &given, const QString &family, const QString &nameOrder)
{
    return personname::compose(given, family, nameOrder);
}

QString GuestCsv::idFromEmail(QStringView email)
{
    const QByteArray digest = QCryptographicHash::hash(email.trimmed().toString().toLower().toUtf8(),
                                                       QCryptographicHash::Sha256);
    return u"g-"_s + QString::fromLatin1(digest.toHex().left(12));
}

} // namespace checkin
