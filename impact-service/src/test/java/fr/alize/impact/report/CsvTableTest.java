package fr.alize.impact.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** What a spreadsheet would run as a formula comes out as quoted text; numbers stay numbers. */
class CsvTableTest {

    @Test
    void textStartingLikeAFormulaGetsAQuoteInsideQuotes() {
        String csv = CsvTable.of("value")
                .row("=1+2").row("+33 3 27").row("-cmd|' /C calc'!A0").row("@SUM(A1)").row("\tx").row("\rx").row("a=b")
                .render(',');
        assertThat(csv.split("\r\n", -1)).containsExactly("value",
                "\"'=1+2\"", "\"'+33 3 27\"", "\"'-cmd|' /C calc'!A0\"", "\"'@SUM(A1)\"", "\"'\tx\"", "\"'\rx\"", "a=b", "");
    }

    @Test
    void negativeNumbersStayNumbers() {
        String csv = CsvTable.of("n", "d").row(-3, new BigDecimal("-3.5")).render(';');
        assertThat(csv).isEqualTo("n;d\r\n-3;-3,5\r\n");
    }
}
