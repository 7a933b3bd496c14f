# hornet_bytes_literal(FILE OUT SIZE): a file's bytes as the body of a C++ string literal, every
# byte written "\xNN" (no escape can run into the next character), 32 bytes per source line.
# Shared by the scripts that embed files into the binary (the web UI, the locustfile translator).
function(hornet_bytes_literal file out size)
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR bytes "${hex_length} / 2")
  string(REPEAT "[0-9a-f]" 64 line_pattern)
  string(REGEX REPLACE "(${line_pattern})" "\\1\n" escaped "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${escaped}")
  string(REGEX REPLACE "\n$" "" escaped "${escaped}")
  string(REPLACE "\n" "\"\n    \"" escaped "${escaped}")
  set(${out} "${escaped}" PARENT_SCOPE)
  set(${size} "${bytes}" PARENT_SCOPE)
endfunction()
