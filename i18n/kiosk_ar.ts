<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Badge and agenda printers need attention</source>
        <translation>طابعتا الشارات وجداول الأعمال تحتاجان إلى تدخّل</translation>
    </message>
    <message>
        <source>Badge printer needs attention</source>
        <translation>طابعة الشارات تحتاج إلى تدخّل</translation>
    </message>
    <message>
        <source>Agenda printer needs attention</source>
        <translation>طابعة جداول الأعمال تحتاج إلى تدخّل</translation>
    </message>
    <message>
        <source>Scan your invitation</source>
        <translation>يُرجى مسح دعوتكم ضوئيًا</translation>
    </message>
    <message>
        <source>Hold the QR code on your invitation letter or badge under the scanner.</source>
        <translation>يُرجى وضع رمز QR الموجود على خطاب الدعوة أو الشارة أسفل الماسح الضوئي.</translation>
    </message>
    <message>
        <source>Using the handheld scanner? Point it at the code and press the trigger.</source>
        <translation>هل تستخدمون الماسح اليدوي؟ وجّهوه نحو الرمز واضغطوا على الزر.</translation>
    </message>
    <message>
        <source>Need help? Please see the staff desk.</source>
        <translation>هل تحتاجون إلى مساعدة؟ يُرجى التوجّه إلى مكتب الموظفين.</translation>
    </message>
    <message>
        <source>This kiosk cannot check anyone in right now. Please see the staff desk.</source>
        <translation>لا يمكن لهذا الجهاز تسجيل الحضور حاليًا. يُرجى التوجّه إلى مكتب الموظفين.</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>الجهاز %1</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name</source>
        <translation>ألا تحملون دعوتكم؟ ابحثوا عن اسمكم</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation>ألا تحملون دعوتكم؟ ابحثوا عن اسمكم بدلًا من ذلك</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>Policymaker Program</source>
        <translation>برنامج صانعي السياسات</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>Invitation revoked</source>
        <translation>سُحبت الدعوة</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>الوصول: %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>ليس بعد</translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation>البحث بالاسم أو الجهة أو البلد</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>البحث عن الضيوف</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>وصلوا اليوم</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>لم يصلوا بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation>
            <numerusform>لا يوجد ضيوف في القائمة</numerusform>
            <numerusform>ضيف واحد في القائمة</numerusform>
            <numerusform>ضيفان في القائمة</numerusform>
            <numerusform>%n ضيوف في القائمة</numerusform>
            <numerusform>%n ضيفًا في القائمة</numerusform>
            <numerusform>%n ضيف في القائمة</numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>الضيوف</translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation>اختاروا ضيفًا من القائمة.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation>
            <numerusform>لا توجد أيام حضور</numerusform>
            <numerusform>يوم حضور واحد</numerusform>
            <numerusform>يوما حضور</numerusform>
            <numerusform>%n أيام حضور</numerusform>
            <numerusform>%n يومًا من الحضور</numerusform>
            <numerusform>%n يوم حضور</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation>سُحبت الدعوة</translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation>الوصول اليوم الساعة %1</translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation>لم يُسجَّل وصول اليوم</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>إعادة طباعة الشارة</translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation>إعادة طباعة جدول الأعمال</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation>إلغاء تسجيل حضور اليوم</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>سحب الدعوة</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation>هل تريدون إلغاء تسجيل حضور %1 اليوم؟ سيتمكن الضيف من المسح مرة أخرى بعد ذلك.</translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation>هل تريدون سحب دعوة %1؟ سيُرفض رمز QR الخاص بها من الآن فصاعدًا.</translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation>إلغاء: مسح عن طريق الخطأ</translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation>إلغاء: شخص آخر</translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation>سحب الدعوة</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>إبقاء كما هي</translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation>عدم تغيير أي شيء</translation>
    </message>
    <message>
        <source>Arrived today at %1 at kiosk %2</source>
        <translation>الوصول اليوم الساعة %1 عند الجهاز %2</translation>
    </message>
    <message>
        <source>Checked in at kiosk %1: annul it there.</source>
        <translation>سُجّل الحضور عند الجهاز %1: ألغِه من هناك.</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation>تسجيل حضور %1</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>هل هذا اسمكم؟</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>ابحثوا عن اسمكم</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation>الإلغاء والعودة إلى المسح الضوئي</translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation>اكتبوا اسم العائلة أو الاسم الأول بأي أبجدية. سيؤكد أحد الموظفين هويتكم.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمكم</translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation>البحث عن اسمكم</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation>لم يتم العثور على أحد. جرّبوا كتابة أحرف أقل، أو يُرجى التوجّه إلى مكتب الموظفين.</translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation>يُرجى أن تطلبوا من أحد الموظفين تأكيد هويتكم.</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>لست أنا</translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation>لست أنا، العودة إلى القائمة</translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation>الموظف: تأكيد</translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation>للموظف: التأكيد برقم التعريف الشخصي</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>IETF check-in</source>
        <translation>تسجيل الحضور في IETF</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>أهلًا وسهلًا</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>أهلًا بعودتكم</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>تم تسجيل حضوركم مسبقًا</translation>
    </message>
    <message>
        <source>This invitation is no longer valid</source>
        <translation>هذه الدعوة لم تعد صالحة</translation>
    </message>
    <message>
        <source>This invitation is for another meeting</source>
        <translation>هذه الدعوة مخصّصة لاجتماع آخر</translation>
    </message>
    <message>
        <source>Check-in is not open today</source>
        <translation>تسجيل الحضور غير متاح اليوم</translation>
    </message>
    <message>
        <source>We could not verify this invitation</source>
        <translation>تعذّر علينا التحقق من هذه الدعوة</translation>
    </message>
    <message>
        <source>We could not find this invitation</source>
        <translation>تعذّر علينا العثور على هذه الدعوة</translation>
    </message>
    <message>
        <source>This code is not an invitation</source>
        <translation>هذا الرمز ليس دعوة</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>نعتذر، حدث خطأ ما</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing…</source>
        <translation>تجري طباعة شارتكم وجدول أعمالكم…</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>تجري طباعة شارتكم…</translation>
    </message>
    <message>
        <source>Your agenda is printing…</source>
        <translation>تجري طباعة جدول أعمالكم…</translation>
    </message>
    <message>
        <source>Your badge and agenda are ready at the printer.</source>
        <translation>شارتكم وجدول أعمالكم جاهزان عند الطابعة.</translation>
    </message>
    <message>
        <source>Your badge is ready at the printer.</source>
        <translation>شارتكم جاهزة عند الطابعة.</translation>
    </message>
    <message>
        <source>Your agenda is ready at the printer.</source>
        <translation>جدول أعمالكم جاهز عند الطابعة.</translation>
    </message>
    <message>
        <source>There is a problem with the printer. Staff have been alerted; please see the staff desk.</source>
        <translation>توجد مشكلة في الطابعة. تم إبلاغ الموظفين؛ يُرجى التوجّه إلى مكتب الموظفين.</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing.</source>
        <translation>تجري طباعة شارتكم وجدول أعمالكم.</translation>
    </message>
    <message>
        <source>Your badge was printed at your first check-in.</source>
        <translation>طُبعت شارتكم عند تسجيل حضوركم الأول.</translation>
    </message>
    <message>
        <source>Day %1 — your attendance is recorded.</source>
        <translation>اليوم %1 — تم تسجيل حضوركم.</translation>
    </message>
    <message>
        <source>You checked in today at %1.</source>
        <translation>سجّلتم حضوركم اليوم في الساعة %1.</translation>
    </message>
    <message>
        <source>You checked in earlier today.</source>
        <translation>سجّلتم حضوركم في وقت سابق اليوم.</translation>
    </message>
    <message>
        <source>It has been withdrawn and cannot be used to check in.</source>
        <translation>لقد أُلغيت ولا يمكن استخدامها لتسجيل الحضور.</translation>
    </message>
    <message>
        <source>It was issued for IETF %1. This kiosk checks in guests of %2.</source>
        <translation>صدرت هذه الدعوة لاجتماع IETF %1. يسجّل هذا الجهاز حضور ضيوف %2.</translation>
    </message>
    <message>
        <source>This kiosk checks in guests of %1.</source>
        <translation>يسجّل هذا الجهاز حضور ضيوف %1.</translation>
    </message>
    <message>
        <source>The Policymaker Program runs %1.</source>
        <translation>مواعيد برنامج صانعي السياسات: %1.</translation>
    </message>
    <message>
        <source>The code may be damaged or altered.</source>
        <translation>ربما يكون الرمز تالفًا أو معدّلًا.</translation>
    </message>
    <message>
        <source>It is not on this kiosk&apos;s guest list.</source>
        <translation>إنها غير مدرجة في قائمة ضيوف هذا الجهاز.</translation>
    </message>
    <message>
        <source>It may be a different QR code, or it was not read completely.</source>
        <translation>ربما يكون رمز QR مختلفًا، أو لم تتم قراءته بالكامل.</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded.</source>
        <translation>تعذّر تسجيل حضوركم.</translation>
    </message>
    <message>
        <source>Please collect it from the printer.</source>
        <translation>يُرجى الاستلام من الطابعة.</translation>
    </message>
    <message>
        <source>Please collect them from the printer.</source>
        <translation>يُرجى استلامهما من الطابعة.</translation>
    </message>
    <message>
        <source>If you need a new one, please see the staff desk.</source>
        <translation>إذا احتجتم إلى شارة جديدة، يُرجى التوجّه إلى مكتب الموظفين.</translation>
    </message>
    <message>
        <source>Enjoy the day.</source>
        <translation>نتمنى لكم يومًا طيبًا.</translation>
    </message>
    <message>
        <source>There is no need to scan again.</source>
        <translation>لا حاجة إلى المسح مرة أخرى.</translation>
    </message>
    <message>
        <source>Please scan the QR code on your invitation letter or badge.</source>
        <translation>يُرجى مسح رمز QR الموجود على خطاب الدعوة أو الشارة.</translation>
    </message>
    <message>
        <source>Please see the staff desk. We will help you straight away.</source>
        <translation>يُرجى التوجّه إلى مكتب الموظفين، وسنساعدكم على الفور.</translation>
    </message>
    <message>
        <source>For staff: %1</source>
        <translation>للموظفين: %1</translation>
    </message>
    <message>
        <source>Your badge and agenda are being prepared…</source>
        <translation>يجري تجهيز شارتكم وجدول أعمالكم…</translation>
    </message>
    <message>
        <source>Your badge is being prepared…</source>
        <translation>يجري تجهيز شارتكم…</translation>
    </message>
    <message>
        <source>Your agenda is being prepared…</source>
        <translation>يجري تجهيز جدول أعمالكم…</translation>
    </message>
    <message>
        <source>Your badge and agenda have been prepared.</source>
        <translation>تم تجهيز شارتكم وجدول أعمالكم.</translation>
    </message>
    <message>
        <source>Your badge has been prepared.</source>
        <translation>تم تجهيز شارتكم.</translation>
    </message>
    <message>
        <source>Your agenda has been prepared.</source>
        <translation>تم تجهيز جدول أعمالكم.</translation>
    </message>
    <message>
        <source>Staff will hand it to you.</source>
        <translation>سيسلّمكم أحد أعضاء الفريق المستند.</translation>
    </message>
    <message>
        <source>Staff will hand them to you.</source>
        <translation>سيسلّمكم أحد أعضاء الفريق مستنداتكم.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>رقم التعريف الشخصي للموظفين</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>لم يُدخل أي رقم</numerusform>
            <numerusform>تم إدخال رقم واحد</numerusform>
            <numerusform>تم إدخال رقمين</numerusform>
            <numerusform>تم إدخال %n أرقام</numerusform>
            <numerusform>تم إدخال %n رقمًا</numerusform>
            <numerusform>تم إدخال %n رقم</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ التحقق…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>مسح جميع الأرقام</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>حذف الرقم الأخير</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح القفل</translation>
    </message>
    <message>
        <source>Staff confirmation</source>
        <translation>تأكيد الموظف</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>تأكيد</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>جارٍ الطباعة</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>تمت الطباعة</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشلت الطباعة</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>شارة</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>جدول أعمال</translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation>%1 (إعادة طباعة)</translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation>الطابعات جاهزة.</translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation>في الانتظار: %1 · مطبوعة: %2 · فاشلة: %3</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>قائمة انتظار الطباعة</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>لم تتم طباعة أي شيء بعد.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>لا محاولات</numerusform>
            <numerusform>محاولة واحدة</numerusform>
            <numerusform>محاولتان</numerusform>
            <numerusform>%n محاولات</numerusform>
            <numerusform>%n محاولة</numerusform>
            <numerusform>%n محاولة</numerusform>
        </translation>
    </message>
    <message>
        <source>This kiosk does not print: badges and agendas wait in the queue for a print station.</source>
        <translation>هذا الجهاز لا يطبع: تنتظر الشارات وجداول الأعمال في قائمة الانتظار لمحطة طباعة.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation>يتضمن تقرير الحضور جميع الضيوف وأيام البرنامج مع أوقات الوصول والمجاميع اليومية وسطرًا لتوقيع رعاة البرنامج. ويُحفظ في ملف CSV وملف PDF.</translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation>حفظه في:</translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation>حفظ التقرير في %1</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>البحث عن وحدات USB مجددًا</translation>
    </message>
