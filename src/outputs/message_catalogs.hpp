#pragma once
// The four catalogs behind messages.hpp, one file each (messages_en.cpp, ...). Only messages.cpp
// and the catalog test use these directly.
#include <span>

#include "outputs/messages.hpp"

namespace triad::catalogs {

std::span<const MessageEntry> English();
std::span<const MessageEntry> SimplifiedChinese();
std::span<const MessageEntry> TraditionalChinese();
std::span<const MessageEntry> Japanese();

}  // namespace triad::catalogs
