#include "gl_program.hpp"

#include "embedded_shaders.hpp"

#include <cstdio>

namespace web {

namespace {

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void print_shader_log(GLuint shader, const char* what) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return;
    char log[1024];
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::printf("%s shader: %s\n", what, log);
}

}  // namespace

GLuint start_program(const char* vertex_source, const char* fragment_source) {
    if (vertex_source == nullptr || fragment_source == nullptr) return 0;
    const GLuint program = glCreateProgram();
    glAttachShader(program, compile(GL_VERTEX_SHADER, vertex_source));
    glAttachShader(program, compile(GL_FRAGMENT_SHADER, fragment_source));
    glLinkProgram(program);
    return program;
}

bool program_linked(GLuint program, const char* what) {
    if (program == 0) return false;
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    GLuint shaders[2];
    GLsizei count = 0;
    glGetAttachedShaders(program, 2, &count, shaders);
    for (GLsizei i = 0; i < count; ++i) {
        if (!ok) print_shader_log(shaders[i], what);
        glDetachShader(program, shaders[i]);
        glDeleteShader(shaders[i]);
    }
    if (!ok) {
        char log[1024];
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        std::printf("%s program: %s\n", what, log);
        glDeleteProgram(program);
    }
    return ok != 0;
}

const char* shader_source(const char* name) {
    for (const auto& f : shaders::embedded_files())
        if (f.name == name) return f.text.data();  // embed_data.cmake writes each text as a NUL-terminated literal
    return nullptr;
}

}  // namespace web
