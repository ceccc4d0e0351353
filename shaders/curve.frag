#version 300 es
// Coverage from the distance to the centre line: a one-pixel soft edge keeps the curve
// smooth at any device pixel ratio and zoom.
precision highp float;  // must match the vertex stage: u_half_width_px is shared

in float v_distance_px;

uniform vec4 u_color;
uniform float u_half_width_px;

out vec4 o_color;

void main() {
    float coverage = clamp(u_half_width_px + 0.5 - abs(v_distance_px), 0.0, 1.0);
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
