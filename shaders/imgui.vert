#version 300 es
// ImGui's triangles (src/web/imgui_gl.cpp): positions in ImGui's display units, origin top-left.
precision highp float;

layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;  // 8-bit RGBA, normalised by the vertex layout

uniform vec2 u_display_pos;
uniform vec2 u_display_size;

out vec2 v_uv;
out vec4 v_color;

void main() {
    vec2 clip = (a_position - u_display_pos) / u_display_size * 2.0 - 1.0;
    gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
    v_uv = a_uv;
    v_color = a_color;
}
