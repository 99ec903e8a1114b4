<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgendaPdf</name>
    <message>
        <source>Personal agenda</source>
        <translation>البرنامج الشخصي</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>برنامج IETF لصانعي السياسات</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>جلساتك</translation>
    </message>
    <message>
        <source>Your sessions today</source>
        <translation>جلساتك اليوم</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>جلستك</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>اليوم %1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (تابع)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
    <message>
        <source>Times are in %1 local time (%2)</source>
        <translation>جميع الأوقات بالتوقيت المحلي في %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>الجلسة</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>القاعة</translation>
    </message>
    <message>
        <source>The programme has not been published yet</source>
        <translation>لم يُنشر البرنامج بعد</translation>
    </message>
    <message>
        <source>The Policymaker Program staff at the registration desk have the latest schedule.</source>
        <translation>يمكنكم الحصول على أحدث جدول من فريق برنامج صانعي السياسات في مكتب التسجيل.</translation>
    </message>
    <message>
        <source>No sessions have been scheduled for you yet.</source>
        <translation>لم تُحدَّد لك أي جلسات بعد.</translation>
    </message>
    <message>
        <source>No sessions this day</source>
        <translation>لا توجد جلسات في هذا اليوم</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>إحاطة</translation>
    </message>
    <message>
        <source>Roundtable</source>
        <translation>مائدة مستديرة</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>اجتماع</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>جلسة عامة</translation>
    </message>
    <message>
        <source>Social event</source>
        <translation>فعالية اجتماعية</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>فريق عمل</translation>
    </message>
    <message>
        <source>BoF (Birds of a Feather)</source>
        <translation>BoF (اجتماع استكشافي)</translation>
    </message>
    <message>
        <source>Research group</source>
        <translation>فريق بحث</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>درس تعليمي</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>غداء</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>حفل استقبال</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>عشاء</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>هاكاثون</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>كلمة رئيسية</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>ورشة عمل</translation>
    </message>
    <message>
        <source>Side meeting</source>
        <translation>اجتماع جانبي</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>زيارة</translation>
    </message>
</context>
</TS>
