#include "undocommands.h"

#include <QCoreApplication>
#include <QLocale>

namespace exitscope::gui {

ThresholdCommand::ThresholdCommand(Document *document, int exit, double from, double to, PolicyState origin)
    : m_document(document)
    , m_exit(exit)
    , m_from(from)
    , m_to(to)
    , m_origin(std::move(origin))
{
    setText(QCoreApplication::translate("ThresholdCommand", "threshold of exit %1: %2 to %3")
                .arg(exit)
                .arg(QLocale().toString(from, 'g', 6))
                .arg(QLocale().toString(to, 'g', 6)));
}

void ThresholdCommand::undo()
{
    m_document->applyThreshold(m_exit, m_from, m_origin);
}

void ThresholdCommand::redo()
{
    PolicyState manual;
    m_document->applyThreshold(m_exit, m_to, manual);
}

PolicyCommand::PolicyCommand(Document *document, PolicyState before, PolicyState after, const QString &text)
    : m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void PolicyCommand::undo()
{
    m_document->applyPolicyState(m_before);
}

void PolicyCommand::redo()
{
    m_document->applyPolicyState(m_after);
}

LatencyCommand::LatencyCommand(Document *document, LatencyProfile before, LatencyProfile after, const QString &text)
    : m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void LatencyCommand::undo()
{
    m_document->applyLatency(m_before);
}

void LatencyCommand::redo()
{
    m_document->applyLatency(m_after);
}

} // namespace exitscope::gui
