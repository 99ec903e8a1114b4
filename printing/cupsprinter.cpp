#include "printing/cupsprinter.h"

#include <QDir>
#include <QList>
#include <QLoggingCategory>
#include <QStringList>
#include <QTemporaryFile>

#include <cups/cups.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCups, "checkin.printing.cups")

namespace checkin {

namespace {

struct IppDelete
{
    void operator()(ipp_t *ipp) const { ippDelete(ipp); }
};
using IppPtr = std::unique_ptr<ipp_t, IppDelete>;

struct HttpClose
{
    void operator()(http_t *http) const { httpClose(http); }
};
using HttpPtr = std::unique_ptr<http_t, HttpClose>;

struct Server
{
    QByteArray host; // host name, address or socket path
    int port = 0;
    QString display;
};

Server parseServer(const QString &text)
{
    Server s;
    QString value = text.trimmed();
    if (value.isEmpty())
        value = QString::fromUtf8(cupsServer());
    if (value.startsWith(u'/')) {
        s.host = value.toUtf8();
        s.port = ippPort();
        s.display = value;
        return s;
    }
    QString host = value;
    int port = ippPort();
    if (host.startsWith(u'[')) { // [v6]:port
        const qsizetype close = host.indexOf(u']');
        if (close > 0) {
            const QString rest = host.mid(close + 1);
            host = host.mid(1, close - 1);
            if (rest.startsWith(u':'))
                port = rest.mid(1).toInt();
        }
    } else if (host.count(u':') == 1) {
        const qsizetype colon = host.indexOf(u':');
        port = host.mid(colon + 1).toInt();
        host = host.left(colon);
    }
    if (port <= 0 || port > 65535)
        port = ippPort();
    s.host = host.toUtf8();
    s.port = port;
    s.display = host.contains(u':') ? u"[%1]:%2"_s.arg(host).arg(port) : u"%1:%2"_s.arg(host).arg(port);
    return s;
}

QString lastCupsMessage()
{
    const char *text = cupsLastErrorString();
    return text && *text ? QString::fromUtf8(text) : QString::fromUtf8(ippErrorString(cupsLastError()));
}

// True for errors where the connection itself is suspect: it is closed and the next call reconnects.
bool isConnectionError(ipp_status_t status)
{
    return status == IPP_STATUS_ERROR_INTERNAL || status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE
           || status == IPP_STATUS_ERROR_CUPS_PKI || status == IPP_STATUS_ERROR_TIMEOUT;
}

PrintJobStatus::State jobStateFrom(int state)
{
    switch (state) {
    case IPP_JSTATE_HELD:
        return PrintJobStatus::State::Held;
    case IPP_JSTATE_PROCESSING:
        return PrintJobStatus::State::Processing;
    case IPP_JSTATE_STOPPED:
        return PrintJobStatus::State::Stopped;
    case IPP_JSTATE_CANCELED:
        return PrintJobStatus::State::Cancelled;
    case IPP_JSTATE_ABORTED:
        return PrintJobStatus::State::Aborted;
    case IPP_JSTATE_COMPLETED:
        return PrintJobStatus::State::Completed;
    default:
        return PrintJobStatus::State::Pending;
    }
}

QStringList stringValues(ipp_attribute_t *attr)
{
    QStringList values;
    for (int i = 0; attr && i < ippGetCount(attr); ++i)
        values << QString::fromUtf8(ippGetString(attr, i, nullptr));
    return values;
}

// printer-state-reasons keywords that tell staff something they can fix at the printer. The suffix
// (-report, -warning, -error) is CUPS' severity; "none" and "paused" (covered by the stopped state) say nothing new.
QString describeReasons(const QString &queue, const QStringList &reasons)
{
    QStringList parts;
    for (const QString &raw : reasons) {
        QString reason = raw;
        for (const QString &suffix : {u"-error"_s, u"-warning"_s, u"-report"_s}) {
            if (reason.endsWith(suffix))
                reason.chop(suffix.size());
        }
        if (reason == u"none"_s || reason == u"paused"_s || reason.isEmpty())
            continue;
        if (reason == u"media-empty"_s || reason == u"media-needed"_s)
            parts << u"is out of paper or badge stock: load it"_s;
        else if (reason == u"media-jam"_s)
            parts << u"has a paper jam: open it and clear the jam"_s;
        else if (reason == u"offline"_s || reason == u"connecting-to-device"_s || reason == u"shutdown"_s)
            parts << u"is offline: check that it is switched on and connected"_s;
        else if (reason == u"door-open"_s || reason == u"cover-open"_s)
            parts << u"has a door or cover open: close it"_s;
        else if (reason == u"toner-empty"_s || reason == u"marker-supply-empty"_s)
            parts << u"is out of toner or ink: replace it"_s;
        else if (reason.startsWith(u"cups-missing-filter"_s) || reason.startsWith(u"cups-insecure-filter"_s))
            parts << u"cannot convert documents (a CUPS filter is missing): reinstall its driver"_s;
        else if (raw.endsWith(u"-error"_s))
            parts << u"reports \"%1\": check the printer"_s.arg(reason);
    }
    if (parts.isEmpty())
        return {};
    return u"Printer '%1' %2"_s.arg(queue, parts.join(u"; and "_s));
}

QString unreachableMessage(const Server &server, const QString &why)
{
    return u"Cannot reach the print server (CUPS) at %1 (%2): start CUPS there or correct the kiosk's printer "
           "setting"_s.arg(server.display, why);
}

// A new connection to server whose reads and writes give up after timeout.
PrintResult<HttpPtr> connectTo(const Server &server, std::chrono::milliseconds timeout)
{
    const int timeoutMs = int(timeout.count());
    // Created unconnected (msec 0), then connected, so that the connection's own error code says why it
    // failed: httpConnect2 would close the connection and lose it.
    HttpPtr fresh(httpConnect2(server.host.constData(), server.port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED,
                               1, 0, nullptr));
    if (!fresh)
        return std::unexpected(
            PrintError{PrintError::Kind::Unavailable, unreachableMessage(server, u"unknown host"_s)});
    if (httpReconnect2(fresh.get(), timeoutMs, nullptr) != 0) {
        // libcups reports a refused non-blocking connect as EHOSTDOWN: both mean nothing listens there.
        const int error = httpError(fresh.get());
        const QString why = error == ECONNREFUSED || error == EHOSTDOWN ? u"nothing answers there"_s
                            : error == ETIMEDOUT ? u"no answer within %1 s"_s.arg(timeoutMs / 1000)
                            : error              ? QString::fromLocal8Bit(std::strerror(error))
                                                 : u"no connection"_s;
        return std::unexpected(PrintError{PrintError::Kind::Unavailable, unreachableMessage(server, why)});
    }
    // A hung server must not hang the worker: every read and write gives up after the timeout.
    httpSetTimeout(fresh.get(), double(timeoutMs) / 1000.0, nullptr, nullptr);
    return fresh;
}

} // namespace

struct CupsPrinter::Private
{
    Options options;
    Server server;
    QByteArray queue;
    QByteArray user;
    QByteArray printerUri;
    QByteArray resource;
    HttpPtr http;

