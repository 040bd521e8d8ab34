package dev.interleave.report.html;

import java.util.List;
import java.util.Locale;

/** A deadlock's cycle as an inline SVG: the threads on a circle, an arrow from each to the one it waits for. */
final class CycleDrawing {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 340;
    private static final double RADIUS = 115;
    private static final double NODE = 40;

    private CycleDrawing() {
    }

    static void append(StringBuilder html, List<Integer> cycle, List<String> threads) {
        int k = cycle.size();
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / k;
            x[i] = cx + RADIUS * Math.cos(angle);
            y[i] = cy + RADIUS * Math.sin(angle);
        }
        html.append("<svg id=\"cycle-drawing\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"cycle of waiting\">")
                .append("<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" />")
                .append("</marker></defs>");
        for (int i = 0; i < k; i++) {
            int j = (i + 1) % k;
            double dx = x[j] - x[i];
            double dy = y[j] - y[i];
            double length = Math.max(1, Math.hypot(dx, dy));
            double ux = dx / length;
            double uy = dy / length;
            // bend each arrow outward, so that the two arrows of a two-thread cycle do not lie on each other
            double mx = (x[i] + x[j]) / 2 - uy * 45;
            double my = (y[i] + y[j]) / 2 + ux * 45;
            double sx = x[i] + (mx - x[i]) / Math.hypot(mx - x[i], my - y[i]) * NODE;
            double sy = y[i] + (my - y[i]) / Math.hypot(mx - x[i], my - y[i]) * NODE;
            double ex = x[j] + (mx - x[j]) / Math.hypot(mx - x[j], my - y[j]) * (NODE + 2);
            double ey = y[j] + (my - y[j]) / Math.hypot(mx - x[j], my - y[j]) * (NODE + 2);
            html.append(String.format(Locale.ROOT, "<path class=\"waits-for\" d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\""
                    + " marker-end=\"url(#arrowhead)\"><title>", sx, sy, mx, my, ex, ey))
                    .append(Html.text(label(threads, cycle.get(i)) + " waits for " + label(threads, cycle.get(j))))
                    .append("</title></path>");
        }
        for (int i = 0; i < k; i++) {
            String label = label(threads, cycle.get(i));
            int paren = label.indexOf(" (");
            String first = paren < 0 ? label : label.substring(0, paren);
            String second = paren < 0 ? "" : label.substring(paren + 1);
            html.append(String.format(Locale.ROOT, "<g class=\"node\" data-thread=\"%d\"><circle cx=\"%.1f\""
                    + " cy=\"%.1f\" r=\"%.1f\" /><text x=\"%.1f\" y=\"%.1f\">", cycle.get(i), x[i], y[i], NODE, x[i],
                    y[i] - (second.isEmpty() ? -4 : 3)))
                    .append(Html.text(first)).append("</text>");
            if (!second.isEmpty()) {
                html.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">", x[i], y[i] + 13))
                        .append(Html.text(clip(second))).append("</text>");
            }
            html.append("</g>");
        }
        html.append("</svg>\n");
    }

    private static String label(List<String> threads, int id) {
        return id < threads.size() ? threads.get(id) : "thread " + id;
    }

    private static String clip(String text) {
        return text.length() <= 14 ? text : text.substring(0, 13) + "\u2026";
    }
}
