package fr.alize.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputTest {

    @Test
    void ordinaryTextIsAccepted() {
        for (String text : new String[]{"", "Year-end closing", "two\nlines", "a\ttab", "windows\r\nline ends\r\n",
                "été, Łódź, 東京", "emoji 😀 and a ZWJ family 👨\u200D👩\u200D👧", "\u00A0no-break space", "last BMP \uFFFD"}) {
            assertThat(TextInput.problemWith(text)).as(text).isEmpty();
        }
        assertThat(TextInput.problemWith(null)).isEmpty();
    }

    @Test
    void controlsSurrogatesAndNoncharactersAreRefusedWithTheirCodePointAndPosition() {
        assertThat(TextInput.problemWith("x\u0000y")).hasValue("must not contain a control character (U+0000 at position 2)");
        assertThat(TextInput.problemWith("\u001b[2J")).hasValue("must not contain a control character (U+001B at position 1)");
        assertThat(TextInput.problemWith("a\rb")).hasValue("must not contain a control character (U+000D at position 2)");
        assertThat(TextInput.problemWith("end\r")).hasValue("must not contain a control character (U+000D at position 4)");
        assertThat(TextInput.problemWith("\u007f")).hasValue("must not contain a control character (U+007F at position 1)");
        assertThat(TextInput.problemWith("\u0085")).hasValue("must not contain a control character (U+0085 at position 1)");
        assertThat(TextInput.problemWith("ok\u009f")).hasValue("must not contain a control character (U+009F at position 3)");
        assertThat(TextInput.problemWith("\uD800")).hasValue("must not contain a lone surrogate (U+D800 at position 1)");
        assertThat(TextInput.problemWith("\uD800x")).hasValue("must not contain a lone surrogate (U+D800 at position 1)");
        assertThat(TextInput.problemWith("x\uDC00")).hasValue("must not contain a lone surrogate (U+DC00 at position 2)");
        assertThat(TextInput.problemWith("\uFFFE")).hasValue("must not contain a noncharacter (U+FFFE at position 1)");
        assertThat(TextInput.problemWith("\uFFFF")).hasValue("must not contain a noncharacter (U+FFFF at position 1)");
        assertThat(TextInput.problemWith("\uFDD0")).hasValue("must not contain a noncharacter (U+FDD0 at position 1)");
        assertThat(TextInput.problemWith("\uFDEF")).hasValue("must not contain a noncharacter (U+FDEF at position 1)");
        assertThat(TextInput.problemWith(new String(Character.toChars(0x1FFFE)))).hasValue("must not contain a noncharacter (U+1FFFE at position 1)");
        assertThat(TextInput.problemWith(new String(Character.toChars(0x10FFFF)))).hasValue("must not contain a noncharacter (U+10FFFF at position 1)");
        assertThat(TextInput.problemWith("\uFDCF\uFDF0")).isEmpty();
    }

    @Test
    void aBodyFieldIsAlsoBoundedInLength() {
        assertThat(TextInput.problemWithField("x".repeat(TextInput.MAX_CHARS))).isEmpty();
        assertThat(TextInput.problemWithField("x".repeat(TextInput.MAX_CHARS + 1))).hasValue("must be at most 10000 characters");
        assertThat(TextInput.problemWithField("x\u0000")).isPresent();
    }
}