    QString unreachable(const QString &why) const { return unreachableMessage(server, why); }

    // The open connection, connecting first when there is none.
    PrintResult<http_t *> connection()
    {
        if (http)
            return http.get();
        auto fresh = connectTo(server, options.timeout);
        if (!fresh)
            return std::unexpected(fresh.error());
        http = std::move(*fresh);
        return http.get();
    }

    IppPtr newRequest(ipp_op_t op) const
    {
        IppPtr request(ippNewRequest(op));
        ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri.constData());
        ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, user.constData());
        return request;
    }

    // What a failed request means for staff, given what it tried to do.
    PrintError failure(ipp_status_t status, const QString &what)
    {
        const QString detail = lastCupsMessage();
        const QString q = QString::fromUtf8(queue);
        if (isConnectionError(status))
            http.reset();
        switch (status) {
        case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
            return {PrintError::Kind::Unavailable,
                    u"Printer '%1' is not accepting jobs: accept them in CUPS (cupsaccept %1)"_s.arg(q)};
        case IPP_STATUS_ERROR_NOT_FOUND:
            return {PrintError::Kind::Unavailable,
                    u"CUPS at %1 has no printer named '%2': add it (lpadmin -p %2 …) or correct the kiosk's printer "
                    "setting"_s.arg(server.display, q)};
        case IPP_STATUS_ERROR_FORBIDDEN:
        case IPP_STATUS_ERROR_NOT_AUTHENTICATED:
        case IPP_STATUS_ERROR_NOT_AUTHORIZED:
        case IPP_STATUS_ERROR_CUPS_AUTHENTICATION_CANCELED:
            return {PrintError::Kind::Unavailable,
                    u"CUPS at %1 refused to %2 for user '%3' (%4): allow this user to print on '%5' "
                    "(lpadmin -p %5 -u allow:%3)"_s.arg(server.display, what, QString::fromUtf8(user), detail, q)};
        case IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED:
        case IPP_STATUS_ERROR_DOCUMENT_FORMAT_ERROR:
        case IPP_STATUS_ERROR_DOCUMENT_UNPRINTABLE:
        case IPP_STATUS_ERROR_REQUEST_ENTITY:
        case IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES:
            return {PrintError::Kind::Rejected,
                    u"Printer '%1' refused the document (%2): check that the queue prints PDF, e.g. with "
                    "lp -d %1 some.pdf"_s.arg(q, detail)};
        case IPP_STATUS_ERROR_INTERNAL:
        case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
        case IPP_STATUS_ERROR_TIMEOUT:
            return {PrintError::Kind::Unavailable, unreachable(detail)};
        default:
            return {
                PrintError::Kind::Unavailable,
                u"CUPS at %1 could not %2 on '%3' (%4): check the print server"_s.arg(server.display, what, q, detail)};
        }
    }

    // Sends a request that carries no document, built by make(); the response, or why there is none.
    template<typename Make>
    PrintResult<IppPtr> send(Make make, const QString &what)
    {
        // A kept-alive connection the server has dropped fails once: try again on a fresh one.
        for (int attempt = 0;; ++attempt) {
            auto h = connection();
            if (!h)
                return std::unexpected(h.error());
            IppPtr request = make();
            IppPtr response(cupsDoRequest(*h, request.release(), resource.constData()));
            const ipp_status_t status = response ? ippGetStatusCode(response.get()) : cupsLastError();
            if (response && status <= IPP_STATUS_OK_EVENTS_COMPLETE)
                return response;
            if (attempt == 0 && isConnectionError(status)) {
                http.reset();
                continue;
            }
            return std::unexpected(failure(status, what));
        }
    }
};

