// Characters no input text may carry, found in decoded UTF-8: C0 controls but tab and line breaks,
// DEL, C1 controls, surrogates and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF). They are invisible
// on a page, make the XML outputs (Atom, sitemap, SVG) ill-formed and can hide text; they are refused
// at input. Bidirectional overrides (U+202A–U+202E, U+2066–U+2069) can make a name read differently
// from what it is: they are warned about.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sveden {

struct CharAt {
  size_t offset = 0;  // byte offset in the text
  char32_t code = 0;
};

bool is_forbidden_char(char32_t c);
bool is_bidi_control(char32_t c);

// The first forbidden (or bidirectional control) character of valid UTF-8 `text`.
std::optional<CharAt> find_forbidden_char(std::string_view text);
std::optional<CharAt> find_bidi_control(std::string_view text);

// «управляющий символ U+000B (вертикальная табуляция)» — for messages.
std::string describe_char(char32_t c);

// The messages, shared by every reader: what is wrong and how to fix it.
std::string forbidden_char_problem(char32_t c);
std::string forbidden_char_hint(char32_t c);
std::string bidi_control_problem(char32_t c);
std::string bidi_control_hint();

// `line` with every such character shown as «�»: a line quoted in a message must not reorder the
// terminal's text or carry a control character to it.
std::string visible_line(std::string_view line);

}  // namespace sveden
