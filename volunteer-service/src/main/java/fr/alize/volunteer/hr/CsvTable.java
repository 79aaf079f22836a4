package fr.alize.volunteer.hr;

import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as HR teams export it: UTF-8 (a BOM is fine), a header row naming the columns, {@code ;} or {@code ,}
 * as separator (whichever the header uses), values optionally in double quotes ({@code ""} for a quote inside).
 * A file that cannot be read as such is a 400 naming {@code file}; blank lines are skipped. Values are text: nothing
 * in a cell is ever evaluated.
 */
record CsvTable(List<String> header, List<Line> lines) {

    /** One data line: its values and its number in the file (the header is line 1). */
    record Line(int number, List<String> values) {
    }

    /**
     * A 400 naming each cell that holds a control character (a tab, a line break inside quotes, NUL...): no value of
     * an HR upload needs one, and a spreadsheet or a terminal may act on them. Other text, {@code =1+2} or {@code @x}
     * included, is kept as it is, as text.
     */
    void requireNoControlCharacters() {
        List<FieldError> errors = new ArrayList<>();
        for (Line line : lines) {
            for (int c = 0; c < line.values().size(); c++) {
                String value = line.values().get(c);
                int bad = value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
                if (bad >= 0) {
                    String column = c < header.size() ? header.get(c) : "column " + (c + 1);
                    errors.add(new FieldError(column, "line %d: must not hold a control character (U+%04X)".formatted(line.number(), bad)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static CsvTable parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int headerEnd = text.indexOf('\n');
        String headerLine = headerEnd < 0 ? text : text.substring(0, headerEnd);
        char separator = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        List<Line> records = split(text, separator);
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "is empty; its first line must name the columns");
        }
        List<String> header = records.get(0).values().stream().map(String::strip).toList();
        return new CsvTable(header, records.subList(1, records.size()));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is not UTF-8 text");
        }
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }

    private static List<Line> split(String text, char separator) {
        List<Line> lines = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int startLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    value.append(c);
                }
            } else if (c == '"' && value.toString().isBlank()) {
                quoted = true;
                value.setLength(0);
            } else if (c == separator) {
                values.add(value.toString());
                value.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endLine(lines, values, value, startLine);
                values = new ArrayList<>();
                line++;
                startLine = line;
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("file", "line " + startLine + ": a quoted value is not closed");
        }
        endLine(lines, values, value, startLine);
        return lines;
    }

    private static void endLine(List<Line> lines, List<String> values, StringBuilder value, int number) {
        values.add(value.toString());
        value.setLength(0);
        boolean blank = values.stream().allMatch(String::isBlank);
        if (!blank) {
            lines.add(new Line(number, List.copyOf(values)));
        }
    }
}