CupsPrinter::CupsPrinter(Options options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->server = parseServer(d->options.server);
    d->queue = d->options.queue.toUtf8();
    d->user = d->options.user.isEmpty() ? QByteArray(cupsUser()) : d->options.user.toUtf8();
    char uri[HTTP_MAX_URI];
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", nullptr, "localhost", d->server.port, "/printers/%s",
                     d->queue.constData());
    d->printerUri = uri;
    d->resource = "/printers/" + d->queue;
}

CupsPrinter::~CupsPrinter() = default;

QString CupsPrinter::name() const
{
    return d->options.queue;
}

QString CupsPrinter::serverName() const
{
    return d->server.display;
}

QList<std::pair<QString, QString>> CupsPrinter::jobOptions() const
{
    QList<std::pair<QString, QString>> options;
    // The PDF is drawn at the label's own size: media picks the stock, and CUPS (pdftopdf) turns a landscape page
    // onto portrait stock by itself, so neither scaling nor orientation options are sent.
    if (!d->options.media.isEmpty())
        options.append({u"media"_s, d->options.media});
    return options;
}

PrintResult<std::optional<QString>> CupsPrinter::defaultDestination(const QString &serverText,
                                                                    std::chrono::milliseconds timeout)
{
    const Server server = parseServer(serverText);
    auto http = connectTo(server, timeout);
    if (!http)
        return std::unexpected(http.error());
    // cupsGetNamedDest with no name is libcups' own choice of the default (environment, lpoptions, server), the
    // one lp and lpstat -d use; on this connection, so the server and timeout are ours.
    cups_dest_t *dest = cupsGetNamedDest(http->get(), nullptr, nullptr);
    if (!dest) {
        const ipp_status_t status = cupsLastError();
        if (status == IPP_STATUS_OK || status == IPP_STATUS_ERROR_NOT_FOUND)
            return std::optional<QString>{};
        return std::unexpected(PrintError{PrintError::Kind::Unavailable,
                                          u"CUPS at %1 could not say its default printer (%2): check the print "
                                          "server"_s.arg(server.display, lastCupsMessage())});
    }
    const QString name = QString::fromUtf8(dest->name);
    cupsFreeDests(1, dest);
    return std::optional<QString>{name};
}

