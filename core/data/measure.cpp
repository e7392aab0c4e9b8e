#include "core/data/measure.h"

#include "core/common/nametable.h"

namespace exitscope {

namespace {
constexpr std::pair<Measure, std::string_view> kMeasureNames[] = {
    {Measure::Given, "given"},
    {Measure::MaxProb, "max-prob"},
    {Measure::Entropy, "entropy"},
    {Measure::Margin, "margin"},
    {Measure::Patience, "patience"},
    {Measure::Learned, "learned"},
};
constexpr std::pair<Direction, std::string_view> kDirectionNames[] = {
    {Direction::HigherIsConfident, "higher-is-confident"},
    {Direction::LowerIsConfident, "lower-is-confident"},
};
} // namespace

std::string_view measureName(Measure measure)
{
    return nameIn(kMeasureNames, measure);
}

std::optional<Measure> parseMeasure(std::string_view name)
{
    return valueIn(kMeasureNames, name);
}

std::string_view directionName(Direction direction)
{
    return nameIn(kDirectionNames, direction);
}

std::optional<Direction> parseDirection(std::string_view name)
{
    return valueIn(kDirectionNames, name);
}

Direction naturalDirection(Measure measure)
{
    return measure == Measure::Entropy ? Direction::LowerIsConfident : Direction::HigherIsConfident;
}

} // namespace exitscope
