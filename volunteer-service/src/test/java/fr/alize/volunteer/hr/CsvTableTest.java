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
    void brokenFilesAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidInputException.class).hasMessageContaining("file");
        assertThatThrownBy(() -> parse("a;b\n\"open;z\n")).isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CsvTable.parse(new byte[]{'a', ';', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
    }
}
