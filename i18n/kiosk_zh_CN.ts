<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Badge and agenda printers need attention</source>
        <translation>胸牌和日程打印机需要处理</translation>
    </message>
    <message>
        <source>Badge printer needs attention</source>
        <translation>胸牌打印机需要处理</translation>
    </message>
    <message>
        <source>Agenda printer needs attention</source>
        <translation>日程打印机需要处理</translation>
    </message>
    <message>
        <source>Scan your invitation</source>
        <translation>请扫描您的邀请函</translation>
    </message>
    <message>
        <source>Hold the QR code on your invitation letter or badge under the scanner.</source>
        <translation>请将邀请函或胸牌上的二维码置于扫描器下方。</translation>
    </message>
    <message>
        <source>Using the handheld scanner? Point it at the code and press the trigger.</source>
        <translation>使用手持扫描器？请将其对准二维码并按下扳机键。</translation>
    </message>
    <message>
        <source>Need help? Please see the staff desk.</source>
        <translation>需要帮助？请前往工作人员服务台。</translation>
    </message>
    <message>
        <source>This kiosk cannot check anyone in right now. Please see the staff desk.</source>
        <translation>本终端暂时无法办理签到。请前往工作人员服务台。</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name</source>
        <translation>未携带邀请函？请查找您的姓名</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation>未携带邀请函？请改为查找您的姓名</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>Policymaker Program</source>
        <translation>政策制定者项目</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>Invitation revoked</source>
        <translation>邀请函已撤销</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>已于 %1 到达</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未到达</translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation>按姓名、机构或国家搜索</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>搜索嘉宾</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>今日已到</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>尚未到达</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation>
            <numerusform>共 %n 位嘉宾</numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation>请在列表中选择一位嘉宾。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation>
            <numerusform>已出席 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation>邀请函已撤销</translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation>今日已于 %1 到达</translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation>今日未到达</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>重新打印胸牌</translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation>重新打印日程</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation>取消今日签到</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>撤销邀请函</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation>要取消 %1 今日的签到吗？之后对方可再次扫码。</translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation>要撤销 %1 的邀请函吗？此后其二维码将被拒绝。</translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation>取消：误扫</translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation>取消：非本人</translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation>确认撤销邀请函</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation>不做任何更改</translation>
    </message>
    <message>
        <source>Arrived today at %1 at kiosk %2</source>
        <translation>今日已于 %1 在终端 %2 到达</translation>
    </message>
    <message>
        <source>Checked in at kiosk %1: annul it there.</source>
        <translation>在终端 %1 签到：请在该终端取消。</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation>为 %1 签到</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>这是您吗？</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>查找您的姓名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation>取消并返回扫码</translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation>请输入您的姓或名，任何文字均可。工作人员将确认您的身份。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation>搜索您的姓名</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation>未找到任何人。请尝试少输入几个字，或前往工作人员服务台。</translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation>请让工作人员确认您的身份。</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>不是我</translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation>不是我，返回列表</translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation>工作人员：确认</translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation>工作人员：请使用您的 PIN 确认</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>IETF check-in</source>
        <translation>IETF 签到</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>欢迎回来</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>您已完成签到</translation>
    </message>
    <message>
        <source>This invitation is no longer valid</source>
        <translation>此邀请函已失效</translation>
    </message>
    <message>
        <source>This invitation is for another meeting</source>
        <translation>此邀请函适用于另一场会议</translation>
    </message>
    <message>
        <source>Check-in is not open today</source>
        <translation>今日不开放签到</translation>
    </message>
    <message>
        <source>We could not verify this invitation</source>
        <translation>无法验证此邀请函</translation>
    </message>
    <message>
        <source>We could not find this invitation</source>
        <translation>未找到此邀请函</translation>
    </message>
    <message>
        <source>This code is not an invitation</source>
        <translation>此二维码不是邀请函</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，出现了问题</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing…</source>
        <translation>正在打印您的胸牌和日程…</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>正在打印您的胸牌…</translation>
    </message>
    <message>
        <source>Your agenda is printing…</source>
        <translation>正在打印您的日程…</translation>
    </message>
    <message>
        <source>Your badge and agenda are ready at the printer.</source>
        <translation>您的胸牌和日程已打印完毕，请到打印机处领取。</translation>
    </message>
    <message>
        <source>Your badge is ready at the printer.</source>
        <translation>您的胸牌已打印完毕，请到打印机处领取。</translation>
    </message>
    <message>
        <source>Your agenda is ready at the printer.</source>
        <translation>您的日程已打印完毕，请到打印机处领取。</translation>
    </message>
    <message>
        <source>There is a problem with the printer. Staff have been alerted; please see the staff desk.</source>
        <translation>打印机出现问题。已通知工作人员，请前往工作人员服务台。</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing.</source>
        <translation>正在打印您的胸牌和日程。</translation>
    </message>
    <message>
        <source>Your badge was printed at your first check-in.</source>
        <translation>您的胸牌已在首次签到时打印。</translation>
    </message>
    <message>
        <source>Day %1 — your attendance is recorded.</source>
        <translation>第 %1 天——您的出席已记录。</translation>
    </message>
    <message>
        <source>You checked in today at %1.</source>
        <translation>您今天已于 %1 签到。</translation>
    </message>
    <message>
        <source>You checked in earlier today.</source>
        <translation>您今天早些时候已签到。</translation>
    </message>
    <message>
        <source>It has been withdrawn and cannot be used to check in.</source>
        <translation>该邀请函已被撤销，无法用于签到。</translation>
    </message>
    <message>
        <source>It was issued for IETF %1. This kiosk checks in guests of %2.</source>
        <translation>该邀请函适用于 IETF %1。本终端仅为 %2 的嘉宾办理签到。</translation>
    </message>
    <message>
        <source>This kiosk checks in guests of %1.</source>
        <translation>本终端仅为 %1 的嘉宾办理签到。</translation>
    </message>
    <message>
        <source>The Policymaker Program runs %1.</source>
        <translation>政策制定者项目的日期：%1。</translation>
    </message>
    <message>
        <source>The code may be damaged or altered.</source>
        <translation>二维码可能已损坏或被篡改。</translation>
    </message>
    <message>
        <source>It is not on this kiosk&apos;s guest list.</source>
        <translation>该邀请函不在本终端的嘉宾名单中。</translation>
    </message>
    <message>
        <source>It may be a different QR code, or it was not read completely.</source>
        <translation>这可能是其他二维码，或未能完整读取。</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded.</source>
        <translation>无法记录您的签到。</translation>
    </message>
    <message>
        <source>Please collect it from the printer.</source>
        <translation>请到打印机处领取。</translation>
    </message>
    <message>
        <source>Please collect them from the printer.</source>
        <translation>请到打印机处领取。</translation>
    </message>
    <message>
        <source>If you need a new one, please see the staff desk.</source>
        <translation>如需补打胸牌，请前往工作人员服务台。</translation>
    </message>
    <message>
        <source>Enjoy the day.</source>
        <translation>祝您今天愉快。</translation>
    </message>
    <message>
        <source>There is no need to scan again.</source>
        <translation>无需再次扫描。</translation>
    </message>
    <message>
        <source>Please scan the QR code on your invitation letter or badge.</source>
        <translation>请扫描邀请函或胸牌上的二维码。</translation>
    </message>
    <message>
        <source>Please see the staff desk. We will help you straight away.</source>
        <translation>请前往工作人员服务台，我们将立即为您提供帮助。</translation>
    </message>
    <message>
        <source>For staff: %1</source>
        <translation>供工作人员参考：%1</translation>
    </message>
    <message>
        <source>Your badge and agenda are being prepared…</source>
        <translation>正在准备您的胸牌和日程…</translation>
    </message>
    <message>
        <source>Your badge is being prepared…</source>
        <translation>正在准备您的胸牌…</translation>
    </message>
    <message>
        <source>Your agenda is being prepared…</source>
        <translation>正在准备您的日程…</translation>
    </message>
    <message>
        <source>Your badge and agenda have been prepared.</source>
        <translation>您的胸牌和日程已准备好。</translation>
    </message>
    <message>
        <source>Your badge has been prepared.</source>
        <translation>您的胸牌已准备好。</translation>
    </message>
    <message>
        <source>Your agenda has been prepared.</source>
        <translation>您的日程已准备好。</translation>
    </message>
    <message>
        <source>Staff will hand it to you.</source>
        <translation>工作人员会将其交给您。</translation>
    </message>
    <message>
        <source>Staff will hand them to you.</source>
        <translation>工作人员会将它们交给您。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>工作人员 PIN</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>已输入 %n 位数字</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>清除所有数字</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>删除最后一位数字</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Staff confirmation</source>
        <translation>工作人员确认</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation>%1（补打）</translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation>打印机已就绪。</translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation>等待 %1 · 已打印 %2 · 失败 %3</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>尚未打印任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>尝试 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>This kiosk does not print: badges and agendas wait in the queue for a print station.</source>
        <translation>本终端不打印：胸卡和日程在队列中等待打印站处理。</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation>出席报告列出每位嘉宾和每个项目日的到达时间、每日合计，以及供项目赞助方签字的签名栏。报告将保存为 CSV 文件和 PDF 文件。</translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation>将报告保存到 %1</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>重新检测 U 盘</translation>
    </message>
