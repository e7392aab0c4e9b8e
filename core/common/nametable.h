#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace exitscope {

// Lookups in a constexpr table of (enum value, name) pairs: one spelling of each name for
// files, command lines and messages.
template <typename Enum, std::size_t N>
std::string_view nameIn(const std::pair<Enum, std::string_view> (&table)[N], Enum value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return name;
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueIn(const std::pair<Enum, std::string_view> (&table)[N], std::string_view name)
{
    for (const auto &[v, known] : table)
        if (known == name)
            return v;
    return std::nullopt;
}

} // namespace exitscope
