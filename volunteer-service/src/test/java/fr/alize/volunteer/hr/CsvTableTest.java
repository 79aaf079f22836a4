package fr.alize.volunteer.hr;

import fr.alize.platform.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    private static CsvTable parse(String text) {
        return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSeparatorIsTheOneTheHeaderUses() {
        CsvTable semicolons = parse("employeeRef;name\nE1;Dupont, Jean\n");
        assertThat(semicolons.header()).containsExactly("employeeRef", "name");
        assertThat(semicolons.lines().get(0).values()).containsExactly("E1", "Dupont, Jean");

        CsvTable commas = parse("\uFEFFemployeeRef,name\r\nE1,\"Dupont; \"\"Jean\"\"\"\r\n\r\nE2,Martin");
        assertThat(commas.lines()).extracting(CsvTable.Line::values)
                .containsExactly(List.of("E1", "Dupont; \"Jean\""), List.of("E2", "Martin"));
        assertThat(commas.lines()).extracting(CsvTable.Line::number).containsExactly(2, 4);
    }

    @Test
    void aQuotedValueMaySpanLines() {
        assertThat(parse("a;b\n\"x\ny\";z\n").lines().get(0).values()).containsExactly("x\ny", "z");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsKeptAsText() {
        assertThat(parse("a;b\nsays \"hi\";z\n").lines().get(0).values()).containsExactly("says \"hi\"", "z");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithTheLineOfItsRecord() {
        // "a"b was read as ab before: the value a person meant is not known, so nothing of the file is taken
        assertThatThrownBy(() -> parse("a;b\nx;y\n\"a\"b;z\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file")
                .hasMessageContaining("line 3: a quoted value must be followed by the separator");
        // a record spanning lines is named by the line it starts on
        assertThatThrownBy(() -> parse("a;b\n\"x\ny\";z\n\"ok\"\"\";\"bad\"x;z\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 4:");
    }

    @Test
    void lineNumbersCountBlankLinesAndLineBreaksInsideQuotes() {
        CsvTable table = parse("a;b\n\n\"x\ny\";z\n;\nw;v\n");
        assertThat(table.lines()).extracting(CsvTable.Line::number).containsExactly(3, 6);
    }

    @Test
    void brokenFilesAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("file");
        assertThatThrownBy(() -> parse("a;b\n\"open;z\n")).isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CsvTable.parse(new byte[]{'a', ';', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
    }
}