</context>
<context>
    <name>StaffHome</name>
    <message>
        <source>Staff mode</source>
        <translation>وضع الموظفين</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>%1 · day %2</source>
        <translation>%1 · اليوم %2</translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation>قفل وضع الموظفين</translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation>أقسام لوحة الموظفين</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>الضيوف</translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation>الطباعة (تحتاج إلى تدخّل)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>الطباعة</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>جارٍ التنفيذ…</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation>الواصلون اليوم</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation>لا يوجد برنامج اليوم</translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation>الواصلون اليوم: %1 من أصل %2 متوقَّعين</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation>
            <numerusform>لا يوجد ضيوف مدعوون</numerusform>
            <numerusform>ضيف مدعو واحد</numerusform>
            <numerusform>ضيفان مدعوان</numerusform>
            <numerusform>%n ضيوف مدعوين</numerusform>
            <numerusform>%n ضيفًا مدعوًا</numerusform>
            <numerusform>%n ضيف مدعو</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation>
            <numerusform>لا توجد دعوات مسحوبة</numerusform>
            <numerusform>دعوة واحدة مسحوبة</numerusform>
            <numerusform>دعوتان مسحوبتان</numerusform>
            <numerusform>%n دعوات مسحوبة</numerusform>
            <numerusform>%n دعوة مسحوبة</numerusform>
            <numerusform>%n دعوة مسحوبة</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>تعذّرت قراءة الأرقام: %1</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>الحضور حسب اليوم</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>المتوقَّع</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>الواصلون</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation>اليوم %1، %2: وصل %3 من أصل %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Venue database: online, last sync %1.</source>
        <translation>قاعدة بيانات المكان: متصلة، آخر مزامنة %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>لا توجد سجلات بانتظار الإرسال.</numerusform>
            <numerusform>سجل واحد بانتظار الإرسال.</numerusform>
            <numerusform>سجلان بانتظار الإرسال.</numerusform>
            <numerusform>%n سجلات بانتظار الإرسال.</numerusform>
            <numerusform>%n سجلًا بانتظار الإرسال.</numerusform>
            <numerusform>%n سجل بانتظار الإرسال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.</source>
        <translation>تعذّر الوصول إلى قاعدة بيانات المكان: %1. يستمر تسجيل الحضور على هذا الجهاز وسيُرسَل عند عودتها.</translation>
    </message>
    <message>
        <source>Printed twice (two kiosks were offline): %1</source>
        <translation>طُبعت مرتين (كان جهازان غير متصلين): %1</translation>
    </message>
    <message>
        <source>Every kiosk at the venue (venue database).</source>
        <translation>جميع أجهزة المكان (قاعدة بيانات المكان).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s check-ins only: the venue database could not be read (%1).</source>
        <translation>تسجيلات هذا الجهاز فقط: تعذّرت قراءة قاعدة بيانات المكان (%1).</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <source>Checking your invitation…</source>
        <translation>جارٍ التحقق من دعوتكم…</translation>
    </message>
