// A 128-bit digest of a text, as 32 hex digits: for telling whether two long texts (a folder's
// listing, a build's key) are the same without keeping both. Not cryptographic: it guards against
// accidents, not against someone who crafts a collision, and nothing it digests is secret.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

std::string text_hash(std::string_view text);

}  // namespace sveden