</context>
<context>
    <name>StaffHome</name>
    <message>
        <source>Staff mode</source>
        <translation>工作人员模式</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>%1 · day %2</source>
        <translation>%1 · 第 %2 天</translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation>锁定工作人员模式</translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation>工作人员面板栏目</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation>打印（需要处理）</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation>今日已到</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation>今日无项目安排</translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation>今日已到 %1 人，应到 %2 人</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation>
            <numerusform>已邀请 %n 位嘉宾</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation>
            <numerusform>已撤销 %n 份邀请函</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>每日出席情况</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>项目日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>到场率</translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation>第 %1 天（%2）：%4 人中已到 %3 人</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Venue database: online, last sync %1.</source>
        <translation>会场数据库：在线，上次同步 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n 条记录等待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.</source>
        <translation>无法连接会场数据库：%1。本终端继续签到，连接恢复后将发送数据。</translation>
    </message>
    <message>
        <source>Printed twice (two kiosks were offline): %1</source>
        <translation>重复打印（两台终端曾离线）：%1</translation>
    </message>
    <message>
        <source>Every kiosk at the venue (venue database).</source>
        <translation>会场所有终端（会场数据库）。</translation>
    </message>
    <message>
        <source>This kiosk&apos;s check-ins only: the venue database could not be read (%1).</source>
        <translation>仅本终端的签到：无法读取会场数据库（%1）。</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <source>Checking your invitation…</source>
        <translation>正在核验您的邀请函…</translation>
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
        <translation>日程</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>胸牌</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (the CUPS default printer)</source>
        <translation>CUPS 打印机“%1”（CUPS 默认打印机）</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (set for this kiosk)</source>
        <translation>CUPS 打印机“%1”（为本终端设置）</translation>
    </message>
    <message>
        <source>no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d QUEUE) or use checkinctl printers.</source>
        <translation>无打印机：保存为 PDF 文件，位于 %1。如需打印，请设置 CUPS 默认打印机（lpadmin -d QUEUE）或使用 checkinctl printers。</translation>
    </message>
    <message>
        <source>saved as PDF files in %1 (set for this kiosk)</source>
        <translation>保存为 PDF 文件，位于 %1（为本终端设置）</translation>
    </message>
    <message>
        <source>not printed on this kiosk</source>
        <translation>本终端不打印</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>checkin::KioskStaff</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before staff mode locks for a while.</source>
        <translation>
            <numerusform>PIN 错误。再错 %n 次，工作人员模式将暂时锁定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Staff mode is locked until %1.</source>
        <translation>错误 PIN 次数过多。工作人员模式已锁定，直至 %1。</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.</source>
        <translation>本终端尚未设置工作人员模式：请先运行“checkinctl staff-pin set”。</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>无法核验 PIN：%1</translation>
    </message>
</context>
<context>
    <name>checkin::StaffDashboard</name>
    <message>
        <source>The guest list could not be read: %1</source>
        <translation>无法读取嘉宾名单：%1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>操作未成功：%1</translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation>已将 %1 的新胸牌加入打印队列。</translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation>已将 %1 的新日程加入打印队列。</translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation>已取消 %1 今日的签到。对方可以再次扫码。</translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation>%1 的邀请函已撤销：本终端今后将拒绝该邀请函。</translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation>报告已保存到 %1：%2</translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation>本终端（%1）</translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation>U 盘 %1（可用 %2）</translation>
    </message>
</context>
</TS>
