package fr.alize.impact.employment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NafSectionsTest {

    @ParameterizedTest
    @CsvSource({"01.11Z,A", "03.22Z,A", "05.10Z,B", "10.71C,C", "33.20A,C", "35.11Z,D", "36.00Z,E", "41.20A,F",
            "47.76Z,G", "49.10Z,H", "56.10A,I", "62.01Z,J", "64.19Z,K", "68.20A,L", "70.22Z,M", "82.99Z,N",
            "84.11Z,O", "85.59A,P", "88.10A,Q", "93.12Z,R", "96.02A,S", "97.00Z,T", "99.00Z,U",
            "00.00Z,UNKNOWN", "4,UNKNOWN", "AB.12Z,UNKNOWN"})
    void theSectionComesFromTheDivision(String code, String section) {
        assertThat(NafSections.of(code)).isEqualTo(section);
    }
}
