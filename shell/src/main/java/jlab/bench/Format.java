package jlab.bench;

import java.util.Locale;

/** Numbers as the report prints them: three significant digits at most, a dot as decimal separator. */
final class Format {
    private Format() {}

    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }

    static String ms(double v) {
        return number(v) + " ms";
    }
}