PrintResult<PrinterStatus> CupsPrinter::status()
{
    auto response = d->send(
        [this] {
            IppPtr request = d->newRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
            static const char *const attributes[] = {"printer-state", "printer-state-reasons",
                                                     "printer-is-accepting-jobs", "printer-state-message"};
            ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                          int(std::size(attributes)), nullptr, attributes);
            return request;
        },
        u"report the printer's state"_s);
    if (!response)
        return std::unexpected(response.error());

    ipp_t *r = response->get();
    ipp_attribute_t *state = ippFindAttribute(r, "printer-state", IPP_TAG_ENUM);
    ipp_attribute_t *accepting = ippFindAttribute(r, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    ipp_attribute_t *message = ippFindAttribute(r, "printer-state-message", IPP_TAG_TEXT);
    const QStringList reasons = stringValues(ippFindAttribute(r, "printer-state-reasons", IPP_TAG_KEYWORD));
    const QString q = d->options.queue;
    const QString said = message ? QString::fromUtf8(ippGetString(message, 0, nullptr)).trimmed() : QString();

    PrinterStatus s;
    const bool stopped = state && ippGetInteger(state, 0) == IPP_PSTATE_STOPPED;
    const bool accepts = !accepting || ippGetBoolean(accepting, 0);
    s.acceptsJobs = !stopped && accepts;
    QStringList problems;
    if (stopped)
        problems << u"Printer '%1' is stopped: resume it in CUPS (cupsenable %1)"_s.arg(q);
    if (!accepts)
        problems << u"Printer '%1' is not accepting jobs: accept them in CUPS (cupsaccept %1)"_s.arg(q);
    if (const QString r = describeReasons(q, reasons); !r.isEmpty())
        problems << r;
    if (!problems.isEmpty() && !said.isEmpty() && said != u"Paused"_s)
        problems << u"CUPS says: %1"_s.arg(said);
    s.problem = problems.join(u". "_s);
    return s;
}

PrintResult<QString> CupsPrinter::submit(const QByteArray &pdf, const QString &title)
{
    // cupsDoIORequest streams the document from a file descriptor after the request; a private temporary file
    // (0600, removed on return) holds the bytes.
    QTemporaryFile file;
    if (!file.open() || file.write(pdf) != pdf.size() || !file.flush()) {
        return std::unexpected(PrintError{PrintError::Kind::Unavailable,
                                          u"Could not write a temporary file for printing (%1): free some disk space "
                                          "in %2"_s.arg(file.errorString(), QDir::tempPath())});
    }
    auto h = d->connection();
    if (!h)
        return std::unexpected(h.error());

    IppPtr request = d->newRequest(IPP_OP_PRINT_JOB);
    const QByteArray name = title.toUtf8();
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_NAME, "job-name", nullptr, name.constData());
    ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_MIMETYPE, "document-format", nullptr, "application/pdf");
    const QList<std::pair<QString, QString>> jobOptionList = jobOptions();
    if (!jobOptionList.isEmpty()) {
        int count = 0;
        cups_option_t *encoded = nullptr;
        for (const auto &[optionName, value] : jobOptionList)
            count = cupsAddOption(optionName.toUtf8().constData(), value.toUtf8().constData(), count, &encoded);
        // As cupsCreateJob does: operation attributes first, then the job template attributes.
        cupsEncodeOptions2(request.get(), count, encoded, IPP_TAG_OPERATION);
        cupsEncodeOptions2(request.get(), count, encoded, IPP_TAG_JOB);
        cupsFreeOptions(count, encoded);
    }
    // No automatic second try here: if the answer is lost the job may exist already, and the caller looks it up
    // by title (findJob) before it submits again.
    IppPtr response(cupsDoIORequest(*h, request.release(), d->resource.constData(), file.handle(), -1));
    const ipp_status_t status = response ? ippGetStatusCode(response.get()) : cupsLastError();
    if (!response || status > IPP_STATUS_OK_EVENTS_COMPLETE)
        return std::unexpected(d->failure(status, u"take a print job"_s));
    ipp_attribute_t *id = ippFindAttribute(response.get(), "job-id", IPP_TAG_INTEGER);
    if (!id) {
        return std::unexpected(PrintError{PrintError::Kind::Unavailable,
                                          u"CUPS at %1 took the job but did not say its number: check the print "
                                          "server"_s.arg(d->server.display)});
    }
    const QString handle = u"%1-%2"_s.arg(d->options.queue).arg(ippGetInteger(id, 0));
    qCDebug(lcCups) << "submitted" << title << "as" << handle;
    return handle;
}