</context>
<context>
    <name>checkin::KioskController</name>
    <message>
        <source>%1 · %2</source>
        <comment>event name · city</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Agendas</source>
        <translation>جداول الأعمال</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>الشارات</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (the CUPS default printer)</source>
        <translation>طابعة CUPS ‏«%1» (طابعة CUPS الافتراضية)</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (set for this kiosk)</source>
        <translation>طابعة CUPS ‏«%1» (مُعدّة لهذا الجهاز)</translation>
    </message>
    <message>
        <source>no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d QUEUE) or use checkinctl printers.</source>
        <translation>لا توجد طابعة: تُحفظ ملفات PDF في %1. للطباعة، عيّنوا طابعة CUPS افتراضية (lpadmin -d QUEUE) أو استخدموا checkinctl printers.</translation>
    </message>
    <message>
        <source>saved as PDF files in %1 (set for this kiosk)</source>
        <translation>تُحفظ ملفات PDF في %1 (مُعدّ لهذا الجهاز)</translation>
    </message>
    <message>
        <source>not printed on this kiosk</source>
        <translation>لا تُطبع على هذا الجهاز</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>checkin::KioskStaff</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before staff mode locks for a while.</source>
        <translation>
            <numerusform>رقم تعريف خاطئ. لا توجد محاولات متبقية قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
            <numerusform>رقم تعريف خاطئ. تبقّت محاولة واحدة قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
            <numerusform>رقم تعريف خاطئ. تبقّت محاولتان قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
            <numerusform>رقم تعريف خاطئ. تبقّت %n محاولات قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
            <numerusform>رقم تعريف خاطئ. تبقّت %n محاولة قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
            <numerusform>رقم تعريف خاطئ. تبقّت %n محاولة قبل قفل وضع الموظفين لبعض الوقت.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Staff mode is locked until %1.</source>
        <translation>عدد كبير جدًا من أرقام التعريف الخاطئة. وضع الموظفين مقفل حتى %1.</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.</source>
        <translation>وضع الموظفين غير مُعدّ على هذا الجهاز: شغّلوا أولًا الأمر “checkinctl staff-pin set”.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>تعذّر التحقق من رقم التعريف الشخصي: %1</translation>
    </message>
</context>
<context>
    <name>checkin::StaffDashboard</name>
    <message>
        <source>The guest list could not be read: %1</source>
        <translation>تعذّرت قراءة قائمة الضيوف: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>تعذّر تنفيذ ذلك: %1</translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation>أُضيفت شارة جديدة باسم %1 إلى قائمة انتظار الطباعة.</translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation>أُضيف جدول أعمال جديد باسم %1 إلى قائمة انتظار الطباعة.</translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation>أُلغي تسجيل حضور %1 اليوم. يمكن للضيف المسح مرة أخرى.</translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation>سُحبت دعوة %1: سيرفضها هذا الجهاز من الآن فصاعدًا.</translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation>حُفظ التقرير في %1: %2</translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation>هذا الجهاز (%1)</translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation>وحدة USB %1 (المساحة المتاحة: %2)</translation>
    </message>
</context>
</TS>
