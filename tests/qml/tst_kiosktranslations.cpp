// The kiosk's translations (i18n/kiosk_*.ts): every message in every language is translated and marked finished,
// the compiled .qm files are in resources, and the languages the picker offers are the ones shipped.
#include "kiosk/app/kiosklanguages.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace checkin;

class tst_KioskTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageIsTranslatedAndFinished_data();
    void everyMessageIsTranslatedAndFinished();
    void everyLanguageButEnglishShipsATranslation();
    void translationsAreLookedUpByContext();
    void languageListNamesEachLanguageInItself();
    void languageCodesAreNormalized_data();
    void languageCodesAreNormalized();
};

void tst_KioskTranslations::everyMessageIsTranslatedAndFinished_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(KIOSK_I18N_DIR));
    const QStringList files = dir.entryList({u"kiosk_*.ts"_s}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 5); // fr es ar zh_CN ru; English is the source language
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

// "No string in the UI is left untranslated": no unfinished, empty or vanished message in any .ts file.
void tst_KioskTranslations::everyMessageIsTranslatedAndFinished()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            if (type == u"obsolete" || type == u"vanished")
                continue; // not shown anywhere
            if (!type.isEmpty())
                problems << u"%1 \"%2\": %3"_s.arg(context, source, type);
            // Plural messages hold one numerusform per plural form; each must be filled.
            QStringList texts;
            QString direct;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters() && !xml.isWhitespace())
                    direct += xml.text();
                if (xml.isStartElement() && xml.name() == u"numerusform")
                    texts << xml.readElementText();
            }
            if (texts.isEmpty())
                texts << direct;
            for (const QString &text : std::as_const(texts)) {
                if (text.trimmed().isEmpty())
                    problems << u"%1 \"%2\": empty"_s.arg(context, source);
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 40);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_KioskTranslations::everyLanguageButEnglishShipsATranslation()
{
    for (const QString &code : kiosklanguages::codes()) {
        const QString file = kiosklanguages::translationFile(code);
        if (code == u"en") {
            QVERIFY(file.isEmpty());
            continue;
        }
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QTranslator translator;
        QVERIFY2(translator.load(file), qPrintable(file));
        QVERIFY(!translator.isEmpty());
    }
}

void tst_KioskTranslations::translationsAreLookedUpByContext()
{
    QTranslator french;
    QVERIFY(french.load(kiosklanguages::translationFile(u"fr"_s)));
    QCOMPARE(french.translate("AttractScreen", "Scan your invitation"), u"Scannez votre invitation"_s);
    QTranslator russian;
    QVERIFY(russian.load(kiosklanguages::translationFile(u"ru"_s)));
    QCOMPARE(russian.translate("OutcomeScreen", "Welcome"), u"Добро пожаловать"_s);
    QTranslator chinese;
    QVERIFY(chinese.load(kiosklanguages::translationFile(u"zh"_s)));
    QCOMPARE(chinese.translate("WorkingScreen", "Checking your invitation…"), u"正在核验您的邀请函…"_s);
}

void tst_KioskTranslations::languageListNamesEachLanguageInItself()
{
    LanguageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.data(model.index(row), LanguageListModel::NativeNameRole).toString();
    QCOMPARE(names, (QStringList{u"English"_s, u"Français"_s, u"Español"_s, u"العربية"_s, u"中文"_s, u"Русский"_s}));
    QCOMPARE(model.roleNames().value(LanguageListModel::CodeRole), "code");
}

void tst_KioskTranslations::languageCodesAreNormalized_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fr") << u"fr"_s << u"fr"_s;
    QTest::newRow("upper case") << u"RU"_s << u"ru"_s;
    QTest::newRow("region") << u"zh-CN"_s << u"zh"_s;
    QTest::newRow("script") << u"zh_Hans"_s << u"zh"_s;
    QTest::newRow("spaces") << u" ar "_s << u"ar"_s;
    QTest::newRow("unknown") << u"de"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void tst_KioskTranslations::languageCodesAreNormalized()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QCOMPARE(kiosklanguages::normalized(code), expected);
}

QTEST_GUILESS_MAIN(tst_KioskTranslations)

#include "tst_kiosktranslations.moc"
