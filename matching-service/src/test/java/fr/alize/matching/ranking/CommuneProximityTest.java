package fr.alize.matching.ranking;

import fr.alize.programme.Communes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Proximity by the communes' numbers (what ranking uses) is proximity by their codes, for every pair tried. */
class CommuneProximityTest {

    private final CommuneProximity communes = CommuneProximity.hautsDeFrance();

    @Test
    void proximityByNumberEqualsProximityByCode() {
        List<String> codes = Communes.hautsDeFrance().all().stream().map(Communes.Commune::code).toList();
        int[] seen = new int[5];
        for (int i = 0; i < codes.size(); i += 7) { // every 7th commune against all of them
            String a = codes.get(i);
            for (String b : codes) {
                double byNumber = communes.proximity(communes.number(a), communes.number(b));
                assertThat(byNumber).as(a + " / " + b).isEqualTo(communes.proximity(a, b));
                seen[(int) (byNumber * 4)]++;
            }
        }
        assertThat(java.util.Arrays.stream(seen).min().getAsInt()).as("every level met: 0, département, arrondissement, EPCI, same").isPositive();
        assertThat(communes.number("75056")).isEqualTo(-1); // outside the reference: ranking compares by code
        assertThat(communes.number(null)).isEqualTo(-1);
    }
}
