#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exitscope {

// The confidence score an exit decision looks at.
enum class Measure {
    Given, // a score supplied by the trace file, with its own direction
    MaxProb, // max softmax probability
    Entropy, // entropy of the softmax divided by log(C), in [0, 1]
    Margin, // top-1 minus top-2 probability
    Patience, // exits in a row, ending here, that predicted the same class (PABEE)
    Learned, // a score computed by a learned scorer (EENet) carried by the policy
};

enum class Direction {
    HigherIsConfident,
    LowerIsConfident,
};

std::string_view measureName(Measure measure);
std::optional<Measure> parseMeasure(std::string_view name);
std::string_view directionName(Direction direction);
std::optional<Direction> parseDirection(std::string_view name);

// Direction of the measures computed from probabilities; Given has none of its own.
Direction naturalDirection(Measure measure);

} // namespace exitscope
