// A place in an input file, kept with the data read from it so that later stages can point back.
#pragma once

namespace sveden {

struct TextPos {
  int line = 0;    // 1-based; 0 means "no position"
  int column = 0;  // 1-based, in characters (code points), as a text editor counts
};

}  // namespace sveden
