#include "printing/badgelayout.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using checkin::BadgeAlignment;
using checkin::BadgeBinding;
using checkin::BadgeElementType;
using checkin::BadgeLayout;
using checkin::QrErrorCorrection;

namespace {

template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
}

// A small valid layout to break in one place per test: 4 x 3 in, hero, organisation, QR, role band.
QJsonObject validLayout()
{
    const auto object = [](std::initializer_list<std::pair<QString, QJsonValue>> fields) {
        QJsonObject o;
        for (const auto &[key, value] : fields)
            o.insert(key, value);
        return o;
    };
    QJsonArray elements{
        object({{u"type"_s, u"text"_s},
                {u"bind"_s, u"given_name"_s},
                {u"x"_s, 6},
                {u"y"_s, 6},
                {u"w"_s, 60},
                {u"h"_s, 16},
                {u"minSize"_s, 18},
                {u"maxSize"_s, 36},
                {u"weight"_s, u"bold"_s}}),
        object({{u"type"_s, u"text"_s},
                {u"bind"_s, u"display_name"_s},
                {u"x"_s, 6},
                {u"y"_s, 23},
                {u"w"_s, 60},
                {u"h"_s, 10},
                {u"minSize"_s, 9},
                {u"maxSize"_s, 14},
                {u"maxLines"_s, 2},
                {u"flow"_s, true}}),
        object({{u"type"_s, u"text"_s},
                {u"bind"_s, u"organisation"_s},
                {u"x"_s, 6},
                {u"y"_s, 34},
                {u"w"_s, 60},
                {u"h"_s, 8},
                {u"minSize"_s, 8},
                {u"maxSize"_s, 10},
                {u"maxLines"_s, 2}}),
        object({{u"type"_s, u"qr"_s}, {u"x"_s, 72}, {u"y"_s, 30}, {u"size"_s, 24}, {u"ecc"_s, u"Q"_s}}),
        object({{u"type"_s, u"band"_s},
                {u"x"_s, 0},
                {u"y"_s, 62},
                {u"w"_s, 101.6},
                {u"h"_s, 14.2},
                {u"colour"_s, u"role"_s}}),
        object({{u"type"_s, u"text"_s},
                {u"bind"_s, u"role_label"_s},
                {u"x"_s, 6},
                {u"y"_s, 64},
                {u"w"_s, 60},
                {u"h"_s, 8},
                {u"minSize"_s, 8},
                {u"maxSize"_s, 12},
                {u"colour"_s, u"white"_s},
                {u"uppercase"_s, true}}),
    };
    return object({
        {u"version"_s, 1},
        {u"name"_s, u"Test badge"_s},
        {u"page"_s, object({{u"size"_s, u"4x3in"_s}, {u"margin"_s, 3}})},
        {u"palette"_s, object({{u"white"_s, u"#FFFFFF"_s}, {u"ink"_s, u"#102030"_s}})},
        {u"roles"_s,
         QJsonArray{
             object(
                 {{u"key"_s, u"policymaker"_s}, {u"label"_s, u"Policymaker Program"_s}, {u"colour"_s, u"#163A68"_s}}),
             object({{u"key"_s, u"staff"_s}, {u"label"_s, u"Staff"_s}, {u"colour"_s, u"#A8322A"_s}})}},
        {u"elements"_s, elements},
    });
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

// validLayout() with element `index` (0-based) changed: `set` keys replaced, `remove` keys dropped.
QByteArray withElement(int index, const QJsonObject &set, const QStringList &remove = {})
{
    QJsonObject root = validLayout();
    QJsonArray elements = root.value(u"elements"_s).toArray();
    QJsonObject e = elements.at(index).toObject();
    for (auto it = set.begin(); it != set.end(); ++it)
        e.insert(it.key(), it.value());
    for (const QString &key : remove)
        e.remove(key);
    elements.replace(index, e);
    root.insert(u"elements"_s, elements);
    return toJson(root);
}

QByteArray withRoot(const QString &key, const QJsonValue &value)
{
    QJsonObject root = validLayout();
    if (value.isUndefined())
        root.remove(key);
    else
        root.insert(key, value);
    return toJson(root);
}

QByteArray appendElement(const QJsonObject &element)
{
    QJsonObject root = validLayout();
    QJsonArray elements = root.value(u"elements"_s).toArray();
    elements.append(element);
    root.insert(u"elements"_s, elements);
    return toJson(root);
}

} // namespace

class TestBadgeLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validLayoutLoads()
    {
        const auto layout = BadgeLayout::fromJson(toJson(validLayout()));
        QVERIFY2(layout, why(layout));
        QCOMPARE(layout->name(), u"Test badge"_s);
        QCOMPARE(layout->pageSizeMm(), QSizeF(101.6, 76.2));
        QCOMPARE(layout->elements().size(), 6);
        const auto &hero = layout->elements().at(0);
        QCOMPARE(hero.type, BadgeElementType::Text);
        QCOMPARE(hero.binding, BadgeBinding::GivenName);
        QCOMPARE(hero.box, QRectF(6, 6, 60, 16));
        QVERIFY(hero.bold);
        QCOMPARE(hero.alignment, BadgeAlignment::Start);
        QCOMPARE(hero.colour.rgb, QColor(u"#102030"_s)); // the palette's "ink" is the default text colour
        QCOMPARE(layout->elements().at(3).ecc, QrErrorCorrection::Q);
        QVERIFY(layout->elements().at(4).colour.fromRole);
        QVERIFY(layout->sheet().isEmpty());
        QCOMPARE(layout->sheet().perPage(), 1);
    }

    void builtInLayoutsLoadAndValidate_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSizeF>("size");
        QTest::addColumn<int>("perPage");
        QTest::addColumn<QString>("media");
        QTest::newRow("policymaker-4x3in")
            << u"policymaker-4x3in"_s << QSizeF(101.6, 76.2) << 1 << u"oe_4x3-label_4x3in"_s;
        QTest::newRow("a6-portrait") << u"a6-portrait"_s << QSizeF(105, 148) << 1 << u"iso_a6_105x148mm"_s;
        QTest::newRow("a6-landscape") << u"a6-landscape"_s << QSizeF(148, 105) << 1 << u"iso_a6_105x148mm"_s;
        QTest::newRow("id1-card") << u"id1-card"_s << QSizeF(85.6, 53.98) << 1 << u"om_card_54x86mm"_s;
        QTest::newRow("label-62x100mm") << u"label-62x100mm"_s << QSizeF(62, 100) << 1 << u"custom_62x100mm_62x100mm"_s;
        QTest::newRow("label-4x6in") << u"label-4x6in"_s << QSizeF(101.6, 152.4) << 1 << u"oe_4x6-label_4x6in"_s;
        QTest::newRow("card-90x54") << u"card-90x54"_s << QSizeF(90, 54) << 1 << u"custom_54x90mm_54x90mm"_s;
        QTest::newRow("a4-sheet-8") << u"a4-sheet-8"_s << QSizeF(90, 54) << 8 << u"iso_a4_210x297mm"_s;
    }

    void builtInLayoutsLoadAndValidate()
    {
        QFETCH(QString, name);
        QFETCH(QSizeF, size);
        QFETCH(int, perPage);
        QFETCH(QString, media);
        QVERIFY(BadgeLayout::builtInNames().contains(name));
        const auto layout = BadgeLayout::builtIn(name);
        QVERIFY2(layout, why(layout));
        QCOMPARE(layout->pageSizeMm(), size);
        QCOMPARE(layout->sheet().perPage(), perPage);
        // The stock the layout is drawn for, as CUPS names it: sent with every badge job.
        QCOMPARE(layout->media(), media);

        // What the issue asks of every badge: the hero name, organisation, country, role band, event,
        // and a QR code at error correction M or better.
        QSet<BadgeBinding> bindings;
        int qrCodes = 0;
        bool roleBand = false;
        for (const auto &e : layout->elements()) {
            if (e.type == BadgeElementType::Text)
                bindings.insert(e.binding);
            if (e.type == BadgeElementType::Qr) {
                ++qrCodes;
                QVERIFY(e.ecc != QrErrorCorrection::L);
                QVERIFY2(e.box.width() >= 19, "the QR code is too small to scan from the kiosk");
            }
            if (e.type == BadgeElementType::Band && e.colour.fromRole)
                roleBand = true;
        }
        QCOMPARE(qrCodes, 1);
        QVERIFY(roleBand);
        for (const BadgeBinding b :
             {BadgeBinding::GivenName, BadgeBinding::DisplayName, BadgeBinding::LatinNameIfDifferent,
              BadgeBinding::Organisation, BadgeBinding::CountryName, BadgeBinding::RoleLabel, BadgeBinding::EventName,
              BadgeBinding::EventDates})
            QVERIFY2(bindings.contains(b), qPrintable(u"binding %1 missing"_s.arg(int(b))));
        QStringList roles;
        for (const auto &r : layout->roles())
            roles.append(r.key);
        QCOMPARE(roles, (QStringList{u"policymaker"_s, u"staff"_s, u"host"_s}));
        QCOMPARE(layout->role(u"policymaker"_s).label, u"Policymaker Program"_s);
    }

    void builtInFilesMatchTheSourceTree()
    {
        // The resources are the files staff can copy and edit: the same bytes.
        for (const QString &name : BadgeLayout::builtInNames()) {
            QFile resource(u":/checkin/layouts/%1.json"_s.arg(name));
            QFile source(QStringLiteral(CHECKIN_SOURCE_DIR) + u"/printing/layouts/%1.json"_s.arg(name));
            QVERIFY2(resource.open(QIODevice::ReadOnly), qPrintable(name));
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(name));
            QCOMPARE(resource.readAll(), source.readAll());
            const auto fromFile = BadgeLayout::load(source.fileName());
            QVERIFY2(fromFile, why(fromFile));
        }
    }

    void a4SheetExtendsTheCardAndCentresTheGrid()
    {
        const auto sheet = BadgeLayout::builtIn(u"a4-sheet-8"_s);
        const auto card = BadgeLayout::builtIn(u"card-90x54"_s);
        QVERIFY2(sheet && card, why(sheet).append(why(card)).constData());
        QCOMPARE(sheet->elements().size(), card->elements().size());
        QCOMPARE(sheet->sheet().paperMm, QSizeF(210, 297));
        QCOMPARE(sheet->sheet().columns, 2);
        QCOMPARE(sheet->sheet().rows, 4);
        QVERIFY(sheet->sheet().cropMarks);
        const QSizeF badge = sheet->pageSizeMm();
        const QPointF first = sheet->sheet().cellOrigin(0, badge);
        const QPointF last = sheet->sheet().cellOrigin(7, badge);
        QCOMPARE(first.x(), 210 - (last.x() + badge.width()));  // centred across
        QCOMPARE(first.y(), 297 - (last.y() + badge.height())); // and down
        QCOMPARE(sheet->sheet().cellOrigin(8, badge), first);   // the next page starts over
    }

    void rolesAreLookedUpCaseInsensitively()
    {
        const auto layout = BadgeLayout::fromJson(toJson(validLayout()));
        QVERIFY2(layout, why(layout));
        QCOMPARE(layout->role(u"Staff"_s).label, u"Staff"_s);
        QCOMPARE(layout->role(u"Staff"_s).colour, QColor(u"#A8322A"_s));
        // An unknown role keeps its name and takes the first role's colour.
        QCOMPARE(layout->role(u"speaker"_s).label, u"Speaker"_s);
        QCOMPARE(layout->role(u"speaker"_s).colour, QColor(u"#163A68"_s));
        QCOMPARE(layout->role(QString()).label, u"Policymaker Program"_s);
    }

    void badLayoutsAreRejectedNamingTheElement_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown key") << withElement(
            2, {{u"maxsize"_s,
                 12}}) << u"element 3 (text 'organisation'): unknown key \"maxsize\" (did you mean \"maxSize\"?)"_s;
        QTest::newRow("colour spelled color")
            << withElement(0, {{u"color"_s, u"ink"_s}})
            << u"element 1 (text 'given_name'): unknown key \"color\" (did you mean \"colour\"?)"_s;
        QTest::newRow("unknown top-level key")
            << withRoot(u"pages"_s, QJsonObject()) << u"layout: unknown key \"pages\""_s;
        QTest::newRow("missing field") << withElement(1, {}, {u"w"_s})
                                       << u"element 2 (text 'display_name'): missing \"w\""_s;
        QTest::newRow("missing page") << withRoot(u"page"_s, QJsonValue(QJsonValue::Undefined)) << u"page: missing"_s;
        QTest::newRow("media with spaces") << withRoot(u"media"_s, u"4 x 6 label"_s)
                                           << u"layout: \"media\" is \"4 x 6 label\": write one CUPS media name"_s;
        QTest::newRow("media not text") << withRoot(u"media"_s, 62) << u"layout: \"media\" must be a string"_s;
        QTest::newRow("size range inverted") << withElement(2, {{u"minSize"_s, 10}, {u"maxSize"_s, 8}})
                                             << u"element 3 (text 'organisation'): maxSize 8 is below minSize 10"_s;
        QTest::newRow("wrong type") << withElement(0, {{u"maxSize"_s, u"36"_s}})
                                    << u"element 1 (text 'given_name'): \"maxSize\" must be a number, not a string"_s;
        QTest::newRow("unknown binding")
            << withElement(0, {{u"bind"_s, u"first_name"_s}})
            << u"element 1 (text 'first_name'): \"bind\" is \"first_name\", must be one of given_name"_s;
        QTest::newRow("bind and text") << withElement(0, {{u"text"_s, u"Hello"_s}})
                                       << u"element 1 (text 'given_name'): give either \"bind\""_s;
        QTest::newRow("box outside page")
            << withElement(3, {{u"x"_s, 85}})
            << u"element 4 (qr): lies outside the 101.6 × 76.2 mm card (x 85–109 mm, y 30–54 mm)"_s;
        QTest::newRow("box in the margin") << withElement(3, {{u"x"_s, 76}})
                                           << u"element 4 (qr): comes closer than the 3 mm margin to the card's edge"_s;
        QTest::newRow("overlapping boxes")
            << withElement(3, {{u"x"_s, 60}}) << u"element 3 (text 'organisation'): overlaps element 4 (qr)"_s;
        QTest::newRow("straddles a band")
            << withElement(2, {{u"y"_s, 58}})
            << u"element 3 (text 'organisation'): straddles the edge of element 5 (band)"_s;
        {
            // The organisation's own box is clear of the QR code, but flowing up it could reach it.
            QJsonObject root = QJsonDocument::fromJson(withElement(3, {{u"y"_s, 10}})).object();
            QJsonArray elements = root.value(u"elements"_s).toArray();
            QJsonObject organisation = elements.at(2).toObject();
            organisation.insert(u"w"_s, 70);
            organisation.insert(u"flow"_s, true);
            elements.replace(2, organisation);
            root.insert(u"elements"_s, elements);
            QTest::newRow("flow into a taken area")
                << toJson(root) << u"element 3 (text 'organisation'): overlaps element 4 (qr) (x 6–76 mm, y 6–42 mm"_s;
        }
        QTest::newRow("box too short for its lines")
            << withElement(2, {{u"h"_s, 5}})
            << u"element 3 (text 'organisation'): box height 5 mm holds 1 line at minSize 8 pt; maxLines 2 needs 6.2 mm"_s;
        QTest::newRow("QR below ECC M") << withElement(3, {{u"ecc"_s, u"L"_s}})
                                        << u"element 4 (qr): \"ecc\" L is below the required M"_s;
        QTest::newRow("QR too small") << withElement(3, {{u"size"_s, 10}})
                                      << u"element 4 (qr): \"size\" 10 mm is too small to scan"_s;
        QTest::newRow("bad colour")
            << withElement(0, {{u"colour"_s, u"navy"_s}})
            << u"element 1 (text 'given_name'): \"colour\" is \"navy\": write \"#RRGGBB\", a palette colour (ink, white) or \"role\""_s;
        QTest::newRow("role colour without roles")
            << withRoot(u"roles"_s, QJsonValue(QJsonValue::Undefined))
            << u"element 5 (band): uses the guest's role, but the layout has no \"roles\" list"_s;
        QTest::newRow("unknown page size") << withRoot(u"page"_s, QJsonObject{{u"size"_s, u"B7"_s}})
                                           << u"page: \"size\" is \"B7\", must be one of 4x3in"_s;
        QTest::newRow("unknown element type") << appendElement(QJsonObject{{u"type"_s, u"barcode"_s}})
                                              << u"element 7: \"type\" is \"barcode\", must be one of text, qr"_s;
        QTest::newRow("sheet too small") << withRoot(
            u"sheet"_s, QJsonObject{{u"paper"_s, u"A4"_s}, {u"columns"_s, 2}, {u"rows"_s, 4}, {u"cropMarks"_s, true}})
                                         << u"sheet: 2 columns of 101.6 mm with 0 mm gutters need 203.2 mm, leaving "
                                            u"3.4 mm margins on the 210 mm paper; "
                                            "at least 8 mm are needed for crop marks"_s;
        QTest::newRow("diagonal line")
            << appendElement(
                   QJsonObject{{u"type"_s, u"line"_s}, {u"x1"_s, 70}, {u"y1"_s, 5}, {u"x2"_s, 90}, {u"y2"_s, 20}})
            << u"element 7 (line): lines must be horizontal (y1 = y2) or vertical (x1 = x2)"_s;
        QTest::newRow("json syntax") << QByteArray("{\n  \"name\": \"x\",\n  \"page\": {\"size\": \"4x3in\"\n}")
                                     << u"line 4, column"_s;
        QTest::newRow("not an object") << QByteArray("[1, 2]") << u"the layout must be a JSON object"_s;
        QTest::newRow("missing image") << appendElement(QJsonObject{{u"type"_s, u"image"_s},
                                                                    {u"src"_s, u"/nonexistent/logo.png"_s},
                                                                    {u"x"_s, 72},
                                                                    {u"y"_s, 5},
                                                                    {u"w"_s, 24},
                                                                    {u"h"_s, 10}})
                                       << u"element 7 (image): cannot read the image \"src\" /nonexistent/logo.png"_s;
    }

    void badLayoutsAreRejectedNamingTheElement()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto layout = BadgeLayout::fromJson(json);
        QVERIFY2(!layout, "an invalid layout was accepted");
        QVERIFY2(layout.error().contains(expected),
                 qPrintable(u"expected: %1\nbut got:\n%2"_s.arg(expected, layout.error())));
    }

    void everyProblemIsReportedAtOnce()
    {
        QJsonObject root = validLayout();
        QJsonArray elements = root.value(u"elements"_s).toArray();
        QJsonObject hero = elements.at(0).toObject();
        hero.insert(u"alignment"_s, u"center"_s);
        elements.replace(0, hero);
        QJsonObject organisation = elements.at(2).toObject();
        organisation.insert(u"maxSize"_s, 4.5);
        elements.replace(2, organisation);
        root.insert(u"elements"_s, elements);
        const auto layout = BadgeLayout::fromJson(toJson(root));
        QVERIFY(!layout);
        const QStringList problems = layout.error().split(u'\n');
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.at(0).startsWith(u"element 1 (text 'given_name'): unknown key \"alignment\""_s));
        QVERIFY(problems.at(1).startsWith(u"element 3 (text 'organisation'): maxSize 4.5 is below minSize 8"_s));
    }

    void allowOverlapPermitsADeliberateOverlap()
    {
        const QJsonObject watermark{{u"type"_s, u"text"_s}, {u"text"_s, u"VOID"_s}, {u"x"_s, 10},
                                    {u"y"_s, 10},           {u"w"_s, 50},           {u"h"_s, 20},
                                    {u"minSize"_s, 20},     {u"maxSize"_s, 40}};
        QVERIFY(!BadgeLayout::fromJson(appendElement(watermark)));
        QJsonObject allowed = watermark;
        allowed.insert(u"allowOverlap"_s, true);
        const auto layout = BadgeLayout::fromJson(appendElement(allowed));
        QVERIFY2(layout, why(layout));
    }

    void fileErrorsNameTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"broken.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(withElement(2, {{u"maxsize"_s, 12}}));
        file.close();
        const auto layout = BadgeLayout::load(path);
        QVERIFY(!layout);
        QVERIFY2(layout.error().startsWith(u"the badge layout %1 has a problem:\nelement 3"_s.arg(path)),
                 qPrintable(layout.error()));

        const auto missing = BadgeLayout::load(dir.filePath(u"missing.json"_s));
        QVERIFY(!missing);
        QVERIFY2(missing.error().startsWith(u"cannot read the layout file "_s), qPrintable(missing.error()));

        const auto unknown = BadgeLayout::builtIn(u"a7"_s);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(u"policymaker-4x3in"_s), qPrintable(unknown.error()));
    }

    void imagesAndExtendsResolveRelativeToTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"base"_s));
        QImage logo(400, 100, QImage::Format_ARGB32);
        logo.fill(QColor(22, 58, 104, 200));
        QVERIFY(logo.save(dir.filePath(u"base/logo.png"_s)));

        QJsonObject base = validLayout();
        QJsonArray elements = base.value(u"elements"_s).toArray();
        elements.append(QJsonObject{{u"type"_s, u"image"_s},
                                    {u"src"_s, u"logo.png"_s},
                                    {u"x"_s, 72},
                                    {u"y"_s, 6},
                                    {u"w"_s, 24},
                                    {u"h"_s, 12},
                                    {u"align"_s, u"end"_s}});
        base.insert(u"elements"_s, elements);
        QFile baseFile(dir.filePath(u"base/base.json"_s));
        QVERIFY(baseFile.open(QIODevice::WriteOnly));
        baseFile.write(toJson(base));
        baseFile.close();

        QFile childFile(dir.filePath(u"child.json"_s));
        QVERIFY(childFile.open(QIODevice::WriteOnly));
        childFile.write(toJson(QJsonObject{{u"extends"_s, u"base/base.json"_s},
                                           {u"name"_s, u"Child"_s},
                                           {u"palette"_s, QJsonObject{{u"ink"_s, u"#000000"_s}}}}));
        childFile.close();

        const auto layout = BadgeLayout::load(childFile.fileName());
        QVERIFY2(layout, why(layout));
        QCOMPARE(layout->name(), u"Child"_s);
        const auto &image = layout->elements().constLast();
        QCOMPARE(image.type, BadgeElementType::Image);
        QVERIFY(!image.image.isNull());
        QVERIFY(image.image.hasAlphaChannel());
        QCOMPARE(layout->elements().at(0).colour.rgb, QColor(0, 0, 0)); // palette merged, the child's "ink" wins
        // Downscaled to what 24 mm needs at 400 dpi.
        QVERIFY(image.image.width() <= 24 / 25.4 * 400 + 1);

        QFile loop(dir.filePath(u"loop.json"_s));
        QVERIFY(loop.open(QIODevice::WriteOnly));
        loop.write(toJson(QJsonObject{{u"extends"_s, u"loop.json"_s}}));
        loop.close();
        const auto looped = BadgeLayout::load(loop.fileName());
        QVERIFY(!looped);
        QVERIFY2(looped.error().contains(u"nests more than"_s), qPrintable(looped.error()));
    }

    void nominalHeightsMatchTheRenderer()
    {
        // One line at 10 pt: 0.76 + 0.24 em; two lines add 0.18 em between them.
        QCOMPARE(checkin::nominalTextHeightMm(10, 1), 10 * 25.4 / 72);
        QCOMPARE(checkin::nominalTextHeightMm(10, 2), 21.8 * 25.4 / 72);
    }
};

QTEST_GUILESS_MAIN(TestBadgeLayout)
#include "tst_badgelayout.moc"
