#include "measure.h"

#include <array>
#include <utility>

namespace exitscope {

namespace {
constexpr std::array<std::pair<Measure, std::string_view>, 4> kMeasureNames{{
    {Measure::Given, "given"},
    {Measure::MaxProb, "max-prob"},
    {Measure::Entropy, "entropy"},
    {Measure::Margin, "margin"},
}};
constexpr std::array<std::pair<Direction, std::string_view>, 2> kDirectionNames{{
    {Direction::HigherIsConfident, "higher-is-confident"},
    {Direction::LowerIsConfident, "lower-is-confident"},
}};
} // namespace

std::string_view measureName(Measure measure)
{
    for (const auto &[value, name] : kMeasureNames)
        if (value == measure)
            return name;
    return "?";
}

std::optional<Measure> parseMeasure(std::string_view name)
{
    for (const auto &[value, known] : kMeasureNames)
        if (known == name)
            return value;
    return std::nullopt;
}

std::string_view directionName(Direction direction)
{
    for (const auto &[value, name] : kDirectionNames)
        if (value == direction)
            return name;
    return "?";
}

std::optional<Direction> parseDirection(std::string_view name)
{
    for (const auto &[value, known] : kDirectionNames)
        if (known == name)
            return value;
    return std::nullopt;
}

Direction naturalDirection(Measure measure)
{
    return measure == Measure::Entropy ? Direction::LowerIsConfident : Direction::HigherIsConfident;
}

} // namespace exitscope
