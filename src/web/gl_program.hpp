// GLSL ES programs for the canvas's two renderers (imgui_gl.cpp, curve_gl.cpp).
#pragma once
#include <GLES3/gl3.h>

namespace web {

// Compiles and links, without asking how it went: the GPU process compiles while the module
// goes on (in software GL a status query waits tens of ms for it). 0 without sources.
GLuint start_program(const char* vertex_source, const char* fragment_source);
// Whether the program linked (this query waits for the compiler); when it did not, prints the
// log under `what` and deletes the program.
bool program_linked(GLuint program, const char* what);
// A shader's text from shaders/ (embedded at build time), or nullptr.
const char* shader_source(const char* name);

}  // namespace web
