#version 300 es
// Exposure curves as triangle strips built on the CPU in framebuffer pixels: each vertex sits
// half a line width (plus one pixel for antialiasing) either side of the curve.
precision highp float;

layout(location = 0) in vec2 a_position_px;  // framebuffer pixels, origin top-left
layout(location = 1) in float a_side;        // -1 or +1: which edge of the line

uniform vec2 u_framebuffer_px;
uniform float u_half_width_px;

out float v_distance_px;  // signed distance from the curve's centre line

void main() {
    vec2 clip = a_position_px / u_framebuffer_px * 2.0 - 1.0;
    gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
    v_distance_px = a_side * (u_half_width_px + 1.0);
}
