package dev.keelson.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** A small line chart drawn as inline SVG: linear x, linear or log y, axes with a few labelled ticks. */
final class SvgChart {
    static final int WIDTH = 1040;
    static final int HEIGHT = 300;
    private static final int LEFT = 70, RIGHT = 45, TOP = 20, BOTTOM = 40;

    record Series(String name, String colour, double[] xs, double[] ys) {}

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private DoubleFunction<String> xLabel = v -> String.format(Locale.ROOT, "%.0f", v);
    private DoubleFunction<String> yLabel = v -> String.format(Locale.ROOT, "%.0f", v);
    private boolean logX;

    SvgChart(String title) {
        this.title = title;
    }

    SvgChart add(String name, String colour, double[] xs, double[] ys) {
        series.add(new Series(name, colour, xs, ys));
        return this;
    }

    SvgChart xLabels(DoubleFunction<String> format, boolean log) {
        this.xLabel = format;
        this.logX = log;
        return this;
    }

    SvgChart yLabels(DoubleFunction<String> format) {
        this.yLabel = format;
        return this;
    }

    String render() {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (int i = 0; i < s.xs().length; i++) {
                minX = Math.min(minX, x(s.xs()[i]));
                maxX = Math.max(maxX, x(s.xs()[i]));
                if (!Double.isNaN(s.ys()[i])) maxY = Math.max(maxY, s.ys()[i]);
            }
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            maxX = 1;
        }
        if (maxX == minX) maxX = minX + 1;
        if (maxY == 0) maxY = 1;
        maxY *= 1.1;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<figure><figcaption>%s</figcaption><svg viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">",
                escape(title),
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        axes(svg, minX, maxX, maxY);
        for (Series s : series) polyline(svg, s, minX, maxX, maxY);
        svg.append("</svg><div class=\"legend\">");
        for (Series s : series) {
            svg.append("<span><i style=\"background:")
                    .append(s.colour())
                    .append("\"></i>")
                    .append(escape(s.name()))
                    .append("</span>");
        }
        return svg.append("</div></figure>\n").toString();
    }

    private double x(double value) {
        return logX ? Math.log10(value) : value;
    }

    private void axes(StringBuilder svg, double minX, double maxX, double maxY) {
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#cbd5e1\"/>",
                LEFT,
                TOP,
                plotW,
                plotH));
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    LEFT,
                    LEFT + plotW,
                    y,
                    y,
                    LEFT - 6,
                    y + 4,
                    escape(yLabel.apply(v))));
        }
        int ticks = (int) Math.max(1, Math.min(logX ? 8 : 6, Math.round(maxX - minX)));
        for (int i = 0; i <= ticks; i++) {
            double v = minX + (maxX - minX) * i / ticks;
            double xPos = LEFT + plotW * (double) i / ticks;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>",
                    xPos,
                    HEIGHT - BOTTOM + 18,
                    escape(xLabel.apply(logX ? Math.pow(10, v) : v))));
        }
    }

    /** Draws a series; a NaN value is a gap (a second with nothing to show), and a lone point is a dot. */
    private void polyline(StringBuilder svg, Series s, double minX, double maxX, double maxY) {
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        List<String> segment = new ArrayList<>();
        for (int i = 0; i <= s.xs().length; i++) {
            if (i == s.xs().length || Double.isNaN(s.ys()[i])) {
                segment(svg, s.colour(), segment);
                segment.clear();
                continue;
            }
            double px = LEFT + plotW * (x(s.xs()[i]) - minX) / (maxX - minX);
            double py = TOP + plotH - plotH * s.ys()[i] / maxY;
            segment.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
        }
    }

    private static void segment(StringBuilder svg, String colour, List<String> points) {
        if (points.isEmpty()) return;
        if (points.size() == 1) {
            String[] xy = points.get(0).split(",");
            svg.append(String.format(
                    Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"4\" fill=\"%s\"/>", xy[0], xy[1], colour));
            return;
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"3\" stroke=\"")
                .append(colour)
                .append("\" points=\"")
                .append(String.join(" ", points))
                .append("\"/>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
