<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgendaPdf</name>
    <message>
        <source>Personal agenda</source>
        <translation>个人日程</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>IETF 政策制定者项目</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>您的会议</translation>
    </message>
    <message>
        <source>Your sessions today</source>
        <translation>您今天的会议</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>您的会议</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>第 %1 天</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Times are in %1 local time (%2)</source>
        <translation>所有时间均为 %1 当地时间（%2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>The programme has not been published yet</source>
        <translation>日程尚未发布</translation>
    </message>
    <message>
        <source>The Policymaker Program staff at the registration desk have the latest schedule.</source>
        <translation>请到注册台向政策制定者项目工作人员索取最新日程。</translation>
    </message>
    <message>
        <source>No sessions have been scheduled for you yet.</source>
        <translation>目前尚未为您安排任何会议。</translation>
    </message>
    <message>
        <source>No sessions this day</source>
        <translation>当天没有会议</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>情况介绍会</translation>
    </message>
    <message>
        <source>Roundtable</source>
        <translation>圆桌会议</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会谈</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>全体会议</translation>
    </message>
    <message>
        <source>Social event</source>
        <translation>社交活动</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>BoF (Birds of a Feather)</source>
        <translation>BoF（兴趣小组会议）</translation>
    </message>
    <message>
        <source>Research group</source>
        <translation>研究组</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>教程</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>茶歇</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>招待会</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>晚宴</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>黑客马拉松</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>主旨演讲</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Side meeting</source>
        <translation>边会</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>参观</translation>
    </message>
</context>
</TS>
