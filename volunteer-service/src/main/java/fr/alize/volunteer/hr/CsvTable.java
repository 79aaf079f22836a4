package fr.alize.volunteer.hr;

import fr.alize.platform.errors.FieldError;
import fr.alize.platform.errors.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A CSV file as HR teams export it: UTF-8 (a BOM is fine), a header row naming the columns, {@code ;} or {@code ,}
 * as separator (whichever the header uses), values optionally in double quotes ({@code ""} for a quote inside), as
 * RFC 4180 reads them (Apache Commons CSV). A file that cannot be read as such is a 400 naming {@code file} and the
 * line where the record at fault starts: a quoted value that is not closed, or text between a closing quote and the
 * next separator ({@code "a"b}). Blank lines are skipped. Values are text: nothing in a cell is ever evaluated.
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
        List<Line> records = read(text, separator);
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "is empty; its first line must name the columns");
        }
        List<String> header = records.get(0).values().stream().map(String::strip).toList();
        return new CsvTable(header, records.subList(1, records.size()));
    }

    /** Every non-blank record with the line it starts on; empty lines are read as records so that numbers stay exact. */
    private static List<Line> read(String text, char separator) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int startLine = (int) parser.getCurrentLineNumber() + 1;
                boolean more;
                try {
                    more = records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new InvalidInputException("file", "line " + startLine + ": " + quotingProblem(e));
                }
                if (!more) {
                    return lines;
                }
                List<String> values = records.next().toList();
                if (!values.stream().allMatch(String::isBlank)) {
                    lines.add(new Line(startLine, values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quotingProblem(RuntimeException e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is not closed";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "a quoted value must be followed by the separator or the end of the line (write \"\" for a quote inside quotes)";
        }
        return "is not valid CSV";
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
}