PrintResult<PrintJobStatus> CupsPrinter::jobStatus(const QString &handle)
{
    const QString prefix = d->options.queue + u'-';
    bool ok = false;
    const int jobId = handle.startsWith(prefix) ? handle.mid(prefix.size()).toInt(&ok) : 0;
    if (!ok || jobId <= 0) {
        return std::unexpected(
            PrintError{PrintError::Kind::NotFound,
                       u"'%1' is not a job of printer '%2': the printer setting changed since it "
                       "was sent; check whether it printed and reprint if not"_s.arg(handle, d->options.queue)});
    }
    auto response = d->send(
        [this, jobId] {
            IppPtr request = d->newRequest(IPP_OP_GET_JOB_ATTRIBUTES);
            ippAddInteger(request.get(), IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", jobId);
            static const char *const attributes[] = {"job-state", "job-state-reasons", "job-printer-state-message"};
            ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                          int(std::size(attributes)), nullptr, attributes);
            return request;
        },
        u"report job %1"_s.arg(handle));
    if (!response) {
        if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND) {
            return std::unexpected(PrintError{PrintError::Kind::NotFound,
                                              u"CUPS at %1 no longer knows job %2: check whether it printed and "
                                              "reprint if not"_s.arg(d->server.display, handle)});
        }
        return std::unexpected(response.error());
    }
    ipp_t *r = response->get();
    PrintJobStatus s;
    ipp_attribute_t *state = ippFindAttribute(r, "job-state", IPP_TAG_ENUM);
    s.state = jobStateFrom(state ? ippGetInteger(state, 0) : IPP_JSTATE_PENDING);
    if (ipp_attribute_t *m = ippFindAttribute(r, "job-printer-state-message", IPP_TAG_TEXT))
        s.message = QString::fromUtf8(ippGetString(m, 0, nullptr)).trimmed();
    if (s.message.isEmpty()) {
        QStringList reasons = stringValues(ippFindAttribute(r, "job-state-reasons", IPP_TAG_KEYWORD));
        reasons.removeAll(u"none"_s);
        s.message = reasons.join(u", "_s);
    }
    return s;
}

PrintResult<std::optional<QString>> CupsPrinter::findJob(const QString &title, const QDateTime &since)
{
    auto response = d->send(
        [this] {
            IppPtr request = d->newRequest(IPP_OP_GET_JOBS);
            ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "which-jobs", nullptr, "all");
            ippAddBoolean(request.get(), IPP_TAG_OPERATION, "my-jobs", 0);
            static const char *const attributes[] = {"job-id", "job-name", "job-state", "time-at-completed"};
            ippAddStrings(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                          int(std::size(attributes)), nullptr, attributes);
            return request;
        },
        u"list its jobs"_s);
    if (!response)
        return std::unexpected(response.error());

    struct Job
    {
        int id = 0;
        int state = 0;
        qint64 completedAt = 0;
        std::optional<QByteArray> name;
    };
    QList<Job> jobs;
    Job current;
    // Jobs come as runs of job-group attributes separated by a group change.
    auto finishJob = [&] {
        if (current.id > 0)
            jobs << current;
        current = Job{};
    };
    for (ipp_attribute_t *a = ippFirstAttribute(response->get()); a; a = ippNextAttribute(response->get())) {
        if (ippGetGroupTag(a) != IPP_TAG_JOB || !ippGetName(a)) {
            finishJob();
            continue;
        }
        const char *attrName = ippGetName(a);
        if (!std::strcmp(attrName, "job-id"))
            current.id = ippGetInteger(a, 0);
        else if (!std::strcmp(attrName, "job-state"))
            current.state = ippGetInteger(a, 0);
        else if (!std::strcmp(attrName, "time-at-completed"))
            current.completedAt = ippGetInteger(a, 0);
        else if (!std::strcmp(attrName, "job-name"))
            current.name = QByteArray(ippGetString(a, 0, nullptr));
    }
    finishJob();

    const QByteArray wanted = title.toUtf8();
    const qint64 notBefore = since.isValid() ? since.toSecsSinceEpoch() - 600 : 0;
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) { return a.id > b.id; });
    for (const Job &job : jobs) {
        if (job.state == IPP_JSTATE_CANCELED || job.state == IPP_JSTATE_ABORTED)
            continue;
        if (job.name) {
            if (*job.name == wanted)
                return std::optional<QString>{u"%1-%2"_s.arg(d->options.queue).arg(job.id)};
            continue;
        }
        if (job.completedAt > 0 && job.completedAt < notBefore)
            continue;
        // A finished job whose attributes cupsd has unloaded: Get-Job-Attributes loads them.
        auto detail = d->send(
            [this, &job] {
                IppPtr request = d->newRequest(IPP_OP_GET_JOB_ATTRIBUTES);
                ippAddInteger(request.get(), IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job.id);
                ippAddString(request.get(), IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr,
                             "job-name");
                return request;
            },
            u"report job %1-%2"_s.arg(d->options.queue).arg(job.id));
        if (!detail) {
            if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND)
                continue; // purged meanwhile
            return std::unexpected(detail.error());
        }
        ipp_attribute_t *name = ippFindAttribute(detail->get(), "job-name", IPP_TAG_NAME);
        if (name && wanted == ippGetString(name, 0, nullptr))
            return std::optional<QString>{u"%1-%2"_s.arg(d->options.queue).arg(job.id)};
    }
    return std::optional<QString>{};
}

} // namespace checkin
