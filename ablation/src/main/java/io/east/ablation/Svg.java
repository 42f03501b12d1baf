package io.east.ablation;

import java.util.Locale;

/**
 * A minimal SVG writer for the report's charts, so the build needs no charting library. Every text and attribute
 * value goes through {@link #escape}: config labels and file names end up in the markup.
 */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** XML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1)).append("\" x2=\"")
                .append(number(x2)).append("\" y2=\"").append(number(y2)).append("\" stroke=\"")
                .append(escape(stroke)).append("\" stroke-width=\"").append(number(strokeWidth)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(escape(dash)).append('"');
        }
        body.append("/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, double opacity) {
        body.append("<circle cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy)).append("\" r=\"")
                .append(number(r)).append("\" fill=\"").append(escape(fill)).append("\" fill-opacity=\"")
                .append(number(opacity)).append("\"/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(w)).append("\" height=\"").append(number(h)).append("\" fill=\"").append(escape(fill))
                .append("\" stroke=\"").append(escape(stroke)).append("\"/>\n");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
        body.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
                .append(number(strokeWidth)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        body.append("\"/>\n");
        return this;
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String text, int size, String anchor, String weight) {
        body.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(size).append("\" text-anchor=\"").append(escape(anchor)).append('"');
        if (weight != null) {
            body.append(" font-weight=\"").append(escape(weight)).append('"');
        }
        body.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** Text turned 90 degrees counter-clockwise about its anchor point: a y-axis title. */
    Svg verticalText(double x, double y, String text, int size) {
        body.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(size).append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(number(x)).append(' ')
                .append(number(y)).append(")\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** A tooltip-like description the SVG carries for screen readers and viewers that show titles. */
    Svg title(String text) {
        body.append("<title>").append(escape(text)).append("</title>\n");
        return this;
    }

    String render() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }
}
