package fr.alize.impact.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as CSV: a header line of stable column names, then one line per row. Values holding the separator, a quote
 * or a line break are quoted. With the semicolon separator (French spreadsheets) decimals use a comma.
 * <p>
 * No cell runs as a formula in a spreadsheet (OWASP "CSV injection"): a text value that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '} and is quoted. Numbers are
 * written as numbers, a negative one included: only text values, which may come from what a caller typed (a partner's
 * name, say), are neutralised, even when they look like a number.
 */
public record CsvTable(List<String> columns, List<List<Object>> rows) {

    /** What a spreadsheet may read as the start of a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    public static CsvTable of(String... columns) {
        return new CsvTable(List.of(columns), new ArrayList<>());
    }

    public CsvTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        rows.add(List.of(java.util.Arrays.stream(values).map(v -> v == null ? "" : v).toArray()));
        return this;
    }

    public String render(char separator) {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(columns), separator);
        rows.forEach(row -> line(out, row, separator));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values, char separator) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(values.get(i), separator));
        }
        out.append("\r\n");
    }

    private static String cell(Object value, char separator) {
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        if (separator == ';' && (value instanceof BigDecimal || value instanceof Double)) {
            text = text.replace('.', ',');
        }
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "\"'" + text.replace("\"", "\"\"") + '"';
        }
        if (text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
