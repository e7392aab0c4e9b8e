#pragma once

#include "core/common/nametable.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exitscope {

// The threshold policies Exitscope knows (docs/policies.md). Core works with these ids;
// names are for files, command lines and messages.
enum class PolicyId {
    Heuristic,
    BranchyNet,
    MsdNet,
    Ippp,
    Eenet,
    SelfXit,
    Patience,
    Best,
    Oracle,
};

// The one spelling of each policy, in the order the CLI lists them.
inline constexpr std::pair<PolicyId, std::string_view> kPolicyNames[] = {
    {PolicyId::Heuristic, "heuristic"}, {PolicyId::BranchyNet, "branchynet"}, {PolicyId::MsdNet, "msdnet"},
    {PolicyId::Ippp, "ippp"},           {PolicyId::Eenet, "eenet"},           {PolicyId::SelfXit, "selfxit"},
    {PolicyId::Patience, "patience"},   {PolicyId::Best, "best"},             {PolicyId::Oracle, "oracle"},
};

inline std::string_view policyName(PolicyId id)
{
    return nameIn(kPolicyNames, id);
}

inline std::optional<PolicyId> parsePolicy(std::string_view name)
{
    return valueIn(kPolicyNames, name);
}

// Every policy name, in table order (for command-line help and checks).
inline std::vector<std::string> policyNames()
{
    std::vector<std::string> names;
    for (const auto &[id, name] : kPolicyNames)
        names.emplace_back(name);
    return names;
}

} // namespace exitscope
