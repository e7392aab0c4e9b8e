#pragma once

#include "document.h"
#include "modelrequest.h"

#include "core/data/latencyprofile.h"
#include "core/solvers/sweep.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace exitscope::gui {

// A file a session depends on, with the SHA-256 of its bytes when the session was saved.
// A relative path is relative to the session file's folder (the files written beside it).
struct SessionFile
{
    QString path;
    QString sha256;

    bool operator==(const SessionFile &o) const { return path == o.path && sha256 == o.sha256; }
};

// A trace the session reads again: an Exitscope .npz, or an AAAI21 _confidence.npy with
// its _correct.npy partner and the score direction the user chose.
struct SessionTrace
{
    SessionFile file;
    std::optional<SessionFile> aaai21Correct;
    Direction aaai21Direction = Direction::LowerIsConfident;
};

// The model and dataset the traces were collected from (ModelRunner's request).
struct SessionModel
{
    ModelRequest request;
    QString sha256; // of request.model
};

// The sweep's rows as the window had them: they come back without rerunning the sweep.
struct SessionSweep
{
    SweepSettings settings; // of the rows (Document::sweepSettings)
    double scale = 1; // Document::sweepScale
    bool complete = false;
    std::vector<SweepRow> rows;
};

// Everything an .exitscope file holds (docs/session-format.md): a plain value that the
// window's state is copied into (SessionController::capture) and restored from.
struct Session
{
    QString tool, created;
    std::optional<SessionTrace> val, test;
    // The latency as the window had it (typed or edited cells included), what it was
    // opened from (a path, or a label such as "costs"), and that file's hash when it is one.
    std::optional<LatencyProfile> latency;
    QString latencyLabel;
    std::optional<SessionFile> latencySource;
    std::optional<SessionModel> model;
    SweepSettings settings;
    PolicyId currentPolicy = PolicyId::MsdNet;
    double cursorBudget = 0;
    std::optional<PolicyState> operatingPoint; // written as a threshold config (needs the latency)
    std::optional<SessionSweep> sweep;
    QString autosaveOf; // recovery files only: the session being edited, empty when unsaved
};

// The JSON text of a session (format "exitscope-session", version 1).
std::string sessionToJson(const Session &session);
// Reads and checks a session; InputError naming `where` and the field (e.g.
// "s.exitscope: sweep.rows[3].thresholds: expected 4 values, found 3").
Session sessionFromJson(const std::string &text, const std::string &where);
Session readSession(const QString &path);
// Written atomically (the file appears complete or not at all).
void writeSession(const Session &session, const QString &path);

// A session path's folder for the files only the window held (traces collected from a
// model, imported from EENet, made in memory): "<path>.d".
QString sessionSideFolder(const QString &sessionPath);
// A path as the session stores it resolved against the session file's folder.
QString resolveSessionPath(const QString &sessionPath, const QString &stored);

} // namespace exitscope::gui
