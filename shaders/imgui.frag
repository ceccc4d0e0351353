#version 300 es
// The vertex colour times the font atlas (white, with the glyphs' coverage in alpha; solid
// shapes sample its one white pixel).
precision mediump float;

in vec2 v_uv;
in vec4 v_color;

uniform sampler2D u_atlas;

out vec4 o_color;

void main() {
    o_color = v_color * texture(u_atlas, v_uv);
}
