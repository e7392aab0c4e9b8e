#pragma once

#include "document.h"

#include <QUndoCommand>

namespace exitscope::gui {

// One threshold moved: a drag (applied live while dragging, pushed on release) or a typed
// value. Undo restores the threshold and where the policy came from (its solver and
// budget); redo makes it a manual edit.
class ThresholdCommand : public QUndoCommand
{
public:
    ThresholdCommand(Document *document, int exit, double from, double to, PolicyState origin);
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    int m_exit;
    double m_from, m_to;
    PolicyState m_origin;
};

// Thresholds loaded from a sweep row, a solve at the budget cursor or a config.
class PolicyCommand : public QUndoCommand
{
public:
    PolicyCommand(Document *document, PolicyState before, PolicyState after, const QString &text);
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    PolicyState m_before, m_after;
};

// The latency profile edited (a cost, the unit, the reference) or replaced by a file.
class LatencyCommand : public QUndoCommand
{
public:
    LatencyCommand(Document *document, LatencyProfile before, LatencyProfile after, const QString &text);
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    LatencyProfile m_before, m_after;
};

} // namespace exitscope::gui
