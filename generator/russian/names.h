// Names of organisations as Russian users write them: the legal form in front (МБОУ, МАОУ…),
// quotes straight or «ёлочки». One place knows how to set a name for display and for sorting.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

// «МБОУ "СОШ № 5"» → «МБОУ «СОШ № 5»»: straight double quotes become «ёлочки» (nested: „лапки“).
std::string typographic_quotes(std::string_view text);

// «МБОУ «Гимназия № 3»» → «Гимназия № 3»: legal forms (wherever they stand) and quotes removed.
std::string without_legal_form(std::string_view name);

// The order in which a reader looks for names in a list: by what the name says, not by its legal
// form («Берёзовская СОШ» before «Гимназия № 3»), Russian collation, numbers compared as numbers
// («СОШ № 2» before «СОШ № 10»). Indices into `names`; equal names keep their order.
std::vector<size_t> order_by_name(const std::vector<std::string>& names);

}  // namespace sveden
