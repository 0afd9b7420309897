# Writes OUTPUT: a C++ file defining `extern const std::string_view sveden::embedded::SYMBOL`.
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
file(WRITE ${OUTPUT} "#include <string_view>\nnamespace sveden::embedded {\nstatic const char data[] = {${bytes} 0};\nextern const std::string_view ${SYMBOL}(data, ${len});\n}\n")
